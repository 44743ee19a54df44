import { describe, expect, it } from 'vitest'
import {
  certificateReports,
  inspector,
  integrity,
  publicSpotchecks,
  queryString,
  spotcheckRequests,
  spotchecks,
} from '../src/api/endpoints'
import { recordFetch, type RecordedCall } from './fetchRecorder'
import {
  banInForce,
  findingCounts,
  forgetSeed,
  isOverdue,
  keepSeed,
  keptSeed,
  latestFirst,
  requestCounts,
  seedFileText,
  sortRequests,
  todayText,
} from '../src/lib/spotcheck'

const calls = recordFetch()

const line = (c: RecordedCall) => `${c.method} ${c.path} ${JSON.stringify(c.body ?? null)}`

describe('spot-check routes follow docs/spotcheck.md', () => {
  it('office: series, population, list, commit with its Idempotency-Key, draw with the seed and version', async () => {
    await spotchecks.series('r1')
    await spotchecks.population('r1', 's/1')
    await spotchecks.list()
    await spotchecks.list('r1')
    await spotchecks.commit({ roundId: 'r1', seriesId: 's1', ratio: 0.15, seedCommitment: 'c', populationHash: 'p' }, 'key-1')
    await spotchecks.draw('d1', 'seed', 3)
    await spotchecks.get('d1')
    expect(calls.map(line)).toEqual([
      'GET /api/spotchecks/series?roundId=r1 null',
      'GET /api/spotchecks/population?roundId=r1&seriesId=s%2F1 null',
      'GET /api/spotchecks null',
      'GET /api/spotchecks?roundId=r1 null',
      'POST /api/spotchecks {"roundId":"r1","seriesId":"s1","ratio":0.15,"seedCommitment":"c","populationHash":"p"}',
      'POST /api/spotchecks/d1/draw {"seed":"seed","version":3}',
      'GET /api/spotchecks/d1 null',
    ])
    expect(calls[4].headers['Idempotency-Key']).toBe('key-1')
  })

  it('samples: question, conclusion, fraud confirmation with and without false proof', async () => {
    await spotchecks.ask('d1', 'a1', { addressee: 'UNIT', question: 'Q', workingDays: 5 }, 'k2')
    await spotchecks.conclude('d1', 'a1', 'PROBLEM', 'n', 4)
    await spotchecks.confirmFraud('d1', 'a1', 'r')
    await spotchecks.confirmFraud('d1', 'a1', 'r', { unitId: 'u1', responsibleName: 'N', responsibleIdNumber: 'X' })
    expect(calls.map(line)).toEqual([
      'POST /api/spotchecks/d1/samples/a1/requests {"addressee":"UNIT","question":"Q","workingDays":5}',
      'POST /api/spotchecks/d1/samples/a1/conclusion {"outcome":"PROBLEM","note":"n","version":4}',
      'POST /api/spotchecks/d1/samples/a1/fraud-confirmation {"reason":"r"}',
      'POST /api/spotchecks/d1/samples/a1/fraud-confirmation {"reason":"r","falseProof":{"unitId":"u1","responsibleName":"N","responsibleIdNumber":"X"}}',
    ])
    expect(calls[0].headers['Idempotency-Key']).toBe('k2')
  })

  it('inspectors: assignments, one application, findings and their attachments', async () => {
    await inspector.list()
    await inspector.get('d1', 'a1')
    await inspector.record('d1', 'a1', 'e1', 'FRAUD', 'n')
    await inspector.addAttachment('d1', 'a1', 'e1', { fileName: 'f.pdf', contentType: 'application/pdf', size: 3 })
    await inspector.completeAttachment('d1', 'a1', 'e1', 'att1')
    const base = '/api/inspector/spotchecks/d1/applications/a1'
    expect(calls.map(line)).toEqual([
      'GET /api/inspector/spotchecks null',
      `GET ${base} null`,
      `PUT ${base}/findings/e1 {"result":"FRAUD","note":"n"}`,
      `POST ${base}/findings/e1/attachments {"fileName":"f.pdf","contentType":"application/pdf","size":3}`,
      `POST ${base}/findings/e1/attachments/att1/complete {}`,
    ])
  })

  it('questions, integrity record and certificate reports', async () => {
    await spotcheckRequests.list()
    await spotcheckRequests.answer('q1', 'A', 2)
    await integrity.search({ q: '张 三', kind: 'FRAUD', from: '2026-01-01', to: '2026-12-31', active: true, page: 0, size: 20 })
    await integrity.search({ active: false })
    await integrity.get('i1')
    await integrity.rescind('i1', 'why', 5)
    await integrity.mine()
    await certificateReports.report({ certificateNumber: 'N1', reason: 'R' }, 'k3')
    await certificateReports.list('OPEN')
    await certificateReports.decide('c1', { outcome: 'DISMISSED', note: 'n', version: 1 })
    expect(calls.map(line)).toEqual([
      'GET /api/spotcheck-requests null',
      'POST /api/spotcheck-requests/q1/answer {"answer":"A","version":2}',
      'GET /api/integrity-records?q=%E5%BC%A0%20%E4%B8%89&kind=FRAUD&from=2026-01-01&to=2026-12-31&active=true&page=0&size=20 null',
      'GET /api/integrity-records null',
      'GET /api/integrity-records/i1 null',
      'POST /api/integrity-records/i1/rescission {"reason":"why","version":5}',
      'GET /api/me/integrity-records null',
      'POST /api/public/certificate-reports {"certificateNumber":"N1","reason":"R"}',
      'GET /api/certificate-reports?state=OPEN null',
      'POST /api/certificate-reports/c1/decision {"outcome":"DISMISSED","note":"n","version":1}',
    ])
    expect(calls[7].headers['Idempotency-Key']).toBe('k3')
  })

  it('public routes send no token', async () => {
    await publicSpotchecks.list()
    await publicSpotchecks.get('d1')
    await publicSpotchecks.verification('d1')
    await certificateReports.report({ reason: 'R' }, 'k')
    expect(calls.map((c) => c.path)).toEqual([
      '/api/public/spotchecks',
      '/api/public/spotchecks/d1',
      '/api/public/spotchecks/d1/verification',
      '/api/public/certificate-reports',
    ])
    for (const c of calls) expect(c.headers.Authorization).toBeUndefined()
  })

  it('queryString leaves out what is not set', () => {
    expect(queryString({})).toBe('')
    expect(queryString({ a: '', b: null, c: undefined, d: 0, e: false })).toBe('?d=0&e=false')
  })
})

describe('spot-check helpers', () => {
  function memoryStore() {
    const m = new Map<string, string>()
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    }
  }

  it('keeps the seed by draw id', () => {
    const store = memoryStore()
    expect(keptSeed('d1', store)).toBe('')
    keepSeed('d1', 'abc', store)
    expect(keptSeed('d1', store)).toBe('abc')
    expect(keptSeed('d2', store)).toBe('')
    forgetSeed('d1', store)
    expect(keptSeed('d1', store)).toBe('')
    expect(keptSeed('d1', null)).toBe('')
  })

  it('the seed file starts with the seed and names the commitment', () => {
    const text = seedFileText('s'.repeat(64), 'c'.repeat(64), 'Committee 2026')
    expect(text.split('\n')[0]).toBe('s'.repeat(64))
    expect(text).toContain('c'.repeat(64))
  })

  it('counts findings and answered questions', () => {
    expect(findingCounts([{ result: 'OK' }, { result: 'OK' }, { result: 'PROBLEM' }, { result: 'FRAUD' }])).toEqual({
      ok: 2,
      problem: 1,
      fraud: 1,
    })
    expect(findingCounts(null)).toEqual({ ok: 0, problem: 0, fraud: 0 })
    expect(requestCounts([{ answeredAt: 'x' }, { answer: null, answeredAt: null }])).toEqual({ answered: 1, total: 2 })
  })

  it('orders questions open first by due day, and tells overdue ones', () => {
    const rows = [
      { id: 'a', dueOn: '2026-11-30', answeredAt: '2026-11-20T00:00:00Z' },
      { id: 'b', dueOn: '2026-12-05', answeredAt: null },
      { id: 'c', dueOn: '2026-11-20', answeredAt: null },
    ]
    expect(sortRequests(rows).map((r) => r.id)).toEqual(['c', 'b', 'a'])
    expect(isOverdue(rows[2], '2026-11-21')).toBe(true)
    expect(isOverdue(rows[2], '2026-11-20')).toBe(false)
    expect(isOverdue(rows[0], '2027-01-01')).toBe(false)
  })

  it('a ban is in force until its end day unless rescinded; the server has the last word', () => {
    expect(banInForce({ banEndsOn: '2031-05-01' }, '2026-11-22')).toBe(true)
    expect(banInForce({ banEndsOn: '2031-05-01' }, '2031-05-01')).toBe(false)
    expect(banInForce({ banEndsOn: '2031-05-01', rescindedAt: '2027-01-01T00:00:00Z' }, '2026-11-22')).toBe(false)
    expect(banInForce({ banEndsOn: '2031-05-01', banActive: false }, '2026-11-22')).toBe(false)
  })

  it('latest first, and today as a calendar day', () => {
    expect(latestFirst([{ at: '2026-01-01' }, { at: null }, { at: '2026-03-01' }], (r) => r.at).map((r) => r.at)).toEqual([
      '2026-03-01',
      '2026-01-01',
      null,
    ])
    expect(todayText(new Date(2026, 0, 5))).toBe('2026-01-05')
  })
})
