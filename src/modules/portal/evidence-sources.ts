import { and, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, Localized } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { files } from '../../platform/files/files.schema.js'
import { pt } from './portal.i18n.js'
import { portalDocuments, portalPostFiles, portalPosts, type PortalDocument, type PortalPost } from './portal.schema.js'

// Portal documents and news posts as evidence (platform contract, docs/decisions/0008): staff link
// them to measure activities, indicator plans and OIT items. A link counts for a fiscal year only
// when the record is published, tagged with that year, and has real content — a file of some size,
// a link, or a body of text — so a one-line placeholder never passes for evidence.

/** Below this a "document" is a placeholder, not a report (a one-page scanned PDF is far larger). */
export const MIN_FILE_BYTES = 5 * 1024
/** A news text shorter than this is a headline, not an account of the work. */
export const MIN_TEXT_CHARS = 100

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
const uuids = (ids: string[]) => ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
const reason = (key: Parameters<typeof pt>[1], params: Record<string, string | number> = {}): Localized => ({ th: pt('th', key, params), en: pt('en', key, params) })
const isLive = (status: string, at: Date) => status === 'published' && at.getTime() <= Date.now()

function docRecord(slug: string, d: PortalDocument): EvidenceRecord {
  return { id: d.id, title: d.title, date: d.publishedAt.toISOString().slice(0, 10), fiscalYear: d.fiscalYear, publicPath: isLive(d.status, d.publishedAt) ? `/o/${slug}/documents/${d.id}` : null, staffPath: `/o/${slug}/admin/portal/documents/${d.id}/edit` }
}
function postRecord(slug: string, p: PortalPost): EvidenceRecord {
  return { id: p.id, title: p.title, date: p.publishAt.toISOString().slice(0, 10), fiscalYear: p.fiscalYear, publicPath: isLive(p.status, p.publishAt) ? `/o/${slug}/news/${p.id}` : null, staffPath: `/o/${slug}/admin/portal/posts/${p.id}/edit` }
}

export const documentEvidence: EvidenceSourceDef = {
  type: 'portal.document',
  label: localized(pt, 'evidence.document'),
  search: async (ctx, q) => {
    const where: SQL[] = []
    if (q.text) where.push(or(ilike(portalDocuments.title, like(q.text)), ilike(portalDocuments.searchText, like(q.text)))!)
    if (q.fiscalYear) where.push(eq(portalDocuments.fiscalYear, q.fiscalYear))
    const [slug, rows] = await Promise.all([orgSlugOf(ctx.db, ctx.orgId), inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalDocuments).where(where.length ? and(...where) : undefined).orderBy(desc(portalDocuments.publishedAt)).limit(q.limit))])
    return rows.map((d) => docRecord(slug, d))
  },
  describe: async (ctx, ids) => {
    const ok = uuids(ids)
    if (!ok.length) return []
    const [slug, rows] = await Promise.all([orgSlugOf(ctx.db, ctx.orgId), inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalDocuments).where(inArray(portalDocuments.id, ok)))])
    return rows.map((d) => docRecord(slug, d))
  },
  check: async (ctx, ids, fiscalYear) => {
    const ok = uuids(ids)
    const rows = ok.length
      ? await inOrg(ctx.db, ctx.orgId, (tx) => tx.select({ d: portalDocuments, size: files.size }).from(portalDocuments).leftJoin(files, and(eq(files.orgId, portalDocuments.orgId), eq(files.id, portalDocuments.fileId))).where(inArray(portalDocuments.id, ok)))
      : []
    return new Map<string, EvidenceCheck>(
      rows.map(({ d, size }) => {
        if (!isLive(d.status, d.publishedAt)) return [d.id, { ok: false, reason: reason('evidence.notPublished') }]
        if (d.fiscalYear !== fiscalYear) return [d.id, { ok: false, reason: reason('evidence.otherYear', { year: d.fiscalYear }) }]
        if (d.url || (size ?? 0) >= MIN_FILE_BYTES || d.descriptionMd.trim().length >= MIN_TEXT_CHARS) return [d.id, { ok: true, reason: null }]
        return [d.id, { ok: false, reason: reason(size ? 'evidence.fileTooSmall' : 'evidence.empty', { kb: Math.round(MIN_FILE_BYTES / 1024) }) }]
      }),
    )
  },
}

export const postEvidence: EvidenceSourceDef = {
  type: 'portal.post',
  label: localized(pt, 'evidence.post'),
  search: async (ctx, q) => {
    const where: SQL[] = []
    if (q.text) where.push(or(ilike(portalPosts.title, like(q.text)), ilike(portalPosts.searchText, like(q.text)))!)
    if (q.fiscalYear) where.push(eq(portalPosts.fiscalYear, q.fiscalYear))
    const [slug, rows] = await Promise.all([orgSlugOf(ctx.db, ctx.orgId), inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalPosts).where(where.length ? and(...where) : undefined).orderBy(desc(portalPosts.publishAt)).limit(q.limit))])
    return rows.map((p) => postRecord(slug, p))
  },
  describe: async (ctx, ids) => {
    const ok = uuids(ids)
    if (!ok.length) return []
    const [slug, rows] = await Promise.all([orgSlugOf(ctx.db, ctx.orgId), inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalPosts).where(inArray(portalPosts.id, ok)))])
    return rows.map((p) => postRecord(slug, p))
  },
  check: async (ctx, ids, fiscalYear) => {
    const ok = uuids(ids)
    const [posts, attached] = ok.length
      ? await inOrg(ctx.db, ctx.orgId, async (tx) => [
          await tx.select().from(portalPosts).where(inArray(portalPosts.id, ok)),
          await tx.select({ postId: portalPostFiles.postId, size: files.size }).from(portalPostFiles).innerJoin(files, and(eq(files.orgId, portalPostFiles.orgId), eq(files.id, portalPostFiles.fileId))).where(inArray(portalPostFiles.postId, ok)),
        ] as const)
      : [[], []]
    const biggest = new Map<string, number>()
    for (const a of attached) biggest.set(a.postId, Math.max(biggest.get(a.postId) ?? 0, a.size))
    return new Map<string, EvidenceCheck>(
      posts.map((p) => {
        if (!isLive(p.status, p.publishAt)) return [p.id, { ok: false, reason: reason('evidence.notPublished') }]
        if (p.fiscalYear !== fiscalYear) return [p.id, { ok: false, reason: reason('evidence.otherYear', { year: p.fiscalYear }) }]
        if (p.bodyMd.trim().length >= MIN_TEXT_CHARS || (biggest.get(p.id) ?? 0) >= MIN_FILE_BYTES) return [p.id, { ok: true, reason: null }]
        return [p.id, { ok: false, reason: reason('evidence.postTooThin', { chars: MIN_TEXT_CHARS }) }]
      }),
    )
  },
}
