// The self-evaluating unit's pages (docs/catalogue.md, R22–R26): what the forms check before sending, which steps a
// record offers, the words for the codes. The server checks everything again and is the authority.
import { useI18n } from 'vue-i18n'
import type {
  Appointment,
  AppointmentFields,
  Filing,
  FilingFields,
  ReportRow,
  RowOutcome,
  SealFields,
  SealRegistration,
  YearCount,
} from '../api/types'
import { ProblemError } from './problem'
import { codeLabel, type TagType } from './labels'
import { formatDay } from './dates'
import { isValidIdNumber } from './idNumber'
import { creditCodeProblem } from './creditCode'

type T = (key: string, named?: Record<string, unknown>) => string
type TE = (key: string) => boolean

/** Today in China as YYYY-MM-DD (the filing year and "not after today" are China's). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The 3 years before the filing year, oldest first (附件1: 近3年职称评聘人数). */
export function evaluationYears(filingYear: number): number[] {
  return [filingYear - 3, filingYear - 2, filingYear - 1]
}

/** The evaluations for a filing year, keeping counts already entered for those years. */
export function evaluationsFor(filingYear: number, previous: YearCount[] = []): YearCount[] {
  return evaluationYears(filingYear).map((year) => ({ year, count: previous.find((e) => e.year === year)?.count ?? 0 }))
}

export const OFFICE_PHONE = /^(?=.{7,20}$)\d+(-\d+)*$/
export const MOBILE_PHONE = /^1\d{10}$/

/** A field's problem as a key of the `selfEvalForm` messages. */
export type FieldErrors = Record<string, string>

function required(errors: FieldErrors, field: string, value: unknown): boolean {
  if (value == null || String(value).trim() === '') {
    errors[field] = 'required'
    return false
  }
  return true
}

function maxLength(errors: FieldErrors, field: string, value: string | null | undefined, max: number) {
  if (value && value.trim().length > max) errors[field] = 'tooLong'
}

/** The 附件1 form's checks: required fields, lengths, phone formats, counts, the 3 years. */
export function filingErrors(f: FilingFields, filingYear: number): FieldErrors {
  const e: FieldErrors = {}
  required(e, 'seriesId', f.seriesId)
  maxLength(e, 'specialty', f.specialty, 100)
  if (required(e, 'handlingOffice', f.handlingOffice)) maxLength(e, 'handlingOffice', f.handlingOffice, 100)
  if (required(e, 'contactName', f.contactName)) maxLength(e, 'contactName', f.contactName, 50)
  if (required(e, 'officePhone', f.officePhone) && !OFFICE_PHONE.test(f.officePhone.trim())) e.officePhone = 'officePhone'
  if (required(e, 'mobilePhone', f.mobilePhone) && !MOBILE_PHONE.test(f.mobilePhone.trim())) e.mobilePhone = 'mobilePhone'
  if (!Number.isInteger(f.professionalCount) || f.professionalCount < 0 || f.professionalCount > 1_000_000) {
    e.professionalCount = 'count'
  }
  const years = evaluationYears(filingYear)
  if (f.evaluations.length !== 3 || f.evaluations.some((v, i) => v.year !== years[i])) e.evaluations = 'years'
  else if (f.evaluations.some((v) => !Number.isInteger(v.count) || v.count < 0 || v.count > 100_000)) e.evaluations = 'count'
  return e
}

/** The 附件3 form's checks; `hasImage` is whether an image is chosen or already on the registration. */
export function sealErrors(f: SealFields, hasImage: boolean, today: Date = new Date()): FieldErrors {
  const e: FieldErrors = {}
  if (required(e, 'unitName', f.unitName)) maxLength(e, 'unitName', f.unitName, 200)
  if (required(e, 'legalRepresentative', f.legalRepresentative)) maxLength(e, 'legalRepresentative', f.legalRepresentative, 50)
  if (required(e, 'creditCode', f.creditCode)) {
    const p = creditCodeProblem(f.creditCode)
    if (p) e.creditCode = `credit_${p}`
  }
  if (required(e, 'handlerName', f.handlerName)) maxLength(e, 'handlerName', f.handlerName, 50)
  if (required(e, 'handlerIdNumber', f.handlerIdNumber) && !isValidIdNumber(f.handlerIdNumber, today)) {
    e.handlerIdNumber = 'idNumber'
  }
  if (required(e, 'handlerMobile', f.handlerMobile) && !MOBILE_PHONE.test(f.handlerMobile.trim())) e.handlerMobile = 'mobilePhone'
  if (f.handlerPhone && f.handlerPhone.trim() && !OFFICE_PHONE.test(f.handlerPhone.trim())) e.handlerPhone = 'officePhone'
  if (required(e, 'address', f.address)) maxLength(e, 'address', f.address, 300)
  if (!f.declarationAccepted) e.declarationAccepted = 'declaration'
  if (f.business !== 'CANCEL' && !hasImage) e.image = 'image'
  return e
}

/** The one-by-one record's checks (the same the sheet's rows get, as far as the browser can tell). */
export function appointmentErrors(f: AppointmentFields, today: string = chinaToday()): FieldErrors {
  const e: FieldErrors = {}
  if (required(e, 'name', f.name)) maxLength(e, 'name', f.name, 100)
  if (required(e, 'idNumber', f.idNumber) && !isValidIdNumber(f.idNumber)) e.idNumber = 'idNumber'
  if (required(e, 'sex', f.sex) && !e.idNumber && sexOfIdNumber(f.idNumber) !== f.sex) e.sex = 'sexMismatch'
  required(e, 'seriesId', f.seriesId)
  if (required(e, 'specialty', f.specialty)) maxLength(e, 'specialty', f.specialty, 100)
  maxLength(e, 'practisedSpecialty', f.practisedSpecialty, 100)
  required(e, 'level', f.level)
  if (required(e, 'post', f.post)) maxLength(e, 'post', f.post, 100)
  if (required(e, 'appointedOn', f.appointedOn) && f.appointedOn > today) e.appointedOn = 'future'
  required(e, 'termStartsOn', f.termStartsOn)
  if (required(e, 'termEndsOn', f.termEndsOn) && f.termStartsOn && f.termEndsOn <= f.termStartsOn) e.termEndsOn = 'termOrder'
  if (required(e, 'committeeName', f.committeeName)) maxLength(e, 'committeeName', f.committeeName, 200)
  if (required(e, 'publicationNumber', f.publicationNumber)) maxLength(e, 'publicationNumber', f.publicationNumber, 100)
  if (f.reportedOn) {
    if (f.reportedOn > today) e.reportedOn = 'future'
    else if (f.appointedOn && f.reportedOn < f.appointedOn) e.reportedOn = 'reportBefore'
  }
  maxLength(e, 'reportReference', f.reportReference, 100)
  return e
}

/** GB 11643: the 17th digit is odd for men. */
export function sexOfIdNumber(idNumber: string): 'MALE' | 'FEMALE' | null {
  const d = idNumber.trim()[16]
  if (!d || !/\d/.test(d)) return null
  return Number(d) % 2 === 1 ? 'MALE' : 'FEMALE'
}

/** The field errors of a VALIDATION_FAILED answer, by field (shown under the fields of the form). */
export function serverFieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(err instanceof ProblemError)) return out
  for (const e of err.problem.errors ?? []) if (e?.field) out[e.field] = e.message ?? ''
  // A rule refusal naming a field (SERIES_NOT_NATIONAL names seriesId, INVALID_CREDIT_CODE creditCode).
  const field = (err.problem as Record<string, unknown>).field
  if (typeof field === 'string' && !out[field]) out[field] = err.problem.title ?? ''
  return out
}

/**
 * The same code means different things on different pages (NAME_MISMATCH on the verify page is a holder's name;
 * here a known person's): the refusal gets a member naming the page, so `problemCode.<CODE>_<context>` is chosen.
 */
export async function inContext<R>(context: string, fn: () => Promise<R>): Promise<R> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof ProblemError) throw new ProblemError({ ...e.problem, [context]: true }, e.status)
    throw e
  }
}

// ---------- which steps a record offers ----------

export const canCorrectFiling = (f: Filing) => f.state === 'RETURNED'
export const canRenewFiling = (f: Filing, all: Filing[] = []) =>
  f.state === 'APPROVED' && !all.some((o) => o.renewsId === f.id && (o.state === 'SUBMITTED' || o.state === 'RETURNED'))
export const canCancelFiling = (f: Filing) => f.state === 'APPROVED'
export const canDecide = (x: { state: string }) => x.state === 'SUBMITTED'
export const canCorrectSeal = (s: SealRegistration) => s.state === 'RETURNED'
export const canWithdrawAppointment = (a: Appointment) => a.state === 'RECORDED'
export const canReportAppointment = (a: Appointment) => a.state !== 'WITHDRAWN' && !a.reportedOn
export const canUploadPhoto = (a: Appointment) => a.state === 'RECORDED'

/** Rows of an upload report with this outcome ('' for all), in sheet order. */
export function filterRows(rows: ReportRow[], outcome: RowOutcome | ''): ReportRow[] {
  return rows.filter((r) => !outcome || r.outcome === outcome).sort((a, b) => a.row - b.row)
}

/** Counts by outcome, recounted from the rows (a check on the report's own counts). */
export function countRows(rows: ReportRow[]): Record<RowOutcome, number> {
  const out: Record<RowOutcome, number> = { ACCEPTED: 0, REFUSED: 0, ALREADY_RECORDED: 0 }
  for (const r of rows) if (r.outcome in out) out[r.outcome as RowOutcome]++
  return out
}

/** The first row a DUPLICATE_ROW names ("The same appointment as row 3 of this sheet."), or null. */
export function duplicateOf(message?: string | null): number | null {
  const m = /\brow (\d+)\b/i.exec(message ?? '')
  return m ? Number(m[1]) : null
}

export type ImageProblem = 'empty' | 'badType' | 'tooLarge'

/** PNG or JPEG up to `maxBytes` (the title seal 1 MB, a record's photo 2 MB). */
export function imageProblem(file: { size: number; type: string; name: string }, maxBytes: number): ImageProblem | null {
  if (file.size <= 0) return 'empty'
  if (!imageContentType(file)) return 'badType'
  return file.size > maxBytes ? 'tooLarge' : null
}

export function imageContentType(file: { type: string; name: string }): 'image/png' | 'image/jpeg' | null {
  const type = (file.type || '').toLowerCase()
  if (type === 'image/png' || type === 'image/jpeg') return type
  if (type) return null
  const ext = (file.name.split('.').pop() ?? '').toLowerCase()
  return ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : null
}

export const MAX_SEAL_IMAGE_BYTES = 1024 * 1024
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024
export const MAX_SHEET_BYTES = 4 * 1024 * 1024

/** An .xlsx by name or type (the server reads the package and is the authority: NOT_EXCEL). */
export function looksLikeXlsx(file: { name: string; type: string }): boolean {
  return /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}

export function filingStateTag(state: string): TagType {
  switch (state) {
    case 'APPROVED':
      return 'success'
    case 'RETURNED':
      return 'warning'
    case 'SUBMITTED':
      return 'primary'
    default:
      return 'info'
  }
}

export function appointmentStateTag(state: string): TagType {
  return state === 'RELEASED' ? 'success' : state === 'WITHDRAWN' ? 'info' : 'primary'
}

export function outcomeTag(outcome: string): TagType {
  return outcome === 'ACCEPTED' ? 'success' : outcome === 'REFUSED' ? 'danger' : 'info'
}

/** Words for the codes of docs/catalogue.md in the reader's language. */
export function useSelfEvalLabels() {
  const { t, te, locale } = useI18n()
  const tt = t as unknown as T
  const tte = te as unknown as TE
  const l = (group: string) => (c?: string | null) => codeLabel(tt, tte, group, c)
  return {
    filingState: l('filingState'),
    sealState: l('sealState'),
    sealBusiness: l('sealBusiness'),
    appointmentState: l('appointmentState'),
    holdReason: l('holdReason'),
    rowOutcome: l('rowOutcome'),
    rowCode: l('rowCode'),
    level: l('level'),
    sex: l('sex'),
    day: (v?: string | null) => formatDay(v, locale.value),
    /** "2026年07月01日 至 2029年06月30日" style validity. */
    validity: (from?: string | null, until?: string | null) =>
      from || until ? tt('selfEval.validity', { from: formatDay(from, locale.value), until: formatDay(until, locale.value) }) : '',
    /**
     * A report row's problem in words: the code's label (DUPLICATE_ROW with the row it repeats); the server's own
     * message (English) is added for English readers, or when the code has no label.
     */
    rowProblem: (p: { code: string; message?: string | null }) => {
      const first = p.code === 'DUPLICATE_ROW' ? duplicateOf(p.message) : null
      const label = first != null ? tt('rowCode.DUPLICATE_ROW_of', { row: first }) : codeLabel(tt, tte, 'rowCode', p.code)
      const known = tte(`rowCode.${p.code}`)
      return { label, detail: p.message && (!known || locale.value.startsWith('en')) ? p.message : '' }
    },
    /** A form field's problem (a key of selfEvalForm), or the server's message as it is. */
    fieldError: (code?: string) => (code ? (tte(`selfEvalForm.${code}`) ? tt(`selfEvalForm.${code}`) : code) : ''),
  }
}
