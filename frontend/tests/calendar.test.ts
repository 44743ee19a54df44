import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  defaultYear,
  explanationIn,
  groupByMonth,
  importLineErrors,
  isWeekend,
  kindTagType,
  monthDay,
  parseIsoDate,
  todayIso,
  weekdayLabel,
  weekdayOf,
  yearsWithCurrent,
} from '../src/lib/calendar'
import { ProblemError } from '../src/lib/problem'
import { calendar } from '../src/api/endpoints'
import type { CalendarEntry } from '../src/api/types'

const entries: CalendarEntry[] = [
  { id: 3, date: '2026-10-10', kind: 'WORKDAY', name: '国庆节调休上班', source: 's' },
  { id: 1, date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节', source: 's' },
  { id: 2, date: '2026-01-01', kind: 'HOLIDAY', name: '元旦', source: 's' },
  { id: 9, date: '2027-01-01', kind: 'HOLIDAY', name: '元旦', source: 's' },
  { id: 8, date: 'not-a-date', kind: 'HOLIDAY', name: 'x', source: 's' },
]

describe('calendar dates', () => {
  it('parses ISO dates strictly', () => {
    expect(parseIsoDate('2026-10-01')).toEqual({ year: 2026, month: 10, day: 1 })
    expect(parseIsoDate('2026-02-30')).toBeNull()
    expect(parseIsoDate('2026-1-1')).toBeNull()
    expect(parseIsoDate(undefined)).toBeNull()
  })

  it('knows weekdays without time-zone drift', () => {
    expect(weekdayOf('2026-10-10')).toBe(6) // Saturday
    expect(weekdayOf('2026-09-28')).toBe(1) // Monday
    expect(isWeekend('2026-10-10')).toBe(true)
    expect(isWeekend('2026-10-08')).toBe(false)
    expect(weekdayOf('bad')).toBe(-1)
    expect(weekdayLabel('2026-10-10', 'en')).toBe('Sat')
    expect(weekdayLabel('2026-10-10', 'zh-CN')).toBe('周六')
    expect(monthDay('2026-10-01')).toBe('10-01')
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})

describe('groupByMonth', () => {
  it('gives twelve months with the year’s entries sorted by date', () => {
    const g = groupByMonth(entries, 2026)
    expect(g).toHaveLength(12)
    expect(g.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(g[0].entries.map((e) => e.id)).toEqual([2])
    expect(g[9].entries.map((e) => e.date)).toEqual(['2026-10-01', '2026-10-10'])
    expect(g.reduce((n, m) => n + m.entries.length, 0)).toBe(3)
  })

  it('without a year keeps every well-formed date', () => {
    const g = groupByMonth(entries)
    expect(g[0].entries.map((e) => e.date)).toEqual(['2026-01-01', '2027-01-01'])
  })
})

describe('years', () => {
  const years = [
    { year: 2025, published: true, holidays: 28, workdays: 5 },
    { year: 2026, published: true, holidays: 30, workdays: 6 },
  ]
  it('adds the current year as not published when missing', () => {
    expect(yearsWithCurrent(years, 2026)).toEqual(years)
    const out = yearsWithCurrent(years, 2027)
    expect(out.map((y) => y.year)).toEqual([2025, 2026, 2027])
    expect(out[2].published).toBe(false)
  })
  it('defaults to the current year, else the nearest listed one', () => {
    expect(defaultYear(years, 2026)).toBe(2026)
    expect(defaultYear(years, 2030)).toBe(2026)
    expect(defaultYear([], 2030)).toBe(2030)
  })
  it('colours holidays red and adjusted working days blue', () => {
    expect(kindTagType('HOLIDAY')).toBe('danger')
    expect(kindTagType('WORKDAY')).toBe('primary')
    expect(kindTagType('OTHER')).toBe('info')
  })
})

describe('explanationIn', () => {
  const ex = { zh: '自 2026-09-28 起 10 个工作日 → 2026-10-16', en: '10 working days from 2026-09-28 → 2026-10-16' }
  it('picks the UI language and falls back to the other', () => {
    expect(explanationIn(ex, 'zh-CN')).toBe(ex.zh)
    expect(explanationIn(ex, 'en')).toBe(ex.en)
    expect(explanationIn({ zh: 'z' }, 'en')).toBe('z')
    expect(explanationIn({ en: 'e' }, 'zh-CN')).toBe('e')
    expect(explanationIn(null, 'en')).toBe('')
  })
})

describe('importLineErrors', () => {
  it('lists every line error of CALENDAR_FILE_INVALID sorted by line', () => {
    const err = new ProblemError(
      {
        status: 400,
        code: 'CALENDAR_FILE_INVALID',
        title: 'Calendar file invalid',
        errors: [
          { field: 'line 12', message: 'unknown kind "HOLYDAY"' },
          { field: 'line 7', message: '2026-10-09 is not a weekend day (R32)' },
          { field: 'file', message: 'mixes years' },
          { field: 'line 7', message: 'duplicate date' },
        ],
      },
      400,
    )
    expect(importLineErrors(err)).toEqual([
      { field: 'line 7', line: 7, message: '2026-10-09 is not a weekend day (R32)' },
      { field: 'line 7', line: 7, message: 'duplicate date' },
      { field: 'line 12', line: 12, message: 'unknown kind "HOLYDAY"' },
      { field: 'file', line: null, message: 'mixes years' },
    ])
  })
  it('is empty for other failures', () => {
    expect(importLineErrors(new Error('x'))).toEqual([])
    expect(importLineErrors(new ProblemError({ status: 403, code: 'FORBIDDEN' }, 403))).toEqual([])
    expect(importLineErrors(undefined)).toEqual([])
  })
})

describe('calendar endpoints', () => {
  afterEach(() => vi.unstubAllGlobals())

  function stubFetch(status: number, body: string, type = 'application/json') {
    const fn = vi.fn(async (_path: string, _init?: RequestInit) => new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': type } }))
    vi.stubGlobal('fetch', fn)
    return fn
  }

  it('imports a file as raw text/csv and parses the JSON answer', async () => {
    const fetch = stubFetch(200, '{"year":2027,"source":"s","imported":2}')
    const csv = '# source: s\ndate,kind,name\n2027-01-01,HOLIDAY,元旦\n'
    await expect(calendar.importCsv(csv)).resolves.toEqual({ year: 2027, source: 's', imported: 2 })
    const [path, init] = fetch.mock.calls[0]
    expect(path).toBe('/api/calendar/import')
    expect(init?.method).toBe('POST')
    expect(init?.body).toBe(csv)
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv')
  })

  it('rejects a bad file with the problem and its line errors', async () => {
    stubFetch(
      400,
      JSON.stringify({ status: 400, code: 'CALENDAR_FILE_INVALID', title: 'bad', errors: [{ field: 'line 3', message: 'm' }] }),
      'application/problem+json',
    )
    const err = await calendar.importCsv('x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ProblemError)
    expect(importLineErrors(err)).toEqual([{ field: 'line 3', line: 3, message: 'm' }])
  })

  it('reads the export as text, even when it would parse as JSON', async () => {
    const fetch = stubFetch(200, '# source: s\ndate,kind,name\n', 'text/csv')
    await expect(calendar.exportCsv(2026)).resolves.toBe('# source: s\ndate,kind,name\n')
    expect(fetch.mock.calls[0][0]).toBe('/api/calendar/export?year=2026')
    stubFetch(200, '123', 'text/csv')
    await expect(calendar.exportCsv(2026)).resolves.toBe('123')
  })

  it('builds the working-days, entries and delete routes', async () => {
    let fetch = stubFetch(200, '{"start":"2026-09-28","days":10,"due":"2026-10-16","provisional":false}')
    await calendar.workingDays('2026-09-28', 10)
    expect(fetch.mock.calls[0][0]).toBe('/api/calendar/working-days?from=2026-09-28&days=10')
    fetch = stubFetch(200, '[]')
    await calendar.entries(2026)
    expect(fetch.mock.calls[0][0]).toBe('/api/calendar/entries?year=2026')
    fetch = stubFetch(204, '')
    await expect(calendar.remove('a/b')).resolves.toBeUndefined()
    const [path, init] = fetch.mock.calls[0]
    expect(path).toBe('/api/calendar/entries/a%2Fb')
    expect(init?.method).toBe('DELETE')
    expect(init?.body).toBeUndefined()
  })
})
