import { beforeEach, describe, expect, it, vi } from 'vitest'

const shown = vi.hoisted(() => [] as unknown[])
vi.mock('../src/lib/notify', () => ({ showProblem: (e: unknown) => shown.push(e), showSuccess: () => {} }))

import { useListLoad, useLoad } from '../src/lib/useLoad'

beforeEach(() => {
  shown.length = 0
})

describe('useLoad', () => {
  it('keeps the data, marks loaded and clears an earlier error on success', async () => {
    let fail = true
    const l = useLoad(async () => {
      if (fail) throw new Error('no')
      return 7
    }, 0)
    expect(l.data.value).toBe(0)
    await l.load()
    expect(l.error.value).toBeInstanceOf(Error)
    expect(l.loaded.value).toBe(false)
    expect(l.data.value).toBe(0)
    expect(shown).toHaveLength(0)
    fail = false
    await l.load()
    expect(l.data.value).toBe(7)
    expect(l.loaded.value).toBe(true)
    expect(l.error.value).toBeNull()
    expect(l.loading.value).toBe(false)
  })

  it('is loading while the request runs; keeps the error until success unless told to clear it first', async () => {
    let release!: (v: number) => void
    const keep = useLoad(() => new Promise<number>((r) => (release = r)), 0)
    keep.error.value = 'old'
    const p = keep.load()
    expect(keep.loading.value).toBe(true)
    expect(keep.error.value).toBe('old')
    release(1)
    await p
    expect(keep.loading.value).toBe(false)

    const clear = useLoad(() => new Promise<number>((r) => (release = r)), 0, { clearErrorFirst: true })
    clear.error.value = 'old'
    const q = clear.load()
    expect(clear.error.value).toBeNull()
    release(2)
    await q
    expect(clear.data.value).toBe(2)
  })

  it('shows a refusal as a message when asked (toast)', async () => {
    const boom = new Error('refused')
    const l = useLoad(() => Promise.reject(boom), null, { toast: true })
    await l.load()
    expect(shown).toEqual([boom])
    expect(l.error.value).toBe(boom)
  })
})

describe('useListLoad', () => {
  it('reads an absent body as no rows and toasts a refusal', async () => {
    const l = useListLoad<number>(async () => null)
    await l.load()
    expect(l.data.value).toEqual([])
    expect(l.loaded.value).toBe(true)
    const m = useListLoad<number>(async () => [1, 2])
    await m.load()
    expect(m.data.value).toEqual([1, 2])
    const f = useListLoad<number>(() => Promise.reject(new Error('x')))
    await f.load()
    expect(shown).toHaveLength(1)
    expect(f.loaded.value).toBe(false)
  })
})
