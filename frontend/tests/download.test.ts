import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadFile, fetchFile, fileNameFrom, saveBlob, type SaveEnv } from '../src/lib/download'
import { ProblemError } from '../src/lib/problem'
import { session } from '../src/lib/session'

describe('Content-Disposition file names', () => {
  it('prefers the RFC 5987 UTF-8 name (Chinese names)', () => {
    const h = `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年评审统计表.xlsx')}`
    expect(fileNameFrom(h, 'x.xlsx')).toBe('2026年评审统计表.xlsx')
  })

  it('takes a quoted or bare filename, drops any path, else the fallback', () => {
    expect(fileNameFrom('attachment; filename="a b.xlsx"', 'x')).toBe('a b.xlsx')
    expect(fileNameFrom('attachment; filename=plain.xlsx', 'x')).toBe('plain.xlsx')
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd')
    expect(fileNameFrom('attachment', 'fallback.xlsx')).toBe('fallback.xlsx')
    expect(fileNameFrom(null, 'fallback.xlsx')).toBe('fallback.xlsx')
    expect(fileNameFrom("attachment; filename*=UTF-8''%E0%A4%A", 'bad.xlsx')).toBe('bad.xlsx')
  })
})

describe('fetchFile: bearer token, blob, problems', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    session.token = null
  })

  it('sends the token and an Accept for the file type, and returns the bytes and name', async () => {
    session.token = 'tok123'
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4])
    const fetchMock = vi.fn(
      async () =>
        new Response(bytes, {
          status: 200,
          headers: { 'Content-Type': 'application/vnd.ms-excel', 'Content-Disposition': 'attachment; filename="s.xlsx"' },
        }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const f = await fetchFile('/api/rounds/r1/statistics.xlsx', 'fallback.xlsx', 'application/x-test')
    expect(f.fileName).toBe('s.xlsx')
    expect(new Uint8Array(await f.blob.arrayBuffer())).toEqual(bytes)
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(path).toBe('/api/rounds/r1/statistics.xlsx')
    const headers = init.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer tok123')
    expect(headers.Accept).toContain('application/x-test')
    expect(headers.Accept).toContain('application/problem+json')
  })

  it('rejects with the server problem (code, rule, extension members) instead of saving an error page', async () => {
    session.token = 'tok'
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ title: 'Not filed', status: 409, code: 'NOT_FILED', rule: 'R16', filingDueOn: '2026-11-05' }), {
            status: 409,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
      ),
    )
    const err = await fetchFile('/api/x', 'x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ProblemError)
    const p = (err as ProblemError).problem as Record<string, unknown>
    expect(p.code).toBe('NOT_FILED')
    expect(p.rule).toBe('R16')
    expect(p.filingDueOn).toBe('2026-11-05')
  })
})

describe('saveBlob', () => {
  it('clicks a hidden link to an object URL, removes it, and releases the URL later', () => {
    vi.useFakeTimers()
    const clicked: { href: string; download: string }[] = []
    const appended: unknown[] = []
    const removed: unknown[] = []
    const link = {
      href: '',
      download: '',
      rel: '',
      style: { display: '' },
      click() {
        clicked.push({ href: this.href, download: this.download })
      },
      remove() {
        removed.push(this)
      },
    }
    const revoked: string[] = []
    const env = {
      createObjectURL: () => 'blob:1',
      revokeObjectURL: (u: string) => revoked.push(u),
      document: { createElement: () => link, body: { appendChild: (x: unknown) => appended.push(x) } },
    } as unknown as SaveEnv
    saveBlob(new Blob(['x']), '统计表.xlsx', env)
    expect(clicked).toEqual([{ href: 'blob:1', download: '统计表.xlsx' }])
    expect(appended).toHaveLength(1)
    expect(removed).toHaveLength(1)
    expect(revoked).toEqual([])
    vi.advanceTimersByTime(1000)
    expect(revoked).toEqual(['blob:1'])
    vi.useRealTimers()
  })

  it('downloadFile does not save anything when the server refuses', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"code":"FORBIDDEN","title":"no"}', { status: 403 })))
    const created = vi.fn()
    vi.stubGlobal('URL', { createObjectURL: created, revokeObjectURL: vi.fn() })
    await expect(downloadFile('/api/x', 'x')).rejects.toBeInstanceOf(ProblemError)
    expect(created).not.toHaveBeenCalled()
    vi.unstubAllGlobals()
  })
})
