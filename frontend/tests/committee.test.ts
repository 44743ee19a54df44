import { describe, expect, it } from 'vitest'
import {
  agendaCandidates,
  attendingCount,
  byDrawRank,
  chinaToday,
  committeeName,
  isBeforeDay,
  isQuorate,
  meetingActions,
  meetingDayReached,
  meetingStepIndex,
  noticeRunning,
  objectionOverdue,
  passesWith,
  percent,
  quorumNeeded,
  quorumOf,
  roundActions,
  roundStepIndex,
  seniorPassesAllowed,
  seniorStatus,
  sortNotices,
  summaryText,
  tallyOf,
  twoThirds,
  yesVotesNeeded,
} from '../src/lib/committee'
import type { Application, ReviewRound } from '../src/api/types'

describe('R12 two-thirds arithmetic (display only)', () => {
  it('rounds two-thirds up, in whole people', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 15, 21].map(twoThirds)).toEqual([
      0, 1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 8, 9, 10, 14,
    ])
  })

  it('never loses a person to floating point (2/3 of 3k is exactly 2k)', () => {
    for (let k = 1; k <= 200; k++) expect(twoThirds(3 * k)).toBe(2 * k)
  })

  it('the quorum is two-thirds of the members, and exactly that many is quorate', () => {
    expect(quorumNeeded(9)).toBe(6)
    expect(isQuorate(6, 9)).toBe(true)
    expect(isQuorate(5, 9)).toBe(false)
    expect(quorumNeeded(10)).toBe(7)
    expect(isQuorate(6, 10)).toBe(false) // 6/10 = 60% < 66.7%
    expect(isQuorate(7, 10)).toBe(true)
    expect(isQuorate(0, 0)).toBe(false)
    expect(quorumNeeded(null)).toBe(0)
  })

  it('an application passes with yes ≥ two-thirds of those attending, abstentions count against', () => {
    expect(yesVotesNeeded(7)).toBe(5)
    expect(passesWith(5, 7)).toBe(true)
    expect(passesWith(4, 7)).toBe(false)
    expect(passesWith(2, 3)).toBe(true)
    expect(passesWith(1, 2)).toBe(false)
    expect(passesWith(0, 0)).toBe(false)
  })

  it('tallies take the server outcome first and compute one only from counts', () => {
    const item = { applicationId: 'a', applicantName: 'A', yesVotes: 4, noVotes: 1, abstentions: 2 }
    expect(tallyOf(item, 7)).toEqual({ yes: 4, no: 1, abstain: 2, cast: 7, needed: 5, outcome: 'FAIL' })
    expect(tallyOf({ ...item, yesVotes: 5, abstentions: 1 }, 7).outcome).toBe('PASS')
    expect(tallyOf({ ...item, outcome: 'PASS' }, 7).outcome).toBe('PASS')
    expect(tallyOf({ applicationId: 'b', applicantName: 'B' }, 7).outcome).toBeNull()
  })

  it('quorum and attendance prefer what the server says', () => {
    const m = { committee: { id: 'c', name: 'C', memberCount: 9 }, expertCount: 7, quorum: null, attending: null }
    expect(quorumOf(m)).toBe(6)
    expect(quorumOf({ ...m, quorum: 8 })).toBe(8)
    expect(quorumOf({ ...m, committee: { id: 'c', name: 'C' } })).toBe(5) // falls back to the drawn count
    const experts = [
      { expertId: 'e1', name: 'x', attended: true },
      { expertId: 'e2', name: 'y', attended: false },
      { expertId: 'e3', name: 'z', attended: true },
    ]
    expect(attendingCount({ attending: null, experts })).toBe(2)
    expect(attendingCount({ attending: 5, experts })).toBe(5)
  })
})

describe('meetings', () => {
  it('lists experts by draw rank, unranked last', () => {
    const list = byDrawRank([
      { name: 'c', drawRank: 3 },
      { name: 'z', drawRank: null },
      { name: 'a', drawRank: 1 },
      { name: 'b', drawRank: 2 },
    ])
    expect(list.map((e) => e.name)).toEqual(['a', 'b', 'c', 'z'])
  })

  it('offers each role only its own step', () => {
    expect(meetingActions('REQUESTED', 'HR_BUREAU')).toEqual(['approve', 'reject'])
    expect(meetingActions('REQUESTED', 'COMMITTEE_OFFICE')).toEqual([])
    expect(meetingActions('APPROVED', 'COMMITTEE_OFFICE')).toEqual(['draw'])
    expect(meetingActions('APPROVED', 'HR_BUREAU')).toEqual([])
    expect(meetingActions('DRAWN', 'COMMITTEE_OFFICE')).toEqual(['attendance'])
    expect(meetingActions('VOTING', 'COMMITTEE_OFFICE')).toEqual(['close'])
    expect(meetingActions('CLOSED', 'COMMITTEE_OFFICE')).toEqual([])
    expect(meetingActions('NOT_QUORATE', 'COMMITTEE_OFFICE')).toEqual([])
    expect(meetingActions('VOTING', 'EXPERT')).toEqual([])
  })

  it('places failed meetings on the step where they stopped', () => {
    expect(meetingStepIndex('REJECTED')).toBe(0)
    expect(meetingStepIndex('NOT_QUORATE')).toBe(3)
    expect(meetingStepIndex('CLOSED')).toBe(5)
  })

  it('puts only ACCEPTED applications on an agenda', () => {
    const apps = [
      { id: '1', state: 'ACCEPTED', version: 1 },
      { id: '2', state: 'VETTED', version: 1 },
      { id: '3', state: 'UNDER_REVIEW', version: 1 },
    ] as Application[]
    expect(agendaCandidates(apps).map((a) => a.id)).toEqual(['1'])
  })
})

describe('dates', () => {
  it('reads today in China, not in the browser’s zone', () => {
    expect(chinaToday(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01')
    expect(chinaToday(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02')
    expect(chinaToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01')
  })

  it('disables picker days before the earliest date', () => {
    expect(isBeforeDay(new Date(2026, 9, 15), '2026-10-16')).toBe(true)
    expect(isBeforeDay(new Date(2026, 9, 16), '2026-10-16')).toBe(false)
    expect(isBeforeDay(new Date(2026, 0, 5), '2025-12-31')).toBe(false)
  })

  it('attendance from the meeting day on; notice running through its last day', () => {
    expect(meetingDayReached('2026-10-16', '2026-10-15')).toBe(false)
    expect(meetingDayReached('2026-10-16', '2026-10-16')).toBe(true)
    expect(meetingDayReached(null, '2026-10-16')).toBe(false)
    expect(noticeRunning('2026-10-16', '2026-10-16')).toBe(true)
    expect(noticeRunning('2026-10-16', '2026-10-17')).toBe(false)
    expect(noticeRunning(null, '2026-10-17')).toBe(false)
  })

  it('an objection is overdue only when unanswered after its due date', () => {
    expect(objectionOverdue({ decision: null, answerDueOn: '2026-10-16' }, '2026-10-17')).toBe(true)
    expect(objectionOverdue({ decision: null, answerDueOn: '2026-10-16' }, '2026-10-16')).toBe(false)
    expect(objectionOverdue({ decision: 'DISMISSED', answerDueOn: '2026-10-16' }, '2026-10-20')).toBe(false)
  })
})

describe('R13 senior pass rate', () => {
  const round = (rate: number, passed: number, decided: number, capExceeded: boolean, override = false) =>
    ({
      seniorPassRate: { rate, passed, decided, capExceeded },
      seniorOverride: override ? { reason: 'shortage of seniors in this field', by: 'hr', at: '2026-10-10' } : null,
    }) as Pick<ReviewRound, 'seniorPassRate' | 'seniorOverride'>

  it('shows percentages with at most one decimal', () => {
    expect(percent(0.5)).toBe('50%')
    expect(percent(2 / 3)).toBe('66.7%')
    expect(percent(1 / 3)).toBe('33.3%')
    expect(percent(0)).toBe('0%')
    expect(percent(null)).toBe('')
  })

  it('exactly 50% is within the cap; above it is exceeded unless overridden', () => {
    expect(seniorStatus(round(0.5, 2, 4, false))).toBe('WITHIN')
    expect(seniorStatus(round(0.6, 3, 5, true))).toBe('EXCEEDED')
    expect(seniorStatus(round(0.6, 3, 5, true, true))).toBe('OVERRIDDEN')
    expect(seniorStatus({ seniorPassRate: null, seniorOverride: null })).toBe('NONE')
    expect(seniorStatus(round(0, 0, 0, false))).toBe('NONE')
  })

  it('follows the server’s capExceeded over the client’s arithmetic', () => {
    expect(seniorStatus(round(0.6, 3, 5, false))).toBe('WITHIN')
  })

  it('the cap allows at most half the decided, rounded down', () => {
    expect(seniorPassesAllowed(5)).toBe(2)
    expect(seniorPassesAllowed(4)).toBe(2)
    expect(seniorPassesAllowed(0)).toBe(0)
  })
})

describe('review rounds', () => {
  const r = (state: string, capExceeded = false, override = false) =>
    ({
      state,
      seniorPassRate: { rate: capExceeded ? 0.75 : 0.25, passed: capExceeded ? 3 : 1, decided: 4, capExceeded },
      seniorOverride: override ? { reason: 'reason enough' } : null,
    }) as ReviewRound

  it('gives each role its step in each state', () => {
    expect(roundActions(r('OPEN'), 'COMMITTEE_OFFICE')).toEqual(['passList'])
    expect(roundActions(r('OPEN'), 'HR_BUREAU')).toEqual([])
    expect(roundActions(r('OPEN', true), 'HR_BUREAU')).toEqual(['override'])
    expect(roundActions(r('OPEN', true, true), 'HR_BUREAU')).toEqual([])
    expect(roundActions(r('PASS_LIST_SUBMITTED'), 'HR_BUREAU')).toEqual(['approve', 'return'])
    expect(roundActions(r('PASS_LIST_SUBMITTED'), 'COMMITTEE_OFFICE')).toEqual([])
    expect(roundActions(r('APPROVED'), 'HR_BUREAU')).toEqual(['publish'])
    expect(roundActions(r('NOTICE'), 'HR_BUREAU')).toEqual(['file'])
    expect(roundActions(r('FILED'), 'COMMITTEE_OFFICE')).toEqual(['summary'])
    expect(roundActions(r('FILED'), 'HR_BUREAU')).toEqual([])
    expect(roundActions(r('NOTICE'), 'EXPERT')).toEqual([])
  })

  it('steps: FILED completes every step', () => {
    expect(roundStepIndex('OPEN')).toBe(0)
    expect(roundStepIndex('NOTICE')).toBe(3)
    expect(roundStepIndex('FILED')).toBe(5)
    expect(roundStepIndex('???')).toBe(0)
  })

  it('reads the summary whichever shape it comes in', () => {
    expect(summaryText({ summary: 'text' })).toBe('text')
    expect(summaryText({ summary: { content: 'c', submittedAt: 'x' } })).toBe('c')
    expect(summaryText({ summary: null })).toBe('')
  })
})

describe('public notices', () => {
  it('running first (ending soonest first), then past ones (latest first)', () => {
    const list = [
      { id: 'old', running: false, noticeEndsOn: '2026-01-10' },
      { id: 'run-late', running: true, noticeEndsOn: '2026-10-20' },
      { id: 'recent', running: false, noticeEndsOn: '2026-09-01' },
      { id: 'run-soon', running: true, noticeEndsOn: '2026-10-16' },
    ]
    expect(sortNotices(list).map((n) => n.id)).toEqual(['run-soon', 'run-late', 'recent', 'old'])
  })

  it('committee as a name or an object', () => {
    expect(committeeName('工程技术中级评委会')).toBe('工程技术中级评委会')
    expect(committeeName({ id: 'c', name: 'N' })).toBe('N')
    expect(committeeName(null)).toBe('')
  })
})
