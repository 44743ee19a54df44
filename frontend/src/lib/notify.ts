import { h } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '../i18n'
import { formatProblem, toProblem, type FormattedProblem } from './problem'
import { problemHint } from './problemHints'

/** The problem of any thrown value, formatted in the current language's fallbacks. */
export function describeError(err: unknown): FormattedProblem {
  const t = i18n.global.t
  return formatProblem(toProblem(err, t('problem.network')), t('problem.unknown'))
}

/** What to do next about a refusal (problemHint.<code>, filled from the extension members), or ''. */
export function hintOf(err: unknown): string {
  const g = i18n.global
  return problemHint(toProblem(err, g.t('problem.network')), g.t as never, g.te as never)
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
  const hint = hintOf(err)
  if (hint) body.push(h('div', { class: 'zc-problem-hint', 'data-testid': 'problem-hint' }, hint))
  ElMessage({
    type: 'error',
    showClose: true,
    duration: 8000,
    message: h('div', { 'data-testid': 'problem-message', 'data-code': f.code, class: 'zc-problem' }, body),
  })
  // Also in the console, so a browser test or a developer sees it.
  console.warn('[problem]', f.text)
  return f
}

export function showSuccess(text: string): void {
  ElMessage({ type: 'success', message: h('span', { 'data-testid': 'success-message' }, text), duration: 3000 })
}
