// One function per route of docs/api.md.
import { http, request } from './http'
import type {
  Application,
  ApplicationPhoto,
  BatchIssueResult,
  Certificate,
  CertificatePage,
  CertificatePublicView,
  CertificateStatusView,
  HOLDER_REISSUE_REASONS,
  IssuanceReport,
  IssuedQuery,
  ReissueReason,
  ReissueRequest,
  TrustKey,
  TrustList,
  EvidenceItem,
  EvidenceUploadGrant,
  LevelEntry,
  NewApplication,
  Role,
  Series,
  SignedRequest,
  SignInResponse,
  Unit,
  VerifyResponse,
  Account,
  CalendarEntry,
  CalendarImportResult,
  CalendarYear,
  NewCalendarEntry,
  WorkingDaysResult,
  AppNotification,
  Deadline,
  JobRun,
  Committee,
  CommitteeInput,
  CommitteeStaff,
  Conflict,
  Expert,
  ExpertPool,
  NewCommitteeStaff,
  NewConflict,
  NewExpert,
  NewObjection,
  Objection,
  ObjectionDecision,
  SubmissionWindow,
  SubmissionWindowInput,
  UnitAttachmentKind,
} from './types'
import type {
  DrawVerification,
  Meeting,
  NewMeeting,
  NewPublicObjection,
  PublicNotice,
  ReviewRound,
  RoundObjection,
  VoteChoice,
} from './types'
import type {
  CertificateReport,
  CertificateReportReceipt,
  FalseProof,
  FindingAttachmentGrant,
  FindingResult,
  InspectorApplication,
  InspectorAssignment,
  IntegrityPage,
  IntegrityQuery,
  IntegrityRecord,
  NewCertificateReport,
  NewSpotCheck,
  PublicSpotCheck,
  PublicSpotCheckSummary,
  ReportDecision,
  RequestAddressee,
  OfficeOutcome,
  SpotCheck,
  SpotCheckAttachment,
  SpotCheckFinding,
  SpotCheckPopulation,
  SpotCheckRequest,
  SpotCheckSample,
  SpotCheckSeries,
  SpotCheckVerification,
} from './types'

import type {
  Appointment,
  AppointmentFields,
  AppointmentQuery,
  CatalogueItem,
  CatalogueQuery,
  Filing,
  FilingDueDate,
  FilingFields,
  ItemPage,
  NationalSeries,
  NewFiling,
  SealFields,
  SealRegistration,
  UploadReport,
  UploadSummary,
} from './types'
import { uploadWithProgress, type XhrLike } from '../lib/upload'
import { ProblemError } from '../lib/problem'
import { session } from '../lib/session'

const enc = encodeURIComponent

/** A new applicant's account; the server checks the ID number (GB 11643) and the unit (R3). */
export interface RegisterInput {
  username: string
  password: string
  name: string
  idNumber: string
  unitId?: string
}

export const auth = {
  signIn: (username: string, password: string) =>
    http.post<SignInResponse>('/api/auth/sign-in', { username, password }, { auth: false, redirectOn401: false }),
  register: (input: RegisterInput) =>
    http.post<SignInResponse>('/api/auth/register', input, { auth: false, redirectOn401: false }),
  me: () => http.get<Account>('/api/auth/me'),
}

export const catalogue = {
  series: () => http.get<Series[]>('/api/catalogue/series', { auth: false }),
  levels: () => http.get<LevelEntry[]>('/api/catalogue/levels', { auth: false }),
  units: (kind = 'EMPLOYER') => http.get<Unit[]>(`/api/catalogue/units?kind=${enc(kind)}`, { auth: false }),
}

export const applications = {
  list: () => http.get<Application[]>('/api/applications'),
  get: (id: string) => http.get<Application>(`/api/applications/${enc(id)}`),
  /** One Idempotency-Key per attempt: a repeated click with the same key creates once. */
  create: (body: NewApplication, idempotencyKey?: string) =>
    http.post<Application>('/api/applications', body, idempotencyKey ? { headers: idempotencyHeader(idempotencyKey) } : {}),
  /** R5: the applicant's integrity pledge goes with the submission. */
  submit: (id: string, version: number) =>
    http.post<Application>(`/api/applications/${enc(id)}/submit`, { pledgeAccepted: true, version }),
  withdraw: (id: string, reason: string, version: number) =>
    http.post<Application>(`/api/applications/${enc(id)}/withdraw`, { reason, version }),
  addEvidence: (id: string, meta: { title: string; fileName: string; contentType: string; size: number }) =>
    http.post<EvidenceUploadGrant>(`/api/applications/${enc(id)}/evidence`, meta),
  completeEvidence: (id: string, itemId: string) =>
    http.post<EvidenceItem>(`/api/applications/${enc(id)}/evidence/${enc(itemId)}/complete`),
  downloadEvidence: (id: string, itemId: string) =>
    http.get<SignedRequest>(`/api/applications/${enc(id)}/evidence/${enc(itemId)}/download`),
  /** R27: the photo printed on the certificate, uploaded like evidence (announce, PUT, complete). */
  addPhoto: (id: string, meta: { fileName: string; contentType: string; size: number }) =>
    http.post<{ upload: SignedRequest }>(`/api/applications/${enc(id)}/photo`, meta),
  completePhoto: (id: string) => http.post<Application & { photo?: ApplicationPhoto | null }>(`/api/applications/${enc(id)}/photo/complete`),
  downloadPhoto: (id: string) => http.get<SignedRequest>(`/api/applications/${enc(id)}/photo/download`),
}

/** The work-list route for a role (api.md: unit vs. review function). */
export function workListPath(role: Role | null): string {
  return role === 'UNIT_HR' ? '/api/unit/applications' : '/api/review/applications'
}

export const work = {
  list: (role: Role | null) => http.get<Application[]>(workListPath(role)),
}

export type DecisionOutcome = 'PASS' | 'FAIL'

/** Body fields the action dialogs collect. */
export interface ActionInput {
  comment?: string
  reason?: string
  unitPledgeAccepted?: boolean
  diplomaVerification?: string
  degreeVerification?: string
  outcome?: DecisionOutcome
  note?: string
  /** The publication document number (公布文号) printed on the certificate (R27). */
  publicationNumber?: string
}

export interface ActionCall {
  path: string
  body: Record<string, unknown>
}

/**
 * Route and body for a work-list action on an application (api.md "Routes by function").
 * Every state-changing body carries the row's version; `issue` creates a certificate instead.
 */
export function actionCall(action: string, app: Pick<Application, 'id' | 'version'>, input: ActionInput = {}): ActionCall {
  const id = enc(app.id)
  const version = app.version
  const unit = `/api/unit/applications/${id}`
  const review = `/api/review/applications/${id}`
  switch (action) {
    case 'review':
      return { path: `${unit}/review`, body: { comment: input.comment ?? '', version } }
    case 'return':
      return { path: `${unit}/return`, body: { reason: input.reason ?? '', version } }
    case 'recommend':
      return {
        path: `${unit}/recommend`,
        body: {
          unitPledgeAccepted: input.unitPledgeAccepted === true,
          diplomaVerification: input.diplomaVerification,
          degreeVerification: input.degreeVerification,
          comment: input.comment,
          version,
        },
      }
    case 'vet':
      return { path: `${review}/vet`, body: { comment: input.comment ?? '', version } }
    case 'accept':
      return { path: `${review}/accept`, body: { comment: input.comment, version } }
    case 'decide':
      return { path: `${review}/decision`, body: { outcome: input.outcome, note: input.note ?? '', version } }
    case 'publish':
      return { path: `${review}/publish`, body: { version } }
    case 'file':
      return { path: `${review}/file`, body: { version } }
    case 'issue':
      return { path: '/api/certificates', body: { applicationId: app.id, publicationNumber: input.publicationNumber ?? '' } }
    default:
      throw new Error(`unknown action: ${action}`)
  }
}

/** The actions the work list knows how to perform. */
export const WORK_ACTIONS = ['review', 'return', 'recommend', 'vet', 'accept', 'decide', 'publish', 'file', 'issue'] as const

export function performAction(action: string, app: Pick<Application, 'id' | 'version'>, input: ActionInput = {}) {
  const call = actionCall(action, app, input)
  return http.post<unknown>(call.path, call.body)
}

/** Where a certificate's PDF is downloaded (needs the bearer token: holder or issuer). */
export function certificatePdfPath(id: string): string {
  return `/api/certificates/${enc(id)}/pdf`
}

/** Where an issuance report's Excel is downloaded (HR_BUREAU). */
export function issuanceReportPath(year: number): string {
  return `/api/certificates/issuance-reports/${enc(String(year))}.xlsx`
}

/** Signed-in certificate routes (docs/certificates.md): issue, list, revoke, reissue, requests, reports. */
export const certificates = {
  issue: (applicationId: string, publicationNumber: string) =>
    http.post<Certificate>('/api/certificates', { applicationId, publicationNumber }),
  issueBatch: (roundId: string, publicationNumber: string) =>
    http.post<BatchIssueResult>('/api/certificates/batches', { roundId, publicationNumber }),
  issued: (query: IssuedQuery = {}) =>
    http.get<CertificatePage>(
      `/api/certificates/issued${queryString({
        q: query.q,
        year: query.year ?? undefined,
        status: query.status,
        page: query.page,
        size: query.size,
      })}`,
    ),
  mine: () => http.get<Certificate[]>('/api/certificates/mine'),
  get: (id: string) => http.get<Certificate>(`/api/certificates/${enc(id)}`),
  pdfPath: certificatePdfPath,
  /** CORRECTION only: fraud and misuse revoke through the spot-check function (R20, R31). */
  revoke: (id: string, reason: string, version: number) =>
    http.post<Certificate>(`/api/certificates/${enc(id)}/revoke`, { reason, version }),
  /** R29: only the original issuer reissues; the old certificate becomes SUPERSEDED. */
  reissue: (id: string, body: { reason: ReissueReason; note: string; requestId?: string; version: number }) =>
    http.post<Certificate>(`/api/certificates/${enc(id)}/reissue`, body),
  requestReissue: (id: string, reason: (typeof HOLDER_REISSUE_REASONS)[number], note: string) =>
    http.post<ReissueRequest>(`/api/certificates/${enc(id)}/reissue-requests`, { reason, note }),
  reissueRequests: (state?: string) =>
    http.get<ReissueRequest[]>(`/api/certificates/reissue-requests${queryString({ state })}`),
  refuseReissue: (id: string, note: string, version: number) =>
    http.post<ReissueRequest>(`/api/certificates/reissue-requests/${enc(id)}/refuse`, { note, version }),
  issuanceReports: () => http.get<IssuanceReport[]>('/api/certificates/issuance-reports'),
  issuanceReportPath,
  submitIssuanceReport: (year: number, version: number) =>
    http.post<IssuanceReport>(`/api/certificates/issuance-reports/${enc(String(year))}/submit`, { version }),
}

/** The public certificate routes: no sign-in, nothing sent but a number (and a name for the lookup). */
export const publicCertificates = {
  /**
   * The standing now. `max-age=60` lets shared caches absorb a scan surge, but a person checking again (after a
   * revocation or reissue) must not get this browser's own earlier answer, so the page always revalidates.
   */
  status: (number: string) =>
    http.get<CertificateStatusView>(`/api/public/certificates/${enc(number)}/status`, {
      auth: false,
      redirectOn401: false,
      cache: 'no-cache',
    }),
  lookup: (number: string, name: string) =>
    http.post<CertificatePublicView>('/api/public/certificates/lookup', { number, name }, { auth: false, redirectOn401: false }),
  /** The server-side check for other systems; the verify page checks in the browser instead. */
  verify: (payload: string) =>
    http.post<VerifyResponse>('/api/public/certificates/verify', { payload }, { auth: false, redirectOn401: false }),
  trustList: () => http.get<TrustList>('/api/public/certificates/trust-list', { auth: false, redirectOn401: false }),
}

/** Issuer keys of the signed-in HR bureau, and its seal image (R27). */
export const issuerKeys = {
  list: () => http.get<TrustKey[]>('/api/issuer-keys'),
  /** The issuer's keys after the rotation, newest first: the new CURRENT one and the retired ones. */
  rotate: (reason: string) => http.post<TrustKey[]>('/api/issuer-keys/rotate', { reason }),
}

export const SEAL_PATH = '/api/issuer-seal'

export const issuerSeal = {
  /** The image itself as the body (image/png or image/jpeg, at most 1 MB). */
  upload: (file: Blob, contentType: string) =>
    request<unknown>('PUT', SEAL_PATH, file, { contentType, binary: true }),
  path: SEAL_PATH,
}

/** Where the browser downloads a year of the calendar as CSV (public, so a plain link works). */
export function calendarExportUrl(year: number): string {
  return `/api/calendar/export?year=${enc(String(year))}`
}

/** The working-day calendar (R32): public reads, HR_BUREAU edits. */
export const calendar = {
  years: () => http.get<CalendarYear[]>('/api/calendar/years', { auth: false }),
  entries: (year: number) => http.get<CalendarEntry[]>(`/api/calendar/entries?year=${enc(String(year))}`, { auth: false }),
  add: (entry: NewCalendarEntry) => http.post<CalendarEntry>('/api/calendar/entries', entry),
  remove: (id: string | number) => http.del(`/api/calendar/entries/${enc(String(id))}`),
  /** A whole year from a CSV file's text ("# source: …", "date,kind,name", rows); replaces that year. */
  importCsv: (csv: string) => http.postText<CalendarImportResult>('/api/calendar/import', csv, 'text/csv'),
  exportUrl: calendarExportUrl,
  exportCsv: (year: number) => http.getText(calendarExportUrl(year), { auth: false }),
  workingDays: (from: string, days: number) =>
    http.get<WorkingDaysResult>(`/api/calendar/working-days?from=${enc(from)}&days=${enc(String(days))}`, { auth: false }),
}

/** Deadlines of the signed-in user's role (R32 counting); HR_BUREAU may waive one with a reason. */
export const deadlines = {
  list: () => http.get<Deadline[]>('/api/deadlines'),
  waive: (id: string | number, reason: string) =>
    http.post<Deadline>(`/api/deadlines/${enc(String(id))}/waive`, { reason }),
}

/** The signed-in user's notifications (reminders and overdue notices), newest first. */
export const notifications = {
  list: () => http.get<AppNotification[]>('/api/notifications'),
  markRead: (id: string | number) => http.post<AppNotification>(`/api/notifications/${enc(String(id))}/read`),
}

// ---------- Committee route, second half (R10–R17): meetings, votes, rounds, public notices ----------

/** Committee meetings: the office applies, draws, records attendance and closes; the HR bureau decides. */
export const meetings = {
  list: () => http.get<Meeting[]>('/api/meetings'),
  get: (id: string) => http.get<Meeting>(`/api/meetings/${enc(id)}`),
  /** R11, R17. `idempotencyKey`: one per attempt, so a retried request does not apply twice. */
  create: (body: NewMeeting, idempotencyKey: string) =>
    http.post<Meeting>('/api/meetings', body, { headers: idempotencyHeader(idempotencyKey) }),
  approve: (id: string, note: string, version: number) =>
    http.post<Meeting>(`/api/meetings/${enc(id)}/approve`, { note, version }),
  reject: (id: string, note: string, version: number) =>
    http.post<Meeting>(`/api/meetings/${enc(id)}/reject`, { note, version }),
  /** R9, R10: random draw from the year's pool, conflicts recused. */
  draw: (id: string, version: number) => http.post<Meeting>(`/api/meetings/${enc(id)}/draw`, { version }),
  verifyDraw: (id: string) => http.get<DrawVerification>(`/api/meetings/${enc(id)}/draw/verify`),
  /** R12: who is present; under two-thirds of the members the meeting is not quorate. */
  attendance: (id: string, present: string[], version: number) =>
    http.post<Meeting>(`/api/meetings/${enc(id)}/attendance`, { present, version }),
  close: (id: string, version: number) => http.post<Meeting>(`/api/meetings/${enc(id)}/close`, { version }),
}

/** The signed-in expert's meetings and secret votes (R12). */
export const expertMeetings = {
  list: () => http.get<Meeting[]>('/api/expert/meetings'),
  get: (id: string) => http.get<Meeting>(`/api/expert/meetings/${enc(id)}`),
  vote: (id: string, applicationId: string, choice: VoteChoice) =>
    http.put<unknown>(`/api/expert/meetings/${enc(id)}/votes/${enc(applicationId)}`, { choice }),
}

/** Where the statistics table (R16, 003 附件4) of a round is downloaded from (needs the bearer token). */
export function statisticsPath(roundId: string): string {
  return `/api/rounds/${enc(roundId)}/statistics.xlsx`
}

/** Review rounds after the meetings (R13–R17). */
export const rounds = {
  list: () => http.get<ReviewRound[]>('/api/rounds'),
  get: (id: string) => http.get<ReviewRound>(`/api/rounds/${enc(id)}`),
  submitPassList: (id: string, version: number) => http.post<ReviewRound>(`/api/rounds/${enc(id)}/pass-list`, { version }),
  seniorOverride: (id: string, reason: string, version: number) =>
    http.post<ReviewRound>(`/api/rounds/${enc(id)}/senior-override`, { reason, version }),
  approve: (id: string, version: number) => http.post<ReviewRound>(`/api/rounds/${enc(id)}/approve`, { version }),
  returnList: (id: string, reason: string, version: number) =>
    http.post<ReviewRound>(`/api/rounds/${enc(id)}/return`, { reason, version }),
  /** R14, R15: without noticeEndsOn the server takes 5 working days. */
  publish: (id: string, noticeEndsOn: string | null | undefined, version: number) =>
    http.post<ReviewRound>(`/api/rounds/${enc(id)}/publish`, noticeEndsOn ? { noticeEndsOn, version } : { version }),
  decideObjection: (id: string, objection: Pick<RoundObjection, 'id' | 'version'>, decision: ObjectionDecision, explanation: string) =>
    http.post<ReviewRound>(`/api/rounds/${enc(id)}/objections/${enc(objection.id)}/decision`, {
      decision,
      explanation,
      version: objection.version,
    }),
  file: (id: string, version: number) => http.post<ReviewRound>(`/api/rounds/${enc(id)}/file`, { version }),
  summary: (id: string, content: string, version: number) =>
    http.post<ReviewRound>(`/api/rounds/${enc(id)}/summary`, { content, version }),
  statisticsPath,
}

/** Result notices anyone can read, and objections anyone can raise while one runs (R15). */
export const publicNotices = {
  list: () => http.get<PublicNotice[]>('/api/public/notices', { auth: false }),
  object: (roundId: string, body: NewPublicObjection, idempotencyKey: string) =>
    http.post<unknown>(`/api/public/notices/${enc(roundId)}/objections`, body, {
      auth: false,
      redirectOn401: false,
      headers: idempotencyHeader(idempotencyKey),
    }),
}

/** Scheduled jobs (HR_BUREAU): recent runs, and a run now. */
export const jobs = {
  runs: () => http.get<JobRun[]>('/api/jobs/runs'),
  run: (job: string) => http.post<JobRun>(`/api/jobs/${enc(job)}/runs`),
}

// ---------- Committee route, first half (docs/workflow.md): unit review, set-up, vetting, conflicts (R1–R10) ----------

/** The header a creating request carries so that a repeated attempt creates once. */
export function idempotencyHeader(key: string): Record<string, string> {
  return { 'Idempotency-Key': key }
}

/** Where a role reads one application: the unit function or the review function. */
export function workDetailPath(role: Role | null, id: string): string {
  return `${workListPath(role)}/${enc(id)}`
}

/** A file the unit attaches to its recommendation (R7); same upload protocol as the applicant's evidence. */
export interface AttachmentMeta {
  kind: UnitAttachmentKind
  title: string
  fileName: string
  contentType: string
  size: number
}

export const unitWork = {
  /** R7: an objection raised during the unit publicity, recorded by the unit. */
  recordObjection: (id: string, body: NewObjection, idempotencyKey: string) =>
    http.post<Objection>(`/api/unit/applications/${enc(id)}/objections`, body, {
      headers: idempotencyHeader(idempotencyKey),
    }),
  decideObjection: (id: string, objection: Pick<Objection, 'id' | 'version'>, decision: ObjectionDecision, explanation: string) =>
    http.post<Objection>(`/api/unit/applications/${enc(id)}/objections/${enc(objection.id)}/decision`, {
      decision,
      explanation,
      version: objection.version,
    }),
  addAttachment: (id: string, meta: AttachmentMeta) =>
    http.post<EvidenceUploadGrant>(`/api/unit/applications/${enc(id)}/attachments`, meta),
  completeAttachment: (id: string, itemId: string) =>
    http.post<EvidenceItem>(`/api/unit/applications/${enc(id)}/attachments/${enc(itemId)}/complete`),
}

/** One application as the signed-in staff role sees it. */
export function getWorkApplication(role: Role | null, id: string) {
  return http.get<Application>(workDetailPath(role, id))
}

/** HR bureau set-up: committees, their office staff and submission windows (R1, R8, R12). */
export const committees = {
  list: () => http.get<Committee[]>('/api/committees'),
  create: (body: CommitteeInput) => http.post<Committee>('/api/committees', body),
  update: (id: string, body: CommitteeInput & { version: number }) => http.put<Committee>(`/api/committees/${enc(id)}`, body),
  staff: (id: string) => http.get<CommitteeStaff[]>(`/api/committees/${enc(id)}/staff`),
  addStaff: (id: string, body: NewCommitteeStaff) => http.post<CommitteeStaff>(`/api/committees/${enc(id)}/staff`, body),
  windows: (id: string) => http.get<SubmissionWindow[]>(`/api/committees/${enc(id)}/windows`),
  addWindow: (id: string, body: SubmissionWindowInput) =>
    http.post<SubmissionWindow>(`/api/committees/${enc(id)}/windows`, body),
}

export const submissionWindows = {
  update: (id: string, body: SubmissionWindowInput & { version?: number }) =>
    http.put<SubmissionWindow>(`/api/windows/${enc(id)}`, body),
  /** Public: no sign-in needed. */
  listPublic: () => http.get<SubmissionWindow[]>('/api/public/windows', { auth: false }),
}

export const experts = {
  list: () => http.get<Expert[]>('/api/experts'),
  create: (body: NewExpert) => http.post<Expert>('/api/experts', body),
}

/** R9: a committee's expert pool of one year. */
export const pools = {
  get: (committeeId: string, year: number) =>
    http.get<ExpertPool>(`/api/committees/${enc(committeeId)}/pools/${enc(String(year))}`),
  addMember: (committeeId: string, year: number, expertId: string, termEndsOn: string) =>
    http.post<ExpertPool>(`/api/committees/${enc(committeeId)}/pools/${enc(String(year))}/members`, {
      expertId,
      termEndsOn,
    }),
  removeMember: (committeeId: string, year: number, expertId: string) =>
    http.del<unknown>(`/api/committees/${enc(committeeId)}/pools/${enc(String(year))}/members/${enc(expertId)}`),
  copyFrom: (committeeId: string, year: number, fromYear: number) =>
    http.post<ExpertPool>(
      `/api/committees/${enc(committeeId)}/pools/${enc(String(year))}/copy-from/${enc(String(fromYear))}`,
    ),
}

/** R10: the signed-in expert's declared conflicts. */
export const expertConflicts = {
  list: () => http.get<Conflict[]>('/api/expert/conflicts'),
  declare: (body: NewConflict) => http.post<Conflict>('/api/expert/conflicts', body),
}

// ---------- Spot checks and integrity (docs/spotcheck.md, R18–R21, R31) ----------

/** A query string of the parameters that are set ('' when none). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** The office's draws (R18, R19); the HR bureau reads them and confirms fraud (R20, R21). */
export const spotchecks = {
  series: (roundId: string) => http.get<SpotCheckSeries[]>(`/api/spotchecks/series${queryString({ roundId })}`),
  population: (roundId: string, seriesId: string) =>
    http.get<SpotCheckPopulation>(`/api/spotchecks/population${queryString({ roundId, seriesId })}`),
  list: (roundId?: string) => http.get<SpotCheck[]>(`/api/spotchecks${queryString({ roundId })}`),
  get: (id: string) => http.get<SpotCheck>(`/api/spotchecks/${enc(id)}`),
  /** The commitment: the seed stays in the office's browser; one Idempotency-Key per attempt. */
  commit: (body: NewSpotCheck, idempotencyKey: string) =>
    http.post<SpotCheck>('/api/spotchecks', body, { headers: idempotencyHeader(idempotencyKey) }),
  /** The reveal: the server checks SHA-256(seed) against the commitment and draws. */
  draw: (id: string, seed: string, version: number) =>
    http.post<SpotCheck>(`/api/spotchecks/${enc(id)}/draw`, { seed, version }),
  ask: (
    id: string,
    applicationId: string,
    body: { addressee: RequestAddressee; question: string; workingDays?: number },
    idempotencyKey: string,
  ) =>
    http.post<SpotCheckRequest>(`/api/spotchecks/${enc(id)}/samples/${enc(applicationId)}/requests`, body, {
      headers: idempotencyHeader(idempotencyKey),
    }),
  conclude: (id: string, applicationId: string, outcome: OfficeOutcome, note: string, version: number) =>
    http.post<SpotCheckSample>(`/api/spotchecks/${enc(id)}/samples/${enc(applicationId)}/conclusion`, {
      outcome,
      note,
      version,
    }),
  confirmFraud: (id: string, applicationId: string, reason: string, falseProof?: FalseProof | null) =>
    http.post<SpotCheckSample>(
      `/api/spotchecks/${enc(id)}/samples/${enc(applicationId)}/fraud-confirmation`,
      falseProof ? { reason, falseProof } : { reason },
    ),
}

function findingPath(drawId: string, applicationId: string, evidenceItemId: string): string {
  return `/api/inspector/spotchecks/${enc(drawId)}/applications/${enc(applicationId)}/findings/${enc(evidenceItemId)}`
}

/** The signed-in expert's spot-check assignments (R19) and findings per evidence item. */
export const inspector = {
  list: () => http.get<InspectorAssignment[]>('/api/inspector/spotchecks'),
  get: (drawId: string, applicationId: string) =>
    http.get<InspectorApplication>(`/api/inspector/spotchecks/${enc(drawId)}/applications/${enc(applicationId)}`),
  record: (drawId: string, applicationId: string, evidenceItemId: string, result: FindingResult, note: string) =>
    http.put<SpotCheckFinding>(findingPath(drawId, applicationId, evidenceItemId), { result, note }),
  addAttachment: (
    drawId: string,
    applicationId: string,
    evidenceItemId: string,
    meta: { fileName: string; contentType: string; size: number },
  ) => http.post<FindingAttachmentGrant>(`${findingPath(drawId, applicationId, evidenceItemId)}/attachments`, meta),
  completeAttachment: (drawId: string, applicationId: string, evidenceItemId: string, attachmentId: string) =>
    http.post<SpotCheckAttachment>(
      `${findingPath(drawId, applicationId, evidenceItemId)}/attachments/${enc(attachmentId)}/complete`,
    ),
}

/** Questions put by the office to an applicant, unit or department (R18); answered by them. */
export const spotcheckRequests = {
  list: () => http.get<SpotCheckRequest[]>('/api/spotcheck-requests'),
  answer: (id: string, answer: string, version: number) =>
    http.post<SpotCheckRequest>(`/api/spotcheck-requests/${enc(id)}/answer`, { answer, version }),
}

/** The integrity record (R20, R21, R31): staff search it, the HR bureau rescinds, a person sees their own. */
export const integrity = {
  search: (query: IntegrityQuery) =>
    http.get<IntegrityPage>(
      `/api/integrity-records${queryString({
        q: query.q,
        kind: query.kind,
        from: query.from,
        to: query.to,
        active: query.active ? true : undefined,
        page: query.page,
        size: query.size,
      })}`,
    ),
  get: (id: string) => http.get<IntegrityRecord>(`/api/integrity-records/${enc(id)}`),
  rescind: (id: string, reason: string, version: number) =>
    http.post<IntegrityRecord>(`/api/integrity-records/${enc(id)}/rescission`, { reason, version }),
  mine: () => http.get<IntegrityRecord[]>('/api/me/integrity-records'),
}

/** Reports of forged, altered or misused certificates (R31): anyone reports, the HR bureau decides. */
export const certificateReports = {
  report: (body: NewCertificateReport, idempotencyKey: string) =>
    http.post<CertificateReportReceipt>('/api/public/certificate-reports', body, {
      auth: false,
      redirectOn401: false,
      headers: idempotencyHeader(idempotencyKey),
    }),
  list: (state?: string) => http.get<CertificateReport[]>(`/api/certificate-reports${queryString({ state })}`),
  decide: (id: string, body: ReportDecision) =>
    http.post<CertificateReport>(`/api/certificate-reports/${enc(id)}/decision`, body),
}

/** Published draws anyone can re-check (R19); no sign-in. */
export const publicSpotchecks = {
  list: () => http.get<PublicSpotCheckSummary[]>('/api/public/spotchecks', { auth: false }),
  get: (id: string) => http.get<PublicSpotCheck>(`/api/public/spotchecks/${enc(id)}`, { auth: false }),
  verification: (id: string) =>
    http.get<SpotCheckVerification>(`/api/public/spotchecks/${enc(id)}/verification`, { auth: false }),
}

// ---------- Self-evaluating units (docs/catalogue.md, R22–R26) ----------

/** The public catalogue's filters as a query (also for the Excel export link, which needs no sign-in). */
export function catalogueQuery(query: CatalogueQuery): string {
  return queryString({ unit: query.unit?.trim(), series: query.series?.trim(), city: query.city?.trim(), page: query.page, size: query.size })
}

/** The public catalogue of active filings (R23); no sign-in. */
export const publicCatalogue = {
  list: (query: CatalogueQuery = {}) =>
    http.get<ItemPage<CatalogueItem>>(`/api/public/catalogue${catalogueQuery(query)}`, { auth: false, redirectOn401: false }),
  /** The 附件1 layout as Excel, with the same filters (paging left out: the sheet has every match). */
  xlsxUrl: (query: CatalogueQuery = {}) =>
    `/api/public/catalogue.xlsx${catalogueQuery({ unit: query.unit, series: query.series, city: query.city })}`,
}

export const nationalSeries = () => http.get<NationalSeries[]>('/api/catalogue/series?national=true', { auth: false })

/** Series filings (R22): the unit files, corrects, renews and cancels; its city HR bureau approves or returns. */
export const filings = {
  list: (query: { state?: string; page?: number; size?: number } = {}) =>
    http.get<ItemPage<Filing>>(`/api/filings${queryString({ state: query.state, page: query.page, size: query.size })}`),
  get: (id: string) => http.get<Filing>(`/api/filings/${enc(id)}`),
  create: (body: NewFiling) => http.post<Filing>('/api/filings', body),
  correct: (id: string, body: FilingFields, version: number) => http.put<Filing>(`/api/filings/${enc(id)}`, { ...body, version }),
  approve: (id: string, version: number, note?: string) =>
    http.post<Filing>(`/api/filings/${enc(id)}/approve`, { version, note: note || undefined }),
  return: (id: string, version: number, reason: string) =>
    http.post<Filing>(`/api/filings/${enc(id)}/return`, { version, reason }),
  cancel: (id: string, version: number, reason: string) =>
    http.post<Filing>(`/api/filings/${enc(id)}/cancel`, { version, reason }),
}

/** The yearly filing due dates (end of April unless the HR bureau set another). */
export const filingDueDates = {
  list: (from: number, to: number) => http.get<FilingDueDate[]>(`/api/filing-due-dates${queryString({ from, to })}`),
  set: (year: number, dueOn: string, note?: string) =>
    http.put<FilingDueDate>(`/api/filing-due-dates/${enc(String(year))}`, { dueOn, note: note || undefined }),
}

/** Title e-seal registrations (R24). */
export const sealRegistrations = {
  list: (query: { state?: string; page?: number; size?: number } = {}) =>
    http.get<ItemPage<SealRegistration>>(
      `/api/seal-registrations${queryString({ state: query.state, page: query.page, size: query.size })}`,
    ),
  get: (id: string) => http.get<SealRegistration>(`/api/seal-registrations/${enc(id)}`),
  /** The seal in force; 404 NO_SEAL_IN_FORCE when there is none. */
  current: () => http.get<SealRegistration>('/api/seal-registrations/current'),
  create: (body: SealFields) => http.post<SealRegistration>('/api/seal-registrations', body),
  correct: (id: string, body: SealFields, version: number) =>
    http.put<SealRegistration>(`/api/seal-registrations/${enc(id)}`, { ...body, version }),
  /** The image itself as the body: image/png or image/jpeg, at most 1 MB. */
  uploadImage: (id: string, file: Blob, contentType: string) =>
    request<SealRegistration>('PUT', `/api/seal-registrations/${enc(id)}/image`, file, { contentType, binary: true }),
  imagePath: (id: string) => `/api/seal-registrations/${enc(id)}/image`,
  approve: (id: string, version: number, note?: string) =>
    http.post<SealRegistration>(`/api/seal-registrations/${enc(id)}/approve`, { version, note: note || undefined }),
  return: (id: string, version: number, reason: string) =>
    http.post<SealRegistration>(`/api/seal-registrations/${enc(id)}/return`, { version, reason }),
}

export const TEMPLATE_PATH = '/api/appointments/template.xlsx'

/** Appointment records (R25, R26): one by one or from the Excel template; photo, report, withdrawal. Never deleted. */
export const appointments = {
  list: (query: AppointmentQuery = {}) =>
    http.get<ItemPage<Appointment>>(
      `/api/appointments${queryString({
        state: query.state,
        q: query.q?.trim(),
        backfill: query.backfill ?? undefined,
        page: query.page,
        size: query.size,
      })}`,
    ),
  get: (id: string) => http.get<Appointment>(`/api/appointments/${enc(id)}`),
  create: (body: AppointmentFields) => http.post<Appointment>('/api/appointments', body),
  report: (id: string, version: number, reportedOn: string, reportReference?: string) =>
    http.post<Appointment>(`/api/appointments/${enc(id)}/report`, {
      version,
      reportedOn,
      reportReference: reportReference || undefined,
    }),
  withdraw: (id: string, version: number, reason: string) =>
    http.post<Appointment>(`/api/appointments/${enc(id)}/withdraw`, { version, reason }),
  /** PNG or JPEG, at most 2 MB. */
  uploadPhoto: (id: string, file: Blob, contentType: string) =>
    request<Appointment>('PUT', `/api/appointments/${enc(id)}/photo`, file, { contentType, binary: true }),
  photoPath: (id: string) => `/api/appointments/${enc(id)}/photo`,
  uploads: (page = 0, size = 20) => http.get<ItemPage<UploadSummary>>(`/api/appointments/uploads${queryString({ page, size })}`),
  upload: (id: string, outcome?: string) =>
    http.get<UploadReport>(`/api/appointments/uploads/${enc(id)}${queryString({ outcome })}`),
  reportXlsxPath: (id: string) => `/api/appointments/uploads/${enc(id)}/report.xlsx`,
  templatePath: TEMPLATE_PATH,
}

/**
 * Sends a filled template with upload progress (fetch has none): XMLHttpRequest with the session's token, the sheet's
 * bytes as the body; resolves with the per-row report, rejects with the server's problem (NOT_EXCEL, WRONG_COLUMNS, …).
 */
export async function uploadAppointmentSheet(
  file: Blob & { name?: string },
  onProgress: (percent: number) => void,
  xhrFactory?: () => XhrLike,
): Promise<UploadReport> {
  const headers: Record<string, string> = {
    'Content-Type': XLSX_CONTENT_TYPE,
    Accept: 'application/json, application/problem+json',
  }
  if (session.token) headers.Authorization = `Bearer ${session.token}`
  const result = await uploadWithProgress({
    method: 'POST',
    url: `/api/appointments/uploads${queryString({ fileName: file.name || 'appointments.xlsx' })}`,
    headers,
    body: file,
    onProgress,
    xhrFactory,
  })
  try {
    return JSON.parse(result.responseText) as UploadReport
  } catch {
    throw new ProblemError({ title: 'Unreadable answer', code: 'UNREADABLE_ANSWER', status: result.status })
  }
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
