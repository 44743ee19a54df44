// Verifies a certificate's compact JWS in the browser (docs/certificates.md "Verification in the browser",
// decision 0013): Web Crypto ECDSA P-256 / SHA-256 against the public trust list. The payload never leaves the
// page; only the certificate number is then sent for its status.
import type { TrustKey, TrustList } from '../api/types'

/** Over this many characters a payload is refused before any parsing. */
export const MAX_PAYLOAD_CHARS = 4000
export const CERT_JWS_TYP = 'zhicheng-cert+jws'
export const CERT_JWS_ALG = 'ES256'

/** The signed claims (docs/certificates.md "Signed payload"); absent claims are omitted, never null. */
export interface CertificateClaims {
  v: number
  knd: 'T' | 'A' | string
  num: string
  name: string
  idm?: string
  sex?: 'M' | 'F' | string
  ser?: string
  spe?: string
  prs?: string
  lvl?: string
  pst?: string
  tfr?: string
  tto?: string
  com?: string
  pub?: string
  iss?: string
  isn?: string
  /** Issue date, ISO date of China. */
  iat: string
  rst?: 'GRASSROOTS' | string
  rei?: string
  [other: string]: unknown
}

export interface JwsHeader {
  alg?: unknown
  kid?: unknown
  typ?: unknown
  [other: string]: unknown
}

export type TamperedReason =
  | 'NOT_COMPACT_JWS'
  | 'BAD_HEADER'
  | 'WRONG_ALG'
  | 'WRONG_TYP'
  | 'BAD_SIGNATURE'
  | 'BAD_CLAIMS'

export type UnknownIssuerReason = 'KID_NOT_TRUSTED' | 'IAT_OUTSIDE_KEY_VALIDITY'

export type VerifyOutcome =
  | { kind: 'VALID'; reason: 'SIGNATURE_VALID'; claims: CertificateClaims; key: TrustKey }
  | { kind: 'TAMPERED'; reason: TamperedReason }
  | { kind: 'UNKNOWN_ISSUER'; reason: UnknownIssuerReason; kid: string }
  | { kind: 'TOO_LARGE'; reason: 'PAYLOAD_TOO_LARGE'; length: number }

const B64URL = /^[A-Za-z0-9_-]*$/
const B64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Strict base64url (RFC 7515 §2: no padding): a length of 4n+1 or non-zero unused bits is refused, so that every
 * changed character changes the bytes and no second spelling of a signature verifies. Null when not base64url.
 */
export function base64UrlDecode(s: string): Uint8Array<ArrayBuffer> | null {
  if (!B64URL.test(s) || s.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((s.length * 3) / 4))
  let bits = 0
  let value = 0
  let o = 0
  for (let i = 0; i < s.length; i++) {
    value = (value << 6) | B64URL_ALPHABET.indexOf(s[i])
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 0xff
    }
  }
  if (bits > 0 && (value & ((1 << bits) - 1)) !== 0) return null
  return out
}

function parseJson(bytes: Uint8Array<ArrayBuffer> | null): unknown {
  if (!bytes) return undefined
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    return undefined
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A day of China (UTC+8) from an instant, or the day itself when given a day. */
export function chinaDay(value: string): string {
  if (ISO_DAY.test(value)) return value
  const t = Date.parse(value)
  if (Number.isNaN(t)) return value
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10)
}

/** R29 rotation: a certificate verifies with a retired key only when issued while the key was valid. */
export function iatWithinValidity(iat: string, key: TrustKey): boolean {
  if (key.validFrom && iat < chinaDay(key.validFrom)) return false
  if (key.validTo && iat > chinaDay(key.validTo)) return false
  return true
}

function claimsOf(value: unknown): CertificateClaims | null {
  if (!isObject(value)) return null
  if (typeof value.num !== 'string' || !value.num) return null
  if (typeof value.name !== 'string') return null
  if (typeof value.iat !== 'string' || !ISO_DAY.test(value.iat)) return null
  return value as CertificateClaims
}

// An imported key per trust-list entry: importKey is the costly part and the list does not change in a page.
const imported = new WeakMap<TrustKey, Promise<CryptoKey>>()

function publicKey(key: TrustKey, subtle: SubtleCrypto): Promise<CryptoKey> {
  let k = imported.get(key)
  if (!k) {
    const { kty, crv, x, y } = key.jwk
    k = Promise.resolve(
      subtle.importKey('jwk', { kty, crv, x, y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']),
    )
    imported.set(key, k)
    k.catch(() => imported.delete(key))
  }
  return k
}

/**
 * Verifies a compact JWS against the trust list. Order: size, shape, header (alg ES256, typ), kid in the list,
 * signature (raw R||S over `header.payload`), claims, and iat inside the key's validity.
 */
export async function verifyCompact(
  jws: string,
  trust: TrustList,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<VerifyOutcome> {
  if (jws.length > MAX_PAYLOAD_CHARS) return { kind: 'TOO_LARGE', reason: 'PAYLOAD_TOO_LARGE', length: jws.length }
  const parts = jws.split('.')
  if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) return { kind: 'TAMPERED', reason: 'NOT_COMPACT_JWS' }
  const [h, p, s] = parts
  const headerBytes = base64UrlDecode(h)
  const payloadBytes = base64UrlDecode(p)
  const signature = base64UrlDecode(s)
  if (!headerBytes || !payloadBytes || !signature) return { kind: 'TAMPERED', reason: 'NOT_COMPACT_JWS' }
  const header = parseJson(headerBytes)
  if (!isObject(header)) return { kind: 'TAMPERED', reason: 'BAD_HEADER' }
  const hdr = header as JwsHeader
  if (hdr.alg !== CERT_JWS_ALG) return { kind: 'TAMPERED', reason: 'WRONG_ALG' }
  if (hdr.typ !== CERT_JWS_TYP) return { kind: 'TAMPERED', reason: 'WRONG_TYP' }
  if (typeof hdr.kid !== 'string' || !hdr.kid) return { kind: 'TAMPERED', reason: 'BAD_HEADER' }
  const kid = hdr.kid
  const key = trust.keys.find((k) => k.kid === kid && (k.alg ?? CERT_JWS_ALG) === CERT_JWS_ALG)
  if (!key) return { kind: 'UNKNOWN_ISSUER', reason: 'KID_NOT_TRUSTED', kid }
  // ES256 signatures are the raw 32-byte R and S (RFC 7518 §3.4), not DER.
  if (signature.length !== 64) return { kind: 'TAMPERED', reason: 'BAD_SIGNATURE' }
  let holds = false
  try {
    const signed = new TextEncoder().encode(`${h}.${p}`)
    holds = await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await publicKey(key, subtle), signature, signed)
  } catch {
    holds = false
  }
  if (!holds) return { kind: 'TAMPERED', reason: 'BAD_SIGNATURE' }
  const claims = claimsOf(parseJson(payloadBytes))
  if (!claims) return { kind: 'TAMPERED', reason: 'BAD_CLAIMS' }
  if (!iatWithinValidity(claims.iat, key)) return { kind: 'UNKNOWN_ISSUER', reason: 'IAT_OUTSIDE_KEY_VALIDITY', kid }
  return { kind: 'VALID', reason: 'SIGNATURE_VALID', claims, key }
}

// ---------- the trust list: fetched once per page session ----------

let cached: Promise<TrustList> | null = null

/** The trust list, fetched on first use and kept for the page session (a failed fetch is retried next time). */
export function trustList(fetchList: () => Promise<TrustList>): Promise<TrustList> {
  if (!cached) {
    cached = fetchList().then((list) => ({ ...list, keys: Array.isArray(list?.keys) ? list.keys : [] }))
    cached.catch(() => {
      cached = null
    })
  }
  return cached
}

/** Forget the cached list (tests). */
export function resetTrustListCache(): void {
  cached = null
}

// ---------- the one outcome the verify page shows ----------

/** docs/certificates.md "Outcomes shown"; statusUnavailable when the signature holds but the status could not be read. */
export const PAGE_OUTCOMES = [
  'valid',
  'revoked',
  'expired',
  'superseded',
  'unknownIssuer',
  'tampered',
  'unknownCertificate',
  'tooLarge',
  'statusUnavailable',
] as const
export type PageOutcome = (typeof PAGE_OUTCOMES)[number]

/** The status answer as the page got it: the view, no such number (404), or no answer. */
export type StatusAnswer = { status: string } | 'NOT_FOUND' | 'UNAVAILABLE'

export function pageOutcome(verified: VerifyOutcome, status?: StatusAnswer): PageOutcome {
  switch (verified.kind) {
    case 'TOO_LARGE':
      return 'tooLarge'
    case 'TAMPERED':
      return 'tampered'
    case 'UNKNOWN_ISSUER':
      return 'unknownIssuer'
  }
  if (status === 'NOT_FOUND') return 'unknownCertificate'
  if (status === undefined || status === 'UNAVAILABLE') return 'statusUnavailable'
  switch (status.status) {
    case 'VALID':
      return 'valid'
    case 'REVOKED':
      return 'revoked'
    case 'EXPIRED':
      return 'expired'
    case 'SUPERSEDED':
      return 'superseded'
    default:
      return 'statusUnavailable'
  }
}
