import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps, UseCaseCtx } from '../../platform/http/context.js'
import { AppError } from '../../platform/http/errors.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { complaintFiles, type FileKind } from './complaints.schema.js'
import { dataKeyById, openBytes, openText, sealText } from './vault.js'
import { cleanAttachments } from './attachments.js'
import { loadMeta, orgOf, type CaseMeta, type FileDownload, type Upload } from './case-data.js'
import { assertAnyComplaintRole, visibleCase } from './access.js'

// Case files: downloads (reporter: evidence and message files; staff: all kinds, need-to-know),
// and the committee's minutes and findings. Every read and upload is audited.

async function readFileOf(tx: Tx, deps: Pick<AppDeps, 'masterKeys'>, orgId: string, meta: CaseMeta, fileId: string, kinds: FileKind[]): Promise<FileDownload> {
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new AppError('not_found', 404)
  const [f] = await tx.select().from(complaintFiles).where(and(eq(complaintFiles.caseId, meta.id), eq(complaintFiles.id, fileId), inArray(complaintFiles.kind, kinds)))
  if (!f) throw new AppError('not_found', 404)
  const key = await dataKeyById(deps, tx, orgId, meta.dataKeyId)
  return { name: openText(key, orgId, meta.id, 'file-name', f.name), contentType: f.contentType, bytes: openBytes(key, orgId, meta.id, `file:${f.id}`, f.data) }
}

export async function reporterFile(deps: AppDeps, orgId: string, caseId: string, fileId: string, requestId: string | null): Promise<FileDownload> {
  return inOrg(deps.db, orgId, async (tx) => {
    const meta = await loadMeta(tx, caseId)
    if (!meta || meta.purgedAt) throw new AppError('not_found', 404)
    const file = await readFileOf(tx, deps, orgId, meta, fileId, ['evidence', 'message'])
    await appendAudit(tx, { orgId, actorLabel: 'reporter', action: 'complaint.reporter_file', entityType: 'complaint', entityId: caseId, requestId, details: { fileId } })
    return file
  })
}

export async function getCaseFile(ctx: UseCaseCtx, caseId: string, fileId: string): Promise<FileDownload> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  return inOrg(ctx.db, orgId, async (tx) => {
    const { meta } = await visibleCase(tx, actor, caseId)
    const file = await readFileOf(tx, ctx.deps, orgId, meta, fileId, ['evidence', 'message', 'minutes', 'findings'])
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.file_read', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { fileId } })
    return file
  })
}


/** Minutes or findings of the committee (officers and committee members). */
export async function addCaseFile(ctx: UseCaseCtx, caseId: string, kind: 'minutes' | 'findings', upload: Upload): Promise<void> {
  const actor = ctx.actor
  assertAnyComplaintRole(actor)
  const orgId = orgOf(ctx)
  const [file] = await cleanAttachments([upload])
  await inOrg(ctx.db, orgId, async (tx) => {
    const { meta, access } = await visibleCase(tx, actor, caseId)
    if (access !== 'manage' && access !== 'committee') throw new AppError('forbidden', 403)
    const key = await dataKeyById(ctx.deps, tx, orgId, meta.dataKeyId)
    const id = randomUUID()
    await tx.insert(complaintFiles).values({ orgId, id, caseId, kind, contentType: file!.contentType, size: file!.bytes.length, name: sealText(key, orgId, caseId, 'file-name', file!.name), data: sealText(key, orgId, caseId, `file:${id}`, file!.bytes), uploadedByUserId: actor.userId })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'complaint.file_add', entityType: 'complaint', entityId: caseId, requestId: ctx.requestId, details: { fileId: id, kind } })
  })
}
