// Certificates end to end (docs/certificates.md, R27–R30): an application is walked to FILED through the real API
// (e2e/api.ts: accepted, meeting, votes, pass list, notice, filing); the applicant uploads the certificate photo on
// the application page (R27); the HR bureau issues with the publication document number; the holder downloads the
// PDF from "My certificates"; page 1 is rasterised at 150 dpi (pdftoppm) and the PNG is uploaded on the verify page,
// which reads the QR code, checks the signature in the browser against the trust list and shows VALID with the
// number and name; a typed number with a wrong check character is refused before any lookup; a tampered payload is
// TAMPERED; the holder asks for a reissue (lost), the HR bureau reissues from the request and rotates its key, and the
// same scan shows SUPERSEDED with the new number (the retired key still trusted); the reissued certificate is revoked
// (correction) and the lookup shows why; this year's issuance report cannot be submitted before the year ends (R29).
//
//   Real server (settable clock):  ZC_BASE_URL=http://localhost:8080 npx tsx e2e/certificate.e2e.ts
//   Mock backend:                  npm run build && ZC_MOCK_PORT=8093 npm run mock &
//                                  ZC_BASE_URL=http://localhost:8093 npx tsx e2e/certificate.e2e.ts
// Needs pdftoppm (poppler-utils). Prints "1 passed, 0 failed" or "0 passed, 1 failed".
import type { Page } from 'playwright-core'
import { filedApplication } from './api'
import { downloadPdf, rasterise, scan } from './certificateSteps'
import {
  BASE_URL,
  byTestId,
  fail,
  field,
  log,
  makePdf,
  makePng,
  RUN_ID,
  runScenario,
  serverNow,
  setClock,
  signIn,
  signOut,
  step,
  tamperCompactJws,
  TIMEOUT,
  visibleProblems,
} from './lib'

type Json = Record<string, unknown>

const PUBLICATION = `潍人社字〔2026〕${RUN_ID.slice(-3)}号`

interface Holder {
  applicationId: string
  username: string
  password: string
  name: string
  /** Tells this run's certificate among the holder's others (the mock's demo applicant has several). */
  specialty: string
}

// ---------- the mock backend has no clock and no registration: its legacy routes walk the demo applicant ----------

async function mockCall(method: string, path: string, token: string | null, body?: unknown): Promise<Json> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) fail(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`)
  return text ? (JSON.parse(text) as Json) : {}
}

async function mockToken(username: string): Promise<string> {
  return String((await mockCall('POST', '/api/auth/sign-in', null, { username, password: 'demo123' })).token)
}

async function filedOnMock(): Promise<Holder> {
  const me = await mockToken('applicant')
  const specialty = `电力系统 e2e ${RUN_ID}`
  let app = await mockCall('POST', '/api/applications', me, {
    seriesId: 's1', level: 'INTERMEDIATE', specialty, unitId: 'u1', employment: 'EMPLOYED',
    diplomaNumber: '104221201505000001', graduationYear: 2015, degreeNumber: '1042232015000001', degreeAwardedOn: '2015-07-01',
    grassroots: true,
  })
  const id = String(app.id)
  const pdf = makePdf('evidence')
  const grant = await mockCall('POST', `/api/applications/${id}/evidence`, me, { title: '业绩', fileName: 'a.pdf', contentType: 'application/pdf', size: pdf.length })
  const up = grant.upload as { method: string; url: string; headers: Record<string, string> }
  await fetch(new URL(up.url, BASE_URL), { method: up.method, headers: up.headers, body: new Uint8Array(pdf) })
  await mockCall('POST', `/api/applications/${id}/evidence/${String((grant.item as Json).id)}/complete`, me)
  app = await mockCall('POST', `/api/applications/${id}/submit`, me, { pledgeAccepted: true, version: app.version })
  const unit = await mockToken('unit')
  app = await mockCall('POST', `/api/unit/applications/${id}/review`, unit, { comment: '', version: app.version })
  app = await mockCall('POST', `/api/unit/applications/${id}/recommend`, unit, {
    unitPledgeAccepted: true, diplomaVerification: 'DIPLOMA_DATABASE', degreeVerification: 'DEGREE_DATABASE', version: app.version,
  })
  const hr = await mockToken('hrbureau')
  const office = await mockToken('office')
  app = await mockCall('POST', `/api/review/applications/${id}/vet`, hr, { comment: '', version: app.version })
  app = await mockCall('POST', `/api/review/applications/${id}/accept`, office, { version: app.version })
  app = await mockCall('POST', `/api/review/applications/${id}/decision`, office, { outcome: 'PASS', note: '', version: app.version })
  app = await mockCall('POST', `/api/review/applications/${id}/publish`, hr, { version: app.version })
  app = await mockCall('POST', `/api/review/applications/${id}/file`, hr, { version: app.version })
  if (app.state !== 'FILED') fail(`the mock application is ${String(app.state)}, not FILED`)
  return { applicationId: id, username: 'applicant', password: 'demo123', name: '张三', specialty }
}

// ---------- page steps ----------

async function certificate(page: Page): Promise<void> {
  // The mock backend's catalogue is its own (ENG, not the demo seed's ENGINEERING) and it has no registration.
  const series = (await (await fetch(`${BASE_URL}/api/catalogue/series`)).json().catch(() => [])) as Array<{ code: string }>
  const real = series.some((s) => s.code === 'ENGINEERING')
  let holder: Holder = { applicationId: '', username: '', password: '', name: '', specialty: '' }

  await step(`set-up: an application walked to FILED through the ${real ? 'real' : 'mock'} routes`, async () => {
    if (real) {
      const filed = await filedApplication('孙证书')
      holder = { ...filed, specialty: '' }
      const now = (await serverNow()) ?? fail('the server clock is not settable')
      await setClock(page, now.toISOString())
      log(`    application ${filed.applicationId} of ${filed.username} in round ${filed.roundId}`)
    } else {
      holder = await filedOnMock()
      log(`    mock application ${holder.applicationId} (FILED)`)
    }
  })

  await step('before a photo, the HR bureau sees it is missing (R27)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await page.goto(`${BASE_URL}/work/applications/${encodeURIComponent(holder.applicationId)}`)
    await page.locator('[data-testid="photo-section"][data-has-photo="false"]').waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the application page does not show the photo as missing: ${await visibleProblems(page)}`))
  })

  await step('the applicant uploads the certificate photo on the application page (R27)', async () => {
    await signIn(page, holder.username, { password: holder.password, role: 'APPLICANT' })
    await page.goto(`${BASE_URL}/applicant/applications/${encodeURIComponent(holder.applicationId)}`)
    await byTestId(page, 'photo-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: makePng() })
    await page.locator('[data-testid="photo-section"][data-has-photo="true"]').waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the photo is not shown as uploaded: ${await visibleProblems(page)}`))
    await byTestId(page, 'photo-preview').waitFor({ timeout: TIMEOUT }).catch(() => fail('no photo preview'))
  })

  await step('the HR bureau issues it with the publication document number (R27, R28)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await page.goto(`${BASE_URL}/work/applications/${encodeURIComponent(holder.applicationId)}`)
    const issue = page.locator(`[data-testid="action-issue"][data-app-id="${holder.applicationId}"]`)
    await issue.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no "issue" action on the filed application: ${await visibleProblems(page)}`))
    await issue.click()
    const dialog = page.locator('.el-dialog[data-action="issue"]')
    await dialog.waitFor({ timeout: TIMEOUT })
    await byTestId(dialog, 'action-confirm').click()
    // The publication number is required before anything is sent.
    await dialog.locator('.zc-problem-alert').waitFor({ timeout: TIMEOUT }).catch(() => fail('issuing without a publication number was not stopped'))
    await field(dialog, 'action-publication-number').fill(PUBLICATION)
    await byTestId(dialog, 'action-confirm').click()
    await page.locator(`[data-testid="work-detail"][data-state="CERTIFIED"]`).waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the application is not CERTIFIED after issuing: ${await visibleProblems(page)}`))
  })

  const cert = await step('the holder sees the certificate under "My certificates" and downloads its PDF', async () => {
    await signIn(page, holder.username, { password: holder.password, role: 'APPLICANT' })
    await byTestId(page, 'nav-my-certificates').click()
    await page.locator('[data-testid="my-certificates-page"][data-loaded="true"]').waitFor({ timeout: TIMEOUT })
    const cards = page.locator('[data-testid="certificate-card"]')
    await cards.first().waitFor({ timeout: TIMEOUT }).catch(() => fail('no certificate under "My certificates"'))
    const card = holder.specialty ? cards.filter({ hasText: holder.specialty }).first() : cards.first()
    const number = (await card.getAttribute('data-number')) ?? ''
    const id = (await card.getAttribute('data-id')) ?? ''
    const status = await card.getAttribute('data-status')
    if (status !== 'VALID') fail(`the new certificate is ${status}`)
    const publication = await card.innerText()
    if (!publication.includes(PUBLICATION)) fail(`the certificate does not show the publication number ${PUBLICATION}`)
    const { pdfPath, fileName } = await downloadPdf(page, card)
    log(`    certificate ${number} (${id}); PDF ${fileName}`)
    return { number, id, pdfPath }
  })

  const png = await step('page 1 of the PDF is rasterised at 150 dpi (pdftoppm)', async () => rasterise(cert.pdfPath))

  await step('the scan uploaded on the verify page shows VALID with the number and name, checked in the browser', async () => {
    const sent: string[] = []
    const watch = (r: { url: () => string; postData: () => string | null }) => sent.push(`${r.url()} ${r.postData() ?? ''}`)
    page.on('request', watch)
    await signOut(page)
    const shown = await scan(page, png)
    page.off('request', watch)
    if (shown.outcome !== 'valid') fail(`the scan shows "${shown.outcome}", not valid: ${shown.text.slice(0, 300)}`)
    if (shown.number !== cert.number) fail(`the scan shows number ${shown.number}, not ${cert.number}`)
    if (shown.name !== holder.name) fail(`the scan shows name ${shown.name}, not ${holder.name}`)
    // The payload never reaches the server: only the number's status is asked.
    const leaked = sent.filter((s) => s.includes('/api/') && (s.includes('/verify') || /eyJ[\w-]{20,}\./.test(s)))
    if (leaked.length) fail(`the payload was sent to the server: ${leaked[0].slice(0, 200)}`)
    if (!sent.some((s) => s.includes(`/api/public/certificates/${cert.number}/status`))) fail('the page did not ask the status by number')
    if (holder.specialty) {
      // The mock application was on the grassroots track: the restriction is stated (R30).
      await byTestId(page, 'verify-restriction').waitFor({ timeout: TIMEOUT }).catch(() => fail('the R30 restriction is not shown'))
    }
    log(`    ${shown.text.slice(0, 120)}`)
  })

  await step('a typed number with a wrong check character is refused before any lookup (R27)', async () => {
    const last = cert.number.slice(-1)
    const wrong = cert.number.slice(0, -1) + (last === '0' ? '1' : '0')
    let asked = false
    const watch = (r: { url: () => string }) => {
      if (r.url().includes('/api/public/certificates/lookup')) asked = true
    }
    page.on('request', watch)
    await field(page, 'lookup-number').fill(wrong)
    await field(page, 'lookup-name').fill(holder.name)
    await byTestId(page, 'lookup-submit').click()
    await page.locator('.zc-problem-alert[data-code="MALFORMED_CERTIFICATE_NUMBER"]').waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`no check-character refusal: ${await visibleProblems(page)}`))
    page.off('request', watch)
    if (asked) fail('the lookup was sent although the check character is wrong')
    await field(page, 'lookup-number').fill(cert.number.toLowerCase())
    await byTestId(page, 'lookup-submit').click()
    const res = page.locator(`[data-testid="lookup-result"][data-number="${cert.number}"][data-status="VALID"]`)
    await res.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the lookup of the right number shows nothing: ${await visibleProblems(page)}`))
  })

  await step('a payload with one character changed is TAMPERED', async () => {
    await page.goto(`${BASE_URL}/verify`)
    // The payload the scan decoded stays in the page's field; change one character of it.
    await byTestId(page, 'verify-upload').setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: png })
    await page.locator('[data-testid="verify-outcome"][data-source="upload"]').waitFor({ timeout: TIMEOUT })
    const jws = await field(page, 'verify-payload').inputValue()
    await field(page, 'verify-payload').fill(tamperCompactJws(jws))
    await byTestId(page, 'verify-submit').click()
    await page.locator('[data-testid="verify-outcome"][data-source="paste"][data-outcome="tampered"]').waitFor({ timeout: TIMEOUT }).catch(async () => {
      const other = await byTestId(page, 'verify-outcome').getAttribute('data-outcome').catch(() => null)
      fail(`a tampered payload shows ${other ?? 'nothing'}, not tampered`)
    })
  })

  await step('the holder asks the original issuer for a reissue: lost (R29)', async () => {
    await signIn(page, holder.username, { password: holder.password, role: 'APPLICANT' })
    await byTestId(page, 'nav-my-certificates').click()
    await page.locator('[data-testid="my-certificates-page"][data-loaded="true"]').waitFor({ timeout: TIMEOUT })
    await page.locator(`[data-testid="certificate-reissue-ask"][data-id="${cert.id}"]`).click()
    const dialog = byTestId(page, 'reissue-request-dialog')
    await byTestId(dialog, 'reissue-request-reason-LOST').click()
    await field(dialog, 'reissue-request-note').fill('搬家时遗失纸质打印件（e2e）')
    await byTestId(dialog, 'reissue-request-confirm').click()
    await page.locator('[data-testid="my-reissue-row"][data-state="PENDING"]').first().waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the request is not listed as pending: ${await visibleProblems(page)}`))
  })

  const reissued = await step('the HR bureau reissues from the request; the old certificate is superseded', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await byTestId(page, 'nav-issued-certificates').click()
    await byTestId(page, 'nav-reissue-requests').click()
    await page.locator('[data-testid="reissue-requests-page"][data-loaded="true"]').waitFor({ timeout: TIMEOUT })
    const row = page.locator('[data-testid="reissue-request-row"][data-state="PENDING"]', { hasText: cert.number })
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the request for ${cert.number} is not in the inbox: ${await visibleProblems(page)}`))
    const requestId = (await row.getAttribute('data-id')) ?? ''
    await page.locator(`[data-testid="reissue-request-reissue"][data-id="${requestId}"]`).click()
    await page.locator('[data-testid="reissue-requests-page"][data-count="0"]').waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the request is still pending after the reissue: ${await visibleProblems(page)}`))
    await byTestId(page, 'nav-issued').click()
    await page.locator(`[data-testid="issued-row"][data-number="${cert.number}"][data-status="SUPERSEDED"]`).waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`${cert.number} is not shown as superseded: ${await visibleProblems(page)}`))
    const fresh = page.locator('[data-testid="issued-row"][data-status="VALID"]').first()
    const number = (await fresh.getAttribute('data-number')) ?? ''
    const id = (await fresh.getAttribute('data-id')) ?? ''
    log(`    reissued as ${number}`)
    return { number, id }
  })

  await step('the HR bureau rotates its signing key: the old one is listed as retired', async () => {
    await byTestId(page, 'nav-issuer-keys').click()
    await page.locator('[data-testid="issuer-keys-page"][data-loaded="true"]').waitFor({ timeout: TIMEOUT })
    const before = await page.locator('[data-testid="issuer-key-row"]').count()
    await byTestId(page, 'issuer-keys-rotate').click()
    const dialog = byTestId(page, 'rotate-dialog')
    await field(dialog, 'rotate-reason').fill('年度轮换（e2e）')
    await byTestId(dialog, 'rotate-confirm').click()
    await page.locator('[data-testid="issuer-key-row"]').nth(before).waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`no new key after rotating: ${await visibleProblems(page)}`))
    if ((await page.locator('[data-testid="issuer-key-row"][data-status="CURRENT"]').count()) !== 1) fail('not exactly one current key')
    if (!(await page.locator('[data-testid="issuer-key-row"][data-status="RETIRED"]').count())) fail('no retired key listed')
  })

  await step('the same scan now shows SUPERSEDED with the new number (signed by the retired key, still trusted)', async () => {
    await signOut(page)
    const shown = await scan(page, png)
    if (shown.outcome !== 'superseded') fail(`after the reissue the scan shows "${shown.outcome}": ${shown.text.slice(0, 300)}`)
    const by = (await byTestId(page, 'verify-superseded-by').innerText()).trim()
    if (by !== reissued.number) fail(`the scan names ${by} as the new certificate, not ${reissued.number}`)
    log(`    ${shown.text.slice(0, 120)}`)
  })

  await step('the HR bureau revokes the reissued certificate (correction); the lookup shows it revoked with its cause', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await byTestId(page, 'nav-issued-certificates').click()
    await page.locator('[data-testid="issued-page"][data-loaded="true"]').waitFor({ timeout: TIMEOUT })
    await field(page, 'issued-q').fill(reissued.number)
    await byTestId(page, 'issued-search-submit').click()
    await page.locator(`[data-testid="issued-revoke"][data-id="${reissued.id}"]`).click()
    const dialog = byTestId(page, 'revoke-dialog')
    await byTestId(dialog, 'revoke-confirm').click()
    await dialog.locator('.zc-problem-alert').waitFor({ timeout: TIMEOUT }).catch(() => fail('revoking without a reason was not stopped'))
    await field(dialog, 'revoke-reason').fill('证书信息有误（e2e）')
    await byTestId(dialog, 'revoke-confirm').click()
    await page.locator(`[data-testid="issued-row"][data-number="${reissued.number}"][data-status="REVOKED"]`).waitFor({ timeout: TIMEOUT }).catch(async () =>
      fail(`the reissued certificate is not shown as revoked: ${await visibleProblems(page)}`))
    await signOut(page)
    await page.goto(`${BASE_URL}/verify`)
    await field(page, 'lookup-number').fill(reissued.number)
    await field(page, 'lookup-name').fill(holder.name)
    await byTestId(page, 'lookup-submit').click()
    const res = page.locator(`[data-testid="lookup-result"][data-number="${reissued.number}"][data-status="REVOKED"]`)
    await res.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`the lookup does not show the revocation: ${await visibleProblems(page)}`))
    const text = (await res.innerText()).replace(/\s+/g, ' ')
    if (!text.includes('信息更正')) fail(`the lookup does not give the cause in words: ${text.slice(0, 200)}`)
  })

  await step('submitting this year\'s issuance report before the year ends is refused (R29)', async () => {
    await signIn(page, 'hrbureau', { role: 'HR_BUREAU' })
    await byTestId(page, 'nav-issued-certificates').click()
    await byTestId(page, 'nav-issuance-reports').click()
    await page.locator('[data-testid="issuance-reports-page"][data-loaded="true"]').waitFor({ timeout: TIMEOUT })
    const year = cert.number.replace(/^[0-9A-Z]*?(\d{4})\d{6}[0-9A-Z]$/, '$1')
    const row = page.locator(`[data-testid="issuance-report-row"][data-year="${year}"][data-state="OPEN"]`)
    await row.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no open report for ${year}: ${await visibleProblems(page)}`))
    await page.locator(`[data-testid="issuance-report-submit"][data-year="${year}"]`).click()
    const dialog = byTestId(page, 'issuance-report-confirm')
    await byTestId(dialog, 'issuance-report-confirm-confirm').click()
    const alert = dialog.locator('.zc-problem-alert[data-code="REPORT_YEAR_NOT_OVER"]')
    await alert.waitFor({ timeout: TIMEOUT }).catch(async () => fail(`no REPORT_YEAR_NOT_OVER refusal: ${await visibleProblems(page)}`))
    const text = (await alert.innerText()).replace(/\s+/g, ' ')
    if (!text.includes('R29')) fail(`the refusal does not name R29: ${text}`)
    log(`    refused: ${text}`)
  })
}

process.exitCode = await runScenario('certificate', certificate)
