// The committee route end to end through the real UI, against the real local server (R1–R17, R28):
// applicant applies (PDF upload, pledge R5) → unit reviews (R6), publicity with an objection dismissed, the three
// attachments, a refused early recommendation (R7), then recommends after the publicity (R4) → HR bureau vets (R8)
// → office accepts (R1, R8) → office applies for a meeting (too soon: R11 refusal, then the earliest date) → HR
// approves → office draws (冯丽 recused for her unit, R10) and re-checks the draw → on the day, attendance of 4 of
// 5 and three experts vote yes, each seeing only their own vote (R12) → office closes: PASSED → pass list (R14)
// → HR approves and publishes (R15) → anyone objects on the public notices page → HR answers → filing refused
// during the notice, done after it, Excel statistics (R15, R16) → HR issues the certificate with the publication
// document number (the applicant uploaded the certificate photo before, R27) → the applicant's QR
// decodes to the verify link → VALID, checked in the browser → lookup by number + name → a tampered payload is
// TAMPERED (R28).
//
// The server must run with a settable clock starting on Tue 2026-09-01 (infra/test.sh stage_e2e:
// ZHICHENG_CLOCK_SETTABLE=true ZHICHENG_CLOCK_START=2026-09-01T01:00:00Z) and the demo seed. The journey stays
// in September 2026 (09-01 … 09-23), before the Mid-Autumn and National Day holidays; the seeded official calendar
// makes Sun 09-20 an adjusted working day, so the result notice published on 09-16 ends on Tue 09-22 (R32).
// Run: ZC_BASE_URL=http://localhost:8290 ZC_CHROMIUM=/usr/bin/chromium npx tsx e2e/journey.e2e.ts
// Prints "1 passed, 0 failed" or "0 passed, 1 failed"; on failure saves a screenshot in e2e/artifacts/.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Locator, Page } from 'playwright-core'
import {
  BASE_URL,
  byTestId,
  chooseOption,
  confirmDialog,
  fail,
  freshIdNumber,
  field,
  isoPlusDays,
  loaded,
  log,
  makePdf,
  makePng,
  openMeeting,
  openRound,
  RUN_ID,
  runScenario,
  serverNow,
  setClock,
  setDate,
  shownDay,
  signIn,
  signOut,
  step,
  tamperCompactJws,
  TIMEOUT,
  visibleProblems,
  waitState,
} from './lib'

/** The demo seed's experts with sign-ins, by the name the pages show (R9). */
const EXPERT_ACCOUNTS: Record<string, string> = {
  陈静: 'expert',
  周强: 'expert2',
  吴敏: 'expert3',
  郑涛: 'expert4',
  冯丽: 'expert5',
  韩雪: 'expert6',
  杨帆: 'expert7',
}
/** Works at the applicant's unit (潍坊市电力设计研究院), so the draw must recuse her (R10). */
const SAME_UNIT_EXPERT = '冯丽'

const START = '2026-09-01'
/** 5 working days after the unit review on Tue 09-01 (R7): Wed 2 … Tue 8. */
const PUBLICITY_ENDS = '2026-09-08'
/** A meeting date fewer than 5 working days ahead of the application on 09-09 (R11). */
const TOO_SOON = '2026-09-10'

/** 10:00 in China on that day: every page and the server read the same day. */
function chinaMorning(isoDate: string): string {
  return `${isoDate}T02:00:00Z`
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

// ---------- element helpers ----------

/** A refusal shown inline in `scope`: its code, its rule tag and its next step; returns the alert's text. */
async function expectRefusal(scope: Locator, code: string, rule: string, mentions: string[]): Promise<string> {
  const alert = scope.locator(`[data-testid="problem-alert"][data-code="${code}"]`)
  await alert.waitFor({ timeout: TIMEOUT }).catch(async () => {
    const shown = await scope.locator('[data-testid="problem-alert"]').allInnerTexts().catch(() => [] as string[])
    fail(`no ${code} refusal shown (shown: ${shown.map(squash).join(' | ') || 'nothing'})`)
  })
  const text = squash(await alert.innerText())
  const ruleTag = squash(await byTestId(alert, 'problem-rule').innerText().catch(() => ''))
  if (!ruleTag.includes(rule)) fail(`the ${code} refusal names rule "${ruleTag}", not ${rule}: ${text}`)
  const next = squash(await byTestId(alert, 'problem-next').innerText().catch(() => ''))
  if (!next) fail(`the ${code} refusal says nothing about what to do next: ${text}`)
  for (const m of mentions) if (!text.includes(m)) fail(`the ${code} refusal does not mention ${m}: ${text}`)
  log(`    refused ${code}: ${text}`)
  return text
}

// ---------- applications: work list, application page and the action dialog ----------

function workRow(page: Page, appId: string): Locator {
  return page.locator(`[data-testid="work-row"][data-app-id="${appId}"]`)
}

async function openWorkList(page: Page, appId: string): Promise<Locator> {
  if (new URL(page.url()).pathname !== '/work') await page.goto(`${BASE_URL}/work`)
  const r = workRow(page, appId)
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await r.isVisible().catch(() => false)) return r
    await r.waitFor({ timeout: TIMEOUT / 2 }).catch(() => undefined)
    if (await r.isVisible().catch(() => false)) return r
    await byTestId(page, 'work-refresh').click()
  }
  const ids = await page.locator('[data-testid="work-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-app-id')))
  fail(`application ${appId} is not on this role's work list (rows: [${ids.join(', ')}]) ${await visibleProblems(page)}`)
}

async function openWorkDetail(page: Page, appId: string): Promise<Locator> {
  await openWorkList(page, appId)
  await page.locator(`[data-testid="work-open"][data-app-id="${appId}"]`).click()
  const detail = page.locator(`[data-testid="work-detail"][data-app-id="${appId}"]`)
  await detail.waitFor({ timeout: TIMEOUT })
  await page
    .locator(`[data-testid="work-detail"][data-app-id="${appId}"]:not([data-state=""])`)
    .waitFor({ timeout: TIMEOUT })
    .catch(async () => fail(`the application page did not load ${await visibleProblems(page)}`))
  return detail
}

/** The state shown for the application: on its page if open, else on the work list. */
async function shownState(page: Page, appId: string): Promise<string> {
  const detail = page.locator(`[data-testid="work-detail"][data-app-id="${appId}"]`)
  if (await detail.isVisible().catch(() => false)) return (await detail.getAttribute('data-state')) ?? ''
  return (await workRow(page, appId).getAttribute('data-state', { timeout: 2000 }).catch(() => null)) ?? '(not listed)'
}

/** Opens the action's dialog (from the list or the application page), fills it and confirms. */
async function startAction(page: Page, appId: string, action: string, fill?: (dialog: Locator) => Promise<void>): Promise<Locator> {
  const button = page.locator(`[data-testid="action-${action}"][data-app-id="${appId}"]:visible`).first()
  if (!(await button.isVisible().catch(() => false))) {
    const offered = await page
      .locator(`[data-testid^="action-"][data-app-id="${appId}"]`)
      .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('action-', '')))
    fail(`"${action}" is not offered for ${appId} in state ${await shownState(page, appId)}; offered: [${offered.join(', ')}]`)
  }
  await button.click()
  const dialog = page.locator(`.el-dialog[data-action="${action}"]`)
  await dialog.waitFor({ timeout: TIMEOUT }).catch(() => fail(`the "${action}" dialog did not open`))
  if (fill) await fill(dialog)
  await byTestId(dialog, 'action-confirm').click()
  return dialog
}

/** An action that must succeed: the dialog closes and the shown state becomes `to`. */
async function act(page: Page, appId: string, action: string, to: string, fill?: (dialog: Locator) => Promise<void>) {
  const before = await shownState(page, appId)
  const dialog = await startAction(page, appId, action, fill)
  const outcome = await Promise.race([
    dialog.waitFor({ state: 'hidden', timeout: TIMEOUT }).then(() => 'closed' as const),
    dialog.locator('.zc-problem-alert').waitFor({ timeout: TIMEOUT }).then(() => 'problem' as const),
  ]).catch(() => 'timeout' as const)
  if (outcome !== 'closed') {
    const text = outcome === 'problem' ? await dialog.locator('.zc-problem-alert').innerText() : 'no answer in time'
    fail(`"${action}" on ${appId} (state ${before}) failed: ${squash(text)}`)
  }
  await page
    .waitForFunction(
      ([id, state]) => {
        const detail = document.querySelector(`[data-testid="work-detail"][data-app-id="${id}"]`)
        const el = detail ?? document.querySelector(`[data-testid="work-row"][data-app-id="${id}"]`)
        return el?.getAttribute('data-state') === state
      },
      [appId, to],
      { timeout: TIMEOUT },
    )
    .catch(async () => fail(`after "${action}" the application is ${await shownState(page, appId)}, not ${to}`))
  log(`    ${action}: ${before} → ${to}`)
}

/** R4's routes in the recommend dialog: pick the one this application's dates allow (database first). */
async function pickRoutes(page: Page, dialog: Locator): Promise<void> {
  await chooseOption(page, byTestId(dialog, 'action-diploma-verification'), '全国学历信息库核验')
  await chooseOption(page, byTestId(dialog, 'action-degree-verification'), '全国学位信息库核验')
  const pledge = byTestId(dialog, 'action-unit-pledge')
  if (!(await pledge.locator('input').isChecked().catch(() => false))) await pledge.click()
}

// ---------- meetings and rounds ----------

// ---------- the journey ----------

async function run(page: Page): Promise<void> {
  const now = await serverNow()
  if (!now) fail(`${BASE_URL} has no settable clock (start it with ZHICHENG_CLOCK_SETTABLE=true)`)
  // A re-run on the same server starts over on 09-01: its dates (publicity, meeting, notice) are then the same.
  await setClock(page, chinaMorning(START))

  let appId = ''
  const specialty = `电气工程 e2e ${RUN_ID}`

  // ----- 1. the applicant -----

  await step('applicant signs in and creates an intermediate engineering application at their unit (R3, R4)', async () => {
    await signIn(page, 'applicant', { path: '/applicant', role: 'APPLICANT' })
    await byTestId(page, 'new-application-form').waitFor({ timeout: TIMEOUT })
    await byTestId(page, 'new-employment-EMPLOYED').click()
    await chooseOption(page, byTestId(page, 'new-series'), '工程技术')
    await chooseOption(page, byTestId(page, 'new-level'), /^中级$/)
    await field(page, 'new-specialty').fill(specialty)
    await chooseOption(page, byTestId(page, 'new-unit'), '潍坊市电力设计研究院')
    const serial = RUN_ID.slice(-8)
    await field(page, 'new-diploma').fill(`1042212015050${serial}`)
    await field(page, 'new-graduation-year').fill('2015')
    await field(page, 'new-degree').fill(`1042232015${serial}`)
    await field(page, 'new-degree-awarded-on').fill('2015-07-01')
    await field(page, 'new-degree-awarded-on').press('Enter')
    await page.keyboard.press('Escape').catch(() => undefined) // close the date panel
    await byTestId(page, 'new-submit').click()
    await page.waitForURL(/\/applicant\/applications\/[^/]+$/, { timeout: TIMEOUT }).catch(async () =>
      fail(`creating the application did not open its page: ${await visibleProblems(page)}`),
    )
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
          const ph = document.querySelector('[data-testid="upload-progress"]')?.getAttribute('data-phase')
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
    await page
      .locator('[data-testid="application-detail"][data-state="SUBMITTED"]')
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`the application is not SUBMITTED after submit: ${await visibleProblems(page)}`))
  })

  // ----- 2. the employer unit -----

  await step('unit reviews (R6): the page shows the reviewer and the publicity until 09-08 (R7)', async () => {
    await signIn(page, 'unit', { path: '/work', role: 'UNIT_HR' })
    await openWorkList(page, appId)
    await act(page, appId, 'review', 'UNIT_PUBLICITY', async (d) => {
      await field(d, 'action-comment').fill('材料齐全，首审通过（e2e）')
    })
    await openWorkDetail(page, appId)
    const publicity = byTestId(page, 'detail-publicity')
    await publicity.waitFor({ timeout: TIMEOUT }).catch(() => fail('the page shows no publicity period'))
    const ends = await publicity.getAttribute('data-date')
    if (ends !== PUBLICITY_ENDS) fail(`the publicity ends on ${ends}, expected ${PUBLICITY_ENDS} (5 working days)`)
    const reviewed = squash(await byTestId(page, 'progress-unit-review').innerText())
    if (!reviewed.includes('李娜')) fail(`the page does not show who reviewed (R6): "${reviewed}"`)
    log(`    reviewed: ${reviewed}; publicity until ${ends}`)
  })

  await step('unit records an objection raised in the publicity and dismisses it with an explanation (R7)', async () => {
    await byTestId(page, 'objection-record-open').click()
    const record = byTestId(page, 'objection-dialog')
    await field(record, 'objection-raised-by').fill('王群众')
    await field(record, 'objection-contact').fill('13800000000')
    await field(record, 'objection-content').fill('该同志的项目业绩存在夸大。')
    await byTestId(record, 'objection-save').click()
    const pending = page.locator('[data-testid="objection-row"][data-decision="PENDING"]')
    await pending.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the objection is not listed: ${await visibleProblems(page)}`))
    const objectionId = await pending.first().getAttribute('data-objection-id')
    await page.locator(`[data-testid="objection-decide-open"][data-objection-id="${objectionId}"]`).click()
    const decide = byTestId(page, 'decision-dialog')
    await byTestId(decide, 'decision-DISMISSED').click()
    await field(decide, 'decision-explanation').fill('经核实，项目业绩与验收报告一致，异议不成立。')
    await byTestId(decide, 'decision-save').click()
    await page
      .locator(`[data-testid="objection-row"][data-objection-id="${objectionId}"][data-decision="DISMISSED"]`)
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`the objection is not shown as DISMISSED: ${await visibleProblems(page)}`))
  })

  await step('unit uploads the supervision card, appraisal form and publicity record (R7)', async () => {
    for (const kind of ['SUPERVISION_CARD', 'APPRAISAL_FORM', 'PUBLICITY_RECORD']) {
      await byTestId(page, `attachment-${kind}`)
        .locator('[data-testid="evidence-file"]')
        .setInputFiles({ name: `${kind.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: makePdf(`${kind} ${RUN_ID}`) })
      await page
        .locator(`[data-testid="attachment-${kind}"][data-status="UPLOADED"]`)
        .waitFor({ timeout: TIMEOUT })
        .catch(async () => fail(`the ${kind} attachment is not shown as uploaded: ${await visibleProblems(page)}`))
    }
  })

  await step('recommending before the publicity ends is refused with its end date and what to do (R7)', async () => {
    const dialog = await startAction(page, appId, 'recommend', (d) => pickRoutes(page, d))
    await expectRefusal(dialog, 'PUBLICITY_NOT_ENDED', 'R7', [shownDay(PUBLICITY_ENDS)])
    await byTestId(dialog, 'action-cancel').click()
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined)
  })

  await step('after the publicity (09-09) the unit recommends with its pledge and the R4 routes', async () => {
    await setClock(page, chinaMorning('2026-09-09'))
    await byTestId(page, 'detail-refresh').click()
    await act(page, appId, 'recommend', 'RECOMMENDED', (d) => pickRoutes(page, d))
  })

  // ----- 3. HR bureau and committee office -----

  await step('HR bureau vets (R8): the page shows who vetted', async () => {
    await signIn(page, 'hrbureau', { path: '/work', role: 'HR_BUREAU' })
    await openWorkList(page, appId)
    await act(page, appId, 'vet', 'VETTED', async (d) => {
      await field(d, 'action-comment').fill('审核通过（e2e）')
    })
    const vetted = page.locator(`[data-testid="work-vetted-by"][data-app-id="${appId}"]`)
    await vetted.waitFor({ timeout: TIMEOUT }).catch(() => fail('the work list does not show who vetted (R8)'))
    const text = squash(await vetted.innerText())
    if (!text.includes('王芳')) fail(`the vetting shows "${text}", not 王芳`)
    log(`    ${text}`)
  })

  await step('committee office accepts (R1, R8)', async () => {
    await signIn(page, 'office', { path: '/work', role: 'COMMITTEE_OFFICE' })
    await openWorkList(page, appId)
    await act(page, appId, 'accept', 'ACCEPTED', async (d) => {
      await field(d, 'action-comment').fill('受理（e2e）')
    })
  })

  // ----- 4. the meeting: application, approval, draw -----

  let meetingId = ''
  let meetingDate = ''
  await step('office applies for a meeting: too soon is refused with the earliest date (R11), then that date', async () => {
    await byTestId(page, 'nav-meetings').click()
    await loaded(page, 'meetings-page')
    await byTestId(page, 'meeting-apply').click()
    const dialog = byTestId(page, 'meeting-apply-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    const item = dialog.locator(`[data-testid="meeting-apply-agenda-item"][data-app-id="${appId}"]`)
    await item.waitFor({ timeout: TIMEOUT }).catch(async () => {
      const offered = await byTestId(dialog, 'meeting-apply-agenda-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-app-id')))
      fail(`the accepted application is not offered for the agenda (offered: [${offered.join(', ')}])`)
    })
    await item.click()
    await field(dialog, 'meeting-apply-venue').fill('潍坊市人社局三楼会议室')
    await field(dialog, 'meeting-apply-plan').fill('上午审阅材料，下午答辩与投票（e2e）。')
    await setDate(page, 'meeting-apply-date', TOO_SOON)
    await byTestId(dialog, 'meeting-apply-confirm').click()
    const text = await expectRefusal(dialog, 'MEETING_TOO_SOON', 'R11', [])
    const use = byTestId(dialog, 'meeting-apply-use-earliest')
    await use.waitFor({ timeout: TIMEOUT }).catch(() => fail('no "use the earliest date" control after the R11 refusal'))
    await use.click()
    meetingDate = (await byTestId(dialog, 'meeting-apply-date').getAttribute('data-value')) ?? ''
    if (!/^2026-09-\d\d$/.test(meetingDate) || meetingDate <= TOO_SOON) fail(`the earliest date taken is "${meetingDate}"`)
    if (!text.includes(shownDay(meetingDate))) fail(`the refusal does not name the earliest date ${meetingDate}: ${text}`)
    await byTestId(dialog, 'meeting-apply-confirm').click()
    await page.waitForURL(/\/meetings\/[^/]+$/, { timeout: TIMEOUT }).catch(async () =>
      fail(`the meeting was not created: ${await visibleProblems(page)}`),
    )
    await waitState(page, 'meeting-page', 'REQUESTED')
    meetingId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
    log(`    meeting ${meetingId} on ${meetingDate}`)
  })

  await step('HR bureau approves the meeting (R11)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await openMeeting(page, meetingId)
    await byTestId(page, 'meeting-approve').click()
    await field(page, 'meeting-decision-note').fill('同意按工作方案召开。')
    await byTestId(page, 'meeting-decision-confirm').click()
    await waitState(page, 'meeting-page', 'APPROVED')
  })

  const drawn: { id: string; name: string }[] = []
  await step('office draws 5 experts, 冯丽 recused for her unit (R10); the re-check matches', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await openMeeting(page, meetingId)
    await byTestId(page, 'meeting-draw').click()
    await confirmDialog(page, 'meeting-draw-dialog')
    await waitState(page, 'meeting-page', 'DRAWN')
    const rows = await page.locator('[data-testid="meeting-experts"] .el-table__row').evaluateAll((trs) =>
      trs.map((tr) => {
        const mark = tr.querySelector('[data-testid="meeting-expert-row"]')
        const cells = tr.querySelectorAll('td')
        return { id: mark?.getAttribute('data-expert-id') ?? '', rank: Number(mark?.getAttribute('data-rank')), name: (cells[1]?.textContent ?? '').trim() }
      }),
    )
    if (rows.length !== 5) fail(`${rows.length} experts drawn, expected 5: ${rows.map((r) => r.name).join(', ')}`)
    if (rows.some((r, i) => r.rank !== i + 1)) fail(`the experts are not in draw order: ${rows.map((r) => r.rank).join(',')}`)
    if (rows.some((r) => r.name === SAME_UNIT_EXPERT)) fail(`${SAME_UNIT_EXPERT} was drawn although she works at the applicant's unit`)
    drawn.push(...rows)
    const recused = await byTestId(page, 'meeting-recused-row').allInnerTexts()
    if (!recused.map((n) => n.trim()).includes(SAME_UNIT_EXPERT)) fail(`${SAME_UNIT_EXPERT} is not listed as recused (recused: [${recused.join(', ')}])`)
    const reason = squash(await page.locator('[data-testid="meeting-recused"] .el-table__row', { hasText: SAME_UNIT_EXPERT }).innerText())
    await byTestId(page, 'meeting-draw-verify').click()
    await page
      .locator('[data-testid="meeting-draw-verify-result"][data-matches="true"]')
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`the re-check of the draw did not match: ${await visibleProblems(page)}`))
    log(`    drawn: ${rows.map((r) => r.name).join(', ')}; recused: ${reason}; re-check ✓`)
  })

  // ----- 5. the meeting day: attendance, votes, close -----

  const voters: { id: string; name: string; username: string }[] = []
  await step('on the meeting day the office records 4 of the 5 drawn experts present (quorum, R12)', async () => {
    await setClock(page, chinaMorning(meetingDate))
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await openMeeting(page, meetingId)
    const card = byTestId(page, 'meeting-attendance-card')
    await card.waitFor({ timeout: TIMEOUT }).catch(() => fail('no attendance card on a DRAWN meeting'))
    if (await byTestId(card, 'meeting-attendance-early').isVisible().catch(() => false)) fail('the card still says "before the meeting day"')
    const summary = byTestId(card, 'meeting-attendance-summary')
    const quorum = Number(await summary.getAttribute('data-quorum'))
    if (quorum !== 4) fail(`the quorum shown is ${quorum}, expected 4 (two-thirds of 5 members)`)
    const present = drawn.slice(0, 4)
    for (const e of present) await card.locator(`[data-testid="meeting-attendance-item"][data-expert-id="${e.id}"]`).click()
    await card
      .locator('[data-testid="meeting-attendance-summary"][data-quorate="true"][data-present="4"]')
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`4 present is not shown as quorate: ${squash(await summary.innerText())}`))
    await byTestId(card, 'meeting-attendance-submit').click()
    await confirmDialog(page, 'meeting-attendance-confirm')
    await waitState(page, 'meeting-page', 'VOTING')
    for (const e of present.slice(0, 3)) {
      const username = EXPERT_ACCOUNTS[e.name]
      if (!username) fail(`no sign-in known for the drawn expert ${e.name}`)
      voters.push({ ...e, username })
    }
    log(`    present: ${present.map((e) => e.name).join(', ')}; voting: ${voters.map((v) => v.username).join(', ')}`)
  })

  for (const [i, voter] of voters.entries()) {
    await step(`expert ${voter.name} (${voter.username}) votes YES and sees only their own vote (R12)`, async () => {
      await signIn(page, voter.username, { role: 'EXPERT' })
      await byTestId(page, 'nav-expert-meetings').click()
      await loaded(page, 'expert-meetings-page')
      const open = page.locator(`[data-testid="expert-meeting-open"][data-id="${meetingId}"]`)
      await open.waitFor({ timeout: TIMEOUT }).catch(() => fail(`the meeting is not among ${voter.username}'s meetings`))
      await open.click()
      await loaded(page, 'expert-meeting-page', '[data-state="VOTING"]')
      const row = page.locator(`[data-testid="expert-agenda-row"][data-app-id="${appId}"]`)
      await row.waitFor({ timeout: TIMEOUT }).catch(() => fail('the application is not on the expert\'s agenda'))
      // Secret ballot: the votes of the experts before do not show through, neither as a vote nor as counts.
      const mine = await row.getAttribute('data-my-vote')
      if (mine) fail(`before voting, ${voter.username} is shown a vote "${mine}" (${i} voted before)`)
      const tallies = (await byTestId(page, 'meeting-tally-yes').count()) + (await byTestId(page, 'meeting-votes-cast').count())
      if (tallies) fail(`the expert's page shows vote counts (${i} voted before)`)
      await page.locator(`[data-testid="expert-vote"][data-app-id="${appId}"][data-choice="YES"]`).click()
      await confirmDialog(page, 'expert-vote-dialog')
      await page
        .locator(`[data-testid="expert-agenda-row"][data-app-id="${appId}"][data-my-vote="YES"]`)
        .waitFor({ timeout: TIMEOUT })
        .catch(async () => fail(`the vote is not shown as cast: ${await visibleProblems(page)}`))
      if (await page.locator(`[data-testid="expert-vote"][data-app-id="${appId}"]`).count()) fail('vote buttons are still offered after voting')
      const shown = await byTestId(page, 'expert-my-vote').evaluateAll((els) => els.map((e) => e.getAttribute('data-vote')))
      if (shown.join() !== 'YES') fail(`the expert's page shows the votes [${shown.join(', ')}], expected only their own YES`)
    })
  }

  let roundId = ''
  await step('office closes the meeting: the application PASSED with 3 yes (R12)', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await openMeeting(page, meetingId)
    await byTestId(page, 'meeting-close').click()
    await confirmDialog(page, 'meeting-close-dialog')
    await waitState(page, 'meeting-page', 'CLOSED')
    const row = page.locator(`[data-testid="meeting-agenda-row"][data-app-id="${appId}"]`)
    await row.waitFor({ timeout: TIMEOUT })
    const outcome = await row.getAttribute('data-outcome')
    const yes = await row.getAttribute('data-yes')
    if (outcome !== 'PASS') fail(`the outcome is "${outcome}", not PASS`)
    if (yes !== '3') fail(`${yes} yes votes recorded, expected 3`)
    await byTestId(page, 'meeting-round-link').click()
    await loaded(page, 'round-page')
    roundId = (await byTestId(page, 'round-page').getAttribute('data-id')) ?? ''
    const app = page.locator(`[data-testid="round-app-row"][data-app-id="${appId}"]`)
    await app.waitFor({ timeout: TIMEOUT }).catch(() => fail('the application is not in the round'))
    const state = await app.getAttribute('data-state')
    if (state !== 'PASSED') fail(`the application is ${state} in the round, not PASSED`)
    log(`    PASS with ${yes} yes; round ${roundId}`)
  })

  // ----- 6. the round: pass list, notice, objection, filing -----

  await step('office submits the pass list (R14)', async () => {
    await waitState(page, 'round-page', 'OPEN')
    await byTestId(page, 'round-submit-pass-list').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await waitState(page, 'round-page', 'PASS_LIST_SUBMITTED')
  })

  let noticeEnds = ''
  await step('HR bureau approves the pass list and publishes it for the default 5 working days (R14, R15)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await openRound(page, roundId)
    await byTestId(page, 'round-approve').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await waitState(page, 'round-page', 'APPROVED')
    await byTestId(page, 'round-publish').click()
    const dialog = byTestId(page, 'round-publish-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    const proposed = dialog.locator('[data-testid="round-publish-default"]:not([data-date=""])')
    await proposed.waitFor({ timeout: TIMEOUT }).catch(() => fail('the publish dialog shows no default end date'))
    const byDefault = await proposed.getAttribute('data-date')
    await byTestId(dialog, 'round-publish-confirm').click()
    await waitState(page, 'round-page', 'NOTICE')
    noticeEnds = (await byTestId(page, 'round-notice').getAttribute('data-ends')) ?? ''
    if (!/^2026-09-\d\d$/.test(noticeEnds)) fail(`the notice ends on "${noticeEnds}"`)
    // The dialog's default comes from the calendar service, the end from the server's own count: one calendar.
    if (byDefault !== noticeEnds) fail(`the dialog proposed ${byDefault} but the notice ends on ${noticeEnds}`)
    log(`    notice until ${noticeEnds}`)
  })

  await step('anyone, signed out, raises an objection on the public result notices page (R15)', async () => {
    await signOut(page)
    await byTestId(page, 'notices-link').click()
    await loaded(page, 'notices-page')
    const card = page.locator(`[data-testid="notice-card"][data-round-id="${roundId}"][data-running="true"]`)
    await card.waitFor({ timeout: TIMEOUT }).catch(() => fail('the notice is not shown as running'))
    const end = await byTestId(card, 'notice-period').getAttribute('data-end')
    if (end !== noticeEnds) fail(`the public notice ends on ${end}, the round says ${noticeEnds}`)
    const entry = card.locator(`[data-testid="notice-entry"][data-app-id="${appId}"]`)
    await entry.waitFor({ timeout: TIMEOUT }).catch(() => fail('the application is not on the public notice'))
    await card.locator(`[data-testid="notice-object"][data-app-id="${appId}"]`).click()
    const dialog = byTestId(page, 'notice-objection-dialog')
    await field(dialog, 'notice-objection-name').fill('李群众')
    await field(dialog, 'notice-objection-contact').fill('13900000000')
    await field(dialog, 'notice-objection-content').fill('该同志业绩材料中的项目获奖情况与实际不符。')
    await byTestId(dialog, 'notice-objection-confirm').click()
    await card
      .locator(`[data-testid="notice-objection-sent"][data-app-id="${appId}"]`)
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`the objection was not accepted: ${await visibleProblems(page)}`))
  })

  await step('HR bureau answers the objection: DISMISSED with an explanation (R15)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await openRound(page, roundId)
    const decideButton = byTestId(page, 'round-objection-decide').first()
    await decideButton.waitFor({ timeout: TIMEOUT }).catch(() => fail('the round shows no objection to answer'))
    await decideButton.click()
    const dialog = byTestId(page, 'round-objection-dialog')
    await byTestId(dialog, 'round-objection-dismissed').click()
    await field(dialog, 'round-objection-explanation').fill('经核查，获奖证书与评审材料一致，异议不成立。')
    await byTestId(dialog, 'round-objection-confirm').click()
    await page
      .locator('[data-testid="round-objection-row"][data-decision="DISMISSED"]')
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`the objection is not shown as DISMISSED: ${await visibleProblems(page)}`))
  })

  await step('filing during the notice is refused with the rule and its end (R15)', async () => {
    await byTestId(page, 'round-file').click()
    const dialog = await confirmDialog(page, 'round-confirm-dialog')
    await expectRefusal(dialog, 'NOTICE_RUNNING', 'R15', [shownDay(noticeEnds)])
    await byTestId(page, 'round-confirm-dialog-cancel').click()
  })

  await step('the day after the notice the HR bureau files (R16) and downloads the statistics Excel', async () => {
    await setClock(page, chinaMorning(isoPlusDays(noticeEnds, 1)))
    await byTestId(page, 'round-refresh').click()
    await byTestId(page, 'round-file').click()
    await confirmDialog(page, 'round-confirm-dialog')
    await waitState(page, 'round-page', 'FILED')
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: TIMEOUT }),
      byTestId(page, 'round-download').click(),
    ]).catch(async () => fail(`no download: ${await visibleProblems(page)}`))
    const name = download.suggestedFilename()
    if (!name.endsWith('.xlsx')) fail(`downloaded "${name}", not an .xlsx`)
    log(`    downloaded ${name}`)
  })

  // ----- 7. the certificate -----

  await step('applicant uploads the photo the certificate will carry, allowed until it is issued (R27)', async () => {
    await signIn(page, 'applicant', { path: '/applicant', role: 'APPLICANT' })
    await page.goto(`${BASE_URL}/applicant/applications/${encodeURIComponent(appId)}`)
    await page.locator('[data-testid="photo-section"][data-has-photo="false"]').waitFor({ timeout: TIMEOUT })
    await byTestId(page, 'photo-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: makePng() })
    await page
      .locator('[data-testid="photo-section"][data-has-photo="true"]')
      .waitFor({ timeout: TIMEOUT })
      .catch(async () => fail(`the photo is not shown as uploaded: ${await visibleProblems(page)}`))
  })

  await step('HR bureau issues the certificate with the publication document number (R27, R28)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await page.goto(`${BASE_URL}/work`)
    await openWorkList(page, appId)
    await act(page, appId, 'issue', 'CERTIFIED', async (d) => {
      await field(d, 'action-publication-number').fill(`潍人社字〔2026〕${RUN_ID.slice(-3)}号`)
    })
  })

  const cert = await step('applicant sees the certificate with a QR code of its verify link', async () => {
    await signIn(page, 'applicant', { path: '/applicant', role: 'APPLICANT' })
    await byTestId(page, 'nav-my-certificates').click()
    const cards = page.locator('[data-testid="certificate-card"]')
    await cards.first().waitFor({ timeout: TIMEOUT }).catch(() => fail('no certificate under "my certificates"'))
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
    log(`    certificate ${number} for ${holder} issued ${issuedOn}; QR decodes to the verify link`)
    return { number, holder, verifyUrl }
  })

  await step('the verify link shows VALID, checked in the browser', async () => {
    const u = new URL(cert.verifyUrl, BASE_URL)
    const base = new URL(BASE_URL)
    if (u.origin !== base.origin) log(`    verifyUrl points at ${u.origin}; opening the same path on ${base.origin}`)
    await page.goto(`${base.origin}${u.pathname}${u.search}${u.hash}`)
    const result = byTestId(page, 'verify-outcome')
    await result.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no verify outcome: ${await visibleProblems(page)}`))
    const outcome = await result.getAttribute('data-outcome')
    if (outcome !== 'valid') fail(`the verify link gives ${outcome}, not valid: ${(await result.innerText()).slice(0, 300)}`)
    const number = await result.getAttribute('data-number')
    if (number !== cert.number) fail(`the verify page shows number ${number}, not ${cert.number}`)
    await byTestId(page, 'verify-claims').waitFor({ timeout: TIMEOUT }).catch(() => fail('a valid outcome shows no claims'))
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
    await field(page, 'verify-payload').fill(tamperCompactJws(payload))
    await byTestId(page, 'verify-submit').click()
    const res = page.locator('[data-testid="verify-outcome"][data-source="paste"][data-outcome="tampered"]')
    await res.waitFor({ timeout: TIMEOUT }).catch(async () => {
      const other = await byTestId(page, 'verify-outcome').getAttribute('data-outcome').catch(() => null)
      fail(`a tampered payload gives ${other ?? 'no result'} instead of tampered ${await visibleProblems(page)}`)
    })
  })
}

// ---------- registration (kept from the old path test) ----------

/** A made-up ID number with a valid check digit, different on every run. */
async function runRegistration(page: Page): Promise<void> {
  await step('a new user registers: a wrong ID number is refused, a valid one signs in', async () => {
    await signOut(page)
    if (!new URL(page.url()).pathname.startsWith('/sign-in')) await page.goto(`${BASE_URL}/sign-in`)
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
    await page
      .locator('.el-form-item__error', { hasText: /身份证号码不正确/ })
      .waitFor({ timeout: TIMEOUT })
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

process.exitCode = await runScenario('journey', async (page) => {
  await run(page)
  await runRegistration(page)
})
