// Idempotency-Key of creating requests: one key per attempt. A second click while the first is on its way,
// or a retry after a network failure, sends the same key, so the server creates once; after a success
// (or when the form changes) the next attempt gets a fresh key.

export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const bytes = new Uint8Array(16)
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export interface AttemptKey {
  /** The key of the current attempt (made on first use). */
  current(): string
  /** Start a new attempt: call after a success or when what would be sent changes. */
  reset(): void
  /**
   * After an attempt with this outcome (`err` null on success): a fresh key once the server answered,
   * the same one after a network failure (TypeError), since the request may have reached the server.
   */
  settle(err: unknown): void
}

export function attemptKey(make: () => string = newIdempotencyKey): AttemptKey {
  let key: string | null = null
  const reset = () => {
    key = null
  }
  return {
    current: () => (key ??= make()),
    reset,
    settle: (err) => {
      if (!(err instanceof TypeError)) reset()
    },
  }
}
