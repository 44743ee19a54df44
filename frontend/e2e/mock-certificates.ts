// The certificate routes of docs/certificates.md for the mock backend: issuing (one and per round), the holder's and
// the issuer's lists, PDF, revoke, reissue and reissue requests (R29), issuer keys and the public trust list, the seal
// image, annual issuance reports, the application photo (R27), and the public status, lookup and verify routes.
// Payloads are real compact JWS signed with ES256 (node:crypto, raw R||S), so the verify page's Web Crypto check runs
// against them. A development aid: the backend is the authority on every rule.
import { createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import QRCode from 'qrcode'
import { certificateNumber, checkCertificateNumber } from '../src/lib/certificateNumber'

type Json = Record<string, unknown>

export interface CertificateContext {
  method: string
  path: string
  query: URLSearchParams
  data: Json
  /** The request body as it came (the seal image is not JSON). */
  raw: Buffer
  headers: IncomingHttpHeaders
  clientAddress: string
  user: { username: string; role: string; name: string; unitId?: string } | null
  apps: Map<string, Json>
  publicBase: string
  /** The applicants' ID numbers by username (the certificate prints the masked one). */
  round: (id: string) => Json | undefined
  signedUrl: (method: string, key: string) => string
  stored: (key: string) => { type: string; bytes: Buffer } | undefined
  send: (status: number, body?: unknown, type?: string, headers?: Record<string, string>) => void
  problem: (status: number, code: string, title: string, extra?: Json) => void
}

interface Issuer {
  id: string
  code: string
  name: string
}

/** The mock's HR bureaus; `hrbureau2` is another issuer, to see R29's refusal. */
const ISSUERS: Record<string, Issuer> = {
  'hr-wf': { id: 'hr-wf', code: 'WFHR', name: '潍坊市人力资源和社会保障局' },
  'hr-qd': { id: 'hr-qd', code: 'QDHR', name: '青岛市人力资源和社会保障局' },
}
export const CERTIFICATE_USERS: Record<string, Json> = {
  hrbureau2: { username: 'hrbureau2', name: '刘科长', role: 'HR_BUREAU', unitId: 'hr-qd' },
}

interface Key {
  kid: string
  issuerId: string
  privateKey: KeyObject
  jwk: Json
  validFrom: string
  validTo: string | null
  retiredReason: string | null
}

const keys: Key[] = []
const certs = new Map<string, Json>()
const requests = new Map<string, Json>()
const reports = new Map<string, Json>()
const seals = new Map<string, { type: string; bytes: Buffer }>()
const serials = new Map<string, number>()
const lookups = new Map<string, number[]>()

const MAX_PAYLOAD = 4000
const LOOKUPS_PER_MINUTE = 10
const RESTRICTION = '限基层单位有效（定向评价、定向使用）'

const nowIso = () => new Date().toISOString()
/** Today in China. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url')
const mask = (id: string) => (id.length > 10 ? id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4) : id)

function issuerOf(user: CertificateContext['user']): Issuer {
  return ISSUERS[user?.unitId ?? ''] ?? ISSUERS['hr-wf']
}

function newKey(issuer: Issuer): Key {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const kid = `${issuer.code}-${randomBytes(4).toString('hex')}`
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' }) as Json
  const key: Key = {
    kid, issuerId: issuer.id, privateKey,
    jwk: { kty, crv, x, y, kid, use: 'sig', alg: 'ES256' },
    validFrom: nowIso(), validTo: null, retiredReason: null,
  }
  keys.push(key)
  return key
}

function currentKey(issuer: Issuer): Key {
  return keys.find((k) => k.issuerId === issuer.id && !k.validTo) ?? newKey(issuer)
}

function trustEntry(k: Key): Json {
  const issuer = ISSUERS[k.issuerId]
  return {
    kid: k.kid, issuerId: k.issuerId, issuerCode: issuer.code, issuerName: issuer.name, alg: 'ES256', jwk: k.jwk,
    validFrom: k.validFrom, validTo: k.validTo, retiredReason: k.retiredReason, status: k.validTo ? 'RETIRED' : 'CURRENT',
  }
}

function signJws(key: Key, claims: Json): string {
  const input = `${b64u(JSON.stringify({ alg: 'ES256', kid: key.kid, typ: 'zhicheng-cert+jws' }))}.${b64u(JSON.stringify(claims))}`
  const sig = cryptoSign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${b64u(sig)}`
}

/** The server-side check (POST /api/public/certificates/verify), the same order as the browser's. */
function verifyJws(jws: string): Json {
  const tampered = (reason: string) => ({ result: 'TAMPERED', reason, status: null, claims: null })
  const [h, p, s, extra] = jws.split('.')
  if (!h || !p || !s || extra !== undefined) return tampered('NOT_COMPACT_JWS')
  let header: Json
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Json
  } catch {
    return tampered('BAD_HEADER')
  }
  if (header.alg !== 'ES256') return tampered('WRONG_ALG')
  if (header.typ !== 'zhicheng-cert+jws') return tampered('WRONG_TYP')
  const key = keys.find((k) => k.kid === header.kid)
  if (!key) return { result: 'UNKNOWN_ISSUER', reason: 'KID_NOT_TRUSTED', status: null, claims: null }
  const pub = createPublicKey({ key: key.jwk as never, format: 'jwk' })
  const sig = Buffer.from(s, 'base64url')
  if (sig.length !== 64 || b64u(sig) !== s || !cryptoVerify('sha256', Buffer.from(`${h}.${p}`), { key: pub, dsaEncoding: 'ieee-p1363' }, sig)) {
    return tampered('BAD_SIGNATURE')
  }
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Json
  const cert = [...certs.values()].find((c) => c.number === claims.num)
  return { result: 'VALID', reason: 'SIGNATURE_VALID', status: cert ? statusOf(cert) : null, claims }
}

function statusOf(c: Json): string {
  return String(c.status)
}

function fullView(c: Json): Json {
  const { owner: _o, applicationId: _a, ...out } = c
  void _o
  void _a
  return out
}

function publicView(c: Json): Json {
  const keys = ['number', 'kind', 'holderName', 'maskedIdNumber', 'seriesName', 'specialty', 'level', 'post', 'termStartsOn', 'termEndsOn',
    'committeeName', 'publicationNumber', 'issuerName', 'issuedOn', 'grassroots', 'status', 'revokedAt', 'revocationCause', 'supersededBy']
  return Object.fromEntries(keys.map((k) => [k, c[k] ?? null]))
}

/** A new certificate for a holder: number, claims, payload and QR link; reissues carry `rei`. */
function makeCertificate(c: CertificateContext, issuer: Issuer, base: Json, publicationNumber: string, supersedes?: Json): Json {
  const year = Number(chinaToday().slice(0, 4))
  const serialKey = `${issuer.id}-${year}`
  const serial = (serials.get(serialKey) ?? 0) + 1
  serials.set(serialKey, serial)
  const number = certificateNumber(issuer.code, year, serial)
  const key = currentKey(issuer)
  const claims: Json = {
    v: 2, knd: 'T', num: number, name: base.holderName, idm: base.maskedIdNumber, sex: base.sex ?? undefined,
    ser: base.seriesName, spe: base.specialty, prs: base.practisedSpecialty || undefined, lvl: base.level,
    com: base.committeeName || undefined, pub: publicationNumber, iss: issuer.id, isn: issuer.name, iat: chinaToday(),
    rst: base.grassroots ? 'GRASSROOTS' : undefined, rei: supersedes ? supersedes.number : undefined,
  }
  for (const k of Object.keys(claims)) if (claims[k] === undefined || claims[k] === null) delete claims[k]
  const payload = signJws(key, claims)
  const cert: Json = {
    ...base, id: randomUUID(), number, kind: 'TITLE', publicationNumber, issuerId: issuer.id, issuerName: issuer.name,
    issuedOn: chinaToday(), status: 'VALID', revokedAt: null, revocationCause: null, revocationReason: null,
    supersededBy: null, supersedes: supersedes ? supersedes.number : null, reissueReason: null,
    restriction: base.grassroots ? RESTRICTION : null, kid: key.kid, payload, verifyUrl: `${c.publicBase}/verify#${payload}`, version: 1,
  }
  certs.set(String(cert.id), cert)
  const reportKey = `${issuer.id}-${year}`
  if (!reports.has(reportKey)) {
    reports.set(reportKey, { issuerId: issuer.id, year, state: 'OPEN', dueOn: `${year + 1}-01-31`, submittedAt: null, version: 1 })
  }
  return cert
}

/** Issues one title certificate for a FILED application (R27 photo, one per application). */
function issueFor(c: CertificateContext, a: Json, publicationNumber: string): { cert?: Json; code?: string; status?: number; rule?: string; title?: string } {
  if ([...certs.values()].some((x) => x.applicationId === a.id)) return { code: 'ALREADY_ISSUED', status: 409, title: 'The application already has a certificate' }
  if (a.state !== 'FILED') return { code: 'ILLEGAL_TRANSITION', status: 409, title: 'Only filed applications get a certificate' }
  if (!a.photo) return { code: 'PHOTO_MISSING', status: 409, rule: 'R27', title: 'The applicant has not uploaded a photo' }
  const applicant = a.applicant as Json
  const cert = makeCertificate(c, issuerOf(c.user), {
    applicationId: a.id, owner: a.owner, holderName: applicant.name, maskedIdNumber: mask(String(applicant.idNumber ?? '')),
    sex: null, seriesName: (a.series as Json | null)?.name, specialty: a.specialty, practisedSpecialty: a.practisedSpecialty ?? null,
    level: a.level, committeeName: (a.committee as Json | null)?.name ?? null, grassroots: a.grassroots === true,
  }, publicationNumber)
  a.state = 'CERTIFIED'
  a.version = Number(a.version) + 1
  ;(a.history as Json[] | undefined)?.push({ at: nowIso(), actor: c.user?.name, action: 'issue', fromState: 'FILED', toState: 'CERTIFIED', note: cert.number })
  return { cert }
}

/** A one-page A4 PDF: the number in text and the verify link's QR code drawn as filled squares. */
function certificatePdf(cert: Json): Buffer {
  const qr = QRCode.create(String(cert.verifyUrl), { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const size = 220
  const cell = size / (n + 8)
  const x0 = 595 - 60 - size
  const y0 = 80
  let squares = ''
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(r, col)) {
        const x = x0 + (col + 4) * cell
        const y = y0 + size - (r + 5) * cell
        squares += `${x.toFixed(3)} ${y.toFixed(3)} ${cell.toFixed(3)} ${cell.toFixed(3)} re\n`
      }
    }
  }
  const ascii = (s: unknown) => String(s ?? '').replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '')
  const stream = [
    'BT /F1 22 Tf 60 760 Td (Zhicheng certificate - mock) Tj ET',
    `BT /F1 14 Tf 60 720 Td (No. ${ascii(cert.number)}) Tj ET`,
    `BT /F1 12 Tf 60 700 Td (Issued ${ascii(cert.issuedOn)}  Publication ${ascii(cert.publicationNumber)}) Tj ET`,
    `1 1 1 rg ${x0} ${y0} ${size} ${size} re f 0 0 0 rg`,
    squares + 'f',
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** The issuance report's rows, as tab-separated text standing in for the Excel file. */
function reportFile(issuer: Issuer, year: number): Buffer {
  const rows = [...certs.values()].filter((x) => x.issuerId === issuer.id && String(x.issuedOn).startsWith(String(year)))
  const lines = ['number\tname\tmaskedId\tseries\tspecialty\tlevel\tissuedOn\tstatus\tpublication']
  for (const r of rows) lines.push([r.number, r.holderName, r.maskedIdNumber, r.seriesName, r.specialty, r.level, r.issuedOn, r.status, r.publicationNumber].join('\t'))
  return Buffer.from(lines.join('\n'), 'utf8')
}

/** Handles the request when it is a certificate route; false otherwise. */
export function certificateApi(c: CertificateContext): boolean {
  const { method, path, data, user } = c
  let m: RegExpExecArray | null
  const refuse = (status: number, code: string, title: string, extra: Json = {}) => (c.problem(status, code, title, extra), true)

  // ---------- public ----------
  if (method === 'GET' && path === '/api/public/certificates/trust-list') {
    if (!keys.length) currentKey(ISSUERS['hr-wf'])
    return c.send(200, { generatedAt: nowIso(), keys: keys.map(trustEntry) }, 'application/json', { 'Cache-Control': 'public, max-age=300' }), true
  }
  if (method === 'GET' && (m = /^\/api\/public\/certificates\/([^/]+)\/status$/.exec(path))) {
    const checked = checkCertificateNumber(decodeURIComponent(m[1]))
    if (!checked.ok) return refuse(400, 'MALFORMED_CERTIFICATE_NUMBER', 'Malformed certificate number', { rule: 'R27', reason: checked.reason })
    const cert = [...certs.values()].find((x) => x.number === checked.value)
    if (!cert) return refuse(404, 'CERTIFICATE_NOT_FOUND', 'No certificate has this number')
    const supersededBy = cert.supersededBy ?? null
    return c.send(200, {
      number: cert.number, kind: cert.kind, status: statusOf(cert), issuedOn: cert.issuedOn, validUntil: null,
      revokedAt: cert.revokedAt, revocationCause: cert.revocationCause, supersededBy, supersededAt: cert.supersededAt ?? null,
    }), true
  }
  if (method === 'POST' && path === '/api/public/certificates/lookup') {
    const now = Date.now()
    const recent = (lookups.get(c.clientAddress) ?? []).filter((t) => now - t < 60_000)
    if (recent.length >= LOOKUPS_PER_MINUTE) {
      const retryAfterSeconds = Math.max(1, Math.ceil((60_000 - (now - recent[0])) / 1000))
      c.send(429, { type: 'https://zhicheng.cn/problems/rate-limited', title: 'Too many lookups', status: 429, code: 'RATE_LIMITED', retryAfterSeconds },
        'application/problem+json', { 'Retry-After': String(retryAfterSeconds) })
      return true
    }
    lookups.set(c.clientAddress, [...recent, now])
    const checked = checkCertificateNumber(String(data.number ?? ''))
    if (!checked.ok) return refuse(400, 'MALFORMED_CERTIFICATE_NUMBER', 'Malformed certificate number', { rule: 'R27', reason: checked.reason })
    const cert = [...certs.values()].find((x) => x.number === checked.value)
    if (!cert) return refuse(404, 'CERTIFICATE_NOT_FOUND', 'No certificate has this number')
    if (String(cert.holderName) !== String(data.name ?? '').trim()) return refuse(404, 'NAME_MISMATCH', 'The name is not the holder’s')
    return c.send(200, publicView(cert)), true
  }
  if (method === 'POST' && path === '/api/public/certificates/verify') {
    const payload = String(data.payload ?? '')
    if (payload.length > MAX_PAYLOAD) return refuse(413, 'PAYLOAD_TOO_LARGE', 'Payload over 4,000 characters')
    return c.send(200, verifyJws(payload)), true
  }

  const certRoute = path.startsWith('/api/certificates') || path.startsWith('/api/issuer-') || /^\/api\/applications\/[^/]+\/photo/.test(path)
  if (!certRoute) return false
  if (!user) return refuse(401, 'UNAUTHENTICATED', 'Sign in first')
  const hr = user.role === 'HR_BUREAU'
  const applicant = user.role === 'APPLICANT'
  const forbid = () => refuse(403, 'FORBIDDEN', 'Not allowed for your role')
  const issuer = issuerOf(user)

  // ---------- the application photo (R27) ----------
  if ((m = /^\/api\/applications\/([^/]+)\/photo(?:\/(complete|download))?$/.exec(path))) {
    const a = c.apps.get(decodeURIComponent(m[1]))
    if (!a) return refuse(404, 'APPLICATION_NOT_FOUND', 'Application not found')
    const key = `photo/${String(a.id)}`
    if (m[2] === 'download') {
      if (!a.photo) return refuse(404, 'PHOTO_NOT_FOUND', 'No photo')
      return c.send(200, { method: 'GET', url: c.signedUrl('GET', key), headers: {}, expiresAt: new Date(Date.now() + 300e3).toISOString() }), true
    }
    if (!applicant || a.owner !== user.username) return forbid()
    if (['CERTIFIED', 'VOID', 'WITHDRAWN'].includes(String(a.state))) return refuse(409, 'ILLEGAL_TRANSITION', 'The photo can no longer change')
    if (m[2] === 'complete') {
      const stored = c.stored(key)
      if (!stored) return refuse(409, 'EVIDENCE_NOT_STORED', 'The file has not reached the store')
      a.photo = { contentType: stored.type, size: stored.bytes.length, uploadedAt: nowIso() }
      a.version = Number(a.version) + 1
      return c.send(200, { ...a, owner: undefined, actions: [] }), true
    }
    if (!['image/jpeg', 'image/png'].includes(String(data.contentType))) return refuse(400, 'EVIDENCE_TYPE', 'JPEG or PNG only', { rule: 'R27' })
    if (Number(data.size) > 2 * 1024 * 1024) return refuse(400, 'EVIDENCE_TOO_LARGE', 'At most 2 MB', { rule: 'R27' })
    return c.send(201, { upload: { method: 'PUT', url: c.signedUrl('PUT', key), headers: { 'Content-Type': String(data.contentType) }, expiresAt: new Date(Date.now() + 900e3).toISOString() } }), true
  }

  // ---------- keys and seal ----------
  if (path === '/api/issuer-keys' && method === 'GET') {
    if (!hr) return forbid()
    currentKey(issuer)
    return c.send(200, keys.filter((k) => k.issuerId === issuer.id).map(trustEntry)), true
  }
  if (path === '/api/issuer-keys/rotate' && method === 'POST') {
    if (!hr) return forbid()
    if (!String(data.reason ?? '').trim()) return refuse(400, 'VALIDATION_FAILED', 'reason is required', { errors: [{ field: 'reason', message: 'must not be blank' }] })
    const old = currentKey(issuer)
    old.validTo = nowIso()
    old.retiredReason = String(data.reason).trim()
    newKey(issuer)
    const own = keys.filter((k) => k.issuerId === issuer.id).map(trustEntry).reverse()
    return c.send(200, own), true
  }
  if (path === '/api/issuer-seal') {
    if (!hr) return forbid()
    if (method === 'GET') {
      const seal = seals.get(issuer.id)
      if (!seal) return refuse(404, 'SEAL_IMAGE_NOT_FOUND', 'No seal image')
      return c.send(200, seal.bytes, seal.type), true
    }
    const type = String(c.headers['content-type'] ?? '').split(';')[0].trim()
    const png = c.raw.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    const jpeg = c.raw.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))
    if (!((type === 'image/png' && png) || (type === 'image/jpeg' && jpeg)) || c.raw.length > 1024 * 1024) {
      return refuse(400, 'SEAL_IMAGE_INVALID', 'Not a PNG or JPEG of at most 1 MB', { rule: 'R27' })
    }
    seals.set(issuer.id, { type, bytes: Buffer.from(c.raw) })
    return c.send(200, { contentType: type, size: c.raw.length, uploadedAt: nowIso() }), true
  }

  // ---------- issuance reports (R29) ----------
  if (path === '/api/certificates/issuance-reports' && method === 'GET') {
    if (!hr) return forbid()
    const rows: Json[] = [...reports.values()].filter((r) => r.issuerId === issuer.id).map((r): Json => ({
      ...r, issuerId: undefined,
      certificateCount: [...certs.values()].filter((x) => x.issuerId === issuer.id && String(x.issuedOn).startsWith(String(r.year))).length,
    }))
    return c.send(200, rows.sort((a, b) => Number(b.year) - Number(a.year))), true
  }
  if ((m = /^\/api\/certificates\/issuance-reports\/(\d{4})(\.xlsx|\/submit)$/.exec(path))) {
    if (!hr) return forbid()
    const year = Number(m[1])
    const r = reports.get(`${issuer.id}-${year}`)
    if (!r) return refuse(404, 'REPORT_NOT_FOUND', 'No report for this year')
    if (m[2] === '.xlsx') {
      c.send(200, reportFile(issuer, year), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
        'Content-Disposition': `attachment; filename="issuance-${year}.xlsx"`,
      })
      return true
    }
    if (year >= Number(chinaToday().slice(0, 4))) return refuse(409, 'REPORT_YEAR_NOT_OVER', 'The year is not over', { rule: 'R29' })
    if (data.version !== r.version) return refuse(409, 'STALE_VERSION', 'The report has changed')
    Object.assign(r, { state: 'SUBMITTED', submittedAt: nowIso(), version: Number(r.version) + 1 })
    return c.send(200, { ...r, issuerId: undefined }), true
  }

  // ---------- reissue requests (R29) ----------
  if (path === '/api/certificates/reissue-requests' && method === 'GET') {
    const state = c.query.get('state')
    const rows = [...requests.values()].filter((r) =>
      (hr ? r.issuerId === issuer.id : applicant ? r.owner === user.username : false) && (!state || r.state === state))
    return c.send(200, rows.map(({ owner: _o, issuerId: _i, ...r }) => (void _o, void _i, r))), true
  }
  if ((m = /^\/api\/certificates\/reissue-requests\/([^/]+)\/refuse$/.exec(path)) && method === 'POST') {
    const r = requests.get(decodeURIComponent(m[1]))
    if (!r) return refuse(404, 'REQUEST_NOT_FOUND', 'No such request')
    if (!hr || r.issuerId !== issuer.id) return refuse(403, 'NOT_ORIGINAL_ISSUER', 'Only the original issuer decides', { rule: 'R29' })
    if (r.state !== 'PENDING') return refuse(409, 'ILLEGAL_TRANSITION', 'Already decided')
    Object.assign(r, { state: 'REFUSED', decidedAt: nowIso(), decisionNote: String(data.note ?? ''), version: Number(r.version) + 1 })
    return c.send(200, r), true
  }

  // ---------- certificates ----------
  if (path === '/api/certificates' && method === 'POST') {
    if (!hr) return forbid()
    const a = c.apps.get(String(data.applicationId))
    if (!a) return refuse(404, 'APPLICATION_NOT_FOUND', 'Application not found')
    if (!String(data.publicationNumber ?? '').trim()) return refuse(400, 'VALIDATION_FAILED', 'publicationNumber is required', { errors: [{ field: 'publicationNumber', message: 'must not be blank' }] })
    const r = issueFor(c, a, String(data.publicationNumber).trim())
    if (!r.cert) return refuse(r.status ?? 409, r.code ?? 'ILLEGAL_TRANSITION', r.title ?? 'Refused', r.rule ? { rule: r.rule } : {})
    return c.send(201, fullView(r.cert)), true
  }
  if (path === '/api/certificates/batches' && method === 'POST') {
    if (!hr) return forbid()
    const round = c.round(String(data.roundId))
    if (!round) return refuse(404, 'ROUND_NOT_FOUND', 'No such round')
    if (round.state !== 'FILED') return refuse(409, 'ROUND_NOT_FILED', 'The round is not filed', { rule: 'R16' })
    if (!String(data.publicationNumber ?? '').trim()) return refuse(400, 'VALIDATION_FAILED', 'publicationNumber is required')
    const issued: Json[] = []
    const skipped: Json[] = []
    for (const entry of round.applications as Json[]) {
      if (entry.state !== 'PASSED' && entry.state !== 'FILED' && entry.state !== 'RESULT_PUBLICITY') continue
      const a = c.apps.get(String(entry.id))
      if (!a) continue
      if (a.state === 'PASSED' || a.state === 'RESULT_PUBLICITY') a.state = 'FILED'
      const r = issueFor(c, a, String(data.publicationNumber).trim())
      if (r.cert) issued.push(fullView(r.cert))
      else skipped.push({ applicationId: a.id, holderName: (a.applicant as Json).name, code: r.code, detail: r.title })
    }
    return c.send(200, { issued, skipped }), true
  }
  if (path === '/api/certificates/issued' && method === 'GET') {
    if (!hr) return forbid()
    const q = (c.query.get('q') ?? '').trim()
    const year = c.query.get('year')
    const status = c.query.get('status')
    const page = Number(c.query.get('page') ?? 0)
    const size = Number(c.query.get('size') ?? 20)
    const all = [...certs.values()]
      .filter((x) => x.issuerId === issuer.id)
      .filter((x) => !q || String(x.holderName).includes(q) || String(x.number).includes(q.toUpperCase()))
      .filter((x) => !year || String(x.issuedOn).startsWith(year))
      .filter((x) => !status || statusOf(x) === status)
      .reverse()
    return c.send(200, { items: all.slice(page * size, page * size + size).map(fullView), total: all.length, page, size }), true
  }
  if (path === '/api/certificates/mine' && method === 'GET') {
    if (!applicant) return forbid()
    return c.send(200, [...certs.values()].filter((x) => x.owner === user.username).reverse().map(fullView)), true
  }
  if ((m = /^\/api\/certificates\/([^/]+)(?:\/(pdf|revoke|reissue|reissue-requests))?$/.exec(path))) {
    const cert = certs.get(decodeURIComponent(m[1]))
    if (!cert) return refuse(404, 'CERTIFICATE_NOT_FOUND', 'No such certificate')
    const holder = cert.owner === user.username
    const ownIssuer = hr && cert.issuerId === issuer.id
    const action = m[2]
    if (!action && method === 'GET') return holder || hr ? (c.send(200, fullView(cert)), true) : forbid()
    if (action === 'pdf') {
      if (!holder && !ownIssuer) return forbid()
      if (cert.status === 'REVOKED' || cert.status === 'SUPERSEDED') return refuse(409, 'CERTIFICATE_NOT_CURRENT', 'Revoked or superseded')
      c.send(200, certificatePdf(cert), 'application/pdf', { 'Content-Disposition': `attachment; filename="${String(cert.number)}.pdf"` })
      return true
    }
    if (action === 'reissue-requests' && method === 'POST') {
      if (!holder) return forbid()
      if (!['LOST', 'DAMAGED'].includes(String(data.reason))) return refuse(400, 'VALIDATION_FAILED', 'reason must be LOST or DAMAGED')
      if (cert.status !== 'VALID') return refuse(409, 'CERTIFICATE_NOT_CURRENT', 'Revoked or superseded')
      const r: Json = {
        id: randomUUID(), certificateId: cert.id, certificateNumber: cert.number, holderName: cert.holderName, reason: data.reason,
        note: String(data.note ?? ''), state: 'PENDING', decidedAt: null, decisionNote: null, newCertificateId: null,
        newCertificateNumber: null, createdAt: nowIso(), version: 1, owner: user.username, issuerId: cert.issuerId,
      }
      requests.set(String(r.id), r)
      const { owner: _o, issuerId: _i, ...out } = r
      void _o
      void _i
      return c.send(201, out), true
    }
    if (!hr) return forbid()
    if (!ownIssuer) return refuse(403, 'NOT_ORIGINAL_ISSUER', 'Only the original issuer may do this', { rule: 'R29' })
    if (cert.status !== 'VALID') return refuse(409, 'CERTIFICATE_NOT_CURRENT', 'Revoked or superseded')
    if (data.version !== cert.version) return refuse(409, 'STALE_VERSION', 'The certificate has changed')
    if (action === 'revoke') {
      if (!String(data.reason ?? '').trim()) return refuse(400, 'VALIDATION_FAILED', 'reason is required')
      Object.assign(cert, { status: 'REVOKED', revokedAt: nowIso(), revocationCause: 'CORRECTION', revocationReason: String(data.reason).trim(), version: Number(cert.version) + 1 })
      return c.send(200, fullView(cert)), true
    }
    if (action === 'reissue') {
      if (!['LOST', 'DAMAGED', 'CORRECTION'].includes(String(data.reason))) return refuse(400, 'VALIDATION_FAILED', 'reason must be LOST, DAMAGED or CORRECTION')
      const { id: _id, number: _n, payload: _p, verifyUrl: _v, ...base } = cert
      void _id
      void _n
      void _p
      void _v
      const fresh = makeCertificate(c, issuer, { ...base, applicationId: null }, String(cert.publicationNumber), cert)
      fresh.reissueReason = data.reason
      Object.assign(cert, { status: 'SUPERSEDED', supersededBy: fresh.number, supersededAt: nowIso(), version: Number(cert.version) + 1 })
      const req = data.requestId ? requests.get(String(data.requestId)) : undefined
      if (req) Object.assign(req, { state: 'DONE', decidedAt: nowIso(), newCertificateId: fresh.id, newCertificateNumber: fresh.number, version: Number(req.version) + 1 })
      return c.send(201, fullView(fresh)), true
    }
  }
  return false
}
