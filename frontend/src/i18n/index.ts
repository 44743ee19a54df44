import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import en from './en'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
const LOCALE_KEY = 'zc.locale'

export const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhCN, en }

function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(LOCALE_KEY)
    if (v && (LOCALES as readonly string[]).includes(v)) return v as Locale
  } catch {
    // no storage (tests, private mode)
  }
  return DEFAULT_LOCALE
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(LOCALE_KEY, locale)
  } catch {
    // ignore
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/** All leaf keys of a message tree, dotted ("state.DRAFT"). */
export function flattenKeys(tree: object, prefix = ''): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === 'object') out.push(...flattenKeys(v as object, key))
    else out.push(key)
  }
  return out.sort()
}
