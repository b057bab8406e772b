import { inOrg, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { complaintSettings, DEFAULT_RETENTION_YEARS, DEFAULT_SLA, type Category, type Sla } from './complaints.schema.js'
import { orgOf } from './case-data.js'

export type ComplaintSettings = { sla: Sla; retentionYears: number }

/** The agency's SLA days per category and retention years (defaults where unset). */
export async function readSettings(tx: Tx): Promise<ComplaintSettings> {
  const [row] = await tx.select().from(complaintSettings)
  const sla = { ...DEFAULT_SLA }
  for (const [k, v] of Object.entries(row?.sla ?? {})) if (k in sla && v) sla[k as Category] = v
  return { sla, retentionYears: row?.retentionYears ?? DEFAULT_RETENTION_YEARS }
}

export async function getSettings(ctx: UseCaseCtx): Promise<ComplaintSettings> {
  assertCan(ctx.actor, 'complaint.settings')
  return inOrg(ctx.db, orgOf(ctx), readSettings)
}

export async function updateSettings(ctx: UseCaseCtx, s: ComplaintSettings): Promise<void> {
  assertCan(ctx.actor, 'complaint.settings')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    await tx
      .insert(complaintSettings)
      .values({ orgId, sla: s.sla, retentionYears: s.retentionYears })
      .onConflictDoUpdate({ target: complaintSettings.orgId, set: { sla: s.sla, retentionYears: s.retentionYears, updatedAt: new Date() } })
    await appendAudit(tx, { orgId, actorUserId: ctx.actor!.userId, action: 'complaint.settings', entityType: 'complaint_settings', entityId: orgId, requestId: ctx.requestId, details: { ...s } })
  })
}
