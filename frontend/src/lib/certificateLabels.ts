// Words for the certificate codes of docs/certificates.md, in the reader's language.
import { useI18n } from 'vue-i18n'
import { codeLabel } from './labels'
import { formatDay } from './dates'
import type { CertificateClaims } from './certificateVerify'

type T = (key: string, named?: Record<string, unknown>) => string
type TE = (key: string) => boolean

/** The claims a verifier is shown, in the order of the printed certificate (R27). */
export const CLAIM_ORDER = ['num', 'name', 'sex', 'idm', 'ser', 'spe', 'prs', 'lvl', 'pst', 'term', 'com', 'pub', 'isn', 'iat', 'rei'] as const

export function useCertificateLabels() {
  const { t, te, locale } = useI18n()
  const tt = t as unknown as T
  const tte = te as unknown as TE
  const l = (group: string) => (c?: string | null) => codeLabel(tt, tte, group, c)
  const level = l('level')
  const sex = l('sex')
  const kind = l('certKind')
  const day = (v?: string | null) => formatDay(v, locale.value)
  return {
    /** A calendar day (issue date, term, due date), never shifted by time zone. */
    day,
    status: l('certStatus'),
    cause: l('revocationCause'),
    reissueReason: l('reissueReason'),
    reissueState: l('reissueState'),
    reportState: l('issuanceReportState'),
    keyStatus: l('keyStatus'),
    kind,
    sex,
    outcome: l('verifyOutcome'),
    reason: l('verifyReason'),
    /** Label and text of one shown claim (`term` joins tfr–tto); '' when the payload has none. */
    claim(claims: CertificateClaims, name: (typeof CLAIM_ORDER)[number]): { label: string; text: string } {
      const label = tt(`claim.${name}`)
      const v = (k: string) => (typeof claims[k] === 'string' || typeof claims[k] === 'number' ? String(claims[k]) : '')
      switch (name) {
        case 'lvl':
          return { label, text: level(v('lvl')) }
        case 'sex':
          return { label, text: sex(v('sex')) }
        case 'term':
          return { label, text: v('tfr') || v('tto') ? `${day(v('tfr'))} – ${day(v('tto'))}` : '' }
        case 'iat':
          return { label, text: day(v('iat')) }
        default:
          return { label, text: v(name) }
      }
    },
  }
}
