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
  const res = await fetch(grant.url, { method: grant.method, headers: grant.headers, body: new Uint8Array(bytes) })
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
