import { describe, expect, it } from 'vitest'
import { copySourceYear, defaultPoolYear, defaultTermEnd, expertsOutsidePool, expiredMembers } from '../src/lib/pools'

const expert = (id: string) => ({ id, name: id, specialty: 's', unit: { id: 'u', name: 'U' } })

describe('R9 yearly pools', () => {
  it('shows this year and renews from the year before', () => {
    expect(defaultPoolYear(new Date(2026, 7, 31))).toBe(2026)
    expect(copySourceYear(2026)).toBe(2025)
    expect(copySourceYear(2000)).toBe(1999)
  })

  it('lets a new term run to the next renewal at the end of August', () => {
    expect(defaultTermEnd(2026)).toBe('2027-08-31')
  })

  it('offers only experts not yet in the pool', () => {
    const all = [expert('a'), expert('b'), expert('c')]
    const members = [{ expert: expert('b'), termEndsOn: '2027-08-31' }]
    expect(expertsOutsidePool(all, members).map((e) => e.id)).toEqual(['a', 'c'])
    expect(expertsOutsidePool(all, []).length).toBe(3)
  })

  it('finds members whose term has ended', () => {
    const members = [
      { expert: expert('a'), termEndsOn: '2026-08-31' },
      { expert: expert('b'), termEndsOn: '2027-08-31' },
    ]
    expect(expiredMembers(members, '2026-09-01').map((m) => m.expert.id)).toEqual(['a'])
    expect(expiredMembers(members, '2026-08-31')).toEqual([])
  })
})
