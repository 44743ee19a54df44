// Deadlines (R32), notifications and scheduled jobs through the real UI:
// the HR bureau opens /deadlines from the header (期限), sees the notifications bell with its unread
// count, runs the job "mark-overdue" with "run now" and sees this run's row reach SUCCEEDED;
// then the committee office signs in and sees the deadlines page render (its rows, or the empty state
// when the demo data has no deadlines for it), without the waive buttons or the jobs card.
//
// Independent of what other browser tests leave behind: it tells this run's job row from earlier ones
// by the rows' ids, and accepts any number of deadlines (including none).
// Run: ZC_BASE_URL=http://localhost:8080 npx tsx e2e/deadlines.e2e.ts
// Prints "1 passed, 0 failed" or "0 passed, 1 failed"; on failure saves a screenshot in e2e/artifacts/.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { BASE_URL, ensureArtifacts, launch, log } from './lib'

const PASSWORD = process.env.ZC_DEMO_PASSWORD ?? 'demo123'
const TIMEOUT = Number(process.env.ZC_E2E_TIMEOUT_MS ?? 20000)
/** A run may take a while on the real backend: the card looks again while it is RUNNING. */
const RUN_TIMEOUT = Math.max(TIMEOUT, 30000)

let currentStep = '(start)'
const problems: string[] = []
const pageErrors: string[] = []

class StepError extends Error {}

function fail(message: string): never {
  throw new StepError(message)
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  currentStep = name
  const started = Date.now()
  log(`→ ${name}`)
  const result = await fn()
  log(`  ✓ ${name} (${Date.now() - started} ms)`)
  return result
}

function byTestId(scope: Page | Locator, id: string): Locator {
  return scope.locator(`[data-testid="${id}"]`)
}

/** The native input of an Element Plus field, wherever the data-testid landed. */
function field(scope: Page | Locator, id: string): Locator {
  const q = `[data-testid="${id}"]`
  return scope.locator(`input${q}, textarea${q}, ${q} input, ${q} textarea`).first()
}

async function visibleProblems(page: Page): Promise<string> {
  const texts = await page
    .locator('[data-testid="problem-message"]:visible, .zc-problem-alert:visible')
    .allInnerTexts()
    .catch(() => [] as string[])
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ')
}

async function signIn(page: Page, username: string, expectedRole: string): Promise<void> {
  await page.goto(`${BASE_URL}/sign-in`)
  const signOut = byTestId(page, 'sign-out')
  if (await signOut.isVisible().catch(() => false)) {
    await signOut.click()
    await page.waitForURL(/\/sign-in/, { timeout: TIMEOUT })
  }
  await byTestId(page, 'sign-in-form').waitFor({ timeout: TIMEOUT }).catch(() =>
    fail(`the sign-in page did not render at ${BASE_URL}/sign-in (is the backend serving frontend/dist?)`),
  )
  await field(page, 'sign-in-username').fill(username)
  await field(page, 'sign-in-password').fill(PASSWORD)
  await byTestId(page, 'sign-in-submit').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: TIMEOUT }).catch(async () =>
    fail(`sign-in as "${username}" did not leave /sign-in ${await visibleProblems(page)}`.trim()),
  )
  const role = await byTestId(page, 'current-user').getAttribute('data-role', { timeout: TIMEOUT })
  if (role !== expectedRole) fail(`"${username}" signed in with role ${role}, not ${expectedRole}`)
  log(`    signed in as ${username} (role ${role})`)
}

/** Open /deadlines from the header link and wait until the list has loaded. */
async function openDeadlines(page: Page): Promise<Locator> {
  const nav = byTestId(page, 'nav-deadlines')
  await nav.waitFor({ timeout: TIMEOUT }).catch(() => fail('no "期限" link in the header'))
  if ((await nav.innerText()).trim() !== '期限') fail(`the header link says "${(await nav.innerText()).trim()}", not 期限`)
  await nav.click()
  await page.waitForURL((u) => u.pathname === '/deadlines', { timeout: TIMEOUT })
  const pageEl = page.locator('[data-testid="deadlines-page"][data-loaded="true"]')
  await pageEl.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the deadlines page did not load ${await visibleProblems(page)}`))
  return pageEl
}

/** "3 rows: PASS_LIST/OVERDUE, …" or the empty state, for the log. */
async function deadlineSummary(page: Page): Promise<string> {
  const rows = await page.locator('[data-testid="deadline-row"]').evaluateAll((els) =>
    els.map(
      (e) =>
        `${e.getAttribute('data-section')}:${e.getAttribute('data-kind')}/${e.getAttribute('data-state')}${e.getAttribute('data-provisional') === 'true' ? '(暂定)' : ''}`,
    ),
  )
  if (rows.length) return `${rows.length} rows: ${rows.join(', ')}`
  const empty = byTestId(page, 'deadlines-empty')
  return (await empty.isVisible().catch(() => false)) ? `empty state "${(await empty.innerText()).trim()}"` : 'no rows and no empty state'
}

/** Every row carries its kind, state and provisional flag; overdue rows sit in the overdue section. */
async function checkRows(page: Page): Promise<void> {
  const attrs = await page.locator('[data-testid="deadline-row"]').evaluateAll((els) =>
    els.map((e) => ({
      kind: e.getAttribute('data-kind') ?? '',
      state: e.getAttribute('data-state') ?? '',
      provisional: e.getAttribute('data-provisional') ?? '',
      section: e.getAttribute('data-section') ?? '',
      text: (e.textContent ?? '').trim(),
    })),
  )
  for (const a of attrs) {
    if (!a.kind || !a.state) fail(`a deadline row lacks data-kind or data-state: ${JSON.stringify(a)}`)
    if (a.provisional !== 'true' && a.provisional !== 'false') fail(`a deadline row has data-provisional="${a.provisional}"`)
    if (!a.text) fail(`a deadline row has no title: ${JSON.stringify(a)}`)
    if (a.state === 'OVERDUE' && a.section !== 'overdue') fail(`an OVERDUE deadline is listed under "${a.section}"`)
  }
  if (!attrs.length) {
    await byTestId(page, 'deadlines-empty')
      .waitFor({ timeout: TIMEOUT })
      .catch(() => fail('no deadline rows and no empty state'))
  }
}

async function bellUnread(page: Page): Promise<string> {
  const bell = byTestId(page, 'notifications-bell')
  await bell.waitFor({ timeout: TIMEOUT }).catch(() => fail('no notifications bell in the header'))
  const unread = await bell.getAttribute('data-unread')
  if (unread === null || !/^\d+$/.test(unread)) fail(`the bell has data-unread="${unread}"`)
  return unread
}

async function runIds(page: Page, job: string): Promise<Set<string>> {
  const ids = await page
    .locator(`[data-testid="job-run-row"][data-job="${job}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
  return new Set(ids)
}

async function run(page: Page): Promise<void> {
  await step('HR bureau signs in and opens 期限 from the header', async () => {
    await signIn(page, 'hrbureau', 'HR_BUREAU')
    const unread = await bellUnread(page)
    await openDeadlines(page)
    await checkRows(page)
    await byTestId(page, 'jobs-card').waitFor({ timeout: TIMEOUT }).catch(() => fail('HR_BUREAU sees no scheduled-jobs card'))
    log(`    ${await deadlineSummary(page)}; bell unread=${unread}`)
  })

  await step('the notifications bell opens the list', async () => {
    await byTestId(page, 'notifications-bell').click()
    const drawer = page.locator('.el-drawer:visible')
    await drawer.waitFor({ timeout: TIMEOUT }).catch(() => fail('the notifications list did not open'))
    const items = await byTestId(page, 'notification-item').count()
    if (!items) {
      await byTestId(page, 'notifications-empty')
        .waitFor({ timeout: TIMEOUT })
        .catch(() => fail('no notification items and no empty state'))
    }
    log(`    ${items} notification(s)`)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined)
  })

  await step('"run now" of mark-overdue adds a run that SUCCEEDED', async () => {
    // Let the card load its runs, so earlier runs are known and not mistaken for this one.
    await page
      .locator('[data-testid="jobs-table"] .el-loading-mask')
      .waitFor({ state: 'hidden', timeout: TIMEOUT })
      .catch(() => undefined)
    const before = await runIds(page, 'mark-overdue')
    await byTestId(page, 'jobs-run-select').click()
    const option = page.locator('.el-select-dropdown__item:visible[data-job="mark-overdue"]').first()
    await option.waitFor({ timeout: TIMEOUT }).catch(async () => {
      const seen = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
      fail(`mark-overdue is not offered; options: [${seen.join(', ')}]`)
    })
    await option.click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .first()
      .waitFor({ state: 'hidden', timeout: TIMEOUT })
      .catch(() => undefined)
    const chosen = await byTestId(page, 'jobs-run-select').getAttribute('data-job')
    if (chosen !== 'mark-overdue') fail(`the select holds "${chosen}", not mark-overdue`)
    await byTestId(page, 'jobs-run-submit').click()

    const started = Date.now()
    let fresh: { id: string; status: string; text: string }[] = []
    while (Date.now() - started < RUN_TIMEOUT) {
      const rows = await page.locator('[data-testid="job-run-row"][data-job="mark-overdue"]').evaluateAll((els) =>
        els.map((e) => ({ id: e.getAttribute('data-id') ?? '', status: e.getAttribute('data-status') ?? '', text: (e.textContent ?? '').trim() })),
      )
      fresh = rows.filter((r) => !before.has(r.id))
      if (fresh.some((r) => r.status === 'SUCCEEDED' || r.status === 'FAILED')) break
      // The card refreshes by itself while a run is RUNNING; on a slow server, ask again.
      if (Date.now() - started > 10000) await byTestId(page, 'jobs-refresh').click().catch(() => undefined)
      await page.waitForTimeout(500)
    }
    const problemText = await visibleProblems(page)
    if (!fresh.length) fail(`no new mark-overdue run row appeared ${problemText}`.trim())
    const done = fresh.find((r) => r.status === 'SUCCEEDED')
    if (!done) {
      const err = await page.locator(`[data-testid="job-run-row"][data-id="${fresh[0].id}"]`).locator('xpath=ancestor::tr').innerText().catch(() => '')
      fail(`this run of mark-overdue is ${fresh.map((r) => r.status).join('/')}, not SUCCEEDED: ${err.replace(/\s+/g, ' ')} ${problemText}`.trim())
    }
    const row = page.locator(`[data-testid="job-run-row"][data-id="${done.id}"]`).locator('xpath=ancestor::tr')
    log(`    run ${done.id}: ${(await row.innerText()).replace(/\s+/g, ' ').trim()}`)
    // The page reloads the deadlines after a run: whatever mark-overdue changed is in the overdue section.
    await checkRows(page)
    log(`    after the run: ${await deadlineSummary(page)}`)
  })

  await step('the committee office sees the deadlines page render', async () => {
    await signIn(page, 'office', 'COMMITTEE_OFFICE')
    await bellUnread(page)
    const pageEl = await openDeadlines(page)
    if ((await pageEl.getAttribute('data-role')) !== 'COMMITTEE_OFFICE') fail('the page does not know the role')
    await checkRows(page)
    if (await byTestId(page, 'deadline-waive').count()) fail('COMMITTEE_OFFICE is offered "waive" (HR_BUREAU only)')
    if (await byTestId(page, 'jobs-card').count()) fail('COMMITTEE_OFFICE sees the scheduled-jobs card (HR_BUREAU only)')
    log(`    ${await deadlineSummary(page)}`)
  })
}

async function main(): Promise<number> {
  const dir = ensureArtifacts()
  log(`zhicheng e2e deadlines against ${BASE_URL}`)
  let browser: Browser | null = null
  let page: Page | null = null
  try {
    browser = await launch()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })
    context.setDefaultTimeout(TIMEOUT)
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    page.on('console', (m) => {
      if (m.text().startsWith('[problem]')) problems.push(m.text())
    })
    await run(page)
    await page.screenshot({ path: join(dir, 'deadlines-final.png'), fullPage: true }).catch(() => undefined)
    log('1 passed, 0 failed')
    return 0
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    log(`✗ FAILED at step "${currentStep}": ${message}`)
    if (!(e instanceof StepError) && e instanceof Error && e.stack) {
      log(e.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4).join('\n'))
    }
    if (problems.length) log(`  problems shown: ${problems.slice(-3).join(' || ')}`)
    if (pageErrors.length) log(`  page errors: ${pageErrors.slice(-3).join(' || ')}`)
    if (page) {
      const file = join(dir, `failure-deadlines-${currentStep.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
      await page
        .screenshot({ path: file, fullPage: true })
        .then(() => log(`  screenshot: ${file}`))
        .catch(() => undefined)
      writeFileSync(join(dir, 'failure-deadlines.txt'), `${currentStep}\n${message}\n${page.url()}\n`)
    }
    log('0 passed, 1 failed')
    return 1
  } finally {
    await browser?.close().catch(() => undefined)
  }
}

process.exitCode = await main()
