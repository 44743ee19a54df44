import { ProblemError, parseProblem } from '../lib/problem'
import { session, signOut } from '../lib/session'

export interface RequestOptions {
  /** Send the bearer token (default true when signed in). */
  auth?: boolean
  /** On 401, end the session and go to sign-in (default: true for authenticated calls). */
  redirectOn401?: boolean
}

let unauthorizedHandler: (() => void) | null = null

/** main.ts registers what a 401 does (send the user to /sign-in). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler
}

/** JSON request to the API. Resolves with the parsed body; rejects with ProblemError. */
export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.auth !== false && session.token) headers['Authorization'] = `Bearer ${session.token}`

  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) {
    const problem = parseProblem(res.status, res.statusText, text, res.headers.get('Content-Type'))
    if (res.status === 401 && (opts.redirectOn401 ?? opts.auth !== false)) {
      signOut()
      unauthorizedHandler?.()
    }
    throw new ProblemError(problem, res.status)
  }
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    return text as unknown as T
  }
}

export const http = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
}
