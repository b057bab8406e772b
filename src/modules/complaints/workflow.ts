import { randomUUID } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { users } from '../../platform/auth/auth.schema.js'
import { localized } from '../../platform/i18n/i18n.js'
import { toIsoDate } from '../../platform/thai/index.js'
import { complaintAssignments, complaintCases, complaintEvents, type AssignRole, type Outcome, type Referral, type Status, nextStatuses } from './complaints.schema.js'
import { dataKeyById, sealText } from './vault.js'
import { orgOf, type CaseMeta } from './case-data.js'
import { visibleCase } from './access.js'
import { syncCaseDeadlines } from './case-deadline.js'
import { ct } from './complaints.i18n.js'

// The case's workflow: status changes (with a reason, encrypted), assignment, named staff and the
// fact-finding committee. Officers only (complaint.manage); every change is an event and audited.

export type StatusChange = { to: Status; outcome?: Outcome | undefined; referredTo?: Referral | undefined; reason: string; decidedOn?: string | undefined }

export async function changeStatus(ctx: UseCaseCtx, caseId: string, change: StatusChange): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  if (change.to === 'closed' && !change.outcome) throw new InputError({ outcome: localized(ct, 'err.outcome') })
  if (change.to === 'referred' && !change.referredTo) throw new InputError({ referredTo: localized(ct, 'err.referral') })
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    if (!nextStatuses(meta.status).includes(change.to)) throw new InputError({ to: localized(ct, 'err.transition') }, 409)
    const key = await dataKeyById(ctx.deps, tx, orgId, meta.dataKeyId)
    const now = new Date()
    const decidedOn = change.decidedOn ?? toIsoDate(now)
    const ending = change.to === 'closed' || change.to === 'referred'
    await tx
      .update(complaintCases)
      .set({
        status: change.to,
        outcome: change.to === 'closed' ? change.outcome! : null,
        referredTo: change.to === 'referred' ? change.referredTo! : null,
        acknowledgedAt: meta.acknowledgedAt ?? now,
        closedAt: ending ? new Date(`${decidedOn}T12:00:00+07:00`) : null,
        updatedAt: now,
      })
      .where(eq(complaintCases.id, caseId))
    const eventId = randomUUID()
    await tx.insert(complaintEvents).values({
      orgId,
      id: eventId,
      caseId,
      actorUserId: actor.userId,
      kind: 'status',
      fromStatus: meta.status,
      toStatus: change.to,
      outcome: change.outcome ?? null,
      referredTo: change.referredTo ?? null,
      decidedOn,
      note: sealText(key, orgId, caseId, `event:${eventId}`, change.reason),
    })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.status', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { from: meta.status, to: change.to, outcome: change.outcome, referredTo: change.referredTo } })
    await syncCaseDeadlines(tx, orgId, [caseId])
  })
}

/** Throws an InputError on `field` (the form field that chose the person) when they may not get the case. */
async function assertAssignable(tx: Tx, meta: CaseMeta, userId: string, role: AssignRole, field: 'userId' | 'members') {
  const [u] = await tx.select({ id: users.id, role: users.role }).from(users).where(and(eq(users.id, userId), isNull(users.disabledAt)))
  if (!u) throw new AppError('not_found', 404)
  // Someone the report names never gets it, whatever their role.
  if (meta.excludedUserIds.includes(userId)) throw new InputError({ [field]: localized(ct, 'err.named') })
  const ok = role === 'executive' ? u.role === 'executive' : role === 'officer' ? u.role === 'complaints_officer' : u.role !== 'agency_admin' && u.role !== 'viewer'
  if (!ok) throw new InputError({ [field]: localized(ct, 'err.role') })
}

/** Assigns a case: officer (responsible), executive, or committee member. */
export async function assignCase(ctx: UseCaseCtx, caseId: string, userId: string, role: AssignRole): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    await assertAssignable(tx, meta, userId, role, 'userId')
    await tx.insert(complaintAssignments).values({ orgId, caseId, userId, role, assignedBy: actor.userId }).onConflictDoUpdate({ target: [complaintAssignments.orgId, complaintAssignments.caseId, complaintAssignments.userId], set: { role } })
    if (role === 'officer') await tx.update(complaintCases).set({ responsibleUserId: userId, updatedAt: new Date() }).where(eq(complaintCases.id, caseId))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'assigned' })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.assign', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { userId, role } })
    await syncCaseDeadlines(tx, orgId, [caseId])
  })
}

export async function unassignCase(ctx: UseCaseCtx, caseId: string, userId: string): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    await tx.delete(complaintAssignments).where(and(eq(complaintAssignments.caseId, caseId), eq(complaintAssignments.userId, userId)))
    if (meta.responsibleUserId === userId) await tx.update(complaintCases).set({ responsibleUserId: null }).where(eq(complaintCases.id, caseId))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'unassigned' })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.unassign', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { userId } })
    await syncCaseDeadlines(tx, orgId, [caseId])
  })
}

/** Records that the report concerns a staff member: they lose (and can never get) access. */
export async function markNamed(ctx: UseCaseCtx, caseId: string, userId: string): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId))
    if (!u) throw new AppError('not_found', 404)
    await tx
      .update(complaintCases)
      .set({ excludedUserIds: [...new Set([...meta.excludedUserIds, userId])], responsibleUserId: meta.responsibleUserId === userId ? null : meta.responsibleUserId })
      .where(eq(complaintCases.id, caseId))
    await tx.delete(complaintAssignments).where(and(eq(complaintAssignments.caseId, caseId), eq(complaintAssignments.userId, userId)))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'named' })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.named', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { userId } })
    await syncCaseDeadlines(tx, orgId, [caseId])
  })
}

/** Appoints a fact-finding committee (members become assigned) with a deadline. */
export async function appointCommittee(ctx: UseCaseCtx, caseId: string, memberIds: string[], deadline: string): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  if (!memberIds.length) throw new InputError({ members: localized(ct, 'err.noMembers') })
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    for (const id of memberIds) await assertAssignable(tx, meta, id, 'committee', 'members')
    for (const userId of memberIds) {
      await tx.insert(complaintAssignments).values({ orgId, caseId, userId, role: 'committee', assignedBy: actor.userId }).onConflictDoUpdate({ target: [complaintAssignments.orgId, complaintAssignments.caseId, complaintAssignments.userId], set: { role: 'committee' } })
    }
    await tx.update(complaintCases).set({ committeeAppointedAt: new Date(), committeeDeadline: deadline, updatedAt: new Date() }).where(eq(complaintCases.id, caseId))
    await tx.insert(complaintEvents).values({ orgId, caseId, actorUserId: actor.userId, kind: 'committee', decidedOn: deadline })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.committee', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { members: memberIds, deadline } })
  })
}

