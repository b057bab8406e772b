import type { Evidence, ItemReadiness } from './readiness.js'

// The links of an OIT item, in one place so the public map and the ITAS answer sheet give the
// assessor exactly the same ones: the item's permanent page first, then every piece of evidence
// that counts for the year (not stale, not broken, not refused by its content check), in order.
// Internal records (href "#…") have no public address and are left out.

export type ItemLink = { label: string; href: string }

/** Evidence that counts for the year. */
export function counts(e: Evidence): boolean {
  const problem = (e as Evidence & { problem?: string | null }).problem
  return !e.stale && !e.broken && (problem === undefined || problem === null)
}

/** Evidence links of an item that count for the year, without the permanent page; relative hrefs stay relative. */
export function evidenceLinks(item: ItemReadiness): ItemLink[] {
  const seen = new Set<string>([item.url])
  const out: ItemLink[] = []
  for (const e of item.evidence) {
    if (!counts(e) || e.href.startsWith('#') || seen.has(e.href)) continue
    seen.add(e.href)
    out.push({ label: e.label, href: e.href })
  }
  return out
}

/** Every link of an item as absolute URLs: the permanent page, then the evidence links. */
export function itemUrls(item: ItemReadiness, origin: string): string[] {
  const abs = (h: string) => (h.startsWith('/') ? origin + h : h)
  return [abs(item.url), ...evidenceLinks(item).map((l) => abs(l.href))]
}
