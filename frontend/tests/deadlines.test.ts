import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  anyRunning,
  badgeText,
  deadlineStateTagType,
  isClosed,
  isOverdue,
  jobStatusTagType,
  replaceById,
  ruleTag,
  sortBySoonest,
  sortRunsNewestFirst,
  splitDeadlines,
  textIn,
  unreadCount,
} from '../src/lib/deadlines'
import { i18n, LOCALES } from '../src/i18n'
import { codeLabel } from '../src/lib/labels'
import { DAY_TYPES, DEADLINE_KINDS, DEADLINE_STATES, JOB_NAMES, JOB_STATUSES, NOTIFICATION_KINDS } from '../src/api/types'
import type { AppNotification, Deadline } from '../src/api/types'
import { deadlines, jobs, notifications } from '../src/api/endpoints'

// The code lists of the deadlines contract, spelled out here so a change there is noticed here.
// docs/api.md, then docs/spotcheck.md (SPOT_CHECK_RESPONSE, R18), then docs/certificates.md (ISSUANCE_REPORT, R29)
const API_KINDS = (
  'UNIT_PUBLICITY, MEETING_APPLICATION, PASS_LIST, RESULT_NOTICE, OBJECTION_ANSWER, FILING, INTERMEDIATE_FINISH, INTERMEDIATE_SUMMARY, JUNIOR_FINISH, SUBMISSION_WINDOW_CLOSE, SPOT_CHECK_RESPONSE, ISSUANCE_REPORT, ' +
  // docs/catalogue.md (R22, R25)
  'SERIES_FILING_RENEWAL, SERIES_FILING_EXPIRY, APPOINTMENT_REPORT, APPOINTMENT_UPLOAD, CERTIFICATE_RELEASE'
).split(', ')
const API_STATES = ['OPEN', 'MET', 'OVERDUE', 'WAIVED']
const API_JOBS = [
  'mark-overdue',
  'end-notice-periods',
  'send-reminders',
  'close-submission-windows',
  'verify-audit-chain',
  // docs/catalogue.md (R22, R25)
  'expire-series-filings',
  'release-appointment-certificates',
]

function dl(id: string, dueDate: string, state: string, extra: Partial<Deadline> = {}): Deadline {
  return { id, kind: 'FILING', rule: 'R16', dueDate, state, ...extra }
}

describe('splitting and sorting deadlines', () => {
  const list: Deadline[] = [
    dl('e', '2026-12-01', 'OPEN'),
    dl('a', '2026-10-20', 'OVERDUE', { overdue: true }),
    dl('b', '2026-10-09', 'OPEN', { overdue: true }), // past due, not yet marked by the job
    dl('c', '2026-10-16', 'OPEN', { provisional: true }),
    dl('d', '2026-10-01', 'MET'),
    dl('f', '2026-09-01', 'WAIVED', { overdue: true }),
    dl('g', '2026-10-16', 'OPEN'),
  ]

  it('sorts soonest first, ties by id, without changing the input', () => {
    const before = list.map((d) => d.id)
    expect(sortBySoonest(list).map((d) => d.id)).toEqual(['f', 'd', 'b', 'c', 'g', 'a', 'e'])
    expect(list.map((d) => d.id)).toEqual(before)
  })

  it('puts OVERDUE and open-but-overdue in overdue, open in upcoming, met and waived apart', () => {
    const s = splitDeadlines(list)
    expect(s.overdue.map((d) => d.id)).toEqual(['b', 'a'])
    expect(s.upcoming.map((d) => d.id)).toEqual(['c', 'g', 'e'])
    expect(s.closed.map((d) => d.id)).toEqual(['f', 'd'])
    expect(s.overdue.length + s.upcoming.length + s.closed.length).toBe(list.length)
  })

  it('handles empty and missing lists', () => {
    expect(splitDeadlines([])).toEqual({ overdue: [], upcoming: [], closed: [] })
    expect(splitDeadlines(null)).toEqual({ overdue: [], upcoming: [], closed: [] })
  })

  it('knows overdue and closed', () => {
    expect(isOverdue({ state: 'OVERDUE' })).toBe(true)
    expect(isOverdue({ state: 'OPEN', overdue: true })).toBe(true)
    expect(isOverdue({ state: 'OPEN', overdue: false })).toBe(false)
    expect(isOverdue({ state: 'WAIVED', overdue: true })).toBe(false)
    expect(isClosed({ state: 'MET' })).toBe(true)
    expect(isClosed({ state: 'OPEN' })).toBe(false)
  })

  it('formats rule tags and picks tag colours', () => {
    expect(ruleTag('R14')).toBe('R14')
    expect(ruleTag('r7')).toBe('R7')
    expect(ruleTag('15')).toBe('R15')
    expect(ruleTag(null)).toBe('')
    expect(deadlineStateTagType('OVERDUE')).toBe('danger')
    expect(deadlineStateTagType('MET')).toBe('success')
    expect(deadlineStateTagType('WAIVED')).toBe('info')
    expect(deadlineStateTagType('OPEN')).toBe('primary')
    expect(jobStatusTagType('SUCCEEDED')).toBe('success')
    expect(jobStatusTagType('FAILED')).toBe('danger')
    expect(jobStatusTagType('RUNNING')).toBe('warning')
  })

  it('shows a bilingual text in the UI language, falling back to the other', () => {
    const text = { zh: '自 2026-09-28 起 10 个工作日', en: '10 working days from 2026-09-28' }
    expect(textIn(text, 'zh-CN')).toBe(text.zh)
    expect(textIn(text, 'en')).toBe(text.en)
    expect(textIn({ zh: '仅中文' }, 'en')).toBe('仅中文')
    expect(textIn({ en: 'only English', zh: ' ' }, 'zh-CN')).toBe('only English')
    expect(textIn(null, 'en')).toBe('')
  })
})

describe('notifications and job runs', () => {
  const notes: AppNotification[] = [
    { id: 1, kind: 'OVERDUE', readAt: null },
    { id: 2, kind: 'REMINDER', readAt: '2026-10-01T08:00:00Z' },
    { id: 3, kind: 'REMINDER' },
  ]

  it('counts unread and writes the badge', () => {
    expect(unreadCount(notes)).toBe(2)
    expect(unreadCount([])).toBe(0)
    expect(unreadCount(undefined)).toBe(0)
    expect(badgeText(0)).toBe('')
    expect(badgeText(7)).toBe('7')
    expect(badgeText(120)).toBe('99+')
  })

  it('replaces a notification by the server answer, or marks it read locally', () => {
    const next = replaceById(notes, { id: 1, kind: 'OVERDUE', readAt: '2026-10-02T00:00:00Z' })
    expect(next.map((n) => n.id)).toEqual([1, 2, 3])
    expect(unreadCount(next)).toBe(1)
    const local = replaceById(notes, undefined, { id: '3', readAt: 'now' })
    expect(local[2].readAt).toBe('now')
    expect(notes[0].readAt).toBeNull()
  })

  it('orders runs newest first and sees running ones', () => {
    const runs = [
      { id: 'a', startedAt: '2026-10-01T08:00:00Z', status: 'SUCCEEDED' },
      { id: 'b', startedAt: '2026-10-02T08:00:00Z', status: 'RUNNING' },
      { id: 'c', startedAt: '2026-10-02T08:00:00Z', status: 'FAILED' },
    ]
    expect(sortRunsNewestFirst(runs).map((r) => r.id)).toEqual(['c', 'b', 'a'])
    expect(anyRunning(runs)).toBe(true)
    expect(anyRunning(runs.filter((r) => r.status !== 'RUNNING'))).toBe(false)
  })
})

describe('labels of the deadline codes', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  const t = (k: string) => i18n.global.t(k)
  const te = (k: string) => i18n.global.te(k)

  it('the code lists match the contract', () => {
    expect([...DEADLINE_KINDS]).toEqual(API_KINDS)
    expect([...DEADLINE_STATES]).toEqual(API_STATES)
    expect([...JOB_NAMES]).toEqual(API_JOBS)
    expect([...JOB_STATUSES]).toEqual(['RUNNING', 'SUCCEEDED', 'FAILED'])
    expect([...NOTIFICATION_KINDS]).toEqual(['REMINDER', 'OVERDUE', 'RELEASED'])
    expect([...DAY_TYPES]).toEqual(['WORKING', 'CALENDAR', 'FIXED_DATE'])
  })

  it('every kind, state, day type, job, job status and notification kind has a name in every language', () => {
    const groups: [string, readonly string[]][] = [
      ['deadlineKind', DEADLINE_KINDS],
      ['deadlineState', DEADLINE_STATES],
      ['dayType', DAY_TYPES],
      ['jobName', JOB_NAMES],
      ['jobStatus', JOB_STATUSES],
      ['notificationKind', NOTIFICATION_KINDS],
    ]
    for (const locale of LOCALES) {
      i18n.global.locale.value = locale
      for (const [group, codes] of groups) {
        const names = codes.map((c) => codeLabel(t, te, group, c))
        for (const [i, c] of codes.entries()) {
          expect(te(`${group}.${c}`), `${locale}:${group}.${c}`).toBe(true)
          expect(names[i], `${locale}:${group}.${c}`).not.toBe(c)
        }
        expect(new Set(names).size, `${locale}:${group} names are distinct`).toBe(codes.length)
      }
    }
  })

  it('names the page 期限 in Chinese and Deadlines in English', () => {
    expect(t('nav.deadlines')).toBe('期限')
    expect(t('jobs.title')).toBe('定时任务')
    i18n.global.locale.value = 'en'
    expect(t('nav.deadlines')).toBe('Deadlines')
    expect(t('jobs.title')).toBe('Scheduled jobs')
  })
})

describe('deadline, notification and job routes', () => {
  afterEach(() => vi.unstubAllGlobals())

  function stubFetch(answer: unknown) {
    const calls: { url: string; method: string; body: unknown }[] = []
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, method: String(init.method), body: init.body ? JSON.parse(String(init.body)) : undefined })
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
    return calls
  }

  it('call the contract paths', async () => {
    const calls = stubFetch({})
    await deadlines.list()
    await deadlines.waive('d/1', '材料补齐')
    await notifications.list()
    await notifications.markRead(5)
    await jobs.runs()
    await jobs.run('mark-overdue')
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/deadlines',
      'POST /api/deadlines/d%2F1/waive',
      'GET /api/notifications',
      'POST /api/notifications/5/read',
      'GET /api/jobs/runs',
      'POST /api/jobs/mark-overdue/runs',
    ])
    expect(calls[1].body).toEqual({ reason: '材料补齐' })
  })
})
