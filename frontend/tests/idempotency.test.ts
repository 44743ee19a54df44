import { describe, expect, it } from 'vitest'
import { attemptKey, newIdempotencyKey } from '../src/lib/idempotency'

describe('Idempotency-Key per attempt', () => {
  it('makes distinct version-4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()))
    expect(keys.size).toBe(50)
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('keeps the key of an attempt until reset, so a double click or a retry sends the same key', () => {
    let n = 0
    const key = attemptKey(() => `k${++n}`)
    expect(key.current()).toBe('k1')
    expect(key.current()).toBe('k1')
    key.reset()
    expect(key.current()).toBe('k2')
    key.reset()
    key.reset()
    expect(key.current()).toBe('k3')
  })

  it('settles an attempt: a fresh key once the server answered, the same after a network failure', () => {
    let n = 0
    const key = attemptKey(() => `k${++n}`)
    expect(key.current()).toBe('k1')
    key.settle(new TypeError('Failed to fetch'))
    expect(key.current()).toBe('k1')
    key.settle(new Error('MEETING_TOO_SOON'))
    expect(key.current()).toBe('k2')
    key.settle(null)
    expect(key.current()).toBe('k3')
  })
})
