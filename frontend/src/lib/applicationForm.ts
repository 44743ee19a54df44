// The new-application form's checks, mirroring the server's (R3, R4); the server is the authority.
import type { Employment, NewApplication, Unit } from '../api/types'

/** R3: employees apply through their employer unit, flexible workers through an agency or dispatch unit. */
export function unitKindFor(employment: Employment | '' | null | undefined): 'EMPLOYER' | 'AGENCY' {
  return employment === 'FLEXIBLE' ? 'AGENCY' : 'EMPLOYER'
}

/** The units an applicant with this employment may apply through. */
export function unitsFor<T extends Pick<Unit, 'kind'>>(units: readonly T[], employment: Employment | '' | null | undefined): T[] {
  const kind = unitKindFor(employment)
  return units.filter((u) => u.kind === kind)
}

/** Diploma and degree numbers: letters, digits and '-' only, at most 64 (as the server's @Pattern/@Size). */
const CERT_NUMBER = /^[0-9A-Za-z-]{1,64}$/

export function isValidCertNumber(raw: string | null | undefined): boolean {
  return CERT_NUMBER.test((raw ?? '').trim())
}

export const EARLIEST_GRADUATION_YEAR = 1950

/** A year typed into a text box ("2010"), or null when it is not four digits. */
export function parseYear(raw: string | number | null | undefined): number | null {
  const s = String(raw ?? '').trim()
  return /^\d{4}$/.test(s) ? Number(s) : null
}

/** A graduation year is a whole year from 1950 up to this year. */
export function isValidGraduationYear(raw: string | number | null | undefined, today: Date = new Date()): boolean {
  const year = parseYear(raw)
  return year != null && year >= EARLIEST_GRADUATION_YEAR && year <= today.getFullYear()
}

export type DegreeDateProblem = 'required' | 'invalid' | 'future' | null

/** With a degree number the award date is needed (R4 routes depend on it); it cannot lie in the future. */
export function degreeDateProblem(
  degreeNumber: string | null | undefined,
  awardedOn: string | null | undefined,
  today: Date = new Date(),
): DegreeDateProblem {
  if (!(degreeNumber ?? '').trim()) return null
  const day = (awardedOn ?? '').trim()
  if (!day) return 'required'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) return 'invalid'
  if (day > isoDay(today)) return 'future'
  return null
}

/** The local calendar day of a date as "YYYY-MM-DD". */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export interface NewApplicationForm {
  employment: Employment | ''
  seriesId: string
  level: string
  specialty: string
  unitId: string
  diplomaNumber: string
  graduationYear: string | number | null | undefined
  degreeNumber: string
  degreeAwardedOn: string | null | undefined
  /** R30: the grassroots track. */
  grassroots?: boolean
  /** R27: only when it differs from the specialty applied in. */
  practisedSpecialty?: string
}

/** The request body: trimmed, degree fields only when a degree number is given. */
export function toNewApplication(form: NewApplicationForm): NewApplication {
  const degreeNumber = form.degreeNumber.trim()
  const body: NewApplication = {
    seriesId: form.seriesId,
    level: form.level,
    specialty: form.specialty.trim(),
    unitId: form.unitId,
    employment: (form.employment || 'EMPLOYED') as Employment,
    diplomaNumber: form.diplomaNumber.trim(),
    graduationYear: parseYear(form.graduationYear) ?? 0,
  }
  if (degreeNumber) {
    body.degreeNumber = degreeNumber
    if (form.degreeAwardedOn) body.degreeAwardedOn = form.degreeAwardedOn
  }
  // Absent means the general track; only the grassroots track (R30) is sent.
  if (form.grassroots === true) body.grassroots = true
  const practised = (form.practisedSpecialty ?? '').trim()
  if (practised && practised !== body.specialty) body.practisedSpecialty = practised
  return body
}
