import { describe, expect, it } from 'vitest'
import { messages, LOCALES } from '../src/i18n'
import { EMPLOYMENTS, EVIDENCE_KINDS, OBJECTION_DECISIONS, OBJECTION_STAGES } from '../src/api/types'
import { degreeRoutes, diplomaRoutes } from '../src/lib/r4'

describe('codes of the committee route have names in every language', () => {
  it('employment, evidence kinds, objection stages and decisions, window states', () => {
    for (const l of LOCALES) {
      const m = messages[l]
      for (const c of EMPLOYMENTS) expect(m.employment[c], `${l} ${c}`).toBeTruthy()
      for (const c of EVIDENCE_KINDS) expect(m.evidenceKind[c], `${l} ${c}`).toBeTruthy()
      for (const c of OBJECTION_STAGES) expect(m.objectionStage[c], `${l} ${c}`).toBeTruthy()
      for (const c of [...OBJECTION_DECISIONS, 'PENDING'] as const) expect(m.objectionDecision[c], `${l} ${c}`).toBeTruthy()
      for (const c of ['OPEN', 'UPCOMING', 'CLOSED'] as const) expect(m.windowStatus[c], `${l} ${c}`).toBeTruthy()
    }
  })

  it('every R4 reason the helpers can give is explained', () => {
    const reasons = new Set<string>()
    for (const y of [null, 1990, 2002]) reasons.add(diplomaRoutes(y).reason)
    for (const [n, d] of [['', null], ['X', null], ['X', '2000-01-01'], ['X', '2010-01-01']] as const) {
      reasons.add(degreeRoutes(n, d).reason)
    }
    expect(reasons.size).toBe(7)
    for (const l of LOCALES) {
      const r4 = messages[l].r4 as Record<string, string>
      for (const r of reasons) expect(r4[r], `${l} ${r}`).toBeTruthy()
    }
  })

  it('cites the rules in the hints users act on', () => {
    for (const l of LOCALES) {
      const m = messages[l]
      expect(m.applyForm.employmentHint).toContain('R3')
      expect(m.objections.title).toContain('R7')
      expect(m.attachments.title).toContain('R7')
      expect(m.progress.unitReview).toContain('R6')
      expect(m.progress.vetting).toContain('R8')
      expect(m.pools.hint).toContain('R9')
      expect(m.conflicts.intro).toContain('R10')
      expect(m.publicWindows.intro).toContain('R1')
    }
  })
})
