import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LOCALES, messages } from '../src/i18n'
import {
  APPOINTMENT_STATES,
  FILING_STATES,
  HOLD_REASONS,
  ROW_CODES,
  ROW_OUTCOMES,
  SEAL_BUSINESSES,
  SEAL_STATES,
} from '../src/api/types'

/** The contract, read as it is: a code added there without words here fails this test. */
const CONTRACT = readFileSync(fileURLToPath(new URL('../../docs/catalogue.md', import.meta.url)), 'utf8')

/** Every refusal of the contract written as `NNN CODE`, e.g. `409 FILING_EXISTS`, or as a row of a refusal table. */
function refusalsOfContract(): string[] {
  const codes = new Set<string>()
  for (const m of CONTRACT.matchAll(/`(\d{3})\s+([A-Z][A-Z_]+[A-Z])`/g)) codes.add(m[2])
  // and the refusal tables: | `CODE` | 409 | …
  for (const m of CONTRACT.matchAll(/^\| `([A-Z][A-Z_]+[A-Z])` \| (\d{3}) \|/gm)) codes.add(m[1])
  // `409 FILING_NOT_<STATE>` names three codes
  codes.delete('FILING_NOT')
  for (const s of ['SUBMITTED', 'RETURNED', 'APPROVED']) codes.add(`FILING_NOT_${s}`)
  return [...codes].sort()
}

/** The row codes listed after "Row codes:" in the contract. */
function rowCodesOfContract(): string[] {
  const part = CONTRACT.slice(CONTRACT.indexOf('Row codes:'), CONTRACT.indexOf('Refused rows change nothing'))
  return [...part.matchAll(/`([A-Z][A-Z_]+)`/g)].map((m) => m[1])
}

/** The rule each refusal is made under, where the contract names one; its next step must cite it. */
const RULES: Record<string, string> = {
  SERIES_NOT_NATIONAL: 'R22',
  SERIES_NOT_FILED: 'R23',
  SEAL_NOT_REGISTERED: 'R24',
}

const group = (locale: (typeof LOCALES)[number], name: string) =>
  (messages[locale] as unknown as Record<string, Record<string, string>>)[name]

describe('self-evaluating units: every code of docs/catalogue.md has words in every language', () => {
  it('reads the contract (a guard against reading nothing)', () => {
    expect(refusalsOfContract()).toEqual(expect.arrayContaining(['FILING_EXISTS', 'NOT_EXCEL', 'WRONG_COLUMNS', 'SEAL_IN_FORCE']))
    expect(refusalsOfContract().length).toBeGreaterThan(20)
  })

  it('every refusal has a message and a next step (PAYLOAD_TOO_LARGE in the upload context)', () => {
    for (const l of LOCALES) {
      for (const code of refusalsOfContract()) {
        const key = group(l, 'problemCode')[`${code}_upload`] ? `${code}_upload` : code
        expect(group(l, 'problemCode')[key], `${l} problemCode.${key}`).toBeTruthy()
        // STALE_VERSION and INVALID_ID_NUMBER are shared with earlier pages and already have their next steps
        expect(group(l, 'problemNext')[key], `${l} problemNext.${key}`).toBeTruthy()
      }
    }
  })

  it('the refusals under a rule cite it in their next step', () => {
    for (const l of LOCALES) {
      for (const [code, rule] of Object.entries(RULES)) expect(group(l, 'problemNext')[code], `${l} ${code}`).toContain(rule)
    }
  })

  it('the row codes of the contract are the ones the page knows, each with words, R23 and R26 cited', () => {
    expect([...ROW_CODES]).toEqual(rowCodesOfContract())
    for (const l of LOCALES) {
      for (const c of ROW_CODES) expect(group(l, 'rowCode')[c], `${l} rowCode.${c}`).toBeTruthy()
      expect(group(l, 'rowCode').SERIES_NOT_FILED).toContain('R23')
      expect(group(l, 'rowCode').BACKFILL_TERM_ENDED).toContain('R26')
    }
  })

  it('states, businesses, outcomes, hold reasons, deadline kinds and jobs have labels', () => {
    const groups: [string, readonly string[]][] = [
      ['filingState', FILING_STATES],
      ['sealState', SEAL_STATES],
      ['sealBusiness', SEAL_BUSINESSES],
      ['appointmentState', APPOINTMENT_STATES],
      ['holdReason', HOLD_REASONS],
      ['rowOutcome', ROW_OUTCOMES],
      ['sex', ['MALE', 'FEMALE']],
      ['deadlineKind', ['SERIES_FILING_RENEWAL', 'SERIES_FILING_EXPIRY', 'APPOINTMENT_REPORT', 'APPOINTMENT_UPLOAD', 'CERTIFICATE_RELEASE']],
      ['jobName', ['expire-series-filings', 'release-appointment-certificates']],
      ['certKind', ['APPOINTMENT']],
    ]
    for (const l of LOCALES) {
      for (const [name, codes] of groups) for (const c of codes) expect(group(l, name)[c], `${l} ${name}.${c}`).toBeTruthy()
    }
  })

  it('the state lists match the contract', () => {
    for (const s of FILING_STATES) expect(CONTRACT).toContain(s)
    for (const s of SEAL_STATES) expect(CONTRACT).toContain(s)
    for (const s of [...APPOINTMENT_STATES, ...HOLD_REASONS, ...ROW_OUTCOMES]) expect(CONTRACT).toContain(`\`${s}\``)
  })

  it('the seal form says the image is the title seal, not the official seal, and carries the notice\'s declaration', () => {
    expect(messages['zh-CN'].sealForm.imageNote).toContain('职称专用章')
    expect(messages['zh-CN'].sealForm.imageNote).toContain('不需要提供单位公章')
    expect(messages['zh-CN'].sealForm.declaration).toContain('本单位在电子印章相关业务中提供的资料完全真实')
    expect(messages.en.sealForm.imageNote).toContain('not the unit\'s official seal')
  })
})
