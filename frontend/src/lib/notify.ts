import { h } from 'vue'
import { ElMessage } from 'element-plus'
import { DEFAULT_LOCALE, i18n, messages, type Locale } from '../i18n'
import { formatProblem, toProblem, type FormattedProblem } from './problem'
import { localizeProblem, type MessageLookup } from './problemText'

/** Raw messages of the current language (falling back to zh-CN), for problems filled with their members. */
export function messageLookup(): MessageLookup {
  const locale = i18n.global.locale.value as Locale
  const find = (tree: unknown, key: string): string | undefined => {
    const [group, ...rest] = key.split('.')
    const v = (tree as Record<string, Record<string, unknown> | undefined>)[group]?.[rest.join('.')]
    return typeof v === 'string' ? v : undefined
  }
  return {
    locale,
    message: (key) => find(messages[locale], key) ?? find(messages[DEFAULT_LOCALE], key),
  }
}

/**
 * The problem of any thrown value, formatted in the current language's fallbacks; a code with a
 * `problemCode` message gets that message (filled with the problem's extension members) and its next step.
 */
export function describeError(err: unknown): FormattedProblem {
  const t = i18n.global.t
  const problem = toProblem(err, t('problem.network'))
  const f = formatProblem(problem, t('problem.unknown'))
  const local = localizeProblem(problem, messageLookup())
  if (!local) return f
  // The server's detail is English; a reader of another language gets the translated title and next step alone.
  const detail = String(i18n.global.locale.value).startsWith('en') ? f.detail : ''
  const text = [local.title, detail, local.next].filter(Boolean).join(' — ') + (f.ruleTag ? ` ${f.ruleTag}` : '')
  return { ...f, title: local.title, detail, next: local.next, text }
}

/**
 * Show a failed request the one way the app does: an error message with the title in bold,
 * the detail and field errors below, and an "(R5)" tag when a rule refused it.
 */
export function showProblem(err: unknown): FormattedProblem {
  const f = describeError(err)
  const children = [h('strong', { class: 'zc-problem-title' }, f.title)]
  if (f.ruleTag) children.push(h('span', { class: 'zc-rule-tag', 'data-testid': 'problem-rule' }, f.ruleTag))
  const body = [h('div', { class: 'zc-problem-head' }, children)]
  if (f.detail) body.push(h('div', { class: 'zc-problem-detail' }, f.detail))
  for (const fe of f.fieldErrors) body.push(h('div', { class: 'zc-problem-field' }, fe))
  if (f.next) body.push(h('div', { class: 'zc-problem-next', 'data-testid': 'problem-next' }, f.next))
  ElMessage({
    type: 'error',
    showClose: true,
    duration: 8000,
    offset: belowHeader(),
    message: h('div', { 'data-testid': 'problem-message', 'data-code': f.code, class: 'zc-problem' }, body),
  })
  // Also in the console, so a browser test or a developer sees it.
  console.warn('[problem]', f.text)
  return f
}

export function showSuccess(text: string): void {
  ElMessage({
    type: 'success',
    message: h('span', { 'data-testid': 'success-message' }, text),
    duration: 3000,
    offset: belowHeader(),
  })
}

/**
 * Messages open just below the page header, so they never cover its links: the header wraps to two or three rows
 * for staff with many pages, and a message over it would hide the link a user is about to click.
 */
function belowHeader(): number {
  const header = typeof document === 'undefined' ? null : document.querySelector('[data-testid="app-header"]')
  return Math.max(0, Math.round(header?.getBoundingClientRect().bottom ?? 0)) + 12
}
