// Helpers shared by the browser tests (path.e2e.ts, smoke.e2e.ts).
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'

export const E2E_DIR = dirname(fileURLToPath(import.meta.url))
export const ARTIFACTS = join(E2E_DIR, 'artifacts')

export const BASE_URL = (process.env.ZC_BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '')
export const CHROMIUM = process.env.ZC_CHROMIUM ?? '/usr/bin/chromium'

export function ensureArtifacts(): string {
  mkdirSync(ARTIFACTS, { recursive: true })
  return ARTIFACTS
}

/** Debian's chromium, headless, with nothing that reaches out to the network by itself. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium fonts-noto-cjk`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A minimal, valid one-page PDF (with a correct xref table), padded to about `minBytes`. */
export function makePdf(text: string, minBytes = 4096): Buffer {
  const safe = text.replace(/[()\\]/g, '')
  const stream = `BT /F1 14 Tf 24 120 Td (${safe}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  // A comment block pads the file so the upload has some bytes to report progress on.
  const pad = Math.max(0, minBytes - Buffer.byteLength(out) - 200)
  if (pad > 0) {
    const line = '% zhicheng e2e padding ' + 'x'.repeat(40) + '\n'
    out += line.repeat(Math.ceil(pad / line.length))
  }
  const xrefAt = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

function b64urlDecode(s: string): Buffer {
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
}

/**
 * Change exactly one character of the payload part of a compact JWS, choosing a position near
 * the middle where the result still decodes to valid JSON that differs from the original,
 * so only the signature check can tell (TAMPERED rather than a malformed request).
 */
export function tamperCompactJws(jws: string): string {
  const parts = jws.split('.')
  if (parts.length !== 3) throw new Error(`not a compact JWS (expected 3 parts, got ${parts.length})`)
  const [h, p, s] = parts
  const original = b64urlDecode(p).toString('utf8')
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const mid = Math.floor(p.length / 2)
  for (let off = 0; off < p.length - 1; off++) {
    const i = (mid + off) % (p.length - 1) // never the last char (its low bits may be padding)
    for (const c of alphabet) {
      if (c === p[i]) continue
      const q = p.slice(0, i) + c + p.slice(i + 1)
      const text = b64urlDecode(q).toString('utf8')
      if (text === original || text.includes('\ufffd')) continue
      try {
        JSON.parse(text)
        return `${h}.${q}.${s}`
      } catch {
        // try the next character
      }
    }
  }
  throw new Error('could not find a one-character change that keeps the payload valid JSON')
}

export function log(line: string): void {
  process.stdout.write(line + '\n')
}
