// Downloads that need the bearer token (a plain link carries none): fetch → Blob → save.
import { request } from '../api/http'

/**
 * The file name of a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` first (Chinese names
 * come that way), then `filename="…"`, else the fallback. Path parts are dropped.
 */
export function fileNameFrom(disposition: string | null | undefined, fallback: string): string {
  const h = disposition ?? ''
  let name = ''
  const star = /filename\*\s*=\s*([^;]+)/i.exec(h)
  if (star) {
    const v = star[1].trim().replace(/^"(.*)"$/, '$1')
    const m = /^([\w-]+)'[^']*'(.*)$/.exec(v)
    try {
      name = decodeURIComponent(m ? m[2] : v)
    } catch {
      name = ''
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(h)
    if (plain) name = (plain[2] ?? plain[1]).trim()
  }
  name = name.split(/[\\/]/).pop()?.trim() ?? ''
  return name || fallback
}

export interface DownloadedFile {
  blob: Blob
  fileName: string
}

/** GET a file with the session's token; rejects with the server's problem like every other request. */
export async function fetchFile(path: string, fallbackName: string, accept = '*/*'): Promise<DownloadedFile> {
  const res = await request<Response>('GET', path, undefined, {
    raw: true,
    headers: { Accept: `${accept}, application/problem+json` },
  })
  const blob = await res.blob()
  return { blob, fileName: fileNameFrom(res.headers.get('Content-Disposition'), fallbackName) }
}

/** What saveBlob needs of the browser (replaced in tests). */
export interface SaveEnv {
  createObjectURL: (b: Blob) => string
  revokeObjectURL: (url: string) => void
  document: Pick<Document, 'createElement' | 'body'>
}

function browserEnv(): SaveEnv {
  return {
    createObjectURL: (b) => URL.createObjectURL(b),
    revokeObjectURL: (u) => URL.revokeObjectURL(u),
    document,
  }
}

/** Save a Blob under a name: a temporary object URL clicked through a hidden link, then released. */
export function saveBlob(blob: Blob, fileName: string, env: SaveEnv = browserEnv()): void {
  const url = env.createObjectURL(blob)
  const a = env.document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  env.document.body.appendChild(a)
  try {
    a.click()
  } finally {
    a.remove()
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => env.revokeObjectURL(url), 1000)
  }
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Fetch and save; resolves with the saved name. */
export async function downloadFile(path: string, fallbackName: string, accept = '*/*'): Promise<string> {
  const f = await fetchFile(path, fallbackName, accept)
  saveBlob(f.blob, f.fileName)
  return f.fileName
}
