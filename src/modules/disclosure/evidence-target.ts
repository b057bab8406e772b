import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceTargetDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { orgBase } from '../../platform/ui/menu.js'
import { dt } from './disclosure.i18n.js'
import { loadOitFramework } from './framework.js'
import { itemUrl } from './readiness.js'

/** The target type of an OIT item of a fiscal year in the platform evidence contract (docs/decisions/0008). */
export const OIT_ITEM_TARGET = 'disclosure.item'

/** An item's id in the contract: "<fiscal year>:<code>", e.g. "2567:O29" (codes are renumbered between years). */
export const itemRef = (year: number, code: string) => `${year}:${code}`
const parse = (id: string) => {
  const m = /^(\d{4}):(O\d{1,3})$/.exec(id)
  return m ? { year: Number(m[1]), code: m[2]! } : null
}

// An OIT item of a year takes evidence from any module through the platform picker; its readiness
// then counts the link only when the source's check says the record has real content for that year.
export const oitItemEvidenceTarget: EvidenceTargetDef = {
  type: OIT_ITEM_TARGET,
  label: localized(dt, 'e.itemTarget'),
  permission: 'oit.edit',
  describe: async (ctx, ids) => {
    const wanted = ids.map(parse)
    const years = [...new Set(wanted.flatMap((w) => (w ? [w.year] : [])))]
    if (!years.length) return []
    const [slug, frameworks] = await Promise.all([orgSlugOf(ctx.db, ctx.orgId), Promise.all(years.map(async (y) => [y, await loadOitFramework(ctx.db, y)] as const))])
    const fw = new Map(frameworks)
    return ids.flatMap((id, i) => {
      const w = wanted[i]
      const item = w ? fw.get(w.year)?.items.find((x) => x.code === w.code) : undefined
      if (!w || !item) return []
      return [{ id, title: dt(ctx.lang, 'e.itemTitle', { code: item.code, title: item.titleTh, year: w.year }), fiscalYear: w.year, staffPath: `${orgBase(slug)}/admin/oit/${w.year}/${item.code}`, publicPath: itemUrl(slug, w.year, item.code) }]
    })
  },
}
