import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceTargetDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { at } from './assessment.i18n.js'
import { currentFramework } from './frameworks.service.js'

// An indicator's improvement plan of a year takes evidence from any module (platform contract,
// docs/decisions/0008): id "<fiscal year>:<indicator>", e.g. "2566:3".
const parse = (id: string) => {
  const m = /^(\d{4}):(\d{1,2})$/.exec(id)
  return m ? { year: Number(m[1]), n: Number(m[2]) } : null
}

export const planEvidenceTarget: EvidenceTargetDef = {
  type: 'assessment.plan',
  label: localized(at, 'evidence.planTarget'),
  permission: 'assessment.edit',
  describe: async (ctx, ids) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const out = []
    for (const id of ids) {
      const p = parse(id)
      if (!p) continue
      const fw = await currentFramework(ctx.db, p.year)
      const ind = fw?.framework.indicators.find((i) => i.number === p.n)
      if (!ind) continue
      out.push({ id, title: at(ctx.lang, 'evidence.planTitle', { n: p.n, name: ind.nameTh, year: p.year }), fiscalYear: p.year, staffPath: `/o/${slug}/admin/ita/${p.year}/plans/${p.n}`, publicPath: null })
    }
    return out
  },
}
