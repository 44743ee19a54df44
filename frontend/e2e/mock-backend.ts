// A stand-in for the backend's local server, for front-end work while the real one is not running:
// serves dist/ with SPA fallback, and /api + /local-store in memory, following docs/api.md.
// It is a development aid only; the Quarkus backend is the authority on every rule.
//
//   npm run build && npm run mock            # http://localhost:8089
//   ZC_BASE_URL=http://localhost:8089 npm run e2e
import { createHmac, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { E2E_DIR } from './lib'
import { calendarApi } from './mock-calendar'
import { deadlinesApi } from './mock-deadlines'
import { COMMITTEE_USERS, committeeApi, roundById } from './mock-committee'
import { CERTIFICATE_USERS, certificateApi } from './mock-certificates'
import { spotcheckApi } from './mock-spotcheck'

const PORT = Number(process.env.ZC_MOCK_PORT ?? 8089)
const DIST = join(E2E_DIR, '..', 'dist')
const PUBLIC_BASE = process.env.ZC_PUBLIC_BASE_URL ?? `http://localhost:${PORT}`
const KEY = Buffer.from('zhicheng-mock-signing-key-not-secret')

type Json = Record<string, unknown>

// ---------- data ----------
const users: Record<string, Json> = {
  applicant: { username: 'applicant', name: '张三', role: 'APPLICANT', unitId: 'u1', personId: 'p1', idNumber: '37070219850101123X' },
  unit: { username: 'unit', name: '李人事', role: 'UNIT_HR', unitId: 'u1' },
  hrbureau: { username: 'hrbureau', name: '王科长', role: 'HR_BUREAU', unitId: 'hr-wf' },
  office: { username: 'office', name: '赵主任', role: 'COMMITTEE_OFFICE' },
}
// Committee route, second half: the experts who sign in (mock-committee.ts).
Object.assign(users, COMMITTEE_USERS)
// Another city's HR bureau: reissuing or revoking a Weifang certificate is refused to it (R29).
Object.assign(users, CERTIFICATE_USERS)
const series = [
  { id: 's1', code: 'ENG', nameZh: '工程技术', nameEn: 'Engineering' },
  { id: 's2', code: 'EDU', nameZh: '中小学教师', nameEn: 'School teachers' },
]
const levels = [
  { code: 'FULL_SENIOR', nameZh: '正高级', nameEn: 'Full senior' },
  { code: 'DEPUTY_SENIOR', nameZh: '副高级', nameEn: 'Deputy senior' },
  { code: 'INTERMEDIATE', nameZh: '中级', nameEn: 'Intermediate' },
  { code: 'ASSISTANT', nameZh: '助理级', nameEn: 'Assistant' },
  { code: 'MEMBER', nameZh: '员级', nameEn: 'Member' },
]
const units = [
  { id: 'u1', code: 'WF-EP', name: '潍坊市电力设计研究院', kind: 'EMPLOYER' },
  { id: 'u2', code: 'WF-S1', name: '潍坊市第一中学', kind: 'EMPLOYER' },
]
const committees = [
  { id: 'c1', name: '潍坊市工程技术中级评委会', seriesId: 's1', seriesName: '工程技术', levels: ['INTERMEDIATE', 'ASSISTANT', 'MEMBER'] },
]
const apps = new Map<string, Json>()
const store = new Map<string, { type: string; bytes: Buffer }>()

// ---------- helpers ----------
const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')
const now = () => new Date().toISOString()

function send(res: ServerResponse, status: number, body?: unknown, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type })
  res.end(body === undefined ? '' : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body))
}

function problem(res: ServerResponse, status: number, code: string, title: string, extra: Json = {}) {
  send(res, status, { type: `https://zhicheng.cn/problems/${code.toLowerCase().replace(/_/g, '-')}`, title, status, code, ...extra }, 'application/problem+json')
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

function tokenFor(u: Json): string {
  const claims = { sub: u.username, 'cognito:username': u.username, 'cognito:groups': [u.role], 'custom:unit_id': u.unitId, name: u.name }
  return `${b64u('{"alg":"none","typ":"JWT"}')}.${b64u(JSON.stringify(claims))}.mock`
}

function caller(req: IncomingMessage): Json | null {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')
  if (!m) return null
  try {
    const claims = JSON.parse(Buffer.from(m[1].split('.')[1], 'base64url').toString()) as Json
    return users[String(claims['cognito:username'])] ?? null
  } catch {
    return null
  }
}

function mask(id: string) {
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4)
}

function actionsFor(a: Json, u: Json): string[] {
  const s = a.state
  switch (u.role) {
    case 'APPLICANT':
      return s === 'DRAFT' ? ['submit', 'withdraw'] : s === 'SUBMITTED' ? ['withdraw'] : []
    case 'UNIT_HR':
      return s === 'SUBMITTED' ? ['review', 'return'] : s === 'UNIT_PUBLICITY' ? ['recommend', 'return'] : []
    case 'HR_BUREAU':
      return ({ RECOMMENDED: ['vet'], PASSED: ['publish'], RESULT_PUBLICITY: ['file'], FILED: ['issue'] } as Record<string, string[]>)[String(s)] ?? []
    case 'COMMITTEE_OFFICE':
      return s === 'VETTED' ? ['accept'] : s === 'ACCEPTED' ? ['decide'] : []
    default:
      return []
  }
}

function view(a: Json, u: Json): Json {
  const owner = a.owner === u.username
  const applicant = a.applicant as Json
  return { ...a, owner: undefined, applicant: { ...applicant, idNumber: owner ? applicant.idNumber : mask(String(applicant.idNumber)) }, actions: actionsFor(a, u) }
}

function move(a: Json, u: Json, action: string, to: string, note = '') {
  ;(a.history as Json[]).push({ at: now(), actor: u.name, action, fromState: a.state, toState: to, note })
  a.state = to
  a.version = Number(a.version) + 1
  a.updatedAt = now()
}

// ---------- routes ----------
async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
  const path = url.pathname
  const method = req.method ?? 'GET'
  const raw = method === 'GET' ? Buffer.alloc(0) : await body(req)
  // The calendar takes text/csv bodies too: it parses its own.
  if (path.startsWith('/api/calendar/')) {
    calendarApi({
      method,
      path,
      url,
      raw,
      role: (caller(req)?.role as string | undefined) ?? null,
      send: (status, b, type) => send(res, status, b, type),
      problem: (status, code, title, extra) => problem(res, status, code, title, extra),
    })
    return
  }
  let data: Json = {}
  // The seal image is sent as it is (image/png or image/jpeg), not as JSON.
  if (raw.length && path !== '/api/issuer-seal') {
    try {
      data = JSON.parse(raw.toString()) as Json
    } catch {
      return problem(res, 400, 'MALFORMED_JSON', 'Malformed JSON')
    }
  }
  // public
  if (method === 'POST' && path === '/api/auth/sign-in') {
    const u = users[String(data.username)]
    if (!u || data.password !== 'demo123') return problem(res, 401, 'UNAUTHENTICATED', 'Wrong username or password')
    return send(res, 200, { token: tokenFor(u), expiresAt: new Date(Date.now() + 8 * 3600e3).toISOString(), account: u })
  }
  if (path === '/api/catalogue/series') return send(res, 200, series)
  if (path === '/api/catalogue/levels') return send(res, 200, levels)
  if (path === '/api/catalogue/units') return send(res, 200, units.filter((x) => !url.searchParams.get('kind') || x.kind === url.searchParams.get('kind')))
  if (path === '/api/catalogue/committees') return send(res, 200, committees)
  const who = caller(req)
  // Certificates (docs/certificates.md): public status, lookup, verify and trust list, and the signed-in routes.
  if (
    certificateApi({
      method,
      path,
      query: url.searchParams,
      data,
      raw,
      headers: req.headers,
      clientAddress: req.socket.remoteAddress ?? '',
      user: who ? { username: String(who.username), role: String(who.role), name: String(who.name ?? ''), unitId: who.unitId as string | undefined } : null,
      apps,
      publicBase: PUBLIC_BASE,
      round: roundById,
      signedUrl: (m, key) => {
        const expires = Date.now() + 15 * 60e3
        const sig = createHmac('sha256', KEY).update(`${m} ${key} ${expires}`).digest('hex')
        return `/local-store/${encodeURIComponent(key)}?X-Zc-Expires=${expires}&X-Zc-Signature=${sig}`
      },
      stored: (key) => store.get(key),
      send: (status, b, type, headers) => {
        if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        send(res, status, b, type)
      },
      problem: (status, code, title, extra) => problem(res, status, code, title, extra),
    })
  )
    return

  // Deadlines, notifications and scheduled jobs live in mock-deadlines.ts.
  if (
    deadlinesApi({
      method,
      path,
      data,
      user: who ? { username: String(who.username), role: String(who.role) } : null,
      send: (status, b, type) => send(res, status, b, type),
      problem: (status, code, title, extra) => problem(res, status, code, title, extra),
    })
  )
    return

  // Spot checks, the integrity record and certificate reports live in mock-spotcheck.ts.
  if (
    spotcheckApi({
      method,
      path,
      query: url.searchParams,
      signedUrl: (m, key) => {
        const expires = Date.now() + 15 * 60e3
        const sig = createHmac('sha256', KEY).update(`${m} ${key} ${expires}`).digest('hex')
        return `/local-store/${encodeURIComponent(key)}?X-Zc-Expires=${expires}&X-Zc-Signature=${sig}`
      },
      putFile: (key, type, bytes) => void store.set(key, { type, bytes }),
      data,
      headers: req.headers,
      user: who ? { username: String(who.username), role: String(who.role), name: String(who.name ?? '') } : null,
      apps,
      send: (status, b, type) => send(res, status, b, type),
      problem: (status, code, title, extra) => problem(res, status, code, title, extra),
    })
  )
    return

  // Meetings, expert votes, review rounds and public notices live in mock-committee.ts.
  if (
    committeeApi({
      method,
      path,
      data,
      headers: req.headers,
      user: who ? { username: String(who.username), role: String(who.role), name: String(who.name ?? '') } : null,
      apps,
      send: (status, b, type, headers) => {
        if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        send(res, status, b, type)
      },
      problem: (status, code, title, extra) => problem(res, status, code, title, extra),
    })
  )
    return

  const u = caller(req)
  if (!u) return problem(res, 401, 'UNAUTHENTICATED', 'Sign in first')
  if (path === '/api/auth/me') return send(res, 200, u)

  let m: RegExpExecArray | null
  const need = (role: string) => (u.role === role ? null : problem(res, 403, 'FORBIDDEN', 'Not allowed for your role'))
  const find = (id: string) => apps.get(decodeURIComponent(id))
  const checkVersion = (a: Json) => {
    if (data.version !== a.version) {
      problem(res, 409, 'STALE_VERSION', 'The application has changed', { detail: `version ${String(data.version)} is not ${String(a.version)}` })
      return false
    }
    return true
  }
  const transition = (a: Json | undefined, action: string, to: string, note = '') => {
    if (!a) return problem(res, 404, 'APPLICATION_NOT_FOUND', 'Application not found')
    if (!actionsFor(a, u).includes(action)) return problem(res, 409, 'ILLEGAL_TRANSITION', 'Not possible in this state', { detail: `${action} from ${String(a.state)}` })
    if (!checkVersion(a)) return
    move(a, u, action, to, note)
    return send(res, 200, view(a, u))
  }

  if (path === '/api/applications' && method === 'GET') {
    if (need('APPLICANT')) return
    return send(res, 200, [...apps.values()].filter((a) => a.owner === u.username).map((a) => view(a, u)))
  }
  if (path === '/api/applications' && method === 'POST') {
    if (need('APPLICANT')) return
    const errors = ['seriesId', 'level', 'specialty', 'unitId', 'diplomaNumber', 'degreeNumber']
      .filter((f) => !data[f])
      .map((f) => ({ field: f, message: 'must not be blank' }))
    if (errors.length) return problem(res, 400, 'VALIDATION_FAILED', 'Validation failed', { errors })
    const s = series.find((x) => x.id === data.seriesId)
    const unit = units.find((x) => x.id === data.unitId)
    const committee = committees.find((c) => c.seriesId === data.seriesId && c.levels.includes(String(data.level)))
    const id = randomUUID()
    const a: Json = {
      id, state: 'DRAFT', version: 1, owner: u.username,
      applicant: { name: u.name, idNumber: u.idNumber },
      unit: unit && { id: unit.id, name: unit.name }, series: s && { id: s.id, name: s.nameZh }, level: data.level,
      specialty: data.specialty, committee: committee ? { id: committee.id, name: committee.name } : null,
      diplomaNumber: data.diplomaNumber, degreeNumber: data.degreeNumber, diplomaVerification: null, degreeVerification: null,
      grassroots: data.grassroots === true, practisedSpecialty: data.practisedSpecialty ?? null, photo: null,
      pledgeSignedAt: null, unitPledgeSignedAt: null, decision: null, evidence: [],
      history: [{ at: now(), actor: u.name, action: 'create', fromState: null, toState: 'DRAFT', note: '' }],
      createdAt: now(), updatedAt: now(),
    }
    apps.set(id, a)
    return send(res, 201, view(a, u))
  }
  if ((m = /^\/api\/applications\/([^/]+)$/.exec(path)) && method === 'GET') {
    const a = find(m[1])
    if (!a || a.owner !== u.username) return problem(res, 404, 'APPLICATION_NOT_FOUND', 'Application not found')
    return send(res, 200, view(a, u))
  }
  if ((m = /^\/api\/applications\/([^/]+)\/evidence$/.exec(path)) && method === 'POST') {
    const a = find(m[1])
    if (!a || a.owner !== u.username) return problem(res, 404, 'APPLICATION_NOT_FOUND', 'Application not found')
    if (Number(data.size) > 20 * 1024 * 1024) return problem(res, 400, 'EVIDENCE_TOO_LARGE', 'File too large', { detail: 'at most 20 MiB' })
    if (!['application/pdf', 'image/jpeg', 'image/png'].includes(String(data.contentType))) return problem(res, 400, 'EVIDENCE_TYPE', 'Type not accepted')
    const item = { id: randomUUID(), title: data.title, fileName: data.fileName, contentType: data.contentType, size: data.size, status: 'PENDING', uploadedAt: null }
    ;(a.evidence as Json[]).push(item)
    const key = `${a.id}/${item.id}`
    const expires = Date.now() + 15 * 60e3
    const sig = createHmac('sha256', KEY).update(`PUT ${key} ${expires}`).digest('hex')
    return send(res, 201, { item, upload: { method: 'PUT', url: `/local-store/${encodeURIComponent(key)}?X-Zc-Expires=${expires}&X-Zc-Signature=${sig}`, headers: { 'Content-Type': data.contentType }, expiresAt: new Date(expires).toISOString() } })
  }
  if ((m = /^\/api\/applications\/([^/]+)\/evidence\/([^/]+)\/(complete|download)$/.exec(path))) {
    const a = find(m[1])
    const item = (a?.evidence as Json[] | undefined)?.find((x) => x.id === m![2])
    if (!a || !item) return problem(res, 404, 'EVIDENCE_NOT_FOUND', 'Evidence not found')
    const key = `${a.id}/${String(item.id)}`
    if (m[3] === 'complete') {
      const stored = store.get(key)
      if (!stored) return problem(res, 409, 'EVIDENCE_NOT_STORED', 'The file has not reached the store')
      if (stored.bytes.length !== item.size) return problem(res, 409, 'EVIDENCE_SIZE_MISMATCH', 'Size differs from the declared size')
      Object.assign(item, { status: 'UPLOADED', uploadedAt: now() })
      return send(res, 200, item)
    }
    const expires = Date.now() + 5 * 60e3
    const sig = createHmac('sha256', KEY).update(`GET ${key} ${expires}`).digest('hex')
    return send(res, 200, { method: 'GET', url: `/local-store/${encodeURIComponent(key)}?X-Zc-Expires=${expires}&X-Zc-Signature=${sig}`, headers: {}, expiresAt: new Date(expires).toISOString() })
  }
  if ((m = /^\/api\/applications\/([^/]+)\/submit$/.exec(path))) {
    const a = find(m[1])
    if (data.pledgeAccepted !== true) return problem(res, 409, 'PLEDGE_REQUIRED', 'Integrity pledge required', { rule: 'R5', detail: 'The applicant must accept the integrity pledge.' })
    if (a && !(a.evidence as Json[]).some((e) => e.status === 'UPLOADED')) return problem(res, 409, 'EVIDENCE_REQUIRED', 'Upload evidence first')
    if (a && a.state === 'DRAFT') a.pledgeSignedAt = now()
    return transition(a, 'submit', 'SUBMITTED')
  }
  if ((m = /^\/api\/applications\/([^/]+)\/withdraw$/.exec(path))) return transition(find(m[1]), 'withdraw', 'WITHDRAWN', String(data.reason ?? ''))
  if ((m = /^\/api\/(unit|review)\/applications\/([^/]+)$/.exec(path)) && method === 'GET') {
    const a = find(m[2])
    if (!a || (u.role === 'APPLICANT')) return problem(res, 404, 'APPLICATION_NOT_FOUND', 'Application not found')
    return send(res, 200, view(a, u))
  }
  if (path === '/api/unit/applications') {
    if (need('UNIT_HR')) return
    return send(res, 200, [...apps.values()].filter((a) => (a.unit as Json)?.id === u.unitId && a.state !== 'DRAFT').map((a) => view(a, u)))
  }
  if ((m = /^\/api\/unit\/applications\/([^/]+)\/(review|return|recommend)$/.exec(path))) {
    if (need('UNIT_HR')) return
    const a = find(m[1])
    if (m[2] === 'review') return transition(a, 'review', 'UNIT_PUBLICITY', String(data.comment ?? ''))
    if (m[2] === 'return') {
      if (!data.reason) return problem(res, 400, 'VALIDATION_FAILED', 'Validation failed', { errors: [{ field: 'reason', message: 'must not be blank' }] })
      return transition(a, 'return', 'DRAFT', String(data.reason))
    }
    if (data.unitPledgeAccepted !== true) return problem(res, 409, 'UNIT_PLEDGE_REQUIRED', 'Unit pledge required', { rule: 'R5' })
    const routes = ['DIPLOMA_DATABASE', 'DEGREE_DATABASE', 'ARCHIVE_REVIEW']
    if (!routes.includes(String(data.diplomaVerification)) || !routes.includes(String(data.degreeVerification))) return problem(res, 400, 'VERIFICATION_ROUTE_REQUIRED', 'Say how diploma and degree were verified', { rule: 'R4' })
    if (a && a.state === 'UNIT_PUBLICITY') Object.assign(a, { unitPledgeSignedAt: now(), diplomaVerification: data.diplomaVerification, degreeVerification: data.degreeVerification })
    return transition(a, 'recommend', 'RECOMMENDED')
  }
  if (path === '/api/review/applications') {
    if (u.role !== 'HR_BUREAU' && u.role !== 'COMMITTEE_OFFICE') return problem(res, 403, 'FORBIDDEN', 'Not allowed for your role')
    const states = ['RECOMMENDED', 'VETTED', 'ACCEPTED', 'UNDER_REVIEW', 'PASSED', 'FAILED', 'RESULT_PUBLICITY', 'FILED', 'CERTIFIED']
    return send(res, 200, [...apps.values()].filter((a) => states.includes(String(a.state))).map((a) => view(a, u)))
  }
  if ((m = /^\/api\/review\/applications\/([^/]+)\/(vet|accept|decision|publish|file)$/.exec(path))) {
    const a = find(m[1])
    switch (m[2]) {
      case 'vet':
        return transition(a, 'vet', 'VETTED', String(data.comment ?? ''))
      case 'accept':
        return transition(a, 'accept', 'ACCEPTED')
      case 'decision': {
        if (data.outcome !== 'PASS' && data.outcome !== 'FAIL') return problem(res, 400, 'VALIDATION_FAILED', 'Validation failed', { errors: [{ field: 'outcome', message: 'must be PASS or FAIL' }] })
        if (a && a.state === 'ACCEPTED') a.decision = { outcome: data.outcome, note: data.note }
        return transition(a, 'decide', data.outcome === 'PASS' ? 'PASSED' : 'FAILED', String(data.note ?? ''))
      }
      case 'publish':
        return transition(a, 'publish', 'RESULT_PUBLICITY')
      default:
        return transition(a, 'file', 'FILED')
    }
  }
  return problem(res, 404, 'ROUTE_NOT_FOUND', `No route ${method} ${path}`)
}

function localStore(req: IncomingMessage, res: ServerResponse, url: URL) {
  const key = decodeURIComponent(url.pathname.slice('/local-store/'.length))
  const expires = Number(url.searchParams.get('X-Zc-Expires'))
  const sig = url.searchParams.get('X-Zc-Signature') ?? ''
  const method = req.method ?? 'GET'
  const expect = createHmac('sha256', KEY).update(`${method} ${key} ${expires}`).digest('hex')
  if (sig !== expect || expires < Date.now()) return problem(res, 403, 'SIGNATURE_INVALID', 'Signed URL invalid or expired')
  if (method === 'PUT') {
    return void body(req).then((bytes) => {
      store.set(key, { type: String(req.headers['content-type'] ?? ''), bytes })
      send(res, 200, '')
    })
  }
  const f = store.get(key)
  if (!f) return problem(res, 404, 'OBJECT_NOT_FOUND', 'No such object')
  return send(res, 200, f.bytes, f.type)
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' }

function staticFile(res: ServerResponse, url: URL) {
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
  let file = join(DIST, rel)
  if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html')
  if (!existsSync(file)) return send(res, 500, 'dist/ is missing: run npm run build first', 'text/plain')
  return send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream')
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const done = url.pathname.startsWith('/api/')
    ? api(req, res, url)
    : url.pathname.startsWith('/local-store/')
      ? localStore(req, res, url)
      : staticFile(res, url)
  Promise.resolve(done).catch((e: unknown) => problem(res, 500, 'INTERNAL', 'Mock failure', { detail: String(e) }))
}).listen(PORT, '127.0.0.1', () => process.stdout.write(`mock backend on http://localhost:${PORT} (dist: ${DIST})\n`))
