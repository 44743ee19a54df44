// Certificate numbers (R27, docs/certificates.md "Numbers"): issuer code (2–8 of 0-9A-Z), 4-digit year, 6-digit
// serial and an ISO/IEC 7064 hybrid MOD 37,36 check character. A port of core's CertificateNumber, so a typing
// mistake is caught in the browser before any lookup; the server checks again.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const M = ALPHABET.length
const WHOLE = /^[0-9A-Z]{2,8}[0-9]{4}[0-9]{6}[0-9A-Z]$/
// Hyphen look-alikes that survive NFKC and that people paste from documents.
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2212'

/** Why a typed number is refused: the server's `reason` of MALFORMED_CERTIFICATE_NUMBER. */
export type NumberProblem = 'WRONG_FORMAT' | 'BAD_CHECK_CHARACTER'

export type NumberCheck = { ok: true; value: string } | { ok: false; reason: NumberProblem }

/** Spaces and hyphens dropped, full-width read as plain (NFKC), lower case raised (ASCII only, as the server does). */
export function normalizeCertificateNumber(raw: string): string {
  let out = ''
  for (const c of raw.normalize('NFKC')) {
    if (/\s/u.test(c) || /\p{Zs}/u.test(c) || DASHES.includes(c)) continue
    out += c >= 'a' && c <= 'z' ? c.toUpperCase() : c
  }
  return out
}

function step(p: number, c: string): number {
  const a = ALPHABET.indexOf(c)
  if (a < 0) throw new Error('characters must be 0-9 or A-Z')
  const s = (p + a) % M
  return s === 0 ? M : s
}

// P starts at 36; for each character S = (P + a) mod 36 (36 when 0), then P = 2S mod 37.
function runningState(s: string): number {
  let p = M
  for (const c of s) p = (2 * step(p, c)) % (M + 1)
  return p
}

/** The check character that makes `payload + check` validate; `payload` is over 0-9A-Z. */
export function checkCharFor(payload: string): string {
  return ALPHABET.charAt((M + 1 - runningState(payload)) % M)
}

/** Checks a typed or pasted number; on success `value` is the number as printed. */
export function checkCertificateNumber(raw: string | null | undefined): NumberCheck {
  const s = normalizeCertificateNumber(raw ?? '')
  if (!WHOLE.test(s)) return { ok: false, reason: 'WRONG_FORMAT' }
  const valid = step(runningState(s.slice(0, -1)), s.charAt(s.length - 1)) === 1
  return valid ? { ok: true, value: s } : { ok: false, reason: 'BAD_CHECK_CHARACTER' }
}

/** A well-formed number from its parts (tests and the mock backend). */
export function certificateNumber(issuerCode: string, year: number, serial: number): string {
  const payload = `${issuerCode}${String(year).padStart(4, '0')}${String(serial).padStart(6, '0')}`
  return payload + checkCharFor(payload)
}
