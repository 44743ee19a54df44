// Spot checks and integrity (docs/spotcheck.md, R18–R21, R31): the office's seed kept in this browser, counts
// shown per sampled application, and the labels of the codes.
import { useI18n } from 'vue-i18n'
import type { IntegrityRecord, SpotCheckFinding, SpotCheckRequest, SpotCheckSample } from '../api/types'
import { codeLabel } from './labels'

/** R18: the lowest ratio a draw may use. */
export const MIN_RATIO = 0.15
/** The contract's default number of inspectors per sampled application. */
export const DEFAULT_INSPECTORS = 2
/** The contract's default and bounds of a question's working days (R32 counting). */
export const DEFAULT_WORKING_DAYS = 5
export const MAX_WORKING_DAYS = 30
/** R20, R21: the configured default ban, shown in the fraud confirmation. */
export const DEFAULT_BAN_YEARS = 5

const SEED_PREFIX = 'zc.spotcheck.seed.'

/** The part of Storage the seed helpers use (a Map-backed fake in tests). */
export type SeedStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function localStore(): SeedStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** Keep the office's seed in this browser, under its draw id (a convenience; the office keeps its own copy). */
export function keepSeed(drawId: string, seed: string, store: SeedStore | null = localStore()): void {
  try {
    store?.setItem(SEED_PREFIX + drawId, seed)
  } catch {
    // storage full or refused: the office still has the seed it copied or downloaded
  }
}

/** The seed this browser kept for a draw, or ''. */
export function keptSeed(drawId: string, store: SeedStore | null = localStore()): string {
  try {
    return store?.getItem(SEED_PREFIX + drawId) ?? ''
  } catch {
    return ''
  }
}

export function forgetSeed(drawId: string, store: SeedStore | null = localStore()): void {
  try {
    store?.removeItem(SEED_PREFIX + drawId)
  } catch {
    // nothing to do
  }
}

/** The text of the downloaded seed file: the seed on its own line, then what it commits to. */
export function seedFileText(seed: string, commitment: string, about: string): string {
  return `${seed}\n\n# seed commitment SHA-256(seed): ${commitment}\n# ${about}\n`
}

export type FindingCounts = { ok: number; problem: number; fraud: number }

/** How many findings of a sampled application say OK, PROBLEM and FRAUD. */
export function findingCounts(findings: readonly Pick<SpotCheckFinding, 'result'>[] | null | undefined): FindingCounts {
  const out = { ok: 0, problem: 0, fraud: 0 }
  for (const f of findings ?? []) {
    if (f.result === 'OK') out.ok++
    else if (f.result === 'PROBLEM') out.problem++
    else if (f.result === 'FRAUD') out.fraud++
  }
  return out
}

/** Answered and all questions of a sampled application. */
export function requestCounts(requests: readonly Pick<SpotCheckRequest, 'answeredAt' | 'answer'>[] | null | undefined) {
  const all = requests ?? []
  return { answered: all.filter((r) => !!r.answeredAt || !!r.answer).length, total: all.length }
}

/** A question is overdue when unanswered after its due day (days as "YYYY-MM-DD", compared as text). */
export function isOverdue(r: Pick<SpotCheckRequest, 'dueOn' | 'answeredAt' | 'answer'>, today: string): boolean {
  return !r.answeredAt && !r.answer && !!r.dueOn && r.dueOn < today
}

/** Open questions first, then by due day, earliest first. */
export function sortRequests<T extends Pick<SpotCheckRequest, 'dueOn' | 'answeredAt' | 'answer'>>(rows: readonly T[]): T[] {
  const open = (r: T) => (r.answeredAt || r.answer ? 1 : 0)
  return [...rows].sort((a, b) => open(a) - open(b) || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
}

/** Rows by an instant or day text member, latest first (rows without one last). */
export function latestFirst<T>(rows: readonly T[], at: (row: T) => string | null | undefined): T[] {
  return [...rows].sort((a, b) => {
    const x = at(a) ?? ''
    const y = at(b) ?? ''
    return x < y ? 1 : x > y ? -1 : 0
  })
}

/** Samples in draw order. */
export function sortSamples<T extends Pick<SpotCheckSample, 'drawRank'>>(rows: readonly T[] | null | undefined): T[] {
  return [...(rows ?? [])].sort((a, b) => a.drawRank - b.drawRank)
}

/** A ban in force: the server says so, or (when it does not) not rescinded and ending after today. */
export function banInForce(r: Pick<IntegrityRecord, 'banActive' | 'banEndsOn' | 'rescindedAt'>, today: string): boolean {
  if (r.rescindedAt) return false
  if (r.banActive != null) return r.banActive
  return !!r.banEndsOn && r.banEndsOn > today
}

/** Today as "YYYY-MM-DD" in the reader's time zone (due days and ban ends are calendar days). */
export function todayText(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/** Labels of the spot-check and integrity codes in the current language. */
export function useSpotLabels() {
  const { t, te } = useI18n()
  const tt = t as unknown as (key: string, named?: Record<string, unknown>) => string
  const tte = te as unknown as (key: string) => boolean
  return {
    state: (c?: string | null) => codeLabel(tt, tte, 'spotState', c),
    outcome: (c?: string | null) => codeLabel(tt, tte, 'sampleOutcome', c ?? 'PENDING'),
    result: (c?: string | null) => codeLabel(tt, tte, 'findingResult', c ?? 'PENDING'),
    addressee: (c?: string | null) => codeLabel(tt, tte, 'addressee', c),
    kind: (c?: string | null) => codeLabel(tt, tte, 'integrityKind', c),
    reportState: (c?: string | null) => codeLabel(tt, tte, 'reportState', c ?? 'OPEN'),
  }
}

export type TagKind = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export function outcomeTag(outcome: string | null | undefined): TagKind {
  return outcome === 'CLEAR' ? 'success' : outcome === 'PROBLEM' ? 'warning' : outcome === 'FRAUD_SUSPECTED' || outcome === 'FRAUD_CONFIRMED' ? 'danger' : 'info'
}

export function resultTag(result: string | null | undefined): TagKind {
  return result === 'OK' ? 'success' : result === 'PROBLEM' ? 'warning' : result === 'FRAUD' ? 'danger' : 'info'
}

export function stateTag(state: string | null | undefined): TagKind {
  return state === 'DRAWN' ? 'success' : state === 'SUPERSEDED' ? 'info' : 'warning'
}
