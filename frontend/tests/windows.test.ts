import { describe, expect, it } from 'vitest'
import { openAndUpcoming, windowOrderOk, windowStatus } from '../src/lib/windows'

const now = new Date('2026-09-15T04:00:00Z')
const w = (id: string, opensAt: string, closesAt: string, open: boolean) => ({ id, opensAt, closesAt, open })

describe('R1 submission windows', () => {
  it("trusts the server's open flag and tells upcoming from closed by the dates", () => {
    expect(windowStatus(w('a', '2026-09-01T00:00:00Z', '2026-09-30T00:00:00Z', true), now)).toBe('OPEN')
    expect(windowStatus(w('b', '2026-10-01T00:00:00Z', '2026-10-30T00:00:00Z', false), now)).toBe('UPCOMING')
    expect(windowStatus(w('c', '2026-08-01T00:00:00Z', '2026-08-30T00:00:00Z', false), now)).toBe('CLOSED')
    // within its dates by the browser's clock but closed by the server's: closed
    expect(windowStatus(w('d', '2026-09-01T00:00:00Z', '2026-09-30T00:00:00Z', false), now)).toBe('CLOSED')
  })

  it('lists open windows closing soonest first, then upcoming ones opening soonest first, without closed ones', () => {
    const list = [
      w('up-late', '2026-12-01T00:00:00Z', '2026-12-30T00:00:00Z', false),
      w('open-late', '2026-09-01T00:00:00Z', '2026-11-30T00:00:00Z', true),
      w('closed', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', false),
      w('up-soon', '2026-10-01T00:00:00Z', '2026-10-30T00:00:00Z', false),
      w('open-soon', '2026-09-01T00:00:00Z', '2026-09-20T00:00:00Z', true),
    ]
    expect(openAndUpcoming(list, now).map((x) => x.id)).toEqual(['open-soon', 'open-late', 'up-soon', 'up-late'])
  })

  it('needs a window to close after it opens', () => {
    const a = new Date('2026-09-01T00:00:00Z')
    const b = new Date('2026-09-02T00:00:00Z')
    expect(windowOrderOk(a, b)).toBe(true)
    expect(windowOrderOk(b, a)).toBe(false)
    expect(windowOrderOk(a, a)).toBe(false)
    expect(windowOrderOk(null, b)).toBe(false)
  })
})
