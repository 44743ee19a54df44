// The committee route's first-half pages (R1–R10) with the API answered inside the browser, so no backend is
// needed: the applicant's form (R3, R4, Idempotency-Key) and a ban refusal (R20); the unit's publicity,
// objection, attachments and recommend refusal (R4, R7); the office's accept refusal (R1); the HR bureau's
// set-up (committee, windows, pools, R9); an expert's conflict form (R10); the public windows (R1).
// Run against anything serving dist/, e.g.:
//   npm run build && npx vite preview --port 4391 &   ZC_BASE_URL=http://localhost:4391 npx tsx e2e/committee-pages.e2e.ts
import type { Locator, Page, Route } from 'playwright-core'
import { BASE_URL, byTestId, fail, field, log, runScenario, step } from './lib'

const BASE = BASE_URL
const requests: { method: string; url: string; headers: Record<string, string>; body: string | null }[] = []

const units = [
  { id: 'u1', code: 'E1', name: '潍坊市电力设计研究院', kind: 'EMPLOYER' },
  { id: 'a1', code: 'A1', name: '潍坊市人才服务中心', kind: 'AGENCY' },
]
const series = [{ id: 's1', code: 'ENG', nameZh: '工程技术', nameEn: 'Engineering' }]
const levels = [{ code: 'INTERMEDIATE', nameZh: '中级', nameEn: 'Intermediate' }]
const app: Record<string, unknown> = {
  id: 'app1',
  state: 'UNIT_PUBLICITY',
  version: 3,
  applicant: { name: '张三', idNumber: '3707************3X' },
  unit: { id: 'u1', name: '潍坊市电力设计研究院' },
  employment: 'EMPLOYED',
  series: { id: 's1', name: '工程技术' },
  level: 'INTERMEDIATE',
  specialty: '电气工程',
  committee: { id: 'c1', name: '潍坊市工程技术中级评委会' },
  diplomaNumber: 'D123',
  graduationYear: 1999,
  degreeNumber: 'G123',
  degreeAwardedOn: '2010-07-01',
  unitReview: { by: '李人事', at: '2026-09-01T02:00:00Z' },
  publicityEndsOn: '2026-09-08',
  vetting: null,
  evidence: [],
  objections: [],
  history: [],
  actions: ['recommend', 'return'],
}
const committee = {
  id: 'c1',
  code: 'WF-ENG-M',
  name: '潍坊市工程技术中级评委会',
  series: { id: 's1', name: '工程技术' },
  levels: ['INTERMEDIATE'],
  jurisdiction: '潍坊市',
  organiser: '潍坊市人社局',
  memberCount: 7,
  version: 0,
}
const windowOf = (id: string, title: string, opensAt: string, closesAt: string, open: boolean) => ({
  id,
  committee: { id: 'c1', name: committee.name },
  series: { id: 's1', name: '工程技术' },
  title,
  opensAt,
  closesAt,
  open,
  version: 0,
})
const windowsList = [
  windowOf('w1', '2026 年度申报', '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z', true),
  windowOf('w2', '已截止', '2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z', false),
]
const unitRef = { id: 'u1', name: '潍坊市电力设计研究院' }
const expert = { id: 'e1', name: '周专家', specialty: '电气', unit: unitRef, username: 'expert1' }

function json(route: Route, body: unknown, status = 200) {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json'
  return route.fulfill({ status, contentType, body: JSON.stringify(body) })
}

/** A refusal as the server sends it: an RFC 9457 problem with code, rule and extension members. */
const refusal = (route: Route, body: Record<string, unknown>) => json(route, { status: 422, title: 'Refused', ...body }, 422)
const draft = () => ({ ...app, id: 'new1', state: 'DRAFT', actions: ['submit'] })

async function api(route: Route) {
  const req = route.request()
  const url = new URL(req.url())
  const p = url.pathname
  const m = req.method()
  requests.push({ method: m, url: p, headers: req.headers(), body: req.postData() })
  if (p === '/api/catalogue/series') return json(route, series)
  if (p === '/api/catalogue/levels') return json(route, levels)
  if (p === '/api/catalogue/units') return json(route, units.filter((u) => u.kind === url.searchParams.get('kind')))
  if (p === '/api/notifications' || p === '/api/deadlines' || p === '/api/certificates/mine') return json(route, [])
  if (p === '/api/applications' && m === 'GET') return json(route, [])
  if (p === '/api/applications' && m === 'POST') return json(route, draft())
  if (p === '/api/applications/new1') return json(route, draft())
  if (p === '/api/applications/new1/submit')
    return refusal(route, { code: 'INTEGRITY_BAN', rule: 'R20', banEndsOn: '2031-05-01' })
  if (p === '/api/unit/applications' || p === '/api/review/applications') return json(route, [app])
  if (p === '/api/unit/applications/app1' || p === '/api/review/applications/app1') return json(route, app)
  if (p === '/api/unit/applications/app1/objections') {
    ;(app.objections as unknown[]).push({
      id: 'o1',
      stage: 'UNIT_PUBLICITY',
      raisedAt: new Date().toISOString(),
      raisedBy: '王五',
      content: '业绩不实',
      decision: null,
      version: 0,
    })
    return json(route, {})
  }
  if (p === '/api/unit/applications/app1/objections/o1/decision') {
    const o = (app.objections as Record<string, unknown>[])[0]
    const { decision, explanation } = JSON.parse(req.postData() ?? '{}')
    Object.assign(o, { decision, explanation, decidedAt: new Date().toISOString() })
    return json(route, o)
  }
  if (p === '/api/unit/applications/app1/attachments') {
    const b = JSON.parse(req.postData() ?? '{}')
    const item = { id: 'it-' + b.kind, ...b, status: 'PENDING' }
    ;(app.evidence as unknown[]).push(item)
    const upload = { method: 'PUT', url: '/local-store/x', headers: { 'Content-Type': b.contentType } }
    return json(route, { item, upload })
  }
  if (p.startsWith('/api/unit/applications/app1/attachments/')) {
    const id = p.split('/')[6]
    const it = (app.evidence as Record<string, unknown>[]).find((e) => e.id === id)!
    it.status = 'UPLOADED'
    return json(route, it)
  }
  if (p === '/api/unit/applications/app1/recommend')
    return refusal(route, { code: 'PUBLICITY_NOT_ENDED', rule: 'R7', publicityEndsOn: '2026-09-08' })
  if (p === '/api/review/applications/app1/accept')
    return refusal(route, { code: 'WINDOW_CLOSED', rule: 'R1', closedAt: '2026-09-30T16:00:00Z' })
  if (p === '/api/committees' && m === 'GET') return json(route, [committee])
  if (p === '/api/committees' && m === 'POST') return json(route, committee)
  if (p === '/api/committees/c1/staff') {
    return json(route, m === 'GET' ? [{ id: 'st1', username: 'office2', displayName: '钱办' }] : { id: 'st2' })
  }
  if (p === '/api/committees/c1/windows') return json(route, m === 'GET' ? windowsList : windowsList[0])
  if (p === '/api/public/windows') return json(route, windowsList)
  if (p === '/api/experts') return json(route, m === 'GET' ? [expert, { ...expert, id: 'e2', name: '吴专家' }] : expert)
  if (p.startsWith('/api/committees/c1/pools/')) {
    if (p.includes('/copy-from/')) return json(route, { committeeId: 'c1', year: 2026, members: [] })
    return json(route, { committeeId: 'c1', year: 2026, members: [{ expert, termEndsOn: '2027-08-31' }] })
  }
  if (p === '/api/expert/meetings') return json(route, [])
  if (p === '/api/expert/conflicts') {
    const declared = { id: 'x1', unit: unitRef, personName: null, reason: '曾任职', declaredAt: '2026-01-01T00:00:00Z' }
    return json(route, m === 'GET' ? [declared] : {})
  }
  log(`  (unhandled ${m} ${p})`)
  return json(route, {}, 404)
}

async function as(page: Page, role: string | null) {
  await page.goto(`${BASE}/windows`)
  await page.evaluate((r) => {
    sessionStorage.clear()
    if (r) {
      sessionStorage.setItem('zc.token', 'x.e30.y')
      sessionStorage.setItem('zc.account', JSON.stringify({ role: r, displayName: r }))
    }
  }, role)
}

const text = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ').trim()
const sent = (method: string, path: string) => requests.filter((r) => r.method === method && r.url === path)

function expectThat(ok: boolean, what: string): void {
  if (!ok) fail(what)
}

/** One attribute of every element matching a selector. */
async function attrs(page: Page, selector: string, name: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els, n) => els.map((e) => e.getAttribute(n) ?? ''), name)
}

/** The test ids of the options a select offers right now. */
async function optionIds(page: Page, prefix: string): Promise<string[]> {
  return page.locator(`[data-testid^="${prefix}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))
}

async function pick(page: Page, select: Locator, label: string | RegExp) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}

async function fillDate(scope: Page | Locator, id: string, value: string) {
  await field(scope, id).fill(value)
  await field(scope, id).press('Enter')
}

async function scenario(page: Page) {
  await page.route('**/api/**', api)
  await page.route('**/local-store/**', (r) => r.fulfill({ status: 200, body: '' }))

  await step('the sign-in page links to the public submission windows (R1)', async () => {
    await as(page, null)
    await page.goto(`${BASE}/sign-in`)
    await byTestId(page, 'windows-link').click()
    await byTestId(page, 'public-window-row').first().waitFor()
    const ids = await attrs(page, '[data-testid="public-window-row"]', 'data-window-id')
    expectThat(ids.join() === 'w1', `public windows should list only the open one, got [${ids.join()}]`)
  })

  await step('an applicant creates with employment, graduation year and degree date (R3, R4)', async () => {
    await as(page, 'APPLICANT')
    await page.goto(`${BASE}/applicant`)
    await byTestId(page, 'new-application-form').waitFor()
    await byTestId(page, 'new-employment-FLEXIBLE').click()
    await byTestId(page, 'new-unit').click()
    // The dropdown opens with a transition (and the units may still be loading): read it once it shows an item.
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    const offered = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
    expectThat(offered.join() === '潍坊市人才服务中心', `a flexible worker sees agencies only, saw [${offered}]`)
    await page.locator('.el-select-dropdown__item:visible').first().click()
    await pick(page, byTestId(page, 'new-series'), '工程技术')
    await pick(page, byTestId(page, 'new-level'), '中级')
    await field(page, 'new-specialty').fill('电气工程')
    await field(page, 'new-diploma').fill('D 12')
    await field(page, 'new-graduation-year').fill('1999')
    await field(page, 'new-degree').fill('G123')
    await fillDate(page, 'new-degree-awarded-on', '2010-07-01')
    await page.keyboard.press('Escape')
    const hint = await text(byTestId(page, 'new-routes-hint'))
    expectThat(hint.includes('2002 年以前') && hint.includes('2008 年 9 月 1 日及以后'), `R4 hint: ${hint}`)
    await byTestId(page, 'new-submit').click()
    await page.locator('.el-form-item__error:visible', { hasText: '只能包含字母' }).waitFor()
    expectThat(sent('POST', '/api/applications').length === 0, 'an invalid diploma number was sent')
    await field(page, 'new-diploma').fill('D12')
    await byTestId(page, 'new-submit').click()
    await page.waitForURL(/applications\/new1/)
    const posts = sent('POST', '/api/applications')
    expectThat(posts.length === 1, `expected one create, got ${posts.length}`)
    expectThat(/^[0-9a-f-]{36}$/.test(posts[0].headers['idempotency-key'] ?? ''), 'no Idempotency-Key on create')
    const body = JSON.parse(posts[0].body ?? '{}')
    expectThat(
      body.employment === 'FLEXIBLE' && body.graduationYear === 1999 && body.degreeAwardedOn === '2010-07-01',
      `create body: ${posts[0].body}`,
    )
  })

  await step('a ban refusal names its end date (R20)', async () => {
    await byTestId(page, 'pledge-checkbox').click()
    await byTestId(page, 'submit-application').click()
    const alert = page.locator('[data-testid="problem-alert"][data-code="INTEGRITY_BAN"]')
    await alert.waitFor()
    const t = await text(alert)
    expectThat(t.includes('2031/05/01') && t.includes('(R20)'), `ban alert: ${t}`)
  })

  await step('the unit sees the publicity end, records and decides an objection (R6, R7)', async () => {
    await as(page, 'UNIT_HR')
    await page.goto(`${BASE}/work`)
    const tag = page.locator('[data-testid="work-publicity"][data-app-id="app1"]')
    await tag.waitFor()
    expectThat((await tag.getAttribute('data-date')) === '2026-09-08', 'publicity date on the work list')
    await page.locator('[data-testid="work-open"][data-app-id="app1"]').click()
    await page.locator('[data-testid="work-detail"][data-app-id="app1"]').waitFor()
    const onPage = await byTestId(page, 'detail-publicity').getAttribute('data-date')
    expectThat(onPage === '2026-09-08', `publicity on the page: ${onPage}`)
    await byTestId(page, 'objection-record-open').click()
    await field(page, 'objection-raised-by').fill('王五')
    await field(page, 'objection-content').fill('业绩不实')
    await byTestId(page, 'objection-save').click()
    await page.locator('[data-testid="objection-row"][data-decision="PENDING"]').waitFor()
    const rec = sent('POST', '/api/unit/applications/app1/objections')
    expectThat(rec.length === 1 && !!rec[0].headers['idempotency-key'], 'objection sent once with an Idempotency-Key')
    await page.locator('[data-testid="objection-decide-open"][data-objection-id="o1"]').click()
    await byTestId(page, 'decision-DISMISSED').click()
    await field(page, 'decision-explanation').fill('经核实，不成立')
    await byTestId(page, 'decision-save').click()
    await page.locator('[data-testid="objection-row"][data-decision="DISMISSED"]').waitFor()
  })

  await step('the unit uploads the three attachments (R7)', async () => {
    for (const kind of ['SUPERVISION_CARD', 'APPRAISAL_FORM', 'PUBLICITY_RECORD']) {
      await byTestId(page, `attachment-${kind}`)
        .locator('[data-testid="evidence-file"]')
        .setInputFiles({ name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 test') })
      await page.locator(`[data-testid="attachment-${kind}"][data-status="UPLOADED"]`).waitFor()
    }
    const kinds = sent('POST', '/api/unit/applications/app1/attachments').map((r) => JSON.parse(r.body ?? '{}').kind)
    expectThat(kinds.join() === 'SUPERVISION_CARD,APPRAISAL_FORM,PUBLICITY_RECORD', `attachment kinds: ${kinds.join()}`)
  })

  await step('recommend offers only the applicable routes and explains the refusal (R4, R7)', async () => {
    await page.locator('[data-testid="action-recommend"][data-app-id="app1"]').click()
    const dialog = page.locator('.el-dialog[data-action="recommend"]')
    await dialog.waitFor()
    await byTestId(dialog, 'action-diploma-verification').click()
    await page.waitForTimeout(300)
    const diploma = await optionIds(page, 'option-diploma-')
    expectThat(diploma.join() === 'option-diploma-ARCHIVE_REVIEW', `a 1999 graduate: archive review only, got [${diploma}]`)
    await page.keyboard.press('Escape')
    await byTestId(dialog, 'action-degree-verification').click()
    await page.waitForTimeout(300)
    const degree = await optionIds(page, 'option-degree-')
    expectThat(
      degree.join() === 'option-degree-DEGREE_DATABASE,option-degree-ARCHIVE_REVIEW',
      `a 2010 degree: database and archive, got [${degree}]`,
    )
    await page.keyboard.press('Escape')
    await byTestId(dialog, 'action-unit-pledge').click()
    await byTestId(dialog, 'action-confirm').click()
    const alert = dialog.locator('[data-testid="problem-alert"][data-code="PUBLICITY_NOT_ENDED"]')
    await alert.waitFor()
    const t = await text(alert)
    expectThat(t.includes('2026/09/08') && t.includes('(R7)') && (await byTestId(alert, 'problem-next').count()) === 1, t)
    const body = JSON.parse(sent('POST', '/api/unit/applications/app1/recommend')[0]?.body ?? '{}')
    expectThat(body.diplomaVerification === 'ARCHIVE_REVIEW' && body.unitPledgeAccepted === true, JSON.stringify(body))
    await byTestId(dialog, 'action-cancel').click()
  })

  await step('the office accepts from the work list and sees the window refusal (R1)', async () => {
    await as(page, 'COMMITTEE_OFFICE')
    app.actions = ['accept']
    await page.goto(`${BASE}/work`)
    await page.locator('[data-testid="action-accept"][data-app-id="app1"]').click()
    const dialog = page.locator('.el-dialog[data-action="accept"]')
    await field(dialog, 'action-comment').fill('受理')
    await byTestId(dialog, 'action-confirm').click()
    const alert = dialog.locator('[data-testid="problem-alert"][data-code="WINDOW_CLOSED"]')
    await alert.waitFor()
    expectThat((await text(alert)).includes('(R1)'), await text(alert))
    const accept = JSON.parse(sent('POST', '/api/review/applications/app1/accept')[0]?.body ?? '{}')
    expectThat(accept.comment === '受理', `accept body: ${JSON.stringify(accept)}`)
  })

  await step('the HR bureau sets up a committee, a window and renews a pool (R1, R8, R9)', async () => {
    await as(page, 'HR_BUREAU')
    await page.goto(`${BASE}/work`)
    await byTestId(page, 'nav-setup').click()
    await byTestId(page, 'committee-row').first().waitFor()
    await byTestId(page, 'committee-add').click()
    await field(page, 'committee-code').fill('X1')
    await field(page, 'committee-name').fill('测试评委会')
    await pick(page, byTestId(page, 'committee-series'), '工程技术')
    await byTestId(page, 'committee-level-INTERMEDIATE').click()
    await byTestId(page, 'committee-save').click()
    await page.locator('[data-testid="committee-dialog"]').waitFor({ state: 'hidden' })
    const c = JSON.parse(sent('POST', '/api/committees')[0]?.body ?? '{}')
    expectThat(c.code === 'X1' && c.levels?.join() === 'INTERMEDIATE' && c.memberCount === 7, JSON.stringify(c))
    await byTestId(page, 'setup-tab-staff').click()
    await byTestId(page, 'staff-row').first().waitFor()
    await byTestId(page, 'setup-tab-windows').click()
    await byTestId(page, 'window-row').first().waitFor()
    const statuses = await attrs(page, '[data-testid="window-status"]', 'data-status')
    expectThat(statuses.join() === 'OPEN,CLOSED', `window statuses [${statuses.join()}]`)
    await byTestId(page, 'window-add').click()
    await field(page, 'window-title').fill('新窗口')
    await fillDate(page, 'window-opens-at', '2026-10-01 00:00:00')
    await fillDate(page, 'window-closes-at', '2026-10-31 23:59:59')
    await byTestId(page, 'window-save').click()
    await page.locator('[data-testid="window-dialog"]').waitFor({ state: 'hidden' })
    const w = JSON.parse(sent('POST', '/api/committees/c1/windows')[0]?.body ?? '{}')
    expectThat(w.seriesId === 's1' && w.title === '新窗口' && w.closesAt > w.opensAt, JSON.stringify(w))
    await byTestId(page, 'setup-tab-experts').click()
    await byTestId(page, 'expert-row').first().waitFor()
    await byTestId(page, 'setup-tab-pools').click()
    await byTestId(page, 'pool-member-row').first().waitFor()
    await byTestId(page, 'pool-copy').click()
    await page.locator('.el-popconfirm:visible button', { hasText: '确定' }).click()
    await page.waitForTimeout(300)
    const year = new Date().getFullYear()
    const copies = requests.filter((r) => r.url.includes('/copy-from/')).map((r) => r.url)
    expectThat(copies.join() === `/api/committees/c1/pools/${year}/copy-from/${year - 1}`, `copy: ${copies.join()}`)
  })

  await step('an expert lands on their meetings and cannot declare a conflict with a wrong ID number (R10)', async () => {
    await as(page, 'EXPERT')
    await page.goto(`${BASE}/`)
    await page.waitForURL(/\/expert\/meetings$/)
    await byTestId(page, 'nav-conflicts').click()
    await byTestId(page, 'conflict-row').first().waitFor()
    await byTestId(page, 'conflict-target-PERSON').click()
    await field(page, 'conflict-person-id').fill('123')
    await field(page, 'conflict-reason').fill('亲属')
    await byTestId(page, 'conflict-submit').click()
    await byTestId(page, 'problem-alert').waitFor()
    expectThat(sent('POST', '/api/expert/conflicts').length === 0, 'a wrong ID number was sent')
  })
}

process.exitCode = await runScenario('committee-pages', scenario)
