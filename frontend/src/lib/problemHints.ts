// "What to do next" for a refusal: a message per problem code (i18n group `problemHint`), filled from
// the problem's extension members (RFC 9457 members beside code and rule, e.g. earliestMeetingDate).
// Any code gets a hint by adding `problemHint.<CODE>` to both language files; no code change needed.
import type { Problem } from '../api/types'
import { percent } from './committee'

type T = (key: string, named?: Record<string, unknown>) => string
type TE = (key: string) => boolean

const STANDARD = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'rule', 'errors'])

/** Extension members as texts for a message: rates (0..1) as percentages, lists joined, objects skipped. */
export function extensionParams(problem: Problem): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(problem as Record<string, unknown>)) {
    if (STANDARD.has(k) || v == null) continue
    if (typeof v === 'number') out[k] = /rate$/i.test(k) && v <= 1 ? percent(v) : String(v)
    else if (typeof v === 'string' || typeof v === 'boolean') out[k] = String(v)
    else if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) out[k] = v.join(', ')
  }
  return out
}

/** The hint for a problem's code in the current language, or '' when there is none. */
export function problemHint(problem: Problem | null | undefined, t: T, te: TE): string {
  const code = (problem?.code ?? '').trim()
  if (!problem || !code) return ''
  const key = `problemHint.${code}`
  if (!te(key)) return ''
  return t(key, extensionParams(problem))
}
