import { sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { both } from './risks.i18n.js'
import { riskMonitoring, type RiskMonitoring } from './risks.schema.js'
import type { MonitorStatus, Round } from './rules.js'
import { syncReviewDeadline, syncRoundDeadlines } from './risks.service.js'
import { audit, lockRisk, riskTitle } from './shared.js'

export type MonitorInput = { status: MonitorStatus; note: string; recordedOn: string }

/** Records (or corrects) one monitoring round of a risk; the 12-month round closes its review deadline. */
export async function recordRound(ctx: OrgUseCaseCtx, riskId: string, round: Round, input: MonitorInput): Promise<RiskMonitoring> {
  assertCan(ctx.actor, 'risks.edit')
  const actor = ctx.actor
  const { risk, row } = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const risk = await lockRisk(tx, riskId)
    if (risk.status === 'withdrawn') throw new InputError({ status: both('v.withdrawnMonitor') }, 409)
    const [row] = await tx
      .insert(riskMonitoring)
      .values({ orgId: ctx.orgId, riskId, round, ...input, recordedBy: actor.userId })
      .onConflictDoUpdate({ target: [riskMonitoring.orgId, riskMonitoring.riskId, riskMonitoring.round], set: { ...input, recordedBy: actor.userId, updatedAt: sql`now()` } })
      .returning()
    await syncReviewDeadline(tx, ctx.orgId, risk)
    await syncRoundDeadlines(tx, ctx.orgId, risk.fiscalYear)
    await audit(tx, ctx, 'monitor', 'risk', riskId, { risk: riskTitle(risk), round, status: input.status, recordedOn: input.recordedOn })
    return { risk, row: row! }
  })
  if (risk.publishedAt) invalidatePublicCache(ctx.orgId)
  return row
}
