import { desc, eq } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError } from '../../platform/http/errors.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { isUuid } from '../../platform/http/params.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { portalQuestions, type PortalQuestion, type QuestionStatus } from './portal.schema.js'
import { audit } from './audit.js'

// The Q&A board: visitors ask, staff answer and publish (or hide) each question.

export async function listPublishedQuestions(db: Db, orgId: string, limit = 100): Promise<PortalQuestion[]> {
  return inOrg(db, orgId, (tx) => tx.select().from(portalQuestions).where(eq(portalQuestions.status, 'published')).orderBy(desc(portalQuestions.createdAt)).limit(limit))
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

export async function listAllQuestions(ctx: UseCaseCtx): Promise<PortalQuestion[]> {
  assertCan(ctx.actor, 'portal.moderate')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalQuestions).orderBy(desc(portalQuestions.createdAt)).limit(500))
}

export async function moderateQuestion(ctx: UseCaseCtx, id: string, input: { answerMd: string | null; status: QuestionStatus }): Promise<void> {
  assertCan(ctx.actor, 'portal.moderate')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
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
