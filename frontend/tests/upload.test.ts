import { describe, expect, it, vi } from 'vitest'
import {
  MAX_EVIDENCE_BYTES,
  checkEvidenceFile,
  evidenceContentType,
  uploadPresigned,
  uploadWithProgress,
  type XhrLike,
} from '../src/lib/upload'
import { ProblemError } from '../src/lib/problem'

type ProgressEv = { lengthComputable: boolean; loaded: number; total: number }

/** A scripted stand-in for XMLHttpRequest: the test drives its events. */
class FakeXhr implements XhrLike {
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown
  sent = false
  aborted = false
  status = 0
  statusText = ''
  responseText = ''
  responseHeaders: Record<string, string> = {}
  upload: { onprogress: ((ev: ProgressEv) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  ontimeout: (() => void) | null = null

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body?: unknown) {
    this.body = body
    this.sent = true
  }
  abort() {
    this.aborted = true
    this.onabort?.()
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name.toLowerCase()] ?? null
  }
  // test drivers
  progress(loaded: number, total: number, lengthComputable = true) {
    this.upload.onprogress?.({ lengthComputable, loaded, total })
  }
  respond(status: number, body = '', contentType = '') {
    this.status = status
    this.responseText = body
    if (contentType) this.responseHeaders['content-type'] = contentType
    this.onload?.()
  }
}

describe('uploadWithProgress (XHR wrapper)', () => {
  it('PUTs the body with the signed headers and reports progress up to 100', async () => {
    const xhr = new FakeXhr()
    const seen: number[] = []
    const done = uploadWithProgress({
      method: 'put',
      url: '/local-store/abc?X-Zc-Expires=1&X-Zc-Signature=s',
      headers: { 'Content-Type': 'application/pdf', 'Content-Length': '10', 'x-zc-meta': 'm' },
      body: 'PDFDATA',
      onProgress: (p) => seen.push(p),
      xhrFactory: () => xhr,
    })
    expect(xhr.method).toBe('PUT')
    expect(xhr.url).toBe('/local-store/abc?X-Zc-Expires=1&X-Zc-Signature=s')
    // Content-Length is for the browser to set, so it is skipped.
    expect(xhr.headers).toEqual({ 'Content-Type': 'application/pdf', 'x-zc-meta': 'm' })
    expect(xhr.sent).toBe(true)
    expect(xhr.body).toBe('PDFDATA')

    xhr.progress(25, 100)
    xhr.progress(50, 100)
    xhr.progress(50, 100) // same percent again: not reported twice
    xhr.progress(5, 0, false) // not computable: ignored
    xhr.progress(100, 100) // all bytes sent, but the store has not answered: held at 99
    expect(seen).toEqual([0, 25, 50, 99])

    xhr.respond(200)
    await expect(done).resolves.toEqual({ status: 200, responseText: '' })
    expect(seen.at(-1)).toBe(100)
    // monotonic
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })

  it('rejects with the store problem on a non-2xx answer', async () => {
    const xhr = new FakeXhr()
    const seen: number[] = []
    const done = uploadWithProgress({
      url: '/local-store/k',
      body: 'x',
      onProgress: (p) => seen.push(p),
      xhrFactory: () => xhr,
    })
    xhr.progress(1, 1)
    xhr.respond(
      403,
      '{"title":"Signature expired","code":"SIGNATURE_EXPIRED","status":403}',
      'application/problem+json',
    )
    const err = await done.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ProblemError)
    expect((err as ProblemError).status).toBe(403)
    expect((err as ProblemError).problem.code).toBe('SIGNATURE_EXPIRED')
    expect(seen).not.toContain(100)
  })

  it('rejects on a network error and on abort', async () => {
    const a = new FakeXhr()
    const p1 = uploadWithProgress({ url: '/u', body: 'x', xhrFactory: () => a })
    a.onerror?.()
    await expect(p1).rejects.toMatchObject({ problem: { code: 'UPLOAD_NETWORK_ERROR' } })

    const b = new FakeXhr()
    const ctl = new AbortController()
    const p2 = uploadWithProgress({ url: '/u', body: 'x', xhrFactory: () => b, signal: ctl.signal })
    ctl.abort()
    await expect(p2).rejects.toMatchObject({ problem: { code: 'UPLOAD_ABORTED' } })
    expect(b.aborted).toBe(true)
  })

  it('defaults to PUT and tolerates null headers', async () => {
    const xhr = new FakeXhr()
    const done = uploadWithProgress({ url: '/u', headers: null, body: 'x', xhrFactory: () => xhr })
    expect(xhr.method).toBe('PUT')
    expect(xhr.headers).toEqual({})
    xhr.respond(204)
    await expect(done).resolves.toEqual({ status: 204, responseText: '' })
  })
})

describe('uploadPresigned (announce, PUT, confirm)', () => {
  const grant = { item: { id: 'e1' }, upload: { method: 'PUT', url: '/local-store/e1', headers: { 'Content-Type': 'image/png' } } }

  it('PUTs the file where the grant says and confirms after the store answered', async () => {
    const xhr = new FakeXhr()
    const steps: string[] = []
    const done = uploadPresigned(
      async () => {
        steps.push('announce')
        return grant
      },
      'PNGDATA',
      async (g) => steps.push(`confirm ${g.item.id}`),
      { xhrFactory: () => xhr },
    )
    await vi.waitFor(() => expect(xhr.sent).toBe(true))
    expect(xhr.url).toBe('/local-store/e1')
    expect(xhr.headers).toEqual({ 'Content-Type': 'image/png' })
    expect(xhr.body).toBe('PNGDATA')
    expect(steps).toEqual(['announce'])
    xhr.respond(200)
    await expect(done).resolves.toBe(grant)
    expect(steps).toEqual(['announce', 'confirm e1'])
  })

  it('confirms nothing when the PUT is refused', async () => {
    const xhr = new FakeXhr()
    let confirmed = false
    const done = uploadPresigned(
      async () => grant,
      'x',
      async () => (confirmed = true),
      { xhrFactory: () => xhr },
    )
    await vi.waitFor(() => expect(xhr.sent).toBe(true))
    xhr.respond(403, '{"title":"Signature expired","code":"SIGNATURE_EXPIRED","status":403}', 'application/problem+json')
    await expect(done).rejects.toMatchObject({ problem: { code: 'SIGNATURE_EXPIRED' } })
    expect(confirmed).toBe(false)
  })
})

describe('evidence file pre-check', () => {
  it('accepts pdf, jpeg and png up to 20 MiB', () => {
    expect(checkEvidenceFile({ name: 'a.pdf', size: 1000, type: 'application/pdf' })).toBeNull()
    expect(checkEvidenceFile({ name: 'a.jpg', size: 1000, type: 'image/jpeg' })).toBeNull()
    expect(checkEvidenceFile({ name: 'a.png', size: MAX_EVIDENCE_BYTES, type: 'image/png' })).toBeNull()
  })

  it('refuses larger, empty and other files', () => {
    expect(checkEvidenceFile({ name: 'a.pdf', size: MAX_EVIDENCE_BYTES + 1, type: 'application/pdf' })).toBe('tooLarge')
    expect(checkEvidenceFile({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('empty')
    expect(checkEvidenceFile({ name: 'a.docx', size: 10, type: 'application/msword' })).toBe('badType')
    expect(checkEvidenceFile({ name: 'a.gif', size: 10, type: 'image/gif' })).toBe('badType')
  })

  it('judges a file without a MIME type by its extension', () => {
    expect(evidenceContentType({ name: 'Scan.JPEG', size: 1, type: '' })).toBe('image/jpeg')
    expect(evidenceContentType({ name: 'x.pdf', size: 1, type: '' })).toBe('application/pdf')
    expect(checkEvidenceFile({ name: 'x.exe', size: 1, type: '' })).toBe('badType')
  })
})
