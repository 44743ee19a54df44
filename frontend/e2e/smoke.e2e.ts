// Renders the public pages and saves screenshots (no backend needed for what it checks):
// /sign-in (zh-CN and en), /verify, and an unknown path (SPA 404).
// Run: ZC_BASE_URL=http://localhost:4173 npm run e2e:smoke   (e.g. against `npm run preview`)
import { join } from 'node:path'
import { BASE_URL, ensureArtifacts, launch, log } from './lib'

async function main(): Promise<number> {
  const dir = ensureArtifacts()
  const browser = await launch()
  let passed = 0
  let failed = 0
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))

  async function check(name: string, fn: () => Promise<void>) {
    try {
      await fn()
      passed++
      log(`  ✓ ${name}`)
    } catch (e) {
      failed++
      log(`  ✗ ${name}: ${e instanceof Error ? e.message : String(e)}`)
      await page.screenshot({ path: join(dir, `smoke-failure-${passed + failed}.png`) }).catch(() => undefined)
    }
  }

  await check('sign-in renders in zh-CN with the demo hint', async () => {
    await page.goto(`${BASE_URL}/sign-in`)
    await page.locator('[data-testid="sign-in-form"]').waitFor({ timeout: 10000 })
    const brand = await page.locator('[data-testid="brand"]').innerText()
    if (!brand.includes('职称评审服务平台')) throw new Error(`header says "${brand}"`)
    const hint = await page.locator('[data-testid="demo-hint"]').innerText()
    if (!hint.includes('demo123')) throw new Error(`demo hint says "${hint}"`)
    await page.screenshot({ path: join(dir, 'sign-in.png'), fullPage: true })
  })

  await check('the language switch turns the page to English', async () => {
    await page.locator('[data-testid="lang-switch"]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    await page.locator('[data-testid="brand"]', { hasText: 'Zhicheng Professional Title Service' }).waitFor({ timeout: 5000 })
    await page.screenshot({ path: join(dir, 'sign-in-en.png'), fullPage: true })
    await page.locator('[data-testid="lang-switch"]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '简体中文' }).click()
  })

  await check('a protected page sends a visitor to sign-in', async () => {
    await page.goto(`${BASE_URL}/work`)
    await page.waitForURL(/\/sign-in\?redirect=/, { timeout: 5000 })
  })

  await check('verify renders both forms', async () => {
    await page.goto(`${BASE_URL}/verify`)
    await page.locator('[data-testid="lookup-form"]').waitFor({ timeout: 10000 })
    await page.locator('[data-testid="verify-payload"]').waitFor()
    await page.screenshot({ path: join(dir, 'verify.png'), fullPage: true })
  })

  await check('an unknown path shows the not-found page', async () => {
    await page.goto(`${BASE_URL}/no/such/page`)
    await page.locator('[data-testid="not-found"]').waitFor({ timeout: 10000 })
  })

  if (errors.length) {
    failed++
    log(`  ✗ page errors: ${errors.join(' | ')}`)
  }
  await browser.close()
  log(`${passed} passed, ${failed} failed`)
  return failed ? 1 : 0
}

process.exitCode = await main()
