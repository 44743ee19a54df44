import { describe, expect, it } from 'vitest'
import { expertMeetings, meetings, publicNotices, rounds, statisticsPath } from '../src/api/endpoints'
import { recordFetch } from './fetchRecorder'

const calls = recordFetch('{"id":"m1","version":2}')

describe('committee route endpoints follow docs/workflow.md', () => {
  it('a meeting application carries its Idempotency-Key and the agenda', async () => {
    await meetings.create({ meetingDate: '2026-10-23', venue: 'V', workPlan: 'P', applicationIds: ['a1', 'a2'] }, 'key-1')
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/meetings',
      body: { meetingDate: '2026-10-23', venue: 'V', workPlan: 'P', applicationIds: ['a1', 'a2'] },
    })
    expect(calls[0].headers['Idempotency-Key']).toBe('key-1')
    expect(calls[0].headers.Authorization).toBe('Bearer tok')
  })

  it('meeting steps send the version', async () => {
    await meetings.approve('m/1', 'ok', 3)
    await meetings.reject('m1', 'no', 3)
    await meetings.draw('m1', 4)
    await meetings.attendance('m1', ['e1', 'e2'], 5)
    await meetings.close('m1', 6)
    await meetings.verifyDraw('m1')
    expect(calls.map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body ?? null)}`)).toEqual([
      'POST /api/meetings/m%2F1/approve {"note":"ok","version":3}',
      'POST /api/meetings/m1/reject {"note":"no","version":3}',
      'POST /api/meetings/m1/draw {"version":4}',
      'POST /api/meetings/m1/attendance {"present":["e1","e2"],"version":5}',
      'POST /api/meetings/m1/close {"version":6}',
      'GET /api/meetings/m1/draw/verify null',
    ])
  })

  it('an expert votes with PUT per application', async () => {
    await expertMeetings.vote('m1', 'a1', 'ABSTAIN')
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/api/expert/meetings/m1/votes/a1', body: { choice: 'ABSTAIN' } })
  })

  it('publish leaves noticeEndsOn out for the server default, and sends it when picked', async () => {
    await rounds.publish('r1', null, 7)
    await rounds.publish('r1', '', 7)
    await rounds.publish('r1', '2026-11-02', 7)
    expect(calls.map((c) => c.body)).toEqual([{ version: 7 }, { version: 7 }, { noticeEndsOn: '2026-11-02', version: 7 }])
  })

  it('round steps', async () => {
    await rounds.submitPassList('r1', 1)
    await rounds.seniorOverride('r1', 'ten chars at least', 2)
    await rounds.approve('r1', 3)
    await rounds.returnList('r1', 'why', 4)
    await rounds.decideObjection('r1', { id: 'o1', version: 9 }, 'DISMISSED', 'because')
    await rounds.file('r1', 5)
    await rounds.summary('r1', 'text', 6)
    expect(calls.map((c) => `${c.path} ${JSON.stringify(c.body)}`)).toEqual([
      '/api/rounds/r1/pass-list {"version":1}',
      '/api/rounds/r1/senior-override {"reason":"ten chars at least","version":2}',
      '/api/rounds/r1/approve {"version":3}',
      '/api/rounds/r1/return {"reason":"why","version":4}',
      '/api/rounds/r1/objections/o1/decision {"decision":"DISMISSED","explanation":"because","version":9}',
      '/api/rounds/r1/file {"version":5}',
      '/api/rounds/r1/summary {"content":"text","version":6}',
    ])
    expect(statisticsPath('r 1')).toBe('/api/rounds/r%201/statistics.xlsx')
  })

  it('public notices and objections go without the bearer token', async () => {
    await publicNotices.list()
    await publicNotices.object('r1', { applicationId: 'a1', raisedBy: '张三', contact: '138', content: '不实' }, 'k2')
    expect(calls[0].headers.Authorization).toBeUndefined()
    expect(calls[1]).toMatchObject({
      method: 'POST',
      path: '/api/public/notices/r1/objections',
      body: { applicationId: 'a1', raisedBy: '张三', contact: '138', content: '不实' },
    })
    expect(calls[1].headers.Authorization).toBeUndefined()
    expect(calls[1].headers['Idempotency-Key']).toBe('k2')
  })
})
