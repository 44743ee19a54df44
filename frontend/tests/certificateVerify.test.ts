import { beforeAll, describe, expect, it } from 'vitest'
import type { TrustKey, TrustList } from '../src/api/types'
import {
  base64UrlDecode,
  MAX_PAYLOAD_CHARS,
  pageOutcome,
  resetTrustListCache,
  trustList,
  verifyCompact,
  type CertificateClaims,
} from '../src/lib/certificateVerify'

const subtle = globalThis.crypto.subtle
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const b64u = (b: Uint8Array | string) =>
  Buffer.from(typeof b === 'string' ? new TextEncoder().encode(b) : b).toString('base64url')

interface Signer {
  kid: string
  privateKey: CryptoKey
  entry: TrustKey
}

async function signer(kid: string, validFrom: string, validTo?: string): Promise<Signer> {
  const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair
  const jwk = await subtle.exportKey('jwk', pair.publicKey)
  const entry: TrustKey = {
    kid,
    issuerId: 'u-hr',
    issuerCode: kid.split('-')[0],
    issuerName: '潍坊市人力资源和社会保障局',
    alg: 'ES256',
    jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, use: 'sig', alg: 'ES256' },
    validFrom,
    validTo: validTo ?? null,
    retiredReason: validTo ? '年度轮换' : null,
    status: validTo ? 'RETIRED' : 'CURRENT',
  }
  return { kid, privateKey: pair.privateKey, entry }
}

const CLAIMS: CertificateClaims = {
  v: 2,
  knd: 'T',
  num: 'WFHR2026000001X',
  name: '张三',
  idm: '370702********123X',
  sex: 'M',
  ser: '工程技术',
  spe: '电力系统',
  lvl: 'INTERMEDIATE',
  com: '潍坊市工程技术中级评委会',
  pub: '潍人社字〔2026〕12号',
  iss: 'u-hr',
  isn: '潍坊市人力资源和社会保障局',
  iat: '2026-09-24',
  rst: 'GRASSROOTS',
}

async function sign(
  s: Signer,
  claims: object = CLAIMS,
  header: object = { alg: 'ES256', kid: s.kid, typ: 'zhicheng-cert+jws' },
): Promise<string> {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`
  const sig = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, s.privateKey, new TextEncoder().encode(input)))
  return `${input}.${b64u(sig)}`
}

let current: Signer
let retired: Signer
let stranger: Signer
let trust: TrustList
let valid: string

beforeAll(async () => {
  retired = await signer('WFHR-0a1b2c3d', '2025-01-01T00:00:00Z', '2026-03-31T15:59:59Z')
  current = await signer('WFHR-9f8e7d6c', '2026-03-31T16:00:00Z')
  stranger = await signer('XXHR-12345678', '2020-01-01T00:00:00Z')
  trust = { generatedAt: '2026-09-24T00:00:00Z', keys: [retired.entry, current.entry] }
  valid = await sign(current)
})

describe('verifyCompact (docs/certificates.md, decision 0013)', () => {
  it('a payload signed with a listed current key is VALID with its claims', async () => {
    const r = await verifyCompact(valid, trust)
    expect(r.kind).toBe('VALID')
    if (r.kind !== 'VALID') return
    expect(r.claims.num).toBe('WFHR2026000001X')
    expect(r.claims.rst).toBe('GRASSROOTS')
    expect(r.key.kid).toBe(current.kid)
  })

  it('every character of every part changed is detected (never VALID; payload and signature: TAMPERED)', async () => {
    const parts = valid.split('.')
    let tried = 0
    for (let part = 0; part < 3; part++) {
      const text = parts[part]
      for (let i = 0; i < text.length; i++) {
        // Two different substitutions per position: the neighbour in the alphabet and one far away.
        for (const shift of [1, 33]) {
          const c = ALPHABET[(ALPHABET.indexOf(text[i]) + shift) % 64]
          const changed = [...parts]
          changed[part] = text.slice(0, i) + c + text.slice(i + 1)
          const r = await verifyCompact(changed.join('.'), trust)
          tried++
          expect(r.kind, `part ${part} position ${i} → ${c}`).not.toBe('VALID')
          if (part > 0) expect(r.kind, `part ${part} position ${i} → ${c}`).toBe('TAMPERED')
        }
      }
    }
    expect(tried).toBeGreaterThan(600)
  })

  it('a kid missing from the trust list is UNKNOWN_ISSUER', async () => {
    const r = await verifyCompact(await sign(stranger), trust)
    expect(r).toEqual({ kind: 'UNKNOWN_ISSUER', reason: 'KID_NOT_TRUSTED', kid: stranger.kid })
  })

  it('a listed kid with another key’s signature is TAMPERED', async () => {
    const forged = await sign(stranger, CLAIMS, { alg: 'ES256', kid: current.kid, typ: 'zhicheng-cert+jws' })
    expect(await verifyCompact(forged, trust)).toEqual({ kind: 'TAMPERED', reason: 'BAD_SIGNATURE' })
  })

  it('a retired key verifies what it signed while valid, and not what is dated after it was retired', async () => {
    const before = await verifyCompact(await sign(retired, { ...CLAIMS, iat: '2026-03-31' }), trust)
    expect(before.kind).toBe('VALID')
    const after = await verifyCompact(await sign(retired, { ...CLAIMS, iat: '2026-04-01' }), trust)
    expect(after).toEqual({ kind: 'UNKNOWN_ISSUER', reason: 'IAT_OUTSIDE_KEY_VALIDITY', kid: retired.kid })
    const earlier = await verifyCompact(await sign(retired, { ...CLAIMS, iat: '2024-12-31' }), trust)
    expect(earlier.kind).toBe('UNKNOWN_ISSUER')
  })

  it('the current key does not vouch for a date before it was valid', async () => {
    const r = await verifyCompact(await sign(current, { ...CLAIMS, iat: '2026-03-31' }), trust)
    expect(r).toEqual({ kind: 'UNKNOWN_ISSUER', reason: 'IAT_OUTSIDE_KEY_VALIDITY', kid: current.kid })
  })

  it('alg none and HS256 are refused, whatever follows', async () => {
    const claims = b64u(JSON.stringify(CLAIMS))
    const none = `${b64u(JSON.stringify({ alg: 'none', kid: current.kid, typ: 'zhicheng-cert+jws' }))}.${claims}.`
    expect((await verifyCompact(none, trust)).kind).toBe('TAMPERED')
    const noneSigned = `${b64u(JSON.stringify({ alg: 'none', kid: current.kid, typ: 'zhicheng-cert+jws' }))}.${claims}.AA`
    expect(await verifyCompact(noneSigned, trust)).toEqual({ kind: 'TAMPERED', reason: 'WRONG_ALG' })
    // HS256 with the public key's x as the "secret": the classic algorithm-confusion forgery.
    const hsHeader = b64u(JSON.stringify({ alg: 'HS256', kid: current.kid, typ: 'zhicheng-cert+jws' }))
    const hmacKey = await subtle.importKey('raw', new TextEncoder().encode(current.entry.jwk.x), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    const mac = new Uint8Array(await subtle.sign('HMAC', hmacKey, new TextEncoder().encode(`${hsHeader}.${claims}`)))
    expect(await verifyCompact(`${hsHeader}.${claims}.${b64u(mac)}`, trust)).toEqual({ kind: 'TAMPERED', reason: 'WRONG_ALG' })
  })

  it('a JWS made for another purpose (other typ) is refused', async () => {
    const jwt = await sign(current, CLAIMS, { alg: 'ES256', kid: current.kid, typ: 'JWT' })
    expect(await verifyCompact(jwt, trust)).toEqual({ kind: 'TAMPERED', reason: 'WRONG_TYP' })
  })

  it('signed claims without a number or issue date are TAMPERED (unreadable claims)', async () => {
    const r = await verifyCompact(await sign(current, { v: 2, name: '张三', iat: '2026-09-24' }), trust)
    expect(r).toEqual({ kind: 'TAMPERED', reason: 'BAD_CLAIMS' })
  })

  it('a DER-encoded signature (not raw R||S) is TAMPERED', async () => {
    const [h, p] = valid.split('.')
    expect(await verifyCompact(`${h}.${p}.${b64u(new Uint8Array(70))}`, trust)).toEqual({ kind: 'TAMPERED', reason: 'BAD_SIGNATURE' })
  })

  it('not a JWS at all', async () => {
    for (const s of ['', 'abc', 'a.b', 'a.b.c.d', '!!.??.**', valid.replace(/\./g, '')]) {
      const r = await verifyCompact(s, trust)
      expect(r.kind, s).toBe('TAMPERED')
    }
  })

  it('over 4,000 characters is TOO_LARGE before any parsing; 4,000 exactly is parsed', async () => {
    const big = 'x'.repeat(MAX_PAYLOAD_CHARS + 1)
    expect(await verifyCompact(big, trust)).toEqual({ kind: 'TOO_LARGE', reason: 'PAYLOAD_TOO_LARGE', length: 4001 })
    expect((await verifyCompact('x'.repeat(MAX_PAYLOAD_CHARS), trust)).kind).toBe('TAMPERED')
  })

  it('strict base64url: unused bits must be zero and no padding', () => {
    expect(base64UrlDecode('QQ')).toEqual(new Uint8Array([65]))
    expect(base64UrlDecode('QR')).toBeNull()
    expect(base64UrlDecode('QQ==')).toBeNull()
    expect(base64UrlDecode('Q')).toBeNull()
  })
})

describe('the page outcome', () => {
  it('combines the signature with the status', async () => {
    const v = await verifyCompact(valid, trust)
    expect(pageOutcome(v, { status: 'VALID' })).toBe('valid')
    expect(pageOutcome(v, { status: 'REVOKED' })).toBe('revoked')
    expect(pageOutcome(v, { status: 'EXPIRED' })).toBe('expired')
    expect(pageOutcome(v, { status: 'SUPERSEDED' })).toBe('superseded')
    expect(pageOutcome(v, 'NOT_FOUND')).toBe('unknownCertificate')
    expect(pageOutcome(v, 'UNAVAILABLE')).toBe('statusUnavailable')
    expect(pageOutcome(await verifyCompact(await sign(stranger), trust), { status: 'VALID' })).toBe('unknownIssuer')
    expect(pageOutcome(await verifyCompact('a.b.c', trust))).toBe('tampered')
    expect(pageOutcome(await verifyCompact('x'.repeat(5000), trust))).toBe('tooLarge')
  })
})

describe('the trust list cache', () => {
  it('is fetched once per page session, and again after a failure', async () => {
    resetTrustListCache()
    let calls = 0
    const fail = () => {
      calls++
      return Promise.reject(new Error('offline'))
    }
    await expect(trustList(fail)).rejects.toThrow('offline')
    const ok = () => {
      calls++
      return Promise.resolve(trust)
    }
    const a = await trustList(ok)
    const b = await trustList(ok)
    expect(a.keys).toHaveLength(2)
    expect(b).toBe(a)
    expect(calls).toBe(2)
    resetTrustListCache()
  })
})
