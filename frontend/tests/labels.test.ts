import { describe, expect, it } from 'vitest'
import { i18n, LOCALES, messages } from '../src/i18n'
import { ACTIONS, LEVELS, ROLES, STATES, VERIFICATION_ROUTES, VERIFY_RESULTS } from '../src/api/types'
import { codeLabel, formatSize, stateTagType } from '../src/lib/labels'

// The code lists of docs/api.md, spelled out here so a change there is noticed here.
const API_STATES =
  'DRAFT, SUBMITTED, UNIT_PUBLICITY, RECOMMENDED, VETTED, ACCEPTED, UNDER_REVIEW, PASSED, FAILED, RESULT_PUBLICITY, FILED, CERTIFIED, WITHDRAWN, VOID, REVOKED'.split(
    ', ',
  )
const API_LEVELS = 'FULL_SENIOR, DEPUTY_SENIOR, INTERMEDIATE, ASSISTANT, MEMBER'.split(', ')
const API_ROUTES = 'DIPLOMA_DATABASE, DEGREE_DATABASE, ARCHIVE_REVIEW'.split(', ')
const API_ACTIONS = 'submit, withdraw, review, return, recommend, vet, accept, decide, publish, file, issue'.split(', ')

const t = (k: string) => i18n.global.t(k)
const te = (k: string) => i18n.global.te(k)

describe('state and code names', () => {
  it('the client code lists match api.md', () => {
    expect([...STATES]).toEqual(API_STATES)
    expect([...LEVELS]).toEqual(API_LEVELS)
    expect([...VERIFICATION_ROUTES]).toEqual(API_ROUTES)
    expect([...ACTIONS]).toEqual(API_ACTIONS)
  })

  it.each(LOCALES)('every state of api.md has a name in %s', (locale) => {
    const names = messages[locale].state as Record<string, string>
    for (const s of API_STATES) {
      expect(names[s], `${locale} state ${s}`).toBeTruthy()
      expect(names[s]).not.toBe(s)
    }
    expect(Object.keys(names).sort()).toEqual([...API_STATES].sort())
    // Distinct names, so two states never look the same.
    expect(new Set(Object.values(names)).size).toBe(API_STATES.length)
  })

  it.each(LOCALES)('levels, routes, actions, roles and verify results have names in %s', (locale) => {
    const m = messages[locale] as unknown as Record<string, Record<string, string>>
    for (const l of API_LEVELS) expect(m.level[l]).toBeTruthy()
    for (const r of API_ROUTES) expect(m.verification[r]).toBeTruthy()
    for (const a of API_ACTIONS) expect(m.action[a]).toBeTruthy()
    for (const r of ROLES) expect(m.role[r]).toBeTruthy()
    for (const v of VERIFY_RESULTS) expect(m.verifyResult[v]).toBeTruthy()
  })

  it('codeLabel translates known codes and passes unknown ones through', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(codeLabel(t, te, 'state', 'UNIT_PUBLICITY')).toBe('单位公示中')
    expect(codeLabel(t, te, 'level', 'DEPUTY_SENIOR')).toBe('副高级')
    i18n.global.locale.value = 'en'
    expect(codeLabel(t, te, 'state', 'CERTIFIED')).toBe('Certified')
    expect(codeLabel(t, te, 'state', 'SOMETHING_NEW')).toBe('SOMETHING_NEW')
    expect(codeLabel(t, te, 'state', null)).toBe('')
    i18n.global.locale.value = 'zh-CN'
  })

  it('state tags are coloured by outcome', () => {
    expect(stateTagType('CERTIFIED')).toBe('success')
    expect(stateTagType('FAILED')).toBe('danger')
    expect(stateTagType('VOID')).toBe('danger')
    expect(stateTagType('DRAFT')).toBe('info')
    expect(stateTagType('SUBMITTED')).toBe('primary')
  })

  it('formats sizes', () => {
    expect(formatSize(512)).toBe('512 B')
    expect(formatSize(2048)).toBe('2.0 KB')
    expect(formatSize(20 * 1024 * 1024)).toBe('20.0 MB')
  })
})
