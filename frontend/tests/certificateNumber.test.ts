import { describe, expect, it } from 'vitest'
import {
  certificateNumber,
  checkCertificateNumber,
  checkCharFor,
  normalizeCertificateNumber,
} from '../src/lib/certificateNumber'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

describe('certificate numbers (R27, MOD 37,36 as in core CertificateNumber)', () => {
  it('check characters match the published ISO/IEC 7064 examples', () => {
    expect(checkCharFor('A12425GABC1234002')).toBe('M')
    expect(checkCharFor('104G7M')).toBe('3')
    expect(checkCharFor('12CD')).toBe('5')
  })

  it('agrees with the server on a number it documents', () => {
    expect(certificateNumber('WSOM', 1999, 548_902)).toBe('WSOM1999548902X')
  })

  it('R27_aWellFormedNumberPasses', () => {
    const n = certificateNumber('BJHR', 2026, 1)
    expect(checkCertificateNumber(n)).toEqual({ ok: true, value: n })
  })

  it('spaces, hyphens, dashes, lower case and full-width characters are read as the plain number', () => {
    const v = certificateNumber('WH01', 2023, 123_456)
    const lower = v.toLowerCase()
    const spaced = `  ${v.slice(0, 4)} ${v.slice(4, 8)}-${v.slice(8, 14)} - ${v.slice(14)}\t`
    const dashed = `${lower.slice(0, 4)}\u2013${lower.slice(4, 8)}\u3000${lower.slice(8)}`
    const fullWidth = [...v].map((c) => String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01)).join('')
    for (const raw of [lower, spaced, dashed, fullWidth]) {
      expect(normalizeCertificateNumber(raw)).toBe(v)
      expect(checkCertificateNumber(raw)).toEqual({ ok: true, value: v })
    }
  })

  it.each(['', '   ', 'A20230000011', 'ABCDEFGHI2023000001X', 'AB2O23000001X', 'AB202300001X', 'AB_2023000001X', 'ÄB2023000001X'])(
    'a wrong layout is WRONG_FORMAT: %s',
    (raw) => expect(checkCertificateNumber(raw)).toEqual({ ok: false, reason: 'WRONG_FORMAT' }),
  )

  it('the dotless ı is not raised to I', () => {
    const v = certificateNumber('IB', 2023, 1)
    expect(checkCertificateNumber('ı' + v.slice(1))).toEqual({ ok: false, reason: 'WRONG_FORMAT' })
  })

  it('every single-character substitution is caught as BAD_CHECK_CHARACTER or WRONG_FORMAT', () => {
    const v = certificateNumber('SD370700', 2020, 999_999)
    for (let i = 0; i < v.length; i++) {
      for (const c of ALPHABET) {
        if (c === v[i]) continue
        const changed = v.slice(0, i) + c + v.slice(i + 1)
        const r = checkCertificateNumber(changed)
        expect(r.ok, changed).toBe(false)
      }
    }
    const last = v.slice(0, -1) + (v.endsWith('0') ? '1' : '0')
    expect(checkCertificateNumber(last)).toEqual({ ok: false, reason: 'BAD_CHECK_CHARACTER' })
  })
})
