import { and, eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { loadReportData } from '../measures/index.js'
import { both } from './risks.i18n.js'
import { riskControls, type RiskControl } from './risks.schema.js'
import { audit, lockRisk, notFound, riskTitle } from './shared.js'

// Measures as controls: a risk of year Y is controlled by measures of year Y of the measures module,
// read through its index.ts (loadReportData), never its tables.

export type MeasureOption = { id: string; order: number; title: string }

/** The measures of a fiscal year (draft or approved), in their report order. */
export async function measuresOf(ctx: OrgUseCaseCtx, fiscalYear: number): Promise<MeasureOption[]> {
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, ctx.orgId))
  if (!org) return []
  const data = await loadReportData(ctx.db, org, fiscalYear, { approvedOnly: false })
  return data.measures.map((m, i) => ({ id: m.id, order: i + 1, title: m.title }))
}

export async function addControl(ctx: OrgUseCaseCtx, riskId: string, measureId: string): Promise<RiskControl> {
  assertCan(ctx.actor, 'risks.edit')
  const risk = await inOrg(ctx.db, ctx.orgId, (tx) => lockRisk(tx, riskId))
  const measure = (await measuresOf(ctx, risk.fiscalYear)).find((m) => m.id === measureId)
  if (!measure) throw new InputError({ measureId: both('v.measure') })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await lockRisk(tx, riskId)
    const [row] = await tx.insert(riskControls).values({ orgId: ctx.orgId, riskId, measureId, measureTitle: measure.title.slice(0, 1000) }).onConflictDoNothing().returning()
    if (!row) throw new InputError({ measureId: both('v.controlExists') }, 409)
    await audit(tx, ctx, 'control.add', 'risk', riskId, { risk: riskTitle(risk), measureId, measure: measure.title })
    return row
  }).then((row) => {
    if (risk.publishedAt) invalidatePublicCache(ctx.orgId)
    return row
  })
}

export async function removeControl(ctx: OrgUseCaseCtx, riskId: string, measureId: string): Promise<RiskControl> {
  assertCan(ctx.actor, 'risks.edit')
  const { risk, row } = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const risk = await lockRisk(tx, riskId)
    const [row] = await tx.delete(riskControls).where(and(eq(riskControls.riskId, riskId), eq(riskControls.measureId, measureId))).returning()
    if (!row) throw notFound()
    await audit(tx, ctx, 'control.remove', 'risk', riskId, { risk: riskTitle(risk), measureId, measure: row.measureTitle })
    return { risk, row }
  })
  if (risk.publishedAt) invalidatePublicCache(ctx.orgId)
  return row
}
