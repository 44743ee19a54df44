import { describe, expect, it } from 'vitest'
import { checkCharFor, isValidIdNumber } from '../src/lib/idNumber'

describe('ID number check (GB 11643)', () => {
  it('accepts the standard example and a trailing lowercase x', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
    expect(isValidIdNumber('370702199003151230')).toBe(true)
  })

  it('rejects every single-digit change of a valid number', () => {
    const valid = '370702199003151230'
    for (let i = 0; i < 18; i++) {
      for (const d of '0123456789X') {
        if (d === valid[i] || (i < 17 && d === 'X')) continue
        const changed = valid.slice(0, i) + d + valid.slice(i + 1)
        expect(isValidIdNumber(changed), changed).toBe(false)
      }
    }
  })

  it('rejects wrong lengths, letters, impossible and future birth dates', () => {
    expect(isValidIdNumber('37070219900315123')).toBe(false)
    expect(isValidIdNumber('3707021990031512300')).toBe(false)
    expect(isValidIdNumber('37070219900A151230')).toBe(false)
    const feb30 = '3707021990023012' + '3'
    expect(isValidIdNumber(feb30 + checkCharFor(feb30))).toBe(false)
    const future = '3707022999010112' + '3'
    expect(isValidIdNumber(future + checkCharFor(future), new Date('2026-11-22'))).toBe(false)
  })
})
