import { createHash } from 'node:crypto'
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError } from '../../platform/http/errors.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { files } from '../../platform/files/files.schema.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { markdownToText } from '../../platform/ui/markdown.js'
import {
  portalDocuments,
  portalExecutives,
  portalPostFiles,
  portalPosts,
  portalProfiles,
  portalQuestions,
  type DocCategory,
  type PortalDocument,
  type PortalPost,
  type PortalProfile,
  type PostCategory,
  type SocialLink,
} from './portal.schema.js'

export const MAX_FILE_BYTES = 20 * 1024 * 1024
const ALLOWED_MIME = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/x-cfb',
  'application/vnd.ms-excel',
])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export type FileMeta = { id: string; name: string; contentType: string; size: number }
export type UploadedFile = { name: string; data: Buffer }
export type FileProblem = { name: string; problem: 'badFile' | 'bigFile' }

// ---- search text: trigram for recall, segmented words for ranking (docs/decisions/0005) ----
const segmenter = new Intl.Segmenter('th', { granularity: 'word' })
export function segmentWords(text: string): string {
  const out: string[] = []
  for (const s of segmenter.segment(text.toLowerCase())) if (s.isWordLike) out.push(s.segment)
  return out.join(' ')
}
function searchColumns(...parts: string[]) {
  const text = parts.filter(Boolean).join(' ').slice(0, 100_000)
  return { searchText: text, searchTsv: sql`to_tsvector('simple', ${segmentWords(text)})` as unknown as string }
}

// ---- files ----
/** Checks uploads by their content (not their name or claimed type); returns the problems. */
export async function checkUploads(list: UploadedFile[]): Promise<{ ok: (UploadedFile & { mime: string })[]; problems: FileProblem[] }> {
  const ok: (UploadedFile & { mime: string })[] = []
  const problems: FileProblem[] = []
  for (const f of list) {
    if (f.data.length > MAX_FILE_BYTES) {
      problems.push({ name: f.name, problem: 'bigFile' })
      continue
    }
    const ft = await fileTypeFromBuffer(f.data)
    if (!ft || !ALLOWED_MIME.has(ft.mime)) problems.push({ name: f.name, problem: 'badFile' })
    else ok.push({ ...f, mime: ft.mime })
  }
  return { ok, problems }
}

async function storeFiles(tx: Tx, orgId: string, userId: string, list: (UploadedFile & { mime: string })[]): Promise<string[]> {
  const ids: string[] = []
  for (const f of list) {
    const name = f.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'file'
    const [row] = await tx
      .insert(files)
      .values({ orgId, name, contentType: f.mime, size: f.data.length, sha256: createHash('sha256').update(f.data).digest('hex'), data: f.data, isPublic: true, createdBy: userId })
      .returning({ id: files.id })
    ids.push(row!.id)
  }
  return ids
}

/** A public file (attachment, photo, document) of the agency; never a private one. */
export async function getPublicFile(db: Db, orgId: string, fileId: string) {
  if (!UUID.test(fileId)) return null
  const [f] = await inOrg(db, orgId, (tx) => tx.select().from(files).where(and(eq(files.id, fileId), eq(files.isPublic, true))))
  return f ?? null
}

// ---- public readers (no actor: only what is published) ----
const livePost = () => and(eq(portalPosts.status, 'published'), lte(portalPosts.publishAt, sql`now()`))
const liveDoc = () => and(eq(portalDocuments.status, 'published'), lte(portalDocuments.publishedAt, sql`now()`))

export async function getProfile(db: Db, orgId: string): Promise<PortalProfile | null> {
  const [p] = await inOrg(db, orgId, (tx) => tx.select().from(portalProfiles))
  return p ?? null
}

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

async function filesOfPosts(tx: Tx, postIds: string[]): Promise<Map<string, FileMeta[]>> {
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

export async function getPublishedPost(db: Db, orgId: string, id: string): Promise<(PortalPost & { files: FileMeta[] }) | null> {
  if (!UUID.test(id)) return null
  return inOrg(db, orgId, async (tx) => {
    const [p] = await tx.select().from(portalPosts).where(and(eq(portalPosts.id, id), livePost()))
    if (!p) return null
    return { ...p, files: (await filesOfPosts(tx, [p.id])).get(p.id) ?? [] }
  })
}

export type PublicDocument = PortalDocument & { file: FileMeta | null }
export async function listPublishedDocuments(db: Db, orgId: string, opts: { category?: DocCategory | undefined } = {}): Promise<PublicDocument[]> {
  return inOrg(db, orgId, async (tx) => {
    const rows = await tx
      .select({ d: portalDocuments, f: { id: files.id, name: files.name, contentType: files.contentType, size: files.size } })
      .from(portalDocuments)
      .leftJoin(files, and(eq(files.orgId, portalDocuments.orgId), eq(files.id, portalDocuments.fileId)))
      .where(and(liveDoc(), opts.category ? eq(portalDocuments.category, opts.category) : undefined))
      .orderBy(desc(portalDocuments.fiscalYear), asc(portalDocuments.title))
      .limit(1000)
    return rows.map((r) => ({ ...r.d, file: r.f?.id ? r.f : null }))
  })
}

export async function getPublishedDocument(db: Db, orgId: string, id: string): Promise<PublicDocument | null> {
  if (!UUID.test(id)) return null
  const all = await inOrg(db, orgId, async (tx) => {
    const rows = await tx
      .select({ d: portalDocuments, f: { id: files.id, name: files.name, contentType: files.contentType, size: files.size } })
      .from(portalDocuments)
      .leftJoin(files, and(eq(files.orgId, portalDocuments.orgId), eq(files.id, portalDocuments.fileId)))
      .where(and(eq(portalDocuments.id, id), liveDoc()))
    return rows.map((r) => ({ ...r.d, file: r.f?.id ? r.f : null }))
  })
  return all[0] ?? null
}

export async function listExecutives(db: Db, orgId: string) {
  return inOrg(db, orgId, (tx) => tx.select().from(portalExecutives).orderBy(asc(portalExecutives.sortOrder), asc(portalExecutives.name)))
}

export async function listPublishedQuestions(db: Db, orgId: string, limit = 100) {
  return inOrg(db, orgId, (tx) =>
    tx.select().from(portalQuestions).where(eq(portalQuestions.status, 'published')).orderBy(desc(portalQuestions.createdAt)).limit(limit),
  )
}

export type SearchHit = { kind: 'post' | 'document'; id: string; title: string; snippet: string; date: Date; category: string; fiscalYear: number }

/** Full-text Thai search over published posts and documents of one agency. */
export async function searchPublic(db: Db, orgId: string, q: string, limit = 50): Promise<SearchHit[]> {
  const query = q.trim().slice(0, 100)
  if (!query) return []
  const like = `%${query.replace(/[%_\\]/g, (m) => '\\' + m)}%`
  const tsq = segmentWords(query)
  return inOrg(db, orgId, async (tx) => {
    const r = await tx.execute<{ kind: 'post' | 'document'; id: string; title: string; text: string; date: Date; category: string; fiscal_year: number; rank: number }>(sql`
      SELECT * FROM (
        SELECT 'post' AS kind, id, title, search_text AS text, publish_at AS date, category, fiscal_year,
               ts_rank(search_tsv, plainto_tsquery('simple', ${tsq})) AS rank
          FROM portal_posts WHERE status = 'published' AND publish_at <= now() AND search_text ILIKE ${like}
        UNION ALL
        SELECT 'document', id, title, search_text, published_at, category, fiscal_year,
               ts_rank(search_tsv, plainto_tsquery('simple', ${tsq}))
          FROM portal_documents WHERE status = 'published' AND published_at <= now() AND search_text ILIKE ${like}
      ) x ORDER BY rank DESC, date DESC LIMIT ${limit}`)
    return r.rows.map((h) => {
      const i = h.text.toLowerCase().indexOf(query.toLowerCase())
      const start = Math.max(0, i - 60)
      return { kind: h.kind, id: h.id, title: h.title, snippet: (start > 0 ? '…' : '') + h.text.slice(start, start + 200), date: new Date(h.date), category: h.category, fiscalYear: h.fiscal_year }
    })
  })
}

/** Everything public that can answer an OIT item (for the disclosure module). */
export async function publicEvidence(db: Db, orgId: string) {
  return inOrg(db, orgId, async (tx) => {
    const posts = await tx
      .select({ id: portalPosts.id, title: portalPosts.title, category: portalPosts.category, fiscalYear: portalPosts.fiscalYear, oitCodes: portalPosts.oitCodes, date: portalPosts.publishAt })
      .from(portalPosts)
      .where(livePost())
    const postFiles = await filesOfPosts(tx, posts.map((p) => p.id))
    const docs = await tx
      .select({ id: portalDocuments.id, title: portalDocuments.title, category: portalDocuments.category, fiscalYear: portalDocuments.fiscalYear, oitCodes: portalDocuments.oitCodes, date: portalDocuments.publishedAt, fileId: portalDocuments.fileId, url: portalDocuments.url })
      .from(portalDocuments)
      .where(liveDoc())
    const [profile] = await tx.select().from(portalProfiles)
    const [execs] = await tx.select({ n: sql<number>`count(*)::int` }).from(portalExecutives)
    const [qa] = await tx.select({ n: sql<number>`count(*)::int` }).from(portalQuestions).where(eq(portalQuestions.status, 'published'))
    return {
      posts: posts.map((p) => ({ ...p, files: postFiles.get(p.id) ?? [] })),
      documents: docs,
      profile: profile ?? null,
      executiveCount: execs?.n ?? 0,
      publishedQuestionCount: qa?.n ?? 0,
    }
  })
}
export type PublicEvidence = Awaited<ReturnType<typeof publicEvidence>>

// ---- staff use cases ----
const audit = (tx: Tx, ctx: UseCaseCtx, action: string, entityType: string, entityId: string, details: Record<string, unknown> = {}) =>
  appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.email ?? 'public', action, entityType, entityId, requestId: ctx.requestId, details })

export type PostInput = { category: PostCategory; title: string; bodyMd: string; status: 'draft' | 'published'; publishAt: Date; fiscalYear: number; oitCodes: string[] }

export async function listAllPosts(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'portal.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalPosts).orderBy(desc(portalPosts.publishAt)).limit(500))
}

export async function getPostForEdit(ctx: UseCaseCtx, id: string) {
  assertCan(ctx.actor, 'portal.edit')
  if (!UUID.test(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [p] = await tx.select().from(portalPosts).where(eq(portalPosts.id, id))
    if (!p) throw new AppError('not_found', 404)
    return { ...p, files: (await filesOfPosts(tx, [id])).get(id) ?? [] }
  })
}

export async function savePost(ctx: UseCaseCtx, id: string | null, input: PostInput, uploads: (UploadedFile & { mime: string })[] = []): Promise<string> {
  assertCan(ctx.actor, 'portal.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const search = searchColumns(input.title, markdownToText(input.bodyMd))
  const postId = await inOrg(ctx.db, orgId, async (tx) => {
    let postId = id
    if (postId) {
      if (!UUID.test(postId)) throw new AppError('not_found', 404)
      const [u] = await tx.update(portalPosts).set({ ...input, ...search, updatedAt: new Date() }).where(eq(portalPosts.id, postId)).returning({ id: portalPosts.id })
      if (!u) throw new AppError('not_found', 404)
    } else {
      const [p] = await tx.insert(portalPosts).values({ orgId, ...input, ...search, createdBy: actor.userId }).returning({ id: portalPosts.id })
      postId = p!.id
    }
    const fileIds = await storeFiles(tx, orgId, actor.userId, uploads)
    if (fileIds.length) await tx.insert(portalPostFiles).values(fileIds.map((fileId, i) => ({ orgId, postId: postId!, fileId, sortOrder: i })))
    await audit(tx, ctx, id ? 'portal.post.update' : 'portal.post.create', 'portal_post', postId, { title: input.title, status: input.status, files: uploads.map((u) => u.name) })
    return postId
  })
  invalidatePublicCache(orgId)
  return postId
}

export async function deletePost(ctx: UseCaseCtx, id: string): Promise<void> {
  assertCan(ctx.actor, 'portal.edit')
  if (!UUID.test(id)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [p] = await tx.delete(portalPosts).where(eq(portalPosts.id, id)).returning()
    if (!p) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'portal.post.delete', 'portal_post', id, { title: p.title })
  })
  invalidatePublicCache(ctx.orgId!)
}

export type DocumentInput = { category: DocCategory; title: string; descriptionMd: string; fiscalYear: number; url: string | null; status: 'draft' | 'published'; oitCodes: string[]; publishedAt?: Date | undefined }

export async function listAllDocuments(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'portal.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalDocuments).orderBy(desc(portalDocuments.fiscalYear), asc(portalDocuments.title)).limit(1000))
}

export async function getDocumentForEdit(ctx: UseCaseCtx, id: string) {
  assertCan(ctx.actor, 'portal.edit')
  if (!UUID.test(id)) throw new AppError('not_found', 404)
  const [d] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalDocuments).where(eq(portalDocuments.id, id)))
  if (!d) throw new AppError('not_found', 404)
  return d
}

export async function saveDocument(ctx: UseCaseCtx, id: string | null, input: DocumentInput, upload?: UploadedFile & { mime: string }): Promise<string> {
  assertCan(ctx.actor, 'portal.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const search = searchColumns(input.title, markdownToText(input.descriptionMd), upload?.name ?? '')
  const docId = await inOrg(ctx.db, orgId, async (tx) => {
    const [fileId] = upload ? await storeFiles(tx, orgId, actor.userId, [upload]) : []
    const values = { ...input, ...search, ...(fileId ? { fileId } : {}), updatedAt: new Date() }
    let docId = id
    if (docId) {
      if (!UUID.test(docId)) throw new AppError('not_found', 404)
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
  if (!UUID.test(id)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [d] = await tx.delete(portalDocuments).where(eq(portalDocuments.id, id)).returning()
    if (!d) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'portal.document.delete', 'portal_document', id, { title: d.title })
  })
  invalidatePublicCache(ctx.orgId!)
}

export type ProfileInput = Omit<PortalProfile, 'orgId' | 'updatedAt'>
export async function saveProfile(ctx: UseCaseCtx, input: ProfileInput): Promise<void> {
  assertCan(ctx.actor, 'portal.edit')
  const orgId = ctx.orgId!
  await inOrg(ctx.db, orgId, async (tx) => {
    await tx
      .insert(portalProfiles)
      .values({ orgId, ...input })
      .onConflictDoUpdate({ target: portalProfiles.orgId, set: { ...input, updatedAt: new Date() } })
    await audit(tx, ctx, 'portal.profile.update', 'portal_profile', orgId)
  })
  invalidatePublicCache(orgId)
}

export type ExecutiveInput = { name: string; position: string; branch: 'political' | 'permanent'; phone: string | null; email: string | null; sortOrder: number }
export async function addExecutive(ctx: UseCaseCtx, input: ExecutiveInput, photo?: UploadedFile & { mime: string }): Promise<string> {
  assertCan(ctx.actor, 'portal.edit')
  const orgId = ctx.orgId!
  const actor = ctx.actor
  const id = await inOrg(ctx.db, orgId, async (tx) => {
    const [photoFileId] = photo ? await storeFiles(tx, orgId, actor.userId, [photo]) : []
    const [e] = await tx.insert(portalExecutives).values({ orgId, ...input, photoFileId: photoFileId ?? null }).returning({ id: portalExecutives.id })
    await audit(tx, ctx, 'portal.executive.create', 'portal_executive', e!.id, { name: input.name })
    return e!.id
  })
  invalidatePublicCache(orgId)
  return id
}

export async function deleteExecutive(ctx: UseCaseCtx, id: string): Promise<void> {
  assertCan(ctx.actor, 'portal.edit')
  if (!UUID.test(id)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [e] = await tx.delete(portalExecutives).where(eq(portalExecutives.id, id)).returning()
    if (!e) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'portal.executive.delete', 'portal_executive', id, { name: e.name })
  })
  invalidatePublicCache(ctx.orgId!)
}

/** A visitor's question: stored as pending until staff answer and publish it. */
export async function askQuestion(ctx: UseCaseCtx, input: { askerName: string; question: string }): Promise<string> {
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    const [q] = await tx.insert(portalQuestions).values({ orgId, ...input }).returning({ id: portalQuestions.id })
    await appendAudit(tx, { orgId, actorLabel: 'public', action: 'portal.question.ask', entityType: 'portal_question', entityId: q!.id, requestId: ctx.requestId })
    return q!.id
  })
}

export async function listAllQuestions(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'portal.moderate')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalQuestions).orderBy(desc(portalQuestions.createdAt)).limit(500))
}

export async function moderateQuestion(ctx: UseCaseCtx, id: string, input: { answerMd: string | null; status: 'pending' | 'published' | 'hidden' }): Promise<void> {
  assertCan(ctx.actor, 'portal.moderate')
  const actor = ctx.actor
  if (!UUID.test(id)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [q] = await tx
      .update(portalQuestions)
      .set({ answerMd: input.answerMd, status: input.status, answeredBy: input.answerMd ? actor.userId : null, answeredAt: input.answerMd ? new Date() : null })
      .where(eq(portalQuestions.id, id))
      .returning({ id: portalQuestions.id })
    if (!q) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'portal.question.moderate', 'portal_question', id, { status: input.status })
  })
  invalidatePublicCache(ctx.orgId!)
}

export function parseSocialLinks(text: string): SocialLink[] | null {
  const out: SocialLink[] = []
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.{1,80}?)\s*\|\s*(https?:\/\/\S{3,500})$/.exec(line)
    if (!m) return null
    out.push({ label: m[1]!, url: m[2]! })
  }
  return out
}

/** Search columns for rows written outside the use cases (demo loader). */
export function searchValuesFor(...parts: string[]) {
  return searchColumns(...parts)
}
