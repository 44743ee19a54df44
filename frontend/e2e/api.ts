// Drives the server's own API from the browser tests, for set-up a scenario needs but does not test: an
// application walked to ACCEPTED by its real steps (register, draft, evidence, pledge, unit review, publicity,
// recommendation, vetting, acceptance). Every call goes through the same routes the pages use.
import { BASE_URL, fail, freshIdNumber, makePdf, PASSWORD } from './lib'

type Json = Record<string, unknown>

async function call<T = Json>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${BASE_URL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  if (!res.ok) fail(`${method} ${path} answered ${res.status}: ${text.slice(0, 400)}`)
  return (text ? JSON.parse(text) : {}) as T
}

/** A bearer token for a demo (or just registered) user. */
export async function tokenFor(username: string, password = PASSWORD): Promise<string> {
  const session = await call<{ token: string }>('POST', '/api/auth/sign-in', null, { username, password })
  return session.token
}

/** The server's settable clock (decision 0009), moved without a browser. */
export async function moveServerClock(instant: string): Promise<void> {
  await call('PUT', '/api/dev/clock', null, { now: instant })
}

async function serverInstant(): Promise<Date> {
  const body = await call<{ now: string }>('GET', '/api/dev/clock', null)
  return new Date(body.now)
}

async function upload(grant: { method: string; url: string; headers: Record<string, string> }, bytes: Buffer) {
  // A store on the same host may hand out a path only.
  const res = await fetch(new URL(grant.url, BASE_URL), { method: grant.method, headers: grant.headers, body: new Uint8Array(bytes) })
  if (!res.ok) fail(`upload answered ${res.status}: ${(await res.text()).slice(0, 200)}`)
}

/** A draft engineering application of the signed-in applicant (R3: employed, through the employer unit). */
export async function draftApplication(token: string, level = 'DEPUTY_SENIOR', seriesId?: string, unitId?: string) {
  const series = seriesId ?? (await catalogueId('/api/catalogue/series', 'ENGINEERING'))
  const unit = unitId ?? (await catalogueId('/api/catalogue/units?kind=EMPLOYER', 'WFDLSJY'))
  return call<{ id: string; version: number }>('POST', '/api/applications', token, {
    seriesId: series, level, specialty: '电力系统', unitId: unit, employment: 'EMPLOYED',
    diplomaNumber: '105611201005009876', graduationYear: 2010,
  })
}

async function catalogueId(path: string, code: string): Promise<string> {
  const rows = await call<Array<{ id: string; code: string }>>('GET', path, null)
  return (rows.find((r) => r.code === code) ?? fail(`no ${code} in ${path}`)).id
}

/** An authenticated GET of any route, for reading what a page shows without scraping it. */
export function getAs<T = Json>(token: string, path: string): Promise<T> {
  return call<T>('GET', path, token)
}

export interface AcceptedApplication {
  applicationId: string
  username: string
  password: string
  name: string
  evidenceTitle: string
}

/**
 * A newly registered person's engineering application at `level`, walked to ACCEPTED by the committee that R8
 * routes it to (DEPUTY_SENIOR: WF-ENG-SENIOR, accepted by `office2`). The server clock moves on to the day after
 * the 5-working-day unit publicity (R7) and stays there.
 */
export async function acceptedApplication(name: string, level = 'DEPUTY_SENIOR'): Promise<AcceptedApplication> {
  const engineering = await catalogueId('/api/catalogue/series', 'ENGINEERING')
  const employer = await catalogueId('/api/catalogue/units?kind=EMPLOYER', 'WFDLSJY')
  const username = `sc-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`
  const password = 'a-long-password'
  const session = await call<{ token: string }>('POST', '/api/auth/register', null, {
    username, password, name, idNumber: freshIdNumber(), unitId: employer,
  })
  const me = session.token
  let app = await draftApplication(me, level, engineering, employer)
  const evidenceTitle = '高级工程师任职资格业绩证明'
  const pdf = makePdf('spot-check evidence')
  const grant = await call<{ item: { id: string }; upload: { method: string; url: string; headers: Record<string, string> } }>(
    'POST', `/api/applications/${app.id}/evidence`, me,
    { title: evidenceTitle, fileName: 'achievement.pdf', contentType: 'application/pdf', size: pdf.length, kind: 'APPLICANT' })
  await upload(grant.upload, pdf)
  await call('POST', `/api/applications/${app.id}/evidence/${grant.item.id}/complete`, me)
  app = await call('GET', `/api/applications/${app.id}`, me)
  app = await call('POST', `/api/applications/${app.id}/submit`, me, { pledgeAccepted: true, version: app.version })

  const unit = await tokenFor('unit')
  app = await call('POST', `/api/unit/applications/${app.id}/review`, unit, { version: app.version })
  for (const kind of ['SUPERVISION_CARD', 'APPRAISAL_FORM', 'PUBLICITY_RECORD']) {
    const file = makePdf(kind)
    const g = await call<{ item: { id: string }; upload: { method: string; url: string; headers: Record<string, string> } }>(
      'POST', `/api/unit/applications/${app.id}/attachments`, unit,
      { title: kind, fileName: `${kind.toLowerCase()}.pdf`, contentType: 'application/pdf', size: file.length, kind })
    await upload(g.upload, file)
    await call('POST', `/api/unit/applications/${app.id}/attachments/${g.item.id}/complete`, unit)
  }
  // R7: the publicity runs 5 working days (holidays skipped); the unit recommends from the day after it ends
  const reviewed = await call<{ publicityEndsOn: string }>('GET', `/api/unit/applications/${app.id}`, unit)
  const dayAfter = new Date(`${reviewed.publicityEndsOn}T09:00:00+08:00`).getTime() + 86_400_000
  if ((await serverInstant()).getTime() < dayAfter) await moveServerClock(new Date(dayAfter).toISOString())
  app = await call('GET', `/api/unit/applications/${app.id}`, unit)
  app = await call('POST', `/api/unit/applications/${app.id}/recommend`, unit,
    { unitPledgeAccepted: true, diplomaVerification: 'DIPLOMA_DATABASE', version: app.version })
  const hr = await tokenFor('hrbureau')
  app = await call('POST', `/api/review/applications/${app.id}/vet`, hr, { version: app.version })
  const office = await tokenFor(level === 'DEPUTY_SENIOR' || level === 'SENIOR' ? 'office2' : 'office')
  app = await call('POST', `/api/review/applications/${app.id}/accept`, office, { version: app.version })
  return { applicationId: app.id, username, password, name, evidenceTitle }
}

// ---------- after ACCEPTED: meeting, votes, round, notice, filing (docs/workflow.md) ----------

/** The demo seed's experts with sign-ins, by the name the pages show (R9). */
export const DEMO_EXPERTS: Record<string, string> = {
  陈静: 'expert', 周强: 'expert2', 吴敏: 'expert3', 郑涛: 'expert4', 冯丽: 'expert5', 韩雪: 'expert6', 杨帆: 'expert7',
}

/** 10:00 in China on that day. */
export function chinaMorningOf(isoDate: string): string {
  return `${isoDate}T02:00:00Z`
}

function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A call whose refusal the caller reads instead of failing on. */
async function attempt<T = Json>(method: string, path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T & Json }
}

interface MeetingView {
  id: string
  roundId?: string | null
  meetingDate: string
  state: string
  version: number
  experts?: Array<{ expertId: string; name: string }> | null
}

interface RoundView {
  id: string
  state: string
  version: number
  noticeEndsOn?: string | null
}

export interface FiledApplication extends AcceptedApplication {
  roundId: string
}

/**
 * An application walked on from ACCEPTED to FILED by its real steps: the office applies for a meeting (the earliest
 * date R11 allows) with every accepted application of its committee on the agenda, the HR bureau approves, the office
 * draws, on the day records every drawn expert present; each votes yes for this application and no for any other
 * (R12); the office closes; pass list (R14; over R13's senior cap the HR bureau overrides with a reason), approval,
 * publication for the default 5 working days (R15), and the day after the notice the HR bureau files (R16). The server
 * clock moves to the meeting day and then past the notice, and stays there. A deputy-senior application goes to
 * WF-ENG-SENIOR (office `office2`), whose round the journey (intermediate, WF-ENG-MID) leaves open.
 */
export async function filedApplication(name: string, level = 'DEPUTY_SENIOR'): Promise<FiledApplication> {
  const accepted = await acceptedApplication(name, level)
  const office = await tokenFor(level === 'DEPUTY_SENIOR' || level === 'SENIOR' ? 'office2' : 'office')
  const hr = await tokenFor('hrbureau')
  const today = (await serverInstant()).toISOString().slice(0, 10)
  // Everything accepted and waiting in the committee's round goes on the agenda, so the pass list has no undecided
  // application left (R14).
  const waiting = (await call<Array<{ id: string; state: string }>>('GET', '/api/review/applications', office))
    .filter((a) => a.state === 'ACCEPTED')
    .map((a) => a.id)
  const agenda = [...new Set([accepted.applicationId, ...waiting])]
  const meetingBody = (meetingDate: string) => ({
    meetingDate, venue: '潍坊市人社局三楼会议室', workPlan: '审阅材料、答辩与投票（证书 e2e）。', applicationIds: agenda,
  })
  let tried = await attempt<MeetingView>('POST', '/api/meetings', office, meetingBody(plusDays(today, 1)), { 'Idempotency-Key': crypto.randomUUID() })
  if (tried.status === 422 && tried.body.code === 'MEETING_TOO_SOON') {
    const earliest = String(tried.body.earliestMeetingDate)
    tried = await attempt<MeetingView>('POST', '/api/meetings', office, meetingBody(earliest), { 'Idempotency-Key': crypto.randomUUID() })
  }
  if (tried.status !== 201 && tried.status !== 200) fail(`POST /api/meetings answered ${tried.status}: ${JSON.stringify(tried.body).slice(0, 300)}`)
  let meeting = tried.body as MeetingView
  meeting = await call<MeetingView>('POST', `/api/meetings/${meeting.id}/approve`, hr, { note: '同意（证书 e2e）', version: meeting.version })
  meeting = await call<MeetingView>('POST', `/api/meetings/${meeting.id}/draw`, office, { version: meeting.version })
  await moveServerClock(chinaMorningOf(meeting.meetingDate))
  meeting = await call<MeetingView>('GET', `/api/meetings/${meeting.id}`, office)
  const drawn = meeting.experts ?? []
  if (!drawn.some((e) => DEMO_EXPERTS[e.name])) fail(`none of the drawn experts (${drawn.map((e) => e.name).join(', ')}) has a demo sign-in`)
  meeting = await call<MeetingView>('POST', `/api/meetings/${meeting.id}/attendance`, office,
    { present: drawn.map((e) => e.expertId), version: meeting.version })
  for (const e of drawn) {
    const username = DEMO_EXPERTS[e.name]
    if (!username) continue
    const expert = await tokenFor(username)
    for (const id of agenda) {
      await call('PUT', `/api/expert/meetings/${meeting.id}/votes/${id}`, expert, { choice: id === accepted.applicationId ? 'YES' : 'NO' })
    }
  }
  meeting = await call<MeetingView>('GET', `/api/meetings/${meeting.id}`, office)
  meeting = await call<MeetingView>('POST', `/api/meetings/${meeting.id}/close`, office, { version: meeting.version })
  const roundId = meeting.roundId ?? fail('the closed meeting names no round')
  let round = await call<RoundView>('GET', `/api/rounds/${roundId}`, office)
  const passList = await attempt<RoundView>('POST', `/api/rounds/${roundId}/pass-list`, office, { version: round.version })
  if (passList.status === 422 && passList.body.code === 'SENIOR_PASS_RATE_EXCEEDED') {
    round = await call<RoundView>('POST', `/api/rounds/${roundId}/senior-override`, hr,
      { reason: '本轮申报人业绩突出，经研究同意突破高级职称通过率（证书 e2e）。', version: round.version })
    round = await call<RoundView>('POST', `/api/rounds/${roundId}/pass-list`, office, { version: round.version })
  } else if (passList.status >= 300) {
    fail(`POST /api/rounds/${roundId}/pass-list answered ${passList.status}: ${JSON.stringify(passList.body).slice(0, 300)}`)
  } else {
    round = passList.body as RoundView
  }
  round = await call<RoundView>('POST', `/api/rounds/${roundId}/approve`, hr, { version: round.version })
  round = await call<RoundView>('POST', `/api/rounds/${roundId}/publish`, hr, { version: round.version })
  const ends = round.noticeEndsOn ?? fail('the published round has no notice end')
  await moveServerClock(chinaMorningOf(plusDays(ends, 1)))
  round = await call<RoundView>('POST', `/api/rounds/${roundId}/file`, hr, { version: round.version })
  if (round.state !== 'FILED') fail(`the round is ${round.state} after filing`)
  return { ...accepted, roundId }
}

/** The applicant's photo (R27) through the presigned upload, as the application page does it. */
export async function uploadPhoto(token: string, applicationId: string, png: Buffer): Promise<void> {
  const grant = await call<{ upload: { method: string; url: string; headers: Record<string, string> } }>(
    'POST', `/api/applications/${applicationId}/photo`, token, { fileName: 'photo.png', contentType: 'image/png', size: png.length })
  await upload(grant.upload, png)
  await call('POST', `/api/applications/${applicationId}/photo/complete`, token)
}
