import { and, asc, eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import type { CheckedFile } from '../../platform/http/forms.js'
import { deleteFile, getFile, getFileMeta, putFile, EVIDENCE_TYPES, type FileMeta } from '../../platform/files/files.service.js'
import { files as storedFiles } from '../../platform/files/files.schema.js'
import { sessionFiles, type FileKind, type SessionFile } from './trainings.schema.js'
import { audit, both, lockSession, notFound, sessionIn } from './shared.js'

// A session's materials (PDF, Office documents, images) and photos (JPEG or PNG, shown in the
// training report), as private platform files checked by content.

export const PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const
export const FILE_RULE = { types: EVIDENCE_TYPES, maxBytes: 10 * 1024 * 1024, max: 1, required: true }
/** At most this many photos go into the report (the first ones, in upload order). */
export const REPORT_PHOTOS = 6

export type FileRow = SessionFile & { meta: FileMeta | null }

export async function filesOf(ctx: OrgUseCaseCtx, sessionId: string): Promise<FileRow[]> {
  assertCan(ctx.actor, 'trainings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    if (!(await sessionIn(tx, sessionId))) throw notFound()
    const rows = await tx.select().from(sessionFiles).where(eq(sessionFiles.sessionId, sessionId)).orderBy(asc(sessionFiles.kind), asc(sessionFiles.createdAt))
    return Promise.all(rows.map(async (r) => ({ ...r, meta: (await getFileMeta(tx, r.fileId)) ?? null })))
  })
}

/** The photos of a session with their bytes, for the report (the first REPORT_PHOTOS). */
export async function photosOf(ctx: OrgUseCaseCtx, sessionId: string): Promise<{ caption: string; bytes: Uint8Array; contentType: string }[]> {
  assertCan(ctx.actor, 'trainings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select({ caption: sessionFiles.caption, data: storedFiles.data, contentType: storedFiles.contentType })
      .from(sessionFiles)
      .innerJoin(storedFiles, and(eq(storedFiles.orgId, sessionFiles.orgId), eq(storedFiles.id, sessionFiles.fileId)))
      .where(and(eq(sessionFiles.sessionId, sessionId), eq(sessionFiles.kind, 'photo')))
      .orderBy(asc(sessionFiles.createdAt))
      .limit(REPORT_PHOTOS)
    return rows.map((r) => ({ caption: r.caption, bytes: new Uint8Array(r.data), contentType: r.contentType }))
  })
}

export async function addFile(ctx: OrgUseCaseCtx, sessionId: string, input: { kind: FileKind; caption: string }, file: CheckedFile | undefined): Promise<SessionFile> {
  assertCan(ctx.actor, 'trainings.edit')
  const actor = ctx.actor
  if (!file) throw new InputError({ file: both('v.file') })
  if (input.kind === 'photo' && !(file.contentType in PHOTO_TYPES)) throw new InputError({ file: both('v.photo') })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await lockSession(tx, sessionId)
    const stored = await putFile(tx, ctx.orgId, { name: file.name, bytes: file.bytes, isPublic: false, createdBy: actor.userId, allowed: input.kind === 'photo' ? PHOTO_TYPES : EVIDENCE_TYPES, maxBytes: FILE_RULE.maxBytes })
    const [row] = await tx.insert(sessionFiles).values({ orgId: ctx.orgId, sessionId, fileId: stored.id, kind: input.kind, caption: input.caption, createdBy: actor.userId }).returning()
    await audit(tx, ctx, 'file.add', 'training_session', sessionId, { kind: input.kind, name: file.name, size: file.size })
    return row!
  })
}

export async function sessionFile(ctx: OrgUseCaseCtx, sessionId: string, id: string): Promise<SessionFile> {
  assertCan(ctx.actor, 'trainings.read')
  if (!isUuid(id)) throw notFound()
  const [row] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(sessionFiles).where(and(eq(sessionFiles.sessionId, sessionId), eq(sessionFiles.id, id))))
  if (!row) throw notFound()
  return row
}

export async function fileBytes(ctx: OrgUseCaseCtx, sessionId: string, id: string) {
  const row = await sessionFile(ctx, sessionId, id)
  const f = await inOrg(ctx.db, ctx.orgId, (tx) => getFile(tx, row.fileId))
  if (!f) throw notFound()
  return f
}

export async function removeFile(ctx: OrgUseCaseCtx, sessionId: string, id: string): Promise<SessionFile> {
  assertCan(ctx.actor, 'trainings.edit')
  if (!isUuid(id)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await lockSession(tx, sessionId)
    const [row] = await tx.select().from(sessionFiles).where(and(eq(sessionFiles.sessionId, sessionId), eq(sessionFiles.id, id)))
    if (!row) throw notFound()
    await tx.delete(sessionFiles).where(eq(sessionFiles.id, id))
    await deleteFile(tx, ctx.orgId, row.fileId)
    await audit(tx, ctx, 'file.remove', 'training_session', sessionId, { kind: row.kind, fileId: row.fileId })
    return row
  })
}

/** Width and height of a PNG or JPEG from its header (for placing it in the DOCX at its own proportions). */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b.length >= 24) return { width: (b[16]! << 24) | (b[17]! << 16) | (b[18]! << 8) | b[19]!, height: (b[20]! << 24) | (b[21]! << 16) | (b[22]! << 8) | b[23]! }
  if (b[0] === 0xff && b[1] === 0xd8) {
    let i = 2
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null
      const marker = b[i + 1]!
      const len = (b[i + 2]! << 8) | b[i + 3]!
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! }
      i += 2 + len
    }
  }
  return null
}
