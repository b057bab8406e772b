import { and, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { queueMail } from '../../platform/mail/mail.js'
import { users } from '../../platform/auth/auth.schema.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { formatThaiDate, toIsoDate } from '../../platform/thai/index.js'
import { complaintCases, complaintEvents, complaintFiles, complaintMessages, complaintSettings, DEFAULT_RETENTION_YEARS } from './complaints.schema.js'
import { overdueKind } from './case-data.js'
import { ct } from './complaints.i18n.js'

// Background work, once a day per agency: overdue digests to the responsible officer (or to every
// complaints officer when none is assigned) through the mail outbox, and retention (content of
// cases closed more than N years ago is deleted; a tombstone keeps category, status and dates).

export type MaintenanceResult = { reminders: number; purged: number }

export async function runMaintenance(deps: Pick<AppDeps, 'db' | 'config'>, now = new Date()): Promise<MaintenanceResult> {
  const all = await deps.db.select({ id: orgs.id, slug: orgs.slug }).from(orgs)
  const total: MaintenanceResult = { reminders: 0, purged: 0 }
  for (const org of all) {
    const r = await maintainOrg(deps, org, now)
    total.reminders += r.reminders
    total.purged += r.purged
  }
  return total
}

async function maintainOrg(deps: Pick<AppDeps, 'db' | 'config'>, org: { id: string; slug: string }, now: Date): Promise<MaintenanceResult> {
  const today = toIsoDate(now)
  return inOrg(deps.db, org.id, async (tx) => {
    // Reminders: one digest a day per person, listing case numbers and due dates only.
    const open = await tx
      .select({ id: complaintCases.id, caseNo: complaintCases.caseNo, status: complaintCases.status, acknowledgedAt: complaintCases.acknowledgedAt, ackDueOn: complaintCases.ackDueOn, closeDueOn: complaintCases.closeDueOn, responsibleUserId: complaintCases.responsibleUserId, excludedUserIds: complaintCases.excludedUserIds })
      .from(complaintCases)
      .where(and(notInArray(complaintCases.status, ['closed', 'referred']), or(isNull(complaintCases.lastRemindedOn), lt(complaintCases.lastRemindedOn, today))))
    const overdue = open.map((c) => ({ ...c, kind: overdueKind(c, today) })).filter((c) => c.kind)
    let reminders = 0
    if (overdue.length) {
      const officers = await tx.select({ id: users.id, email: users.email, lang: users.lang }).from(users).where(and(eq(users.role, 'complaints_officer'), isNull(users.disabledAt)))
      const byUser = new Map<string, typeof overdue>()
      for (const c of overdue) {
        const to = c.responsibleUserId && officers.some((o) => o.id === c.responsibleUserId) ? [c.responsibleUserId] : officers.filter((o) => !c.excludedUserIds.includes(o.id)).map((o) => o.id)
        for (const u of to) byUser.set(u, [...(byUser.get(u) ?? []), c])
      }
      const base = `${deps.config.publicUrl ?? ''}/o/${org.slug}/admin/complaints`
      for (const [userId, cases] of byUser) {
        const o = officers.find((x) => x.id === userId)!
        const L = o.lang
        const lines = cases.map((c) =>
          ct(L, c.kind === 'ack' ? 'mail.lineAck' : 'mail.lineClose', { no: c.caseNo, due: formatThaiDate(c.kind === 'ack' ? c.ackDueOn : c.closeDueOn, { lang: L }), url: `${base}/${c.id}` }),
        )
        await queueMail(tx, { orgId: org.id, to: o.email, subject: ct(L, 'mail.subject', { count: cases.length }), text: `${ct(L, 'mail.intro')}\n\n${lines.join('\n')}\n\n${ct(L, 'mail.outro')}` })
        reminders++
      }
      await tx.update(complaintCases).set({ lastRemindedOn: today }).where(inArray(complaintCases.id, overdue.map((c) => c.id)))
      await appendAudit(tx, { orgId: org.id, actorLabel: 'system', action: 'complaint.reminders', entityType: 'complaint', details: { cases: overdue.length, mails: reminders } })
    }

    // Retention.
    const [settings] = await tx.select({ years: complaintSettings.retentionYears }).from(complaintSettings)
    const years = settings?.years ?? DEFAULT_RETENTION_YEARS
    const cutoff = new Date(now)
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years)
    const expired = await tx
      .select({ id: complaintCases.id })
      .from(complaintCases)
      .where(and(isNull(complaintCases.purgedAt), isNotNull(complaintCases.closedAt), lt(complaintCases.closedAt, cutoff)))
    if (expired.length) {
      const ids = expired.map((c) => c.id)
      await tx.delete(complaintFiles).where(inArray(complaintFiles.caseId, ids))
      await tx.delete(complaintMessages).where(inArray(complaintMessages.caseId, ids))
      await tx.update(complaintEvents).set({ note: null }).where(inArray(complaintEvents.caseId, ids))
      await tx
        .update(complaintCases)
        .set({ content: null, contact: null, attachmentCount: 0, purgedAt: now, receiptHash: sql`'purged'`, updatedAt: now })
        .where(inArray(complaintCases.id, ids))
      await appendAudit(tx, { orgId: org.id, actorLabel: 'system', action: 'complaint.purge', entityType: 'complaint', details: { caseIds: ids, retentionYears: years } })
    }
    return { reminders, purged: expired.length }
  })
}
