import { describe, expect, it } from 'vitest'
import { applications, certificates, issuerKeys, publicCertificates } from '../src/api/endpoints'
import { LOCALES, messages } from '../src/i18n'
import { localizeProblem } from '../src/lib/problemText'
import { recordFetch, type RecordedCall } from './fetchRecorder'

const calls = recordFetch()
const line = (c: RecordedCall) => `${c.method} ${c.path} ${JSON.stringify(c.body ?? null)}`

describe('certificate routes follow docs/certificates.md', () => {
  it('public routes carry no token and are under /api/public/certificates', async () => {
    await publicCertificates.status('WFHR2026000001X')
    await publicCertificates.lookup('WFHR2026000001X', '张三')
    await publicCertificates.verify('a.b.c')
    await publicCertificates.trustList()
    expect(calls.map(line)).toEqual([
      'GET /api/public/certificates/WFHR2026000001X/status null',
      'POST /api/public/certificates/lookup {"number":"WFHR2026000001X","name":"张三"}',
      'POST /api/public/certificates/verify {"payload":"a.b.c"}',
      'GET /api/public/certificates/trust-list null',
    ])
    for (const c of calls) expect(c.headers.Authorization).toBeUndefined()
  })

  it('issuing, listing, revoking, reissuing, requests and reports', async () => {
    await certificates.issue('a1', '潍人社字〔2026〕12号')
    await certificates.issueBatch('r1', 'P-1')
    await certificates.issued({ q: '张', year: 2026, status: 'VALID', page: 1, size: 20 })
    await certificates.issued()
    await certificates.mine()
    await certificates.revoke('c1', '信息有误', 3)
    await certificates.reissue('c1', { reason: 'LOST', note: 'n', requestId: 'q1', version: 3 })
    await certificates.requestReissue('c1', 'DAMAGED', '水浸')
    await certificates.reissueRequests('PENDING')
    await certificates.refuseReissue('q1', '不符合', 2)
    await certificates.issuanceReports()
    await certificates.submitIssuanceReport(2025, 1)
    await issuerKeys.list()
    await issuerKeys.rotate('年度轮换')
    expect(calls.map(line)).toEqual([
      'POST /api/certificates {"applicationId":"a1","publicationNumber":"潍人社字〔2026〕12号"}',
      'POST /api/certificates/batches {"roundId":"r1","publicationNumber":"P-1"}',
      'GET /api/certificates/issued?q=%E5%BC%A0&year=2026&status=VALID&page=1&size=20 null',
      'GET /api/certificates/issued null',
      'GET /api/certificates/mine null',
      'POST /api/certificates/c1/revoke {"reason":"信息有误","version":3}',
      'POST /api/certificates/c1/reissue {"reason":"LOST","note":"n","requestId":"q1","version":3}',
      'POST /api/certificates/c1/reissue-requests {"reason":"DAMAGED","note":"水浸"}',
      'GET /api/certificates/reissue-requests?state=PENDING null',
      'POST /api/certificates/reissue-requests/q1/refuse {"note":"不符合","version":2}',
      'GET /api/certificates/issuance-reports null',
      'POST /api/certificates/issuance-reports/2025/submit {"version":1}',
      'GET /api/issuer-keys null',
      'POST /api/issuer-keys/rotate {"reason":"年度轮换"}',
    ])
    expect(certificates.pdfPath('c/1')).toBe('/api/certificates/c%2F1/pdf')
    expect(certificates.issuanceReportPath(2025)).toBe('/api/certificates/issuance-reports/2025.xlsx')
  })

  it('the photo is announced, completed and downloaded like evidence (R27)', async () => {
    await applications.addPhoto('a1', { fileName: 'me.jpg', contentType: 'image/jpeg', size: 1000 })
    await applications.completePhoto('a1')
    await applications.downloadPhoto('a1')
    expect(calls.map(line)).toEqual([
      'POST /api/applications/a1/photo {"fileName":"me.jpg","contentType":"image/jpeg","size":1000}',
      'POST /api/applications/a1/photo/complete {}',
      'GET /api/applications/a1/photo/download null',
    ])
  })
})

/** The Refusals table of docs/certificates.md with its rules; MALFORMED_CERTIFICATE_NUMBER by its reasons. */
const REFUSALS: [string, string][] = [
  ['MALFORMED_CERTIFICATE_NUMBER_WRONG_FORMAT', 'R27'],
  ['MALFORMED_CERTIFICATE_NUMBER_BAD_CHECK_CHARACTER', 'R27'],
  ['CERTIFICATE_NOT_FOUND', ''],
  ['NAME_MISMATCH', ''],
  ['RATE_LIMITED', ''],
  ['PAYLOAD_TOO_LARGE', ''],
  ['PHOTO_MISSING', 'R27'],
  ['ALREADY_ISSUED', ''],
  ['NOT_ORIGINAL_ISSUER', 'R29'],
  ['CERTIFICATE_NOT_CURRENT', ''],
  ['REPORT_YEAR_NOT_OVER', 'R29'],
  ['SEAL_IMAGE_INVALID', 'R27'],
  ['SEAL_IMAGE_NOT_FOUND', ''],
]

describe('certificate refusals have words in every language', () => {
  it('a message and a next step for each, and the rule cited where one refuses', () => {
    for (const l of LOCALES) {
      const code = messages[l].problemCode as Record<string, string>
      const next = messages[l].problemNext as Record<string, string>
      for (const [c, rule] of REFUSALS) {
        expect(code[c], `${l} ${c}`).toBeTruthy()
        expect(next[c], `${l} ${c}`).toBeTruthy()
        if (rule) expect(next[c], `${l} ${c}`).toContain(rule)
      }
    }
  })

  it('a malformed number is explained by its reason, and a rate limit by when to retry', () => {
    const lookup = {
      locale: 'zh-CN',
      message: (key: string) => {
        const [group, name] = key.split('.')
        return (messages['zh-CN'] as unknown as Record<string, Record<string, string>>)[group]?.[name]
      },
    }
    const bad = localizeProblem({ code: 'MALFORMED_CERTIFICATE_NUMBER', reason: 'BAD_CHECK_CHARACTER' }, lookup)
    expect(bad?.title).toContain('校验位')
    const layout = localizeProblem({ code: 'MALFORMED_CERTIFICATE_NUMBER', reason: 'WRONG_FORMAT' }, lookup)
    expect(layout?.next).toContain('6 位序号')
    // Without a reason (the certificate-report form) the general message stays.
    expect(localizeProblem({ code: 'MALFORMED_CERTIFICATE_NUMBER' }, lookup)?.title).toBe('证书编号格式不正确')
    expect(localizeProblem({ code: 'RATE_LIMITED', retryAfterSeconds: 42 }, lookup)?.next).toContain('42 秒')
  })

  it('ISSUANCE_REPORT (R29) has a deadline label', () => {
    for (const l of LOCALES) expect((messages[l].deadlineKind as Record<string, string>).ISSUANCE_REPORT).toBeTruthy()
  })
})
