import type { Framework } from './framework.schema.js'

// The OIT part of a year's framework, in the shape the disclosure pages and the readiness check use.
// Pure; works for every valid framework, including years whose items have no known title or
// grouping (2568): such items get a stated placeholder title and no sub-indicator.

export type OitItem = {
  code: string
  titleTh: string
  /** False when the framework does not know the item's title (the placeholder is shown). */
  titleKnown: boolean
  indicator: number | null
  subIndicator: string | null
  notes: string[]
  /** Which fiscal year a document must cover, where the framework says so. */
  documentYear: 'current' | 'previous' | null
}
export type OitSubIndicator = { code: string; nameTh: string; itemCodes: string[] }
export type OitIndicator = { number: number; nameTh: string; subIndicators: OitSubIndicator[] }
export type OitFramework = {
  fiscalYear: number
  status: Framework['status']
  items: OitItem[]
  indicators: OitIndicator[]
  /** Set when the year has no framework of its own and is read with this (newest) year's. */
  basedOnFiscalYear?: number
}

const projected = new WeakMap<Framework, OitFramework>()

export function oitFramework(fw: Framework): OitFramework {
  const hit = projected.get(fw)
  if (hit) return hit
  const items: OitItem[] = fw.oitItems.map((i) => ({
    code: i.code,
    titleTh: i.titleTh ?? `ข้อ ${i.code} (กรอบการประเมินยังไม่ระบุชื่อหัวข้อ)`,
    titleKnown: i.titleTh !== null,
    indicator: i.indicator,
    subIndicator: i.subIndicator,
    notes: i.evidence.notes,
    documentYear: i.evidence.documentFiscalYear?.relative ?? null,
  }))
  const indicators: OitIndicator[] = fw.indicators
    .filter((i) => i.tool === 'oit')
    .map((i) => ({
      number: i.number,
      nameTh: i.nameTh,
      subIndicators: i.subIndicators.map((s) => ({ code: s.code, nameTh: s.nameTh, itemCodes: items.filter((it) => it.subIndicator === s.code).map((it) => it.code) })),
    }))
  const out: OitFramework = { fiscalYear: fw.fiscalYear, status: fw.status, items, indicators }
  projected.set(fw, out)
  return out
}
