import { describe, expect, it } from 'vitest'
import {
  CREDIT_CATEGORIES,
  CREDIT_CODE_CHARS,
  CREDIT_PROVINCES,
  creditCheckCharFor,
  creditCodeProblem,
  isValidCreditCode,
} from '../src/lib/creditCode'

/** Published codes of well-known companies (business licences are public). */
const PUBLISHED = ['91350100M000100Y43', '914403001922038216', '9144030071526726XG', '91330100799655058B']

/** A small seeded generator, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** A valid code: registration authority and kind, a 6-digit division, a 9-character organisation code, its check. */
function randomValid(next: () => number): string {
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)]
  const authority = pick(Object.keys(CREDIT_CATEGORIES).join(''))
  const provinces = [...CREDIT_PROVINCES]
  let first17 = authority + pick(CREDIT_CATEGORIES[authority]) + provinces[Math.floor(next() * provinces.length)]
  for (let i = 0; i < 4; i++) first17 += pick('0123456789')
  for (let i = 0; i < 9; i++) first17 += pick(CREDIT_CODE_CHARS)
  return first17 + creditCheckCharFor(first17)
}

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes, with spaces around and in lower case', () => {
    for (const c of PUBLISHED) expect(creditCodeProblem(c), c).toBeNull()
    expect(isValidCreditCode(' 9144030071526726xg ')).toBe(true)
  })

  it('computes the check character as 31 − (Σ cᵢ·3ⁱ mod 31), 31 read as 0', () => {
    expect(creditCheckCharFor('91350100M000100Y4')).toBe('3')
    expect(creditCheckCharFor('9144030071526726X')).toBe('G')
    // the check character may itself be a letter
    expect(PUBLISHED.map((c) => creditCheckCharFor(c.slice(0, 17)))).toEqual(PUBLISHED.map((c) => c[17]))
  })

  it('names what is wrong: length, characters outside the set, the division code, the check', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length')
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length')
    expect(creditCodeProblem('B1350100M000100Y4' + 'X')).toBe('authority') // B gives no codes
    expect(creditCodeProblem('94350100M000100Y4' + 'X')).toBe('category') // 工商 gives 1, 2 and 3 only
    expect(creditCodeProblem('91990100M000100Y4' + 'X')).toBe('division') // 99 is no province
    expect(creditCodeProblem('91350100M000100I43')).toBe('characters') // I is not used
    expect(creditCodeProblem('91350100M000100O43')).toBe('characters') // nor O
    expect(creditCodeProblem('913A0100M000100Y4' + 'X')).toBe('division')
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check')
  })

  it('the code set has 31 characters and none of I, O, S, V, Z', () => {
    expect(CREDIT_CODE_CHARS).toHaveLength(31)
    for (const c of 'IOSVZ') expect(CREDIT_CODE_CHARS).not.toContain(c)
  })

  it('property: any single changed character of a valid code is refused', () => {
    const next = prng(20231)
    const codes = [...PUBLISHED, ...Array.from({ length: 200 }, () => randomValid(next))]
    let tried = 0
    for (const valid of codes) {
      expect(isValidCreditCode(valid), valid).toBe(true)
      for (let i = 0; i < 18; i++) {
        // every other character of the set, and a few that are not in it
        for (const c of CREDIT_CODE_CHARS + 'IOZ') {
          if (c === valid[i]) continue
          const changed = valid.slice(0, i) + c + valid.slice(i + 1)
          expect(isValidCreditCode(changed), `${valid} → ${changed}`).toBe(false)
          tried++
        }
      }
    }
    expect(tried).toBeGreaterThan(100_000)
  })
})
