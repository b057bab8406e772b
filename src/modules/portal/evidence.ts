import { eq, sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import { portalDocuments, portalExecutives, portalPosts, portalProfiles, portalQuestions } from './portal.schema.js'
import { filesOfPosts, livePost } from './posts.js'
import { liveDoc } from './documents.js'

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
