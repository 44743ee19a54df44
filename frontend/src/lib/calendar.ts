// Pure helpers of the working-day calendar page (R32). No Vue, no network: unit-tested.
import type { CalendarEntry, CalendarYear, Problem } from '../api/types'
import { ProblemError } from './problem'

/** ISO date parts of "2026-10-01" (no time zone involved), or null when it is not such a date. */
export function parseIsoDate(date: string | null | undefined): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date ?? '').trim())
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return { year, month, day }
}

/** Day of week of an ISO date, 0 = Sunday … 6 = Saturday; -1 when not a date. */
export function weekdayOf(date: string): number {
  const p = parseIsoDate(date)
  if (!p) return -1
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date)
  return w === 0 || w === 6
}

/** Short weekday name in a locale ("周六", "Sat"), for an ISO date; '' when not a date. */
export function weekdayLabel(date: string, locale: string): string {
  const p = parseIsoDate(date)
  if (!p) return ''
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(p.year, p.month - 1, p.day)),
  )
}

/** "10-01" of "2026-10-01". */
export function monthDay(date: string): string {
  return String(date).slice(5, 10)
}

/** Today as an ISO date in local time. */
export function todayIso(now: Date = new Date()): string {
  const mm = String(now.getMonth() + 1).padStart(2, '0')
  const dd = String(now.getDate()).padStart(2, '0')
  return `${now.getFullYear()}-${mm}-${dd}`
}

export interface MonthGroup {
  /** 1..12 */
  month: number
  entries: CalendarEntry[]
}

/**
 * The twelve months of a year with their entries, sorted by date (entries of other years or
 * with a malformed date are left out). Months without entries are kept so the grid stays whole.
 */
export function groupByMonth(entries: readonly CalendarEntry[], year?: number): MonthGroup[] {
  const months: MonthGroup[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, entries: [] }))
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  for (const e of sorted) {
    const p = parseIsoDate(e.date)
    if (!p || (year !== undefined && p.year !== year)) continue
    months[p.month - 1].entries.push(e)
  }
  return months
}

/** Element Plus tag colour of an entry: holidays red, adjusted working days blue. */
export function kindTagType(kind: string | null | undefined): 'danger' | 'primary' | 'info' {
  if (kind === 'HOLIDAY') return 'danger'
  if (kind === 'WORKDAY') return 'primary'
  return 'info'
}

/**
 * The years to offer: the server's, plus the current year when it has none yet (it is then
 * "not published": deadlines in it are provisional), newest last.
 */
export function yearsWithCurrent(years: readonly CalendarYear[], current: number): CalendarYear[] {
  const out = [...years]
  if (!out.some((y) => y.year === current)) {
    out.push({ year: current, source: null, published: false, holidays: 0, workdays: 0 })
  }
  return out.sort((a, b) => a.year - b.year)
}

/** The year selected by default: the current one if listed, else the nearest listed year. */
export function defaultYear(years: readonly CalendarYear[], current: number): number {
  if (!years.length || years.some((y) => y.year === current)) return current
  return [...years].sort((a, b) => Math.abs(a.year - current) - Math.abs(b.year - current) || b.year - a.year)[0].year
}

/** The explanation of a working-day count in the UI language (zh for zh-*, else en), falling back to the other. */
export function explanationIn(explanation: { zh?: string; en?: string } | null | undefined, locale: string): string {
  if (!explanation) return ''
  const zh = (explanation.zh ?? '').trim()
  const en = (explanation.en ?? '').trim()
  return locale.toLowerCase().startsWith('zh') ? zh || en : en || zh
}

export interface ImportLineError {
  /** As the server sent it, e.g. "line 7". */
  field: string
  /** The line number when the field names one, for sorting and display; null otherwise. */
  line: number | null
  message: string
}

/** The problem code of a refused calendar file. */
export const CALENDAR_FILE_INVALID = 'CALENDAR_FILE_INVALID'

function problemOf(err: unknown): Problem | null {
  if (err instanceof ProblemError) return err.problem
  if (err && typeof err === 'object' && ('errors' in err || 'code' in err)) return err as Problem
  return null
}

/**
 * The per-line errors of a refused import (problem `errors: [{field: "line 7", message}]`),
 * sorted by line number; errors without a line come last in the server's order.
 */
export function importLineErrors(err: unknown): ImportLineError[] {
  const p = problemOf(err)
  const list = (p?.errors ?? []).filter((e) => e && (e.field || e.message))
  const rows = list.map((e, i) => {
    const field = String(e.field ?? '').trim()
    const m = /(\d+)/.exec(field)
    return { i, row: { field, line: m ? Number(m[1]) : null, message: String(e.message ?? '').trim() } }
  })
  rows.sort((a, b) => {
    const la = a.row.line ?? Number.POSITIVE_INFINITY
    const lb = b.row.line ?? Number.POSITIVE_INFINITY
    return la === lb ? a.i - b.i : la - lb
  })
  return rows.map((r) => r.row)
}
