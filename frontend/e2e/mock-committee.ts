// The committee route's second half in the mock backend: meetings (apply, approve, draw and re-check,
// attendance, close), expert votes, review rounds (pass list, senior cap, publish, objections, filing,
// statistics, summary) and public result notices, in memory, following docs/workflow.md.
// A development aid only: the backend is the authority on every rule (and counts working days on the
// official calendar, R32; here only weekends are skipped). The clock can be moved with PUT /api/dev/clock
// like the local server's, so a browser test can reach the meeting day and the end of a notice.
import { createHash, randomBytes, randomUUID } from 'node:crypto'

type Json = Record<string, unknown>

export interface CommitteeContext {
  method: string
  path: string
  data: Json
  headers: Record<string, string | string[] | undefined>
  user: { username: string; role: string; name?: string } | null
  /** The main mock's applications (ACCEPTED ones can go on an agenda). */
  apps: Map<string, Json>
  send: (status: number, body?: unknown, type?: string, headers?: Record<string, string>) => void
  problem: (status: number, code: string, title: string, extra?: Json) => void
}

/** Sign-ins this module adds to the mock: two experts of the pool. */
export const COMMITTEE_USERS: Record<string, Json> = {
  expert1: { username: 'expert1', name: '孙评审', role: 'EXPERT', expertId: 'e1' },
  expert2: { username: 'expert2', name: '周评审', role: 'EXPERT', expertId: 'e2' },
}

// ---------- clock (PUT /api/dev/clock moves it) ----------
let offsetMs = 0
const nowMs = () => Date.now() + offsetMs
const nowIso = () => new Date(nowMs()).toISOString()
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(nowMs()))
}
function addWorkingDays(from: string, n: number): string {
  const d = new Date(`${from}T00:00:00Z`)
  let left = n
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    const w = d.getUTCDay()
    if (w !== 0 && w !== 6) left--
  }
  return d.toISOString().slice(0, 10)
}
const twoThirds = (n: number) => Math.floor((2 * n + 2) / 3)

// ---------- data ----------
const COMMITTEE = { id: 'c1', name: '潍坊市工程技术中级评委会', memberCount: 7 }
const SENIOR_COMMITTEE = { id: 'c2', name: '潍坊市工程技术高级评委会', memberCount: 9 }

const pool = [
  { expertId: 'e1', name: '孙评审', unitName: '潍坊学院' },
  { expertId: 'e2', name: '周评审', unitName: '山东电力设计院' },
  { expertId: 'e3', name: '吴评审', unitName: '潍坊市电力设计研究院' },
  { expertId: 'e4', name: '郑评审', unitName: '潍坊市建筑设计院' },
  { expertId: 'e5', name: '冯评审', unitName: '青岛理工大学' },
  { expertId: 'e6', name: '陈评审', unitName: '潍坊市第一中学' },
  { expertId: 'e7', name: '褚评审', unitName: '山东大学' },
  { expertId: 'e8', name: '卫评审', unitName: '潍柴动力' },
  { expertId: 'e9', name: '蒋评审', unitName: '潍坊市水利局' },
  { expertId: 'e10', name: '沈评审', unitName: '山东科技大学' },
]
/** Declared conflicts (R10): expert → applicant ids. */
const conflicts: Record<string, string[]> = { e5: ['seed-a2'] }

const meetings = new Map<string, Json>()
const rounds = new Map<string, Json>()
const idempotent = new Map<string, string>()
let seeded = false

function seed(apps: Map<string, Json>) {
  if (seeded) return
  seeded = true
  const mk = (id: string, name: string, idNumber: string, unit: { id: string; name: string }, level: string, specialty: string) => {
    apps.set(id, {
      id, state: 'ACCEPTED', version: 1, owner: 'seed',
      applicant: { name, idNumber }, unit, series: { id: 's1', name: '工程技术' }, level, specialty,
      committee: { id: COMMITTEE.id, name: COMMITTEE.name }, evidence: [], history: [], createdAt: nowIso(), updatedAt: nowIso(),
    })
  }
  mk('seed-a1', '王五', '370702198001011234', { id: 'u1', name: '潍坊市电力设计研究院' }, 'INTERMEDIATE', '电气工程')
  mk('seed-a2', '赵六', '370702198502023456', { id: 'u2', name: '潍坊市第一中学' }, 'INTERMEDIATE', '结构工程')
  mk('seed-a3', '钱七', '370702199003035678', { id: 'u1', name: '潍坊市电力设计研究院' }, 'ASSISTANT', '电力系统')
  // A senior round above the 50% cap (R13), to try the override.
  const year = Number(today().slice(0, 4))
  rounds.set('r-senior', {
    id: 'r-senior', committee: { id: SENIOR_COMMITTEE.id, name: SENIOR_COMMITTEE.name }, year, state: 'OPEN',
    reviewedOn: today(), passListDueOn: addWorkingDays(today(), 3), filingDueOn: addWorkingDays(today(), 20),
    noticeStartsOn: null, noticeEndsOn: null, seniorOverride: null, returnedReason: null, filedAt: null, summary: null,
    applications: [
      ['s-1', '刘一', 'DEPUTY_SENIOR', 'PASSED', 8, 1, 0],
      ['s-2', '陈二', 'DEPUTY_SENIOR', 'PASSED', 7, 2, 0],
      ['s-3', '张三丰', 'FULL_SENIOR', 'PASSED', 9, 0, 0],
      ['s-4', '李四', 'DEPUTY_SENIOR', 'FAILED', 4, 4, 1],
    ].map(([id, name, level, state, y, n, a]) => ({
      id, applicantName: name, maskedIdNumber: '3707**********1234', unitName: '潍柴动力', seriesName: '工程技术',
      level, specialty: '机械工程', state, yesVotes: y, noVotes: n, abstentions: a,
    })),
    objections: [], version: 1,
  })
}

/** A review round by id (the certificate mock issues per filed round). */
export function roundById(id: string): Json | undefined {
  return rounds.get(id)
}

function roundFor(committee: { id: string; name: string }, year: number): Json {
  const found = [...rounds.values()].find((r) => (r.committee as Json).id === committee.id && r.year === year)
  if (found) return found
  const r: Json = {
    id: `r-${committee.id}-${year}`, committee: { id: committee.id, name: committee.name }, year, state: 'OPEN',
    reviewedOn: null, passListDueOn: null, filingDueOn: null, noticeStartsOn: null, noticeEndsOn: null,
    seniorOverride: null, returnedReason: null, filedAt: null, summary: null, applications: [], objections: [], version: 1,
  }
  rounds.set(String(r.id), r)
  return r
}

const SENIOR = ['FULL_SENIOR', 'DEPUTY_SENIOR']
function seniorRate(r: Json): Json | null {
  const decided = (r.applications as Json[]).filter((a) => SENIOR.includes(String(a.level)) && (a.state === 'PASSED' || a.state === 'FAILED'))
  if (!decided.length) return null
  const passed = decided.filter((a) => a.state === 'PASSED').length
  const rate = passed / decided.length
  return { decided: decided.length, passed, rate, capExceeded: rate > 0.5 }
}
const roundView = (r: Json): Json => ({ ...r, seniorPassRate: seniorRate(r) })

// ---------- the draw (R10): a seeded order over the pool, conflicts recused ----------
function drawFrom(seedHex: string, agenda: Json[]): { candidates: Json[]; drawn: string[]; inputsHash: string } {
  const units = new Set(agenda.map((a) => String(a.unitName)))
  const ids = agenda.map((a) => String(a.applicationId))
  const inputsHash = createHash('sha256').update(JSON.stringify({ pool: pool.map((e) => e.expertId), agenda: ids, conflicts })).digest('hex')
  const order = [...pool].sort((a, b) => {
    const h = (e: { expertId: string }) => createHash('sha256').update(seedHex + e.expertId).digest('hex')
    return h(a) < h(b) ? -1 : 1
  })
  const candidates: Json[] = []
  const drawn: string[] = []
  for (const e of order) {
    if (drawn.length >= COMMITTEE.memberCount) break
    let reason: string | null = null
    if (units.has(e.unitName)) reason = `与申报人同单位（${e.unitName}）`
    else if ((conflicts[e.expertId] ?? []).some((id) => ids.includes(id))) reason = '已申报与申报人存在利害关系'
    candidates.push({ ...e, recusedReason: reason })
    if (!reason) drawn.push(e.expertId)
  }
  return { candidates, drawn, inputsHash }
}

// ---------- views ----------
function meetingView(m: Json): Json {
  const { votes: _votes, ...rest } = m
  void _votes
  return rest
}

function expertView(m: Json, expertId: string): Json {
  const votes = m.votes as Record<string, Record<string, string>>
  const closed = m.state === 'CLOSED'
  return {
    ...meetingView(m),
    draw: null,
    experts: undefined,
    agenda: (m.agenda as Json[]).map((a) => ({
      applicationId: a.applicationId, applicantName: a.applicantName, unitName: a.unitName, level: a.level,
      specialty: a.specialty, state: a.state, outcome: closed ? a.outcome : null,
      myVote: votes[String(a.applicationId)]?.[expertId] ?? null,
    })),
  }
}

// ---------- routes ----------
export function committeeApi(c: CommitteeContext): boolean {
  const { method, path, data, user } = c
  seed(c.apps)

  if (path === '/api/dev/clock') {
    if (method === 'PUT') {
      const t = Date.parse(String(data.now ?? ''))
      if (Number.isNaN(t)) return c.problem(400, 'VALIDATION_FAILED', 'now (ISO instant) is required'), true
      offsetMs = t - Date.now()
    }
    return c.send(200, { now: nowIso(), today: today() }), true
  }

  // ---------- public notices (no sign-in) ----------
  if (method === 'GET' && path === '/api/public/notices') {
    const list = [...rounds.values()]
      .filter((r) => r.state === 'NOTICE' || r.state === 'FILED')
      .map((r) => ({
        roundId: r.id, committee: (r.committee as Json).name, year: r.year, noticeStartsOn: r.noticeStartsOn, noticeEndsOn: r.noticeEndsOn,
        running: r.state === 'NOTICE' && today() <= String(r.noticeEndsOn),
        entries: (r.applications as Json[]).filter((a) => a.state === 'PASSED' || a.state === 'RESULT_PUBLICITY' || a.state === 'FILED')
          .map((a) => ({ applicationId: a.id, name: a.applicantName, unitName: a.unitName, seriesName: a.seriesName, level: a.level, specialty: a.specialty })),
      }))
    return c.send(200, list), true
  }
  let m: RegExpExecArray | null
  if (method === 'POST' && (m = /^\/api\/public\/notices\/([^/]+)\/objections$/.exec(path))) {
    const r = rounds.get(decodeURIComponent(m[1]))
    if (!r) return c.problem(404, 'NOTICE_NOT_FOUND', 'No such notice'), true
    if (r.state !== 'NOTICE' || today() > String(r.noticeEndsOn)) {
      return c.problem(409, 'NOTICE_NOT_RUNNING', 'The notice is not running', { rule: 'R15', noticeEndsOn: r.noticeEndsOn }), true
    }
    const errors = ['applicationId', 'raisedBy', 'contact', 'content'].filter((f) => !String(data[f] ?? '').trim()).map((f) => ({ field: f, message: 'must not be blank' }))
    if (errors.length) return c.problem(400, 'VALIDATION_FAILED', 'Validation failed', { errors }), true
    const app = (r.applications as Json[]).find((a) => a.id === data.applicationId)
    if (!app) return c.problem(404, 'APPLICATION_NOT_FOUND', 'Not on this notice'), true
    const o = {
      id: randomUUID(), applicationId: app.id, applicantName: app.applicantName, raisedAt: nowIso(), raisedBy: data.raisedBy,
      content: data.content, decision: null, explanation: null, decidedAt: null, answerDueOn: addWorkingDays(today(), 10), version: 1,
    }
    ;(r.objections as Json[]).push(o)
    r.version = Number(r.version) + 1
    return c.send(201, { id: o.id, answerDueOn: o.answerDueOn }), true
  }

  const isMeetings = path.startsWith('/api/meetings')
  const isExpert = path.startsWith('/api/expert/meetings')
  const isRounds = path.startsWith('/api/rounds')
  if (!isMeetings && !isExpert && !isRounds) return false
  if (!user) return c.problem(401, 'UNAUTHENTICATED', 'Sign in first'), true
  const role = user.role
  const office = role === 'COMMITTEE_OFFICE'
  const hr = role === 'HR_BUREAU'
  const forbid = () => (c.problem(403, 'FORBIDDEN', 'Not allowed for your role'), true)
  const stale = (x: Json) => {
    if (data.version === x.version) return false
    c.problem(409, 'STALE_VERSION', 'Changed in the meantime', { detail: `version ${String(data.version)} is not ${String(x.version)}` })
    return true
  }
  const bump = (x: Json) => (x.version = Number(x.version) + 1)

  // ---------- expert ----------
  if (isExpert) {
    if (role !== 'EXPERT') return forbid()
    const expertId = String(COMMITTEE_USERS[user.username]?.expertId ?? '')
    const mine = [...meetings.values()].filter((x) => ((x.experts as Json[]) ?? []).some((e) => e.expertId === expertId))
    if (method === 'GET' && path === '/api/expert/meetings') return c.send(200, mine.map((x) => expertView(x, expertId))), true
    if (method === 'GET' && (m = /^\/api\/expert\/meetings\/([^/]+)$/.exec(path))) {
      const x = mine.find((y) => y.id === decodeURIComponent(m![1]))
      return x ? c.send(200, expertView(x, expertId)) : c.problem(404, 'MEETING_NOT_FOUND', 'No such meeting'), true
    }
    if (method === 'PUT' && (m = /^\/api\/expert\/meetings\/([^/]+)\/votes\/([^/]+)$/.exec(path))) {
      const x = mine.find((y) => y.id === decodeURIComponent(m![1]))
      if (!x) return c.problem(404, 'MEETING_NOT_FOUND', 'No such meeting'), true
      const me = (x.experts as Json[]).find((e) => e.expertId === expertId)
      if (x.state !== 'VOTING' || !me?.attended) return c.problem(409, 'NOT_ATTENDING', 'Only attending experts vote while voting runs', { rule: 'R12' }), true
      const appId = decodeURIComponent(m[2])
      const votes = x.votes as Record<string, Record<string, string>>
      if (!votes[appId]) return c.problem(404, 'NOT_ON_AGENDA', 'Not on this agenda'), true
      if (votes[appId][expertId]) return c.problem(409, 'ALREADY_VOTED', 'Already voted', { rule: 'R12' }), true
      if (!['YES', 'NO', 'ABSTAIN'].includes(String(data.choice))) return c.problem(400, 'VALIDATION_FAILED', 'choice is YES, NO or ABSTAIN'), true
      votes[appId][expertId] = String(data.choice)
      const item = (x.agenda as Json[]).find((a) => a.applicationId === appId)!
      item.votesCast = Object.keys(votes[appId]).length
      return c.send(204), true
    }
    return c.problem(404, 'NOT_FOUND', 'No such route'), true
  }

  if (!office && !hr) return forbid()

  // ---------- meetings ----------
  if (method === 'GET' && path === '/api/meetings') return c.send(200, [...meetings.values()].map(meetingView)), true
  if (method === 'POST' && path === '/api/meetings') {
    if (!office) return forbid()
    const key = String(c.headers['idempotency-key'] ?? '')
    if (key && idempotent.has(key)) return c.send(201, meetingView(meetings.get(idempotent.get(key)!)!)), true
    const date = String(data.meetingDate ?? '')
    const earliest = addWorkingDays(today(), 5)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return c.problem(400, 'VALIDATION_FAILED', 'meetingDate is required', { errors: [{ field: 'meetingDate', message: 'must be a date' }] }), true
    if (date < earliest) {
      return c.problem(422, 'MEETING_TOO_SOON', 'Meeting too soon', { rule: 'R11', detail: `Apply at least 5 working days ahead; the earliest date is ${earliest}.`, earliestMeetingDate: earliest }), true
    }
    if (date > `${today().slice(0, 4)}-11-30`) return c.problem(422, 'PAST_YEAR_END', 'After the year-end finish date', { rule: 'R17', finishBy: `${today().slice(0, 4)}-11-30` }), true
    const ids = (data.applicationIds as string[] | undefined) ?? []
    const busy = new Set([...meetings.values()].filter((x) => x.state !== 'REJECTED' && x.state !== 'NOT_QUORATE').flatMap((x) => (x.agenda as Json[]).map((a) => a.applicationId)))
    const chosen = ids.map((id) => c.apps.get(id))
    if (!ids.length || chosen.some((a) => !a || a.state !== 'ACCEPTED' || busy.has(a.id))) {
      return c.problem(422, 'NOT_ON_AGENDA_ELIGIBLE', 'Only accepted applications not on another agenda'), true
    }
    const round = roundFor(COMMITTEE, Number(date.slice(0, 4)))
    if (round.state !== 'OPEN') return c.problem(409, 'ROUND_CLOSED', 'The round is closed'), true
    const id = randomUUID()
    const meeting: Json = {
      id, committee: COMMITTEE, roundId: round.id, meetingDate: date, venue: data.venue, workPlan: data.workPlan,
      state: 'REQUESTED', expertCount: null, quorum: twoThirds(COMMITTEE.memberCount), requestedAt: nowIso(), decidedAt: null,
      decisionNote: null, latestApplicationDay: null, attending: null, draw: null, experts: [], version: 1,
      agenda: (chosen as Json[]).map((a) => ({
        applicationId: a.id, applicantName: (a.applicant as Json).name, unitName: (a.unit as Json).name, level: a.level,
        specialty: a.specialty, state: a.state, votesCast: 0, yesVotes: null, noVotes: null, abstentions: null, outcome: null,
      })),
      votes: Object.fromEntries(ids.map((i) => [i, {}])),
    }
    meetings.set(id, meeting)
    if (key) idempotent.set(key, id)
    return c.send(201, meetingView(meeting)), true
  }
  if ((m = /^\/api\/meetings\/([^/]+)(?:\/(approve|reject|draw|attendance|close|draw\/verify))?$/.exec(path))) {
    const x = meetings.get(decodeURIComponent(m[1]))
    if (!x) return c.problem(404, 'MEETING_NOT_FOUND', 'No such meeting'), true
    const step = m[2]
    if (!step && method === 'GET') return c.send(200, meetingView(x)), true
    if (step === 'draw/verify' && method === 'GET') {
      const d = x.draw as Json | null
      if (!d) return c.problem(409, 'NOT_DRAWN', 'Not drawn yet'), true
      const again = drawFrom(String(d.seed), x.agenda as Json[])
      const recorded = (x.experts as Json[]).map((e) => String(e.expertId))
      return c.send(200, { matches: JSON.stringify(again.drawn) === JSON.stringify(recorded) && again.inputsHash === d.inputsHash, seed: d.seed, inputsHash: d.inputsHash, recorded, recomputed: again.drawn }), true
    }
    if (method !== 'POST') return c.problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'), true
    if (stale(x)) return true
    switch (step) {
      case 'approve':
      case 'reject':
        if (!hr) return forbid()
        if (x.state !== 'REQUESTED') return c.problem(409, 'WRONG_STATE', `The meeting is ${String(x.state)}`), true
        x.state = step === 'approve' ? 'APPROVED' : 'REJECTED'
        x.decidedAt = nowIso()
        x.decisionNote = data.note ?? ''
        break
      case 'draw': {
        if (!office) return forbid()
        if (x.draw) return c.problem(409, 'ALREADY_DRAWN', 'Already drawn', { rule: 'R10' }), true
        if (x.state !== 'APPROVED') return c.problem(409, 'WRONG_STATE', `The meeting is ${String(x.state)}`), true
        const seedHex = randomBytes(16).toString('hex')
        const d = drawFrom(seedHex, x.agenda as Json[])
        if (d.drawn.length < COMMITTEE.memberCount) return c.problem(409, 'NOT_ENOUGH_EXPERTS', 'Not enough experts', { rule: 'R10', needed: COMMITTEE.memberCount, available: d.drawn.length }), true
        x.draw = { seed: seedHex, inputsHash: d.inputsHash, drawnAt: nowIso(), candidates: d.candidates }
        x.experts = d.drawn.map((id, i) => ({ ...pool.find((e) => e.expertId === id)!, drawRank: i + 1, attended: null }))
        x.expertCount = d.drawn.length
        x.state = 'DRAWN'
        break
      }
      case 'attendance': {
        if (!office) return forbid()
        if (x.state !== 'DRAWN') return c.problem(409, 'WRONG_STATE', `The meeting is ${String(x.state)}`), true
        if (today() < String(x.meetingDate)) return c.problem(409, 'MEETING_NOT_STARTED', 'The meeting has not started', { rule: 'R12', meetingDate: x.meetingDate }), true
        const present = new Set((data.present as string[] | undefined) ?? [])
        for (const e of x.experts as Json[]) e.attended = present.has(String(e.expertId))
        x.attending = (x.experts as Json[]).filter((e) => e.attended).length
        if (Number(x.attending) < twoThirds(COMMITTEE.memberCount)) x.state = 'NOT_QUORATE'
        else {
          x.state = 'VOTING'
          // The other attending experts (no sign-in here) vote yes at once, so one expert's votes decide in a test.
          const votes = x.votes as Record<string, Record<string, string>>
          for (const e of x.experts as Json[]) {
            if (!e.attended || e.expertId === 'e1' || e.expertId === 'e2') continue
            for (const appId of Object.keys(votes)) votes[appId][String(e.expertId)] = 'YES'
          }
          for (const a of x.agenda as Json[]) a.votesCast = Object.keys(votes[String(a.applicationId)]).length
        }
        break
      }
      case 'close': {
        if (!office) return forbid()
        if (x.state !== 'VOTING') return c.problem(409, 'WRONG_STATE', `The meeting is ${String(x.state)}`), true
        const votes = x.votes as Record<string, Record<string, string>>
        const attending = Number(x.attending)
        const round = rounds.get(String(x.roundId))!
        for (const a of x.agenda as Json[]) {
          const v = Object.values(votes[String(a.applicationId)])
          a.yesVotes = v.filter((s) => s === 'YES').length
          a.noVotes = v.filter((s) => s === 'NO').length
          a.abstentions = attending - Number(a.yesVotes) - Number(a.noVotes)
          a.outcome = Number(a.yesVotes) * 3 >= attending * 2 ? 'PASS' : 'FAIL'
          a.state = a.outcome === 'PASS' ? 'PASSED' : 'FAILED'
          const app = c.apps.get(String(a.applicationId))
          if (app) {
            app.state = a.state
            app.version = Number(app.version) + 1
          }
          ;(round.applications as Json[]).push({
            id: a.applicationId, applicantName: a.applicantName, maskedIdNumber: '3707**********1234', unitName: a.unitName,
            seriesName: '工程技术', level: a.level, specialty: a.specialty, state: a.state,
            yesVotes: a.yesVotes, noVotes: a.noVotes, abstentions: a.abstentions,
          })
        }
        round.reviewedOn = today()
        round.passListDueOn = addWorkingDays(today(), 3)
        round.filingDueOn = addWorkingDays(today(), 20)
        bump(round)
        x.state = 'CLOSED'
        break
      }
      default:
        return c.problem(404, 'NOT_FOUND', 'No such route'), true
    }
    bump(x)
    return c.send(200, meetingView(x)), true
  }

  // ---------- rounds ----------
  if (method === 'GET' && path === '/api/rounds') return c.send(200, [...rounds.values()].map(roundView)), true
  if ((m = /^\/api\/rounds\/([^/]+)(?:\/(.+))?$/.exec(path))) {
    const r = rounds.get(decodeURIComponent(m[1]))
    if (!r) return c.problem(404, 'ROUND_NOT_FOUND', 'No such round'), true
    const step = m[2]
    if (!step && method === 'GET') return c.send(200, roundView(r)), true
    if (step === 'statistics.xlsx' && method === 'GET') {
      const name = `${String((r.committee as Json).name)}${String(r.year)}年评审统计表.xlsx`
      // Not a real workbook: the mock only proves the download path (token, blob, file name).
      return c.send(200, Buffer.from(`PK\u0003\u0004 mock statistics of ${String(r.id)}`), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
        'Content-Disposition': `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      }), true
    }
    if (method !== 'POST') return c.problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'), true
    let o: RegExpExecArray | null
    if (step && (o = /^objections\/([^/]+)\/decision$/.exec(step))) {
      if (!hr) return forbid()
      const obj = (r.objections as Json[]).find((x) => x.id === decodeURIComponent(o![1]))
      if (!obj) return c.problem(404, 'OBJECTION_NOT_FOUND', 'No such objection'), true
      if (stale(obj)) return true
      if (obj.decision) return c.problem(409, 'ALREADY_DECIDED', 'Already decided'), true
      if (!['UPHELD', 'DISMISSED'].includes(String(data.decision)) || !String(data.explanation ?? '').trim()) {
        return c.problem(400, 'VALIDATION_FAILED', 'decision and explanation are required'), true
      }
      Object.assign(obj, { decision: data.decision, explanation: data.explanation, decidedAt: nowIso() })
      bump(obj)
      if (data.decision === 'UPHELD') {
        const app = (r.applications as Json[]).find((a) => a.id === obj.applicationId)
        if (app) app.state = 'FAILED'
      }
      bump(r)
      return c.send(200, roundView(r)), true
    }
    if (stale(r)) return true
    const wrong = () => (c.problem(409, 'WRONG_STATE', `The round is ${String(r.state)}`), true)
    switch (step) {
      case 'pass-list': {
        if (!office) return forbid()
        if (r.state !== 'OPEN') return wrong()
        const open = [...meetings.values()].filter((x) => x.roundId === r.id && ['APPROVED', 'DRAWN', 'VOTING'].includes(String(x.state)))
        if (open.length) return c.problem(409, 'UNDECIDED_APPLICATIONS', 'Applications without a result', { rule: 'R14', count: open.length }), true
        const s = seniorRate(r)
        if (s && s.capExceeded && !r.seniorOverride) {
          return c.problem(422, 'SENIOR_PASS_RATE_EXCEEDED', 'Senior pass rate above 50%', { rule: 'R13', rate: s.rate, passed: s.passed, decided: s.decided }), true
        }
        r.state = 'PASS_LIST_SUBMITTED'
        r.returnedReason = null
        break
      }
      case 'senior-override':
        if (!hr) return forbid()
        if (String(data.reason ?? '').trim().length < 10) return c.problem(400, 'VALIDATION_FAILED', 'reason needs at least 10 characters', { errors: [{ field: 'reason', message: 'at least 10 characters' }] }), true
        r.seniorOverride = { reason: String(data.reason).trim(), by: user.name ?? user.username, at: nowIso() }
        break
      case 'approve':
        if (!hr) return forbid()
        if (r.state !== 'PASS_LIST_SUBMITTED') return wrong()
        r.state = 'APPROVED'
        break
      case 'return':
        if (!hr) return forbid()
        if (r.state !== 'PASS_LIST_SUBMITTED') return wrong()
        r.state = 'OPEN'
        r.returnedReason = data.reason
        break
      case 'publish': {
        if (!hr) return forbid()
        if (r.state !== 'APPROVED') return c.problem(409, 'PASS_LIST_NOT_APPROVED', 'The pass list is not approved', { rule: 'R14' }), true
        const earliestEnd = addWorkingDays(today(), 5)
        const end = data.noticeEndsOn ? String(data.noticeEndsOn) : earliestEnd
        if (end < earliestEnd) return c.problem(422, 'NOTICE_TOO_SHORT', 'Notice shorter than 5 working days', { rule: 'R15', earliestEnd }), true
        r.state = 'NOTICE'
        r.noticeStartsOn = today()
        r.noticeEndsOn = end
        break
      }
      case 'file': {
        if (!hr) return forbid()
        if (r.state !== 'NOTICE') return wrong()
        if (today() <= String(r.noticeEndsOn)) return c.problem(409, 'NOTICE_RUNNING', 'The notice is still running', { rule: 'R15', noticeEndsOn: r.noticeEndsOn }), true
        if ((r.objections as Json[]).some((x) => !x.decision)) return c.problem(409, 'OBJECTION_UNANSWERED', 'An objection is unanswered', { rule: 'R15' }), true
        r.state = 'FILED'
        r.filedAt = nowIso()
        break
      }
      case 'summary':
        if (!office) return forbid()
        if (r.state !== 'FILED') return wrong()
        if (!String(data.content ?? '').trim()) return c.problem(400, 'VALIDATION_FAILED', 'content is required'), true
        r.summary = { content: String(data.content).trim(), submittedAt: nowIso() }
        break
      default:
        return c.problem(404, 'NOT_FOUND', 'No such route'), true
    }
    bump(r)
    return c.send(200, roundView(r)), true
  }
  return c.problem(404, 'NOT_FOUND', 'No such route'), true
}
