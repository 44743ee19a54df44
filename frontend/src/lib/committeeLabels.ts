// Labels of the committee route's codes, in the current language: the application side (employment,
// attachments, objections, windows) and the meeting side (meeting and round states, votes, outcomes).
import { useI18n } from 'vue-i18n'
import type { DoneBy } from '../api/types'
import { codeLabel, formatDateTime } from './labels'
import { formatDay } from './dates'

type T = (key: string, named?: Record<string, unknown>) => string
type TE = (key: string) => boolean

export function useCommitteeLabels() {
  const { t, te, locale } = useI18n()
  const tt = t as unknown as T
  const tte = te as unknown as TE
  const day = (v?: string | null) => formatDay(v, locale.value)
  return {
    employment: (c?: string | null) => codeLabel(tt, tte, 'employment', c),
    evidenceKind: (c?: string | null) => codeLabel(tt, tte, 'evidenceKind', c),
    objectionStage: (c?: string | null) => codeLabel(tt, tte, 'objectionStage', c),
    /** UPHELD, DISMISSED, or PENDING when not decided yet. */
    objectionDecision: (c?: string | null) => codeLabel(tt, tte, 'objectionDecision', c ?? 'PENDING'),
    windowStatus: (c?: string | null) => codeLabel(tt, tte, 'windowStatus', c),
    meetingState: (c?: string | null) => codeLabel(tt, tte, 'meetingState', c),
    roundState: (c?: string | null) => codeLabel(tt, tte, 'roundState', c),
    vote: (c?: string | null) => codeLabel(tt, tte, 'vote', c),
    outcome: (c?: string | null) => codeLabel(tt, tte, 'voteOutcome', c),
    /** A calendar day (LocalDate) without time-zone shifts. */
    day,
    /** "who, when" of a step (R6, R8), or '' when not done. */
    doneBy: (d?: DoneBy | null) =>
      d && (d.by || d.at) ? tt('progress.byAt', { by: d.by ?? '—', at: formatDateTime(d.at, locale.value) || '—' }) : '',
  }
}
