import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../src/i18n'
import zhCN from '../src/i18n/zh-CN'
import en from '../src/i18n/en'
import { extensionParams, problemHint } from '../src/lib/problemHints'
import { hintOf } from '../src/lib/notify'
import { ProblemError } from '../src/lib/problem'

const t = (k: string, p?: Record<string, unknown>) => i18n.global.t(k, p ?? {})
const te = (k: string) => i18n.global.te(k)

// The refusals of the committee route (docs/workflow.md) and the rule each comes from.
const CODES: Record<string, string> = {
  MEETING_TOO_SOON: 'R11',
  PAST_YEAR_END: 'R17',
  POOL_NOT_UPDATED: 'R9',
  NOT_ENOUGH_EXPERTS: 'R10',
  ALREADY_DRAWN: 'R10',
  MEETING_NOT_STARTED: 'R12',
  NOT_ATTENDING: 'R12',
  ALREADY_VOTED: 'R12',
  SENIOR_PASS_RATE_EXCEEDED: 'R13',
  UNDECIDED_APPLICATIONS: 'R14',
  PASS_LIST_NOT_APPROVED: 'R14',
  NOTICE_TOO_SHORT: 'R15',
  NOTICE_RUNNING: 'R15',
  OBJECTION_UNANSWERED: 'R15',
  NOTICE_NOT_RUNNING: 'R15',
}

describe('what to do next about a refusal', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('every committee-route refusal has a hint citing its rule, in both languages', () => {
    for (const [code, rule] of Object.entries(CODES)) {
      for (const m of [zhCN, en]) {
        const text = (m.problemHint as Record<string, string>)[code]
        expect(text, code).toBeTruthy()
        expect(text, code).toContain(rule)
      }
    }
  })

  it('fills the hint from the extension members', () => {
    const p = { code: 'MEETING_TOO_SOON', rule: 'R11', title: 'Too soon', earliestMeetingDate: '2026-10-23' }
    expect(problemHint(p, t, te)).toContain('2026-10-23')
    i18n.global.locale.value = 'en'
    const tooShort = { code: 'NOTICE_TOO_SHORT', earliestEnd: '2026-11-02' }
    const running = { code: 'NOTICE_RUNNING', noticeEndsOn: '2026-11-09' }
    expect(problemHint(tooShort, t, te)).toContain('end on 2026-11-02')
    expect(problemHint(running, t, te)).toContain('until 2026-11-09')
  })

  it('shows the senior rate as a percentage with its counts', () => {
    const p = { code: 'SENIOR_PASS_RATE_EXCEEDED', rule: 'R13', rate: 0.6, passed: 3, decided: 5 }
    expect(extensionParams(p)).toEqual({ rate: '60%', passed: '3', decided: '5' })
    expect(problemHint(p, t, te)).toContain('60%（3/5）')
  })

  it('leaves standard members out of the parameters and skips objects', () => {
    const p = { code: 'X', rule: 'R1', title: 't', status: 409, detail: 'd', nested: { a: 1 }, list: ['a', 'b'] }
    expect(extensionParams(p)).toEqual({ list: 'a, b' })
  })

  it('gives nothing for unknown codes or no problem', () => {
    expect(problemHint({ code: 'SOMETHING_ELSE' }, t, te)).toBe('')
    expect(problemHint({ title: 'no code' }, t, te)).toBe('')
    expect(problemHint(null, t, te)).toBe('')
  })

  it('hintOf reads a thrown ProblemError, and nothing from a network failure', () => {
    const err = new ProblemError({ code: 'NOTICE_NOT_RUNNING', rule: 'R15', title: 'Not running' }, 409)
    expect(hintOf(err)).toContain('R15')
    expect(hintOf(new TypeError('Failed to fetch'))).toBe('')
  })
})
