// The HR bureau's committee set-up and an expert's conflict declaration through the real UI and server:
//  1. hrbureau creates a 中小学教师 intermediate committee (code unique per run) and edits its member count;
//  2. adds an office sign-in for it, which signs in and lands on its work list as COMMITTEE_OFFICE;
//  3. opens a submission window (from the server's now, for a month) and sees it open (R1); an overlapping one is
//     refused with the R1 message; signed out, the public windows page lists it;
//  4. creates an expert with a sign-in, puts them and 陈静 into the committee's 2026 pool (R9), copies 2026 to 2027
//     and sees both there;
//  5. the new expert declares a conflict with 潍坊学院 and sees it listed; a declaration naming no unit is refused
//     with the R10 message (R10).
//
// Depends only on the demo seed; everything it creates is named with RUN_ID, so it re-runs on the same server.
// It leaves the demo committees, windows and pools alone; the new 中小学教师 committee makes that series routable,
// so it runs after the journey. Run: ZC_BASE_URL=http://localhost:8080 npm run e2e:setup
// Prints "1 passed, 0 failed" or "0 passed, 1 failed"; on failure saves a screenshot in e2e/artifacts/.
import type { Locator, Page } from 'playwright-core'
import {
  BASE_URL,
  byTestId,
  fail,
  field,
  log,
  PASSWORD,
  RUN_ID,
  runScenario,
  serverNow,
  signOut,
  step,
  TIMEOUT,
  visibleProblems,
} from './lib'

const CODE = `E2E-TCH-${RUN_ID}`
const COMMITTEE_NAME = `潍坊市中小学教师中级职称评审委员会 e2e ${RUN_ID}`
const OFFICE_USER = `e2e_office_${RUN_ID}`
const EXPERT_USER = `e2e_expert_${RUN_ID}`
const EXPERT_NAME = `测试专家${RUN_ID.slice(-6)}`
/** New sign-ins need at least 8 characters (the demo accounts' demo123 is shorter). */
const NEW_PASSWORD = 'e2e-pass-2026'
const WINDOW_TITLE = `2026 年度中小学教师中级职称申报 e2e ${RUN_ID}`
const POOL_YEAR = 2026

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const text = async (l: Locator) => squash(await l.innerText())

/** Signs in with a given password (signIn in lib.ts knows only the demo password). */
async function signInWith(page: Page, username: string, password: string, expect: { path: string; role: string }) {
  await page.goto(`${BASE_URL}/sign-in`)
  const signOut = byTestId(page, 'sign-out')
  if (await signOut.isVisible().catch(() => false)) {
    await signOut.click()
    await page.waitForURL(/\/sign-in/, { timeout: TIMEOUT })
  }
  await byTestId(page, 'sign-in-form').waitFor({ timeout: TIMEOUT })
  await field(page, 'sign-in-username').fill(username)
  await field(page, 'sign-in-password').fill(password)
  await byTestId(page, 'sign-in-submit').click()
  await page.waitForURL((u) => u.pathname.startsWith(expect.path), { timeout: TIMEOUT }).catch(async () =>
    fail(`sign-in as "${username}" did not reach ${expect.path} (now at ${page.url()}) ${await visibleProblems(page)}`.trim()),
  )
  const role = await byTestId(page, 'current-user').getAttribute('data-role', { timeout: TIMEOUT })
  if (role !== expect.role) fail(`"${username}" signed in with role ${role}, not ${expect.role}`)
  log(`    signed in as ${username} (role ${role})`)
}

/**
 * Opens an Element Plus select, clicks the visible option with this text and checks the select now shows it
 * (a click while the dropdown still opens, or while its options load, can miss: then it tries again).
 */
async function pick(page: Page, select: Locator, label: string | RegExp, what: string) {
  const shows = async () => {
    const t = squash(await select.innerText().catch(() => ''))
    return typeof label === 'string' ? t.includes(label) : label.test(t)
  }
  for (let attempt = 1; attempt <= 3; attempt++) {
    await select.click()
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: label }).first()
    await option.waitFor({ timeout: TIMEOUT }).catch(async () => {
      const offered = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
      fail(`${what}: no option "${label}" among [${offered.map(squash).join(' | ')}]`)
    })
    await option.click()
    for (let i = 0; i < 10; i++) {
      if (await shows()) return
      await page.waitForTimeout(100)
    }
    log(`    (${what}: "${label}" did not take, choosing again)`)
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined)
  }
  fail(`${what}: chose "${label}" three times, but the select shows "${squash(await select.innerText())}"`)
}

/** Types a date (or date and time) into an Element Plus picker wrapped in a test id, and confirms it. */
async function fillDate(page: Page, id: string, value: string) {
  // No Escape to close the panel: it would close the dialog the picker is in.
  const input = field(page, id)
  await input.fill(value)
  await input.press('Enter')
}

/** An instant as the picker's "YYYY-MM-DD HH:mm:ss" in China's time, the browser's time zone (runScenario sets it). */
function pickerDateTime(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant)
}

/** The server's clock (settable in the local server), which decides whether a window is open (R1). */
async function serverClock(): Promise<Date> {
  return (await serverNow()) ?? fail(`GET ${BASE_URL}/api/dev/clock gave no time: start the server with ZHICHENG_CLOCK_SETTABLE=true`)
}

/** The table row (tr) holding an element matched by `inner`. */
function rowOf(page: Page, inner: string): Locator {
  return page.locator('tr', { has: page.locator(inner) })
}

async function openTab(page: Page, name: string) {
  await byTestId(page, `setup-tab-${name}`).click()
  await byTestId(page, `setup-${name}`).waitFor({ timeout: TIMEOUT }).catch(() => fail(`the ${name} tab did not open`))
}

/** Chooses this run's committee in the set-up page's committee picker. */
async function chooseCommittee(page: Page) {
  await pick(page, byTestId(page, 'setup-committee'), CODE, 'committee picker')
}

async function run(page: Page): Promise<void> {
  await step('HR bureau signs in and opens the set-up page', async () => {
    await signInWith(page, 'hrbureau', PASSWORD, { path: '/work', role: 'HR_BUREAU' })
    const nav = byTestId(page, 'nav-setup')
    await nav.waitFor({ timeout: TIMEOUT }).catch(() => fail('no set-up link in the header for HR_BUREAU'))
    await nav.click()
    await page.waitForURL((u) => u.pathname === '/setup', { timeout: TIMEOUT })
    await page
      .locator('[data-testid="committee-row"][data-code="WF-ENG-MID"]')
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`the demo committee WF-ENG-MID is not listed ${await visibleProblems(page)}`))
  })

  await step(`creates committee ${CODE} (中小学教师, 中级, 潍坊市, 5 members)`, async () => {
    await byTestId(page, 'committee-add').click()
    const dialog = byTestId(page, 'committee-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    await field(page, 'committee-code').fill(CODE)
    await field(page, 'committee-name').fill(COMMITTEE_NAME)
    await pick(page, byTestId(page, 'committee-series'), '中小学教师', 'committee series')
    await byTestId(page, 'committee-level-INTERMEDIATE').click()
    await field(page, 'committee-jurisdiction').fill('潍坊市')
    await field(page, 'committee-organiser').fill('潍坊市人力资源和社会保障局')
    await field(page, 'committee-member-count').fill('5')
    await field(page, 'committee-member-count').press('Tab')
    await byTestId(page, 'committee-save').click()
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(async () =>
      fail(`the committee dialog stayed open: ${await visibleProblems(page)}`),
    )
    const row = rowOf(page, `[data-testid="committee-row"][data-code="${CODE}"]`)
    await row.waitFor({ timeout: TIMEOUT }).catch(() => fail(`${CODE} is not listed after saving`))
    const shown = await text(row)
    for (const want of [COMMITTEE_NAME, '中小学教师', '中级', '潍坊市', '潍坊市人力资源和社会保障局']) {
      if (!shown.includes(want)) fail(`the new committee's row "${shown}" does not show "${want}"`)
    }
    const cells = await row.locator('td').allInnerTexts()
    if (!cells.map(squash).includes('5')) fail(`the new committee's row shows no member count 5: [${cells.join(' | ')}]`)
  })

  await step('edits the committee: member count 5 → 9', async () => {
    await page.locator(`[data-testid="committee-edit"]`).nth(await committeeIndex(page)).click()
    const dialog = byTestId(page, 'committee-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    const code = await field(page, 'committee-code').inputValue()
    if (code !== CODE) fail(`the edit dialog opened ${code}, not ${CODE}`)
    await field(page, 'committee-member-count').fill('9')
    await field(page, 'committee-member-count').press('Tab')
    await byTestId(page, 'committee-save').click()
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(async () =>
      fail(`the edit dialog stayed open: ${await visibleProblems(page)}`),
    )
    const row = rowOf(page, `[data-testid="committee-row"][data-code="${CODE}"]`)
    await page
      .waitForFunction(
        (code) => {
          const span = document.querySelector(`[data-testid="committee-row"][data-code="${code}"]`)
          const cells = Array.from(span?.closest('tr')?.querySelectorAll('td') ?? [], (td) => td.textContent?.trim())
          return cells.includes('9')
        },
        CODE,
        { timeout: TIMEOUT },
      )
      .catch(async () => fail(`after the edit the row shows "${await text(row)}", not member count 9`))
  })

  await step('adds an office sign-in for the committee', async () => {
    await openTab(page, 'staff')
    await chooseCommittee(page)
    await field(page, 'staff-username').fill(OFFICE_USER)
    await field(page, 'staff-display-name').fill(`办事员${RUN_ID.slice(-4)}`)
    await field(page, 'staff-password').fill(NEW_PASSWORD)
    await byTestId(page, 'staff-add').click()
    await page
      .locator(`[data-testid="staff-row"][data-username="${OFFICE_USER}"]`)
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`${OFFICE_USER} is not listed as staff ${await visibleProblems(page)}`))
  })

  let opensAt = new Date()
  await step('opens a submission window from now for a month and sees it open (R1)', async () => {
    await openTab(page, 'windows')
    await chooseCommittee(page)
    const now = await serverClock()
    opensAt = new Date(now.getTime() - 60 * 60 * 1000) // an hour ago, so it is open by the server's clock
    const closesAt = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000)
    await byTestId(page, 'window-add').click()
    const dialog = byTestId(page, 'window-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    const series = await text(byTestId(page, 'window-series'))
    if (!series.includes('中小学教师')) fail(`the new window's series is "${series}", not the committee's 中小学教师`)
    await field(page, 'window-title').fill(WINDOW_TITLE)
    await fillDate(page, 'window-opens-at', pickerDateTime(opensAt))
    await fillDate(page, 'window-closes-at', pickerDateTime(closesAt))
    await byTestId(page, 'window-save').click()
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(async () =>
      fail(`the window dialog stayed open: ${await visibleProblems(page)}`),
    )
    const row = rowOf(page, '[data-testid="window-row"]').filter({ hasText: WINDOW_TITLE })
    await row.waitFor({ timeout: TIMEOUT }).catch(() => fail(`the window "${WINDOW_TITLE}" is not listed`))
    const status = await byTestId(row, 'window-status').getAttribute('data-status')
    if (status !== 'OPEN') fail(`the new window shows status ${status} ("${await text(row)}"), not OPEN`)
    log(`    ${await text(row)}`)
  })

  await step('an overlapping second window is refused with the R1 message', async () => {
    await byTestId(page, 'window-add').click()
    const dialog = byTestId(page, 'window-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    await field(page, 'window-title').fill(`重叠窗口 e2e ${RUN_ID}`)
    await fillDate(page, 'window-opens-at', pickerDateTime(new Date(opensAt.getTime() + 10 * 86400000)))
    await fillDate(page, 'window-closes-at', pickerDateTime(new Date(opensAt.getTime() + 60 * 86400000)))
    await byTestId(page, 'window-save').click()
    const alert = dialog.locator('[data-testid="problem-alert"]')
    await alert.waitFor({ timeout: TIMEOUT }).catch(() => fail('no refusal shown for an overlapping window'))
    const code = await alert.getAttribute('data-code')
    const shown = await text(alert)
    if (code !== 'WINDOW_OVERLAPS') fail(`the refusal is ${code}: "${shown}", not WINDOW_OVERLAPS`)
    if (!shown.includes('(R1)')) fail(`the refusal "${shown}" does not cite R1`)
    if (!shown.includes(WINDOW_TITLE)) fail(`the refusal "${shown}" does not name the window it overlaps`)
    if (!/[\u4e00-\u9fff]/.test(squash(await alert.locator('.zc-problem-head').innerText())))
      fail(`the refusal's title "${shown}" is not in Chinese`)
    log(`    ${shown}`)
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT })
    const listed = await rowOf(page, '[data-testid="window-row"]').count()
    if (listed !== 1) fail(`${listed} windows listed after the refusal, expected only the first`)
  })

  await step('creates an expert with a sign-in (R9)', async () => {
    await openTab(page, 'experts')
    await field(page, 'expert-name').fill(EXPERT_NAME)
    await field(page, 'expert-specialty').fill('中学数学')
    await pick(page, byTestId(page, 'expert-unit'), '潍坊市电力设计研究院', 'expert unit')
    await field(page, 'expert-username').fill(EXPERT_USER)
    await field(page, 'expert-password').fill(NEW_PASSWORD)
    await byTestId(page, 'expert-add').click()
    const row = rowOf(page, '[data-testid="expert-row"]').filter({ hasText: EXPERT_NAME })
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`${EXPERT_NAME} is not listed ${await visibleProblems(page)}`))
    const shown = await text(row)
    if (!shown.includes(EXPERT_USER) || !shown.includes('潍坊市电力设计研究院')) fail(`the expert's row is "${shown}"`)
  })

  await step(`puts ${EXPERT_NAME} and 陈静 into the committee's ${POOL_YEAR} pool (R9)`, async () => {
    await openTab(page, 'pools')
    await chooseCommittee(page)
    await setPoolYear(page, POOL_YEAR)
    const before = await page.locator('[data-testid="pool-member-row"]').count()
    if (before !== 0) fail(`the new committee's ${POOL_YEAR} pool already has ${before} members`)
    for (const name of [EXPERT_NAME, '陈静']) {
      await pick(page, byTestId(page, 'pool-expert'), name, 'pool expert')
      await byTestId(page, 'pool-add').click()
      await page
        .locator('[data-testid="pool-member-row"]', { hasText: name })
        .waitFor({ timeout: TIMEOUT })
        .catch(async () => fail(`${name} is not in the ${POOL_YEAR} pool after adding ${await visibleProblems(page)}`))
    }
    const row = rowOf(page, '[data-testid="pool-member-row"]').filter({ hasText: EXPERT_NAME })
    const shown = await text(row)
    if (!shown.includes(`${POOL_YEAR + 1}`)) fail(`the member's term "${shown}" does not run into ${POOL_YEAR + 1}`)
    await expectPoolCount(page, 2)
  })

  await step(`copies the ${POOL_YEAR} pool to ${POOL_YEAR + 1} and sees both members there (R9)`, async () => {
    await setPoolYear(page, POOL_YEAR + 1)
    await expectPoolCount(page, 0)
    const copy = byTestId(page, 'pool-copy')
    const from = await copy.getAttribute('data-from-year')
    if (from !== String(POOL_YEAR)) fail(`the copy button copies from ${from}, not ${POOL_YEAR}`)
    await copy.click()
    await page.locator('.el-popconfirm:visible button', { hasText: '确定' }).click()
    for (const name of [EXPERT_NAME, '陈静']) {
      await page
        .locator('[data-testid="pool-member-row"]', { hasText: name })
        .waitFor({ timeout: TIMEOUT })
        .catch(async () => fail(`${name} is not in the ${POOL_YEAR + 1} pool after copying ${await visibleProblems(page)}`))
    }
    await expectPoolCount(page, 2)
  })

  await step('signed out, the public windows page lists the new window as open (R1)', async () => {
    await signOut(page)
    await page.goto(`${BASE_URL}/windows`)
    await byTestId(page, 'public-windows-page').waitFor({ timeout: TIMEOUT })
    const row = rowOf(page, '[data-testid="public-window-row"]').filter({ hasText: WINDOW_TITLE })
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => {
      const titles = await page.locator('[data-testid="public-window-row"]').allInnerTexts()
      fail(`the public page does not list "${WINDOW_TITLE}": [${titles.map(squash).join(' | ')}] ${await visibleProblems(page)}`)
    })
    const shown = await text(row)
    if (!shown.includes(COMMITTEE_NAME) || !shown.includes('中小学教师')) fail(`the public row is "${shown}"`)
    const status = await byTestId(row, 'window-status').getAttribute('data-status')
    if (status !== 'OPEN') fail(`the public row shows ${status}, not OPEN`)
  })

  await step('the new office sign-in lands on its work list as COMMITTEE_OFFICE', async () => {
    await signInWith(page, OFFICE_USER, NEW_PASSWORD, { path: '/work', role: 'COMMITTEE_OFFICE' })
    const work = page.locator('[data-testid="work-page"][data-role="COMMITTEE_OFFICE"]')
    await work.waitFor({ timeout: TIMEOUT }).catch(() => fail("the office's work list did not render"))
    await byTestId(page, 'work-table').waitFor({ timeout: TIMEOUT }).catch(() => fail('the office sees no work table'))
    await page.waitForLoadState('networkidle')
    const rows = await page.locator('[data-testid="work-row"]').count()
    if (rows !== 0) fail(`a new committee's office sees ${rows} applications, expected none`)
    const problems = await visibleProblems(page)
    if (problems) fail(`the office's work list shows a problem: ${problems}`)
  })

  await step('the new expert declares a conflict with 潍坊学院 and sees it listed (R10)', async () => {
    await signInWith(page, EXPERT_USER, NEW_PASSWORD, { path: '/expert/meetings', role: 'EXPERT' })
    await byTestId(page, 'nav-conflicts').click()
    await page.waitForURL((u) => u.pathname === '/expert/conflicts', { timeout: TIMEOUT })
    await byTestId(page, 'conflicts-page').waitFor({ timeout: TIMEOUT })
    const before = await page.locator('[data-testid="conflict-row"]').count()
    if (before !== 0) fail(`a new expert already has ${before} conflicts`)
    await byTestId(page, 'conflict-target-UNIT').click()
    await pick(page, byTestId(page, 'conflict-unit'), '潍坊学院', 'conflict unit')
    await field(page, 'conflict-reason').fill(`曾在该单位任职 e2e ${RUN_ID}`)
    await byTestId(page, 'conflict-submit').click()
    const row = rowOf(page, '[data-testid="conflict-row"]').filter({ hasText: '潍坊学院' })
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the conflict is not listed ${await visibleProblems(page)}`))
    const shown = await text(row)
    if (!shown.includes(`曾在该单位任职 e2e ${RUN_ID}`)) fail(`the conflict row is "${shown}"`)
  })

  await step('a declaration naming no unit is refused with the R10 message', async () => {
    await byTestId(page, 'conflict-target-UNIT').click()
    await field(page, 'conflict-reason').fill('未指明对象')
    await byTestId(page, 'conflict-submit').click()
    const alert = byTestId(page, 'conflict-form').locator('[data-testid="problem-alert"]')
    await alert.waitFor({ timeout: TIMEOUT }).catch(() => fail('no refusal shown for a conflict without a target'))
    const shown = await text(alert)
    const code = await alert.getAttribute('data-code')
    if (code !== 'CONFLICT_TARGET_REQUIRED') fail(`the refusal is ${code}: "${shown}", not CONFLICT_TARGET_REQUIRED`)
    if (!shown.includes('(R10)')) fail(`the refusal "${shown}" does not cite R10`)
    log(`    ${shown}`)
    const listed = await page.locator('[data-testid="conflict-row"]').count()
    if (listed !== 1) fail(`${listed} conflicts listed after the refusal, expected 1`)
  })
}

/** Index of this run's committee among the rows (the edit buttons come in the same order). */
async function committeeIndex(page: Page): Promise<number> {
  const codes = await page
    .locator('[data-testid="committee-row"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''))
  const i = codes.indexOf(CODE)
  if (i < 0) fail(`${CODE} is not among the committees [${codes.join(', ')}]`)
  return i
}

async function setPoolYear(page: Page, year: number) {
  const input = field(page, 'pool-year')
  await input.fill(String(year))
  await input.press('Enter')
  await page
    .locator(`[data-testid="setup-pools"][data-year="${year}"]`)
    .waitFor({ timeout: TIMEOUT })
    .catch(() => fail(`the pool year did not switch to ${year}`))
  await page.waitForTimeout(300) // the pool of the year loads
}

async function expectPoolCount(page: Page, n: number) {
  await page
    .waitForFunction(
      (n) => document.querySelectorAll('[data-testid="pool-member-row"]').length === n,
      n,
      { timeout: TIMEOUT },
    )
    .catch(async () => {
      const names = await page.locator('[data-testid="pool-member-row"]').allInnerTexts()
      fail(`the pool shows [${names.join(', ')}], expected ${n} members`)
    })
  const count = await text(byTestId(page, 'pool-count'))
  if (!count.includes(String(n))) fail(`the pool count says "${count}", expected ${n}`)
}

process.exitCode = await runScenario('setup', run)
