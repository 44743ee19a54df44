// Spot checks and integrity (docs/spotcheck.md, R18–R21, R31) driven through the pages against the mock backend
// (e2e/mock-spotcheck.ts): a development aid, not the real-server test. The office commits to a seed made in the
// browser and draws; the public page re-runs the draw in the browser; two experts record findings; the office
// asks a question and concludes fraud suspected; the HR bureau confirms fraud with false proof and rescinds one
// record; the applicant answers; a certificate report is made on the verify page and dismissed.
//   npm run build && npm run mock &   ZC_BASE_URL=http://localhost:8089 npx tsx e2e/spotcheck-mock.e2e.ts
import type { Page } from 'playwright-core'
import { BASE_URL, byTestId, chooseOption, fail, field, loaded, log, runScenario, signIn, step } from './lib'
import {
  commitToBrowserSeed,
  concludingEarlyRefused,
  nav,
  publicCheckAgrees,
  recordFindings,
  submitConclusion,
  wrongSeedRefusedThenDraw,
} from './spotcheckSteps'

async function spotcheck(page: Page): Promise<void> {
  let drawId = ''
  let target = ''
  let applicantName = ''

  await step('the office commits to a seed made in its browser', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await nav(page, 'nav-spotchecks')
    await loaded(page, 'spotchecks-page')
    await chooseOption(page, byTestId(page, 'spot-round'), /./)
    await page.locator('[data-testid="spot-population"][data-size="8"][data-minimum="2"]').waitFor()
    drawId = await commitToBrowserSeed(page)
    log(`    draw ${drawId}`)
  })

  await step('a wrong seed is caught in the browser, the kept one draws (R19)', async () => {
    await wrongSeedRefusedThenDraw(page)
    const rows = page.locator('[data-testid="spot-sample-row"]')
    if ((await rows.count()) !== 2) fail(`sample of ${await rows.count()}, not ceil(0.15 × 8) = 2`)
  })

  await step('the public page re-runs the draw in the browser and agrees with the server', async () => {
    await publicCheckAgrees(page)
  })

  await step('the office asks the applicant, and cannot conclude before the findings (R18)', async () => {
    // The mock recuses its third expert everywhere, so both signing-in experts inspect every sample.
    const row = page.locator('[data-testid="spotcheck-samples"] .el-table__body-wrapper .el-table__row').first()
    target = (await row.locator('[data-testid="spot-sample-row"]').getAttribute('data-id')) ?? ''
    applicantName = (await row.locator('td').nth(2).innerText()).trim()
    await row.locator('[data-testid="spot-sample-ask"]').click()
    const dialog = byTestId(page, 'spot-ask-dialog')
    await field(dialog, 'spot-ask-question').fill('请提供获奖证书原件的扫描件。')
    await byTestId(dialog, 'spot-ask-submit').click()
    await dialog.waitFor({ state: 'hidden' })
    await concludingEarlyRefused(page, target)
  })

  for (const expert of ['expert1', 'expert2']) {
    await step(`${expert} records a finding on every evidence item`, async () => {
      await signIn(page, expert, { role: 'EXPERT' })
      await recordFindings(page, drawId, target, 1, '证书编号在发证机关查无此证')
      const items = page.locator('[data-testid="inspector-evidence"]')
      if (expert === 'expert1') {
        const item = items.nth(1)
        await item.locator('input[type="file"]').setInputFiles({ name: 'check.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 check\n') })
        await item.locator('[data-testid="upload-progress"][data-phase="done"]').waitFor()
      }
    })
  }

  await step('the office concludes fraud suspected', async () => {
    await signIn(page, 'office', { role: 'COMMITTEE_OFFICE' })
    await page.goto(`${BASE_URL}/spotchecks/${encodeURIComponent(drawId)}`)
    await loaded(page, 'spotcheck-page')
    await submitConclusion(page, target, 'FRAUD_SUSPECTED', '两位专家均认定获奖证书系伪造')
    await page.locator(`[data-testid="spot-sample-outcome"][data-outcome="FRAUD_SUSPECTED"]`).waitFor()
  })

  await step('the applicant answers the question', async () => {
    await signIn(page, 'applicant', { role: 'APPLICANT' })
    await nav(page, 'nav-spot-requests')
    await loaded(page, 'spot-requests-page')
    const card = page.locator('[data-testid="spot-request"][data-answered="false"]').first()
    await field(card, 'spot-request-answer-input').fill('已上传原件扫描件。')
    await byTestId(card, 'spot-request-submit').click()
    await page.locator('[data-testid="spot-request"][data-answered="true"]').first().waitFor()
    await nav(page, 'nav-my-integrity')
    await loaded(page, 'my-integrity-page')
    await byTestId(page, 'my-integrity-empty').waitFor()
  })

  await step('the HR bureau confirms fraud with false proof (R20, R21)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await nav(page, 'nav-spotchecks')
    await loaded(page, 'spotchecks-page')
    await page.locator(`[data-testid="spotcheck-open"][data-id="${drawId}"]`).click()
    await loaded(page, 'spotcheck-page')
    await page.locator(`[data-testid="spot-sample-confirm-fraud"][data-id="${target}"]`).click()
    const dialog = byTestId(page, 'spot-fraud-dialog')
    const text = await byTestId(dialog, 'spot-fraud-consequences').innerText()
    if (!text.includes('VOID') || !text.includes('5 年')) fail(`the consequences say "${text}"`)
    await field(dialog, 'spot-fraud-reason').fill('获奖证书系伪造，单位出具虚假证明')
    await byTestId(dialog, 'spot-fraud-false-proof').click()
    await chooseOption(page, byTestId(dialog, 'spot-fraud-unit'), '潍坊市电力设计研究院')
    await field(dialog, 'spot-fraud-responsible-name').fill('李人事')
    await field(dialog, 'spot-fraud-responsible-id').fill('37070219850101123X')
    await byTestId(dialog, 'spot-fraud-submit').click()
    await page.locator('[data-testid="spot-fraud-missing"]', { hasText: '身份证号码不正确' }).waitFor() // GB 11643 check digit
    await field(dialog, 'spot-fraud-responsible-id').fill('370702198501011236')
    await byTestId(dialog, 'spot-fraud-submit').click()
    await page.locator('[data-testid="spot-fraud-missing"]', { hasText: applicantName }).waitFor() // the name must be typed
    await field(dialog, 'spot-fraud-type-name').fill(applicantName)
    await byTestId(dialog, 'spot-fraud-submit').click()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator(`[data-testid="spot-sample-confirm-fraud"][data-id="${target}"]`).waitFor({ state: 'detached' })
  })

  await step('the integrity record lists both and the HR bureau rescinds the false-proof one', async () => {
    await nav(page, 'nav-integrity')
    await loaded(page, 'integrity-page')
    await page.locator('[data-testid="integrity-ban"][data-active="true"]').first().waitFor()
    const row = page.locator('[data-testid="integrity-row"][data-kind="FALSE_PROOF"][data-active="true"]').first()
    await row.waitFor()
    const id = await row.getAttribute('data-id')
    await page.locator(`[data-testid="integrity-open"][data-id="${id}"]`).click()
    await loaded(page, 'integrity-detail-page')
    await byTestId(page, 'integrity-rescind').click()
    await field(page, 'integrity-rescind-reason').fill('复核：责任人另有其人')
    await byTestId(page, 'integrity-rescind-confirm').click()
    await page.locator('[data-testid="integrity-detail-page"][data-rescinded="true"]').waitFor()
  })

  await step('a certificate report from the verify page gets a reference; the HR bureau dismisses it (R31)', async () => {
    await byTestId(page, 'sign-out').click()
    await page.goto(`${BASE_URL}/verify`)
    await field(page, 'lookup-number').fill('WF2026-0001')
    await byTestId(page, 'cert-report-open').click()
    if ((await field(page, 'cert-report-number').inputValue()) !== 'WF2026-0001') fail('the number is not carried over')
    await field(page, 'cert-report-reason').fill('持证人与证书信息不符')
    await byTestId(page, 'cert-report-submit').click()
    const ref = (await byTestId(page, 'cert-report-reference').innerText()).trim()
    if (!ref) fail('no reference shown')
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await nav(page, 'nav-cert-reports')
    await loaded(page, 'cert-reports-page')
    await page.locator(`[data-testid="cert-report-row"][data-reference="${ref}"]`).waitFor()
    await page.locator('[data-testid="cert-report-decide"]').first().click()
    await byTestId(page, 'cert-report-outcome-DISMISSED').click()
    await field(page, 'cert-report-note').fill('经核实证书真实有效')
    await byTestId(page, 'cert-report-decide-confirm').click()
    await page.locator(`[data-testid="cert-report-row"][data-reference="${ref}"]`).waitFor({ state: 'detached' })
  })
}

process.exitCode = await runScenario('spotcheck-mock', spotcheck)
