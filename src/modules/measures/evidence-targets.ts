import { and, eq, inArray } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceTargetDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { mt } from './measures.i18n.js'
import { activities, measures } from './measures.schema.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The target type of a measure's activity in the platform evidence contract (docs/decisions/0008). */
export const ACTIVITY_TARGET = 'measures.activity'

// An activity of a measure takes evidence from any module: id = the activity's id; its year is
// its measure's fiscal year. Read inside the agency (RLS): another agency's ids are unknown here.
export const activityEvidenceTarget: EvidenceTargetDef = {
  type: ACTIVITY_TARGET,
  label: localized(mt, 'e.activityTarget'),
  permission: 'measure.edit',
  describe: async (ctx, ids) => {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))]
    if (!wanted.length) return []
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) =>
      tx
        .select({ id: activities.id, title: activities.title, measureId: measures.id, measure: measures.title, fiscalYear: measures.fiscalYear })
        .from(activities)
        .innerJoin(measures, and(eq(measures.orgId, activities.orgId), eq(measures.id, activities.measureId)))
        .where(and(eq(activities.orgId, ctx.orgId), inArray(activities.id, wanted))),
    )
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.flatMap((id) => {
      const r = byId.get(id)
      if (!r) return []
      return [{ id, title: mt(ctx.lang, 'e.activityTitle', { activity: r.title, measure: r.measure }), fiscalYear: r.fiscalYear, staffPath: `/o/${slug}/admin/ita/measures/${r.measureId}#act-${r.id}`, publicPath: null }]
    })
  },
}
