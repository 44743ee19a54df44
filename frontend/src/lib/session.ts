import { reactive } from 'vue'
import type { Account, Role, SignInResponse } from '../api/types'
import { ROLES, WORK_PAGE_ROLES } from '../api/types'

const TOKEN_KEY = 'zc.token'
const ACCOUNT_KEY = 'zc.account'
const EXPIRES_KEY = 'zc.expiresAt'

export interface SessionState {
  token: string | null
  account: Account | null
  expiresAt: number | null
}

/** Decode the claims of a JWT without checking it (the server checks; the UI only reads). */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4)
    const bin = atob(b64)
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function firstString(v: unknown): string | undefined {
  if (typeof v === 'string' && v) return v
  if (Array.isArray(v)) return v.find((x): x is string => typeof x === 'string' && !!x)
  return undefined
}

/**
 * The account's role. api.md does not fix the account's shape, so look where it may be:
 * account.role, account.roles / groups / cognito:groups, else the token's `cognito:groups`.
 */
export function roleOf(account: Account | null, token: string | null): Role | null {
  const candidates: unknown[] = []
  if (account) {
    candidates.push(account.role, account.roles, account.groups, account['cognito:groups'])
  }
  if (token) {
    const claims = decodeJwtClaims(token)
    if (claims) candidates.push(claims['cognito:groups'], claims['role'])
  }
  for (const c of candidates) {
    const r = firstString(c)
    if (r && (ROLES as readonly string[]).includes(r)) return r as Role
  }
  return null
}

export function displayNameOf(account: Account | null, token: string | null): string {
  if (account?.displayName) return String(account.displayName)
  if (account?.name) return String(account.name)
  const claims = token ? decodeJwtClaims(token) : null
  return String(claims?.['name'] ?? account?.username ?? claims?.['cognito:username'] ?? '')
}

/** expiresAt may come as ISO text, epoch seconds or epoch milliseconds. */
export function parseExpiry(v: unknown): number | null {
  if (v == null || v === '') return null
  if (typeof v === 'number') return v < 1e12 ? v * 1000 : v
  const n = Number(v)
  if (!Number.isNaN(n)) return n < 1e12 ? n * 1000 : n
  const t = Date.parse(String(v))
  return Number.isNaN(t) ? null : t
}

/** Where a signed-in role starts. */
export function homeFor(role: Role | null): string {
  if (role === 'APPLICANT') return '/applicant'
  if (role === 'EXPERT') return '/expert/meetings'
  if (role && WORK_PAGE_ROLES.includes(role)) return '/work'
  return '/sign-in'
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

function load(): SessionState {
  const s = storage()
  const token = s?.getItem(TOKEN_KEY) ?? null
  let account: Account | null = null
  try {
    account = JSON.parse(s?.getItem(ACCOUNT_KEY) ?? 'null') as Account | null
  } catch {
    account = null
  }
  const expiresAt = parseExpiry(s?.getItem(EXPIRES_KEY))
  return { token, account, expiresAt }
}

export const session = reactive<SessionState>(load())

export function isSignedIn(now = Date.now()): boolean {
  if (!session.token) return false
  if (session.expiresAt != null && session.expiresAt <= now) {
    signOut()
    return false
  }
  return true
}

export function currentRole(): Role | null {
  return roleOf(session.account, session.token)
}

export function startSession(res: SignInResponse): void {
  session.token = res.token
  session.account = res.account ?? null
  session.expiresAt = parseExpiry(res.expiresAt)
  const s = storage()
  s?.setItem(TOKEN_KEY, res.token)
  s?.setItem(ACCOUNT_KEY, JSON.stringify(res.account ?? null))
  if (session.expiresAt != null) s?.setItem(EXPIRES_KEY, String(session.expiresAt))
  else s?.removeItem(EXPIRES_KEY)
}

export function signOut(): void {
  session.token = null
  session.account = null
  session.expiresAt = null
  const s = storage()
  s?.removeItem(TOKEN_KEY)
  s?.removeItem(ACCOUNT_KEY)
  s?.removeItem(EXPIRES_KEY)
}
