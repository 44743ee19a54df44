import { ref, type Ref } from 'vue'
import { showProblem } from './notify'

export interface LoadOptions {
  /** Also show a refusal as a message (list pages); otherwise it is only kept in `error` for a ProblemAlert. */
  toast?: boolean
  /** Clear `error` as soon as a load starts, not only when one succeeds. */
  clearErrorFirst?: boolean
}

/**
 * What a page fetches when it opens and on "Refresh": `data`, `loading` while a request runs,
 * `loaded` once one has succeeded, `error` (the last refusal, null after a success). `load` never throws.
 */
export function useLoad<T>(fetch: () => Promise<T>, initial: T, options: LoadOptions = {}) {
  const data = ref(initial) as Ref<T>
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<unknown>(null)
  async function load() {
    loading.value = true
    if (options.clearErrorFirst) error.value = null
    try {
      data.value = await fetch()
      loaded.value = true
      error.value = null
    } catch (e) {
      error.value = e
      if (options.toast) showProblem(e)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, loaded, error, load }
}

/** A list page's rows: an absent body reads as no rows; a refusal is shown as a message. */
export function useListLoad<T>(fetch: () => Promise<T[] | null | undefined>) {
  return useLoad<T[]>(async () => (await fetch()) ?? [], [], { toast: true })
}

/**
 * Paging of a list whose query carries a 0-based `page`: `search` starts again from the first page, `toPage` takes
 * the 1-based page of the pager.
 */
export function usePaging(query: { page: number }, load: () => Promise<unknown>) {
  return {
    search() {
      query.page = 0
      void load()
    },
    toPage(p: number) {
      query.page = p - 1
      void load()
    },
  }
}
