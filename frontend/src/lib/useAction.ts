import { reactive } from 'vue'
import { showProblem, showSuccess } from './notify'

export type ActionResult<R> = { ok: true; value: R } | { ok: false }

/** `toast: false` for a form that shows the refusal itself (its ProblemAlert and the fields' own errors). */
export interface ActionOptions {
  toast?: boolean
}

/**
 * One request a dialog or button runs: `busy` while it runs, `error` (shown by ProblemAlert) when refused.
 * `run` resolves with { ok: true, value } or, when refused, { ok: false } (the problem is shown as a message too,
 * unless the options say otherwise).
 */
export function useAction() {
  const state = reactive({ busy: false, error: null as unknown })
  async function run<R>(fn: () => Promise<R>, successText?: string, options: ActionOptions = {}): Promise<ActionResult<R>> {
    if (state.busy) return { ok: false }
    state.busy = true
    state.error = null
    try {
      const value = await fn()
      if (successText) showSuccess(successText)
      return { ok: true, value }
    } catch (e) {
      state.error = e
      if (options.toast !== false) showProblem(e)
      return { ok: false }
    } finally {
      state.busy = false
    }
  }
  function reset() {
    state.busy = false
    state.error = null
  }
  return { state, run, reset }
}
