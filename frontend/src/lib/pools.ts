// R9: a committee's expert pool is kept per year and renewed every year (by the end of August in 003).
import type { Expert, PoolMember } from '../api/types'

/** The pool year to show first: the current calendar year. */
export function defaultPoolYear(today: Date = new Date()): number {
  return today.getFullYear()
}

/** The year a pool is renewed from: the one before. */
export function copySourceYear(year: number): number {
  return year - 1
}

/** A new member's default term end: the end of August of the next year, when the next renewal is due. */
export function defaultTermEnd(year: number): string {
  return `${year + 1}-08-31`
}

/** Experts who may still be added to the pool. */
export function expertsOutsidePool(all: readonly Expert[], members: readonly PoolMember[]): Expert[] {
  const inPool = new Set(members.map((m) => m.expert?.id))
  return all.filter((e) => !inPool.has(e.id))
}

/** Members whose term has ended by the given day (ISO) — they should not be kept in a renewed pool. */
export function expiredMembers(members: readonly PoolMember[], onDay: string): PoolMember[] {
  return members.filter((m) => m.termEndsOn < onDay)
}
