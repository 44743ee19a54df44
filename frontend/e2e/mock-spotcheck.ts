// Spot checks and integrity (docs/spotcheck.md) for the mock backend: a development aid so the pages can be
// driven without the real server. The draw is computed here with node's crypto, independently of the browser's
// lib/spotcheckDraw.ts, so the public page's "verify in my browser" is a real cross-check. The server is the
// authority on every rule; this only follows the contract's shapes and refusal codes.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { CommitteeContext } from './mock-committee'

type Json = Record<string, unknown>
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const HEX64 = /^[0-9a-f]{64}$/
const nowIso = () => new Date().toISOString()
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A round's population: eight accepted engineering applications (ids made from the round id). */
const NAMES = ['王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑一', '冯二']
const UNITS = [
  { id: 'u1', name: '潍坊市电力设计研究院' },
  { id: 'u2', name: '潍坊市第一中学' },
]
function population(roundId: string) {
  return NAMES.map((name, i) => {
    const h = sha(`${roundId}:${i}`)
    const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
    return { id, name, unit: UNITS[i % 2], specialty: '电气工程', level: 'INTERMEDIATE', state: 'ACCEPTED' }
  })
}
/**
 * Inspector candidates (the pool): expert1 (e1) and expert2 (e2) sign in; e3 works at u1 and declared a conflict
 * with u2, so it is recused from every sample and both signing-in experts inspect each one.
 */
const CANDIDATES = [
  { expertId: 'e1', name: '孙评审', unitId: 'u9', conflictUnitId: '' },
  { expertId: 'e2', name: '周评审', unitId: 'u8', conflictUnitId: '' },
  { expertId: 'e3', name: '吴评审', unitId: 'u1', conflictUnitId: 'u2' },
]
const EVIDENCE = [
  { id: 'ev1', title: '代表作论文', kind: 'APPLICANT', fileName: 'paper.pdf' },
  { id: 'ev2', title: '获奖证书', kind: 'APPLICANT', fileName: 'award.pdf' },
]

const draws = new Map<string, Json>()
const requests = new Map<string, Json>()
const records = new Map<string, Json>()
const reports = new Map<string, Json>()
const idempotent = new Map<string, string>()

function popHash(ids: string[]) {
  return sha(ids.map((x) => x.toLowerCase()).sort(cmp).map((x) => `${x}\n`).join(''))
}
function rankBy<T>(items: T[], id: (t: T) => string, key: (t: T) => string): T[] {
  return items
    .map((t) => ({ t, k: sha(key(t)), i: id(t) }))
    .sort((a, b) => cmp(a.k, b.k) || cmp(a.i, b.i))
    .map((x) => x.t)
}
function view(d: Json): Json {
  const samples = ((d.samples as Json[]) ?? []).map((s) => ({
    ...s,
    requests: [...requests.values()].filter((r) => r.drawId === d.id && r.applicationId === s.applicationId),
  }))
  return { ...d, samples, seed: d.state === 'COMMITTED' ? null : d.seed }
}
function publicView(d: Json): Json {
  const samples = (d.samples as Json[]) ?? []
  return {
    id: d.id, committeeName: d.committeeName, seriesName: d.seriesName, roundYear: d.roundYear, state: d.state,
    ratio: d.ratio, inspectorsPerApplication: d.inspectorsPerApplication, seedCommitment: d.seedCommitment,
    serverSalt: d.serverSalt, populationHash: d.populationHash, population: d.population, seed: d.seed,
    sample: samples.map((s) => ({ applicationId: s.applicationId, drawRank: s.drawRank, inspectors: (s.inspectors as Json[]).map((i) => i.expertId) })),
    candidates: CANDIDATES.map((c) => c.expertId), recusals: d.recusals ?? [],
    correctsDrawId: d.correctsDrawId ?? null, supersededById: d.supersededById ?? null, committedAt: d.committedAt, drawnAt: d.drawnAt ?? null,
  }
}

/** What the main mock adds for this module: the query, and signed URLs of its in-memory store. */
export interface SpotcheckContext extends CommitteeContext {
  query: URLSearchParams
  /** A signed /local-store URL for `method` on `key`, as the evidence upload uses. */
  signedUrl: (method: string, key: string) => string
  /** Put a file in the store (the evidence an inspector downloads). */
  putFile: (key: string, type: string, bytes: Buffer) => void
}

export function spotcheckApi(c: SpotcheckContext): boolean {
  const { method, path, data, user, query } = c
  let m: RegExpExecArray | null
  // ---------- public ----------
  if (method === 'GET' && path === '/api/public/spotchecks') {
    const list = [...draws.values()].filter((d) => d.state !== 'COMMITTED').map((d) => ({
      id: d.id, committeeName: d.committeeName, seriesName: d.seriesName, roundYear: d.roundYear,
      populationSize: d.populationSize, sampleSize: d.sampleSize, drawnAt: d.drawnAt, state: d.state,
    }))
    return c.send(200, list), true
  }
  if (method === 'GET' && (m = /^\/api\/public\/spotchecks\/([^/]+)(\/verification)?$/.exec(path))) {
    const d = draws.get(decodeURIComponent(m[1]))
    if (!d || d.state === 'COMMITTED') return c.problem(404, 'NOT_FOUND', 'No such draw'), true
    if (!m[2]) return c.send(200, publicView(d)), true
    const p = publicView(d)
    const drawSeed = sha(`${p.seed}:${p.serverSalt}`)
    const size = Math.ceil(Number(p.ratio) * (p.population as string[]).length - 1e-9)
    const sample = rankBy(p.population as string[], (x) => x, (x) => `${drawSeed}:${x}`).slice(0, size)
    const sampleMatches = JSON.stringify(sample) === JSON.stringify((p.sample as Json[]).map((s) => s.applicationId))
    return c.send(200, {
      matches: sampleMatches, commitmentMatches: sha(String(p.seed)) === p.seedCommitment,
      populationMatches: popHash(p.population as string[]) === p.populationHash, sampleMatches, inspectorsMatches: sampleMatches,
      recomputedSample: sample,
    }), true
  }
  if (method === 'POST' && path === '/api/public/certificate-reports') {
    const reason = String(data.reason ?? '').trim()
    if (reason.length < 10 || reason.length > 2000) return c.problem(400, 'VALIDATION_FAILED', 'reason: 10 to 2000 characters'), true
    const id = randomUUID()
    const r = { id, reference: `JB${today().replace(/-/g, '')}-${String(reports.size + 1).padStart(4, '0')}`, createdAt: nowIso(), state: 'OPEN',
      certificateNumber: data.certificateNumber ?? null, certificateKnown: false, payload: data.payload ?? null, reason: data.reason, contact: data.contact ?? null, version: 1 }
    reports.set(id, r)
    return c.send(201, { reference: r.reference, createdAt: r.createdAt }), true
  }
  const spot = path.startsWith('/api/spotchecks') || path.startsWith('/api/inspector/') || path.startsWith('/api/spotcheck-requests') ||
    path.startsWith('/api/integrity-records') || path === '/api/me/integrity-records' || path.startsWith('/api/certificate-reports')
  if (!spot) return false
  if (!user) return c.problem(401, 'UNAUTHENTICATED', 'Sign in first'), true
  const staff = user.role === 'COMMITTEE_OFFICE' || user.role === 'HR_BUREAU'

  // ---------- office ----------
  if (method === 'GET' && path === '/api/spotchecks/series') {
    return c.send(200, [{ seriesId: 's1', seriesName: '工程技术', population: NAMES.length }]), true
  }
  if (method === 'GET' && path === '/api/spotchecks/population') {
    const roundId = query.get('roundId') ?? ''
    const ids = population(roundId).map((a) => a.id)
    return c.send(200, { roundId, committeeId: 'c1', seriesId: query.get('seriesId'), size: ids.length, populationHash: popHash(ids),
      applicationIds: ids, minimumSampleSize: Math.ceil((ids.length * 15) / 100) }), true
  }
  if (method === 'GET' && path === '/api/spotchecks') {
    if (!staff) return c.problem(403, 'FORBIDDEN', 'Not allowed'), true
    const roundId = query.get('roundId')
    return c.send(200, [...draws.values()].filter((d) => !roundId || d.roundId === roundId).reverse().map(view)), true
  }
  if (method === 'POST' && path === '/api/spotchecks') {
    if (user.role !== 'COMMITTEE_OFFICE') return c.problem(403, 'FORBIDDEN', 'Not allowed'), true
    const key = String(c.headers['idempotency-key'] ?? '')
    if (key && idempotent.has(key)) return c.send(201, view(draws.get(idempotent.get(key)!)!)), true
    const ratio = Number(data.ratio ?? 0.15)
    if (!(ratio >= 0.15 && ratio <= 1)) return c.problem(422, 'RATIO_TOO_LOW', 'Ratio below 0.15', { rule: 'R18' }), true
    if (!HEX64.test(String(data.seedCommitment))) return c.problem(400, 'INVALID_COMMITMENT', 'Bad commitment', { rule: 'R19' }), true
    const roundId = String(data.roundId)
    const ids = population(roundId).map((a) => a.id)
    if (data.populationHash !== popHash(ids)) return c.problem(409, 'POPULATION_CHANGED', 'Population changed', { rule: 'R19' }), true
    if ([...draws.values()].some((d) => d.roundId === roundId && d.seriesId === data.seriesId && d.state === 'COMMITTED'))
      return c.problem(409, 'OPEN_DRAW_EXISTS', 'Open commitment exists', { rule: 'R19' }), true
    const id = randomUUID()
    const d: Json = { id, committeeId: 'c1', committeeName: '潍坊市工程技术中级评委会', roundId, roundYear: Number(today().slice(0, 4)),
      seriesId: data.seriesId, seriesName: '工程技术', state: 'COMMITTED', ratio, inspectorsPerApplication: Number(data.inspectorsPerApplication ?? 2),
      seedCommitment: data.seedCommitment, serverSalt: randomBytes(32).toString('hex'), populationHash: popHash(ids), populationSize: ids.length,
      population: ids, seed: null, sampleSize: null, correctsDrawId: data.correctsDrawId ?? null, correctionReason: data.correctionReason ?? null,
      supersededById: null, committedAt: nowIso(), drawnAt: null, version: 1, samples: [] }
    draws.set(id, d)
    if (key) idempotent.set(key, id)
    return c.send(201, view(d)), true
  }
  if ((m = /^\/api\/spotchecks\/([^/]+)(\/.*)?$/.exec(path))) {
    const d = draws.get(decodeURIComponent(m[1]))
    if (!d) return c.problem(404, 'NOT_FOUND', 'No such draw'), true
    const rest = m[2] ?? ''
    if (method === 'GET' && !rest) return c.send(200, view(d)), true
    if (method === 'POST' && rest === '/draw') {
      if (d.state !== 'COMMITTED') return c.problem(409, 'ALREADY_DRAWN', 'Already drawn', { rule: 'R19' }), true
      const seed = String(data.seed ?? '')
      if (!HEX64.test(seed)) return c.problem(400, 'INVALID_SEED', 'Bad seed', { rule: 'R19' }), true
      if (sha(seed) !== d.seedCommitment) return c.problem(422, 'SEED_MISMATCH', 'Seed does not match', { rule: 'R19' }), true
      const drawSeed = sha(`${seed}:${d.serverSalt}`)
      const pop = population(String(d.roundId))
      const size = Math.ceil(Number(d.ratio) * pop.length - 1e-9)
      const recusals: Json[] = []
      const sampled = rankBy(pop, (a) => a.id, (a) => `${drawSeed}:${a.id}`).slice(0, size)
      d.samples = sampled.map((a, i) => {
        const eligible = CANDIDATES.filter((x) => {
          const recused = x.unitId === a.unit.id || x.conflictUnitId === a.unit.id
          if (recused) recusals.push({ applicationId: a.id, expertId: x.expertId })
          return !recused
        })
        const inspectors = rankBy(eligible, (x) => x.expertId, (x) => `${drawSeed}:${a.id}:${x.expertId}`)
          .slice(0, Number(d.inspectorsPerApplication))
          .map((x, j) => ({ expertId: x.expertId, name: x.name, drawRank: j + 1, findings: 0 }))
        return { applicationId: a.id, drawRank: i + 1, applicantName: a.name, unitName: a.unit.name, unitId: a.unit.id, specialty: a.specialty,
          level: a.level, applicationState: a.state, inspectors, findings: [], outcome: null, outcomeNote: null, concludedAt: null, version: 1 }
      })
      Object.assign(d, { seed, state: 'DRAWN', sampleSize: size, drawnAt: nowIso(), recusals, version: Number(d.version) + 1 })
      if (d.correctsDrawId) {
        const old = draws.get(String(d.correctsDrawId))
        if (old) Object.assign(old, { state: 'SUPERSEDED', supersededById: d.id })
      }
      return c.send(200, view(d)), true
    }
    if (method === 'POST' && (m = /^\/samples\/([^/]+)\/(requests|conclusion|fraud-confirmation)$/.exec(rest))) {
      const s = ((d.samples as Json[]) ?? []).find((x) => x.applicationId === decodeURIComponent(m![1]))
      if (!s) return c.problem(404, 'NOT_IN_SAMPLE', 'Not in the sample', { rule: 'R18' }), true
      if (m[2] === 'requests') {
        const id = randomUUID()
        const days = Number(data.workingDays ?? 5)
        const r = { id, drawId: d.id, applicationId: s.applicationId, applicantName: s.applicantName, addressee: data.addressee, question: data.question,
          workingDays: days, dueOn: addDays(today(), Math.ceil((days * 7) / 5)), answer: null, answeredAt: null, version: 1 }
        requests.set(id, r)
        return c.send(201, r), true
      }
      if (m[2] === 'conclusion') {
        if (s.outcome) return c.problem(409, 'ALREADY_CONCLUDED', 'Already concluded', { rule: 'R18' }), true
        const need = (s.inspectors as Json[]).length * EVIDENCE.length
        if ((s.findings as Json[]).length < need) return c.problem(409, 'FINDINGS_INCOMPLETE', 'Findings incomplete', { rule: 'R18' }), true
        Object.assign(s, { outcome: data.outcome, outcomeNote: data.note, concludedAt: nowIso(), version: Number(s.version) + 1 })
        return c.send(200, s), true
      }
      if (user.role !== 'HR_BUREAU') return c.problem(403, 'FORBIDDEN', 'Only the HR bureau confirms fraud'), true
      if (s.outcome !== 'FRAUD_SUSPECTED') return c.problem(409, 'NOT_FRAUD_SUSPECTED', 'Not fraud suspected', { rule: 'R20' }), true
      const on = today()
      const ends = `${Number(on.slice(0, 4)) + 5}${on.slice(4)}`
      const mk = (kind: string, rule: string, personName: string, unitName: string | null) => {
        const id = randomUUID()
        records.set(id, { id, kind, rule, personName, idNumberMasked: '3707**********123X', unitName, applicationId: s.applicationId,
          certificateNumber: null, spotCheckId: d.id, reportReference: null, summary: String(data.reason), confirmedOn: on, banEndsOn: ends,
          banActive: true, rescindedAt: null, rescissionReason: null, version: 1, owner: personName,
          history: [{ at: nowIso(), action: 'CONFIRMED', actorName: user.name, note: String(data.reason) }] })
        return id
      }
      const ids = [mk('FRAUD', 'R20', String(s.applicantName), String(s.unitName))]
      const fp = data.falseProof as Json | undefined
      if (fp) ids.push(mk('FALSE_PROOF', 'R21', String(fp.responsibleName), UNITS.find((u) => u.id === fp.unitId)?.name ?? String(fp.unitId)))
      Object.assign(s, { outcome: 'FRAUD_CONFIRMED', applicationState: 'VOID', integrityRecordIds: ids, version: Number(s.version) + 1 })
      return c.send(200, s), true
    }
    return c.problem(404, 'NOT_FOUND', 'No such route'), true
  }

  // ---------- inspectors ----------
  const expertId = user.username === 'expert1' ? 'e1' : user.username === 'expert2' ? 'e2' : ''
  const mySamples = () =>
    [...draws.values()].filter((d) => d.state === 'DRAWN').flatMap((d) =>
      ((d.samples as Json[]) ?? []).filter((s) => (s.inspectors as Json[]).some((i) => i.expertId === expertId)).map((s) => ({ d, s })))
  if (method === 'GET' && path === '/api/inspector/spotchecks') {
    return c.send(200, mySamples().map(({ d, s }) => ({ drawId: d.id, applicationId: s.applicationId, applicantName: s.applicantName, seriesName: d.seriesName,
      committeeName: d.committeeName, drawnAt: d.drawnAt, outcome: s.outcome,
      recorded: (s.findings as Json[]).filter((f) => f.expertId === expertId).length, total: EVIDENCE.length }))), true
  }
  if ((m = /^\/api\/inspector\/spotchecks\/([^/]+)\/applications\/([^/]+)(?:\/findings\/([^/]+)(?:\/attachments(?:\/([^/]+)\/complete)?)?)?$/.exec(path))) {
    const hit = mySamples().find(({ d, s }) => d.id === decodeURIComponent(m![1]) && s.applicationId === decodeURIComponent(m![2]))
    if (!hit) return c.problem(403, 'NOT_ASSIGNED_INSPECTOR', 'Not your application', { rule: 'R19' }), true
    const { d, s } = hit
    const findings = s.findings as Json[]
    const mine = (ev: string) => findings.find((f) => f.expertId === expertId && f.evidenceItemId === ev)
    if (method === 'GET' && !m[3]) {
      return c.send(200, { drawId: d.id, applicationId: s.applicationId, applicantName: s.applicantName, unitName: s.unitName, seriesName: d.seriesName,
        specialty: s.specialty, outcome: s.outcome, evidence: EVIDENCE.map((e) => {
          c.putFile(`spotcheck/${e.fileName}`, 'application/pdf', Buffer.from(`%PDF-1.4 ${e.title}\n`))
          return { ...e, downloadUrl: c.signedUrl('GET', `spotcheck/${e.fileName}`), finding: mine(e.id) ?? null }
        }) }), true
    }
    if (s.outcome) return c.problem(409, 'ALREADY_CONCLUDED', 'Already concluded', { rule: 'R18' }), true
    const ev = decodeURIComponent(m[3] ?? '')
    if (method === 'PUT' && !path.includes('/attachments')) {
      const e = EVIDENCE.find((x) => x.id === ev)
      if (!e) return c.problem(404, 'NOT_FOUND', 'No such evidence'), true
      const f = mine(ev) ?? { evidenceItemId: ev, evidenceTitle: e.title, expertId, expertName: user.name, attachments: [] }
      Object.assign(f, { result: data.result, note: data.note, recordedAt: nowIso() })
      if (!findings.includes(f)) findings.push(f)
      return c.send(200, f), true
    }
    if (method === 'POST' && path.endsWith('/attachments')) {
      const id = randomUUID()
      const f = mine(ev)
      if (!f) return c.problem(404, 'NOT_FOUND', 'Record the finding first'), true
      ;(f.attachments as Json[]).push({ id, fileName: data.fileName, pending: true })
      return c.send(201, { id, upload: { method: 'PUT', url: c.signedUrl('PUT', `spotcheck-att/${id}`), headers: { 'Content-Type': String(data.contentType) } } }), true
    }
    if (method === 'POST' && m[4]) {
      const a = ((mine(ev)?.attachments as Json[]) ?? []).find((x) => x.id === m![4])
      if (!a) return c.problem(404, 'NOT_FOUND', 'No such attachment'), true
      delete a.pending
      return c.send(200, a), true
    }
  }

  // ---------- questions ----------
  const addresseeOf: Record<string, string> = { APPLICANT: 'APPLICANT', UNIT_HR: 'UNIT', HR_BUREAU: 'DEPARTMENT' }
  if (method === 'GET' && path === '/api/spotcheck-requests') {
    return c.send(200, [...requests.values()].filter((r) => r.addressee === addresseeOf[user.role])), true
  }
  if (method === 'POST' && (m = /^\/api\/spotcheck-requests\/([^/]+)\/answer$/.exec(path))) {
    const r = requests.get(decodeURIComponent(m[1]))
    if (!r || r.addressee !== addresseeOf[user.role]) return c.problem(404, 'NOT_FOUND', 'No such question'), true
    if (r.version !== data.version) return c.problem(409, 'STALE_VERSION', 'Stale version'), true
    Object.assign(r, { answer: data.answer, answeredAt: nowIso(), version: Number(r.version) + 1 })
    return c.send(200, r), true
  }

  // ---------- integrity record ----------
  if (method === 'GET' && path === '/api/me/integrity-records') {
    return c.send(200, [...records.values()].filter((r) => r.owner === user.name)), true
  }
  if (path.startsWith('/api/integrity-records')) {
    if (!staff) return c.problem(403, 'FORBIDDEN', 'Not allowed'), true
    if (method === 'GET' && path === '/api/integrity-records') {
      const q = (query.get('q') ?? '').toLowerCase()
      const items = [...records.values()].filter((r) =>
        (!q || [r.personName, r.unitName, r.summary].some((v) => String(v ?? '').toLowerCase().includes(q))) &&
        (!query.get('kind') || r.kind === query.get('kind')) && (query.get('active') !== 'true' || r.banActive))
      return c.send(200, { items, total: items.length }), true
    }
    if ((m = /^\/api\/integrity-records\/([^/]+)(\/rescission)?$/.exec(path))) {
      const r = records.get(decodeURIComponent(m[1]))
      if (!r) return c.problem(404, 'NOT_FOUND', 'No such record'), true
      if (method === 'GET') return c.send(200, r), true
      if (user.role !== 'HR_BUREAU') return c.problem(403, 'FORBIDDEN', 'Only the HR bureau rescinds'), true
      Object.assign(r, { rescindedAt: nowIso(), rescissionReason: data.reason, banActive: false, version: Number(r.version) + 1 })
      ;(r.history as Json[]).push({ at: nowIso(), action: 'RESCINDED', actorName: user.name, note: data.reason })
      return c.send(200, r), true
    }
  }

  // ---------- certificate reports ----------
  if (user.role !== 'HR_BUREAU') return c.problem(403, 'FORBIDDEN', 'Only the HR bureau'), true
  if (method === 'GET' && path === '/api/certificate-reports') {
    const st = query.get('state')
    return c.send(200, [...reports.values()].filter((r) => !st || r.state === st)), true
  }
  if (method === 'POST' && (m = /^\/api\/certificate-reports\/([^/]+)\/decision$/.exec(path))) {
    const r = reports.get(decodeURIComponent(m[1]))
    if (!r) return c.problem(404, 'NOT_FOUND', 'No such report'), true
    if (r.state !== 'OPEN') return c.problem(409, 'REPORT_DECIDED', 'Already decided', { rule: 'R31' }), true
    Object.assign(r, { state: data.outcome, decisionNote: data.note, decidedAt: nowIso(), version: Number(r.version) + 1 })
    return c.send(200, r), true
  }
  return c.problem(404, 'NOT_FOUND', 'No such route'), true
}
