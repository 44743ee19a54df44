import { ProblemError, parseProblem } from './problem'

/** 20 MiB: the largest evidence file the client lets through (the server is the authority). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

export const EVIDENCE_TYPES: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
}

export interface FileLike {
  name: string
  size: number
  type: string
}

export type FileProblem = 'empty' | 'tooLarge' | 'badType'

/**
 * Client-side pre-check of an evidence file. Returns null when it may be uploaded.
 * A file with no MIME type (some systems) is judged by its extension.
 */
export function checkEvidenceFile(file: FileLike): FileProblem | null {
  if (file.size <= 0) return 'empty'
  if (file.size > MAX_EVIDENCE_BYTES) return 'tooLarge'
  return evidenceContentType(file) ? null : 'badType'
}

/** The content type to declare for a file, or null if it is not an accepted type. */
export function evidenceContentType(file: FileLike): string | null {
  const type = (file.type || '').toLowerCase()
  const ext = (file.name.split('.').pop() ?? '').toLowerCase()
  if (type) {
    const exts = EVIDENCE_TYPES[type]
    return exts ? type : null
  }
  for (const [t, exts] of Object.entries(EVIDENCE_TYPES)) {
    if (exts.includes(ext)) return t
  }
  return null
}

/** Header names a browser refuses to set; skipped rather than failing the upload. */
const FORBIDDEN_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'accept-encoding',
  'cookie',
  'origin',
  'referer',
])

/** The part of XMLHttpRequest the upload helper uses, so tests can hand in a fake. */
export interface XhrLike {
  open(method: string, url: string): void
  setRequestHeader(name: string, value: string): void
  send(body?: unknown): void
  abort(): void
  readonly status: number
  readonly statusText: string
  readonly responseText: string
  getResponseHeader(name: string): string | null
  upload: { onprogress: ((ev: { lengthComputable: boolean; loaded: number; total: number }) => void) | null }
  onload: (() => void) | null
  onerror: (() => void) | null
  onabort: (() => void) | null
  ontimeout: (() => void) | null
}

export interface UploadOptions {
  method?: string
  url: string
  headers?: Record<string, string> | null
  body: Blob | ArrayBuffer | string
  /** Percent 0..100, called on each progress event and with 100 when the store answered 2xx. */
  onProgress?: (percent: number) => void
  /** For tests: makes the request object. Defaults to a real XMLHttpRequest. */
  xhrFactory?: () => XhrLike
  /** Lets the caller cancel. */
  signal?: AbortSignal
}

export interface UploadResult {
  status: number
  /** The answer's body (a presigned store answers nothing; the sheet upload answers its report). */
  responseText: string
}

/**
 * PUT a file to a signed URL with XMLHttpRequest (fetch has no upload progress),
 * reporting progress. Resolves on 2xx; rejects with ProblemError otherwise.
 */
export function uploadWithProgress(opts: UploadOptions): Promise<UploadResult> {
  const xhr: XhrLike = opts.xhrFactory ? opts.xhrFactory() : (new XMLHttpRequest() as unknown as XhrLike)
  const report = (p: number) => opts.onProgress?.(Math.max(0, Math.min(100, Math.round(p))))

  return new Promise<UploadResult>((resolve, reject) => {
    let lastPercent = -1
    xhr.open((opts.method || 'PUT').toUpperCase(), opts.url)
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      if (value == null || FORBIDDEN_HEADERS.has(name.toLowerCase())) continue
      xhr.setRequestHeader(name, String(value))
    }
    xhr.upload.onprogress = (ev) => {
      if (!ev.lengthComputable || ev.total <= 0) return
      // Hold back 100 until the store has answered: bytes sent is not yet "stored".
      const percent = Math.min(99, (ev.loaded / ev.total) * 100)
      if (Math.round(percent) !== lastPercent) {
        lastPercent = Math.round(percent)
        report(percent)
      }
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        report(100)
        resolve({ status: xhr.status, responseText: xhr.responseText ?? '' })
      } else {
        const problem = parseProblem(
          xhr.status,
          xhr.statusText,
          xhr.responseText ?? '',
          xhr.getResponseHeader('Content-Type'),
        )
        reject(new ProblemError(problem, xhr.status))
      }
    }
    xhr.onerror = () =>
      reject(new ProblemError({ title: 'Upload failed', detail: 'network error', code: 'UPLOAD_NETWORK_ERROR' }))
    xhr.ontimeout = () =>
      reject(new ProblemError({ title: 'Upload failed', detail: 'timed out', code: 'UPLOAD_TIMEOUT' }))
    xhr.onabort = () => reject(new ProblemError({ title: 'Upload cancelled', code: 'UPLOAD_ABORTED' }))
    if (opts.signal) {
      if (opts.signal.aborted) {
        reject(new ProblemError({ title: 'Upload cancelled', code: 'UPLOAD_ABORTED' }))
        return
      }
      opts.signal.addEventListener('abort', () => xhr.abort(), { once: true })
    }
    report(0)
    xhr.send(opts.body)
  })
}

/** Where a presigned upload PUTs the file, as the server grants it. */
export interface UploadGrant {
  upload: { method: string; url: string; headers?: Record<string, string> | null }
}

/**
 * The presigned upload's three steps: announce the file (the server answers where to PUT it), PUT it there with
 * progress, then confirm it. Resolves with the grant; a refusal or failed PUT rejects before anything is confirmed.
 */
export async function uploadPresigned<G extends UploadGrant>(
  announce: () => Promise<G>,
  body: Blob | ArrayBuffer | string,
  confirm: (grant: G) => Promise<unknown>,
  options: Pick<UploadOptions, 'onProgress' | 'xhrFactory' | 'signal'> = {},
): Promise<G> {
  const grant = await announce()
  const { method, url, headers } = grant.upload
  await uploadWithProgress({ ...options, method, url, headers, body })
  await confirm(grant)
  return grant
}

/** Where an upload is announced and completed: the applicant's evidence by default, or the unit's attachments. */
export interface UploadTarget {
  add(meta: { title: string; fileName: string; contentType: string; size: number }): Promise<UploadGrant & { item: { id: string } }>
  complete(itemId: string): Promise<unknown>
}
