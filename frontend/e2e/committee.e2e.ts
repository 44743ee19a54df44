// The committee route's second half through the real UI (R10–R17):
// office applies for a meeting (first too soon: R11 refusal with the earliest date, then that date) →
// HR approves → office draws and re-checks the draw (R10) → attendance is refused before the day, then
// recorded with a quorum (R12) → an expert votes yes / no / abstain with confirmations → office closes
// and sees the outcomes → office submits the pass list → a senior round above the 50% cap is refused,
// overridden by HR with a reason and submitted (R13) → HR approves and publishes (first too short:
// R15 refusal with the earliest end) → anyone raises an objection on the public notices page → HR answers
// it → filing is refused while the notice runs, then done after it (R15, R16) → HR downloads the Excel
// statistics → office sends the year summary (R17) → the ended notice takes no more objections.
//
// It moves the server clock with PUT /api/dev/clock (the mock's, or the local server's when settable).
// Written against the mock (`npm run build && npm run mock`): seeded ACCEPTED applications, the experts
// expert1/expert2 and a senior round above the cap.
// Run: ZC_BASE_URL=http://localhost:8089 npx tsx e2e/committee.e2e.ts
import type { Locator, Page } from 'playwright-core'
import { join } from 'node:path'
import {
  ARTIFACTS,
  BASE_URL,
  byTestId,
  confirmDialog,
  fail,
  field,
  isoPlusDays,
  loaded,
  log,
  openMeeting,
  openRound,
  runScenario,
  setDate,
  shownDay,
  signIn,
  step,
  TIMEOUT,
  waitState,
} from './lib'

const EXPERT = process.env.ZC_EXPERT_USER ?? 'expert1'

/** A Tuesday well before the R17 year-end dates, so every step of the route fits in the year. */
const START = process.env.ZC_E2E_START ?? '2026-09-01'

/** Moves the server's clock and the browser's together (10:00 in China on that day). */
async function setClock(page: Page, isoDate: string): Promise<void> {
  const now = `${isoDate}T02:00:00Z`
  const res = await page.request.put(`${BASE_URL}/api/dev/clock`, { data: { now } })
  if (!res.ok()) fail(`could not move the server clock to ${isoDate} (HTTP ${res.status()})`)
  await page.clock.setFixedTime(new Date(now))
  log(`    clocks now ${isoDate}`)
}

/** A full-page picture of a step's result in e2e/artifacts/ (for reviewing the pages). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `committee-${name}.png`), fullPage: true }).catch(() => undefined)
}

/** A refusal shown inline: its code and its next step (problemNext.<code>). */
async function expectRefusal(scope: Locator, code: string, nextContains: string): Promise<string> {
  const alert = scope.locator(`[data-testid="problem-alert"][data-code="${code}"]`)
  await alert.waitFor({ timeout: TIMEOUT }).catch(() => fail(`no ${code} refusal shown`))
  const next = (await byTestId(alert, 'problem-next').innerText()).trim()
  if (!next.includes(nextContains)) fail(`the ${code} next step "${next}" does not mention ${nextContains}`)
  log(`    refused ${code}: ${next}`)
  return next
}

async function run(page: Page): Promise<void> {
  await setClock(page, START)
  let today = START
  let meetingId = ''
  let meetingDate = ''
  let roundId = ''
  const agenda: string[] = []

  await step('office applies for a meeting; too soon is refused with the earliest date (R11)', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await byTestId(page, 'nav-meetings').click()
    await loaded(page, 'meetings-page')
    await byTestId(page, 'meeting-apply').click()
    const dialog = byTestId(page, 'meeting-apply-dialog')
    await dialog.waitFor()
    await byTestId(dialog, 'meeting-apply-agenda-item').first().waitFor({ timeout: TIMEOUT }).catch(() => fail('no accepted applications to pick'))
    await byTestId(dialog, 'meeting-apply-agenda-all').click()
    for (const id of await byTestId(dialog, 'meeting-apply-agenda-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-app-id') ?? ''))) agenda.push(id)
    await field(dialog, 'meeting-apply-venue').fill('潍坊市人社局三楼会议室')
    await field(dialog, 'meeting-apply-plan').fill('上午审阅材料，下午答辩与投票。')
    await setDate(page, 'meeting-apply-date', isoPlusDays(today, 1))
    await byTestId(dialog, 'meeting-apply-confirm').click()
    await expectRefusal(dialog, 'MEETING_TOO_SOON', 'R11')
    await byTestId(dialog, 'meeting-apply-use-earliest').click()
    meetingDate = (await byTestId(dialog, 'meeting-apply-date').getAttribute('data-value')) ?? ''
    await byTestId(dialog, 'meeting-apply-confirm').click()
    await page.waitForURL(/\/meetings\/[^/]+$/, { timeout: TIMEOUT })
    await waitState(page, 'meeting-page', 'REQUESTED')
    meetingId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
    log(`    meeting ${meetingId} on ${meetingDate}, agenda ${agenda.length}`)
  })

  await step('HR approves the meeting', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await openMeeting(page, meetingId)
    await byTestId(page, 'meeting-approve').click()
    await field(page, 'meeting-decision-note').fill('同意按工作方案召开。')
    await byTestId(page, 'meeting-decision-confirm').click()
    await waitState(page, 'meeting-page', 'APPROVED')
  })

  await step('office draws the experts and re-checks the draw (R10)', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await openMeeting(page, meetingId)
    await byTestId(page, 'meeting-draw').click()
    await confirmDialog(page, 'meeting-draw-dialog')
    await waitState(page, 'meeting-page', 'DRAWN')
    const ranks = await byTestId(page, 'meeting-expert-row').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))))
    if (!ranks.length || ranks.some((r, i) => r !== i + 1)) fail(`experts are not in draw order: ${ranks.join(',')}`)
    const recused = await byTestId(page, 'meeting-recused-row').count()
    const seed = (await byTestId(page, 'meeting-draw-seed').innerText()).trim()
    if (!seed) fail('no seed shown')
    await byTestId(page, 'meeting-draw-verify').click()
    await page.locator('[data-testid="meeting-draw-verify-result"][data-matches="true"]').waitFor({ timeout: TIMEOUT }).catch(() => fail('the re-check did not match'))
    log(`    ${ranks.length} drawn, ${recused} recused, seed ${seed.slice(0, 8)}…, re-check ✓`)
    await shot(page, 'meeting-drawn')
  })

  await step('attendance is refused before the meeting day, then recorded with a quorum (R12)', async () => {
    const card = byTestId(page, 'meeting-attendance-card')
    await card.waitFor()
    await byTestId(card, 'meeting-attendance-early').waitFor({ timeout: TIMEOUT }).catch(() => fail('no "before the meeting day" warning'))
    const items = byTestId(card, 'meeting-attendance-item')
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-expert-id') ?? ''))
    const quorum = Number(await byTestId(card, 'meeting-attendance-summary').getAttribute('data-quorum'))
    // Tick the quorum exactly: the signed-in experts first, then others in draw order.
    const pick = [...ids.filter((i) => i === 'e1' || i === 'e2'), ...ids.filter((i) => i !== 'e1' && i !== 'e2')].slice(0, quorum)
    for (const id of pick) await card.locator(`[data-testid="meeting-attendance-item"][data-expert-id="${id}"]`).click()
    await card.locator(`[data-testid="meeting-attendance-summary"][data-quorate="true"][data-present="${quorum}"]`).waitFor({ timeout: TIMEOUT })
    await byTestId(card, 'meeting-attendance-submit').click()
    await confirmDialog(page, 'meeting-attendance-confirm')
    await expectRefusal(byTestId(page, 'meeting-attendance-confirm'), 'MEETING_NOT_STARTED', 'R12')
    await byTestId(page, 'meeting-attendance-confirm-cancel').click()
    await setClock(page, meetingDate)
    today = meetingDate
    await byTestId(card, 'meeting-attendance-submit').click()
    await confirmDialog(page, 'meeting-attendance-confirm')
    await waitState(page, 'meeting-page', 'VOTING')
    log(`    ${quorum} of ${ids.length} present (quorum ${quorum})`)
  })

  await step('the expert votes yes / no / abstain, each confirmed; votes are final (R12)', async () => {
    await signIn(page, EXPERT, { role: 'EXPERT' })
    await byTestId(page, 'nav-expert-meetings').click()
    await loaded(page, 'expert-meetings-page')
    await page.locator(`[data-testid="expert-meeting-open"][data-id="${meetingId}"]`).click()
    await loaded(page, 'expert-meeting-page', '[data-state="VOTING"]')
    const choices = ['YES', 'NO', 'ABSTAIN']
    for (const [i, appId] of agenda.entries()) {
      const choice = choices[i % 3]
      await page.locator(`[data-testid="expert-vote"][data-app-id="${appId}"][data-choice="${choice}"]`).click()
      await confirmDialog(page, 'expert-vote-dialog')
      await page.locator(`[data-testid="expert-agenda-row"][data-app-id="${appId}"][data-my-vote="${choice}"]`).waitFor({ timeout: TIMEOUT })
    }
    await page.locator('[data-testid="expert-meeting-page"][data-remaining="0"]').waitFor({ timeout: TIMEOUT })
    if (await byTestId(page, 'expert-vote').count()) fail('vote buttons are still offered after voting')
    await shot(page, 'expert-voted')
  })

  await step('office closes the meeting and sees the tallies and outcomes (R12)', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await openMeeting(page, meetingId)
    await byTestId(page, 'meeting-close').click()
    await confirmDialog(page, 'meeting-close-dialog')
    await waitState(page, 'meeting-page', 'CLOSED')
    const outcomes = await byTestId(page, 'meeting-agenda-row').evaluateAll((els) => els.map((e) => `${e.textContent}:${e.getAttribute('data-outcome')}`))
    if (outcomes.some((o) => !/:(PASS|FAIL)$/.test(o))) fail(`outcomes missing: ${outcomes.join(', ')}`)
    log(`    ${outcomes.join(', ')}`)
    await shot(page, 'meeting-closed')
  })

  await step('office submits the pass list (R14)', async () => {
    await byTestId(page, 'meeting-round-link').click()
    await loaded(page, 'round-page')
    roundId = (await byTestId(page, 'round-page').getAttribute('data-id')) ?? ''
    await waitState(page, 'round-page', 'OPEN')
    await byTestId(page, 'round-submit-pass-list').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await waitState(page, 'round-page', 'PASS_LIST_SUBMITTED')
  })

  await step('a senior round above the 50% cap is refused, overridden by HR with a reason, then submitted (R13)', async () => {
    const senior = 'r-senior'
    await openRound(page, senior)
    await page.locator('[data-testid="round-senior"][data-status="EXCEEDED"]').waitFor({ timeout: TIMEOUT })
    await byTestId(page, 'round-submit-pass-list').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await expectRefusal(byTestId(page, 'round-confirm-dialog'), 'SENIOR_PASS_RATE_EXCEEDED', '75%')
    await byTestId(page, 'round-confirm-dialog-cancel').click()
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await openRound(page, senior)
    await byTestId(page, 'round-senior-override').click()
    await field(page, 'round-override-reason').fill('太短')
    await byTestId(page, 'round-override-confirm').click()
    await byTestId(page, 'round-override-short').waitFor({ timeout: TIMEOUT })
    await field(page, 'round-override-reason').fill('本专业高级人才紧缺，经评委会复核后同意本批次突破通过率上限。')
    await byTestId(page, 'round-override-confirm').click()
    await page.locator('[data-testid="round-senior"][data-status="OVERRIDDEN"]').waitFor({ timeout: TIMEOUT })
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await openRound(page, senior)
    await byTestId(page, 'round-submit-pass-list').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await waitState(page, 'round-page', 'PASS_LIST_SUBMITTED')
  })

  await step('HR approves the pass list and publishes it; too short a notice is refused (R14, R15)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await openRound(page, roundId)
    await byTestId(page, 'round-approve').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await waitState(page, 'round-page', 'APPROVED')
    await byTestId(page, 'round-publish').click()
    const dialog = byTestId(page, 'round-publish-dialog')
    await dialog.waitFor()
    await setDate(page, 'round-publish-end', isoPlusDays(today, 1))
    await byTestId(dialog, 'round-publish-confirm').click()
    await expectRefusal(dialog, 'NOTICE_TOO_SHORT', 'R15')
    await byTestId(dialog, 'round-publish-use-earliest').click()
    await byTestId(dialog, 'round-publish-confirm').click()
    await waitState(page, 'round-page', 'NOTICE')
  })

  let noticeEnds = ''
  await step('anyone raises an objection on the public notices page, without signing in (R15)', async () => {
    await byTestId(page, 'sign-out').click()
    await page.waitForURL(/\/sign-in/, { timeout: TIMEOUT })
    await byTestId(page, 'notices-link').click()
    await loaded(page, 'notices-page')
    const card = page.locator(`[data-testid="notice-card"][data-round-id="${roundId}"][data-running="true"]`)
    await card.waitFor({ timeout: TIMEOUT }).catch(() => fail('the notice is not shown as running'))
    noticeEnds = (await byTestId(card, 'notice-period').getAttribute('data-end')) ?? ''
    const entry = await byTestId(card, 'notice-entry').first().getAttribute('data-app-id')
    await card.locator(`[data-testid="notice-object"][data-app-id="${entry}"]`).click()
    const dialog = byTestId(page, 'notice-objection-dialog')
    await field(dialog, 'notice-objection-name').fill('李群众')
    await field(dialog, 'notice-objection-contact').fill('13800000000')
    await field(dialog, 'notice-objection-content').fill('该同志业绩材料中的项目获奖情况与实际不符。')
    await byTestId(dialog, 'notice-objection-confirm').click()
    await card.locator(`[data-testid="notice-objection-sent"][data-app-id="${entry}"]`).waitFor({ timeout: TIMEOUT })
    await shot(page, 'notices-running')
  })

  await step('HR answers the objection with a decision and an explanation (R15)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await openRound(page, roundId)
    await byTestId(page, 'round-objection-decide').first().click()
    const dialog = byTestId(page, 'round-objection-dialog')
    await byTestId(dialog, 'round-objection-dismissed').click()
    await field(dialog, 'round-objection-explanation').fill('经核查，获奖证书与评审材料一致，异议不成立。')
    await byTestId(dialog, 'round-objection-confirm').click()
    await page.locator('[data-testid="round-objection-row"][data-decision="DISMISSED"]').waitFor({ timeout: TIMEOUT })
    await shot(page, 'round-objection-answered')
  })

  await step('filing is refused while the notice runs, done after it; the Excel statistics download (R15, R16)', async () => {
    await byTestId(page, 'round-file').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await expectRefusal(byTestId(page, 'round-confirm-dialog'), 'NOTICE_RUNNING', shownDay(noticeEnds))
    await byTestId(page, 'round-confirm-dialog-cancel').click()
    await setClock(page, isoPlusDays(noticeEnds, 1))
    await byTestId(page, 'round-refresh').click()
    await byTestId(page, 'round-file').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await waitState(page, 'round-page', 'FILED')
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), byTestId(page, 'round-download').click()])
    const name = download.suggestedFilename()
    if (!name.endsWith('.xlsx')) fail(`downloaded "${name}", not an .xlsx`)
    log(`    downloaded ${name}`)
  })

  await step('office sends the year summary (R17)', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await openRound(page, roundId)
    await byTestId(page, 'round-summary').click()
    await field(page, 'round-summary-input').fill('本年度共召开评审会议 1 次，评审 3 人。')
    await byTestId(page, 'round-summary-confirm').click()
    await byTestId(page, 'round-summary-text').waitFor({ timeout: TIMEOUT })
  })

  await step('the ended notice takes no more objections', async () => {
    await page.goto(`${BASE_URL}/notices`)
    await loaded(page, 'notices-page')
    const card = page.locator(`[data-testid="notice-card"][data-round-id="${roundId}"][data-running="false"]`)
    await card.waitFor({ timeout: TIMEOUT }).catch(() => fail('the notice is still shown as running'))
    await byTestId(card, 'notice-ended').waitFor()
    if (await byTestId(card, 'notice-object').count()) fail('an ended notice still offers the objection button')
  })
}

process.exitCode = await runScenario('committee', run)
