// Deadlines, notifications and scheduled jobs of the mock backend: /api/deadlines, /api/notifications,
// /api/jobs, in memory, following the contract the front end codes against. A development aid only;
// the backend is the authority (it counts working days on the calendar, R32; here dates are seeded).
import { randomUUID } from 'node:crypto'

type Json = Record<string, unknown>

export interface DeadlinesContext {
  method: string
  path: string
  /** The request body parsed as JSON ({} when empty). */
  data: Json
  /** The signed-in user, or null. */
  user: { username: string; role: string } | null
  send: (status: number, body?: unknown, type?: string) => void
  problem: (status: number, code: string, title: string, extra?: Json) => void
}

interface Deadline {
  id: string
  kind: string
  rule: string
  subjectType: string
  subjectId: string
  startDate: string
  days: number | null
  dayType: 'WORKING' | 'CALENDAR' | 'FIXED_DATE'
  dueDate: string
  state: 'OPEN' | 'MET' | 'OVERDUE' | 'WAIVED'
  provisional: boolean
  explanation: { zh: string; en: string }
  title: { zh: string; en: string }
  waivedReason?: string
}

interface Note {
  id: string
  kind: 'REMINDER' | 'OVERDUE'
  deadlineId: string
  message: { zh: string; en: string }
  createdAt: string
  readAt: string | null
  username: string
}

interface Run {
  id: string
  job: string
  startedAt: string
  finishedAt: string | null
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED'
  processed: number | null
  changed: number | null
  error: string | null
}

export const JOBS = ['mark-overdue', 'end-notice-periods', 'send-reminders', 'close-submission-windows', 'verify-audit-chain']

/** Which kinds a role sees (the real server filters by role and by the user's own subjects). */
const KINDS_BY_ROLE: Record<string, string[]> = {
  APPLICANT: ['SUBMISSION_WINDOW_CLOSE'],
  UNIT_HR: ['UNIT_PUBLICITY', 'SUBMISSION_WINDOW_CLOSE'],
  COMMITTEE_OFFICE: ['MEETING_APPLICATION', 'PASS_LIST', 'RESULT_NOTICE', 'OBJECTION_ANSWER', 'INTERMEDIATE_FINISH', 'INTERMEDIATE_SUMMARY', 'JUNIOR_FINISH'],
}
const USERS_BY_ROLE: Record<string, string[]> = { HR_BUREAU: ['hrbureau'], COMMITTEE_OFFICE: ['office'], UNIT_HR: ['unit'], APPLICANT: ['applicant'] }

const today = () => new Date().toISOString().slice(0, 10)
const now = () => new Date().toISOString()
function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}

const deadlines = new Map<string, Deadline>()
const notes = new Map<string, Note>()
const runs: Run[] = []

function seed(kind: string, rule: string, title: [string, string], startOffset: number, days: number | null, dayType: Deadline['dayType'], dueOffset: number, extra: Partial<Deadline> = {}) {
  const startDate = addDays(today(), startOffset)
  const dueDate = addDays(today(), dueOffset)
  const id = randomUUID()
  const count = dayType === 'FIXED_DATE' ? '固定日期' : `${days} 个${dayType === 'WORKING' ? '工作日' : '自然日'}`
  const countEn = dayType === 'FIXED_DATE' ? 'fixed date' : `${days} ${dayType === 'WORKING' ? 'working' : 'calendar'} days`
  deadlines.set(id, {
    id,
    kind,
    rule,
    subjectType: 'APPLICATION',
    subjectId: randomUUID(),
    startDate,
    days,
    dayType,
    dueDate,
    state: 'OPEN',
    provisional: false,
    explanation: {
      zh: `自 ${startDate} 起 ${count}（${rule}），按工作日历计算 → ${dueDate}`,
      en: `${countEn} from ${startDate} (${rule}), counted on the working-day calendar → ${dueDate}`,
    },
    title: { zh: title[0], en: title[1] },
    ...extra,
  })
  return id
}

seed('PASS_LIST', 'R14', ['报送评审通过人员名单（工程技术中级评委会）', 'Send the pass list (engineering intermediate committee)'], -7, 3, 'WORKING', -2)
seed('RESULT_NOTICE', 'R15', ['评审结果公示期满', 'Result notice period ends'], -2, 5, 'WORKING', 5)
const filing = seed('FILING', 'R16', ['核准备案（工程技术中级）', 'Approval filing (engineering intermediate)'], -10, 20, 'WORKING', 18)
seed('UNIT_PUBLICITY', 'R7', ['单位公示期满（潍坊市电力设计院）', 'Unit publicity ends (Weifang Electric Power Design Institute)'], -1, 5, 'WORKING', 6)
seed('SUBMISSION_WINDOW_CLOSE', 'R1', ['本年度申报窗口关闭', 'This year’s submission window closes'], -30, null, 'FIXED_DATE', 40, { provisional: true })
seed('MEETING_APPLICATION', 'R11', ['申请评审会议', 'Apply for the review meeting'], -20, 5, 'WORKING', -12, { state: 'MET' })

function overdue(d: Deadline): boolean {
  return d.state === 'OVERDUE' || (d.state === 'OPEN' && d.dueDate < today())
}

function out(d: Deadline): Json {
  const { waivedReason: _w, ...rest } = d
  void _w
  return { ...rest, overdue: overdue(d) }
}

function visible(role: string, d: Deadline): boolean {
  return role === 'HR_BUREAU' || (KINDS_BY_ROLE[role] ?? []).includes(d.kind)
}

function notify(d: Deadline, kind: Note['kind']) {
  const roles = ['HR_BUREAU', ...Object.keys(KINDS_BY_ROLE).filter((r) => KINDS_BY_ROLE[r].includes(d.kind))]
  for (const username of roles.flatMap((r) => USERS_BY_ROLE[r] ?? [])) {
    const id = randomUUID()
    const message =
      kind === 'OVERDUE'
        ? { zh: `“${d.title.zh}”已于 ${d.dueDate} 到期，现已逾期（${d.rule}）`, en: `"${d.title.en}" was due on ${d.dueDate} and is overdue (${d.rule})` }
        : { zh: `“${d.title.zh}”将于 ${d.dueDate} 到期（${d.rule}）`, en: `"${d.title.en}" is due on ${d.dueDate} (${d.rule})` }
    notes.set(id, { id, kind, deadlineId: d.id, message, createdAt: now(), readAt: null, username })
  }
}
notify(deadlines.get(filing)!, 'REMINDER')

/** What a job does; returns [processed, changed]. */
function perform(job: string): [number, number] {
  const all = [...deadlines.values()]
  switch (job) {
    case 'mark-overdue': {
      const open = all.filter((d) => d.state === 'OPEN')
      const late = open.filter((d) => d.dueDate < today())
      for (const d of late) {
        d.state = 'OVERDUE'
        notify(d, 'OVERDUE')
      }
      return [open.length, late.length]
    }
    case 'send-reminders': {
      const soon = all.filter((d) => d.state === 'OPEN' && d.dueDate >= today() && d.dueDate <= addDays(today(), 3))
      for (const d of soon) notify(d, 'REMINDER')
      return [all.length, soon.length]
    }
    case 'end-notice-periods': {
      const ended = all.filter((d) => (d.kind === 'UNIT_PUBLICITY' || d.kind === 'RESULT_NOTICE') && d.state === 'OPEN' && d.dueDate < today())
      for (const d of ended) d.state = 'MET'
      return [all.length, ended.length]
    }
    case 'close-submission-windows': {
      const closed = all.filter((d) => d.kind === 'SUBMISSION_WINDOW_CLOSE' && d.state === 'OPEN' && d.dueDate < today())
      for (const d of closed) d.state = 'MET'
      return [closed.length, closed.length]
    }
    default:
      return [runs.length + deadlines.size, 0]
  }
}

/** Handles /api/deadlines, /api/notifications and /api/jobs; returns false for other paths. */
export function deadlinesApi(c: DeadlinesContext): boolean {
  const { method, path, data, user } = c
  if (!/^\/api\/(deadlines|notifications|jobs)(\/|$)/.test(path)) return false
  if (!user) return c.problem(401, 'UNAUTHENTICATED', 'Sign in first'), true
  const hr = () => {
    if (user.role === 'HR_BUREAU') return true
    c.problem(403, 'FORBIDDEN', 'Not allowed for your role')
    return false
  }
  let m: RegExpExecArray | null

  if (method === 'GET' && path === '/api/deadlines') {
    const list = [...deadlines.values()].filter((d) => visible(user.role, d))
    list.sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    return c.send(200, list.map(out)), true
  }
  if (method === 'POST' && (m = /^\/api\/deadlines\/([^/]+)\/waive$/.exec(path))) {
    if (!hr()) return true
    const d = deadlines.get(decodeURIComponent(m[1]))
    if (!d) return c.problem(404, 'DEADLINE_NOT_FOUND', 'No such deadline'), true
    const reason = String(data.reason ?? '').trim()
    if (!reason) {
      return c.problem(400, 'VALIDATION_FAILED', 'Validation failed', { errors: [{ field: 'reason', message: 'must not be blank' }] }), true
    }
    if (d.state === 'MET' || d.state === 'WAIVED') {
      return c.problem(409, 'DEADLINE_CLOSED', 'The deadline is already met or waived', { rule: d.rule }), true
    }
    d.state = 'WAIVED'
    d.waivedReason = reason
    return c.send(200, out(d)), true
  }
  if (method === 'GET' && path === '/api/notifications') {
    const list = [...notes.values()].filter((n) => n.username === user.username).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    return c.send(200, list.map(({ username: _u, ...n }) => (void _u, n))), true
  }
  if (method === 'POST' && (m = /^\/api\/notifications\/([^/]+)\/read$/.exec(path))) {
    const n = notes.get(decodeURIComponent(m[1]))
    if (!n || n.username !== user.username) return c.problem(404, 'NOTIFICATION_NOT_FOUND', 'No such notification'), true
    n.readAt ??= now()
    const { username: _u, ...rest } = n
    void _u
    return c.send(200, rest), true
  }
  if (method === 'GET' && path === '/api/jobs/runs') {
    if (!hr()) return true
    return c.send(200, [...runs].reverse().slice(0, 50)), true
  }
  if (method === 'POST' && (m = /^\/api\/jobs\/([^/]+)\/runs$/.exec(path))) {
    if (!hr()) return true
    const job = decodeURIComponent(m[1])
    if (!JOBS.includes(job)) return c.problem(404, 'JOB_NOT_FOUND', `No job ${job}`), true
    const run: Run = { id: randomUUID(), job, startedAt: now(), finishedAt: null, status: 'RUNNING', processed: null, changed: null, error: null }
    runs.push(run)
    // Finishes a moment later, so the page sees RUNNING first and has to look again.
    setTimeout(() => {
      try {
        const [processed, changed] = perform(job)
        Object.assign(run, { status: 'SUCCEEDED', processed, changed, finishedAt: now() })
      } catch (e) {
        Object.assign(run, { status: 'FAILED', error: String(e), finishedAt: now() })
      }
    }, 400)
    return c.send(201, run), true
  }
  c.problem(404, 'ROUTE_NOT_FOUND', `No route ${method} ${path}`)
  return true
}
