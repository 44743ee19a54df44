// The working-day calendar (R32) of the mock backend: /api/calendar/*, in memory, following the
// contract the front end codes against. A development aid only; the backend is the authority.
import { randomUUID } from 'node:crypto'

type Json = Record<string, unknown>

interface Entry {
  id: string
  date: string
  kind: 'HOLIDAY' | 'WORKDAY'
  name: string
  source: string
}

export interface CalendarContext {
  method: string
  path: string
  url: URL
  raw: Buffer
  /** The signed-in user's role, or null. */
  role: string | null
  send: (status: number, body?: unknown, type?: string) => void
  problem: (status: number, code: string, title: string, extra?: Json) => void
}

const NATIONAL_DAY_2026 = '国务院办公厅关于2026年部分节假日安排的通知'
const entries = new Map<string, Entry>()
const sources = new Map<number, string>()

function seed(date: string, kind: Entry['kind'], name: string) {
  const id = randomUUID()
  entries.set(id, { id, date, kind, name, source: NATIONAL_DAY_2026 })
}
sources.set(2026, NATIONAL_DAY_2026)
seed('2026-01-01', 'HOLIDAY', '元旦')
for (const d of ['01', '02', '03', '04', '05', '06', '07']) seed(`2026-10-${d}`, 'HOLIDAY', '国庆节')
seed('2026-10-10', 'WORKDAY', '国庆节调休上班')

const isoOk = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay()
const ofYear = (y: number) => [...entries.values()].filter((e) => e.date.startsWith(`${y}-`)).sort((a, b) => a.date.localeCompare(b.date))

function years(): Json[] {
  const ys = new Set<number>([...entries.values()].map((e) => Number(e.date.slice(0, 4))))
  return [...ys].sort().map((year) => {
    const list = ofYear(year)
    return {
      year,
      source: sources.get(year) ?? list[0]?.source ?? null,
      published: true,
      holidays: list.filter((e) => e.kind === 'HOLIDAY').length,
      workdays: list.filter((e) => e.kind === 'WORKDAY').length,
    }
  })
}

function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + n)
  return t.toISOString().slice(0, 10)
}

function workingDays(from: string, days: number): Json {
  const published = new Set(years().map((y) => Number(y.year)))
  const byDate = new Map([...entries.values()].map((e) => [e.date, e]))
  let d = from
  let left = days
  let provisional = false
  const skipped: Entry[] = []
  const counted: Entry[] = []
  while (left > 0) {
    d = addDays(d, 1)
    if (!published.has(Number(d.slice(0, 4)))) provisional = true
    const e = byDate.get(d)
    const work = e ? e.kind === 'WORKDAY' : weekday(d) !== 0 && weekday(d) !== 6
    if (e && e.kind === 'HOLIDAY') skipped.push(e)
    if (e && e.kind === 'WORKDAY') counted.push(e)
    if (work) left--
  }
  const md = (x: string) => x.slice(5)
  const span = (l: Entry[]) => (l.length ? (l.length === 1 ? md(l[0].date) : `${md(l[0].date)}..${md(l[l.length - 1].date)}`) : '')
  const zhParts: string[] = []
  const enParts: string[] = []
  if (skipped.length) {
    zhParts.push(`跳过 ${span(skipped).replace('..', ' 至 ')} ${skipped[0].name}假期`)
    enParts.push(`skips ${span(skipped)} ${skipped[0].name} holiday`)
  }
  for (const c of counted) {
    zhParts.push(`计入 ${md(c.date)} 调休上班日`)
    enParts.push(`counts ${md(c.date)} adjusted working day`)
  }
  return {
    start: from,
    days,
    due: d,
    provisional,
    explanation: {
      zh: `自 ${from} 起 ${days} 个工作日：${zhParts.join('，') || '无节假日'} → ${d}`,
      en: `${days} working days from ${from}: ${enParts.join(', ') || 'no holidays'} → ${d}`,
    },
  }
}

function parseCsv(text: string): { year: number; source: string; rows: Omit<Entry, 'id'>[] } | { errors: Json[] } {
  const errors: Json[] = []
  const rows: Omit<Entry, 'id'>[] = []
  let source = ''
  let header = false
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, i) => {
    const field = `line ${i + 1}`
    const line = raw.trim()
    if (!line) return
    const m = /^#\s*source:\s*(.+)$/.exec(line)
    if (m) return void (source = m[1].trim())
    if (line.startsWith('#')) return
    if (!header) {
      header = true
      if (line.replace(/\s/g, '') !== 'date,kind,name') errors.push({ field, message: 'expected the header "date,kind,name"' })
      return
    }
    const [date = '', kind = '', ...name] = line.split(',')
    if (!isoOk(date.trim())) return void errors.push({ field, message: `"${date}" is not a date (YYYY-MM-DD)` })
    if (kind.trim() !== 'HOLIDAY' && kind.trim() !== 'WORKDAY') return void errors.push({ field, message: `kind "${kind}" is not HOLIDAY or WORKDAY` })
    if (kind.trim() === 'WORKDAY' && weekday(date.trim()) % 6 !== 0) {
      return void errors.push({ field, message: `${date.trim()} is not a Saturday or Sunday: an adjusted working day must be a weekend day (R32)` })
    }
    if (rows.some((r) => r.date === date.trim())) return void errors.push({ field, message: `${date.trim()} is listed twice` })
    rows.push({ date: date.trim(), kind: kind.trim() as Entry['kind'], name: name.join(',').trim(), source })
  })
  if (!source) errors.unshift({ field: 'line 1', message: 'missing "# source: …"' })
  const ys = new Set(rows.map((r) => r.date.slice(0, 4)))
  if (ys.size > 1) errors.push({ field: 'file', message: 'one year per file' })
  if (!rows.length && !errors.length) errors.push({ field: 'file', message: 'no entries' })
  if (errors.length) return { errors }
  return { year: Number([...ys][0]), source, rows: rows.map((r) => ({ ...r, source })) }
}

/** Handles /api/calendar/*; returns false when the path is not a calendar route. */
export function calendarApi(c: CalendarContext): boolean {
  const { method, path, url } = c
  if (!path.startsWith('/api/calendar/')) return false
  const hr = () => {
    if (c.role === 'HR_BUREAU') return true
    if (c.role === null) c.problem(401, 'UNAUTHENTICATED', 'Sign in first')
    else c.problem(403, 'FORBIDDEN', 'Not allowed for your role')
    return false
  }
  if (method === 'GET' && path === '/api/calendar/years') return c.send(200, years()), true
  if (method === 'GET' && path === '/api/calendar/entries') return c.send(200, ofYear(Number(url.searchParams.get('year')))), true
  if (method === 'GET' && path === '/api/calendar/export') {
    const y = Number(url.searchParams.get('year'))
    const list = ofYear(y)
    const text = `# source: ${sources.get(y) ?? list[0]?.source ?? ''}\ndate,kind,name\n${list.map((e) => `${e.date},${e.kind},${e.name}`).join('\n')}\n`
    return c.send(200, text, 'text/csv; charset=utf-8'), true
  }
  if (method === 'GET' && path === '/api/calendar/working-days') {
    const from = String(url.searchParams.get('from') ?? '')
    const days = Number(url.searchParams.get('days'))
    if (!isoOk(from) || !Number.isInteger(days) || days < 1) {
      return c.problem(400, 'VALIDATION_FAILED', 'from (YYYY-MM-DD) and days (≥ 1) are required'), true
    }
    return c.send(200, workingDays(from, days)), true
  }
  if (method === 'POST' && path === '/api/calendar/entries') {
    if (!hr()) return true
    let d: Json
    try {
      d = JSON.parse(c.raw.toString('utf8')) as Json
    } catch {
      return c.problem(400, 'MALFORMED_JSON', 'Malformed JSON'), true
    }
    const date = String(d.date ?? '')
    if (!isoOk(date) || Number(date.slice(0, 4)) < 2000 || Number(date.slice(0, 4)) > 2100) {
      return c.problem(400, 'DATE_OUT_OF_RANGE', 'Date out of range'), true
    }
    if ([...entries.values()].some((e) => e.date === date)) return c.problem(409, 'CALENDAR_CONFLICT', `${date} already has an entry`), true
    if (d.kind === 'WORKDAY' && weekday(date) % 6 !== 0) {
      return c.problem(422, 'WORKDAY_NOT_WEEKEND', 'An adjusted working day must be a weekend day', { rule: 'R32' }), true
    }
    const e: Entry = { id: randomUUID(), date, kind: d.kind === 'WORKDAY' ? 'WORKDAY' : 'HOLIDAY', name: String(d.name ?? ''), source: String(d.source ?? '') }
    entries.set(e.id, e)
    return c.send(201, e), true
  }
  const m = /^\/api\/calendar\/entries\/([^/]+)$/.exec(path)
  if (method === 'DELETE' && m) {
    if (!hr()) return true
    if (!entries.delete(decodeURIComponent(m[1]))) return c.problem(404, 'CALENDAR_ENTRY_NOT_FOUND', 'No such entry'), true
    return c.send(204), true
  }
  if (method === 'POST' && path === '/api/calendar/import') {
    if (!hr()) return true
    const parsed = parseCsv(c.raw.toString('utf8'))
    if ('errors' in parsed) {
      return c.problem(400, 'CALENDAR_FILE_INVALID', 'The calendar file is invalid; nothing was imported', { errors: parsed.errors }), true
    }
    for (const e of ofYear(parsed.year)) entries.delete(e.id)
    for (const r of parsed.rows) {
      const id = randomUUID()
      entries.set(id, { id, ...r })
    }
    sources.set(parsed.year, parsed.source)
    return c.send(200, { year: parsed.year, source: parsed.source, imported: parsed.rows.length }), true
  }
  c.problem(404, 'ROUTE_NOT_FOUND', `No route ${method} ${path}`)
  return true
}
