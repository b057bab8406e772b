import { eq, max } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { addEvidence, type EvidenceInput, type EvidenceItem } from '../assessment/index.js'
import { activities, type Activity } from './measures.schema.js'
import { getMeasure, type ActivityInput } from './measures.service.js'

// Activities of a measure (what was done, when, how far) and their evidence.

export async function addActivity(ctx: UseCaseCtx, measureId: string, input: ActivityInput): Promise<Activity> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  await getMeasure(ctx, measureId)
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [{ last } = { last: null }] = await tx.select({ last: max(activities.sortOrder) }).from(activities).where(eq(activities.measureId, measureId))
    const [row] = await tx.insert(activities).values({ orgId: ctx.orgId!, measureId, sortOrder: (last ?? 0) + 1, ...input }).returning()
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: 'activity.create', entityType: 'ita_activity', entityId: row!.id, requestId: ctx.requestId, details: { measureId, status: input.status } })
    return row!
  })
}

export async function updateActivity(ctx: UseCaseCtx, activityId: string, input: ActivityInput): Promise<Activity> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  if (!isUuid(activityId)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [row] = await tx.update(activities).set({ ...input, updatedAt: new Date() }).where(eq(activities.id, activityId)).returning()
    if (!row) throw new AppError('not_found', 404)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: 'activity.update', entityType: 'ita_activity', entityId: activityId, requestId: ctx.requestId, details: { status: input.status } })
    return row
  })
}

export async function deleteActivity(ctx: UseCaseCtx, activityId: string): Promise<string | null> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  if (!isUuid(activityId)) return null
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [row] = await tx.delete(activities).where(eq(activities.id, activityId)).returning()
    if (!row) return null
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: 'activity.delete', entityType: 'ita_activity', entityId: activityId, requestId: ctx.requestId })
    return row.measureId
  })
}

export async function activityMeasureId(ctx: UseCaseCtx, activityId: string): Promise<string | null> {
  assertCan(ctx.actor, 'measure.read')
  if (!isUuid(activityId)) return null
  const [row] = await inOrg(ctx.db, ctx.orgId!, (tx) => tx.select({ m: activities.measureId }).from(activities).where(eq(activities.id, activityId)))
  return row?.m ?? null
}

/** Evidence (file checked by content, or URL) for an activity. */
export async function addActivityEvidence(ctx: UseCaseCtx, activityId: string, input: EvidenceInput): Promise<EvidenceItem> {
  assertCan(ctx.actor, 'measure.edit')
  return addEvidence(ctx, { kind: 'activity', id: activityId }, input, {
    targetExists: async (tx) => (await tx.select({ id: activities.id }).from(activities).where(eq(activities.id, activityId))).length > 0,
  })
}

