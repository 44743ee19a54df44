// Pure helpers of the meeting, expert-vote, review-round and result-notice pages (R10–R17).
// Display only: the server decides quorum, passes, the senior cap and every date; these helpers
// show the user the same arithmetic beforehand. No Vue, no network: unit-tested (tests/committee.test.ts).
import type {
  AgendaItem,
  Application,
  Meeting,
  MeetingExpert,
  ReviewRound,
  Role,
  RoundObjection,
  SeniorPassRate,
} from '../api/types'
import type { TagType } from './labels'

// ---------- R12: two-thirds ----------

/** The smallest whole number that is at least two-thirds of `n` (integer arithmetic, no float rounding). */
export function twoThirds(n: number | null | undefined): number {
  const k = Math.max(0, Math.floor(Number(n) || 0))
  return Math.floor((2 * k + 2) / 3)
}

/** R12: members who must attend for the meeting to be quorate. */
export function quorumNeeded(memberCount: number | null | undefined): number {
  return twoThirds(memberCount)
}

/** R12: at least two-thirds of the committee's members attend. A committee of no members is never quorate. */
export function isQuorate(attending: number, memberCount: number | null | undefined): boolean {
  const members = Math.floor(Number(memberCount) || 0)
  return members > 0 && attending * 3 >= members * 2
}

/** R12: yes votes an application needs: at least two-thirds of the attending experts. */
export function yesVotesNeeded(attending: number | null | undefined): number {
  return twoThirds(attending)
}

/** R12: would these yes votes pass, with this many experts attending? */
export function passesWith(yes: number, attending: number | null | undefined): boolean {
  const a = Math.floor(Number(attending) || 0)
  return a > 0 && yes * 3 >= a * 2
}

/** Experts in draw order (rank 1 first); those without a rank last, by name. */
export function byDrawRank<T extends Pick<MeetingExpert, 'drawRank' | 'name'>>(experts: readonly T[] | null | undefined): T[] {
  const rank = (e: T) => (e.drawRank == null ? Number.POSITIVE_INFINITY : e.drawRank)
  return [...(experts ?? [])].sort((a, b) => rank(a) - rank(b) || String(a.name).localeCompare(String(b.name)))
}

/** Experts already marked present (to pre-tick the attendance list). */
export function presentIds(experts: readonly MeetingExpert[] | null | undefined): string[] {
  return (experts ?? []).filter((e) => e.attended === true).map((e) => e.expertId)
}

/** Attending count as the server reported it, else the experts marked present. */
export function attendingCount(m: Pick<Meeting, 'attending' | 'experts'>): number {
  if (m.attending != null) return m.attending
  return presentIds(m.experts).length
}

/** The members count of the meeting's committee (R12 counts members, not drawn experts). */
export function memberCountOf(m: Pick<Meeting, 'committee' | 'expertCount'>): number {
  return Number(m.committee?.memberCount ?? m.expertCount ?? 0) || 0
}

/** The quorum the server gave, else two-thirds of the members. */
export function quorumOf(m: Pick<Meeting, 'quorum' | 'committee' | 'expertCount'>): number {
  return m.quorum != null ? m.quorum : quorumNeeded(memberCountOf(m))
}

export interface Tally {
  yes: number
  no: number
  abstain: number
  cast: number
  needed: number
  /** The server's outcome when given, else what two-thirds of the attending would give. */
  outcome: 'PASS' | 'FAIL' | null
}

/** Per-application tallies after closing (R12). */
export function tallyOf(item: AgendaItem, attending: number): Tally {
  const yes = item.yesVotes ?? 0
  const no = item.noVotes ?? 0
  const abstain = item.abstentions ?? 0
  const cast = item.votesCast ?? yes + no + abstain
  const outcome = item.outcome ?? (item.yesVotes == null ? null : passesWith(yes, attending) ? 'PASS' : 'FAIL')
  return { yes, no, abstain, cast, needed: yesVotesNeeded(attending), outcome }
}

// ---------- meeting states and what each role can do ----------

/** The happy path of a meeting, for the steps bar. */
export const MEETING_STEPS = ['REQUESTED', 'APPROVED', 'DRAWN', 'VOTING', 'CLOSED'] as const

/** Where a meeting is on MEETING_STEPS; REJECTED stops at the request, NOT_QUORATE at the vote. */
export function meetingStepIndex(state: string | null | undefined): number {
  switch (state) {
    case 'REQUESTED':
    case 'REJECTED':
      return 0
    case 'APPROVED':
      return 1
    case 'DRAWN':
      return 2
    case 'VOTING':
    case 'NOT_QUORATE':
      return 3
    case 'CLOSED':
      return 5
    default:
      return 0
  }
}

export function meetingFailed(state: string | null | undefined): boolean {
  return state === 'REJECTED' || state === 'NOT_QUORATE'
}

export function meetingTagType(state: string | null | undefined): TagType {
  switch (state) {
    case 'CLOSED':
      return 'success'
    case 'REJECTED':
    case 'NOT_QUORATE':
      return 'danger'
    case 'REQUESTED':
      return 'warning'
    default:
      return 'primary'
  }
}

export type MeetingAction = 'approve' | 'reject' | 'draw' | 'attendance' | 'close'

/** Buttons for a role in a state; the server checks again. */
export function meetingActions(state: string | null | undefined, role: Role | null): MeetingAction[] {
  if (role === 'HR_BUREAU') return state === 'REQUESTED' ? ['approve', 'reject'] : []
  if (role !== 'COMMITTEE_OFFICE') return []
  switch (state) {
    case 'APPROVED':
      return ['draw']
    case 'DRAWN':
      return ['attendance']
    case 'VOTING':
      return ['close']
    default:
      return []
  }
}

/** Applications the office may put on an agenda: its ACCEPTED ones. */
export function agendaCandidates(apps: readonly Application[] | null | undefined): Application[] {
  return (apps ?? []).filter((a) => a.state === 'ACCEPTED')
}

// ---------- dates (China's time zone; ISO dates compare as text) ----------

/** Today in China's time zone as YYYY-MM-DD (the server reads dates there). */
export function chinaToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** A Date (from a date picker's calendar cell) as YYYY-MM-DD in local time. */
export function isoOfLocal(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** For a date picker's disabled-date: a day before `earliest` (ISO) cannot be picked. */
export function isBeforeDay(d: Date, earliest: string): boolean {
  return isoOfLocal(d) < earliest
}

/** R12: attendance is taken on or after the meeting day. */
export function meetingDayReached(meetingDate: string | null | undefined, today: string): boolean {
  return !!meetingDate && today >= meetingDate
}

/** R15: the notice is still running on `today` (its last day included). */
export function noticeRunning(noticeEndsOn: string | null | undefined, today: string): boolean {
  return !!noticeEndsOn && today <= noticeEndsOn
}

/** An unanswered objection past its R15 answer date. */
export function objectionOverdue(o: Pick<RoundObjection, 'decision' | 'answerDueOn'>, today: string): boolean {
  return !o.decision && !!o.answerDueOn && today > o.answerDueOn
}

export function unansweredObjections(r: Pick<ReviewRound, 'objections'>): number {
  return (r.objections ?? []).filter((o) => !o.decision).length
}

// ---------- R13: senior pass rate ----------

export const SENIOR_CAP = 0.5

/** "60%" / "33.3%": at most one decimal, none when whole. */
export function percent(rate: number | null | undefined): string {
  if (rate == null || Number.isNaN(Number(rate))) return ''
  const p = Math.round(Number(rate) * 1000) / 10
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`
}

export type SeniorStatus = 'NONE' | 'WITHIN' | 'EXCEEDED' | 'OVERRIDDEN'

/**
 * NONE: no senior applications decided; WITHIN: at or under 50%; EXCEEDED: over the cap (the pass list
 * will be refused, R13); OVERRIDDEN: over the cap with the HR bureau's written override.
 */
export function seniorStatus(r: Pick<ReviewRound, 'seniorPassRate' | 'seniorOverride'>): SeniorStatus {
  const s: SeniorPassRate | null | undefined = r.seniorPassRate
  if (!s || !s.decided) return 'NONE'
  const exceeded = s.capExceeded ?? s.rate > SENIOR_CAP
  if (!exceeded) return 'WITHIN'
  return r.seniorOverride ? 'OVERRIDDEN' : 'EXCEEDED'
}

/** Most senior passes the cap allows for this many decided (display only). */
export function seniorPassesAllowed(decided: number): number {
  return Math.floor(Math.max(0, decided) * SENIOR_CAP)
}

export const SENIOR_OVERRIDE_MIN_REASON = 10

// ---------- review rounds ----------

export const ROUND_STEPS = ['OPEN', 'PASS_LIST_SUBMITTED', 'APPROVED', 'NOTICE', 'FILED'] as const

/** Index on ROUND_STEPS; FILED is past the last step (all done). */
export function roundStepIndex(state: string | null | undefined): number {
  const i = (ROUND_STEPS as readonly string[]).indexOf(String(state ?? ''))
  if (i < 0) return 0
  return state === 'FILED' ? ROUND_STEPS.length : i
}

export function roundTagType(state: string | null | undefined): TagType {
  switch (state) {
    case 'FILED':
      return 'success'
    case 'NOTICE':
      return 'warning'
    case 'OPEN':
      return 'info'
    default:
      return 'primary'
  }
}

export type RoundAction = 'passList' | 'override' | 'approve' | 'return' | 'publish' | 'file' | 'summary'

/** Buttons for a role in a round's state; the server checks again. */
export function roundActions(r: Pick<ReviewRound, 'state' | 'seniorPassRate' | 'seniorOverride'>, role: Role | null): RoundAction[] {
  const out: RoundAction[] = []
  if (role === 'COMMITTEE_OFFICE') {
    if (r.state === 'OPEN') out.push('passList')
    if (r.state === 'FILED') out.push('summary')
  } else if (role === 'HR_BUREAU') {
    if ((r.state === 'OPEN' || r.state === 'PASS_LIST_SUBMITTED') && seniorStatus(r) === 'EXCEEDED') out.push('override')
    if (r.state === 'PASS_LIST_SUBMITTED') out.push('approve', 'return')
    if (r.state === 'APPROVED') out.push('publish')
    if (r.state === 'NOTICE') out.push('file')
  }
  return out
}

/** The summary text, whichever shape the server sends. */
export function summaryText(r: Pick<ReviewRound, 'summary'>): string {
  const s = r.summary
  if (!s) return ''
  return typeof s === 'string' ? s : (s.content ?? '')
}

// ---------- public notices ----------

/** The committee's name, whether the server sends a name or an object. */
export function committeeName(c: string | { id?: string; name?: string } | null | undefined): string {
  if (!c) return ''
  return typeof c === 'string' ? c : (c.name ?? '')
}

/** Running notices first (ending soonest first), then past ones (latest first). */
export function sortNotices<T extends { running: boolean; noticeEndsOn: string }>(list: readonly T[] | null | undefined): T[] {
  return [...(list ?? [])].sort((a, b) => {
    if (a.running !== b.running) return a.running ? -1 : 1
    if (a.running) return a.noticeEndsOn < b.noticeEndsOn ? -1 : a.noticeEndsOn > b.noticeEndsOn ? 1 : 0
    return a.noticeEndsOn > b.noticeEndsOn ? -1 : a.noticeEndsOn < b.noticeEndsOn ? 1 : 0
  })
}
