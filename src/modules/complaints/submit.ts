import { randomUUID } from 'node:crypto'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit, appendAuditMany } from '../../platform/audit/audit.js'
import { users } from '../../platform/auth/auth.schema.js'
import { hmacSha256 } from '../../platform/crypto/index.js'
import { toIsoDate } from '../../platform/thai/index.js'
import { complaintCases, complaintEvents, complaintFiles, type Category, type Channel } from './complaints.schema.js'
import { activeDataKey, sealJson, sealText } from './vault.js'
import { cleanAttachments } from './attachments.js'
import { commitBatched } from '../../platform/batch/group-commit.js'
import { generateReceiptCode, hashReceiptCode, receiptLookupId } from './receipt.js'
import { orgOf, type ReportContact, type ReportContent, type Upload } from './case-data.js'
import { readSettings } from './settings.js'
import { syncCaseDeadlines } from './case-deadline.js'

export type ReportInput = ReportContent & {
  category: Category
  contact?: ReportContact | undefined
  files?: Upload[]
  /** The form's one-time nonce: the same form sent twice makes one case. */
  nonce?: string | undefined
  /** Staff intake only: how the report came in and on which day (ISO date). */
  channel?: Channel
  receivedOn?: string | undefined
}
export type SubmitResult = { ok: true; caseId: string; caseNo: number; code: string } | { ok: false; duplicate: true }

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}


const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ')

/** Staff whose full name or first name appears in what the reporter wrote (they must never see the case). */
export function namedStaff(text: string, staff: { id: string; displayName: string }[]): string[] {
  const hay = norm(text)
  return staff
    .filter((u) => {
      const full = norm(u.displayName).trim()
      const first = full.split(' ')[0] ?? ''
      return (full.length >= 2 && hay.includes(full)) || ([...first].length >= 3 && hay.includes(first))
    })
    .map((u) => u.id)
}


/**
 * Stores a report: the case, its attachments, its first history event and its audit entry in
 * ONE transaction, so a crash leaves either the whole report or nothing. Nothing about the
 * sender (address, browser, account) is stored for web reports; intake records the officer.
 */
export async function submitReport(ctx: UseCaseCtx, input: ReportInput): Promise<SubmitResult> {
  const orgId = orgOf(ctx)
  const intake = input.channel !== undefined && input.channel !== 'web'
  if (intake) assertCan(ctx.actor, 'complaint.intake')
  const files = await cleanAttachments(input.files ?? [])
  const code = generateReceiptCode()
  const [receiptHash, dk] = await Promise.all([hashReceiptCode(code), activeDataKey(ctx.deps, orgId)])
  const caseId = randomUUID()
  const content: ReportContent = { subject: input.subject, details: input.details, whenWhere: input.whenWhere, who: input.who }
  const contact = input.contact && Object.values(input.contact).some(Boolean) ? input.contact : null
  const receivedAt = intake && input.receivedOn ? new Date(`${input.receivedOn}T09:00:00+07:00`) : new Date()
  const submissionKey = input.nonce ? hmacSha256(ctx.deps.appSecret, `complaint-nonce:${orgId}:${input.nonce}`) : null
  const sealedFiles = files.map((f) => ({ id: randomUUID(), f, name: sealText(dk.key, orgId, caseId, 'file-name', f.name) }))
  const row = {
    orgId,
    id: caseId,
    category: input.category,
    channel: intake ? input.channel! : ('web' as const),
    receiptLookup: receiptLookupId(ctx.deps.appSecret, orgId, code),
    receiptHash,
    submissionKey,
    dataKeyId: dk.id,
    content: sealJson(dk.key, orgId, caseId, 'content', content),
    contact: contact ? sealJson(dk.key, orgId, caseId, 'contact', contact) : null,
    attachmentCount: files.length,
    receivedAt,
  }
  try {
    return await commitBatched(
      ctx.db,
      orgId,
      async (tx, batch) => {
      // Read once per group-committed transaction, not once per report.
      const once = <T,>(key: string, read: () => Promise<T>): Promise<T> => {
        let p = batch.memo.get(key) as Promise<T> | undefined
        if (!p) batch.memo.set(key, (p = read()))
        return p
      }
      const settings = await once('settings', () => readSettings(tx))
      const sla = settings.sla[input.category]
      const day = toIsoDate(receivedAt)
      const staff = await once('staff', () => tx.select({ id: users.id, displayName: users.displayName }).from(users))
      const excluded = namedStaff(`${content.who ?? ''}\n${content.subject}\n${content.details}`, staff)
      // Rows are written by one multi-row statement per table for the whole batch (see platform/batch/group-commit.ts).
      type Pending = {
        cases: (typeof complaintCases.$inferInsert)[]
        files: (typeof complaintFiles.$inferInsert)[]
        events: (typeof complaintEvents.$inferInsert)[]
        audits: Omit<Parameters<typeof appendAudit>[1], 'orgId'>[]
        caseNos: Map<string, number>
      }
      let pending = batch.memo.get('pending') as Pending | undefined
      if (!pending) {
        const p: Pending = { cases: [], files: [], events: [], audits: [], caseNos: new Map() }
        batch.memo.set('pending', (pending = p))
        batch.onFlush('pending', async () => {
          const created = await tx.insert(complaintCases).values(p.cases).returning({ id: complaintCases.id, caseNo: complaintCases.caseNo })
          for (const c of created) p.caseNos.set(c.id, c.caseNo)
          if (p.files.length) await tx.insert(complaintFiles).values(p.files)
          await tx.insert(complaintEvents).values(p.events)
          await appendAuditMany(tx, orgId, p.audits)
          await syncCaseDeadlines(tx, orgId, created.map((c) => c.id))
        })
      }
      pending.cases.push({ ...row, excludedUserIds: excluded, ackDueOn: addDays(day, sla.ack), closeDueOn: addDays(day, sla.close) })
      for (const { id, f, name } of sealedFiles) {
        pending.files.push({ orgId, id, caseId, kind: 'evidence' as const, contentType: f.contentType, size: f.bytes.length, name, data: sealText(dk.key, orgId, caseId, `file:${id}`, f.bytes) })
      }
      pending.events.push({ orgId, caseId, kind: 'received', toStatus: 'received', actorUserId: intake ? ctx.actor!.userId : null, at: receivedAt })
      pending.audits.push({
        actorUserId: intake ? ctx.actor!.userId : null,
        actorLabel: intake ? null : 'anonymous',
        action: intake ? 'complaint.intake' : 'complaint.submit',
        entityType: 'complaint',
        entityId: caseId,
        requestId: ctx.requestId,
        details: { category: input.category, channel: row.channel, attachments: files.length },
      })
      const p = pending
      return () => ({ ok: true as const, caseId, caseNo: p.caseNos.get(caseId)!, code })
      },
      'complaints',
    )
  } catch (e) {
    const cause = (e as { cause?: { code?: string; constraint?: string } }).cause ?? (e as { code?: string; constraint?: string })
    if (cause.code === '23505' && cause.constraint === 'complaint_cases_submission') return { ok: false, duplicate: true }
    throw e
  }
}

