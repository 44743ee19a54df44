// The working-day calendar (R32) through the real UI, as the HR bureau:
// opens /calendar from the header, sees 2026 with its National Day (国庆节) entries, counts
// 10 working days from 2026-09-28 (→ 2026-10-16, with the explanation), imports a file with a
// WORKDAY on a weekday and sees the line error listed, then imports a valid 2099 file and sees
// 2099 listed as published with this run's entry.
//
// Depends only on the demo seed (the 2026 schedule); re-runs replace 2099 with a fresh unique entry.
// Run: ZC_BASE_URL=http://localhost:8080 npm run e2e:calendar
// Prints "1 passed, 0 failed" or "0 passed, 1 failed"; on failure saves a screenshot in e2e/artifacts/.
import type { Locator, Page } from 'playwright-core'
import { byTestId, fail, field, log, RUN_ID, runScenario, signIn, step, TIMEOUT, visibleProblems } from './lib'

function yearOption(page: Page, year: number): Locator {
  return page.locator(`[data-testid="calendar-year-option"][data-year="${year}"]`)
}

/** Select a year and wait until its entries are shown. */
async function selectYear(page: Page, year: number): Promise<void> {
  const option = yearOption(page, year)
  await option.waitFor({ timeout: TIMEOUT }).catch(async () => {
    const listed = await page
      .locator('[data-testid="calendar-year-option"]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-year')}:${e.getAttribute('data-published')}`))
    fail(`year ${year} is not offered (years: [${listed.join(', ')}]) ${await visibleProblems(page)}`)
  })
  await option.click()
  await page
    .locator(`[data-testid="calendar-year-status"][data-year="${year}"]`)
    .waitFor({ timeout: TIMEOUT })
    .catch(() => fail(`selecting ${year} did not switch the page to it`))
}

function rows(page: Page): Locator {
  return page.locator('[data-testid="calendar-row"]')
}

async function rowSummary(page: Page): Promise<string> {
  const list = await rows(page).evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('data-date')} ${e.getAttribute('data-kind')} ${(e.textContent ?? '').trim().slice(0, 30)}`),
  )
  return list.slice(0, 12).join('; ')
}

/** Hand the hidden file input a CSV file, as if chosen in the dialog. */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  await byTestId(page, 'calendar-import-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
}

async function run(page: Page): Promise<void> {
  await step('HR bureau signs in and opens the calendar from the header', async () => {
    await signIn(page, 'hrbureau', { path: '/work', role: 'HR_BUREAU' })
    const nav = byTestId(page, 'nav-calendar')
    await nav.waitFor({ timeout: TIMEOUT }).catch(() => fail('no "工作日历" link in the header for HR_BUREAU'))
    await nav.click()
    await page.waitForURL((u) => u.pathname === '/calendar', { timeout: TIMEOUT })
    const pageEl = byTestId(page, 'calendar-page')
    await pageEl.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the calendar page did not render ${await visibleProblems(page)}`))
    if ((await pageEl.getAttribute('data-can-edit')) !== 'true') fail('HR_BUREAU sees no editing controls')
    await byTestId(page, 'calendar-add').waitFor({ timeout: TIMEOUT }).catch(() => fail('no "add entry" button'))
  })

  await step('2026 is listed and shows the National Day (国庆节) entries', async () => {
    await selectYear(page, 2026)
    const holiday = page.locator('[data-testid="calendar-row"][data-date="2026-10-01"][data-kind="HOLIDAY"]')
    await holiday.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no HOLIDAY on 2026-10-01; rows: ${await rowSummary(page)}`))
    if (!(await holiday.innerText()).includes('国庆')) fail(`2026-10-01 is "${(await holiday.innerText()).trim()}", not 国庆节`)
    const national = await rows(page).filter({ hasText: '国庆' }).count()
    if (national < 2) fail(`only ${national} 国庆 entries in 2026; rows: ${await rowSummary(page)}`)
    const adjusted = page.locator('[data-testid="calendar-row"][data-kind="WORKDAY"][data-date^="2026-10-"]')
    if (!(await adjusted.count())) fail(`no adjusted working day (WORKDAY) in October 2026; rows: ${await rowSummary(page)}`)
    const status = byTestId(page, 'calendar-year-status')
    log(`    2026: ${national} 国庆 entries, published=${await status.getAttribute('data-published')}`)
  })

  await step('the deadline calculator counts 10 working days from 2026-09-28 → 2026-10-16', async () => {
    const from = field(page, 'calc-from')
    await from.click()
    await from.fill('2026-09-28')
    await from.press('Enter')
    const days = field(page, 'calc-days')
    await days.fill('10')
    await days.press('Tab')
    await page.keyboard.press('Escape').catch(() => undefined) // close the date panel if still open
    await byTestId(page, 'calc-submit').click()
    const result = page.locator('[data-testid="calc-result"][data-due]')
    await result.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no calculator result ${await visibleProblems(page)}`))
    const due = await result.getAttribute('data-due')
    const explanation = (await byTestId(page, 'calc-explanation').innerText()).trim()
    if (due !== '2026-10-16') fail(`due ${due}, expected 2026-10-16 (explanation: "${explanation}")`)
    if (!explanation.includes('2026-10-16')) fail(`the explanation "${explanation}" does not name the due date`)
    if (!/国庆|10-01/.test(explanation)) fail(`the explanation "${explanation}" does not mention the National Day holiday`)
    const provisional = await result.getAttribute('data-provisional')
    if (provisional !== 'true' && provisional !== 'false') fail(`calc-result has data-provisional="${provisional}"`)
    log(`    ${explanation} (provisional=${provisional})`)
  })

  await step('a file with a WORKDAY on a weekday is refused with its line listed', async () => {
    // Line 4 is the bad one: 2099-03-04 is a Wednesday (R32: an adjusted working day must be a weekend day).
    const bad = [
      `# source: e2e 错误文件 ${RUN_ID}`,
      'date,kind,name',
      '2099-01-01,HOLIDAY,元旦',
      `2099-03-04,WORKDAY,错误调休 ${RUN_ID}`,
      '',
    ].join('\n')
    await importFile(page, 'calendar-2099-bad.csv', bad)
    const box = byTestId(page, 'calendar-import-errors')
    await box.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no import errors shown ${await visibleProblems(page)}`))
    const lineErrors = box.locator('[data-testid="calendar-import-error"]')
    await lineErrors.first().waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the refusal lists no line errors: ${(await box.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`),
    )
    const listed = await lineErrors.evaluateAll((els) => els.map((e) => e.getAttribute('data-line') ?? ''))
    const text = (await box.innerText()).replace(/\s+/g, ' ').trim()
    if (!listed.includes('4')) fail(`line 4 (the weekday WORKDAY) is not among the listed lines [${listed.join(', ')}]: ${text.slice(0, 300)}`)
    log(`    listed: ${text.slice(0, 200)}`)
  })

  const uniqueName = `春节调休上班 e2e ${RUN_ID}`
  await step('a valid 2099 file is imported and 2099 is listed as published with its entries', async () => {
    const good = [
      `# source: e2e 2099 节假日安排 ${RUN_ID}`,
      'date,kind,name',
      '2099-01-01,HOLIDAY,元旦',
      `2099-01-03,WORKDAY,${uniqueName}`,
      '',
    ].join('\n')
    await importFile(page, 'calendar-2099.csv', good)
    const ok = page.locator('[data-testid="success-message"]', { hasText: '2099' })
    await ok.first().waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no success message for the import ${await visibleProblems(page)}`))
    log(`    ${(await ok.first().innerText()).trim()}`)
    if (await byTestId(page, 'calendar-import-errors').isVisible().catch(() => false)) fail('the old import errors are still shown')
    const option = yearOption(page, 2099)
    await option.waitFor({ timeout: TIMEOUT }).catch(() => fail('2099 is not listed after the import'))
    await page
      .waitForFunction(
        () => document.querySelector('[data-testid="calendar-year-option"][data-year="2099"]')?.getAttribute('data-published') === 'true',
        undefined,
        { timeout: TIMEOUT },
      )
      .catch(async () => fail(`2099 is listed with published=${await option.getAttribute('data-published')}, not true`))
    await selectYear(page, 2099)
    const mine = page.locator('[data-testid="calendar-row"][data-date="2099-01-03"][data-kind="WORKDAY"]', { hasText: RUN_ID })
    await mine.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`this run's 2099-01-03 entry is not shown; rows: ${await rowSummary(page)}`))
    const count = await rows(page).count()
    if (count !== 2) fail(`2099 has ${count} entries after a 2-entry import (a re-import must replace the year); rows: ${await rowSummary(page)}`)
    if (await byTestId(page, 'calendar-not-published').isVisible().catch(() => false)) fail('2099 still warns "not published"')
  })
}

process.exitCode = await runScenario('calendar', run)
