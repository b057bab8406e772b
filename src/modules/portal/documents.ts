import { and, asc, desc, eq, lte, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { isUuid } from '../../platform/http/params.js'
import { files } from '../../platform/files/files.schema.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { markdownToText } from '../../platform/ui/markdown.js'
import { portalDocuments, type DocCategory, type PortalDocument } from './portal.schema.js'
import { storePublicFiles, type FileMeta, type Upload } from './files.js'
import { searchColumns } from './search.js'
import { audit } from './audit.js'
import { pt } from './portal.i18n.js'

// The document library: plans, reports, manuals, laws — each a file or a link, by fiscal year.

export const liveDoc = () => and(eq(portalDocuments.status, 'published'), lte(portalDocuments.publishedAt, sql`now()`))

export type PublicDocument = PortalDocument & { file: FileMeta | null }

const withFile = (tx: Tx) =>
  tx
    .select({ d: portalDocuments, f: { id: files.id, name: files.name, contentType: files.contentType, size: files.size } })
    .from(portalDocuments)
    .leftJoin(files, and(eq(files.orgId, portalDocuments.orgId), eq(files.id, portalDocuments.fileId)))

export async function listPublishedDocuments(db: Db, orgId: string, opts: { category?: DocCategory | undefined } = {}): Promise<PublicDocument[]> {
  return inOrg(db, orgId, async (tx) => {
    const rows = await withFile(tx)
      .where(and(liveDoc(), opts.category ? eq(portalDocuments.category, opts.category) : undefined))
      .orderBy(desc(portalDocuments.fiscalYear), asc(portalDocuments.title))
      .limit(1000)
    return rows.map((r) => ({ ...r.d, file: r.f?.id ? r.f : null }))
  })
}

export async function getPublishedDocument(db: Db, orgId: string, id: string): Promise<PublicDocument | null> {
  if (!isUuid(id)) return null
  const [r] = await inOrg(db, orgId, (tx) => withFile(tx).where(and(eq(portalDocuments.id, id), liveDoc())))
  return r ? { ...r.d, file: r.f?.id ? r.f : null } : null
}

export type DocumentInput = { category: DocCategory; title: string; descriptionMd: string; fiscalYear: number; url: string | null; status: 'draft' | 'published'; oitCodes: string[]; publishedAt?: Date | undefined }

export async function listAllDocuments(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'portal.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalDocuments).orderBy(desc(portalDocuments.fiscalYear), asc(portalDocuments.title)).limit(1000))
}

export async function getDocumentForEdit(ctx: UseCaseCtx, id: string): Promise<PortalDocument> {
  assertCan(ctx.actor, 'portal.edit')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [d] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalDocuments).where(eq(portalDocuments.id, id)))
  if (!d) throw new AppError('not_found', 404)
  return d
}

/** Creates (id null) or updates a document; a new file replaces the old one. A document is a file or a link. */
export async function saveDocument(ctx: UseCaseCtx, id: string | null, input: DocumentInput, upload?: Upload): Promise<string> {
  assertCan(ctx.actor, 'portal.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const search = searchColumns(input.title, markdownToText(input.descriptionMd), upload?.name ?? '')
  const docId = await inOrg(ctx.db, orgId, async (tx) => {
    if (id && !isUuid(id)) throw new AppError('not_found', 404)
    const [existing] = id ? await tx.select({ fileId: portalDocuments.fileId }).from(portalDocuments).where(eq(portalDocuments.id, id)) : []
    if (id && !existing) throw new AppError('not_found', 404)
    if (!input.url && !upload && !existing?.fileId) throw new InputError({ file: localized(pt, 'err.docSource') })
    const [fileId] = upload ? await storePublicFiles(tx, orgId, actor.userId, [upload]) : []
    const values = { ...input, ...search, ...(fileId ? { fileId } : {}), updatedAt: new Date() }
    let docId = id
    if (docId) {
      const [u] = await tx.update(portalDocuments).set(values).where(eq(portalDocuments.id, docId)).returning({ id: portalDocuments.id })
      if (!u) throw new AppError('not_found', 404)
    } else {
      const [d] = await tx.insert(portalDocuments).values({ orgId, ...values, createdBy: actor.userId }).returning({ id: portalDocuments.id })
      docId = d!.id
    }
    await audit(tx, ctx, id ? 'portal.document.update' : 'portal.document.create', 'portal_document', docId, { title: input.title, file: upload?.name })
    return docId
  })
  invalidatePublicCache(orgId)
  return docId
}

export async function deleteDocument(ctx: UseCaseCtx, id: string): Promise<void> {
  assertCan(ctx.actor, 'portal.edit')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [d] = await tx.delete(portalDocuments).where(eq(portalDocuments.id, id)).returning()
    if (!d) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'portal.document.delete', 'portal_document', id, { title: d.title })
  })
  invalidatePublicCache(ctx.orgId!)
}
