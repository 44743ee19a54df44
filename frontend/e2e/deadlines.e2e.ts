// Deadlines (R32), notifications and scheduled jobs through the real UI:
// the HR bureau opens /deadlines from the header (期限), sees the notifications bell with its unread
// count, runs the job "mark-overdue" with "run now" and sees this run's row reach SUCCEEDED;
// then the committee office signs in and sees the deadlines page render (its rows, or the empty state
// when the demo data has no deadlines for it), without the waive buttons or the jobs card.
//
// Independent of what other browser tests leave behind: it tells this run's job row from earlier ones
// by the rows' ids, and accepts any number of deadlines (including none).
// Run: ZC_BASE_URL=http://localhost:8080 npx tsx e2e/deadlines.e2e.ts
// Prints "1 passed, 0 failed" or "0 passed, 1 failed"; on failure saves a screenshot in e2e/artifacts/.
import type { Locator, Page } from 'playwright-core'
import { byTestId, fail, log, runScenario, signIn, step, TIMEOUT, visibleProblems } from './lib'

const RUN_TIMEOUT = Math.max(TIMEOUT, 30000)

/** Open /deadlines from the header link and wait until the list has loaded. */
async function openDeadlines(page: Page): Promise<Locator> {
  const nav = byTestId(page, 'nav-deadlines')
  await nav.waitFor({ timeout: TIMEOUT }).catch(() => fail('no "期限" link in the header'))
  if ((await nav.innerText()).trim() !== '期限') fail(`the header link says "${(await nav.innerText()).trim()}", not 期限`)
  await nav.click()
  await page.waitForURL((u) => u.pathname === '/deadlines', { timeout: TIMEOUT })
  const pageEl = page.locator('[data-testid="deadlines-page"][data-loaded="true"]')
  await pageEl.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the deadlines page did not load ${await visibleProblems(page)}`))
  return pageEl
}

/** "3 rows: PASS_LIST/OVERDUE, …" or the empty state, for the log. */
async function deadlineSummary(page: Page): Promise<string> {
  const rows = await page.locator('[data-testid="deadline-row"]').evaluateAll((els) =>
    els.map(
      (e) =>
        `${e.getAttribute('data-section')}:${e.getAttribute('data-kind')}/${e.getAttribute('data-state')}${e.getAttribute('data-provisional') === 'true' ? '(暂定)' : ''}`,
    ),
  )
  if (rows.length) return `${rows.length} rows: ${rows.join(', ')}`
  const empty = byTestId(page, 'deadlines-empty')
  return (await empty.isVisible().catch(() => false)) ? `empty state "${(await empty.innerText()).trim()}"` : 'no rows and no empty state'
}

/** Every row carries its kind, state and provisional flag; overdue rows sit in the overdue section. */
async function checkRows(page: Page): Promise<void> {
  const attrs = await page.locator('[data-testid="deadline-row"]').evaluateAll((els) =>
    els.map((e) => ({
      kind: e.getAttribute('data-kind') ?? '',
      state: e.getAttribute('data-state') ?? '',
      provisional: e.getAttribute('data-provisional') ?? '',
      section: e.getAttribute('data-section') ?? '',
      text: (e.textContent ?? '').trim(),
    })),
  )
  for (const a of attrs) {
    if (!a.kind || !a.state) fail(`a deadline row lacks data-kind or data-state: ${JSON.stringify(a)}`)
    if (a.provisional !== 'true' && a.provisional !== 'false') fail(`a deadline row has data-provisional="${a.provisional}"`)
    if (!a.text) fail(`a deadline row has no title: ${JSON.stringify(a)}`)
    if (a.state === 'OVERDUE' && a.section !== 'overdue') fail(`an OVERDUE deadline is listed under "${a.section}"`)
  }
  if (!attrs.length) {
    await byTestId(page, 'deadlines-empty')
      .waitFor({ timeout: TIMEOUT })
      .catch(() => fail('no deadline rows and no empty state'))
  }
}

async function bellUnread(page: Page): Promise<string> {
  const bell = byTestId(page, 'notifications-bell')
  await bell.waitFor({ timeout: TIMEOUT }).catch(() => fail('no notifications bell in the header'))
  const unread = await bell.getAttribute('data-unread')
  if (unread === null || !/^\d+$/.test(unread)) fail(`the bell has data-unread="${unread}"`)
  return unread
}

async function runIds(page: Page, job: string): Promise<Set<string>> {
  const ids = await page
    .locator(`[data-testid="job-run-row"][data-job="${job}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''))
  return new Set(ids)
}

async function run(page: Page): Promise<void> {
  await step('HR bureau signs in and opens 期限 from the header', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    const unread = await bellUnread(page)
    await openDeadlines(page)
    await checkRows(page)
    await byTestId(page, 'jobs-card').waitFor({ timeout: TIMEOUT }).catch(() => fail('HR_BUREAU sees no scheduled-jobs card'))
    log(`    ${await deadlineSummary(page)}; bell unread=${unread}`)
  })

  await step('the notifications bell opens the list', async () => {
    await byTestId(page, 'notifications-bell').click()
    const drawer = page.locator('.el-drawer:visible')
    await drawer.waitFor({ timeout: TIMEOUT }).catch(() => fail('the notifications list did not open'))
    const items = await byTestId(page, 'notification-item').count()
    if (!items) {
      await byTestId(page, 'notifications-empty')
        .waitFor({ timeout: TIMEOUT })
        .catch(() => fail('no notification items and no empty state'))
    }
    log(`    ${items} notification(s)`)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined)
  })

  await step('"run now" of mark-overdue adds a run that SUCCEEDED', async () => {
    // Let the card load its runs, so earlier runs are known and not mistaken for this one.
    await page
      .locator('[data-testid="jobs-table"] .el-loading-mask')
      .waitFor({ state: 'hidden', timeout: TIMEOUT })
      .catch(() => undefined)
    const before = await runIds(page, 'mark-overdue')
    await byTestId(page, 'jobs-run-select').click()
    const option = page.locator('.el-select-dropdown__item:visible[data-job="mark-overdue"]').first()
    await option.waitFor({ timeout: TIMEOUT }).catch(async () => {
      const seen = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
      fail(`mark-overdue is not offered; options: [${seen.join(', ')}]`)
    })
    await option.click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .first()
      .waitFor({ state: 'hidden', timeout: TIMEOUT })
      .catch(() => undefined)
    const chosen = await byTestId(page, 'jobs-run-select').getAttribute('data-job')
    if (chosen !== 'mark-overdue') fail(`the select holds "${chosen}", not mark-overdue`)
    await byTestId(page, 'jobs-run-submit').click()

    const started = Date.now()
    let fresh: { id: string; status: string; text: string }[] = []
    while (Date.now() - started < RUN_TIMEOUT) {
      const rows = await page.locator('[data-testid="job-run-row"][data-job="mark-overdue"]').evaluateAll((els) =>
        els.map((e) => ({ id: e.getAttribute('data-id') ?? '', status: e.getAttribute('data-status') ?? '', text: (e.textContent ?? '').trim() })),
      )
      fresh = rows.filter((r) => !before.has(r.id))
      if (fresh.some((r) => r.status === 'SUCCEEDED' || r.status === 'FAILED')) break
      // The card refreshes by itself while a run is RUNNING; on a slow server, ask again.
      if (Date.now() - started > 10000) await byTestId(page, 'jobs-refresh').click().catch(() => undefined)
      await page.waitForTimeout(500)
    }
    const problemText = await visibleProblems(page)
    if (!fresh.length) fail(`no new mark-overdue run row appeared ${problemText}`.trim())
    const done = fresh.find((r) => r.status === 'SUCCEEDED')
    if (!done) {
      const err = await page.locator(`[data-testid="job-run-row"][data-id="${fresh[0].id}"]`).locator('xpath=ancestor::tr').innerText().catch(() => '')
      fail(`this run of mark-overdue is ${fresh.map((r) => r.status).join('/')}, not SUCCEEDED: ${err.replace(/\s+/g, ' ')} ${problemText}`.trim())
    }
    const row = page.locator(`[data-testid="job-run-row"][data-id="${done.id}"]`).locator('xpath=ancestor::tr')
    log(`    run ${done.id}: ${(await row.innerText()).replace(/\s+/g, ' ').trim()}`)
    // The page reloads the deadlines after a run: whatever mark-overdue changed is in the overdue section.
    await checkRows(page)
    log(`    after the run: ${await deadlineSummary(page)}`)
  })

  await step('the committee office sees the deadlines page render', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await bellUnread(page)
    const pageEl = await openDeadlines(page)
    if ((await pageEl.getAttribute('data-role')) !== 'COMMITTEE_OFFICE') fail('the page does not know the role')
    await checkRows(page)
    if (await byTestId(page, 'deadline-waive').count()) fail('COMMITTEE_OFFICE is offered "waive" (HR_BUREAU only)')
    if (await byTestId(page, 'jobs-card').count()) fail('COMMITTEE_OFFICE sees the scheduled-jobs card (HR_BUREAU only)')
    log(`    ${await deadlineSummary(page)}`)
  })
}

process.exitCode = await runScenario('deadlines', run)
