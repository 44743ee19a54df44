import { ProblemError, parseProblem } from '../lib/problem'
import { session, signOut } from '../lib/session'

export interface RequestOptions {
  /** Send the bearer token (default true when signed in). */
  auth?: boolean
  /** On 401, end the session and go to sign-in (default: true for authenticated calls). */
  redirectOn401?: boolean
  /** Send `body` as it is (a string) with this Content-Type instead of as JSON (e.g. 'text/csv'). */
  contentType?: string
  /** Resolve with the response text as it is instead of parsing JSON (e.g. a CSV download). */
  text?: boolean
  /** Extra request headers, e.g. an `Idempotency-Key` on a creating request; they win over the defaults. */
  headers?: Record<string, string>
  /** Send `body` (a Blob or bytes) untouched with `contentType`, e.g. an image. */
  binary?: boolean
  /** Resolve with the Response itself when it is OK (a binary download read as a Blob); failures still reject. */
  raw?: boolean
  /** The browser's HTTP cache mode; 'no-cache' asks the server again even when a cached answer is still fresh. */
  cache?: RequestCache
}

let unauthorizedHandler: (() => void) | null = null

/** main.ts registers what a 401 does (send the user to /sign-in). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler
}

/**
 * Request to the API: JSON by default; `opts.contentType` sends a string body as it is and
 * `opts.text` returns the response text. Resolves with the body; rejects with ProblemError.
 */
export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: opts.text ? 'text/csv, text/plain, application/problem+json' : 'application/json, application/problem+json',
  }
  if (body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json'
  if (opts.auth !== false && session.token) headers['Authorization'] = `Bearer ${session.token}`
  if (opts.headers) Object.assign(headers, opts.headers)

  const res = await fetch(path, {
    method,
    headers,
    cache: opts.cache,
    body:
      body === undefined
        ? undefined
        : opts.binary
          ? (body as BodyInit)
          : opts.contentType
            ? String(body)
            : JSON.stringify(body),
  })
  if (opts.raw && res.ok) return res as unknown as T
  const text = await res.text()
  if (!res.ok) {
    const problem = parseProblem(res.status, res.statusText, text, res.headers.get('Content-Type'))
    if (res.status === 401 && (opts.redirectOn401 ?? opts.auth !== false)) {
      signOut()
      unauthorizedHandler?.()
    }
    throw new ProblemError(problem, res.status)
  }
  if (opts.text) return text as unknown as T
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
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  del: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  /** POST a text body (e.g. a CSV file's contents) with its own Content-Type; the answer is JSON. */
  postText: <T>(path: string, text: string, contentType: string, opts?: RequestOptions) =>
    request<T>('POST', path, text, { ...opts, contentType }),
  /** GET a text resource (e.g. a CSV export) as a string. */
  getText: (path: string, opts?: RequestOptions) => request<string>('GET', path, undefined, { ...opts, text: true }),
}
