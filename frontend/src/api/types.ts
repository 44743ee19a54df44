// Shapes of docs/api.md. Fields the contract does not pin down are optional here,
// and the views render them defensively.

export const ROLES = [
  'APPLICANT',
  'UNIT_HR',
  'HR_BUREAU',
  'COMMITTEE_OFFICE',
  'EXPERT',
  'SELF_EVAL_UNIT',
] as const
export type Role = (typeof ROLES)[number]

/** Roles whose work list (/work) has applications to act on. */
export const WORK_ROLES: readonly Role[] = ['UNIT_HR', 'HR_BUREAU', 'COMMITTEE_OFFICE']

/** Every role that is not an applicant (the working-day calendar is theirs). */
export const STAFF_ROLES: readonly Role[] = ['UNIT_HR', 'HR_BUREAU', 'COMMITTEE_OFFICE', 'EXPERT', 'SELF_EVAL_UNIT']

/** Staff roles that land on /work; a role without a work list yet sees what is coming there. Experts land on their meetings. */
export const WORK_PAGE_ROLES: readonly Role[] = ['UNIT_HR', 'HR_BUREAU', 'COMMITTEE_OFFICE', 'SELF_EVAL_UNIT']

/** Roles that run committee meetings and review rounds (R10–R17): the committee office and the HR bureau. */
export const COMMITTEE_STAFF_ROLES: readonly Role[] = ['COMMITTEE_OFFICE', 'HR_BUREAU']

export const STATES = [
  'DRAFT',
  'SUBMITTED',
  'UNIT_PUBLICITY',
  'RECOMMENDED',
  'VETTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'PASSED',
  'FAILED',
  'RESULT_PUBLICITY',
  'FILED',
  'CERTIFIED',
  'WITHDRAWN',
  'VOID',
  'REVOKED',
] as const
export type ApplicationState = (typeof STATES)[number]

export const LEVELS = ['FULL_SENIOR', 'DEPUTY_SENIOR', 'INTERMEDIATE', 'ASSISTANT', 'MEMBER'] as const
export type Level = (typeof LEVELS)[number]

/** Verification routes of diploma and degree numbers (R4). */
export const VERIFICATION_ROUTES = ['DIPLOMA_DATABASE', 'DEGREE_DATABASE', 'ARCHIVE_REVIEW'] as const
export type VerificationRoute = (typeof VERIFICATION_ROUTES)[number]

export const ACTIONS = [
  'submit',
  'withdraw',
  'review',
  'return',
  'recommend',
  'vet',
  'accept',
  'decide',
  'publish',
  'file',
  'issue',
] as const
export type Action = (typeof ACTIONS)[number]

export const VERIFY_RESULTS = ['VALID', 'TAMPERED', 'UNKNOWN_ISSUER'] as const
export type VerifyResult = (typeof VERIFY_RESULTS)[number]

/** docs/certificates.md: EXPIRED is derived from an appointment's term, SUPERSEDED stored by a reissue (R29). */
export const CERTIFICATE_STATUSES = ['VALID', 'REVOKED', 'EXPIRED', 'SUPERSEDED'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]
export const CERTIFICATE_KINDS = ['TITLE', 'APPOINTMENT'] as const
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number]
export const REVOCATION_CAUSES = ['FRAUD', 'MISUSE', 'CORRECTION'] as const
export type RevocationCause = (typeof REVOCATION_CAUSES)[number]
export const REISSUE_REASONS = ['LOST', 'DAMAGED', 'CORRECTION'] as const
export type ReissueReason = (typeof REISSUE_REASONS)[number]
/** What a holder may ask a reissue for (R29); CORRECTION is the issuer's own. */
export const HOLDER_REISSUE_REASONS = ['LOST', 'DAMAGED'] as const
export const REISSUE_REQUEST_STATES = ['PENDING', 'DONE', 'REFUSED'] as const
export type ReissueRequestState = (typeof REISSUE_REQUEST_STATES)[number]
export const ISSUANCE_REPORT_STATES = ['OPEN', 'SUBMITTED'] as const
export type IssuanceReportState = (typeof ISSUANCE_REPORT_STATES)[number]

export interface Account {
  id?: string
  sub?: string
  username?: string
  displayName?: string
  name?: string
  role?: string
  roles?: string[]
  groups?: string[]
  unitId?: string
  personId?: string
  [key: string]: unknown
}

export interface SignInResponse {
  token: string
  expiresAt?: string | number
  account: Account
}

export interface Series {
  id: string
  code: string
  nameZh: string
  nameEn: string
}

export interface LevelEntry {
  code: string
  nameZh: string
  nameEn: string
}

export interface Unit {
  id: string
  code: string
  name: string
  kind: string
}

export interface EvidenceItem {
  id: string
  title: string
  fileName: string
  contentType: string
  size: number
  status: 'PENDING' | 'UPLOADED' | string
  uploadedAt?: string | null
}

export interface HistoryEntry {
  at: string
  actor?: string | null
  action?: string | null
  fromState?: string | null
  toState?: string | null
  note?: string | null
}

export interface Application {
  id: string
  state: ApplicationState | string
  version: number
  applicant?: { name?: string; idNumber?: string } | null
  unit?: { id: string; name: string } | null
  series?: { id: string; name: string } | null
  level?: string | null
  specialty?: string | null
  committee?: { id: string; name: string } | null
  diplomaNumber?: string | null
  degreeNumber?: string | null
  diplomaVerification?: string | null
  degreeVerification?: string | null
  pledgeSignedAt?: string | null
  unitPledgeSignedAt?: string | null
  decision?: unknown
  evidence?: EvidenceItem[] | null
  /** R30: the grassroots track (定向评价、定向使用). */
  grassroots?: boolean
  practisedSpecialty?: string | null
  /** R27: the photo printed on the certificate; null until uploaded. */
  photo?: ApplicationPhoto | null
  history?: HistoryEntry[] | null
  actions?: string[] | null
  createdAt?: string
  updatedAt?: string
}

export interface NewApplication {
  seriesId: string
  level: string
  specialty: string
  unitId: string
  diplomaNumber: string
  /** Optional: not every applicant has a degree (R4). */
  degreeNumber?: string
  /** R30: the grassroots track; the certificate will be valid for grassroots posts only. */
  grassroots?: boolean
  /** R27: the specialty practised, when it differs from the series specialty. */
  practisedSpecialty?: string
}

/** A signed URL the browser uses directly (evidence upload or download). */
export interface SignedRequest {
  method: string
  url: string
  headers?: Record<string, string> | null
  expiresAt?: string
}

export interface EvidenceUploadGrant {
  item: EvidenceItem
  upload: SignedRequest
}

/** The public view (docs/certificates.md): lookup answers; never the full ID number. */
export interface CertificatePublicView {
  number: string
  kind?: CertificateKind | string
  holderName?: string
  maskedIdNumber?: string | null
  seriesName?: string | null
  specialty?: string | null
  level?: string | null
  post?: string | null
  termStartsOn?: string | null
  termEndsOn?: string | null
  committeeName?: string | null
  publicationNumber?: string | null
  issuerName?: string | null
  issuedOn?: string | null
  /** R30: valid for grassroots posts only. */
  grassroots?: boolean
  status: CertificateStatus | string
  revokedAt?: string | null
  revocationCause?: RevocationCause | string | null
  supersededBy?: string | null
}

/** The full view: holder and issuer. */
export interface Certificate extends CertificatePublicView {
  id: string
  holderName: string
  sex?: 'M' | 'F' | string | null
  practisedSpecialty?: string | null
  issuerId?: string | null
  kid?: string | null
  revocationReason?: string | null
  supersedes?: string | null
  reissueReason?: ReissueReason | string | null
  /** The R30 sentence in Chinese, or null. */
  restriction?: string | null
  payload: string
  verifyUrl: string
  version: number
}

/** GET /api/public/certificates/{number}/status: the standing by number, never the name. */
export interface CertificateStatusView {
  number: string
  kind?: CertificateKind | string
  status: CertificateStatus | string
  issuedOn?: string | null
  validUntil?: string | null
  revokedAt?: string | null
  revocationCause?: RevocationCause | string | null
  supersededBy?: string | null
  supersededAt?: string | null
}

/** POST /api/public/certificates/verify: the server-side check other systems use. */
export interface VerifyResponse {
  result: VerifyResult | string
  reason?: string | null
  status?: CertificateStatus | string | null
  claims?: Record<string, unknown> | null
}

/** One issuer key as the trust list publishes it (current and retired). */
export interface TrustKey {
  kid: string
  issuerId?: string
  issuerCode?: string
  issuerName?: string
  alg: string
  jwk: JsonWebKey & { kid?: string; use?: string }
  /** Instants (or days) of China; `validTo` only on a retired key. */
  validFrom: string
  validTo?: string | null
  retiredReason?: string | null
  status: 'CURRENT' | 'RETIRED' | string
}

export interface TrustList {
  generatedAt?: string
  keys: TrustKey[]
}

/** POST /api/certificates/batches. */
export interface BatchIssueResult {
  issued: Certificate[]
  skipped: { applicationId: string; holderName?: string | null; code: string; detail?: string | null }[]
}

export interface CertificatePage {
  items: Certificate[]
  total: number
  page: number
  size: number
}

export interface IssuedQuery {
  q?: string
  year?: number | null
  status?: string
  page?: number
  size?: number
}

export interface ReissueRequest {
  id: string
  certificateId: string
  certificateNumber: string
  holderName?: string | null
  reason: ReissueReason | string
  note?: string | null
  state: ReissueRequestState | string
  decidedAt?: string | null
  decisionNote?: string | null
  newCertificateId?: string | null
  newCertificateNumber?: string | null
  createdAt?: string | null
  version: number
}

/** The annual issuance report of an issuer (R29). */
export interface IssuanceReport {
  year: number
  state: IssuanceReportState | string
  dueOn: string
  certificateCount: number
  submittedAt?: string | null
  version: number
}

/** The applicant's photo on an application (R27). */
export interface ApplicationPhoto {
  contentType: string
  size: number
  uploadedAt?: string | null
}

/** Working-day calendar (R32): public holidays and adjusted working days (调休) per year. */
export const CALENDAR_KINDS = ['HOLIDAY', 'WORKDAY'] as const
export type CalendarKind = (typeof CALENDAR_KINDS)[number]

/** GET /api/calendar/years: one row per year; published=false → deadlines in it are provisional. */
export interface CalendarYear {
  year: number
  source?: string | null
  published: boolean
  holidays?: number
  workdays?: number
}

/** GET /api/calendar/entries?year=: a holiday or an adjusted working day, sorted by date. */
export interface CalendarEntry {
  id: string | number
  /** ISO date, e.g. "2026-10-01". */
  date: string
  kind: CalendarKind | string
  name: string
  source?: string | null
}

export interface NewCalendarEntry {
  date: string
  kind: CalendarKind
  name: string
  source: string
}

/** POST /api/calendar/import (text/csv body). */
export interface CalendarImportResult {
  year: number
  source?: string | null
  imported: number
}

/** GET /api/calendar/working-days?from=&days= */
export interface WorkingDaysResult {
  start: string
  days: number
  due: string
  provisional: boolean
  explanation?: { zh?: string; en?: string } | null
}

/** Deadlines (R32: "N working days" count on the official calendar). */
export const DEADLINE_KINDS = [
  'UNIT_PUBLICITY',
  'MEETING_APPLICATION',
  'PASS_LIST',
  'RESULT_NOTICE',
  'OBJECTION_ANSWER',
  'FILING',
  'INTERMEDIATE_FINISH',
  'INTERMEDIATE_SUMMARY',
  'JUNIOR_FINISH',
  'SUBMISSION_WINDOW_CLOSE',
  'SPOT_CHECK_RESPONSE',
  'ISSUANCE_REPORT',
  'SERIES_FILING_RENEWAL',
  'SERIES_FILING_EXPIRY',
  'APPOINTMENT_REPORT',
  'APPOINTMENT_UPLOAD',
  'CERTIFICATE_RELEASE',
] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export const DEADLINE_STATES = ['OPEN', 'MET', 'OVERDUE', 'WAIVED'] as const
export type DeadlineState = (typeof DEADLINE_STATES)[number]

export const DAY_TYPES = ['WORKING', 'CALENDAR', 'FIXED_DATE'] as const
export type DayType = (typeof DAY_TYPES)[number]

/** A text in both languages, as the server sends it. */
export interface BilingualText {
  zh?: string
  en?: string
}

/** GET /api/deadlines (filtered by role on the server), soonest first. */
export interface Deadline {
  id: string | number
  kind: DeadlineKind | string
  /** The rule it comes from, e.g. "R14". */
  rule?: string | null
  subjectType?: string | null
  subjectId?: string | null
  startDate?: string | null
  days?: number | null
  dayType?: DayType | string | null
  /** ISO date, e.g. "2026-10-16". */
  dueDate: string
  state: DeadlineState | string
  /** Counted over a year whose calendar is not published yet. */
  provisional?: boolean
  overdue?: boolean
  explanation?: BilingualText | null
  title?: BilingualText | null
}

export const NOTIFICATION_KINDS = ['REMINDER', 'OVERDUE', 'RELEASED'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** GET /api/notifications, newest first (named so as not to shadow the DOM's Notification). */
export interface AppNotification {
  id: string | number
  kind: NotificationKind | string
  deadlineId?: string | number | null
  message?: BilingualText | null
  createdAt?: string | null
  readAt?: string | null
}

/** The scheduled jobs HR_BUREAU can run now (POST /api/jobs/{job}/runs). */
export const JOB_NAMES = [
  'mark-overdue',
  'end-notice-periods',
  'send-reminders',
  'close-submission-windows',
  'verify-audit-chain',
  'expire-series-filings',
  'release-appointment-certificates',
] as const
export type JobName = (typeof JOB_NAMES)[number]

export const JOB_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** GET /api/jobs/runs, newest first. */
export interface JobRun {
  id: string | number
  job: JobName | string
  startedAt?: string | null
  finishedAt?: string | null
  status: JobStatus | string
  processed?: number | null
  changed?: number | null
  error?: string | null
}

// ---------- Committee route, second half: meetings, votes, review rounds, result notices (R10–R17) ----------

export const MEETING_STATES = ['REQUESTED', 'REJECTED', 'APPROVED', 'DRAWN', 'VOTING', 'CLOSED', 'NOT_QUORATE'] as const
export type MeetingState = (typeof MEETING_STATES)[number]

export const VOTE_CHOICES = ['YES', 'NO', 'ABSTAIN'] as const
export type VoteChoice = (typeof VOTE_CHOICES)[number]

export type VoteOutcome = 'PASS' | 'FAIL'

/** One application on a meeting's agenda; the tallies are there once the meeting is closed. */
export interface AgendaItem {
  applicationId: string
  applicantName: string
  unitName?: string | null
  level?: string | null
  specialty?: string | null
  state?: string | null
  votesCast?: number | null
  yesVotes?: number | null
  noVotes?: number | null
  abstentions?: number | null
  outcome?: VoteOutcome | null
  /** Expert view only: the signed-in expert's own vote (never anyone else's). */
  myVote?: VoteChoice | null
}

export interface MeetingExpert {
  expertId: string
  name: string
  unitName?: string | null
  drawRank?: number | null
  attended?: boolean | null
}

export interface DrawCandidate {
  expertId: string
  name: string
  unitName?: string | null
  /** Why the expert was recused (R10); null when drawn normally. */
  recusedReason?: string | null
}

export interface MeetingDraw {
  seed: string
  inputsHash: string
  drawnAt?: string | null
  candidates?: DrawCandidate[] | null
}

/** GET /api/meetings/{id} (and, without draw and expert details, the lists and the expert view). */
export interface Meeting {
  id: string
  committee: { id: string; name: string; memberCount?: number | null }
  roundId?: string | null
  meetingDate: string
  venue?: string | null
  workPlan?: string | null
  state: MeetingState | string
  expertCount?: number | null
  quorum?: number | null
  requestedAt?: string | null
  decidedAt?: string | null
  decisionNote?: string | null
  /** R11: the last day on which a meeting on meetingDate could be applied for. */
  latestApplicationDay?: string | null
  agenda?: AgendaItem[] | null
  experts?: MeetingExpert[] | null
  draw?: MeetingDraw | null
  attending?: number | null
  version: number
}

export interface NewMeeting {
  meetingDate: string
  venue: string
  workPlan: string
  applicationIds: string[]
}

/** GET /api/meetings/{id}/draw/verify: the draw re-run from its record (R10). */
export interface DrawVerification {
  matches: boolean
  seed: string
  inputsHash: string
  recorded: string[]
  recomputed: string[]
}

export const ROUND_STATES = ['OPEN', 'PASS_LIST_SUBMITTED', 'APPROVED', 'NOTICE', 'FILED'] as const
export type RoundState = (typeof ROUND_STATES)[number]

/** R13: senior passes over senior decisions of the round. */
export interface SeniorPassRate {
  decided: number
  passed: number
  /** 0..1 */
  rate: number
  capExceeded: boolean
}

export interface RoundApplication {
  id: string
  applicantName: string
  maskedIdNumber?: string | null
  unitName?: string | null
  seriesName?: string | null
  level?: string | null
  specialty?: string | null
  state?: string | null
  yesVotes?: number | null
  noVotes?: number | null
  abstentions?: number | null
}

/** An objection to a result notice (R15): an Objection without its stage, with whom it is about and its answer date. */
export interface RoundObjection extends Omit<Objection, 'stage'> {
  applicationId: string
  applicantName?: string | null
  /** R15: 10 working days after it was raised. */
  answerDueOn?: string | null
}

/** GET /api/rounds/{id}: a committee's meetings of one year and what follows them. */
export interface ReviewRound {
  id: string
  committee: { id: string; name: string }
  year: number
  state: RoundState | string
  reviewedOn?: string | null
  passListDueOn?: string | null
  filingDueOn?: string | null
  noticeStartsOn?: string | null
  noticeEndsOn?: string | null
  seniorPassRate?: SeniorPassRate | null
  seniorOverride?: { reason: string; by?: string | null; at?: string | null } | null
  returnedReason?: string | null
  filedAt?: string | null
  /** The year summary (R17), when the office has sent it. */
  summary?: { content?: string | null; submittedAt?: string | null } | string | null
  applications?: RoundApplication[] | null
  objections?: RoundObjection[] | null
  version: number
}

export interface NoticeEntry {
  applicationId: string
  name: string
  unitName?: string | null
  seriesName?: string | null
  level?: string | null
  specialty?: string | null
}

/** GET /api/public/notices (no sign-in): result notices, running and past (R15). */
export interface PublicNotice {
  roundId: string
  committee: string | { id?: string; name: string }
  year: number
  noticeStartsOn: string
  noticeEndsOn: string
  running: boolean
  entries: NoticeEntry[]
}

export interface NewPublicObjection {
  applicationId: string
  raisedBy: string
  contact: string
  content: string
}

/** RFC 9457 problem details, with the project's extension members. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  code?: string
  rule?: string
  errors?: { field?: string; message?: string }[]
  /** MALFORMED_CERTIFICATE_NUMBER: WRONG_FORMAT or BAD_CHECK_CHARACTER. */
  reason?: string
  /** RATE_LIMITED: when to try again. */
  retryAfterSeconds?: number
}

// ---------- Committee route, first half: application, unit review, set-up, vetting, acceptance (R1–R10) ----------

/** R3: how the applicant works decides the kind of unit they apply through. */
export const EMPLOYMENTS = ['EMPLOYED', 'FLEXIBLE'] as const
export type Employment = (typeof EMPLOYMENTS)[number]

/** Whose document an evidence item is: the applicant's, or one of the unit's three R7 attachments. */
export const EVIDENCE_KINDS = ['APPLICANT', 'SUPERVISION_CARD', 'APPRAISAL_FORM', 'PUBLICITY_RECORD'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

/** R7: what the unit attaches to its recommendation (000 附件3–5). */
export const UNIT_ATTACHMENT_KINDS = ['SUPERVISION_CARD', 'APPRAISAL_FORM', 'PUBLICITY_RECORD'] as const
export type UnitAttachmentKind = (typeof UNIT_ATTACHMENT_KINDS)[number]

export const OBJECTION_STAGES = ['UNIT_PUBLICITY', 'RESULT_NOTICE'] as const
export type ObjectionStage = (typeof OBJECTION_STAGES)[number]

export const OBJECTION_DECISIONS = ['UPHELD', 'DISMISSED'] as const
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number]

/** A step someone answers for (R6, R8): who did it and when. */
export interface DoneBy {
  by?: string | null
  at?: string | null
}

/** An objection raised in a publicity period and its decision (R7, R15); never the objector's contact. */
export interface Objection {
  id: string
  stage: ObjectionStage | string
  raisedAt?: string | null
  raisedBy?: string | null
  content: string
  decision?: ObjectionDecision | null
  explanation?: string | null
  decidedAt?: string | null
  version: number
}

// Declaration merging: the fields the committee route adds to the shapes above.
export interface Application {
  employment?: Employment | string | null
  graduationYear?: number | null
  /** ISO date, e.g. "2012-07-01". */
  degreeAwardedOn?: string | null
  unitReview?: DoneBy | null
  /** ISO date: the last day of the unit publicity (R7). */
  publicityEndsOn?: string | null
  vetting?: DoneBy | null
  acceptedAt?: string | null
  objections?: Objection[] | null
}

export interface EvidenceItem {
  kind?: EvidenceKind | string | null
}

export interface NewApplication {
  employment: Employment
  graduationYear: number
  /** ISO date; only with a degree number (R4). */
  degreeAwardedOn?: string
}

/** POST /api/unit/applications/{id}/objections (with an Idempotency-Key). */
export interface NewObjection {
  raisedBy: string
  contact?: string
  content: string
}

/** A referenced record's id and display name. */
export interface NamedRef {
  id: string
  name: string
}

/** GET /api/committees: a review committee for one series and a set of levels (R8, R12). */
export interface Committee {
  id: string
  code: string
  name: string
  series: NamedRef
  levels: string[]
  /** R8: the region whose units it reviews, e.g. 潍坊市; empty means no limit. */
  jurisdiction?: string | null
  organiser?: string | null
  /** R12: the number of members a meeting draws. */
  memberCount: number
  version: number
}

export interface CommitteeInput {
  code: string
  name: string
  seriesId: string
  levels: string[]
  jurisdiction: string
  organiser: string
  memberCount: number
}

/** A sign-in of a committee office. */
export interface CommitteeStaff {
  id: string
  username: string
  displayName: string
}

export interface NewCommitteeStaff {
  username: string
  displayName: string
  password: string
}

/** R1: the period in which a committee takes applications of one series; `open` is the server clock's answer. */
export interface SubmissionWindow {
  id: string
  committee: NamedRef
  series: NamedRef
  title: string
  opensAt: string
  closesAt: string
  open: boolean
  version?: number
}

export interface SubmissionWindowInput {
  seriesId: string
  title: string
  opensAt: string
  closesAt: string
}

/** R9: a review expert, optionally with a sign-in. */
export interface Expert {
  id: string
  name: string
  specialty: string
  unit: NamedRef
  username?: string | null
}

export interface NewExpert {
  name: string
  specialty: string
  unitId: string
  username?: string
  password?: string
}

export interface PoolMember {
  expert: Expert
  /** ISO date. */
  termEndsOn: string
}

/** GET /api/committees/{id}/pools/{year} (R9). */
export interface ExpertPool {
  committeeId: string
  year: number
  members: PoolMember[]
}

/** R10: a conflict an expert declared with a unit or a person. */
export interface Conflict {
  id: string
  unit?: NamedRef | null
  personName?: string | null
  reason: string
  declaredAt?: string | null
}

export interface NewConflict {
  unitId?: string
  personIdNumber?: string
  reason: string
}

// ---------- Spot checks and integrity (docs/spotcheck.md, R18–R21, R31) ----------

/** Roles a spot-check question can be addressed to (R18): the applicant, the unit's HR, the department. */
export const SPOTCHECK_ASKED_ROLES: readonly Role[] = ['APPLICANT', 'UNIT_HR', 'HR_BUREAU']

export const SPOTCHECK_STATES = ['COMMITTED', 'DRAWN', 'SUPERSEDED'] as const
export type SpotCheckState = (typeof SPOTCHECK_STATES)[number]
/** What the office concludes (R18); FRAUD_CONFIRMED is the HR bureau's confirmation (R20), never the office's. */
export const OFFICE_OUTCOMES = ['CLEAR', 'PROBLEM', 'FRAUD_SUSPECTED'] as const
export type OfficeOutcome = (typeof OFFICE_OUTCOMES)[number]
export const SAMPLE_OUTCOMES = [...OFFICE_OUTCOMES, 'FRAUD_CONFIRMED'] as const
export type SampleOutcome = (typeof SAMPLE_OUTCOMES)[number]
export const FINDING_RESULTS = ['OK', 'PROBLEM', 'FRAUD'] as const
export type FindingResult = (typeof FINDING_RESULTS)[number]
export const REQUEST_ADDRESSEES = ['APPLICANT', 'UNIT', 'DEPARTMENT'] as const
export type RequestAddressee = (typeof REQUEST_ADDRESSEES)[number]
export const INTEGRITY_KINDS = ['FRAUD', 'FALSE_PROOF', 'CERTIFICATE_MISUSE'] as const
export type IntegrityKind = (typeof INTEGRITY_KINDS)[number]
export const REPORT_OUTCOMES = ['PROVEN', 'DISMISSED'] as const
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number]
/** A report's states: OPEN until decided. */
export const REPORT_STATES = ['OPEN', ...REPORT_OUTCOMES] as const

export interface SpotCheckPopulation {
  roundId: string
  committeeId: string
  seriesId: string
  size: number
  populationHash: string
  applicationIds: string[]
  minimumSampleSize: number
}

export interface SpotCheckSeries {
  seriesId: string
  seriesName: string
  population: number
}

export interface SpotCheckAttachment {
  id: string
  fileName: string
}

export interface SpotCheckFinding {
  evidenceItemId: string
  evidenceTitle?: string | null
  expertId: string
  expertName?: string | null
  result: FindingResult | string
  note?: string | null
  recordedAt?: string | null
  attachments?: SpotCheckAttachment[] | null
}

export interface SpotCheckInspector {
  expertId: string
  name: string
  drawRank: number
  /** How many findings the inspector recorded (a count), or the findings themselves. */
  findings?: number | SpotCheckFinding[] | null
}

export interface SpotCheckRequest {
  id: string
  drawId: string
  applicationId: string
  applicantName?: string | null
  addressee: RequestAddressee | string
  question: string
  workingDays: number
  dueOn: string
  answer?: string | null
  answeredAt?: string | null
  version: number
}

export interface SpotCheckSample {
  applicationId: string
  drawRank: number
  applicantName?: string | null
  unitName?: string | null
  specialty?: string | null
  level?: string | null
  applicationState?: string | null
  inspectors?: SpotCheckInspector[] | null
  findings?: SpotCheckFinding[] | null
  requests?: SpotCheckRequest[] | null
  outcome?: SampleOutcome | string | null
  outcomeNote?: string | null
  concludedAt?: string | null
  /** After the HR bureau confirmed fraud (R20, R21). */
  integrityRecordIds?: string[] | null
  version: number
}

export interface SpotCheck {
  id: string
  committeeId: string
  committeeName?: string | null
  roundId: string
  roundYear?: number | null
  seriesId: string
  seriesName?: string | null
  state: SpotCheckState | string
  ratio: number | string
  inspectorsPerApplication: number
  seedCommitment: string
  serverSalt: string
  populationHash: string
  populationSize: number
  seed?: string | null
  sampleSize?: number | null
  correctsDrawId?: string | null
  correctionReason?: string | null
  supersededById?: string | null
  committedAt?: string | null
  drawnAt?: string | null
  version: number
  samples?: SpotCheckSample[] | null
}

export interface NewSpotCheck {
  roundId: string
  seriesId: string
  ratio?: number
  inspectorsPerApplication?: number
  seedCommitment: string
  populationHash: string
  correctsDrawId?: string
  correctionReason?: string
}

export interface FalseProof {
  unitId: string
  responsibleName: string
  responsibleIdNumber: string
}

export interface InspectorAssignment {
  drawId: string
  applicationId: string
  applicantName?: string | null
  seriesName?: string | null
  committeeName?: string | null
  drawnAt?: string | null
  outcome?: SampleOutcome | string | null
  recorded: number
  total: number
}

export interface InspectorEvidence {
  id: string
  title: string
  kind?: string | null
  fileName?: string | null
  downloadUrl?: string | null
  finding?: SpotCheckFinding | null
}

export interface InspectorApplication {
  drawId: string
  applicationId: string
  applicantName?: string | null
  unitName?: string | null
  seriesName?: string | null
  specialty?: string | null
  outcome?: SampleOutcome | string | null
  evidence: InspectorEvidence[]
}

export interface FindingAttachmentGrant {
  id: string
  upload: { method: string; url: string; headers?: Record<string, string> | null }
}

export interface IntegrityHistoryEntry {
  at: string
  action: string
  actorName?: string | null
  note?: string | null
}

export interface IntegrityRecord {
  id: string
  kind: IntegrityKind | string
  rule?: string | null
  personName?: string | null
  idNumberMasked?: string | null
  unitName?: string | null
  applicationId?: string | null
  certificateNumber?: string | null
  spotCheckId?: string | null
  reportReference?: string | null
  summary?: string | null
  confirmedOn?: string | null
  banEndsOn?: string | null
  banActive?: boolean | null
  rescindedAt?: string | null
  rescissionReason?: string | null
  version: number
  history?: IntegrityHistoryEntry[] | null
}

export interface IntegrityQuery {
  q?: string
  kind?: string
  from?: string
  to?: string
  active?: boolean
  page?: number
  size?: number
}

export interface IntegrityPage {
  items: IntegrityRecord[]
  total: number
}

export interface NewCertificateReport {
  certificateNumber?: string
  payload?: string
  reason: string
  contact?: string
}

export interface CertificateReportReceipt {
  reference: string
  createdAt: string
}

/** `ReportView` of docs/spotcheck.md (R31). */
export interface CertificateReport {
  id: string
  reference: string
  certificateNumber?: string | null
  /** Whether a certificate of this service has that number. */
  certificateKnown?: boolean | null
  payload?: string | null
  reason: string
  contact?: string | null
  /** OPEN, PROVEN or DISMISSED. */
  state: string
  decisionNote?: string | null
  decidedAt?: string | null
  integrityRecordId?: string | null
  createdAt: string
  version: number
}

export interface ReportDecision {
  outcome: ReportOutcome
  note: string
  personName?: string
  personIdNumber?: string
  revokeCertificate?: boolean
  version: number
}

export interface PublicSpotCheckSummary {
  id: string
  committeeName?: string | null
  seriesName?: string | null
  roundYear?: number | null
  populationSize: number
  sampleSize: number
  drawnAt?: string | null
  state: SpotCheckState | string
}

export interface PublicSpotCheck {
  id: string
  committeeName?: string | null
  seriesName?: string | null
  roundYear?: number | null
  state: SpotCheckState | string
  ratio: number | string
  inspectorsPerApplication: number
  seedCommitment: string
  serverSalt: string
  populationHash: string
  population: string[]
  seed?: string | null
  sample: { applicationId: string; drawRank: number; inspectors: string[] }[]
  candidates: string[]
  recusals: { applicationId: string; expertId: string }[]
  correctsDrawId?: string | null
  supersededById?: string | null
  committedAt?: string | null
  drawnAt?: string | null
}

export interface SpotCheckVerification {
  matches: boolean
  commitmentMatches: boolean
  populationMatches: boolean
  sampleMatches: boolean
  inspectorsMatches: boolean
  recomputedSample: string[]
}

// ---------- Self-evaluating units (docs/catalogue.md, R22–R26): filings, public catalogue, e-seals, appointments ----------

/** A list answer of docs/catalogue.md. */
export interface ItemPage<T> {
  items: T[]
  total: number
}

/** A national series (GET /api/catalogue/series?national=true). */
export interface NationalSeries extends Series {
  national?: boolean
}

export const FILING_STATES = ['SUBMITTED', 'APPROVED', 'RETURNED', 'EXPIRED', 'RENEWED', 'CANCELLED'] as const
export type FilingState = (typeof FILING_STATES)[number]

export interface YearCount {
  year: number
  count: number
}

/** The fields of 附件1 (自主评聘职称系列（专业）申请表). */
export interface FilingFields {
  seriesId: string
  specialty?: string | null
  handlingOffice: string
  contactName: string
  officePhone: string
  mobilePhone: string
  professionalCount: number
  evaluations: YearCount[]
}

export interface NewFiling extends FilingFields {
  renewsId?: string | null
}

export interface Filing extends FilingFields {
  id: string
  unitId: string
  unitName: string
  city?: string | null
  seriesCode: string
  seriesName: string
  filingYear: number
  state: FilingState | string
  submittedAt?: string | null
  decidedAt?: string | null
  decisionNote?: string | null
  validFrom?: string | null
  validUntil?: string | null
  renewsId?: string | null
  renewalDue?: string | null
  /** Why it was cancelled. */
  endedReason?: string | null
  version: number
  deadlines?: Deadline[] | null
}

export interface FilingDueDate {
  year: number
  dueOn: string
  note?: string | null
  /** True when the HR bureau set it; false for the default (end of April). */
  set: boolean
}

/** One active filing in the public catalogue (R23); the mobile phone comes masked. */
export interface CatalogueItem {
  filingId: string
  unitId: string
  unitName: string
  city?: string | null
  seriesId: string
  seriesCode: string
  seriesName: string
  specialty?: string | null
  handlingOffice: string
  contactName: string
  officePhone: string
  mobilePhone: string
  professionalCount: number
  evaluations: YearCount[]
  validFrom: string
  validUntil: string
}

export interface CatalogueQuery {
  unit?: string
  series?: string
  city?: string
  page?: number
  size?: number
}

export const SEAL_BUSINESSES = ['NEW', 'CHANGE', 'CANCEL'] as const
export type SealBusiness = (typeof SEAL_BUSINESSES)[number]

export const SEAL_STATES = ['SUBMITTED', 'APPROVED', 'RETURNED', 'RETIRED'] as const
export type SealState = (typeof SEAL_STATES)[number]

/** The fields of 附件3 (评聘证书电子印章申请表). */
export interface SealFields {
  business: SealBusiness
  unitName: string
  legalRepresentative: string
  creditCode: string
  handlerName: string
  handlerIdNumber: string
  handlerMobile: string
  handlerPhone?: string | null
  address: string
  declarationAccepted: boolean
}

export interface SealRegistration extends Omit<SealFields, 'handlerIdNumber'> {
  id: string
  unitId?: string | null
  /** Masked by the server. */
  handlerIdNumber?: string | null
  handlerIdNumberMasked?: string | null
  state: SealState | string
  hasImage: boolean
  kid?: string | null
  decisionNote?: string | null
  submittedAt?: string | null
  decidedAt?: string | null
  createdAt?: string | null
  version: number
}

export const APPOINTMENT_STATES = ['RECORDED', 'RELEASED', 'WITHDRAWN'] as const
export type AppointmentState = (typeof APPOINTMENT_STATES)[number]

export const HOLD_REASONS = ['PHOTO_MISSING', 'SEAL_NOT_REGISTERED', 'FILING_INACTIVE'] as const
export type HoldReason = (typeof HOLD_REASONS)[number]

/** The 15 fields of the information collection form, in the template's column order. */
export interface AppointmentFields {
  name: string
  idNumber: string
  sex: 'MALE' | 'FEMALE' | string
  seriesId: string
  specialty: string
  practisedSpecialty?: string | null
  level: Level | string
  post: string
  appointedOn: string
  termStartsOn: string
  termEndsOn: string
  committeeName: string
  publicationNumber: string
  reportedOn?: string | null
  reportReference?: string | null
}

export interface Appointment extends Omit<AppointmentFields, 'idNumber'> {
  id: string
  idNumberMasked: string
  seriesName: string
  state: AppointmentState | string
  backfill: boolean
  uploadedOn?: string | null
  uploadedLate?: boolean
  reportDue?: string | null
  uploadDue?: string | null
  releaseOn?: string | null
  holdReason?: HoldReason | string | null
  hasPhoto: boolean
  certificateId?: string | null
  certificateNumber?: string | null
  uploadId?: string | null
  uploadRow?: number | null
  withdrawnReason?: string | null
  version: number
}

export interface AppointmentQuery {
  state?: string
  q?: string
  backfill?: boolean | null
  page?: number
  size?: number
}

export const ROW_OUTCOMES = ['ACCEPTED', 'REFUSED', 'ALREADY_RECORDED'] as const
export type RowOutcome = (typeof ROW_OUTCOMES)[number]

/** The per-row codes of an upload report (docs/catalogue.md). */
export const ROW_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'INVALID_ID_NUMBER',
  'SEX_MISMATCH',
  'NAME_MISMATCH',
  'UNKNOWN_SERIES',
  'SERIES_NOT_FILED',
  'BACKFILL_TERM_ENDED',
  'UNKNOWN_LEVEL',
  'INVALID_DATE',
  'FUTURE_DATE',
  'TERM_ORDER',
  'REPORT_BEFORE_APPOINTMENT',
  'DUPLICATE_ROW',
] as const
export type RowCode = (typeof ROW_CODES)[number]

export interface RowProblem {
  column?: string | null
  code: RowCode | string
  message?: string | null
}

export interface ReportRow {
  row: number
  outcome: RowOutcome | string
  appointmentId?: string | null
  name?: string | null
  idNumberMasked?: string | null
  problems?: RowProblem[] | null
}

export interface UploadReport {
  uploadId: string
  fileName: string
  rowCount: number
  accepted: number
  refused: number
  alreadyRecorded: number
  rows: ReportRow[]
}

/** An upload in the history list (counts only). */
export interface UploadSummary {
  uploadId?: string
  id?: string
  fileName: string
  rowCount: number
  accepted: number
  refused: number
  alreadyRecorded: number
  uploadedAt?: string | null
  createdAt?: string | null
  uploadedBy?: string | null
}
