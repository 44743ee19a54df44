import { afterEach, describe, expect, it } from 'vitest'
import type { Appointment, AppointmentFields, Filing, FilingFields, ReportRow, SealFields } from '../src/api/types'
import { catalogueQuery, publicCatalogue, uploadAppointmentSheet } from '../src/api/endpoints'
import {
  appointmentErrors,
  canCancelFiling,
  canCorrectFiling,
  canRenewFiling,
  canReportAppointment,
  canWithdrawAppointment,
  chinaToday,
  countRows,
  duplicateOf,
  evaluationsFor,
  filingErrors,
  filterRows,
  imageProblem,
  inContext,
  looksLikeXlsx,
  MAX_SEAL_IMAGE_BYTES,
  sealErrors,
  serverFieldErrors,
  sexOfIdNumber,
} from '../src/lib/selfEval'
import { ProblemError } from '../src/lib/problem'
import { localizeProblem } from '../src/lib/problemText'
import { messageLookup } from '../src/lib/notify'
import { i18n } from '../src/i18n'
import { session } from '../src/lib/session'
import type { XhrLike } from '../src/lib/upload'

const filing = (over: Partial<FilingFields> = {}): FilingFields => ({
  seriesId: 's-lib',
  specialty: '',
  handlingOffice: '人事处',
  contactName: '王老师',
  officePhone: '0536-8785000',
  mobilePhone: '13512345678',
  professionalCount: 120,
  evaluations: evaluationsFor(2026, [{ year: 2024, count: 8 }]),
  ...over,
})

const seal = (over: Partial<SealFields> = {}): SealFields => ({
  business: 'NEW',
  unitName: '潍坊学院',
  legalRepresentative: '李明',
  creditCode: '91350100M000100Y43',
  handlerName: '赵磊',
  handlerIdNumber: '370702199003151230',
  handlerMobile: '13612345678',
  handlerPhone: '',
  address: '山东省潍坊市奎文区东风东街5147号',
  declarationAccepted: true,
  ...over,
})

const record = (over: Partial<AppointmentFields> = {}): AppointmentFields => ({
  name: '孙评聘',
  idNumber: '370702199003151230',
  sex: 'MALE',
  seriesId: 's-lib',
  specialty: '图书馆学',
  practisedSpecialty: '',
  level: 'INTERMEDIATE',
  post: '馆员',
  appointedOn: '2026-09-01',
  termStartsOn: '2026-09-01',
  termEndsOn: '2029-08-31',
  committeeName: '潍坊学院图书资料系列评聘委员会',
  publicationNumber: '潍院人字〔2026〕12号',
  reportedOn: null,
  reportReference: null,
  ...over,
})

describe('the filing form (附件1, R22)', () => {
  it('asks for the 3 years before the filing year, oldest first, keeping counts already given', () => {
    expect(evaluationsFor(2026, [{ year: 2024, count: 8 }, { year: 2020, count: 3 }])).toEqual([
      { year: 2023, count: 0 },
      { year: 2024, count: 8 },
      { year: 2025, count: 0 },
    ])
  })

  it('accepts a complete form and names each wrong field', () => {
    expect(filingErrors(filing(), 2026)).toEqual({})
    expect(filingErrors(filing({ seriesId: '', contactName: ' ', handlingOffice: 'x'.repeat(101) }), 2026)).toEqual({
      seriesId: 'required',
      contactName: 'required',
      handlingOffice: 'tooLong',
    })
  })

  it('office phones: digits with an area code and "-", 7–20 characters; mobiles: 11 digits from 1', () => {
    for (const ok of ['8785000', '0536-8785000', '010-12345678-123']) expect(filingErrors(filing({ officePhone: ok }), 2026)).toEqual({})
    for (const bad of ['878500', '0536--8785000', '0536-', '-8785000', '0536 8785000', '1'.repeat(21)]) {
      expect(filingErrors(filing({ officePhone: bad }), 2026).officePhone, bad).toBe('officePhone')
    }
    for (const bad of ['1351234567', '23512345678', '135123456789']) {
      expect(filingErrors(filing({ mobilePhone: bad }), 2026).mobilePhone, bad).toBe('mobilePhone')
    }
  })

  it('refuses the wrong years, negative or fractional counts', () => {
    expect(filingErrors(filing(), 2027).evaluations).toBe('years')
    expect(filingErrors(filing({ evaluations: evaluationsFor(2026).slice(1) }), 2026).evaluations).toBe('years')
    expect(filingErrors(filing({ evaluations: [{ year: 2023, count: -1 }, { year: 2024, count: 0 }, { year: 2025, count: 0 }] }), 2026).evaluations).toBe('count')
    expect(filingErrors(filing({ professionalCount: 1.5 }), 2026).professionalCount).toBe('count')
  })

  it('offers the steps of each state: correct a returned one, renew or cancel an approved one once', () => {
    const f = (state: string, over: Partial<Filing> = {}) => ({ id: state, state, ...over }) as Filing
    expect(canCorrectFiling(f('RETURNED'))).toBe(true)
    expect(canCorrectFiling(f('SUBMITTED'))).toBe(false)
    expect(canCancelFiling(f('APPROVED'))).toBe(true)
    expect(canCancelFiling(f('EXPIRED'))).toBe(false)
    const approved = f('APPROVED')
    expect(canRenewFiling(approved, [approved])).toBe(true)
    // a renewal already waiting: not twice
    expect(canRenewFiling(approved, [approved, f('SUBMITTED', { id: 'r', renewsId: 'APPROVED' })])).toBe(false)
    expect(canRenewFiling(f('RENEWED'))).toBe(false)
  })
})

describe('the e-seal form (附件3, R24)', () => {
  it('accepts a complete new application with its image', () => {
    expect(sealErrors(seal(), true)).toEqual({})
  })

  it('checks the credit code\'s check character and the handler\'s ID number in the browser', () => {
    expect(sealErrors(seal({ creditCode: '91350100M000100Y44' }), true).creditCode).toBe('credit_check')
    expect(sealErrors(seal({ creditCode: '91350100M00010' }), true).creditCode).toBe('credit_length')
    expect(sealErrors(seal({ handlerIdNumber: '370702199003151231' }), true).handlerIdNumber).toBe('idNumber')
  })

  it('needs the declaration, and an image unless it cancels', () => {
    expect(sealErrors(seal({ declarationAccepted: false }), true).declarationAccepted).toBe('declaration')
    expect(sealErrors(seal(), false).image).toBe('image')
    expect(sealErrors(seal({ business: 'CHANGE' }), false).image).toBe('image')
    expect(sealErrors(seal({ business: 'CANCEL' }), false)).toEqual({})
  })

  it('takes PNG or JPEG up to the limit, judged by the name when the type is missing', () => {
    expect(imageProblem({ name: 'seal.png', type: 'image/png', size: 1000 }, MAX_SEAL_IMAGE_BYTES)).toBeNull()
    expect(imageProblem({ name: 'seal.JPG', type: '', size: 1000 }, MAX_SEAL_IMAGE_BYTES)).toBeNull()
    expect(imageProblem({ name: 'seal.gif', type: 'image/gif', size: 1000 }, MAX_SEAL_IMAGE_BYTES)).toBe('badType')
    expect(imageProblem({ name: 'seal.png', type: 'image/png', size: MAX_SEAL_IMAGE_BYTES + 1 }, MAX_SEAL_IMAGE_BYTES)).toBe('tooLarge')
    expect(imageProblem({ name: 'seal.png', type: 'image/png', size: 0 }, MAX_SEAL_IMAGE_BYTES)).toBe('empty')
  })
})

describe('an appointment record (R25, R26)', () => {
  it('accepts a complete record; the sex follows from the ID number', () => {
    expect(appointmentErrors(record(), '2026-09-10')).toEqual({})
    expect(sexOfIdNumber('370702199003151230')).toBe('MALE')
    expect(sexOfIdNumber('11010519491231002X')).toBe('FEMALE')
    expect(appointmentErrors(record({ sex: 'FEMALE' }), '2026-09-10').sex).toBe('sexMismatch')
  })

  it('refuses a future appointment, a term ending before it starts, a report before the appointment', () => {
    expect(appointmentErrors(record(), '2026-08-31').appointedOn).toBe('future')
    expect(appointmentErrors(record({ termEndsOn: '2026-09-01' }), '2026-09-10').termEndsOn).toBe('termOrder')
    expect(appointmentErrors(record({ reportedOn: '2026-08-30' }), '2026-09-10').reportedOn).toBe('reportBefore')
    expect(appointmentErrors(record({ reportedOn: '2026-09-11' }), '2026-09-10').reportedOn).toBe('future')
  })

  it('offers withdrawal only before release, a report only once, and never deletion', () => {
    const a = (state: string, over: Partial<Appointment> = {}) => ({ state, ...over }) as Appointment
    expect(canWithdrawAppointment(a('RECORDED'))).toBe(true)
    expect(canWithdrawAppointment(a('RELEASED'))).toBe(false)
    expect(canReportAppointment(a('RECORDED'))).toBe(true)
    expect(canReportAppointment(a('RELEASED', { reportedOn: '2026-09-02' }))).toBe(false)
    expect(canReportAppointment(a('WITHDRAWN'))).toBe(false)
  })

  it('today is China\'s day, also late in the UTC evening', () => {
    expect(chinaToday(new Date('2026-09-01T16:30:00Z'))).toBe('2026-09-02')
    expect(chinaToday(new Date('2026-09-01T15:59:00Z'))).toBe('2026-09-01')
  })
})

describe('the upload report', () => {
  const rows: ReportRow[] = [
    { row: 4, outcome: 'REFUSED', problems: [{ column: '身份证号', code: 'INVALID_ID_NUMBER', message: 'check digit' }] },
    { row: 2, outcome: 'ACCEPTED', appointmentId: 'a1' },
    { row: 3, outcome: 'ALREADY_RECORDED', appointmentId: 'a0' },
    { row: 5, outcome: 'REFUSED', problems: [{ column: '聘用日期', code: 'FUTURE_DATE' }] },
  ]

  it('filters by outcome in sheet order; an empty filter keeps every row', () => {
    expect(filterRows(rows, 'REFUSED').map((r) => r.row)).toEqual([4, 5])
    expect(filterRows(rows, '').map((r) => r.row)).toEqual([2, 3, 4, 5])
    expect(filterRows(rows, 'ACCEPTED').map((r) => r.appointmentId)).toEqual(['a1'])
  })

  it('recounts the outcomes', () => {
    expect(countRows(rows)).toEqual({ ACCEPTED: 1, REFUSED: 2, ALREADY_RECORDED: 1 })
  })

  it('takes .xlsx by name or type', () => {
    expect(looksLikeXlsx({ name: '评聘信息.XLSX', type: '' })).toBe(true)
    expect(looksLikeXlsx({ name: 'x', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toBe(true)
    expect(looksLikeXlsx({ name: '评聘信息.xls', type: 'application/vnd.ms-excel' })).toBe(false)
  })
})

/** A scripted XMLHttpRequest. */
class FakeXhr implements XhrLike {
  method = ''
  url = ''
  headers: Record<string, string> = {}
  body: unknown
  status = 0
  statusText = ''
  responseText = ''
  type = ''
  upload: XhrLike['upload'] = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  ontimeout: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  setRequestHeader(n: string, v: string) {
    this.headers[n] = v
  }
  send(body?: unknown) {
    this.body = body
  }
  abort() {}
  getResponseHeader() {
    return this.type
  }
  answer(status: number, body: string, type = 'application/json') {
    this.status = status
    this.responseText = body
    this.type = type
    this.onload?.()
  }
}

describe('the sheet upload', () => {
  afterEach(() => {
    session.token = null
  })

  it('POSTs the bytes with the token and file name, reports progress, and answers the report', async () => {
    session.token = 'tok'
    const xhr = new FakeXhr()
    const seen: number[] = []
    const file = Object.assign(new Blob(['PK']), { name: '评聘 信息.xlsx' })
    const done = uploadAppointmentSheet(file, (p) => seen.push(p), () => xhr)
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('/api/appointments/uploads?fileName=%E8%AF%84%E8%81%98%20%E4%BF%A1%E6%81%AF.xlsx')
    expect(xhr.headers.Authorization).toBe('Bearer tok')
    expect(xhr.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 })
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 2, total: 2 })
    xhr.answer(200, JSON.stringify({ uploadId: 'u1', fileName: 'x.xlsx', rowCount: 2, accepted: 1, refused: 1, alreadyRecorded: 0, rows: [] }))
    const report = await done
    expect(report.uploadId).toBe('u1')
    expect(seen).toEqual([0, 50, 99, 100])
  })

  it('rejects a whole-sheet refusal with the server\'s problem', async () => {
    const xhr = new FakeXhr()
    const done = uploadAppointmentSheet(new Blob(['x']), () => {}, () => xhr)
    xhr.answer(422, JSON.stringify({ code: 'WRONG_COLUMNS', missing: ['性别'], unexpected: ['籍贯'] }), 'application/problem+json')
    await expect(done).rejects.toMatchObject({ status: 422, problem: { code: 'WRONG_COLUMNS', missing: ['性别'] } })
  })
})

describe('refusals in the words of these pages', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('NAME_MISMATCH of a record is not the verify page\'s holder name', async () => {
    const refused = inContext('appointment', () => Promise.reject(new ProblemError({ code: 'NAME_MISMATCH', title: 'x' }, 422)))
    const err = await refused.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ProblemError)
    const text = localizeProblem((err as ProblemError).problem, messageLookup())
    expect(text?.title).toBe('姓名与该身份证号码已登记的姓名不符')
    // without the context, the verify page's words stay
    expect(localizeProblem({ code: 'NAME_MISMATCH' }, messageLookup())?.title).toBe('姓名与证书持有人不符')
  })

  it('WRONG_COLUMNS names the missing and unexpected columns', () => {
    const text = localizeProblem({ code: 'WRONG_COLUMNS', missing: ['性别', '专业'], unexpected: [] } as never, messageLookup())
    expect(text?.next).toContain('缺少的列：性别、专业')
  })

  it('a field refusal shows under its field', () => {
    const e = new ProblemError({ code: 'INVALID_CREDIT_CODE', errors: [{ field: 'creditCode', message: 'expected 3' }] }, 400)
    expect(serverFieldErrors(e)).toEqual({ creditCode: 'expected 3' })
    expect(serverFieldErrors(new ProblemError({ code: 'SERIES_NOT_NATIONAL', title: 'Not national', field: 'seriesId' } as never, 422))).toEqual({
      seriesId: 'Not national',
    })
  })
})

describe('the public catalogue\'s query', () => {
  it('sends trimmed filters only, and the Excel export leaves paging out', () => {
    expect(catalogueQuery({ unit: ' 潍坊学院 ', series: '', city: '潍坊', page: 2, size: 20 })).toBe(
      '?unit=%E6%BD%8D%E5%9D%8A%E5%AD%A6%E9%99%A2&city=%E6%BD%8D%E5%9D%8A&page=2&size=20',
    )
    expect(publicCatalogue.xlsxUrl({ series: 'LIB', page: 3 } as never)).toBe('/api/public/catalogue.xlsx?series=LIB')
    expect(publicCatalogue.xlsxUrl()).toBe('/api/public/catalogue.xlsx')
  })
})

describe('a report row\'s problem in words', () => {
  it('reads the row a duplicate repeats from the server\'s message', () => {
    expect(duplicateOf('The same appointment as row 3 of this sheet.')).toBe(3)
    expect(duplicateOf('something else')).toBeNull()
    expect(duplicateOf(null)).toBeNull()
  })
})
