import { afterEach, describe, expect, it } from 'vitest'
import { i18n, messages } from '../src/i18n'
import { describeError } from '../src/lib/notify'
import { ProblemError } from '../src/lib/problem'
import { extensionMembers, fillMessage, localizeProblem, memberText } from '../src/lib/problemText'
import { formatDay } from '../src/lib/dates'

function refusal(body: Record<string, unknown>, status = 422) {
  return new ProblemError({ title: 'Server title', ...body }, status)
}

describe('problems with extension members, in the reader’s language', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('separates extension members from the standard ones', () => {
    expect(
      extensionMembers({ title: 't', code: 'C', rule: 'R7', status: 422, errors: [], publicityEndsOn: '2026-10-16', x: null } as never),
    ).toEqual({ publicityEndsOn: '2026-10-16' })
  })

  it('says until when an integrity ban runs (R20)', () => {
    const f = describeError(refusal({ code: 'INTEGRITY_BAN', rule: 'R20', banEndsOn: '2031-05-01', detail: 'banned' }))
    expect(f.title).toBe('因弄虚作假记入诚信档案，2031/05/01 之前不得申报')
    expect(f.ruleTag).toBe('(R20)')
    // the next step names the day the ban ends and what to do (R20)
    expect(f.next).toMatch(/^自 2031\/05\/01 起可再次申报（R20）/)
    expect(f.next).toContain('申请复核')
    // the server's English detail is not shown to a Chinese reader: the translated title says it all
    expect(f.detail).toBe('')
    expect(f.text).toContain('(R20)')
    i18n.global.locale.value = 'en'
    const en = describeError(refusal({ code: 'INTEGRITY_BAN', banEndsOn: '2031-05-01', detail: 'banned' }))
    expect(en.title).toBe('Fraud on your integrity record: you may not apply until 05/01/2031')
    expect(en.detail).toBe('banned')
    expect(en.next).toContain('from 05/01/2031')
  })

  it('tells a false-proof ban (R21) from a fraud ban (R20) by the rule', () => {
    const f = describeError(refusal({ code: 'INTEGRITY_BAN', rule: 'R21', banEndsOn: '2031-05-01' }))
    expect(f.title).toBe('您作为出具虚假证明的责任人记入诚信档案，2031/05/01 之前不得申报晋升职称')
    expect(f.next).toMatch(/^自 2031\/05\/01 起可再次申报晋升（R21）/)
    expect(f.ruleTag).toBe('(R21)')
  })

  it('tells a spot-check draw already drawn (R19) from a meeting draw (R10)', () => {
    expect(describeError(refusal({ code: 'ALREADY_DRAWN', rule: 'R19' })).title).toBe('本次抽查已经抽取')
    expect(describeError(refusal({ code: 'ALREADY_DRAWN', rule: 'R10' })).title).toBe('本次会议已抽取专家')
    expect(describeError(refusal({ code: 'ALREADY_DRAWN' })).title).toBe('本次会议已抽取专家')
  })

  it('names the publicity end date (R7)', () => {
    const f = describeError(refusal({ code: 'PUBLICITY_NOT_ENDED', rule: 'R7', publicityEndsOn: '2026-10-16' }))
    expect(f.title).toContain('2026/10/16')
    expect(f.next).toContain('2026/10/16')
  })

  it('lists the missing attachments by their names', () => {
    const p = refusal({ code: 'RECOMMENDATION_INCOMPLETE', rule: 'R7', missing: ['SUPERVISION_CARD', 'PUBLICITY_RECORD'] })
    expect(describeError(p).title).toBe('推荐材料不全，缺少：六公开监督卡、公示情况')
    i18n.global.locale.value = 'en'
    expect(describeError(p).title).toBe('Attachments missing: Six-disclosures supervision card, Publicity record')
  })

  it('tells a closed window from one not yet open (R1)', () => {
    const closed = describeError(refusal({ code: 'WINDOW_CLOSED', rule: 'R1', closedAt: '2026-09-30T16:00:00Z' }))
    expect(closed.title).toMatch(/^该系列的申报窗口已于 2026.*截止/)
    const notYet = describeError(refusal({ code: 'WINDOW_CLOSED', rule: 'R1', opensAt: '2026-10-01T00:00:00Z' }))
    expect(notYet.title).toMatch(/尚未开始，将于 2026.* 开始$/)
    expect(notYet.next).toBe(messages['zh-CN'].problemNext.WINDOW_CLOSED_opensAt)
  })

  it('shows "—" for a member the server did not send, and keeps unknown codes as the server said', () => {
    expect(describeError(refusal({ code: 'PUBLICITY_NOT_ENDED' })).title).toBe('单位公示期至 — 结束，期满后方可推荐')
    const other = describeError(refusal({ code: 'SOMETHING_NEW', detail: 'd' }))
    expect(other.title).toBe('Server title')
    expect(other.next).toBeUndefined()
  })

  it('has a next step for every coded message, in both languages', () => {
    for (const m of [messages['zh-CN'], messages.en]) {
      expect(Object.keys(m.problemNext).sort()).toEqual(Object.keys(m.problemCode).sort())
    }
  })

  it('formats members and fills templates', () => {
    const lookup = { locale: 'en', message: (k: string) => (k === 'evidenceKind.APPRAISAL_FORM' ? 'Form' : undefined) }
    expect(memberText(['APPRAISAL_FORM', 'OTHER'], lookup)).toBe('Form, OTHER')
    expect(memberText(3, lookup)).toBe('3')
    expect(fillMessage('a {x} b {y}', { x: '1' })).toBe('a 1 b —')
    expect(localizeProblem({ code: 'NOPE' }, lookup)).toBeNull()
    expect(localizeProblem({}, lookup)).toBeNull()
  })

  it('formats a calendar day without shifting it by time zone', () => {
    expect(formatDay('2031-05-01', 'zh-CN')).toBe('2031/05/01')
    expect(formatDay('2031-05-01', 'en')).toBe('05/01/2031')
    expect(formatDay('', 'en')).toBe('')
    expect(formatDay('not a day', 'en')).toBe('not a day')
  })
})

// The refusals of the committee route's meetings, votes, rounds and notices (docs/workflow.md) and the rule each comes from.
const COMMITTEE_CODES: Record<string, string> = {
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

describe('meeting, vote, round and notice refusals: a title and what to do next', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('every one has a title and a next step citing its rule, in both languages', () => {
    for (const [code, rule] of Object.entries(COMMITTEE_CODES)) {
      for (const m of [messages['zh-CN'], messages.en]) {
        expect((m.problemCode as Record<string, string>)[code], code).toBeTruthy()
        expect((m.problemNext as Record<string, string>)[code], code).toContain(rule)
      }
    }
  })

  it('fills the title and the next step from the extension members, dates in the reader’s format', () => {
    const f = describeError(refusal({ code: 'MEETING_TOO_SOON', rule: 'R11', earliestMeetingDate: '2026-10-23' }))
    expect(f.title).toContain('2026/10/23')
    expect(f.next).toContain('最早可选 2026/10/23')
    i18n.global.locale.value = 'en'
    expect(describeError(refusal({ code: 'NOTICE_TOO_SHORT', earliestEnd: '2026-11-02' })).next).toContain('end on 11/02/2026')
    expect(describeError(refusal({ code: 'NOTICE_RUNNING', noticeEndsOn: '2026-11-09' })).next).toContain('until 11/09/2026')
  })

  it('shows the senior rate as a percentage with its counts (R13)', () => {
    const f = describeError(refusal({ code: 'SENIOR_PASS_RATE_EXCEEDED', rule: 'R13', rate: 0.6, passed: 3, decided: 5 }))
    expect(f.title).toContain('60%')
    expect(f.next).toContain('60%（3/5）')
    const lookup = { locale: 'en', message: () => undefined }
    expect(memberText(0.6, lookup, 'rate')).toBe('60%')
    expect(memberText(3, lookup, 'passed')).toBe('3')
    expect(memberText(2, lookup, 'rate')).toBe('2')
  })

  it('reads a thrown ProblemError; a network failure has no next step', () => {
    expect(describeError(refusal({ code: 'NOTICE_NOT_RUNNING', rule: 'R15' }, 409)).next).toContain('R15')
    expect(describeError(new TypeError('Failed to fetch')).next).toBeUndefined()
  })
})
