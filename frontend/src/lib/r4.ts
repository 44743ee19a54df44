// R4: which verification routes apply to a diploma or degree number. The unit may only pick these;
// the server checks again (DIPLOMA_ROUTE_NOT_APPLICABLE / DEGREE_ROUTE_NOT_APPLICABLE).
import type { VerificationRoute } from '../api/types'

/** Graduates of this year or later are in the national diploma database. */
export const DIPLOMA_DATABASE_FROM_YEAR = 2002
/** Degrees awarded on or after this day are in the national degree database. */
export const DEGREE_DATABASE_FROM = '2008-09-01'

/** Why the routes are what they are; an i18n key under `r4`. */
export type RouteReason =
  | 'diplomaDatabase'
  | 'diplomaArchive'
  | 'diplomaUnknown'
  | 'degreeDatabase'
  | 'degreeArchive'
  | 'degreeUnknown'
  | 'noDegree'

export interface ApplicableRoutes {
  /** Applicable routes, the preferred one first. Empty when there is nothing to verify. */
  routes: VerificationRoute[]
  reason: RouteReason
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Routes for a diploma: the database from 2002 on; the archive review always (older or unverifiable). */
export function diplomaRoutes(graduationYear: number | null | undefined): ApplicableRoutes {
  if (graduationYear == null || !Number.isInteger(graduationYear) || graduationYear <= 0) {
    // Unknown year (an application made before the year was asked for): let the server decide.
    return { routes: ['DIPLOMA_DATABASE', 'ARCHIVE_REVIEW'], reason: 'diplomaUnknown' }
  }
  if (graduationYear >= DIPLOMA_DATABASE_FROM_YEAR) {
    return { routes: ['DIPLOMA_DATABASE', 'ARCHIVE_REVIEW'], reason: 'diplomaDatabase' }
  }
  return { routes: ['ARCHIVE_REVIEW'], reason: 'diplomaArchive' }
}

/** Routes for a degree: none without a degree number; the database from 2008-09-01 on; the archive review always. */
export function degreeRoutes(
  degreeNumber: string | null | undefined,
  awardedOn: string | null | undefined,
): ApplicableRoutes {
  if (!degreeNumber || !degreeNumber.trim()) return { routes: [], reason: 'noDegree' }
  const day = (awardedOn ?? '').slice(0, 10)
  if (!ISO_DATE.test(day)) return { routes: ['DEGREE_DATABASE', 'ARCHIVE_REVIEW'], reason: 'degreeUnknown' }
  // ISO dates compare correctly as text.
  if (day >= DEGREE_DATABASE_FROM) return { routes: ['DEGREE_DATABASE', 'ARCHIVE_REVIEW'], reason: 'degreeDatabase' }
  return { routes: ['ARCHIVE_REVIEW'], reason: 'degreeArchive' }
}

/** The route to preselect: the one already recorded if it still applies, else the first applicable one. */
export function preferredRoute(applicable: ApplicableRoutes, recorded?: string | null): VerificationRoute | '' {
  if (recorded && (applicable.routes as string[]).includes(recorded)) return recorded as VerificationRoute
  return applicable.routes[0] ?? ''
}
