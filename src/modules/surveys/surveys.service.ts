import { and, asc, count, desc, eq, ilike, max, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { localized } from '../../platform/i18n/i18n.js'
import { surveyPoints, surveyQuestions, surveyResponses, surveys, type Choice, type Question, type QuestionKind, type ServicePoint, type Survey, type SurveyAccess, type SurveyStatus } from './surveys.schema.js'
import { surveysT } from './surveys.i18n.js'
import { templateOf } from './templates.js'

// Surveys as staff build and run them: a draft is built (questions, service points), opened to
// answers, closed. Questions are fixed once answers may exist (from opening on), so results never
// mix two wordings. Every staff action is audited; respondents are not (answering.ts).

export const PAGE_SIZE = 20

export type SurveyInput = { title: string; intro: string; fiscalYear: number; unitId: string | null; access: SurveyAccess; closesOn: string | null }
export type SurveyFilter = { q?: string | undefined; fiscalYear?: number | undefined; status?: SurveyStatus | undefined; unitId?: string | undefined; page: number }
export type SurveyRow = Survey & { responses: number }
export type SurveyPage = { rows: SurveyRow[]; total: number; page: number; pages: number; years: number[] }
export type SurveyDetail = { s: Survey; questions: Question[]; points: ServicePoint[]; responses: number; pointCounts: { pointId: string | null; n: number }[] }
export type QuestionInput = { section: string; kind: QuestionKind; textTh: string; textEn: string; choices: Choice[]; required: boolean }

export const refuse = (key: 'refuse.notDraft' | 'refuse.notOpen' | 'refuse.noQuestions' | 'refuse.hasAnswers' | 'refuse.openDelete') => new AppError('conflict', 409, localized(surveysT, key))
const duplicate = () => new InputError({ title: localized(surveysT, 'v.duplicate') }, 409)
const isUniqueViolation = (e: unknown) => (e as { cause?: { code?: string } }).cause?.code === '23505'
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

const audit = (tx: Tx, ctx: OrgUseCaseCtx, action: string, entityId: string, details: Record<string, unknown>) =>
  appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor!.userId, actorLabel: ctx.actor!.email, action: `surveys.${action}`, entityType: 'survey', entityId, requestId: ctx.requestId, details })

export async function listSurveys(ctx: OrgUseCaseCtx, f: SurveyFilter): Promise<SurveyPage> {
  assertCan(ctx.actor, 'surveys.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(ilike(surveys.title, likePattern(f.q)))
    if (f.fiscalYear) where.push(eq(surveys.fiscalYear, f.fiscalYear))
    if (f.status) where.push(eq(surveys.status, f.status))
    if (f.unitId && isUuid(f.unitId)) where.push(eq(surveys.unitId, f.unitId))
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(surveys).where(cond)
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const responses = sql<number>`(SELECT count(*)::int FROM surveys_responses r WHERE r.survey_id = ${surveys.id})`
    const rows = await tx
      .select({ s: surveys, responses })
      .from(surveys)
      .where(cond)
      .orderBy(desc(surveys.fiscalYear), desc(surveys.updatedAt), surveys.id)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
    const years = (await tx.selectDistinct({ y: surveys.fiscalYear }).from(surveys).orderBy(desc(surveys.fiscalYear))).map((r) => r.y)
    return { rows: rows.map((r) => ({ ...r.s, responses: r.responses })), total: n, page, pages, years }
  })
}

export async function detailIn(tx: Tx, s: Survey): Promise<SurveyDetail> {
  const questions = await tx.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, s.id)).orderBy(asc(surveyQuestions.position))
  const points = await tx.select().from(surveyPoints).where(eq(surveyPoints.surveyId, s.id)).orderBy(asc(surveyPoints.position), asc(surveyPoints.name))
  const pointCounts = await tx.select({ pointId: surveyResponses.pointId, n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, s.id)).groupBy(surveyResponses.pointId)
  return { s, questions, points, responses: pointCounts.reduce((a, b) => a + b.n, 0), pointCounts }
}

export async function getSurvey(ctx: OrgUseCaseCtx, id: string): Promise<SurveyDetail> {
  assertCan(ctx.actor, 'surveys.read')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [s] = await tx.select().from(surveys).where(eq(surveys.id, id))
    if (!s) throw new AppError('not_found', 404)
    return detailIn(tx, s)
  })
}

async function lockSurvey(tx: Tx, id: string): Promise<Survey> {
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [s] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update')
  if (!s) throw new AppError('not_found', 404)
  return s
}

async function insertQuestions(tx: Tx, orgId: string, surveyId: string, qs: QuestionInput[], from = 1): Promise<void> {
  if (qs.length) await tx.insert(surveyQuestions).values(qs.map((q, i) => ({ orgId, surveyId, position: from + i, ...q })))
}

/** A new draft, empty or from a template (its questions copied in, wording editable). */
export async function createSurvey(ctx: OrgUseCaseCtx, input: SurveyInput, template = 'blank'): Promise<Survey> {
  assertCan(ctx.actor, 'surveys.edit')
  const t = templateOf(template)
  try {
    return await inOrg(ctx.db, ctx.orgId, async (tx) => {
      const [s] = await tx.insert(surveys).values({ orgId: ctx.orgId, ...input, intro: input.intro || t?.intro.th || '', createdBy: ctx.actor!.userId }).returning()
      if (t) await insertQuestions(tx, ctx.orgId, s!.id, t.questions.map((q) => ({ section: q.section, kind: q.kind, textTh: q.th, textEn: q.en, choices: q.choices ?? [], required: q.required ?? true })))
      await audit(tx, ctx, 'create', s!.id, { title: input.title, fiscalYear: input.fiscalYear, access: input.access, template })
      return s!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate()
    throw e
  }
}

export async function updateSurvey(ctx: OrgUseCaseCtx, id: string, input: SurveyInput): Promise<Survey> {
  assertCan(ctx.actor, 'surveys.edit')
  try {
    return await inOrg(ctx.db, ctx.orgId, async (tx) => {
      const before = await lockSurvey(tx, id)
      // Who may answer, and in which year it counts, are fixed once answers may exist.
      if (before.status !== 'draft' && (before.access !== input.access || before.fiscalYear !== input.fiscalYear)) throw refuse('refuse.hasAnswers')
      const [s] = await tx.update(surveys).set({ ...input, updatedAt: sql`now()` }).where(eq(surveys.id, id)).returning()
      const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof SurveyInput] !== v).map(([k, v]) => [k, { from: before[k as keyof SurveyInput], to: v }]))
      await audit(tx, ctx, 'update', id, { changed })
      return s!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate()
    throw e
  }
}

/** Opens a draft (it needs a question) or reopens a closed survey. */
export async function openSurvey(ctx: OrgUseCaseCtx, id: string): Promise<Survey> {
  assertCan(ctx.actor, 'surveys.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSurvey(tx, id)
    if (s.status === 'open') throw refuse('refuse.notDraft')
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(surveyQuestions).where(eq(surveyQuestions.surveyId, id))
    if (n === 0) throw refuse('refuse.noQuestions')
    const [row] = await tx.update(surveys).set({ status: 'open', updatedAt: sql`now()` }).where(eq(surveys.id, id)).returning()
    await audit(tx, ctx, 'open', id, { from: s.status })
    return row!
  })
}

export async function closeSurvey(ctx: OrgUseCaseCtx, id: string): Promise<Survey> {
  assertCan(ctx.actor, 'surveys.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSurvey(tx, id)
    if (s.status !== 'open') throw refuse('refuse.notOpen')
    const [row] = await tx.update(surveys).set({ status: 'closed', updatedAt: sql`now()` }).where(eq(surveys.id, id)).returning()
    await audit(tx, ctx, 'close', id, {})
    return row!
  })
}

/** Deletes a draft whole; a survey that has been open is closed instead (its results may be cited). */
export async function deleteSurvey(ctx: OrgUseCaseCtx, id: string): Promise<Survey> {
  assertCan(ctx.actor, 'surveys.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSurvey(tx, id)
    if (s.status !== 'draft') throw refuse('refuse.openDelete')
    await tx.delete(surveys).where(eq(surveys.id, id))
    await audit(tx, ctx, 'delete', id, { title: s.title, fiscalYear: s.fiscalYear })
    return s
  })
}

/** Last year's survey as next year's draft in one action: wording, questions and service points, no answers. */
export async function copySurvey(ctx: OrgUseCaseCtx, id: string): Promise<Survey> {
  assertCan(ctx.actor, 'surveys.edit')
  try {
    return await inOrg(ctx.db, ctx.orgId, async (tx) => {
      const from = await detailIn(tx, await lockSurvey(tx, id))
      const [s] = await tx
        .insert(surveys)
        .values({ orgId: ctx.orgId, title: from.s.title, intro: from.s.intro, fiscalYear: from.s.fiscalYear + 1, unitId: from.s.unitId, access: from.s.access, closesOn: null, createdBy: ctx.actor!.userId })
        .returning()
      await insertQuestions(tx, ctx.orgId, s!.id, from.questions.map((q) => ({ section: q.section, kind: q.kind, textTh: q.textTh, textEn: q.textEn, choices: q.choices, required: q.required })))
      if (from.points.length) await tx.insert(surveyPoints).values(from.points.map((p) => ({ orgId: ctx.orgId, surveyId: s!.id, name: p.name, position: p.position })))
      await audit(tx, ctx, 'copy', s!.id, { from: id, fiscalYear: s!.fiscalYear })
      return s!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', 409, localized(surveysT, 'refuse.copyExists'))
    throw e
  }
}

async function draftFor(tx: Tx, id: string): Promise<Survey> {
  const s = await lockSurvey(tx, id)
  if (s.status !== 'draft') throw refuse('refuse.notDraft')
  return s
}

export async function addQuestion(ctx: OrgUseCaseCtx, surveyId: string, q: QuestionInput): Promise<Question> {
  assertCan(ctx.actor, 'surveys.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await draftFor(tx, surveyId)
    const [{ m } = { m: 0 }] = await tx.select({ m: max(surveyQuestions.position) }).from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId))
    const [row] = await tx.insert(surveyQuestions).values({ orgId: ctx.orgId, surveyId, position: (m ?? 0) + 1, ...q }).returning()
    await audit(tx, ctx, 'question.add', surveyId, { questionId: row!.id, kind: q.kind, text: q.textTh })
    return row!
  })
}

export async function updateQuestion(ctx: OrgUseCaseCtx, surveyId: string, questionId: string, q: QuestionInput): Promise<Question> {
  assertCan(ctx.actor, 'surveys.edit')
  if (!isUuid(questionId)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await draftFor(tx, surveyId)
    const [row] = await tx.update(surveyQuestions).set(q).where(and(eq(surveyQuestions.id, questionId), eq(surveyQuestions.surveyId, surveyId))).returning()
    if (!row) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'question.update', surveyId, { questionId, kind: q.kind, text: q.textTh })
    return row
  })
}

export async function deleteQuestion(ctx: OrgUseCaseCtx, surveyId: string, questionId: string): Promise<void> {
  assertCan(ctx.actor, 'surveys.edit')
  if (!isUuid(questionId)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    await draftFor(tx, surveyId)
    const [row] = await tx.delete(surveyQuestions).where(and(eq(surveyQuestions.id, questionId), eq(surveyQuestions.surveyId, surveyId))).returning()
    if (!row) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'question.delete', surveyId, { questionId, text: row.textTh })
  })
}

/** Moves a question one place up or down (drafts only). */
export async function moveQuestion(ctx: OrgUseCaseCtx, surveyId: string, questionId: string, dir: 'up' | 'down'): Promise<void> {
  assertCan(ctx.actor, 'surveys.edit')
  if (!isUuid(questionId)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    await draftFor(tx, surveyId)
    const qs = await tx.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position))
    const i = qs.findIndex((q) => q.id === questionId)
    if (i < 0) throw new AppError('not_found', 404)
    const j = dir === 'up' ? i - 1 : i + 1
    if (j < 0 || j >= qs.length) return
    await tx.update(surveyQuestions).set({ position: qs[j]!.position }).where(eq(surveyQuestions.id, qs[i]!.id))
    await tx.update(surveyQuestions).set({ position: qs[i]!.position }).where(eq(surveyQuestions.id, qs[j]!.id))
  })
}

/** A service point (counter) with its own QR code; may be added while open (a new counter). */
export async function addPoint(ctx: OrgUseCaseCtx, surveyId: string, name: string): Promise<ServicePoint> {
  assertCan(ctx.actor, 'surveys.edit')
  try {
    return await inOrg(ctx.db, ctx.orgId, async (tx) => {
      const s = await lockSurvey(tx, surveyId)
      const [{ m } = { m: 0 }] = await tx.select({ m: max(surveyPoints.position) }).from(surveyPoints).where(eq(surveyPoints.surveyId, s.id))
      const [row] = await tx.insert(surveyPoints).values({ orgId: ctx.orgId, surveyId, name, position: (m ?? 0) + 1 }).returning()
      await audit(tx, ctx, 'point.add', surveyId, { pointId: row!.id, name })
      return row!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw new InputError({ name: localized(surveysT, 'v.pointDuplicate') }, 409)
    throw e
  }
}

/** A point with answers is kept (its results stay); one without answers may be removed. */
export async function deletePoint(ctx: OrgUseCaseCtx, surveyId: string, pointId: string): Promise<void> {
  assertCan(ctx.actor, 'surveys.edit')
  if (!isUuid(pointId)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    await lockSurvey(tx, surveyId)
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.pointId, pointId))
    if (n > 0) throw refuse('refuse.hasAnswers')
    const [row] = await tx.delete(surveyPoints).where(and(eq(surveyPoints.id, pointId), eq(surveyPoints.surveyId, surveyId))).returning()
    if (!row) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'point.delete', surveyId, { pointId, name: row.name })
  })
}

/**
 * A survey built by another module from its own question bank (e.g. the IIT self-assessment): the
 * questions given, opened at once; `also` writes the caller's rows in the same transaction.
 * Returns the survey and its question ids in the order given.
 */
export async function createBankSurvey(ctx: OrgUseCaseCtx, input: SurveyInput, questions: QuestionInput[], also?: (tx: Tx, made: { survey: Survey; questionIds: string[] }) => Promise<void>): Promise<{ survey: Survey; questionIds: string[] }> {
  assertCan(ctx.actor, 'surveys.edit')
  if (!questions.length) throw refuse('refuse.noQuestions')
  try {
    return await inOrg(ctx.db, ctx.orgId, async (tx) => {
      const [s] = await tx.insert(surveys).values({ orgId: ctx.orgId, ...input, status: 'open', createdBy: ctx.actor!.userId }).returning()
      const rows = await tx
        .insert(surveyQuestions)
        .values(questions.map((q, i) => ({ orgId: ctx.orgId, surveyId: s!.id, position: i + 1, ...q })))
        .returning({ id: surveyQuestions.id, position: surveyQuestions.position })
      await audit(tx, ctx, 'create', s!.id, { title: input.title, fiscalYear: input.fiscalYear, access: input.access, template: 'bank', questions: questions.length })
      await audit(tx, ctx, 'open', s!.id, { from: 'draft' })
      const made = { survey: s!, questionIds: rows.sort((a, b) => a.position - b.position).map((r) => r.id) }
      // The caller's own rows in the same transaction: the survey and what it is for exist together or not at all.
      if (also) await also(tx, made)
      return made
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate()
    throw e
  }
}

/** Every answer sheet of a survey (answers only, in no particular order), for a module that scores them. */
export async function answerSheets(ctx: OrgUseCaseCtx, surveyId: string): Promise<Record<string, number | number[] | string>[]> {
  assertCan(ctx.actor, 'surveys.read')
  if (!isUuid(surveyId)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => (await tx.select({ a: surveyResponses.answers }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId))).map((r) => r.a))
}
