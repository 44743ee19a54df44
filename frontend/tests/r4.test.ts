import { describe, expect, it } from 'vitest'
import { DEGREE_DATABASE_FROM, DIPLOMA_DATABASE_FROM_YEAR, degreeRoutes, diplomaRoutes, preferredRoute } from '../src/lib/r4'

describe('R4 verification routes that apply', () => {
  it('uses the boundaries of 003 §一.6(3)', () => {
    expect(DIPLOMA_DATABASE_FROM_YEAR).toBe(2002)
    expect(DEGREE_DATABASE_FROM).toBe('2008-09-01')
  })

  it('offers the diploma database from the 2002 graduates on, the archive review always', () => {
    expect(diplomaRoutes(2002)).toEqual({ routes: ['DIPLOMA_DATABASE', 'ARCHIVE_REVIEW'], reason: 'diplomaDatabase' })
    expect(diplomaRoutes(2024).routes).toEqual(['DIPLOMA_DATABASE', 'ARCHIVE_REVIEW'])
    expect(diplomaRoutes(2001)).toEqual({ routes: ['ARCHIVE_REVIEW'], reason: 'diplomaArchive' })
    expect(diplomaRoutes(1985).routes).toEqual(['ARCHIVE_REVIEW'])
  })

  it('leaves an unknown graduation year to the server', () => {
    for (const y of [null, undefined, 0, 2010.5]) {
      expect(diplomaRoutes(y).reason, String(y)).toBe('diplomaUnknown')
      expect(diplomaRoutes(y).routes, String(y)).toContain('ARCHIVE_REVIEW')
    }
  })

  it('offers the degree database from 2008-09-01 on', () => {
    expect(degreeRoutes('1042232023001', '2008-09-01')).toEqual({
      routes: ['DEGREE_DATABASE', 'ARCHIVE_REVIEW'],
      reason: 'degreeDatabase',
    })
    expect(degreeRoutes('1042232023001', '2008-08-31')).toEqual({ routes: ['ARCHIVE_REVIEW'], reason: 'degreeArchive' })
    expect(degreeRoutes('X1', '1999-07-01').routes).toEqual(['ARCHIVE_REVIEW'])
    // an instant-like value is read by its day
    expect(degreeRoutes('X1', '2010-06-30T00:00:00Z').reason).toBe('degreeDatabase')
  })

  it('needs no degree route without a degree number', () => {
    expect(degreeRoutes('', '2010-01-01')).toEqual({ routes: [], reason: 'noDegree' })
    expect(degreeRoutes('   ', null)).toEqual({ routes: [], reason: 'noDegree' })
    expect(degreeRoutes(null, null).routes).toEqual([])
  })

  it('leaves an unknown award date to the server', () => {
    expect(degreeRoutes('X1', null).reason).toBe('degreeUnknown')
    expect(degreeRoutes('X1', 'sometime').reason).toBe('degreeUnknown')
  })

  it('preselects the recorded route if it still applies, else the first', () => {
    expect(preferredRoute(diplomaRoutes(2010))).toBe('DIPLOMA_DATABASE')
    expect(preferredRoute(diplomaRoutes(2010), 'ARCHIVE_REVIEW')).toBe('ARCHIVE_REVIEW')
    expect(preferredRoute(diplomaRoutes(1990), 'DIPLOMA_DATABASE')).toBe('ARCHIVE_REVIEW')
    expect(preferredRoute(degreeRoutes('', null), 'DEGREE_DATABASE')).toBe('')
  })
})
