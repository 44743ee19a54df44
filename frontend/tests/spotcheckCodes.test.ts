import { describe, expect, it } from 'vitest'
import { LOCALES, messages } from '../src/i18n'
import {
  FINDING_RESULTS,
  INTEGRITY_KINDS,
  REPORT_STATES,
  REQUEST_ADDRESSEES,
  SAMPLE_OUTCOMES,
  SPOTCHECK_STATES,
} from '../src/api/types'

/** The Refusals table of docs/spotcheck.md, with the rule each is refused under. */
const REFUSALS: [string, string][] = [
  ['EMPTY_POPULATION', 'R18'],
  ['RATIO_TOO_LOW', 'R18'],
  ['POPULATION_CHANGED', 'R19'],
  ['INVALID_COMMITMENT', 'R19'],
  ['INVALID_SEED', 'R19'],
  ['SEED_MISMATCH', 'R19'],
  ['ALREADY_DRAWN', 'R19'],
  ['OPEN_DRAW_EXISTS', 'R19'],
  ['NOT_ENOUGH_INSPECTORS', 'R19'],
  ['NOT_IN_SAMPLE', 'R18'],
  ['INSPECTOR_RECUSED', 'R19'],
  ['NOT_ASSIGNED_INSPECTOR', 'R19'],
  ['FINDINGS_INCOMPLETE', 'R18'],
  ['ALREADY_CONCLUDED', 'R18'],
  ['NOT_FRAUD_SUSPECTED', 'R20'],
  ['INTEGRITY_BAN', 'R20'],
  ['INTEGRITY_BAN', 'R21'],
  ['REPORT_DECIDED', 'R31'],
  ['DRAW_SUPERSEDED', 'R19'],
  ['OUTCOME_NOT_ALLOWED', 'R20'],
  ['SPOT_CHECK_NOT_FOUND', ''],
  ['EVIDENCE_NOT_FOUND', ''],
  ['FINDING_REQUIRED', ''],
  ['NOT_AN_EXPERT', ''],
  ['REQUEST_NOT_FOUND', ''],
  ['ALREADY_ANSWERED', ''],
  ['UNIT_NOT_FOUND', 'R21'],
  ['INVALID_ID_NUMBER', ''],
  ['ALREADY_RESCINDED', ''],
  ['MALFORMED_CERTIFICATE_NUMBER', ''],
  ['NO_CERTIFICATE_TO_REVOKE', 'R31'],
]

describe('spot checks and integrity: every code has words in every language', () => {
  it('every refusal of the contract has a message and a next step (or its rule variant)', () => {
    for (const l of LOCALES) {
      const code = messages[l].problemCode as Record<string, string>
      const next = messages[l].problemNext as Record<string, string>
      for (const [c, rule] of REFUSALS) {
        const key = code[`${c}_${rule}`] ? `${c}_${rule}` : c
        expect(code[key], `${l} ${key}`).toBeTruthy()
        expect(next[key], `${l} ${key}`).toBeTruthy()
      }
    }
  })

  it('the next steps of the refusals under a rule cite it', () => {
    for (const l of LOCALES) {
      const next = messages[l].problemNext as Record<string, string>
      for (const [c, rule] of REFUSALS) {
        const key = next[`${c}_${rule}`] ? `${c}_${rule}` : c
        if (rule) expect(next[key], `${l} ${key}`).toContain(rule)
      }
    }
  })

  it('states, outcomes, results, addressees, kinds and report states have labels', () => {
    for (const l of LOCALES) {
      const m = messages[l]
      for (const c of SPOTCHECK_STATES) expect(m.spotState[c], `${l} ${c}`).toBeTruthy()
      for (const c of [...SAMPLE_OUTCOMES, 'PENDING'] as const) expect(m.sampleOutcome[c], `${l} ${c}`).toBeTruthy()
      for (const c of [...FINDING_RESULTS, 'PENDING'] as const) expect(m.findingResult[c], `${l} ${c}`).toBeTruthy()
      for (const c of REQUEST_ADDRESSEES) expect(m.addressee[c], `${l} ${c}`).toBeTruthy()
      for (const c of INTEGRITY_KINDS) expect(m.integrityKind[c], `${l} ${c}`).toBeTruthy()
      for (const c of REPORT_STATES) expect(m.reportState[c], `${l} ${c}`).toBeTruthy()
    }
  })

  it('the fraud confirmation spells out VOID, revocation and the ban (R20, R21)', () => {
    for (const l of LOCALES) {
      const d = messages[l].spotDetail
      expect(d.consequenceVoid).toContain('VOID')
      expect(d.consequenceVoid).toContain('REVOKED')
      expect(d.consequenceBan).toContain('{years}')
      expect(d.consequenceFalseProof).toContain('R21')
    }
  })
})
