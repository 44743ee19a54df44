import { describe, expect, it } from 'vitest'
import { ProblemError, formatProblem, parseProblem, ruleTag, toProblem } from '../src/lib/problem'

describe('problem formatter (RFC 9457)', () => {
  it('shows title, detail, field errors and the rule tag', () => {
    const f = formatProblem({
      type: 'https://zhicheng.cn/problems/pledge-required',
      title: 'Pledge required',
      status: 409,
      detail: 'The integrity pledge must be accepted before submission.',
      code: 'PLEDGE_REQUIRED',
      rule: 'R5',
      errors: [{ field: 'pledgeAccepted', message: 'must be true' }],
    })
    expect(f.title).toBe('Pledge required')
    expect(f.detail).toBe('The integrity pledge must be accepted before submission.')
    expect(f.ruleTag).toBe('(R5)')
    expect(f.code).toBe('PLEDGE_REQUIRED')
    expect(f.fieldErrors).toEqual(['pledgeAccepted: must be true'])
    expect(f.text).toBe(
      'Pledge required — The integrity pledge must be accepted before submission. — pledgeAccepted: must be true (R5)',
    )
  })

  it('has no rule tag when no rule refused the request', () => {
    const f = formatProblem({ title: 'Stale version', status: 409, code: 'STALE_VERSION', detail: 'reload' })
    expect(f.ruleTag).toBe('')
    expect(f.text).toBe('Stale version — reload')
  })

  it('falls back to the code, then to the given title', () => {
    expect(formatProblem({ code: 'FORBIDDEN' }).title).toBe('FORBIDDEN')
    expect(formatProblem({}, '请求失败').title).toBe('请求失败')
  })

  it('does not repeat a detail equal to the title', () => {
    const f = formatProblem({ title: 'Not found', detail: 'Not found' })
    expect(f.detail).toBe('')
    expect(f.text).toBe('Not found')
  })

  it('lists several field errors of a validation failure', () => {
    const f = formatProblem({
      title: 'Validation failed',
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'diplomaNumber', message: 'must not be blank' },
        { field: 'degreeNumber', message: 'must not be blank' },
        { message: 'one more' },
      ],
    })
    expect(f.fieldErrors).toEqual(['diplomaNumber: must not be blank', 'degreeNumber: must not be blank', 'one more'])
    expect(f.text).toContain('diplomaNumber: must not be blank; degreeNumber: must not be blank')
  })

  it('ruleTag', () => {
    expect(ruleTag('R18')).toBe('(R18)')
    expect(ruleTag(' R1 ')).toBe('(R1)')
    expect(ruleTag('')).toBe('')
    expect(ruleTag(undefined)).toBe('')
  })

  it('parses problem+json bodies and keeps the status', () => {
    const p = parseProblem(
      409,
      'Conflict',
      '{"title":"Illegal transition","code":"ILLEGAL_TRANSITION","rule":"R8"}',
      'application/problem+json',
    )
    expect(p).toMatchObject({ status: 409, title: 'Illegal transition', code: 'ILLEGAL_TRANSITION', rule: 'R8' })
  })

  it('turns a non-JSON error page into a plain problem', () => {
    expect(parseProblem(502, 'Bad Gateway', '<html>oops</html>', 'text/html')).toEqual({
      status: 502,
      title: 'HTTP 502 Bad Gateway',
    })
    expect(parseProblem(500, '', 'not json {', 'application/json').title).toBe('HTTP 500')
  })

  it('toProblem handles ProblemError, network errors and plain errors', () => {
    const pe = new ProblemError({ title: 'Forbidden', code: 'FORBIDDEN', status: 403 })
    expect(pe.status).toBe(403)
    expect(toProblem(pe)).toEqual({ title: 'Forbidden', code: 'FORBIDDEN', status: 403 })
    expect(toProblem(new TypeError('Failed to fetch'), 'Network error')).toMatchObject({
      title: 'Network error',
      code: 'NETWORK_ERROR',
    })
    expect(toProblem(new Error('boom'))).toEqual({ title: 'boom' })
    expect(toProblem('text')).toEqual({ title: 'text' })
  })
})
