import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError } from '../../platform/http/errors.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { isUuid } from '../../platform/http/params.js'
import { files } from '../../platform/files/files.schema.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { markdownToText } from '../../platform/ui/markdown.js'
import { portalPostFiles, portalPosts, type PortalPost, type PostCategory } from './portal.schema.js'
import { storePublicFiles, type FileMeta, type Upload } from './files.js'
import { searchColumns } from './search.js'
import { audit } from './audit.js'

// News, announcements and procurement notices: public readers see only what is published and due.

export const livePost = () => and(eq(portalPosts.status, 'published'), lte(portalPosts.publishAt, sql`now()`))

export async function listPublishedPosts(db: Db, orgId: string, opts: { category?: PostCategory | undefined; limit?: number; offset?: number } = {}): Promise<PortalPost[]> {
  return inOrg(db, orgId, (tx) =>
    tx
      .select()
      .from(portalPosts)
      .where(and(livePost(), opts.category ? eq(portalPosts.category, opts.category) : undefined))
      .orderBy(desc(portalPosts.publishAt))
      .limit(opts.limit ?? 50)
      .offset(opts.offset ?? 0),
  )
}

/** The attachments of some posts, in their order. */
export async function filesOfPosts(tx: Tx, postIds: string[]): Promise<Map<string, FileMeta[]>> {
  const out = new Map<string, FileMeta[]>()
  if (!postIds.length) return out
  const rows = await tx
    .select({ postId: portalPostFiles.postId, id: files.id, name: files.name, contentType: files.contentType, size: files.size })
    .from(portalPostFiles)
    .innerJoin(files, and(eq(files.orgId, portalPostFiles.orgId), eq(files.id, portalPostFiles.fileId)))
    .where(inArray(portalPostFiles.postId, postIds))
    .orderBy(asc(portalPostFiles.sortOrder), asc(files.name))
  for (const r of rows) out.set(r.postId, [...(out.get(r.postId) ?? []), { id: r.id, name: r.name, contentType: r.contentType, size: r.size }])
  return out
}

export type PostWithFiles = PortalPost & { files: FileMeta[] }

export async function getPublishedPost(db: Db, orgId: string, id: string): Promise<PostWithFiles | null> {
  if (!isUuid(id)) return null
  return inOrg(db, orgId, async (tx) => {
    const [p] = await tx.select().from(portalPosts).where(and(eq(portalPosts.id, id), livePost()))
    if (!p) return null
    return { ...p, files: (await filesOfPosts(tx, [p.id])).get(p.id) ?? [] }
  })
}

export type PostInput = { category: PostCategory; title: string; bodyMd: string; status: 'draft' | 'published'; publishAt: Date; fiscalYear: number; oitCodes: string[] }

export async function listAllPosts(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'portal.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalPosts).orderBy(desc(portalPosts.publishAt)).limit(500))
}

export async function getPostForEdit(ctx: UseCaseCtx, id: string): Promise<PostWithFiles> {
  assertCan(ctx.actor, 'portal.edit')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [p] = await tx.select().from(portalPosts).where(eq(portalPosts.id, id))
    if (!p) throw new AppError('not_found', 404)
    return { ...p, files: (await filesOfPosts(tx, [id])).get(id) ?? [] }
  })
}

/** Creates (id null) or updates a post; new attachments are added after the existing ones. */
export async function savePost(ctx: UseCaseCtx, id: string | null, input: PostInput, uploads: Upload[] = []): Promise<string> {
  assertCan(ctx.actor, 'portal.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const search = searchColumns(input.title, markdownToText(input.bodyMd))
  const postId = await inOrg(ctx.db, orgId, async (tx) => {
    let postId = id
    if (postId) {
      if (!isUuid(postId)) throw new AppError('not_found', 404)
      const [u] = await tx.update(portalPosts).set({ ...input, ...search, updatedAt: new Date() }).where(eq(portalPosts.id, postId)).returning({ id: portalPosts.id })
      if (!u) throw new AppError('not_found', 404)
    } else {
      const [p] = await tx.insert(portalPosts).values({ orgId, ...input, ...search, createdBy: actor.userId }).returning({ id: portalPosts.id })
      postId = p!.id
    }
    const fileIds = await storePublicFiles(tx, orgId, actor.userId, uploads)
    if (fileIds.length) await tx.insert(portalPostFiles).values(fileIds.map((fileId, i) => ({ orgId, postId: postId!, fileId, sortOrder: i })))
    await audit(tx, ctx, id ? 'portal.post.update' : 'portal.post.create', 'portal_post', postId, { title: input.title, status: input.status, files: uploads.map((u) => u.name) })
    return postId
  })
  invalidatePublicCache(orgId)
  return postId
}

export async function deletePost(ctx: UseCaseCtx, id: string): Promise<void> {
  assertCan(ctx.actor, 'portal.edit')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [p] = await tx.delete(portalPosts).where(eq(portalPosts.id, id)).returning()
    if (!p) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'portal.post.delete', 'portal_post', id, { title: p.title })
  })
  invalidatePublicCache(ctx.orgId!)
}
