/**
 * The compact JWS a person pasted or the page was opened with. Accepts the bare payload,
 * a "#payload" fragment, or a whole verify link ("https://…/verify#payload").
 */
export function extractPayload(input: string | null | undefined): string {
  if (!input) return ''
  let s = input.trim()
  const hash = s.indexOf('#')
  if (hash >= 0) s = s.slice(hash + 1)
  try {
    s = decodeURIComponent(s)
  } catch {
    // keep as is
  }
  return s.replace(/\s+/g, '')
}

/** Whether text has the shape of a compact JWS (three base64url parts). */
export function looksLikeCompactJws(s: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(s)
}

/** Readable text of a claim value. */
export function claimText(v: unknown): string {
  if (v == null) return ''
  if (typeof v === 'object') return JSON.stringify(v)
  return String(v)
}
