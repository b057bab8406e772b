import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { toIsoDate } from '../../platform/thai/index.js'
import { complaintAssignments, complaintCases, complaintEvents, type AssignRole, type Status } from './complaints.schema.js'
import { dataKeyById, openJson, openText } from './vault.js'
import { CASE_META, loadFiles, loadMessages, orgOf, overdueKind, staffOf, type CaseMeta, type FileMeta, type MessageView, type ReportContact, type ReportContent } from './case-data.js'
import { allowed, assertAnyComplaintRole, visibleCase, type Access } from './access.js'

// Staff reads: the case list and one case, need-to-know (see access.ts); every list and read is
// audited with the case ids, never the content.

type Assignment = { userId: string; role: AssignRole; name: string }

export type CaseListItem = CaseMeta & { subject: string | null; overdue: 'ack' | 'close' | null }

/** Cases the actor may see (officers: all but those naming them; others: assigned ones). Audited. */
export async function listCases(ctx: UseCaseCtx, opts: { status?: Status | 'open' | 'overdue' | undefined; limit?: number } = {}): Promise<CaseListItem[]> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  const today = toIsoDate(new Date())
  return inOrg(ctx.db, orgId, async (tx) => {
    const officer = allowed(actor, 'complaint.read')
    const mine = officer ? undefined : inArray(complaintCases.id, tx.select({ id: complaintAssignments.caseId }).from(complaintAssignments).where(eq(complaintAssignments.userId, actor.userId)))
    const statusFilter =
      opts.status === 'open' || opts.status === 'overdue' ? notInArray(complaintCases.status, ['closed', 'referred']) : opts.status ? eq(complaintCases.status, opts.status) : undefined
    const rows = await tx
      .select({ ...CASE_META, content: complaintCases.content })
      .from(complaintCases)
      .where(and(sql`NOT (${actor.userId}::uuid = ANY(${complaintCases.excludedUserIds}))`, mine, statusFilter))
      .orderBy(desc(complaintCases.receivedAt))
      .limit(opts.limit ?? 200)
    const out: CaseListItem[] = []
    for (const { content, ...m } of rows) {
      const overdue = overdueKind(m, today)
      if (opts.status === 'overdue' && !overdue) continue
      const key = await dataKeyById(ctx.deps, tx, orgId, m.dataKeyId)
      out.push({ ...m, subject: content ? openJson<ReportContent>(key, orgId, m.id, 'content', content).subject : null, overdue })
    }
    if (out.length) {
      await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.list', entityType: 'complaint', requestId: ctx.requestId, details: { caseIds: out.map((c) => c.id) } })
    }
    return out
  })
}

export type EventView = { at: Date; kind: string; actorName: string | null; fromStatus: string | null; toStatus: string | null; outcome: string | null; referredTo: string | null; decidedOn: string | null; note: string | null }
export type CaseView = {
  meta: CaseMeta
  access: Access
  content: ReportContent | null
  contact: ReportContact | null
  /** The reporter left contact details that this reader (not a complaints officer) may not see. */
  contactWithheld: boolean
  files: FileMeta[]
  messages: MessageView[]
  events: EventView[]
  assignments: Assignment[]
  excludedNames: string[]
  staff: { id: string; displayName: string; role: string }[]
}

/** The whole case for an officer (or an assigned executive / committee member). Audited as a read. */
export async function getCase(ctx: UseCaseCtx, caseId: string, action = 'complaint.read'): Promise<CaseView> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  return inOrg(ctx.db, orgId, async (tx) => {
    const { meta, access } = await visibleCase(tx, actor, caseId)
    const seesContact = actor.permissions.has('complaint.read')
    const key = await dataKeyById(ctx.deps, tx, orgId, meta.dataKeyId)
    const [blobs] = await tx.select({ content: complaintCases.content, contact: complaintCases.contact }).from(complaintCases).where(eq(complaintCases.id, caseId))
    const staff = await staffOf(tx)
    const names = new Map(staff.map((s) => [s.id, s.displayName]))
    const files = await loadFiles(tx, key, orgId, caseId)
    const messages = await loadMessages(tx, key, orgId, caseId, files, names)
    const events = (await tx.select().from(complaintEvents).where(eq(complaintEvents.caseId, caseId)).orderBy(asc(complaintEvents.at))).map((e) => ({
      at: e.at,
      kind: e.kind,
      actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      outcome: e.outcome,
      referredTo: e.referredTo,
      decidedOn: e.decidedOn,
      note: e.note ? openText(key, orgId, caseId, `event:${e.id}`, e.note) : null,
    }))
    const assignments = (await tx.select().from(complaintAssignments).where(eq(complaintAssignments.caseId, caseId))).map((a) => ({ userId: a.userId, role: a.role, name: names.get(a.userId) ?? '—' }))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action, entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { access } })
    return {
      meta,
      access,
      content: blobs?.content ? openJson<ReportContent>(key, orgId, caseId, 'content', blobs.content) : null,
      // Contact details are for the complaints officers only, not for assigned executives or the committee.
      contact: blobs?.contact && seesContact ? openJson<ReportContact>(key, orgId, caseId, 'contact', blobs.contact) : null,
      contactWithheld: !!blobs?.contact && !seesContact,
      files,
      messages,
      events,
      assignments,
      excludedNames: meta.excludedUserIds.map((id) => names.get(id) ?? '—'),
      staff,
    }
  })
}
