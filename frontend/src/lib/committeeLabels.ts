import { useI18n } from 'vue-i18n'
import { codeLabel } from './labels'

type T = (key: string, named?: Record<string, unknown>) => string
type TE = (key: string) => boolean

/** Labels of the committee route's codes (meeting and round states, votes, outcomes, objection decisions). */
export function useCommitteeLabels() {
  const { t, te } = useI18n()
  const tt = t as unknown as T
  const tte = te as unknown as TE
  return {
    meetingState: (c?: string | null) => codeLabel(tt, tte, 'meetingState', c),
    roundState: (c?: string | null) => codeLabel(tt, tte, 'roundState', c),
    vote: (c?: string | null) => codeLabel(tt, tte, 'vote', c),
    outcome: (c?: string | null) => codeLabel(tt, tte, 'voteOutcome', c),
    objectionDecision: (c?: string | null) => codeLabel(tt, tte, 'objectionDecision', c),
  }
}
