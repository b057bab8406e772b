import { and, asc, eq, inArray } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan, type Permission } from '../../platform/auth/permissions.js'
import { isUuid } from '../../platform/http/params.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { deleteFile, getFile, putFile } from '../../platform/files/files.service.js'
import { files } from '../../platform/files/files.schema.js'
import { evidence, indicatorPlans, planProgress, type EvidenceTarget } from './assessment.schema.js'

// Evidence (a file or a URL) of an indicator plan, a progress entry, or a measures activity.

export type EvidenceItem = {
  id: string
  targetKind: EvidenceTarget
  targetId: string
  title: string
  url: string | null
  fileId: string | null
  fileName: string | null
  contentType: string | null
  size: number | null
}

export async function evidenceFor(tx: Tx, targets: { kind: EvidenceTarget; id: string }[]): Promise<EvidenceItem[]> {
  if (!targets.length) return []
  const ids = [...new Set(targets.map((t) => t.id))]
  const rows = await tx
    .select({ id: evidence.id, targetKind: evidence.targetKind, targetId: evidence.targetId, title: evidence.title, url: evidence.url, fileId: evidence.fileId, fileName: files.name, contentType: files.contentType, size: files.size })
    .from(evidence)
    .leftJoin(files, and(eq(files.orgId, evidence.orgId), eq(files.id, evidence.fileId)))
    .where(inArray(evidence.targetId, ids))
    .orderBy(asc(evidence.createdAt), asc(evidence.id))
  const wanted = new Set(targets.map((t) => `${t.kind}:${t.id}`))
  return rows.filter((x) => wanted.has(`${x.targetKind}:${x.targetId}`))
}

/** Evidence of the given targets (read permission of the caller's choosing). */
export async function listEvidence(ctx: UseCaseCtx, permission: Permission, targets: { kind: EvidenceTarget; id: string }[]): Promise<EvidenceItem[]> {
  assertCan(ctx.actor, permission)
  return inOrg(ctx.db, ctx.orgId!, (tx) => evidenceFor(tx, targets))
}

const editPermission = (kind: EvidenceTarget): Permission => (kind === 'activity' ? 'measure.edit' : 'assessment.edit')

export type EvidenceInput = { title: string; url?: string | undefined; file?: { name: string; bytes: Uint8Array } | undefined }

/** Attaches a file (type checked by content) or a URL to an activity, progress entry or indicator plan. */
export async function addEvidence(ctx: UseCaseCtx, target: { kind: EvidenceTarget; id: string }, input: EvidenceInput, opts: { targetExists?: (tx: Tx) => Promise<boolean> } = {}): Promise<EvidenceItem> {
  assertCan(ctx.actor, editPermission(target.kind))
  const actor = ctx.actor
  const orgId = ctx.orgId!
  if (!isUuid(target.id)) throw new AppError('not_found', 404)
  if (!input.file === !input.url) throw new AppError('bad_request', 422, { th: 'กรุณาแนบไฟล์หรือระบุลิงก์ (อย่างใดอย่างหนึ่ง)', en: 'Attach a file or give a link (one of them)' })
  if (input.url && !/^https?:\/\/[^\s]+$/i.test(input.url)) throw new AppError('bad_request', 422, { th: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://', en: 'The link must start with http:// or https://' })
  return inOrg(ctx.db, orgId, async (tx) => {
    const exists = opts.targetExists
      ? await opts.targetExists(tx)
      : target.kind === 'indicator'
        ? (await tx.select({ id: indicatorPlans.id }).from(indicatorPlans).where(eq(indicatorPlans.id, target.id))).length > 0
        : target.kind === 'progress'
          ? (await tx.select({ id: planProgress.id }).from(planProgress).where(eq(planProgress.id, target.id))).length > 0
          : false
    if (!exists) throw new AppError('not_found', 404)
    const file = input.file ? await putFile(tx, orgId, { name: input.file.name, bytes: input.file.bytes, createdBy: actor.userId }) : undefined
    const [row] = await tx.insert(evidence).values({ orgId, targetKind: target.kind, targetId: target.id, title: input.title, url: input.url ?? null, fileId: file?.id ?? null, createdBy: actor.userId }).returning()
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'evidence.add', entityType: 'ita_evidence', entityId: row!.id, requestId: ctx.requestId, details: { target, fileId: file?.id, contentType: file?.contentType, url: input.url } })
    return { id: row!.id, targetKind: target.kind, targetId: target.id, title: row!.title, url: row!.url, fileId: row!.fileId, fileName: file?.name ?? null, contentType: file?.contentType ?? null, size: file?.size ?? null }
  })
}

export async function deleteEvidence(ctx: UseCaseCtx, id: string): Promise<EvidenceItem | null> {
  if (!isUuid(id)) return null
  assertCan(ctx.actor, 'staff.dashboard')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    const [row] = await tx.select().from(evidence).where(eq(evidence.id, id))
    if (!row) return null
    assertCan(actor, editPermission(row.targetKind))
    await tx.delete(evidence).where(eq(evidence.id, id))
    if (row.fileId) await deleteFile(tx, orgId, row.fileId)
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'evidence.delete', entityType: 'ita_evidence', entityId: id, requestId: ctx.requestId })
    return { id: row.id, targetKind: row.targetKind, targetId: row.targetId, title: row.title, url: row.url, fileId: row.fileId, fileName: null, contentType: null, size: null }
  })
}

/** An evidence file by id, without an actor: for a caller that has decided it is public (the measures report). */
export async function storedEvidenceFile(db: Db, orgId: string, evidenceId: string) {
  if (!isUuid(evidenceId)) return undefined
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx.select().from(evidence).where(eq(evidence.id, evidenceId))
    return row?.fileId ? getFile(tx, row.fileId) : undefined
  })
}

/** An evidence file for staff with read access. */
export async function evidenceFile(ctx: UseCaseCtx, evidenceId: string) {
  assertCan(ctx.actor, 'assessment.read')
  if (!isUuid(evidenceId)) return undefined
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [row] = await tx.select().from(evidence).where(eq(evidence.id, evidenceId))
    if (!row?.fileId) return undefined
    return getFile(tx, row.fileId)
  })
}
