// The certificate steps two scenarios take, the HR bureau's certificate (certificate.e2e.ts) and a self-evaluating
// unit's appointment certificate (catalogue.e2e.ts): the holder downloads the PDF from "My certificates", page 1 is
// rasterised at 150 dpi (pdftoppm), and the PNG is uploaded on the verify page.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { BASE_URL, byTestId, ensureArtifacts, fail, RUN_ID, TIMEOUT, visibleProblems } from './lib'

/** Uploads a PNG on the verify page and waits for the one outcome it shows. */
export async function scan(page: Page, png: Buffer): Promise<{ outcome: string; number: string; name: string; text: string }> {
  await page.goto(`${BASE_URL}/verify`)
  await byTestId(page, 'verify-page').waitFor({ timeout: TIMEOUT })
  await byTestId(page, 'verify-upload').setInputFiles({ name: 'certificate-page-1.png', mimeType: 'image/png', buffer: png })
  const result = page.locator('[data-testid="verify-outcome"][data-source="upload"]')
  await result.waitFor({ timeout: TIMEOUT * 2 }).catch(async () => fail(`the verify page shows no outcome for the scan: ${await visibleProblems(page)}`))
  return {
    outcome: (await result.getAttribute('data-outcome')) ?? '',
    number: (await result.getAttribute('data-number')) ?? '',
    name: (await result.getAttribute('data-name')) ?? '',
    text: (await result.innerText()).replace(/\s+/g, ' ').trim(),
  }
}

/** Clicks a certificate card's PDF button and saves the download under e2e/artifacts; checks it is a PDF. */
export async function downloadPdf(page: Page, card: Locator, prefix = 'certificate'): Promise<{ pdfPath: string; fileName: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    byTestId(card, 'certificate-pdf').click(),
  ]).catch(async () => fail(`no PDF download: ${await visibleProblems(page)}`))
  const pdfPath = join(ensureArtifacts(), `${prefix}-${RUN_ID}.pdf`)
  await download.saveAs(pdfPath)
  if (!readFileSync(pdfPath).subarray(0, 5).equals(Buffer.from('%PDF-'))) fail(`${download.suggestedFilename()} is not a PDF`)
  return { pdfPath, fileName: download.suggestedFilename() }
}

/** Page 1 of a PDF as a PNG at 150 dpi (pdftoppm, poppler-utils). */
export function rasterise(pdfPath: string): Buffer {
  const out = pdfPath.replace(/\.pdf$/, '-page1')
  try {
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', pdfPath, out])
  } catch (e) {
    fail(`pdftoppm failed (apt-get install poppler-utils): ${e instanceof Error ? e.message : String(e)}`)
  }
  return readFileSync(`${out}.png`)
}
