import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { answers, questions, sessionQuestions, type Question } from './trainings.schema.js'
import { CHOICES } from './rules.js'
import { audit, both, conflict, likePattern, notFound } from './shared.js'

// The question bank: multiple choice, one correct choice, reusable across sessions. A question in a
// test that has answers is never changed (the scores would no longer match); one in any test is never deleted.

export const QUESTION_PAGE = 50
export type QuestionInput = { subject: string; text: string; choices: string[]; correct: number }
export type QuestionFilter = { q?: string | undefined; page: number }
export type QuestionRow = Question & { uses: number }

function check(input: QuestionInput): void {
  if (input.choices.length < CHOICES.min || input.choices.length > CHOICES.max) throw new InputError({ choices: both('v.choices', { min: CHOICES.min, max: CHOICES.max }) })
  if (input.choices.some((c) => c.length > 500)) throw new InputError({ choices: both('v.choiceLong') })
  if (new Set(input.choices).size !== input.choices.length) throw new InputError({ choices: both('v.choicesSame') })
  if (input.correct < 0 || input.correct >= input.choices.length) throw new InputError({ correct: both('v.correct', { count: input.choices.length }) })
}

export async function listQuestions(ctx: OrgUseCaseCtx, f: QuestionFilter): Promise<{ rows: QuestionRow[]; total: number; page: number; pages: number }> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(or(ilike(questions.text, likePattern(f.q)), ilike(questions.subject, likePattern(f.q)))!)
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(questions).where(cond)
    const pages = Math.max(1, Math.ceil(n / QUESTION_PAGE))
    const page = Math.min(f.page, pages)
    const rows = await tx
      .select({ q: questions, uses: sql<number>`(SELECT count(*)::int FROM trainings_session_questions x WHERE x.question_id = trainings_questions.id)` })
      .from(questions)
      .where(cond)
      .orderBy(questions.subject, questions.createdAt, questions.id)
      .limit(QUESTION_PAGE)
      .offset((page - 1) * QUESTION_PAGE)
    return { rows: rows.map((r) => ({ ...r.q, uses: r.uses })), total: n, page, pages }
  })
}

export async function getQuestion(ctx: OrgUseCaseCtx, id: string): Promise<Question> {
  assertCan(ctx.actor, 'trainings.edit')
  if (!isUuid(id)) throw notFound()
  const [q] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(questions).where(eq(questions.id, id)))
  if (!q) throw notFound()
  return q
}

export async function createQuestion(ctx: OrgUseCaseCtx, input: QuestionInput): Promise<Question> {
  assertCan(ctx.actor, 'trainings.edit')
  check(input)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [q] = await tx.insert(questions).values({ orgId: ctx.orgId, ...input }).returning()
    await audit(tx, ctx, 'question.create', 'training_question', q!.id, { text: q!.text, choices: q!.choices.length })
    return q!
  })
}

async function answered(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(answers)
    .innerJoin(sessionQuestions, and(eq(sessionQuestions.sessionId, answers.sessionId), eq(sessionQuestions.orgId, answers.orgId)))
    .where(eq(sessionQuestions.questionId, id))
  return (row?.n ?? 0) > 0
}

export async function updateQuestion(ctx: OrgUseCaseCtx, id: string, input: QuestionInput): Promise<Question> {
  assertCan(ctx.actor, 'trainings.edit')
  check(input)
  if (!isUuid(id)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [before] = await tx.select().from(questions).where(eq(questions.id, id)).for('update')
    if (!before) throw notFound()
    const changesScoring = before.text !== input.text || before.correct !== input.correct || before.choices.join('\n') !== input.choices.join('\n')
    if (changesScoring && (await answered(tx, id))) throw conflict('question.answered')
    const [q] = await tx.update(questions).set({ ...input, updatedAt: sql`now()` }).where(eq(questions.id, id)).returning()
    await audit(tx, ctx, 'question.update', 'training_question', id, { from: { text: before.text, choices: before.choices, correct: before.correct }, to: input })
    return q!
  })
}

export async function deleteQuestion(ctx: OrgUseCaseCtx, id: string): Promise<Question> {
  assertCan(ctx.actor, 'trainings.edit')
  if (!isUuid(id)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [q] = await tx.select().from(questions).where(eq(questions.id, id)).for('update')
    if (!q) throw notFound()
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(sessionQuestions).where(eq(sessionQuestions.questionId, id))
    if (n > 0) throw conflict('question.inUse', { count: n })
    await tx.delete(questions).where(eq(questions.id, id))
    await audit(tx, ctx, 'question.delete', 'training_question', id, { text: q.text })
    return q
  })
}
