import { describe, expect, it } from 'vitest'
import { decodeJwtClaims, displayNameOf, homeFor, parseExpiry, roleOf } from '../src/lib/session'
import { extractPayload, looksLikeCompactJws } from '../src/lib/payload'

function b64url(s: string) {
  return Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
const token = `${b64url('{"alg":"RS256"}')}.${b64url(
  JSON.stringify({ sub: 'u1', 'cognito:username': 'unit', 'cognito:groups': ['UNIT_HR'], name: '王人事' }),
)}.sig`

describe('session helpers', () => {
  it('decodes JWT claims, UTF-8 included', () => {
    expect(decodeJwtClaims(token)).toMatchObject({ sub: 'u1', name: '王人事' })
    expect(decodeJwtClaims('garbage')).toBeNull()
  })

  it('finds the role on the account or in the token', () => {
    expect(roleOf({ role: 'APPLICANT' }, null)).toBe('APPLICANT')
    expect(roleOf({ roles: ['HR_BUREAU'] }, null)).toBe('HR_BUREAU')
    expect(roleOf({ groups: ['COMMITTEE_OFFICE'] }, null)).toBe('COMMITTEE_OFFICE')
    expect(roleOf({ username: 'unit' }, token)).toBe('UNIT_HR')
    expect(roleOf({ role: 'NOT_A_ROLE' }, null)).toBeNull()
    expect(roleOf(null, null)).toBeNull()
  })

  it('display name from account, else token', () => {
    expect(displayNameOf({ name: '张三' }, token)).toBe('张三')
    expect(displayNameOf({ username: 'unit' }, token)).toBe('王人事')
  })

  it('home by role', () => {
    expect(homeFor('APPLICANT')).toBe('/applicant')
    expect(homeFor('UNIT_HR')).toBe('/work')
    expect(homeFor('HR_BUREAU')).toBe('/work')
    expect(homeFor('COMMITTEE_OFFICE')).toBe('/work')
    expect(homeFor('EXPERT')).toBe('/expert/meetings')
    expect(homeFor('SELF_EVAL_UNIT')).toBe('/work')
    expect(homeFor(null)).toBe('/sign-in')
  })

  it('parses expiry as ISO, seconds or milliseconds', () => {
    expect(parseExpiry('2030-01-01T00:00:00Z')).toBe(Date.UTC(2030, 0, 1))
    expect(parseExpiry(1893456000)).toBe(1893456000000)
    expect(parseExpiry(1893456000000)).toBe(1893456000000)
    expect(parseExpiry('1893456000')).toBe(1893456000000)
    expect(parseExpiry(null)).toBeNull()
    expect(parseExpiry('soon')).toBeNull()
  })
})

describe('verify payload input', () => {
  it('takes a bare payload, a fragment or a whole verify link', () => {
    expect(extractPayload('aaa.bbb.ccc')).toBe('aaa.bbb.ccc')
    expect(extractPayload('#aaa.bbb.ccc')).toBe('aaa.bbb.ccc')
    expect(extractPayload('  https://example.invalid/verify#aaa.bbb.ccc \n')).toBe('aaa.bbb.ccc')
    expect(extractPayload('aaa.b\nbb.ccc')).toBe('aaa.bbb.ccc')
    expect(extractPayload('')).toBe('')
  })

  it('recognises the compact JWS shape', () => {
    expect(looksLikeCompactJws('eyJh.eyJz.c2ln')).toBe(true)
    expect(looksLikeCompactJws('not a jws')).toBe(false)
  })
})
