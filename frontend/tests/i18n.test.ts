import { afterEach, describe, expect, it, vi } from 'vitest'
import { flattenKeys, i18n, messages, LOCALES } from '../src/i18n'
import zhCN from '../src/i18n/zh-CN'
import en from '../src/i18n/en'

describe('i18n message files', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
    vi.restoreAllMocks()
  })

  it('zh-CN and en have identical key sets', () => {
    const zhKeys = flattenKeys(zhCN)
    const enKeys = flattenKeys(en)
    expect(zhKeys.length).toBeGreaterThan(100)
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
  })

  it('has no empty texts', () => {
    for (const locale of LOCALES) {
      const tree = messages[locale] as unknown as Record<string, Record<string, string>>
      for (const key of flattenKeys(tree)) {
        const [group, ...rest] = key.split('.')
        const value = tree[group][rest.join('.')]
        expect(typeof value, `${locale}:${key}`).toBe('string')
        expect(value.trim().length, `${locale}:${key}`).toBeGreaterThan(0)
      }
    }
  })

  it('every message compiles and renders without vue-i18n warnings', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const locale of LOCALES) {
      i18n.global.locale.value = locale
      for (const key of flattenKeys(messages[locale])) {
        const text = i18n.global.t(key, { name: 'N', action: 'A' })
        expect(text, `${locale}:${key}`).not.toBe(key)
        expect(text, `${locale}:${key}`).not.toMatch(/\{\w+\}/)
      }
    }
    expect(warn).not.toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
  })

  it('defaults to zh-CN and shows the system name', () => {
    expect(i18n.global.locale.value).toBe('zh-CN')
    expect(i18n.global.t('app.title')).toBe('职称评审服务平台')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('app.title')).toBe('Zhicheng Professional Title Service')
  })

  it('mentions R4 in the no-copies note and R5 in the pledge title, in both languages', () => {
    for (const m of [zhCN, en]) {
      expect(m.applicant.noCopiesNote).toContain('R4')
      expect(m.pledge.title).toContain('R5')
      expect(m.signIn.demoHint).toContain('demo123')
      for (const u of ['applicant', 'unit', 'hrbureau', 'office']) expect(m.signIn.demoHint).toContain(u)
    }
  })
})
