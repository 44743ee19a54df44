// Spot checks and integrity against the real server (docs/spotcheck.md, R18–R21): a fresh applicant's application
// is walked to ACCEPTED through the API (e2e/api.ts); then, through the pages, the office commits to a seed made in
// its browser and draws (a wrong seed refused, R19), the public page re-runs the draw in the browser and agrees
// with the server, the inspectors drawn (never the expert of the applicant's own unit) record their findings, one
// of them fraud, the office concludes "fraud suspected", the HR bureau confirms it naming the unit's responsible
// professional (R20, R21), and the applicant's next submission is refused with the day the ban ends.
//   ZC_BASE_URL=http://localhost:8080 npx tsx e2e/spotcheck.e2e.ts   (a server with a settable clock)
import type { Page } from 'playwright-core'
import { acceptedApplication, draftApplication, getAs, tokenFor, type AcceptedApplication } from './api'
import { BASE_URL, byTestId, chooseOption, fail, field, loaded, log, runScenario, serverNow, setClock, signIn, step, visibleProblems } from './lib'
import {
  commitToBrowserSeed,
  concludingEarlyRefused,
  nav,
  publicCheckAgrees,
  recordFindings,
  submitConclusion,
  wrongSeedRefusedThenDraw,
} from './spotcheckSteps'

/** The demo experts (DemoSeeder) by name; 冯丽 works at the applicant's unit and is recused (R10, R19). */
const EXPERTS: Record<string, string> = {
  陈静: 'expert', 周强: 'expert2', 吴敏: 'expert3', 郑涛: 'expert4', 冯丽: 'expert5', 韩雪: 'expert6', 杨帆: 'expert7',
}

interface DrawView {
  state: string
  samples: Array<{ applicationId: string; applicationState: string; outcome: string | null; inspectors: Array<{ name: string }> }>
}

async function spotcheck(page: Page): Promise<void> {
  let person: AcceptedApplication = { applicationId: '', username: '', password: '', name: '', evidenceTitle: '' }
  let drawId = ''
  let inspectors: string[] = []

  await step('set-up: a fresh applicant applies and WF-ENG-SENIOR accepts, through the real routes', async () => {
    person = await acceptedApplication('赵抽查')
    const now = (await serverNow()) ?? fail('the server clock is not settable')
    await setClock(page, now.toISOString())
    log(`    application ${person.applicationId} of ${person.username}`)
  })

  await step('the office commits to a seed made in its browser and to the population it sees (R18, R19)', async () => {
    await signIn(page, 'office2', { role: 'COMMITTEE_OFFICE' })
    await nav(page, 'nav-spotchecks')
    await loaded(page, 'spotchecks-page')
    await chooseOption(page, byTestId(page, 'spot-round'), /./)
    // one accepted application of the series in the round: ceil(15% × 1) = 1 is checked
    await page.locator('[data-testid="spot-population"][data-size="1"][data-minimum="1"]').waitFor()
    drawId = await commitToBrowserSeed(page)
    log(`    draw ${drawId}`)
  })

  await step('a seed that does not match the commitment is refused; the kept one draws (R19)', async () => {
    await wrongSeedRefusedThenDraw(page)
    const rows = page.locator('[data-testid="spot-sample-row"]')
    if ((await rows.count()) !== 1) fail(`a sample of ${await rows.count()}, not 1`)
    const draw = await getAs<DrawView>(await tokenFor('office2'), `/api/spotchecks/${drawId}`)
    inspectors = draw.samples[0].inspectors.map((i) => EXPERTS[i.name] ?? fail(`inspector ${i.name} is not a demo expert`))
    if (inspectors.length !== 2) fail(`${inspectors.length} inspectors, not 2`)
    if (inspectors.includes('expert5')) fail('冯丽 of the applicant\'s own unit was drawn as an inspector')
    log(`    inspectors ${inspectors.join(', ')}`)
  })

  await step('the public page re-runs the draw in the browser and agrees with the server (R19)', async () => {
    await publicCheckAgrees(page)
  })

  await step('the office cannot conclude before every inspector checked every item (R18)', async () => {
    await concludingEarlyRefused(page, person.applicationId)
  })

  for (const [n, expert] of ['first', 'second'].entries()) {
    await step(`the ${expert} inspector records a finding on every item${n === 0 ? ', fraud on the first' : ''}`, async () => {
      await signIn(page, inspectors[n], { role: 'EXPERT' })
      const count = await recordFindings(page, drawId, person.applicationId, n === 0 ? 0 : null,
        '业绩证明所盖印章与单位备案印章不符')
      log(`    ${count} items checked`)
    })
  }

  await step('the office concludes "fraud suspected"', async () => {
    await signIn(page, 'office2', { role: 'COMMITTEE_OFFICE' })
    await page.goto(`${BASE_URL}/spotchecks/${encodeURIComponent(drawId)}`)
    await loaded(page, 'spotcheck-page')
    await submitConclusion(page, person.applicationId, 'FRAUD_SUSPECTED', '检查专家认定业绩证明系伪造')
    await page.locator('[data-testid="spot-sample-outcome"][data-outcome="FRAUD_SUSPECTED"]').waitFor()
      .catch(async () => fail(`not concluded: ${await visibleProblems(page)}`))
  })

  await step('the HR bureau confirms fraud and names the unit\'s responsible professional (R20, R21)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await nav(page, 'nav-spotchecks')
    await loaded(page, 'spotchecks-page')
    await page.locator(`[data-testid="spotcheck-open"][data-id="${drawId}"]`).click()
    await loaded(page, 'spotcheck-page')
    await page.locator(`[data-testid="spot-sample-confirm-fraud"][data-id="${person.applicationId}"]`).click()
    const dialog = byTestId(page, 'spot-fraud-dialog')
    await field(dialog, 'spot-fraud-reason').fill('业绩证明系伪造，单位出具虚假证明')
    await byTestId(dialog, 'spot-fraud-false-proof').click()
    await chooseOption(page, byTestId(dialog, 'spot-fraud-unit'), '潍坊市电力设计研究院')
    await field(dialog, 'spot-fraud-responsible-name').fill('李人事')
    await field(dialog, 'spot-fraud-responsible-id').fill('370702198501011236')
    await field(dialog, 'spot-fraud-type-name').fill(person.name)
    await byTestId(dialog, 'spot-fraud-submit').click()
    await dialog.waitFor({ state: 'hidden' }).catch(async () => fail(`fraud not confirmed: ${await visibleProblems(page)}`))
    const draw = await getAs<DrawView>(await tokenFor('hrbureau'), `/api/spotchecks/${drawId}`)
    const sample = draw.samples[0]
    if (sample.outcome !== 'FRAUD_CONFIRMED' || sample.applicationState !== 'VOID') {
      fail(`after confirmation the sample is ${sample.outcome} and the application ${sample.applicationState}`)
    }
  })

  await step('the applicant sees the ban and a new submission is refused with the day it ends (R20)', async () => {
    const now = (await serverNow()) ?? fail('no server clock')
    const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) // China's date
    const banEndsOn = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`
    await signIn(page, person.username, { role: 'APPLICANT', password: person.password })
    await nav(page, 'nav-my-integrity')
    await loaded(page, 'my-integrity-page')
    const ends = await byTestId(page, 'my-integrity-ban-ends').first().innerText()
    const sameDay = (text: string) => text.replace(/[/年月.]/g, '-').includes(banEndsOn)
    if (!sameDay(ends)) fail(`"my integrity record" shows "${ends}", not the ban end ${banEndsOn}`)
    const draft = await draftApplication(await tokenFor(person.username, person.password))
    await page.goto(`${BASE_URL}/applicant/applications/${draft.id}`)
    await byTestId(page, 'pledge-checkbox').click()
    await byTestId(page, 'submit-application').click()
    const refusal = page.locator('[data-testid="problem-message"][data-code="INTEGRITY_BAN"]').first()
    await refusal.waitFor().catch(async () => fail(`no INTEGRITY_BAN refusal: ${await visibleProblems(page)}`))
    const text = await refusal.innerText()
    if (!sameDay(text)) fail(`the refusal says "${text}", not the ban end ${banEndsOn}`)
    await page.locator('[data-testid="application-detail"][data-state="DRAFT"]').waitFor()
    log(`    refused until ${banEndsOn}`)
  })
}

process.exitCode = await runScenario('spotcheck', spotcheck)
