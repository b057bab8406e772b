// Thai dictionary order: leading vowels (เ แ โ ใ ไ) are skipped for the first comparison, so
// เกม sorts under ก, which plain code-point order gets wrong. `numeric` puts ข้อ 2 before ข้อ 10.
const collator = new Intl.Collator('th', { numeric: true })

export function compareThai(a: string, b: string): number {
  return collator.compare(a, b)
}

/**
 * A sorted copy in Thai order, by the item itself (strings) or by a key; items whose key is
 * null or undefined go last.
 */
export function sortThai(items: readonly string[]): string[]
export function sortThai<T>(items: readonly T[], key: (item: T) => string | null | undefined): T[]
export function sortThai<T>(items: readonly T[], key?: (item: T) => string | null | undefined): T[] {
  const keyOf = key ?? ((item: T) => item as unknown as string)
  // Decorate once so the key function runs n times, not n log n.
  return items
    .map((item, index) => ({ item, index, k: keyOf(item) }))
    .sort((a, b) => {
      if (a.k == null || b.k == null) return a.k == null ? (b.k == null ? a.index - b.index : 1) : -1
      return collator.compare(a.k, b.k) || a.index - b.index
    })
    .map((x) => x.item)
}
