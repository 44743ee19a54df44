// The spot-check page steps both scenarios take, the real-server one (spotcheck.e2e.ts) and the mock one
// (spotcheck-mock.e2e.ts): commit to a browser-made seed, a wrong seed refused then the draw, the public re-run,
// an inspector's findings, a conclusion.
import type { Page } from 'playwright-core'
import { byTestId, confirmDialog, fail, field, loaded, visibleProblems, waitState } from './lib'

/** Clicks a header link once the sign-in greeting has gone. */
export async function nav(page: Page, testid: string): Promise<void> {
  await page.locator('[data-testid="success-message"]').waitFor({ state: 'hidden' }).catch(() => undefined)
  await byTestId(page, testid).click()
}

/**
 * On the spot-check list with a round and series chosen: commits to a seed this browser makes (the seed must be
 * confirmed saved first) and lands on the committed draw, whose reveal field holds that seed. Returns the draw id.
 */
export async function commitToBrowserSeed(page: Page): Promise<string> {
  await byTestId(page, 'spot-new').click()
  const dialog = byTestId(page, 'spot-commit-dialog')
  const seedBox = page.locator('[data-testid="spot-commit-dialog"] [data-seed]').first()
  await page.waitForFunction(() =>
    /^[0-9a-f]{64}$/.test(document.querySelector('[data-testid="spot-commit-dialog"] [data-seed]')?.getAttribute('data-seed') ?? ''),
  )
  const seed = (await seedBox.getAttribute('data-seed')) ?? ''
  await byTestId(dialog, 'spot-commit-submit').click()
  await byTestId(dialog, 'spot-commit-missing').waitFor() // not before the seed is confirmed saved
  await byTestId(dialog, 'spot-seed-saved').click()
  await byTestId(dialog, 'spot-commit-submit').click()
  await page.waitForURL(/\/spotchecks\/[^/]+$/)
  await loaded(page, 'spotcheck-page')
  await waitState(page, 'spotcheck-page', 'COMMITTED')
  if ((await field(page, 'spot-reveal-seed').inputValue()) !== seed) fail('the reveal field does not hold the seed this browser made')
  await page.locator('[data-testid="spot-reveal-check"][data-check="match"]').waitFor()
  return decodeURIComponent(page.url().split('/').pop() ?? '')
}

/** R19: a seed that is not the committed one is refused with SEED_MISMATCH; the kept one draws. */
export async function wrongSeedRefusedThenDraw(page: Page): Promise<void> {
  const good = await field(page, 'spot-reveal-seed').inputValue()
  await field(page, 'spot-reveal-seed').fill('0'.repeat(64))
  await page.locator('[data-testid="spot-reveal-check"][data-check="differs"]').waitFor()
  await byTestId(page, 'spot-draw-now').click()
  await confirmDialog(page, 'spot-draw-dialog')
  await page.locator('[data-testid="problem-message"][data-code="SEED_MISMATCH"]').waitFor()
    .catch(async () => fail(`no SEED_MISMATCH refusal: ${await visibleProblems(page)}`))
  await byTestId(page, 'spot-draw-dialog-cancel').click()
  await field(page, 'spot-reveal-seed').fill(good)
  await byTestId(page, 'spot-draw-now').click()
  await confirmDialog(page, 'spot-draw-dialog')
  await waitState(page, 'spotcheck-page', 'DRAWN')
  await page.locator('[data-testid="spot-sample-row"]').first().waitFor()
}

/** R19: from the draw, the public page re-runs it in the browser, agrees with the server on every check, and back. */
export async function publicCheckAgrees(page: Page): Promise<void> {
  await byTestId(page, 'spotcheck-public-link').click()
  await page.locator('[data-testid="public-spotcheck-page"][data-browser-matches="true"][data-server-matches="true"]').waitFor()
    .catch(async () => fail(`the public check does not match: ${await visibleProblems(page)}`))
  for (const c of ['commitment', 'population', 'sample', 'inspectors']) {
    const r = await byTestId(page, `spot-check-browser-${c}`).getAttribute('data-result')
    if (r !== 'pass') fail(`browser check ${c}: ${r}`)
  }
  await page.goBack()
  await loaded(page, 'spotcheck-page')
}

/** Opens the conclusion dialog of one sample and submits an outcome with its note. */
export async function submitConclusion(page: Page, applicationId: string, outcome: string, note: string): Promise<void> {
  await page.locator(`[data-testid="spot-sample-conclude"][data-id="${applicationId}"]`).click()
  await byTestId(page, `spot-conclude-${outcome}`).click()
  await field(page, 'spot-conclude-note').fill(note)
  await byTestId(page, 'spot-conclude-submit').click()
}

/** R18: concluding before every inspector checked every item is refused; the dialog is closed again. */
export async function concludingEarlyRefused(page: Page, applicationId: string): Promise<void> {
  await submitConclusion(page, applicationId, 'FRAUD_SUSPECTED', '尚未检查完')
  await page.locator('[data-testid="spot-conclude-dialog"] [data-code="FINDINGS_INCOMPLETE"]').waitFor()
    .catch(async () => fail(`no FINDINGS_INCOMPLETE refusal: ${await visibleProblems(page)}`))
  await byTestId(page, 'spot-conclude-cancel').click()
}

/**
 * As a signed-in inspector: opens the assignment and records a finding on every evidence item, OK except FRAUD
 * (with its note) on the item at `fraudAt`; a fraud saved without a note is refused first. Returns how many items.
 */
export async function recordFindings(page: Page, drawId: string, applicationId: string, fraudAt: number | null,
  fraudNote: string): Promise<number> {
  await nav(page, 'nav-inspector-spotchecks')
  await loaded(page, 'inspector-spotchecks-page')
  await page.locator(`[data-testid="inspector-spotcheck-open"][data-draw-id="${drawId}"][data-application-id="${applicationId}"]`).click()
  await loaded(page, 'inspector-spotcheck-page')
  const items = page.locator('[data-testid="inspector-evidence"]')
  await items.first().waitFor()
  const count = await items.count()
  for (let i = 0; i < count; i++) {
    const item = items.nth(i)
    const fraud = i === fraudAt
    await byTestId(item, fraud ? 'inspector-result-FRAUD' : 'inspector-result-OK').click()
    if (fraud) {
      await byTestId(item, 'inspector-save').click()
      await byTestId(item, 'inspector-missing').waitFor() // fraud needs a note
      await field(item, 'inspector-note').fill(fraudNote)
    }
    await byTestId(item, 'inspector-save').click()
    await item.locator('[data-testid="inspector-evidence-result"]').waitFor()
      .catch(async () => fail(`item ${i + 1} was not saved: ${await visibleProblems(page)}`))
  }
  return count
}
