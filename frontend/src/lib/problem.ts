import type { Problem } from '../api/types'

/** An HTTP failure carrying the server's RFC 9457 problem (or one made up on the client). */
export class ProblemError extends Error {
  readonly problem: Problem
  readonly status: number

  constructor(problem: Problem, status?: number) {
    super(problem.title ?? problem.code ?? `HTTP ${status ?? problem.status ?? ''}`.trim())
    this.name = 'ProblemError'
    this.problem = problem
    this.status = status ?? problem.status ?? 0
  }
}

export interface FormattedProblem {
  /** Short heading: the problem's title, else its code, else a fallback. */
  title: string
  /** Longer text: the detail, if any. */
  detail: string
  /** Field problems of a validation failure, as "field: message". */
  fieldErrors: string[]
  /** "(R5)" style tag when a rule refused the request, else ''. */
  ruleTag: string
  /** Machine-readable code, if any. */
  code: string
  /** Everything on one line, e.g. for ElMessage or a log. */
  text: string
  /** What the user can do next, when the code has a message for it (lib/problemText.ts). */
  next?: string
}

/** Rule ids look like R1..R32; anything else is shown as given. */
export function ruleTag(rule: string | undefined | null): string {
  if (!rule) return ''
  const r = String(rule).trim()
  return r ? `(${r})` : ''
}

/**
 * Turn a problem into the texts the UI shows: title + detail + field errors + "(R5)".
 * `fallbackTitle` is used when the server sent neither title nor code (e.g. a proxy error page).
 */
export function formatProblem(problem: Problem, fallbackTitle = 'Error'): FormattedProblem {
  const title = (problem.title ?? '').trim() || (problem.code ?? '').trim() || fallbackTitle
  const detail = (problem.detail ?? '').trim()
  const fieldErrors = (problem.errors ?? [])
    .filter((e) => e && (e.field || e.message))
    .map((e) => (e.field ? `${e.field}: ${e.message ?? ''}`.trim() : String(e.message)))
  const tag = ruleTag(problem.rule)
  const parts = [title]
  if (detail && detail !== title) parts.push(detail)
  if (fieldErrors.length) parts.push(fieldErrors.join('; '))
  let text = parts.join(' — ')
  if (tag) text += ` ${tag}`
  return { title, detail: detail === title ? '' : detail, fieldErrors, ruleTag: tag, code: problem.code ?? '', text }
}

/** Any thrown value → a problem (network failures and programming errors included). */
export function toProblem(err: unknown, networkTitle = 'Network error'): Problem {
  if (err instanceof ProblemError) return err.problem
  if (err instanceof TypeError) return { title: networkTitle, detail: err.message, code: 'NETWORK_ERROR' }
  if (err instanceof Error) return { title: err.message || networkTitle }
  if (typeof err === 'string') return { title: err }
  return { title: networkTitle }
}

/**
 * Parse a response body as a problem. Non-JSON bodies (an HTML error page from a proxy)
 * give a problem with just the status, so callers always get something to show.
 */
export function parseProblem(status: number, statusText: string, body: string, contentType: string | null): Problem {
  const looksJson = (contentType ?? '').includes('json') || /^\s*\{/.test(body)
  if (looksJson && body) {
    try {
      const parsed = JSON.parse(body) as unknown
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const p = parsed as Problem
        return { ...p, status: p.status ?? status }
      }
    } catch {
      // fall through
    }
  }
  return { status, title: `HTTP ${status}${statusText ? ' ' + statusText : ''}` }
}
