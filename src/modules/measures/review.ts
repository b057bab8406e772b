import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { userUnits, users } from '../../platform/auth/auth.schema.js'
import { closeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { toIsoDate, todayInBangkok } from '../../platform/thai/calendar.js'
import { measureReturns, RETURN_DEADLINE, type MeasureReturnRow } from './review.schema.js'
import { measures } from './measures.schema.js'
import { getMeasure } from './measures.service.js'
import { pt, ptAll } from './progress.i18n.js'

// An executive sends a measure back with a comment instead of approving it. The comment shows on
// the measure page and, through the platform's deadlines contract, as an item on งานที่ต้องทำ of
// the officers it is for — the measure's last editor, else the officers of its units, else every
// officer — until an officer resubmits the measure (the item is closed in that transaction).

export type MeasureReturn = MeasureReturnRow & { returnedByName: string | null }

/** Days the officer has for the changes (the to-do item's due date). */
export const RETURN_DAYS = 7
export const COMMENT_MAX = 2000
const OFFICER_ROLE = 'officer'

const keyOf = (orgId: string, measureId: string) => ({ orgId, ...RETURN_DEADLINE, ref: measureId })

/** Who the changes are for: the measure's last editor (not the executive), else its units' officers, else every officer. */
async function officersFor(tx: Tx, measureId: string, unitIds: string[], executiveId: string): Promise<string[]> {
  const [last] = await tx
    .select({ id: auditLog.actorUserId })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entityType, 'ita_measure'), eq(auditLog.entityId, measureId), inArray(auditLog.action, ['measure.create', 'measure.update', 'measure.resubmit', 'measure.import']), ne(users.id, executiveId), isNull(users.disabledAt)))
    .orderBy(desc(auditLog.id))
    .limit(1)
  if (last?.id) return [last.id]
  const list = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, OFFICER_ROLE), isNull(users.disabledAt)))
  if (!list.length) return []
  const links = await tx.select().from(userUnits).where(inArray(userUnits.userId, list.map((u) => u.id)))
  const ofUnits = list.filter((u) => links.some((l) => l.userId === u.id && unitIds.includes(l.unitId)))
  return (ofUnits.length ? ofUnits : list).map((u) => u.id)
}

/** The open return of a measure (sent back, not yet resubmitted), with the executive's name. */
export async function openReturn(ctx: UseCaseCtx, measureId: string): Promise<MeasureReturn | null> {
  assertCan(ctx.actor, 'measure.read')
  if (!isUuid(measureId)) return null
  const [r] = await inOrg(ctx.db, ctx.orgId!, (tx) =>
    tx
      .select({ r: measureReturns, name: users.displayName })
      .from(measureReturns)
      .leftJoin(users, eq(users.id, measureReturns.returnedBy))
      .where(and(eq(measureReturns.measureId, measureId), isNull(measureReturns.resubmittedAt))),
  )
  return r ? { ...r.r, returnedByName: r.name } : null
}

/** Measures of these ids that are sent back and not resubmitted. */
export async function returnedIds(ctx: UseCaseCtx, ids: string[]): Promise<Set<string>> {
  assertCan(ctx.actor, 'measure.read')
  if (!ids.length) return new Set()
  const rows = await inOrg(ctx.db, ctx.orgId!, (tx) => tx.select({ id: measureReturns.measureId }).from(measureReturns).where(and(inArray(measureReturns.measureId, ids), isNull(measureReturns.resubmittedAt))))
  return new Set(rows.map((r) => r.id))
}

/** The executive sends a draft measure back with a comment; it becomes a to-do item of its officers. */
export async function sendBack(ctx: UseCaseCtx, measureId: string, comment: string): Promise<string[]> {
  assertCan(ctx.actor, 'measure.approve')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const m = await getMeasure(ctx, measureId)
  const text = comment.trim()
  if (!text) throw new InputError({ comment: ptAll('r.commentMissing') })
  if (m.status === 'approved') throw new InputError({ comment: ptAll('r.approvedAlready') }, 409)
  return inOrg(ctx.db, orgId, async (tx) => {
    const officers = await officersFor(tx, m.id, m.unitIds, actor.userId)
    const row = { comment: text, returnedBy: actor.userId, returnedAt: new Date(), officerIds: officers, resubmittedBy: null, resubmittedAt: null }
    await tx.insert(measureReturns).values({ orgId, measureId: m.id, ...row }).onConflictDoUpdate({ target: [measureReturns.orgId, measureReturns.measureId], set: row })
    const due = toIsoDate(todayInBangkok(new Date(Date.now() + RETURN_DAYS * 86_400_000)))
    await setDeadline(tx, {
      ...keyOf(orgId, m.id),
      title: { th: pt('th', 'r.todo', { measure: m.title, comment: text }), en: pt('en', 'r.todo', { measure: m.title, comment: text }) },
      href: `/ita/measures/${m.id}#returned`,
      dueOn: due,
      assigneeUserIds: officers,
      visibleTo: 'measure.edit',
    })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'measure.send_back', entityType: 'ita_measure', entityId: m.id, requestId: ctx.requestId, details: { comment: text, officers } })
    return officers
  })
}

/** An officer resubmits a sent-back measure: the return is closed and so is its to-do item. */
export async function resubmit(ctx: UseCaseCtx, measureId: string): Promise<void> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const m = await getMeasure(ctx, measureId)
  await inOrg(ctx.db, orgId, async (tx) => {
    const [r] = await tx
      .update(measureReturns)
      .set({ resubmittedBy: actor.userId, resubmittedAt: new Date() })
      .where(and(eq(measureReturns.measureId, m.id), isNull(measureReturns.resubmittedAt)))
      .returning({ id: measureReturns.measureId })
    if (!r) throw new InputError({ _form: ptAll('r.notReturned') }, 409)
    await closeDeadline(tx, keyOf(orgId, m.id))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'measure.resubmit', entityType: 'ita_measure', entityId: m.id, requestId: ctx.requestId, details: {} })
  })
}

/** The measures before and after this one in its year's order (for previous / next). */
export async function measureNeighbours(ctx: UseCaseCtx, m: { id: string; fiscalYear: number }): Promise<{ prev: { id: string; title: string } | null; next: { id: string; title: string } | null }> {
  assertCan(ctx.actor, 'measure.read')
  const list = await inOrg(ctx.db, ctx.orgId!, (tx) => tx.select({ id: measures.id, title: measures.title }).from(measures).where(eq(measures.fiscalYear, m.fiscalYear)).orderBy(asc(measures.sortOrder), asc(measures.createdAt)))
  const i = list.findIndex((x) => x.id === m.id)
  return { prev: i > 0 ? list[i - 1]! : null, next: i >= 0 && i < list.length - 1 ? list[i + 1]! : null }
}
