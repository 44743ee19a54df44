// Pure helpers of the deadlines page, the notifications bell and the scheduled-jobs card.
// No Vue, no network: unit-tested (tests/deadlines.test.ts).
import type { AppNotification, BilingualText, Deadline, JobRun } from '../api/types'
import type { TagType } from './labels'

/** A bilingual server text in the UI language (zh for zh-*, else en), falling back to the other. */
export function textIn(text: BilingualText | null | undefined, locale: string): string {
  if (!text) return ''
  const zh = (text.zh ?? '').trim()
  const en = (text.en ?? '').trim()
  return locale.toLowerCase().startsWith('zh') ? zh || en : en || zh
}

/** A deadline that is done with: met or waived. */
export function isClosed(d: Pick<Deadline, 'state'>): boolean {
  return d.state === 'MET' || d.state === 'WAIVED'
}

/** Overdue: the server says so (state OVERDUE, or `overdue` on a deadline still open). */
export function isOverdue(d: Pick<Deadline, 'state' | 'overdue'>): boolean {
  if (isClosed(d)) return false
  return d.state === 'OVERDUE' || d.overdue === true
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Soonest due first; ties by id so the order is stable whatever the server's order. */
export function sortBySoonest<T extends Pick<Deadline, 'dueDate' | 'id'>>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => cmp(String(a.dueDate ?? ''), String(b.dueDate ?? '')) || cmp(String(a.id), String(b.id)))
}

export interface DeadlineSections<T> {
  /** Past due and not met or waived, soonest (i.e. most overdue) first. */
  overdue: T[]
  /** Open and not yet due, soonest first. */
  upcoming: T[]
  /** Met or waived, soonest first. */
  closed: T[]
}

/** The page's sections: overdue (red), upcoming, and the closed ones kept apart. */
export function splitDeadlines<T extends Deadline>(list: readonly T[] | null | undefined): DeadlineSections<T> {
  const out: DeadlineSections<T> = { overdue: [], upcoming: [], closed: [] }
  for (const d of sortBySoonest(list ?? [])) {
    if (isClosed(d)) out.closed.push(d)
    else if (isOverdue(d)) out.overdue.push(d)
    else out.upcoming.push(d)
  }
  return out
}

/** The rule tag of a deadline ("R14"); '' when the server gave none. */
export function ruleTag(rule: string | null | undefined): string {
  const r = String(rule ?? '').trim()
  if (!r) return ''
  return /^\d+$/.test(r) ? `R${r}` : r.toUpperCase()
}

/** Element Plus tag colour of a deadline state. */
export function deadlineStateTagType(state: string | null | undefined): TagType {
  switch (state) {
    case 'OVERDUE':
      return 'danger'
    case 'MET':
      return 'success'
    case 'WAIVED':
      return 'info'
    default:
      return 'primary'
  }
}

/** Element Plus tag colour of a job run's status. */
export function jobStatusTagType(status: string | null | undefined): TagType {
  switch (status) {
    case 'SUCCEEDED':
      return 'success'
    case 'FAILED':
      return 'danger'
    case 'RUNNING':
      return 'warning'
    default:
      return 'info'
  }
}

/** Unread notifications (no readAt). */
export function unreadCount(list: readonly Pick<AppNotification, 'readAt'>[] | null | undefined): number {
  return (list ?? []).filter((n) => !n.readAt).length
}

/** The badge text: nothing at 0, "99+" above 99. */
export function badgeText(count: number): string {
  if (!count || count < 0) return ''
  return count > 99 ? '99+' : String(count)
}

/** Replace one notification of the list by the server's answer (after "mark read"); the order is kept. */
export function replaceById<T extends { id: string | number }>(list: readonly T[], item: T | null | undefined, fallback?: Partial<T> & { id: T['id'] }): T[] {
  const next = item ?? null
  const id = next?.id ?? fallback?.id
  if (id === undefined) return [...list]
  return list.map((x) => (String(x.id) === String(id) ? (next ? { ...x, ...next } : { ...x, ...fallback }) : x))
}

/** Newest first by startedAt, ties by id (descending). */
export function sortRunsNewestFirst<T extends Pick<JobRun, 'startedAt' | 'id'>>(runs: readonly T[]): T[] {
  return [...runs].sort((a, b) => cmp(String(b.startedAt ?? ''), String(a.startedAt ?? '')) || cmp(String(b.id), String(a.id)))
}

/** Some run is still going: the card looks again shortly (only then; there is no regular timer). */
export function anyRunning(runs: readonly Pick<JobRun, 'status'>[]): boolean {
  return runs.some((r) => r.status === 'RUNNING')
}
