// R1: submission windows. Whether one is open is the server clock's answer (`open`); the browser's clock
// only tells "not yet open" from "closed" for showing them.
import type { SubmissionWindow } from '../api/types'

export type WindowStatus = 'OPEN' | 'UPCOMING' | 'CLOSED'

export function windowStatus(w: Pick<SubmissionWindow, 'open' | 'opensAt' | 'closesAt'>, now: Date = new Date()): WindowStatus {
  if (w.open) return 'OPEN'
  const opens = Date.parse(w.opensAt)
  return !Number.isNaN(opens) && now.getTime() < opens ? 'UPCOMING' : 'CLOSED'
}

/** The public list: open windows first (closing soonest first), then upcoming ones (opening soonest first). */
export function openAndUpcoming<T extends Pick<SubmissionWindow, 'open' | 'opensAt' | 'closesAt'>>(
  windows: readonly T[],
  now: Date = new Date(),
): T[] {
  const open = windows.filter((w) => windowStatus(w, now) === 'OPEN')
  const upcoming = windows.filter((w) => windowStatus(w, now) === 'UPCOMING')
  const by = (f: (w: T) => string) => (a: T, b: T) => f(a).localeCompare(f(b))
  return [...open.sort(by((w) => w.closesAt)), ...upcoming.sort(by((w) => w.opensAt))]
}

/** A window closes after it opens. */
export function windowOrderOk(opensAt: Date | null | undefined, closesAt: Date | null | undefined): boolean {
  return !!opensAt && !!closesAt && closesAt.getTime() > opensAt.getTime()
}
