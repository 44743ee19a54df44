import { describe, expect, it } from 'vitest'
import { WORK_ACTIONS, actionCall, workListPath } from '../src/api/endpoints'

const app = { id: 'a1', version: 7 }

describe('work-list actions map to the routes of api.md', () => {
  it('unit actions', () => {
    expect(actionCall('review', app, { comment: 'ok' })).toEqual({
      path: '/api/unit/applications/a1/review',
      body: { comment: 'ok', version: 7 },
    })
    expect(actionCall('return', app, { reason: 'missing proof' })).toEqual({
      path: '/api/unit/applications/a1/return',
      body: { reason: 'missing proof', version: 7 },
    })
    expect(
      actionCall('recommend', app, {
        unitPledgeAccepted: true,
        diplomaVerification: 'DIPLOMA_DATABASE',
        degreeVerification: 'ARCHIVE_REVIEW',
      }),
    ).toEqual({
      path: '/api/unit/applications/a1/recommend',
      body: {
        unitPledgeAccepted: true,
        diplomaVerification: 'DIPLOMA_DATABASE',
        degreeVerification: 'ARCHIVE_REVIEW',
        version: 7,
      },
    })
  })

  it('review actions', () => {
    expect(actionCall('vet', app, { comment: 'c' })).toEqual({
      path: '/api/review/applications/a1/vet',
      body: { comment: 'c', version: 7 },
    })
    expect(actionCall('accept', app)).toEqual({ path: '/api/review/applications/a1/accept', body: { version: 7 } })
    expect(actionCall('decide', app, { outcome: 'PASS', note: 'n' })).toEqual({
      path: '/api/review/applications/a1/decision',
      body: { outcome: 'PASS', note: 'n', version: 7 },
    })
    expect(actionCall('publish', app)).toEqual({ path: '/api/review/applications/a1/publish', body: { version: 7 } })
    expect(actionCall('file', app)).toEqual({ path: '/api/review/applications/a1/file', body: { version: 7 } })
  })

  it('issue creates a certificate', () => {
    expect(actionCall('issue', app)).toEqual({ path: '/api/certificates', body: { applicationId: 'a1' } })
  })

  it('always sends the version, and the recommend pledge only when ticked', () => {
    for (const a of WORK_ACTIONS.filter((x) => x !== 'issue')) {
      expect(actionCall(a, app).body.version, a).toBe(7)
    }
    expect(actionCall('recommend', app).body.unitPledgeAccepted).toBe(false)
  })

  it('escapes ids and refuses unknown actions', () => {
    expect(actionCall('accept', { id: 'a/b', version: 1 }).path).toBe('/api/review/applications/a%2Fb/accept')
    expect(() => actionCall('fly', app)).toThrow(/unknown action/)
  })

  it('picks the work-list route by role', () => {
    expect(workListPath('UNIT_HR')).toBe('/api/unit/applications')
    expect(workListPath('HR_BUREAU')).toBe('/api/review/applications')
    expect(workListPath('COMMITTEE_OFFICE')).toBe('/api/review/applications')
  })
})
