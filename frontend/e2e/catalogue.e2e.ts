// Self-evaluating units end to end (docs/catalogue.md, R22–R26), all through the pages: 潍坊学院's account `selfeval`
// files the 图书资料 series (附件1; a bad mobile number is stopped in the browser); the HR bureau returns it with a
// reason, the unit sees the reason and resubmits, the bureau approves (R22); signed out, the public catalogue lists it
// with its validity and the Excel export carries the filters (R23); the unit applies for its title e-seal (附件3: a
// credit code with a wrong check character is stopped in the browser; the 职称专用章 image) and the bureau approves it
// after seeing the image (R24); the unit downloads the template (its header row is the contract's), uploads a sheet
// made here with one bad row (the report shows the row, its column and code, nothing of it written), then the corrected
// sheet (only that row added, the others already recorded; report.xlsx and the history's reports), one more record one
// by one with its report to the personnel department, and a photo for one record (R25); the server clock moves
// past the release day and the release job runs: the record with a photo is RELEASED with a certificate number, the one
// without is held for its photo; the person registers with the record's ID number, downloads the certificate from
// "My certificates", and the scan of its page 1 verifies VALID with the number and name (R27, R28).
//
//   Real server (settable clock):  ZC_BASE_URL=http://localhost:8080 npx tsx e2e/catalogue.e2e.ts
// Needs pdftoppm (poppler-utils). Moves the server clock about five weeks on: run-all.ts runs it last.
// Prints "1 passed, 0 failed" or "0 passed, 1 failed".
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { getAs, tokenFor } from './api'
import { downloadPdf, rasterise, scan } from './certificateSteps'
import {
  BASE_URL,
  byTestId,
  chooseOption,
  fail,
  field,
  freshIdNumber,
  loaded,
  log,
  makePng,
  RUN_ID,
  runScenario,
  serverNow,
  setClock,
  setDate,
  signIn,
  signOut,
  step,
  TIMEOUT,
  visibleProblems,
} from './lib'
import { headerRow, writeXlsx } from './xlsx'
import { creditCheckCharFor } from '../src/lib/creditCode'

/** The template's columns (docs/catalogue.md, in this order, with these exact headers). */
const HEADERS = [
  '姓名', '身份证号', '性别', '职称系列', '专业', '从事专业', '职称层级', '评聘岗位', '聘用日期', '聘期起始日期',
  '聘期截止日期', '评聘委员会名称', '公布文号', '报人事综合管理部门备案日期', '备案文号',
]
const UNIT = '潍坊学院'
const SERIES = '图书资料'
/** A specialty of this run, so a second run on the same server files anew instead of meeting FILING_EXISTS. */
const SPECIALTY = `图书馆学 ${RUN_ID}`

interface Person {
  name: string
  idNumber: string
}

/** Names of this run: Chinese characters only, told apart from earlier runs by the run's last digits. */
const RUN_NAME = [...RUN_ID.slice(-3)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')

const sexOf = (id: string) => (Number(id[16]) % 2 === 1 ? '男' : '女')

function plusYears(iso: string, years: number, days = 0): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A sheet row of the contract's 15 columns, as a unit fills the template: names of series and level in words. */
function sheetRow(p: Person, today: string, idNumber = p.idNumber): string[] {
  return [
    p.name, idNumber, sexOf(p.idNumber), SERIES, SPECIALTY, '', '中级', '馆员', today, today, plusYears(today, 3, -1),
    '潍坊学院图书资料系列职称评聘委员会', `潍院人字〔2026〕${RUN_ID.slice(-3)}号`, '', '',
  ]
}

/** Clicks a header link once a success message no longer covers it. */
async function nav(page: Page, testid: string): Promise<void> {
  await page.locator('[data-testid="success-message"]').waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined)
  await byTestId(page, testid).click()
}

/** Chooses an option and checks the select shows it: a click while the dropdown still opens can be lost. */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await chooseOption(page, select, label)
    if ((await select.innerText()).includes(label)) return
  }
  fail(`the select does not show ${label} after choosing it`)
}

async function fillNumber(page: Page, testid: string, value: number): Promise<void> {
  const input = page.locator(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`).first()
  await input.fill(String(value))
  await input.press('Tab')
}

async function openFilings(page: Page): Promise<void> {
  await nav(page, 'nav-self-eval')
  await loaded(page, 'filings-page')
}

async function filingRow(page: Page, state: string) {
  const row = page.locator(`[data-testid="filing-row"][data-state="${state}"][data-specialty="${SPECIALTY}"]`)
  await row.waitFor({ timeout: TIMEOUT }).catch(async () => {
    const seen = await page.locator('[data-testid="filing-row"]').evaluateAll((els) => els.map((e) => `${e.textContent}:${e.getAttribute('data-state')}`))
    fail(`no ${state} filing of ${SPECIALTY}; listed: [${seen.join(', ')}] ${await visibleProblems(page)}`)
  })
  return row
}

/** The bureau's list of filings awaiting review: the row of this run's filing. */
async function bureauFiling(page: Page, filingId: string) {
  await nav(page, 'nav-self-eval-admin')
  await loaded(page, 'bureau-filings-page')
  const row = page.locator(`[data-testid="bureau-filing-row"][data-id="${filingId}"][data-state="SUBMITTED"]`)
  await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`filing ${filingId} is not awaiting review: ${await visibleProblems(page)}`))
}

async function confirmReason(page: Page, testid: string, reason: string): Promise<void> {
  const dialog = byTestId(page, testid)
  await dialog.waitFor({ timeout: TIMEOUT }).catch(() => fail(`the ${testid} did not open`))
  if (reason) await field(dialog, `${testid}-reason`).fill(reason)
  await byTestId(dialog, `${testid}-confirm`).click()
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(async () => fail(`the ${testid} stayed open: ${await visibleProblems(page)}`))
}

/** Uploads a sheet on the import tab and waits for its report; answers the counts shown. */
async function uploadSheet(page: Page, name: string, bytes: Buffer) {
  await byTestId(page, 'appointments-upload-file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  })
  const report = page.locator(`[data-testid="upload-report"]`).filter({ hasText: name })
  await report.waitFor({ timeout: TIMEOUT * 2 }).catch(async () => fail(`no report for ${name}: ${await visibleProblems(page)}`))
  const n = async (a: string) => Number(await report.getAttribute(a))
  return { report, accepted: await n('data-accepted'), refused: await n('data-refused'), already: await n('data-already') }
}

async function catalogue(page: Page): Promise<void> {
  const now = (await serverNow()) ?? fail('the server clock is not settable (ZHICHENG_CLOCK_SETTABLE=true)')
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const withPhoto: Person = { name: `孙${RUN_NAME}`, idNumber: freshIdNumber() }
  const withoutPhoto: Person = { name: `李${RUN_NAME}`, idNumber: freshIdNumber() }
  const corrected: Person = { name: `周${RUN_NAME}`, idNumber: freshIdNumber() }
  log(`    server day ${today}; series ${SERIES}（${SPECIALTY}）`)

  const filingId = await step('the unit files the series (附件1); a bad mobile number is stopped in the browser (R22)', async () => {
    await signIn(page, 'selfeval', { role: 'SELF_EVAL_UNIT' })
    await openFilings(page)
    await byTestId(page, 'filing-new').click()
    const dialog = byTestId(page, 'filing-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    await choose(page, byTestId(dialog, 'filing-series'), SERIES)
    await field(dialog, 'filing-specialty').fill(SPECIALTY)
    await field(dialog, 'filing-office').fill('人事处')
    await field(dialog, 'filing-contact').fill('王老师')
    await field(dialog, 'filing-office-phone').fill('0536-8785000')
    await field(dialog, 'filing-mobile').fill('1351234567')
    await fillNumber(page, 'filing-count', 46)
    const year = Number(today.slice(0, 4))
    await fillNumber(page, `filing-eval-${year - 1}`, 5)
    let sent = false
    const watch = (r: { url: () => string; method: () => string }) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/filings')) sent = true
    }
    page.on('request', watch)
    await byTestId(dialog, 'filing-submit').click()
    await dialog.locator('.el-form-item__error', { hasText: '11 位手机号码' }).waitFor({ timeout: TIMEOUT }).catch(() =>
      fail('a 10-digit mobile number was not flagged on the form'))
    page.off('request', watch)
    if (sent) fail('the filing was sent although the mobile number is wrong')
    await field(dialog, 'filing-mobile').fill('13512345678')
    await byTestId(dialog, 'filing-submit').click()
    const row = await filingRow(page, 'SUBMITTED')
    return (await row.getAttribute('data-id')) ?? fail('the filing row has no id')
  })

  await step('the HR bureau returns it with a reason; the unit sees the reason, corrects and resubmits', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await bureauFiling(page, filingId)
    await page.locator(`[data-testid="bureau-filing-return"][data-id="${filingId}"]`).click()
    await confirmReason(page, 'filing-return-dialog', '近3年评聘人数请按年度分别填写（e2e）')
    await signIn(page, 'selfeval', { role: 'SELF_EVAL_UNIT' })
    await openFilings(page)
    await filingRow(page, 'RETURNED')
    await page.locator(`[data-testid="filing-correct"][data-id="${filingId}"]`).click()
    const dialog = byTestId(page, 'filing-dialog')
    const reason = (await byTestId(dialog, 'filing-return-reason').innerText().catch(() => '')).trim()
    if (!reason.includes('近3年评聘人数请按年度分别填写')) fail(`the correction form does not show the bureau's reason: "${reason}"`)
    const year = Number(today.slice(0, 4))
    await fillNumber(page, `filing-eval-${year - 3}`, 3)
    await fillNumber(page, `filing-eval-${year - 2}`, 4)
    await byTestId(dialog, 'filing-submit').click()
    await filingRow(page, 'SUBMITTED')
  })

  await step('the HR bureau approves: valid 3 years from today (R22)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await bureauFiling(page, filingId)
    await page.locator(`[data-testid="bureau-filing-approve"][data-id="${filingId}"]`).click()
    await confirmReason(page, 'filing-approve-dialog', '同意备案（e2e）')
    await page.locator(`[data-testid="bureau-filing-row"][data-id="${filingId}"]`).waitFor({ state: 'detached', timeout: TIMEOUT }).catch(() =>
      fail('the approved filing is still listed as awaiting review'))
    await signIn(page, 'selfeval', { role: 'SELF_EVAL_UNIT' })
    await openFilings(page)
    const row = await filingRow(page, 'APPROVED')
    const text = (await row.locator('xpath=ancestor::tr').innerText()).replace(/\s+/g, ' ')
    const until = plusYears(today, 3, -1).replace(/-/g, '/')
    if (!text.includes(until)) fail(`the approved filing does not show validity until ${until}: ${text}`)
  })

  await step('signed out, the public catalogue lists it with its validity; the Excel export carries the filters (R23)', async () => {
    await signOut(page)
    await page.goto(`${BASE_URL}/sign-in`)
    await byTestId(page, 'nav-catalogue').click()
    await loaded(page, 'public-catalogue-page')
    await field(page, 'catalogue-q-unit').fill(UNIT)
    await field(page, 'catalogue-q-series').fill(SERIES)
    await byTestId(page, 'catalogue-search').click()
    const row = page.locator(`[data-testid="catalogue-row"][data-filing-id="${filingId}"]`)
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the filing is not in the public catalogue: ${await visibleProblems(page)}`))
    const text = (await row.locator('xpath=ancestor::tr').innerText()).replace(/\s+/g, ' ')
    if (!text.includes('135****5678')) fail(`the catalogue does not show the masked mobile: ${text}`)
    if (text.includes('13512345678')) fail('the catalogue shows the full mobile number')
    const href = (await byTestId(page, 'public-catalogue-xlsx').getAttribute('href')) ?? ''
    if (!href.includes(`unit=${encodeURIComponent(UNIT)}`) || !href.includes(`series=${encodeURIComponent(SERIES)}`)) {
      fail(`the Excel export does not carry the filters: ${href}`)
    }
    const res = await page.request.get(`${BASE_URL}${href}`)
    const body = await res.body()
    if (!res.ok() || body.subarray(0, 2).toString('latin1') !== 'PK') fail(`the Excel export answered ${res.status()} (${body.length} bytes)`)
    log(`    catalogue row: ${text.slice(0, 120)}`)
  })

  await step('the unit applies for its title e-seal (附件3) with the 职称专用章 image; a wrong check character is stopped (R24)', async () => {
    await signIn(page, 'selfeval', { role: 'SELF_EVAL_UNIT' })
    await nav(page, 'nav-self-eval')
    await nav(page, 'nav-self-eval-seal')
    const sealPage = await loaded(page, 'seal-page')
    const inForce = (await sealPage.getAttribute('data-in-force')) === 'true'
    await byTestId(page, 'seal-apply').click()
    const dialog = byTestId(page, 'seal-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    await byTestId(dialog, `seal-business-${inForce ? 'CHANGE' : 'NEW'}`).click()
    const first17 = '12370700MB285538' + String(Number(RUN_ID.slice(-1)))
    const code = first17 + creditCheckCharFor(first17)
    const wrong = first17 + (code[17] === '0' ? '1' : '0')
    await field(dialog, 'seal-unit-name').fill(UNIT)
    await field(dialog, 'seal-legal-rep').fill('李明')
    await field(dialog, 'seal-credit-code').fill(wrong)
    await field(dialog, 'seal-handler-name').fill('赵磊')
    await field(dialog, 'seal-handler-id').fill(freshIdNumber())
    await field(dialog, 'seal-handler-mobile').fill('13612345678')
    await field(dialog, 'seal-address').fill('山东省潍坊市奎文区东风东街5147号')
    const note = (await byTestId(dialog, 'seal-image-note').innerText()).trim()
    if (!note.includes('职称专用章') || !note.includes('不需要提供单位公章')) fail(`the form does not say which seal: "${note}"`)
    await byTestId(dialog, 'seal-image-file').setInputFiles({ name: 'title-seal.png', mimeType: 'image/png', buffer: makePng(160, 160) })
    await byTestId(dialog, 'seal-image-preview').waitFor({ timeout: TIMEOUT }).catch(() => fail('no preview of the seal image'))
    await byTestId(dialog, 'seal-declaration').click()
    let sent = false
    const watch = (r: { url: () => string; method: () => string }) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/seal-registrations')) sent = true
    }
    page.on('request', watch)
    await byTestId(dialog, 'seal-submit').click()
    await dialog.locator('.el-form-item__error', { hasText: '校验位不符' }).waitFor({ timeout: TIMEOUT }).catch(() =>
      fail('a credit code with a wrong check character was not flagged on the form'))
    page.off('request', watch)
    if (sent) fail('the application was sent although the credit code is wrong')
    await field(dialog, 'seal-credit-code').fill(code)
    await byTestId(dialog, 'seal-submit').click()
    await page.locator('[data-testid="seal-row"][data-state="SUBMITTED"]').first().waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the e-seal application is not listed as submitted: ${await visibleProblems(page)}`))
    log(`    ${inForce ? 'CHANGE' : 'NEW'} with credit code ${code}`)
  })

  await step('the HR bureau sees the image and approves: the unit\'s seal is in force (R24)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await nav(page, 'nav-self-eval-admin')
    await byTestId(page, 'nav-admin-seals').click()
    await loaded(page, 'bureau-seals-page')
    const row = page.locator(`[data-testid="bureau-seal-row"][data-state="SUBMITTED"][data-unit="${UNIT}"]`).first()
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no submitted e-seal application of ${UNIT}: ${await visibleProblems(page)}`))
    const id = (await row.getAttribute('data-id')) ?? ''
    await page.locator(`[data-testid="bureau-seal-view"][data-id="${id}"]`).click()
    const drawer = byTestId(page, 'bureau-seal-drawer')
    await byTestId(drawer, 'bureau-seal-image').waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the seal image is not shown: ${await visibleProblems(page)}`))
    const natural = await byTestId(drawer, 'bureau-seal-image').evaluate((img) => (img as HTMLImageElement).naturalWidth)
    if (natural !== 160) fail(`the seal image shown is ${natural} px wide, not the 160 px uploaded`)
    await byTestId(drawer, 'bureau-seal-approve').click()
    await confirmReason(page, 'seal-approve-dialog', '')
    await signIn(page, 'selfeval', { role: 'SELF_EVAL_UNIT' })
    await nav(page, 'nav-self-eval')
    await nav(page, 'nav-self-eval-seal')
    await page.locator('[data-testid="seal-page"][data-loaded="true"][data-in-force="true"]').waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the unit's page shows no seal in force: ${await visibleProblems(page)}`))
    await byTestId(page, 'seal-current-image').waitFor({ timeout: TIMEOUT }).catch(() => fail('the seal in force has no image'))
  })

  await step('the unit downloads the template: its header row is the contract\'s 15 columns', async () => {
    await nav(page, 'nav-self-eval-appointments')
    await loaded(page, 'appointments-page')
    await page.locator('.el-tabs__item', { hasText: '批量导入' }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: TIMEOUT }),
      byTestId(page, 'appointments-template').click(),
    ]).catch(async () => fail(`no template download: ${await visibleProblems(page)}`))
    const headers = headerRow(readFileSync(await download.path()))
    if (headers.slice(0, 15).join('|') !== HEADERS.join('|')) fail(`the template's headers are [${headers.join(', ')}]`)
  })

  await step('a sheet with one bad row: the report shows the row, its column and code; the good rows are recorded (R25)', async () => {
    const badId = corrected.idNumber.slice(0, 17) + (corrected.idNumber[17] === '0' ? '1' : '0')
    const sheet = writeXlsx([HEADERS, sheetRow(withPhoto, today), sheetRow(withoutPhoto, today), sheetRow(corrected, today, badId)])
    const { report, accepted, refused, already } = await uploadSheet(page, `评聘信息-${RUN_ID}.xlsx`, sheet)
    if (accepted !== 2 || refused !== 1 || already !== 0) fail(`first upload: accepted ${accepted}, refused ${refused}, already ${already}`)
    const bad = report.locator('[data-testid="report-row"][data-row="4"][data-outcome="REFUSED"]')
    await bad.waitFor({ timeout: TIMEOUT }).catch(() => fail('row 4 is not shown as refused'))
    const problem = report.locator('[data-testid="report-problem"][data-code="INVALID_ID_NUMBER"]').first()
    await problem.waitFor({ timeout: TIMEOUT }).catch(() => fail('the refused row does not name INVALID_ID_NUMBER'))
    if ((await problem.getAttribute('data-column')) !== '身份证号') fail(`the problem names column ${await problem.getAttribute('data-column')}`)
    const text = (await problem.innerText()).replace(/\s+/g, ' ')
    if (!text.includes('身份证号码不正确')) fail(`the problem is not in words: ${text}`)
    // the outcome filter shows the accepted rows too
    await byTestId(report, 'upload-report-filter-ACCEPTED').click()
    if ((await report.locator('[data-testid="report-row"][data-outcome="ACCEPTED"]').count()) !== 2) fail('the filter does not show the 2 accepted rows')
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: TIMEOUT }),
      byTestId(report, 'upload-report-xlsx').click(),
    ]).catch(async () => fail(`no report.xlsx download: ${await visibleProblems(page)}`))
    const headers = headerRow(readFileSync(await download.path()))
    if (!headers.length) fail(`report.xlsx (${download.suggestedFilename()}) has no header row`)
  })

  await step('the corrected sheet adds only that row; the others are already recorded', async () => {
    const sheet = writeXlsx([HEADERS, sheetRow(withPhoto, today), sheetRow(withoutPhoto, today), sheetRow(corrected, today)])
    const { accepted, refused, already } = await uploadSheet(page, `评聘信息-改-${RUN_ID}.xlsx`, sheet)
    if (accepted !== 1 || refused !== 0 || already !== 2) fail(`corrected upload: accepted ${accepted}, refused ${refused}, already ${already}`)
    await page.locator('.el-tabs__item', { hasText: '上传记录' }).click()
    await page.locator('[data-testid="uploads-history"][data-loaded="true"]').waitFor({ timeout: TIMEOUT })
    const listed = await page.locator('[data-testid="uploads-history"] tr', { hasText: RUN_ID }).count()
    if (listed < 2) fail(`the upload history lists ${listed} of this run's 2 uploads`)
    // the first upload's report, opened again from the history, still shows its refused row
    const first = page.locator('[data-testid="uploads-history"] tr', { hasText: `评聘信息-${RUN_ID}.xlsx` })
    await byTestId(first, 'upload-open').click()
    const again = page.locator('[data-testid="uploads-history"] [data-testid="upload-report"][data-refused="1"]')
    await again.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the first upload's report does not open from the history: ${await visibleProblems(page)}`))
    await again.locator('[data-testid="report-row"][data-row="4"][data-outcome="REFUSED"]').waitFor({ timeout: TIMEOUT }).catch(() =>
      fail('the reopened report does not show row 4 refused'))
  })

  const appointmentId = await step('the unit uploads the photo of one record', async () => {
    await page.locator('.el-tabs__item', { hasText: '评聘记录' }).click()
    await field(page, 'appointments-q').fill(withPhoto.name)
    await byTestId(page, 'appointments-search').click()
    const row = page.locator(`[data-testid="appointment-row"][data-name="${withPhoto.name}"][data-state="RECORDED"]`)
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`${withPhoto.name} is not listed as recorded: ${await visibleProblems(page)}`))
    const id = (await row.getAttribute('data-id')) ?? ''
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: TIMEOUT }),
      page.locator(`[data-testid="appointment-photo"][data-id="${id}"]`).click(),
    ])
    await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: makePng() })
    await page.locator(`[data-testid="appointment-row"][data-id="${id}"][data-has-photo="true"]`).waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the photo is not shown as uploaded: ${await visibleProblems(page)}`))
    return id
  })

  await step('one more record entered one by one (the 15 fields), then its report to the personnel department (R25)', async () => {
    const p: Person = { name: `吴${RUN_NAME}`, idNumber: freshIdNumber() }
    await field(page, 'appointments-q').fill('')
    await byTestId(page, 'appointments-search').click()
    await byTestId(page, 'appointment-new').click()
    const dialog = byTestId(page, 'appointment-dialog')
    await dialog.waitFor({ timeout: TIMEOUT })
    await field(dialog, 'ap-name').fill(p.name)
    await field(dialog, 'ap-id-number').fill(p.idNumber)
    await choose(page, byTestId(dialog, 'ap-series'), SERIES)
    await field(dialog, 'ap-specialty').fill(SPECIALTY)
    await choose(page, byTestId(dialog, 'ap-level'), '中级')
    await field(dialog, 'ap-post').fill('馆员')
    await setDate(page, 'ap-appointed-on', today)
    await setDate(page, 'ap-term-start', today)
    await setDate(page, 'ap-term-end', plusYears(today, 3, -1))
    await field(dialog, 'ap-committee').fill('潍坊学院图书资料系列职称评聘委员会')
    await field(dialog, 'ap-publication').fill(`潍院人字〔2026〕${RUN_ID.slice(-3)}号`)
    await byTestId(dialog, 'appointment-submit').click()
    const row = page.locator(`[data-testid="appointment-row"][data-name="${p.name}"][data-state="RECORDED"]`)
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`${p.name} is not listed as recorded: ${await visibleProblems(page)}`))
    const id = (await row.getAttribute('data-id')) ?? ''
    await page.locator(`[data-testid="appointment-report"][data-id="${id}"]`).click()
    const report = byTestId(page, 'appointment-report-dialog')
    await report.waitFor({ timeout: TIMEOUT })
    await field(report, 'appointment-report-reference').fill(`潍院人备〔2026〕${RUN_ID.slice(-3)}号`)
    await byTestId(report, 'appointment-report-confirm').click()
    await page.locator(`[data-testid="appointment-report"][data-id="${id}"]`).waitFor({ state: 'detached', timeout: TIMEOUT }).catch(async () =>
      fail(`the report is not recorded: ${await visibleProblems(page)}`))
  })

  await step('past the release day the job releases the certificate; the record without a photo is held (R25)', async () => {
    const unit = await tokenFor('selfeval')
    const record = await getAs<{ releaseOn: string }>(unit, `/api/appointments/${appointmentId}`)
    if (!record.releaseOn) fail('the record has no release day')
    log(`    release day ${record.releaseOn} (15 working days after ${today})`)
    await setClock(page, `${record.releaseOn}T02:00:00Z`)
    const hr = await tokenFor('hrbureau')
    const res = await fetch(`${BASE_URL}/api/jobs/release-appointment-certificates/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hr}`, 'content-type': 'application/json' },
      body: '{}',
    })
    const run = (await res.json().catch(() => ({}))) as { status?: string; changed?: number }
    if (!res.ok || run.status !== 'SUCCEEDED') fail(`the release job answered ${res.status}: ${JSON.stringify(run).slice(0, 300)}`)
    await signIn(page, 'selfeval', { role: 'SELF_EVAL_UNIT' })
    await nav(page, 'nav-self-eval')
    await nav(page, 'nav-self-eval-appointments')
    await loaded(page, 'appointments-page')
    const released = page.locator(`[data-testid="appointment-row"][data-id="${appointmentId}"][data-state="RELEASED"]`)
    await released.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the record is not released: ${await visibleProblems(page)}`))
    const held = page.locator(`[data-testid="appointment-row"][data-name="${withoutPhoto.name}"][data-state="RECORDED"]`)
    await held.waitFor({ timeout: TIMEOUT }).catch(() => fail(`${withoutPhoto.name} is not still recorded`))
    const hold = held.locator('xpath=ancestor::tr').locator('[data-testid="appointment-hold"][data-reason="PHOTO_MISSING"]')
    await hold.waitFor({ timeout: TIMEOUT }).catch(() => fail(`${withoutPhoto.name} is not shown as held for the photo`))
    const number = (await released.locator('xpath=ancestor::tr').locator('[data-testid="appointment-certificate"]').innerText()).trim()
    log(`    released as ${number}`)
  })

  const holder = await step('the person registers with the record\'s ID number and downloads the certificate', async () => {
    await signOut(page)
    await page.goto(`${BASE_URL}/register`)
    await byTestId(page, 'register-form').waitFor({ timeout: TIMEOUT })
    const username = `ap-${RUN_ID}`
    await field(page, 'register-name').fill(withPhoto.name)
    await field(page, 'register-id-number').fill(withPhoto.idNumber)
    await choose(page, byTestId(page, 'register-unit'), UNIT)
    await field(page, 'register-username').fill(username)
    await field(page, 'register-password').fill('a-long-password')
    await byTestId(page, 'register-submit').click()
    await page.waitForURL((u) => u.pathname.startsWith('/applicant'), { timeout: TIMEOUT }).catch(async () =>
      fail(`registration did not reach /applicant (now at ${page.url()}) ${await visibleProblems(page)}`))
    await nav(page, 'nav-my-certificates')
    await loaded(page, 'my-certificates-page')
    const card = page.locator('[data-testid="certificate-card"]').first()
    await card.waitFor({ timeout: TIMEOUT }).catch(() => fail('no certificate under "My certificates"'))
    const number = (await card.getAttribute('data-number')) ?? ''
    if ((await card.getAttribute('data-status')) !== 'VALID') fail(`the certificate is ${await card.getAttribute('data-status')}`)
    const { pdfPath, fileName } = await downloadPdf(page, card, 'appointment-certificate')
    log(`    ${username}: certificate ${number}; PDF ${fileName}`)
    return { number, pdfPath }
  })

  await step('the scan of its page 1 verifies VALID with the number and name (R27, R28)', async () => {
    const png = rasterise(holder.pdfPath)
    await signOut(page)
    const shown = await scan(page, png)
    if (shown.outcome !== 'valid') fail(`the scan shows "${shown.outcome}", not valid: ${shown.text.slice(0, 300)}`)
    if (shown.number !== holder.number) fail(`the scan shows number ${shown.number}, not ${holder.number}`)
    if (shown.name !== withPhoto.name) fail(`the scan shows name ${shown.name}, not ${withPhoto.name}`)
    log(`    ${shown.text.slice(0, 120)}`)
  })
}

process.exitCode = await runScenario('catalogue', catalogue)
