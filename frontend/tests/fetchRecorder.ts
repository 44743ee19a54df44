// A fetch that records every request (method, path, headers, JSON body) and answers `answer`, with a signed-in
// session, for the tests of the API client's routes and bodies.
import { afterEach, beforeEach, vi } from 'vitest'
import { session } from '../src/lib/session'

export interface RecordedCall {
  method: string
  path: string
  headers: Record<string, string>
  body: unknown
}

/** Installs the recorder around each test of the file; the returned array holds the current test's calls. */
export function recordFetch(answer = '{"id":"x","version":1}'): RecordedCall[] {
  const calls: RecordedCall[] = []
  beforeEach(() => {
    calls.length = 0
    session.token = 'tok'
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init: RequestInit) => {
        calls.push({
          method: String(init.method),
          path,
          headers: init.headers as Record<string, string>,
          body: init.body ? JSON.parse(String(init.body)) : undefined,
        })
        return new Response(answer, { status: 200, headers: { 'Content-Type': 'application/json' } })
      }),
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    session.token = null
  })
  return calls
}
