import { and, eq, isNull } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { complaintCases } from './complaints.schema.js'
import { dataKeyById, openJson } from './vault.js'
import { receiptLookupId, verifyReceiptCode } from './receipt.js'
import { loadFiles, loadMessages, loadMeta, type CaseMeta, type FileMeta, type MessageView, type ReportContent } from './case-data.js'

// The reporter, anonymous, with the receipt code: no account, no address stored; every open,
// failed code and read is audited as 'reporter'.

export type ReporterView = { meta: CaseMeta; subject: string; messages: MessageView[]; files: FileMeta[] }

/** Finds the case a receipt code opens; audits success and failure (without any address). */
export async function openByReceipt(deps: AppDeps, orgId: string, code: string, requestId: string | null): Promise<string | null> {
  const lookup = receiptLookupId(deps.appSecret, orgId, code)
  const candidates = await inOrg(deps.db, orgId, (tx) =>
    tx.select({ id: complaintCases.id, hash: complaintCases.receiptHash }).from(complaintCases).where(and(eq(complaintCases.receiptLookup, lookup), isNull(complaintCases.purgedAt))),
  )
  let found: string | null = null
  for (const c of candidates) if (await verifyReceiptCode(c.hash, code)) found = c.id
  await inOrg(deps.db, orgId, (tx) =>
    appendAudit(tx, { orgId, actorLabel: 'reporter', action: found ? 'complaint.receipt_open' : 'complaint.receipt_failed', entityType: 'complaint', entityId: found, requestId }),
  )
  return found
}

/** What the reporter sees with the code: status, dates, their subject, the conversation. Audited. */
export async function reporterView(deps: AppDeps, orgId: string, caseId: string, requestId: string | null): Promise<ReporterView> {
  return inOrg(deps.db, orgId, async (tx) => {
    const meta = await loadMeta(tx, caseId)
    if (!meta || meta.purgedAt) throw new AppError('not_found', 404)
    const key = await dataKeyById(deps, tx, orgId, meta.dataKeyId)
    const [c] = await tx.select({ content: complaintCases.content }).from(complaintCases).where(eq(complaintCases.id, caseId))
    const content = openJson<ReportContent>(key, orgId, caseId, 'content', c!.content!)
    const files = await loadFiles(tx, key, orgId, caseId, ['evidence', 'message'])
    const messages = await loadMessages(tx, key, orgId, caseId, files, null)
    await appendAudit(tx, { orgId, actorLabel: 'reporter', action: 'complaint.reporter_read', entityType: 'complaint', entityId: caseId, requestId })
    return { meta, subject: content.subject, messages, files: files.filter((f) => f.kind === 'evidence') }
  })
}
