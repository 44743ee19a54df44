// The whole path through the real UI, one browser, four roles:
// applicant applies (evidence upload, pledge, submit) → unit reviews and recommends →
// HR bureau vets → committee office accepts and decides PASS → HR bureau publishes, files, issues →
// applicant sees the certificate with its QR → the verify link says VALID → lookup by number + name →
// a tampered payload says TAMPERED.
//
// Run: ZC_BASE_URL=http://localhost:8080 npm run e2e   (the backend's local server serving dist/)
// Prints "1 passed, 0 failed" or "0 passed, 1 failed"; on failure saves a screenshot in e2e/artifacts/.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Locator, Page } from 'playwright-core'
import {
  BASE_URL,
  byTestId,
  fail,
  field,
  log,
  makePdf,
  PASSWORD,
  RUN_ID,
  runScenario,
  signIn,
  step,
  tamperCompactJws,
  TIMEOUT,
  visibleProblems,
} from './lib'
import { checkCharFor } from '../src/lib/idNumber'

/** Open an Element Plus select and click the option with this exact label. */
async function chooseOption(page: Page, select: Locator, label: string | RegExp): Promise<void> {
  await select.click()
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: label }).first()
  await option.waitFor({ timeout: TIMEOUT }).catch(async () => {
    const seen = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
    fail(`option ${String(label)} not offered; options: [${seen.join(', ')}]`)
  })
  await option.click()
  await dropdownClosed(page)
}

/** Wait until no select dropdown is open (they fade out; a fading one still matches :visible). */
async function dropdownClosed(page: Page): Promise<void> {
  await page
    .locator('.el-select-dropdown__item:visible')
    .first()
    .waitFor({ state: 'hidden', timeout: TIMEOUT })
    .catch(() => undefined)
}

async function firstOption(page: Page, select: Locator): Promise<string> {
  await select.click()
  const option = page.locator('.el-select-dropdown__item:visible').first()
  await option.waitFor({ timeout: TIMEOUT }).catch(() => fail('the select offers no options'))
  const text = (await option.innerText()).trim()
  await option.click()
  await dropdownClosed(page)
  return text
}

// ---------- API look-ups the test needs to pick consistent choices ----------

interface Committee {
  id: string
  name: string
  seriesId: string
  seriesName?: string
  levels?: string[]
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${BASE_URL}${path}`)
  if (!res.ok()) fail(`GET ${path} answered ${res.status()}: ${(await res.text()).slice(0, 300)}`)
  return (await res.json()) as T
}

function claimsOf(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** The unit the "unit" demo account works for, so the application lands on its list (R3). */
async function unitOfUnitAccount(page: Page): Promise<string | null> {
  const res = await page.request.post(`${BASE_URL}/api/auth/sign-in`, {
    data: { username: 'unit', password: PASSWORD },
  })
  if (!res.ok()) return null
  const body = (await res.json()) as { token?: string; account?: Record<string, unknown> }
  const a = body.account ?? {}
  const fromAccount = a.unitId ?? a['custom:unit_id'] ?? (a.unit as { id?: string } | undefined)?.id
  const fromToken = body.token ? claimsOf(body.token)['custom:unit_id'] : undefined
  const id = fromAccount ?? fromToken
  return typeof id === 'string' && id ? id : null
}

// ---------- work-list helpers ----------

function row(page: Page, appId: string): Locator {
  return page.locator(`[data-testid="work-row"][data-app-id="${appId}"]`)
}

async function findRow(page: Page, appId: string): Promise<Locator> {
  const r = row(page, appId)
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await r.isVisible().catch(() => false)) return r
    await r.waitFor({ timeout: TIMEOUT / 2 }).catch(() => undefined)
    if (await r.isVisible().catch(() => false)) return r
    await byTestId(page, 'work-refresh').click()
  }
  const ids = await page.locator('[data-testid="work-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-app-id')))
  fail(`application ${appId} is not on the work list of this role (rows: [${ids.join(', ')}]) ${await visibleProblems(page)}`)
}

async function rowActions(page: Page, appId: string): Promise<string[]> {
  return page
    .locator(`[data-testid^="action-"][data-app-id="${appId}"]`)
    .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('action-', '')))
}

/**
 * Click the row's button for `action`, fill its dialog, confirm, and wait until the row has moved on.
 * Fails with the row's state, its offered actions and any problem the server sent.
 */
async function act(page: Page, appId: string, action: string, fill?: (dialog: Locator) => Promise<void>) {
  const r = await findRow(page, appId)
  const before = await r.getAttribute('data-state')
  const button = page.locator(`[data-testid="action-${action}"][data-app-id="${appId}"]`)
  if (!(await button.isVisible().catch(() => false))) {
    fail(
      `"${action}" is not offered for application ${appId} in state ${before}; offered: [${(await rowActions(page, appId)).join(', ')}]`,
    )
  }
  await button.click()
  const dialog = page.locator(`.el-dialog[data-action="${action}"]`)
  await dialog.waitFor({ timeout: TIMEOUT }).catch(() => fail(`the "${action}" dialog did not open`))
  if (fill) await fill(dialog)
  await byTestId(dialog, 'action-confirm').click()
  // Success closes the dialog; a problem stays in it.
  const outcome = await Promise.race([
    dialog.waitFor({ state: 'hidden', timeout: TIMEOUT }).then(() => 'closed' as const),
    dialog
      .locator('.zc-problem-alert')
      .waitFor({ timeout: TIMEOUT })
      .then(() => 'problem' as const),
  ]).catch(() => 'timeout' as const)
  if (outcome !== 'closed') {
    const text = outcome === 'problem' ? await dialog.locator('.zc-problem-alert').innerText() : 'no answer in time'
    fail(`"${action}" on application ${appId} (state ${before}) failed: ${text.replace(/\s+/g, ' ').trim()}`)
  }
  // The list reloads after every action: wait for the new state (or for the row to leave this list).
  await page
    .waitForFunction(
      ([id, prev]) => {
        const el = document.querySelector(`[data-testid="work-row"][data-app-id="${id}"]`)
        return !el || el.getAttribute('data-state') !== prev
      },
      [appId, before ?? ''],
      { timeout: TIMEOUT },
    )
    .catch(() => undefined) // some actions (issue) need not change the state
  const after = await row(page, appId).getAttribute('data-state', { timeout: 2000 }).catch(() => '(not listed)')
  log(`    ${action}: ${before} → ${after}`)
}

// ---------- the path ----------

async function run(page: Page): Promise<void> {
  let appId = ''
  const specialty = `电气工程 e2e ${RUN_ID}`

  await step('applicant signs in', () => signIn(page, 'applicant', { path: '/applicant' }))

  await step('applicant creates an application', async () => {
    const [series, levels, committees, units] = await Promise.all([
      apiGet<{ id: string; nameZh: string }[]>(page, '/api/catalogue/series'),
      apiGet<{ code: string; nameZh: string }[]>(page, '/api/catalogue/levels'),
      apiGet<Committee[]>(page, '/api/catalogue/committees'),
      apiGet<{ id: string; name: string }[]>(page, '/api/catalogue/units?kind=EMPLOYER'),
    ])
    // Pick a series and level that some committee takes (R8: within its series and level).
    const preferred = ['INTERMEDIATE', 'DEPUTY_SENIOR', 'FULL_SENIOR', 'ASSISTANT', 'MEMBER']
    let pick: { seriesId: string; level: string } | null = null
    for (const lv of preferred) {
      const c = committees.find((x) => (x.levels ?? []).includes(lv) && series.some((s) => s.id === x.seriesId))
      if (c) {
        pick = { seriesId: c.seriesId, level: lv }
        break
      }
    }
    if (!pick) fail(`no committee covers any catalogue series (committees: ${JSON.stringify(committees).slice(0, 300)})`)
    const chosen = pick
    const seriesName = series.find((s) => s.id === chosen.seriesId)!.nameZh
    const levelName = levels.find((l) => l.code === chosen.level)?.nameZh ?? chosen.level
    const unitId = await unitOfUnitAccount(page)
    const unitName = units.find((u) => u.id === unitId)?.name
    log(`    series ${seriesName}, level ${levelName}, unit ${unitName ?? '(first offered)'}`)

    await byTestId(page, 'new-application-form').waitFor({ timeout: TIMEOUT })
    await chooseOption(page, byTestId(page, 'new-series'), seriesName)
    await chooseOption(page, byTestId(page, 'new-level'), levelName)
    await field(page, 'new-specialty').fill(specialty)
    if (unitName) await chooseOption(page, byTestId(page, 'new-unit'), unitName)
    else await firstOption(page, byTestId(page, 'new-unit'))
    const serial = RUN_ID.slice(-8)
    await field(page, 'new-diploma').fill(`1042212023050${serial}`)
    await field(page, 'new-degree').fill(`1042232023${serial}`)
    // R4: the graduation year and the degree's award date decide which verification routes apply.
    await field(page, 'new-graduation-year').fill('2023')
    await field(page, 'new-degree-awarded-on').fill('2023-07-01')
    await field(page, 'new-degree-awarded-on').press('Enter')
    await byTestId(page, 'new-submit').click()
    try {
      await page.waitForURL(/\/applicant\/applications\/[^/]+$/, { timeout: TIMEOUT })
    } catch {
      fail(`creating the application did not open its detail page: ${await visibleProblems(page)}`)
    }
    appId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
    await page.locator(`[data-testid="application-detail"][data-state="DRAFT"]`).waitFor({ timeout: TIMEOUT })
    log(`    application ${appId} (DRAFT)`)
  })

  await step('applicant uploads a PDF as evidence (progress reaches 100%)', async () => {
    await field(page, 'evidence-title').fill('业绩证明 e2e')
    // Record every percent the bar shows.
    await page.evaluate(() => {
      const seen: number[] = []
      ;(window as unknown as { __zcPercents: number[] }).__zcPercents = seen
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="upload-progress"]')
        const p = el ? Number(el.getAttribute('data-percent')) : NaN
        if (!Number.isNaN(p) && seen[seen.length - 1] !== p) seen.push(p)
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-percent'] })
    })
    await byTestId(page, 'evidence-file').setInputFiles({
      name: 'achievement-proof.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf(`Zhicheng e2e evidence ${RUN_ID}`, 64 * 1024),
    })
    const progress = byTestId(page, 'upload-progress')
    await progress.waitFor({ timeout: TIMEOUT }).catch(() => fail('no upload progress bar appeared'))
    const phase = await page
      .waitForFunction(
        () => {
          const el = document.querySelector('[data-testid="upload-progress"]')
          const ph = el?.getAttribute('data-phase')
          return ph === 'done' || ph === 'error' ? ph : false
        },
        undefined,
        { timeout: TIMEOUT * 2 },
      )
      .then((h) => h.jsonValue())
      .catch(() => 'timeout')
    if (phase !== 'done') fail(`the upload did not finish (${phase}): ${await visibleProblems(page)}`)
    const percent = await progress.getAttribute('data-percent')
    if (percent !== '100') fail(`the progress bar stopped at ${percent}%`)
    const barText = (await progress.locator('.el-progress').innerText()).trim()
    if (!barText.includes('100')) fail(`the progress bar shows "${barText}", not 100%`)
    const seen = await page.evaluate(() => (window as unknown as { __zcPercents: number[] }).__zcPercents)
    log(`    progress seen: ${seen.join(' → ')}`)
    await page
      .locator('[data-testid="evidence-status"][data-status="UPLOADED"]')
      .first()
      .waitFor({ timeout: TIMEOUT })
      .catch(() => fail('the evidence item is not shown as UPLOADED'))
  })

  await step('applicant ticks the integrity pledge (R5) and submits', async () => {
    const submit = byTestId(page, 'submit-application')
    await submit.waitFor({ timeout: TIMEOUT }).catch(() => fail('no submit button (actions lack "submit")'))
    if (await submit.isEnabled()) fail('submit is enabled before the pledge is ticked')
    await byTestId(page, 'pledge-checkbox').click()
    await submit.click()
    const state = await page
      .waitForFunction(
        () => {
          const s = document.querySelector('[data-testid="application-detail"]')?.getAttribute('data-state')
          return s && s !== 'DRAFT' ? s : false
        },
        undefined,
        { timeout: TIMEOUT },
      )
      .then((h) => h.jsonValue())
      .catch(async () => fail(`the application stayed DRAFT after submit: ${await visibleProblems(page)}`))
    log(`    state now ${state}`)
  })

  await step('unit signs in and passes the first review (R6)', async () => {
    await signIn(page, 'unit', { path: '/work' })
    await act(page, appId, 'review', async (d) => {
      await field(d, 'action-comment').fill('材料齐全，首审通过（e2e）')
    })
  })

  await step('unit recommends with its pledge and verification routes (R4, R5, R7)', async () => {
    await act(page, appId, 'recommend', async (d) => {
      await chooseOption(page, byTestId(d, 'action-diploma-verification'), '全国学历信息库核验')
      await chooseOption(page, byTestId(d, 'action-degree-verification'), '全国学位信息库核验')
      await byTestId(d, 'action-unit-pledge').click()
    })
  })

  await step('HR bureau signs in and vets (R8)', async () => {
    await signIn(page, 'hrbureau', { path: '/work' })
    await act(page, appId, 'vet', async (d) => {
      await field(d, 'action-comment').fill('审核通过（e2e）')
    })
  })

  await step('committee office signs in and accepts (R8)', async () => {
    await signIn(page, 'office', { path: '/work' })
    await act(page, appId, 'accept')
  })

  await step('committee office decides PASS', async () => {
    await act(page, appId, 'decide', async (d) => {
      await byTestId(d, 'action-outcome-pass').click()
      await field(d, 'action-note').fill('评审通过（e2e）')
    })
  })

  await step('HR bureau publishes the result, files it and issues the certificate', async () => {
    await signIn(page, 'hrbureau', { path: '/work' })
    await act(page, appId, 'publish')
    await act(page, appId, 'file')
    await act(page, appId, 'issue')
  })

  const cert = await step('applicant sees the certificate with a QR code of its verify link', async () => {
    await signIn(page, 'applicant', { path: '/applicant' })
    const cards = page.locator('[data-testid="certificate-card"]')
    await cards.first().waitFor({ timeout: TIMEOUT }).catch(() => fail('no certificate under "my certificates"'))
    // This run's certificate: the card with this run's specialty, else the last one.
    const mine = cards.filter({ hasText: specialty })
    const card = (await mine.count()) ? mine.first() : cards.last()
    const number = (await byTestId(card, 'certificate-number').innerText()).trim()
    const holder = (await byTestId(card, 'certificate-holder').innerText()).trim()
    const issuedOn = (await byTestId(card, 'certificate-issued-on').innerText()).trim()
    if (!/\d{4}\D\d{1,2}\D\d{1,2}/.test(issuedOn)) fail(`the certificate shows no issue date ("${issuedOn}")`)
    const verifyUrl = await byTestId(card, 'certificate-verify-link').getAttribute('href')
    if (!verifyUrl || !verifyUrl.includes('/verify#')) fail(`the verify link is "${verifyUrl}", expected …/verify#<payload>`)
    const qr = byTestId(card, 'certificate-qr')
    await qr.waitFor({ timeout: TIMEOUT }).catch(() => fail('the certificate shows no QR code'))
    // Decode the QR image in the page with jsQR and compare with the link.
    const jsqrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js')
    await page.addScriptTag({ content: readFileSync(jsqrPath, 'utf8') })
    const decoded = await qr.evaluate(async (img: HTMLImageElement) => {
      if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }))
      const c = document.createElement('canvas')
      c.width = img.naturalWidth
      c.height = img.naturalHeight
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const data = ctx.getImageData(0, 0, c.width, c.height)
      const w = window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }
      return w.jsQR(data.data, c.width, c.height)?.data ?? null
    })
    if (decoded !== verifyUrl) fail(`the QR code decodes to "${decoded}", not the verify link "${verifyUrl}"`)
    log(`    certificate ${number} for ${holder}; QR decodes to the verify link`)
    return { number, holder, verifyUrl }
  })

  await step('the verify link shows VALID', async () => {
    const u = new URL(cert.verifyUrl, BASE_URL)
    const base = new URL(BASE_URL)
    if (u.origin !== base.origin) log(`    verifyUrl points at ${u.origin}; opening the same path on ${base.origin}`)
    await page.goto(`${base.origin}${u.pathname}${u.search}${u.hash}`)
    const result = byTestId(page, 'verify-result')
    await result.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no verify result: ${await visibleProblems(page)}`))
    const code = await result.getAttribute('data-result')
    if (code !== 'VALID') fail(`the verify link gives ${code}, not VALID: ${(await result.innerText()).slice(0, 300)}`)
    const status = await result.getAttribute('data-status')
    if (status && status !== 'VALID') fail(`signature valid but certificate status is ${status}`)
    await byTestId(page, 'verify-claims').waitFor({ timeout: TIMEOUT }).catch(() => fail('VALID result shows no claims'))
  })

  await step('lookup by number + name shows the certificate', async () => {
    await field(page, 'lookup-number').fill(cert.number)
    await field(page, 'lookup-name').fill(cert.holder)
    await byTestId(page, 'lookup-submit').click()
    const res = page.locator(`[data-testid="lookup-result"][data-number="${cert.number}"]`)
    await res.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`lookup shows no result: ${await visibleProblems(page)}`))
    const status = await res.getAttribute('data-status')
    if (status !== 'VALID') fail(`lookup shows status ${status}, not VALID`)
    const holder = (await byTestId(res, 'lookup-holder').innerText()).trim()
    if (holder !== cert.holder) fail(`lookup shows holder "${holder}", expected "${cert.holder}"`)
  })

  await step('a payload with one character changed shows TAMPERED', async () => {
    const payload = decodeURIComponent(new URL(cert.verifyUrl, BASE_URL).hash.slice(1))
    const tampered = tamperCompactJws(payload)
    const box = field(page, 'verify-payload')
    await box.fill(tampered)
    await byTestId(page, 'verify-submit').click()
    const res = page.locator('[data-testid="verify-result"][data-result="TAMPERED"]')
    await res.waitFor({ timeout: TIMEOUT }).catch(async () => {
      const other = await byTestId(page, 'verify-result').getAttribute('data-result').catch(() => null)
      fail(`a tampered payload gives ${other ?? 'no result'} instead of TAMPERED ${await visibleProblems(page)}`)
    })
  })
}

/** A made-up ID number with a valid check digit, different on every run. */
function freshIdNumber(): string {
  const seq = String(Math.floor(Math.random() * 900) + 100)
  const day = String(Math.floor(Math.random() * 28) + 1).padStart(2, '0')
  const first17 = `370702${1970 + Math.floor(Math.random() * 30)}03${day}${seq}`
  return first17 + checkCharFor(first17)
}

async function runRegistration(page: Page): Promise<void> {
  await step('a new user registers: a wrong ID number is refused, a valid one signs in', async () => {
    const signOut = byTestId(page, 'sign-out')
    if (await signOut.isVisible().catch(() => false)) {
      await signOut.click()
      await page.waitForURL(/\/sign-in/, { timeout: TIMEOUT })
    }
    await byTestId(page, 'register-link').click()
    await byTestId(page, 'register-form').waitFor({ timeout: TIMEOUT })
    const valid = freshIdNumber()
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')
    await field(page, 'register-name').fill('测试新用户')
    await field(page, 'register-id-number').fill(wrong)
    await chooseOption(page, byTestId(page, 'register-unit'), /潍坊市电力设计研究院/)
    await field(page, 'register-username').fill(`new-${RUN_ID}`)
    await field(page, 'register-password').fill('a-long-password')
    await byTestId(page, 'register-submit').click()
    await page.locator('.el-form-item__error', { hasText: /身份证号码不正确/ }).waitFor({ timeout: TIMEOUT })
      .catch(() => fail('a wrong ID number was not flagged on the form'))
    if (!page.url().includes('/register')) fail(`a wrong ID number left the page: ${page.url()}`)
    await field(page, 'register-id-number').fill(valid)
    await byTestId(page, 'register-submit').click()
    await page.waitForURL((u) => u.pathname.startsWith('/applicant'), { timeout: TIMEOUT }).catch(async () =>
      fail(`registration did not reach /applicant (now at ${page.url()}) ${await visibleProblems(page)}`),
    )
    log(`    registered new-${RUN_ID} and signed in`)
  })
}

process.exitCode = await runScenario('path', async (page) => {
  await run(page)
  await runRegistration(page)
})
