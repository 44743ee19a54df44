/** A calendar day ("2026-10-16", as the server sends a LocalDate) in the reader's language, never shifted by time zone. */
export function formatDay(value: string | null | undefined, locale: string): string {
  if (value == null || value === '') return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value).slice(0, 10))
  if (!m || String(value).length !== 10) return String(value)
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (Number.isNaN(d.getTime())) return String(value)
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(d)
}
