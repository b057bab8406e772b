import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps, UseCaseCtx } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { complaintCases, complaintFiles, complaintMessages } from './complaints.schema.js'
import { dataKeyById, sealText } from './vault.js'
import { cleanAttachments, type CleanFile } from './attachments.js'
import { loadMeta, orgOf, type CaseMeta, type Upload } from './case-data.js'
import { visibleCase } from './access.js'

// The conversation between the reporter (with the receipt code) and the officers: bodies and
// attachments are encrypted under the agency's data key, each blob bound to its case and id.

async function addMessage(tx: Tx, deps: Pick<AppDeps, 'masterKeys'>, orgId: string, meta: CaseMeta, author: { userId: string | null }, body: string, files: CleanFile[]): Promise<string> {
  const key = await dataKeyById(deps, tx, orgId, meta.dataKeyId)
  const id = randomUUID()
  await tx.insert(complaintMessages).values({ orgId, id, caseId: meta.id, author: author.userId ? 'staff' : 'reporter', authorUserId: author.userId, body: sealText(key, orgId, meta.id, `message:${id}`, body) })
  if (files.length) {
    await tx.insert(complaintFiles).values(
      files.map((f) => {
        const fid = randomUUID()
        return { orgId, id: fid, caseId: meta.id, messageId: id, kind: 'message' as const, contentType: f.contentType, size: f.bytes.length, name: sealText(key, orgId, meta.id, 'file-name', f.name), data: sealText(key, orgId, meta.id, `file:${fid}`, f.bytes), uploadedByUserId: author.userId }
      }),
    )
  }
  return id
}

export async function reporterMessage(deps: AppDeps, orgId: string, caseId: string, body: string, uploads: Upload[], requestId: string | null): Promise<void> {
  const files = await cleanAttachments(uploads)
  await inOrg(deps.db, orgId, async (tx) => {
    const meta = await loadMeta(tx, caseId)
    if (!meta || meta.purgedAt) throw new AppError('not_found', 404)
    const id = await addMessage(tx, deps, orgId, meta, { userId: null }, body, files)
    await tx.update(complaintCases).set({ updatedAt: new Date() }).where(eq(complaintCases.id, caseId))
    await appendAudit(tx, { orgId, actorLabel: 'reporter', action: 'complaint.reporter_message', entityType: 'complaint', entityId: caseId, requestId, details: { messageId: id, attachments: files.length } })
  })
}

/** Officer's message to the reporter (seen with the receipt code). */
export async function staffMessage(ctx: UseCaseCtx, caseId: string, body: string, uploads: Upload[]): Promise<void> {
  const actor = ctx.actor
  assertCan(actor, 'complaint.manage')
  const orgId = orgOf(ctx)
  const files = await cleanAttachments(uploads)
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    if (meta.purgedAt) throw new AppError('conflict', 409)
    const id = await addMessage(tx, ctx.deps, orgId, meta, { userId: actor.userId }, body, files)
    // Answering the reporter acknowledges the report.
    await tx.update(complaintCases).set({ updatedAt: new Date(), acknowledgedAt: meta.acknowledgedAt ?? new Date() }).where(eq(complaintCases.id, caseId))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.message', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { messageId: id, attachments: files.length } })
  })
}
