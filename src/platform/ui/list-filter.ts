/**
 * A staff list's filter as its URL says it: the form's values (name → text, '' when unset), the
 * pager's links keeping every filter set (in the order given), and whether any filter is set —
 * what every module's list page needs, written once.
 */
export function listFilter<K extends string>(base: string, values: Record<K, string>): { values: Record<K, string>; href: (page: number) => string; filtered: boolean } {
  const set = (Object.entries(values) as [string, string][]).filter(([, v]) => v !== '')
  return {
    values,
    filtered: set.length > 0,
    href: (page) => {
      const p = new URLSearchParams(set)
      if (page > 1) p.set('page', String(page))
      const s = p.toString()
      return s ? `${base}?${s}` : base
    },
  }
}
