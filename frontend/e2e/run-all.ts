// `npm run e2e`: every real-server browser test in sequence (journey, calendar, deadlines, spot checks, set-up,
// certificates, self-evaluating units), each in its own process so each prints its own "N passed, M failed" line; the
// exit code is 1 when any of them failed.
// The server must have a settable clock (infra/test.sh stage_e2e): the journey moves it through September 2026.
// The calendar and deadlines tests need only the demo seed, not what the journey leaves behind.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { E2E_DIR, log } from './lib'

// The HR bureau's set-up makes a 中小学教师 committee, so it runs after the scenarios that expect none.
// The certificate test walks its own senior application to FILED and moves the clock into late October; the
// self-evaluating units' test moves it about five weeks further (to past the release day of its appointments): they run
// last, in that order.
const FILES = [
  'journey.e2e.ts',
  'calendar.e2e.ts',
  'deadlines.e2e.ts',
  'spotcheck.e2e.ts',
  'setup.e2e.ts',
  'certificate.e2e.ts',
  'catalogue.e2e.ts',
]

let failed = 0
for (const f of FILES) {
  log(`\n=== ${f} ===`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(E2E_DIR, f)], { stdio: 'inherit', env: process.env })
  if (r.status !== 0) failed++
}
log(`\n${FILES.length - failed} of ${FILES.length} browser test files passed`)
process.exitCode = failed ? 1 : 0
