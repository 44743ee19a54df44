// Problems in the reader's language: a `problemCode.<CODE>` message (and `problemNext.<CODE>`, what to do next)
// filled with the problem's extension members (banEndsOn, publicityEndsOn, missing, closedAt, opensAt,
// earliestMeetingDate, earliestEnd, noticeEndsOn, rate/passed/decided, …).
// A code without a message keeps the server's title. Another page only adds messages; no code changes.
import type { Problem } from '../api/types'
import { formatDay } from './dates'
import { formatDateTime } from './labels'
import { percent } from './committee'

/** The members RFC 9457 and the project define; everything else is an extension member. */
const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'rule', 'errors'])

export function extensionMembers(problem: Problem): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(problem as Record<string, unknown>)) {
    if (!STANDARD_MEMBERS.has(k) && v != null) out[k] = v
  }
  return out
}

export interface MessageLookup {
  /** The raw message of a key, or undefined when there is none. */
  message(key: string): string | undefined
  locale: string
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/

/** A member named like a rate (rate, passRate, …) holding 0..1 is shown as a percentage (R13). */
const RATE_MEMBER = /rate$/i

/**
 * One member's value as text: days and instants in the reader's format, codes by their labels, lists
 * joined, a rate (by the member's `name`) as a percentage.
 */
export function memberText(value: unknown, lookup: MessageLookup, name = ''): string {
  if (value == null) return ''
  if (Array.isArray(value)) {
    const sep = lookup.locale.startsWith('zh') ? '、' : ', '
    return value.map((v) => memberText(v, lookup)).filter(Boolean).join(sep)
  }
  if (typeof value === 'number' && RATE_MEMBER.test(name) && value >= 0 && value <= 1) return percent(value)
  if (typeof value === 'string') {
    if (ISO_DAY.test(value)) return formatDay(value, lookup.locale)
    if (ISO_INSTANT.test(value)) return formatDateTime(value, lookup.locale)
    const label = lookup.message(`evidenceKind.${value}`)
    return label ?? value
  }
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Fills {name} placeholders; a member the server did not send shows as "—". */
export function fillMessage(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] ? params[name] : '—'))
}

export interface LocalizedProblem {
  title: string
  next: string
}

/**
 * The localized title and next step of a problem, or null when its code has no message. A variant
 * `<CODE>_<member>` (e.g. WINDOW_CLOSED_opensAt) wins when the problem carries that member; else a variant
 * `<CODE>_<reason>` when the problem's `reason` member names one (MALFORMED_CERTIFICATE_NUMBER_BAD_CHECK_CHARACTER); else
 * `<CODE>_<rule>` (e.g. ALREADY_DRAWN_R19, INTEGRITY_BAN_R21) when one code is used under several rules.
 */
export function localizeProblem(problem: Problem, lookup: MessageLookup): LocalizedProblem | null {
  const code = (problem.code ?? '').trim()
  if (!code) return null
  const members = extensionMembers(problem)
  const has = (suffix: string) => lookup.message(`problemCode.${code}_${suffix}`) !== undefined
  const rule = (problem.rule ?? '').trim()
  // A `reason` code the problem carries (e.g. MALFORMED_CERTIFICATE_NUMBER's BAD_CHECK_CHARACTER) names a variant too.
  const reason = typeof members.reason === 'string' ? members.reason.trim() : ''
  const variant =
    Object.keys(members).find(has) ?? (reason && has(reason) ? reason : undefined) ?? (rule && has(rule) ? rule : undefined)
  const key = variant ? `${code}_${variant}` : code
  const template = lookup.message(`problemCode.${key}`)
  if (template === undefined) return null
  const params: Record<string, string> = {}
  for (const [k, v] of Object.entries(members)) params[k] = memberText(v, lookup, k)
  const next = lookup.message(`problemNext.${key}`)
  return { title: fillMessage(template, params), next: next === undefined ? '' : fillMessage(next, params) }
}
