import { useI18n } from 'vue-i18n'

type T = (key: string, named?: Record<string, unknown>) => string
type TE = (key: string) => boolean

/** Translate a code of a group ("state", "level", …); unknown codes are shown as they are. */
export function codeLabel(t: T, te: TE, group: string, code: string | null | undefined): string {
  if (code == null || code === '') return ''
  const key = `${group}.${code}`
  return te(key) ? t(key) : String(code)
}

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** Colour of a state tag. */
export function stateTagType(state: string | null | undefined): TagType {
  switch (state) {
    case 'PASSED':
    case 'FILED':
    case 'CERTIFIED':
      return 'success'
    case 'FAILED':
    case 'VOID':
    case 'REVOKED':
      return 'danger'
    case 'UNIT_PUBLICITY':
    case 'RESULT_PUBLICITY':
      return 'warning'
    case 'DRAFT':
    case 'WITHDRAWN':
      return 'info'
    default:
      return 'primary'
  }
}

export function formatDateTime(value: string | number | null | undefined, locale: string, withTime = true): string {
  if (value == null || value === '') return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(d)
}

export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null || Number.isNaN(bytes)) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Labels for the codes of api.md, in the current language. */
export function useLabels() {
  const { t, te, locale } = useI18n()
  const tt = t as unknown as T
  const tte = te as unknown as TE
  return {
    t: tt,
    locale,
    state: (c?: string | null) => codeLabel(tt, tte, 'state', c),
    level: (c?: string | null) => codeLabel(tt, tte, 'level', c),
    verification: (c?: string | null) => codeLabel(tt, tte, 'verification', c),
    action: (c?: string | null) => codeLabel(tt, tte, 'action', c),
    role: (c?: string | null) => codeLabel(tt, tte, 'role', c),
    evidenceStatus: (c?: string | null) => codeLabel(tt, tte, 'evidenceStatus', c),
    certStatus: (c?: string | null) => codeLabel(tt, tte, 'certStatus', c),
    deadlineKind: (c?: string | null) => codeLabel(tt, tte, 'deadlineKind', c),
    deadlineState: (c?: string | null) => codeLabel(tt, tte, 'deadlineState', c),
    dayType: (c?: string | null) => codeLabel(tt, tte, 'dayType', c),
    notificationKind: (c?: string | null) => codeLabel(tt, tte, 'notificationKind', c),
    job: (c?: string | null) => codeLabel(tt, tte, 'jobName', c),
    jobStatus: (c?: string | null) => codeLabel(tt, tte, 'jobStatus', c),
    date: (v?: string | number | null, withTime = true) => formatDateTime(v, locale.value, withTime),
  }
}
