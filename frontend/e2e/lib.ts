// Helpers shared by the browser tests (journey, calendar, deadlines, committee and smoke scenarios).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { checkCharFor } from '../src/lib/idNumber'

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

/** A small valid PNG (a grey portrait-shaped picture with a darker oval), e.g. for the certificate photo (R27). */
export function makePng(width = 120, height = 160): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 0 // greyscale
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1)
    for (let x = 0; x < width; x++) {
      const dx = (x - width / 2) / (width * 0.3)
      const dy = (y - height * 0.4) / (height * 0.25)
      row[x + 1] = dx * dx + dy * dy < 1 ? 90 : 215
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
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

// ---------- shared by every scenario: steps, lookups, sign-in, and the runner ----------

export const PASSWORD = process.env.ZC_DEMO_PASSWORD ?? 'demo123'
export const TIMEOUT = Number(process.env.ZC_E2E_TIMEOUT_MS ?? 20000)
/** Distinguishes this run's data from earlier runs on the same server. */
export const RUN_ID = new Date().toISOString().replace(/\D/g, '').slice(0, 14)

let currentStep = '(start)'
const problems: string[] = []
const pageErrors: string[] = []

/** A failure the scenario explains itself: reported without a stack. */
export class StepError extends Error {}

export function fail(message: string): never {
  throw new StepError(message)
}

export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  currentStep = name
  const started = Date.now()
  log(`→ ${name}`)
  const result = await fn()
  log(`  ✓ ${name} (${Date.now() - started} ms)`)
  return result
}

export function byTestId(scope: Page | Locator, id: string): Locator {
  return scope.locator(`[data-testid="${id}"]`)
}

/** The native input or textarea of an el-input (Element Plus puts data-testid on the native element). */
export function field(scope: Page | Locator, id: string): Locator {
  const q = `[data-testid="${id}"]`
  return scope.locator(`input${q}, textarea${q}, ${q} input, ${q} textarea`).first()
}

/** Text of any problem shown right now (message or inline alert), for failure messages. */
export async function visibleProblems(page: Page): Promise<string> {
  const texts = await page
    .locator('[data-testid="problem-message"]:visible, .zc-problem-alert:visible')
    .allInnerTexts()
    .catch(() => [] as string[])
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ')
}

/** Signs in (signing out first if needed) and checks where the user lands and with which role. */
export async function signIn(
  page: Page,
  username: string,
  expect: { path?: string; role?: string; password?: string } = {},
) {
  await page.goto(`${BASE_URL}/sign-in`)
  const signOut = byTestId(page, 'sign-out')
  if (await signOut.isVisible().catch(() => false)) {
    await signOut.click()
    await page.waitForURL(/\/sign-in/, { timeout: TIMEOUT })
  }
  await byTestId(page, 'sign-in-form').waitFor({ timeout: TIMEOUT }).catch(() =>
    fail(`the sign-in page did not render at ${BASE_URL}/sign-in (is the backend serving frontend/dist?)`),
  )
  await field(page, 'sign-in-username').fill(username)
  await field(page, 'sign-in-password').fill(expect.password ?? PASSWORD)
  await byTestId(page, 'sign-in-submit').click()
  const arrived = (u: URL) => (expect.path ? u.pathname.startsWith(expect.path) : !u.pathname.startsWith('/sign-in'))
  await page.waitForURL(arrived, { timeout: TIMEOUT }).catch(async () =>
    fail(
      `sign-in as "${username}" did not reach ${expect.path ?? 'a page'} (now at ${page.url()}) ${await visibleProblems(page)}`.trim(),
    ),
  )
  const role = await byTestId(page, 'current-user').getAttribute('data-role', { timeout: TIMEOUT })
  if (expect.role && role !== expect.role) fail(`"${username}" signed in with role ${role}, not ${expect.role}`)
  log(`    signed in as ${username} (role ${role})`)
}

/**
 * The server's time when its clock is settable (decision 0009: `GET /api/dev/clock`), else null (a real clock,
 * the mock without one, or no server at all).
 */
export async function serverNow(): Promise<Date | null> {
  try {
    const res = await fetch(`${BASE_URL}/api/dev/clock`, { signal: AbortSignal.timeout(5000) })
    if (!res.ok) return null
    const body = (await res.json()) as { now?: string }
    const t = body.now ? new Date(body.now) : null
    return t && !Number.isNaN(t.getTime()) ? t : null
  } catch {
    return null
  }
}

/**
 * Moves the server's settable clock and the browser's together to `instant` (both run on from there).
 * The browser's matters too: the pages compare the session's expiry and compute "today" with it.
 */
export async function setClock(page: Page, instant: string): Promise<void> {
  const res = await page.request.put(`${BASE_URL}/api/dev/clock`, { data: { now: instant } })
  if (!res.ok()) fail(`could not move the server clock to ${instant} (HTTP ${res.status()}; is ZHICHENG_CLOCK_SETTABLE=true?)`)
  await page.clock.setSystemTime(new Date(instant))
  log(`    clocks now ${instant}`)
}

/**
 * Runs one scenario in a fresh headless Chromium and prints "1 passed, 0 failed" or "0 passed, 1 failed";
 * on failure it names the step and saves a screenshot under e2e/artifacts/. Returns the exit code.
 */
export async function runScenario(name: string, run: (page: Page) => Promise<void>): Promise<number> {
  const dir = ensureArtifacts()
  log(`zhicheng e2e ${name} against ${BASE_URL}`)
  let browser: Browser | null = null
  let page: Page | null = null
  try {
    browser = await launch()
    // China's time zone: the pages read dates as the server does (working days, notice ends).
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } })
    context.setDefaultTimeout(TIMEOUT)
    // A server with a settable clock may be far from the real date (CI starts it on 2026-09-01): the browser
    // runs from the server's time, or every session it signs would look expired to the page.
    const now = await serverNow()
    if (now) await context.clock.install({ time: now })
    page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    page.on('console', (m) => {
      if (m.text().startsWith('[problem]')) problems.push(m.text())
    })
    await run(page)
    await page.screenshot({ path: join(dir, `${name}-final.png`), fullPage: true }).catch(() => undefined)
    log('1 passed, 0 failed')
    return 0
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    log(`✗ FAILED at step "${currentStep}": ${message}`)
    if (!(e instanceof StepError) && e instanceof Error && e.stack) {
      log(e.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4).join('\n'))
    }
    if (problems.length) log(`  problems shown: ${problems.slice(-3).join(' || ')}`)
    if (pageErrors.length) log(`  page errors: ${pageErrors.slice(-3).join(' || ')}`)
    if (page) {
      const file = join(dir, `failure-${name}-${currentStep.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
      await page
        .screenshot({ path: file, fullPage: true })
        .then(() => log(`  screenshot: ${file}`))
        .catch(() => undefined)
      writeFileSync(join(dir, `failure-${name}.txt`), `${currentStep}\n${message}\n${page.url()}\n`)
    }
    log('0 passed, 1 failed')
    return 1
  } finally {
    await browser?.close().catch(() => undefined)
  }
}

// ---------- shared by the committee-route scenarios: dates, selects, pages, dialogs ----------

export function isoPlusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A day as the zh-CN pages show it in refusals: 2026/09/08. */
export function shownDay(iso: string): string {
  return iso.replace(/-/g, '/')
}

/** Open an Element Plus select and click the option with this label. */
export async function chooseOption(page: Page, select: Locator, label: string | RegExp): Promise<void> {
  await select.click()
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: label }).first()
  await option.waitFor({ timeout: TIMEOUT }).catch(async () => {
    const seen = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
    fail(`option ${String(label)} not offered; options: [${seen.join(', ')}]`)
  })
  await option.click()
  // They fade out; a fading one still matches :visible.
  await page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined)
}

export async function loaded(page: Page, testid: string, extra = ''): Promise<Locator> {
  const el = page.locator(`[data-testid="${testid}"][data-loaded="true"]${extra}`)
  await el.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`${testid} did not load ${await visibleProblems(page)}`))
  return el
}

export async function waitState(page: Page, testid: string, state: string): Promise<void> {
  await page
    .locator(`[data-testid="${testid}"][data-state="${state}"]`)
    .waitFor({ timeout: TIMEOUT })
    .catch(async () => {
      const now = await byTestId(page, testid).first().getAttribute('data-state').catch(() => '?')
      fail(`${testid} is ${now}, not ${state} ${await visibleProblems(page)}`.trim())
    })
}

export async function setDate(page: Page, wrapper: string, iso: string): Promise<void> {
  const input = page.locator(`[data-testid="${wrapper}"] input`)
  await input.fill(iso)
  await input.press('Enter')
  await page
    .locator(`[data-testid="${wrapper}"][data-value="${iso}"]`)
    .waitFor({ timeout: TIMEOUT })
    .catch(() => fail(`${wrapper} did not take ${iso}`))
  // Not Escape: that would close the dialog the picker sits in.
  await input.press('Tab').catch(() => undefined)
}

export async function confirmDialog(page: Page, testid: string): Promise<Locator> {
  const dialog = byTestId(page, testid)
  await dialog.waitFor({ timeout: TIMEOUT }).catch(() => fail(`the ${testid} did not open`))
  await byTestId(dialog, `${testid}-confirm`).click()
  return dialog
}

export async function openMeeting(page: Page, meetingId: string): Promise<void> {
  await byTestId(page, 'nav-meetings').click()
  await loaded(page, 'meetings-page')
  const link = page.locator(`[data-testid="meeting-open"][data-id="${meetingId}"]`)
  await link.waitFor({ timeout: TIMEOUT }).catch(() => fail(`meeting ${meetingId} is not listed`))
  await link.click()
  await loaded(page, 'meeting-page')
}

export async function openRound(page: Page, roundId: string): Promise<void> {
  await byTestId(page, 'nav-rounds').click()
  await loaded(page, 'rounds-page')
  const link = page.locator(`[data-testid="round-open"][data-id="${roundId}"]`)
  await link.waitFor({ timeout: TIMEOUT }).catch(() => fail(`round ${roundId} is not listed`))
  await link.click()
  await loaded(page, 'round-page')
}

export async function signOut(page: Page): Promise<void> {
  const button = byTestId(page, 'sign-out')
  if (await button.isVisible().catch(() => false)) {
    await button.click()
    await page.waitForURL(/\/sign-in/, { timeout: TIMEOUT })
  }
}

/** A valid ID number (GB 11643 check character) nobody in the demo data has: 潍坊市奎文区, born in March. */
export function freshIdNumber(): string {
  const seq = String(Math.floor(Math.random() * 900) + 100)
  const day = String(Math.floor(Math.random() * 28) + 1).padStart(2, '0')
  const first17 = `370702${1970 + Math.floor(Math.random() * 30)}03${day}${seq}`
  return first17 + checkCharFor(first17)
}
