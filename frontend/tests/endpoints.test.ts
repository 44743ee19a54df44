import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  WORK_ACTIONS,
  actionCall,
  applications,
  committees,
  expertConflicts,
  getWorkApplication,
  pools,
  submissionWindows,
  unitWork,
  workListPath,
} from '../src/api/endpoints'
import { session } from '../src/lib/session'

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

  it('issue creates a certificate with the publication document number (R27)', () => {
    expect(actionCall('issue', app, { publicationNumber: '潍人社字〔2026〕12号' })).toEqual({
      path: '/api/certificates',
      body: { applicationId: 'a1', publicationNumber: '潍人社字〔2026〕12号' },
    })
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

describe('committee route, first half (docs/workflow.md)', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    session.token = null
  })

  function stubFetch(body = '{}') {
    const fn = vi.fn(
      async (_path: string, _init?: RequestInit) =>
        new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
    )
    vi.stubGlobal('fetch', fn)
    return fn
  }
  const headersOf = (init?: RequestInit) => (init?.headers ?? {}) as Record<string, string>
  const bodyOf = (init?: RequestInit) => JSON.parse(String(init?.body))

  it('recommend and accept carry the comment', () => {
    expect(actionCall('recommend', app, { comment: 'ok', unitPledgeAccepted: true }).body).toMatchObject({
      comment: 'ok',
      unitPledgeAccepted: true,
      version: 7,
    })
    expect(actionCall('accept', app, { comment: 'in scope' }).body).toEqual({ comment: 'in scope', version: 7 })
  })

  it('creates an application with the Idempotency-Key of the attempt', async () => {
    const fetch = stubFetch()
    await applications.create(
      { seriesId: 's', level: 'INTERMEDIATE', specialty: 'x', unitId: 'u', employment: 'EMPLOYED', diplomaNumber: 'D1', graduationYear: 2010 },
      'key-1',
    )
    const [path, init] = fetch.mock.calls[0]
    expect(path).toBe('/api/applications')
    expect(init?.method).toBe('POST')
    expect(headersOf(init)['Idempotency-Key']).toBe('key-1')
    expect(bodyOf(init)).toMatchObject({ employment: 'EMPLOYED', graduationYear: 2010 })
  })

  it('records an objection with its key and decides it with the version', async () => {
    const fetch = stubFetch()
    await unitWork.recordObjection('a/1', { raisedBy: '张三', content: 'c' }, 'key-2')
    expect(fetch.mock.calls[0][0]).toBe('/api/unit/applications/a%2F1/objections')
    expect(headersOf(fetch.mock.calls[0][1])['Idempotency-Key']).toBe('key-2')
    await unitWork.decideObjection('a1', { id: 'o1', version: 3 }, 'DISMISSED', 'no ground')
    expect(fetch.mock.calls[1][0]).toBe('/api/unit/applications/a1/objections/o1/decision')
    expect(bodyOf(fetch.mock.calls[1][1])).toEqual({ decision: 'DISMISSED', explanation: 'no ground', version: 3 })
  })

  it('announces and completes a unit attachment with its kind', async () => {
    const fetch = stubFetch()
    await unitWork.addAttachment('a1', {
      kind: 'SUPERVISION_CARD',
      title: 't',
      fileName: 'card.pdf',
      contentType: 'application/pdf',
      size: 10,
    })
    expect(fetch.mock.calls[0][0]).toBe('/api/unit/applications/a1/attachments')
    expect(bodyOf(fetch.mock.calls[0][1]).kind).toBe('SUPERVISION_CARD')
    await unitWork.completeAttachment('a1', 'i1')
    expect(fetch.mock.calls[1][0]).toBe('/api/unit/applications/a1/attachments/i1/complete')
  })

  it('reads one application through the role’s function', async () => {
    const fetch = stubFetch()
    await getWorkApplication('UNIT_HR', 'a1')
    await getWorkApplication('COMMITTEE_OFFICE', 'a1')
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/unit/applications/a1', '/api/review/applications/a1'])
  })

  it('updates committees and windows with PUT', async () => {
    const fetch = stubFetch()
    await committees.update('c1', {
      code: 'C',
      name: 'n',
      seriesId: 's',
      levels: ['INTERMEDIATE'],
      jurisdiction: '',
      organiser: '',
      memberCount: 7,
      version: 2,
    })
    await submissionWindows.update('w1', { seriesId: 's', title: 't', opensAt: 'a', closesAt: 'b', version: 1 })
    expect(fetch.mock.calls.map((c) => [c[0], c[1]?.method])).toEqual([
      ['/api/committees/c1', 'PUT'],
      ['/api/windows/w1', 'PUT'],
    ])
  })

  it('uses the pool routes of a committee and year (R9)', async () => {
    const fetch = stubFetch()
    await pools.get('c1', 2026)
    await pools.addMember('c1', 2026, 'e1', '2027-08-31')
    await pools.removeMember('c1', 2026, 'e1')
    await pools.copyFrom('c1', 2026, 2025)
    expect(fetch.mock.calls.map((c) => `${c[1]?.method} ${c[0]}`)).toEqual([
      'GET /api/committees/c1/pools/2026',
      'POST /api/committees/c1/pools/2026/members',
      'DELETE /api/committees/c1/pools/2026/members/e1',
      'POST /api/committees/c1/pools/2026/copy-from/2025',
    ])
    expect(bodyOf(fetch.mock.calls[1][1])).toEqual({ expertId: 'e1', termEndsOn: '2027-08-31' })
  })

  it('reads the public windows without a token, and conflicts with one', async () => {
    session.token = 'tok'
    const fetch = stubFetch('[]')
    await submissionWindows.listPublic()
    await expertConflicts.declare({ personIdNumber: '11010519491231002X', reason: 'r' })
    expect(headersOf(fetch.mock.calls[0][1]).Authorization).toBeUndefined()
    expect(fetch.mock.calls[0][0]).toBe('/api/public/windows')
    expect(headersOf(fetch.mock.calls[1][1]).Authorization).toBe('Bearer tok')
    expect(fetch.mock.calls[1][0]).toBe('/api/expert/conflicts')
  })
})
