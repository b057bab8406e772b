import { asc, eq, isNull, max } from 'drizzle-orm'
import { users } from '../../platform/auth/auth.schema.js'
import { inOrg, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { addEvidence, type EvidenceInput, type EvidenceItem } from '../assessment/index.js'
import { activities, type Activity } from './measures.schema.js'
import { getMeasure, type ActivityInput } from './measures.service.js'
import { mtAll } from './measures.i18n.js'
import { activeAccountIds, syncActivityDeadlines } from './activity-deadline.js'

// Activities of a measure (what was done, when, how far, who answers for it) and their evidence.
// Its end date is a deadline of the responsible person, kept in the same transaction.

/** The responsible account must be an active account of the agency (RLS: another's is unknown). */
async function checkResponsible(tx: Tx, input: ActivityInput): Promise<void> {
  const id = input.responsibleUserId
  if (id && !(isUuid(id) && (await activeAccountIds(tx, [id])).size)) throw new InputError({ responsibleUserId: mtAll('m.responsibleUnknown') })
}

export async function addActivity(ctx: UseCaseCtx, measureId: string, input: ActivityInput): Promise<Activity> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  await getMeasure(ctx, measureId)
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [{ last } = { last: null }] = await tx.select({ last: max(activities.sortOrder) }).from(activities).where(eq(activities.measureId, measureId))
    await checkResponsible(tx, input)
    const [row] = await tx.insert(activities).values({ orgId: ctx.orgId!, measureId, sortOrder: (last ?? 0) + 1, ...input }).returning()
    await syncActivityDeadlines(tx, ctx.orgId!, [row!.id])
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: 'activity.create', entityType: 'ita_activity', entityId: row!.id, requestId: ctx.requestId, details: { measureId, status: input.status } })
    return row!
  })
}

export async function updateActivity(ctx: UseCaseCtx, activityId: string, input: ActivityInput): Promise<Activity> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  if (!isUuid(activityId)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    await checkResponsible(tx, input)
    const [row] = await tx.update(activities).set({ ...input, updatedAt: new Date() }).where(eq(activities.id, activityId)).returning()
    if (!row) throw new AppError('not_found', 404)
    await syncActivityDeadlines(tx, ctx.orgId!, [activityId])
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
    await syncActivityDeadlines(tx, ctx.orgId!, [activityId])
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


export type Responsible = { id: string; displayName: string; position: string | null }

/** Accounts that can be named responsible for an activity: the agency's active accounts. */
export async function responsibleChoices(ctx: UseCaseCtx): Promise<Responsible[]> {
  assertCan(ctx.actor, 'measure.read')
  return inOrg(ctx.db, ctx.orgId!, (tx) =>
    tx.select({ id: users.id, displayName: users.displayName, position: users.position }).from(users).where(isNull(users.disabledAt)).orderBy(asc(users.displayName)),
  )
}
