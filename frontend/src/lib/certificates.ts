// What the holder's and the issuer's certificate pages do alike with one certificate.
import { ref } from 'vue'
import type { Certificate } from '../api/types'
import { certificates } from '../api/endpoints'
import { downloadFile } from './download'
import { showProblem } from './notify'

/** Whether the certificate prints: revoked and superseded ones are refused (CERTIFICATE_NOT_CURRENT). */
export const printable = (status: string) => status === 'VALID' || status === 'EXPIRED'

/** The tag colour of a certificate status. */
export const statusTagType = (status: string) => (status === 'VALID' ? 'success' : status === 'REVOKED' ? 'danger' : 'info')

/** The PDF download of a page's certificates: `downloading` is the id being fetched; a refusal shows as a message. */
export function useCertificatePdf() {
  const downloading = ref('')
  async function pdf(c: Certificate) {
    downloading.value = c.id
    try {
      await downloadFile(certificates.pdfPath(c.id), `${c.number}.pdf`, 'application/pdf')
    } catch (e) {
      showProblem(e)
    } finally {
      downloading.value = ''
    }
  }
  return { downloading, pdf }
}
