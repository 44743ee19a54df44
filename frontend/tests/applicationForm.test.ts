import { describe, expect, it } from 'vitest'
import {
  degreeDateProblem,
  isValidCertNumber,
  isValidGraduationYear,
  isoDay,
  parseYear,
  toNewApplication,
  unitKindFor,
  unitsFor,
  type NewApplicationForm,
} from '../src/lib/applicationForm'

const units = [
  { id: 'e1', code: 'E1', name: '潍坊市电力设计研究院', kind: 'EMPLOYER' },
  { id: 'a1', code: 'A1', name: '潍坊市人才服务中心', kind: 'AGENCY' },
  { id: 'e2', code: 'E2', name: '潍坊市第二医院', kind: 'EMPLOYER' },
  { id: 'h1', code: 'H1', name: '潍坊市人社局', kind: 'HR_BUREAU' },
]

describe('R3: the unit list follows the employment', () => {
  it('maps employment to the unit kind', () => {
    expect(unitKindFor('EMPLOYED')).toBe('EMPLOYER')
    expect(unitKindFor('FLEXIBLE')).toBe('AGENCY')
    expect(unitKindFor('')).toBe('EMPLOYER')
  })

  it('offers employers to employees and agencies to flexible workers, never the HR bureau', () => {
    expect(unitsFor(units, 'EMPLOYED').map((u) => u.id)).toEqual(['e1', 'e2'])
    expect(unitsFor(units, 'FLEXIBLE').map((u) => u.id)).toEqual(['a1'])
  })
})

describe('R4: number and date checks mirror the server', () => {
  it('accepts letters, digits and hyphens up to 64', () => {
    expect(isValidCertNumber('104221202305000123')).toBe(true)
    expect(isValidCertNumber(' AB-12 ')).toBe(true)
    expect(isValidCertNumber('1'.repeat(64))).toBe(true)
    expect(isValidCertNumber('1'.repeat(65))).toBe(false)
    expect(isValidCertNumber('')).toBe(false)
    expect(isValidCertNumber('12 34')).toBe(false)
    expect(isValidCertNumber('编号123')).toBe(false)
    expect(isValidCertNumber('12/34')).toBe(false)
  })

  it('takes a graduation year from 1950 to this year', () => {
    const today = new Date(2026, 5, 1)
    expect(isValidGraduationYear('2026', today)).toBe(true)
    expect(isValidGraduationYear(1950, today)).toBe(true)
    expect(isValidGraduationYear('2027', today)).toBe(false)
    expect(isValidGraduationYear('1949', today)).toBe(false)
    expect(isValidGraduationYear('20a0', today)).toBe(false)
    expect(isValidGraduationYear('', today)).toBe(false)
    expect(parseYear(' 2010 ')).toBe(2010)
    expect(parseYear('210')).toBeNull()
  })

  it('asks for the degree award date only with a degree number, and not in the future', () => {
    const today = new Date(2026, 5, 1)
    expect(degreeDateProblem('', '', today)).toBeNull()
    expect(degreeDateProblem('X1', '', today)).toBe('required')
    expect(degreeDateProblem('X1', '2026-13-01', today)).toBe('invalid')
    expect(degreeDateProblem('X1', '2026-06-02', today)).toBe('future')
    expect(degreeDateProblem('X1', '2026-06-01', today)).toBeNull()
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})

describe('the new-application body', () => {
  const form: NewApplicationForm = {
    employment: 'FLEXIBLE',
    seriesId: 's1',
    level: 'INTERMEDIATE',
    specialty: ' 电气工程 ',
    unitId: 'a1',
    diplomaNumber: ' 104221202305000123 ',
    graduationYear: '2010',
    degreeNumber: '',
    degreeAwardedOn: '2010-07-01',
  }

  it('trims, sends the year as a number and leaves out degree fields without a degree number', () => {
    expect(toNewApplication(form)).toEqual({
      seriesId: 's1',
      level: 'INTERMEDIATE',
      specialty: '电气工程',
      unitId: 'a1',
      employment: 'FLEXIBLE',
      diplomaNumber: '104221202305000123',
      graduationYear: 2010,
    })
  })

  it('R30_sendsTheGrassrootsTrackOnlyWhenTicked', () => {
    expect(toNewApplication({ ...form, grassroots: true }).grassroots).toBe(true)
    expect(toNewApplication({ ...form, grassroots: false })).not.toHaveProperty('grassroots')
  })

  it('R27_sendsTheSpecialtyPractisedOnlyWhenItDiffers', () => {
    expect(toNewApplication({ ...form, practisedSpecialty: ' 继电保护 ' }).practisedSpecialty).toBe('继电保护')
    expect(toNewApplication({ ...form, practisedSpecialty: '电气工程' })).not.toHaveProperty('practisedSpecialty')
    expect(toNewApplication({ ...form, practisedSpecialty: '  ' })).not.toHaveProperty('practisedSpecialty')
  })

  it('sends the degree number with its award date', () => {
    const body = toNewApplication({ ...form, degreeNumber: ' 1042232010000123 ' })
    expect(body.degreeNumber).toBe('1042232010000123')
    expect(body.degreeAwardedOn).toBe('2010-07-01')
  })
})
