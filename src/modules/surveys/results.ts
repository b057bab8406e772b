import { eq, ne, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { SMALL_COUNT } from '../../platform/stats/suppress.js'
import { surveyResponses, surveys, type Answers, type Question, type ServicePoint, type Survey } from './surveys.schema.js'
import { detailIn } from './surveys.service.js'

// Results: counts, the mean and the distribution of each closed question, free-text answers for
// those allowed to read them. A group of fewer than SMALL_COUNT answer sheets shows its count only
// (the platform's suppression rule): with so few, an answer could point to a person.

export type ResultFilter = { pointId?: string | undefined; month?: string | undefined }
export type QuestionResult = { q: Question; answered: number; mean: number | null; dist: number[]; texts: string[] }
export type SurveyResults = {
  s: Survey
  points: ServicePoint[]
  total: number
  /** The filtered group is too small to show anything but its count. */
  suppressed: boolean
  byPoint: { pointId: string | null; n: number }[]
  byMonth: { month: string; n: number }[]
  questions: QuestionResult[]
  paper: number
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** One question's figures over answer sheets (pure; the numbers the report and the export print). */
export function questionResult(q: Question, sheets: Answers[], withTexts: boolean): QuestionResult {
  const values = sheets.map((a) => a[q.id]).filter((v) => v !== undefined)
  const size = q.kind === 'likert' ? 5 : q.kind === 'single' || q.kind === 'multi' ? q.choices.length : 0
  const dist = Array.from({ length: size }, () => 0)
  let sum = 0
  for (const v of values) {
    if (q.kind === 'likert' && typeof v === 'number') {
      dist[v - 1]!++
      sum += v
    } else if (q.kind === 'single' && typeof v === 'number' && v < size) dist[v]!++
    else if (q.kind === 'multi' && Array.isArray(v)) for (const i of v) if (i < size) dist[i]!++
  }
  const mean = q.kind === 'likert' && values.length ? Math.round((sum / values.length) * 100) / 100 : null
  const texts = withTexts && (q.kind === 'short' || q.kind === 'long') ? values.filter((v): v is string => typeof v === 'string') : []
  return { q, answered: values.length, mean, dist, texts }
}

async function load(tx: Tx, s: Survey, f: ResultFilter, withTexts: boolean): Promise<SurveyResults> {
  const d = await detailIn(tx, s)
  const all = await tx.select({ pointId: surveyResponses.pointId, answeredOn: surveyResponses.answeredOn, via: surveyResponses.via, answers: surveyResponses.answers }).from(surveyResponses).where(eq(surveyResponses.surveyId, s.id))
  const byPoint = [...d.points.map((p) => p.id), null].map((pointId) => ({ pointId, n: all.filter((r) => r.pointId === pointId).length })).filter((x) => x.pointId !== null || x.n > 0)
  const months = [...new Set(all.map((r) => r.answeredOn.slice(0, 7)))].sort()
  const byMonth = months.map((month) => ({ month, n: all.filter((r) => r.answeredOn.startsWith(month)).length }))
  const rows = all.filter((r) => (!f.pointId || r.pointId === f.pointId) && (!f.month || r.answeredOn.startsWith(f.month)))
  const suppressed = rows.length < SMALL_COUNT
  const sheets = suppressed ? [] : rows.map((r) => r.answers)
  return {
    s,
    points: d.points,
    total: rows.length,
    suppressed,
    byPoint,
    byMonth,
    questions: d.questions.map((q) => questionResult(q, sheets, withTexts)),
    paper: rows.filter((r) => r.via === 'paper').length,
  }
}

export function cleanFilter(f: ResultFilter): ResultFilter {
  return { pointId: f.pointId && isUuid(f.pointId) ? f.pointId : undefined, month: f.month && MONTH.test(f.month) ? f.month : undefined }
}

/** Staff results; free texts only with `surveys.comments`. */
export async function surveyResults(ctx: OrgUseCaseCtx, id: string, f: ResultFilter = {}): Promise<SurveyResults> {
  assertCan(ctx.actor, 'surveys.read')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const withTexts = !!ctx.actor?.permissions.has('surveys.comments')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [s] = await tx.select().from(surveys).where(eq(surveys.id, id))
    if (!s) throw new AppError('not_found', 404)
    return load(tx, s, cleanFilter(f), withTexts)
  })
}

/** Public results of a survey that has been opened (never free texts); null for a draft or none. */
export async function publicResults(db: Db, orgId: string, id: string, f: ResultFilter = {}): Promise<SurveyResults | null> {
  if (!isUuid(id)) return null
  return inOrg(db, orgId, async (tx) => {
    const [s] = await tx.select().from(surveys).where(eq(surveys.id, id))
    if (!s || s.status === 'draft') return null
    return load(tx, s, cleanFilter(f), false)
  })
}

/** Surveys an agency has opened, for its public list (newest year first). */
export async function publicSurveys(db: Db, orgId: string): Promise<(Survey & { responses: number })[]> {
  return inOrg(db, orgId, async (tx) => {
    const responses = sql<number>`(SELECT count(*)::int FROM surveys_responses r WHERE r.survey_id = ${surveys.id})`
    const rows = await tx.select({ s: surveys, responses }).from(surveys).where(ne(surveys.status, 'draft')).orderBy(sql`${surveys.fiscalYear} DESC`, surveys.title).limit(200)
    return rows.map((r) => ({ ...r.s, responses: r.responses }))
  })
}
