import { and, asc, eq } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import { commitBatched } from '../../platform/batch/group-commit.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { FormValues } from '../../platform/http/body.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { localized, type Lang } from '../../platform/i18n/i18n.js'
import { randomToken, tokenHash, TOKEN_SHAPE } from '../../platform/crypto/tokens.js'
import { fromThaiDigits, todayInBangkok, toIsoDate } from '../../platform/thai/index.js'
import { surveyLinkBatches, surveyLinks, surveyPoints, surveyQuestions, surveyResponses, surveys, type Answers, type LinkBatch, type Question, type ServicePoint, type Survey } from './surveys.schema.js'
import { surveysT } from './surveys.i18n.js'

// Answering, anonymous by design (README "Anonymity"): the response row holds the survey, the
// service point, the day, how it came (web or paper) and the answers — nothing else. A single-use
// link is spent by deleting its row in a transaction of its own, committed before the response is
// written in another, and nothing in either refers to the other. Respondents are not audited.

export type AnswerTarget = { s: Survey; questions: Question[]; point: ServicePoint | null }
export type AnswerState = { ok: true; target: AnswerTarget } | { ok: false; reason: 'closed' }

const today = () => toIsoDate(todayInBangkok())

/** Whether a survey takes answers today (open, and not past its closing day, Bangkok time). */
export const takesAnswers = (s: Survey, on = today()) => s.status === 'open' && (!s.closesOn || s.closesOn >= on)

/** The survey as a respondent sees it; null when it does not exist (or the point is not its own). */
export async function answerTarget(db: Db, orgId: string, surveyId: string, pointId?: string | undefined): Promise<AnswerState | null> {
  if (!isUuid(surveyId) || (pointId && !isUuid(pointId))) return null
  return inOrg(db, orgId, async (tx) => {
    const [s] = await tx.select().from(surveys).where(eq(surveys.id, surveyId))
    if (!s || s.status === 'draft') return null
    const [point] = pointId ? await tx.select().from(surveyPoints).where(and(eq(surveyPoints.id, pointId), eq(surveyPoints.surveyId, s.id))) : []
    if (pointId && !point) return null
    if (!takesAnswers(s)) return { ok: false, reason: 'closed' }
    const questions = await tx.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, s.id)).orderBy(asc(surveyQuestions.position))
    return { ok: true, target: { s, questions, point: point ?? null } }
  })
}

const SHORT_MAX = 300
const LONG_MAX = 3000
export const fieldOf = (q: Pick<Question, 'id'>) => `q-${q.id}`

/** Reads the answer sheet from the form: every error at once, keyed by question field, in the respondent's language. Pure. */
export function readAnswers(questions: Question[], values: FormValues, lang: Lang): { ok: true; answers: Answers } | { ok: false; errors: Record<string, string> } {
  const answers: Answers = {}
  const errors: Record<string, string> = {}
  const one = (v: string | string[] | undefined) => fromThaiDigits((Array.isArray(v) ? v[0] : v) ?? '').trim()
  for (const q of questions) {
    const name = fieldOf(q)
    const raw = values[name]
    if (q.kind === 'likert' || q.kind === 'single') {
      const v = one(raw)
      const n = Number(v)
      const ok = q.kind === 'likert' ? /^[1-5]$/.test(v) : /^\d{1,3}$/.test(v) && n < q.choices.length
      if (v === '') {
        if (q.required) errors[name] = surveysT(lang, 'answer.required', { q: q.position })
      } else if (!ok) errors[name] = surveysT(lang, 'answer.choice', { q: q.position })
      else answers[q.id] = n
    } else if (q.kind === 'multi') {
      const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((x) => fromThaiDigits(x).trim()).filter(Boolean)
      const idx = [...new Set(list.map(Number))].sort((a, b) => a - b)
      if (!list.length) {
        if (q.required) errors[name] = surveysT(lang, 'answer.required', { q: q.position })
      } else if (list.some((x) => !/^\d{1,3}$/.test(x)) || idx.some((i) => i >= q.choices.length)) errors[name] = surveysT(lang, 'answer.choice', { q: q.position })
      else answers[q.id] = idx
    } else {
      const v = (Array.isArray(raw) ? raw[0] : raw)?.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ').trim() ?? ''
      const maxLen = q.kind === 'short' ? SHORT_MAX : LONG_MAX
      if (!v) {
        if (q.required) errors[name] = surveysT(lang, 'answer.required', { q: q.position })
      } else if (v.length > maxLen) errors[name] = surveysT(lang, 'answer.tooLong', { q: q.position, max: maxLen.toLocaleString('en-US'), count: v.length.toLocaleString('en-US') })
      else answers[q.id] = v
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers }
}

/** Whether a single-use link can still be used (read only: opening the page spends nothing). */
export async function linkUsable(db: Db, orgId: string, surveyId: string, token: string): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token) || !isUuid(surveyId)) return false
  const rows = await inOrg(db, orgId, (tx) => tx.select({ s: surveyLinks.surveyId }).from(surveyLinks).where(and(eq(surveyLinks.tokenHash, tokenHash(token)), eq(surveyLinks.surveyId, surveyId))))
  return rows.length === 1
}

/** Spends a link: its row is deleted in this transaction, committed on its own (nothing is kept of when or by what). */
export async function spendLink(db: Db, orgId: string, surveyId: string, token: string): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token) || !isUuid(surveyId)) return false
  const rows = await inOrg(db, orgId, (tx) => tx.delete(surveyLinks).where(and(eq(surveyLinks.tokenHash, tokenHash(token)), eq(surveyLinks.surveyId, surveyId))).returning({ s: surveyLinks.surveyId }))
  return rows.length === 1
}

/**
 * Writes one answer sheet, dated by the day only. Sheets arriving together are group-committed:
 * one transaction and one multi-row INSERT for the batch (so they share one xmin as well), each
 * respondent answered only once it has committed.
 */
export async function recordResponse(db: Db, orgId: string, r: { surveyId: string; pointId: string | null; answers: Answers }): Promise<void> {
  await commitBatched(
    db,
    orgId,
    async (tx, batch) => {
      // Read again inside the transaction (once per survey and batch): a survey closed a moment ago
      // takes nothing more. A plain read, never a row lock: a lock would write this transaction's
      // id into the survey's xmax.
      const key = `survey:${r.surveyId}`
      let open = batch.memo.get(key) as Promise<boolean> | undefined
      if (!open) batch.memo.set(key, (open = tx.select({ status: surveys.status, closesOn: surveys.closesOn }).from(surveys).where(eq(surveys.id, r.surveyId)).then(([s]) => !!s && takesAnswers(s as Survey))))
      if (!(await open)) throw new AppError('conflict', 409, localized(surveysT, 'answer.closed'))
      let rows = batch.memo.get('rows') as (typeof surveyResponses.$inferInsert)[] | undefined
      if (!rows) {
        const all: (typeof surveyResponses.$inferInsert)[] = []
        batch.memo.set('rows', (rows = all))
        batch.onFlush('rows', async () => void (await tx.insert(surveyResponses).values(all)))
      }
      rows.push({ orgId, surveyId: r.surveyId, pointId: r.pointId, answeredOn: today(), via: 'web', answers: r.answers })
    },
    'surveys',
  )
}

/** Paper answer sheets keyed in by staff, marked as paper; the staff action is audited (the answers are not copied into the audit). */
export async function recordPaperResponse(ctx: OrgUseCaseCtx, surveyId: string, r: { pointId: string | null; answers: Answers; answeredOn: string }): Promise<void> {
  assertCan(ctx.actor, 'surveys.edit')
  if (!isUuid(surveyId) || (r.pointId && !isUuid(r.pointId))) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [s] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for('share')
    if (!s) throw new AppError('not_found', 404)
    if (s.status === 'draft') throw new AppError('conflict', 409, localized(surveysT, 'refuse.notOpen'))
    if (r.answeredOn > today()) throw new InputError({ answeredOn: localized(surveysT, 'v.future') })
    if (r.pointId && !(await tx.select({ id: surveyPoints.id }).from(surveyPoints).where(and(eq(surveyPoints.id, r.pointId), eq(surveyPoints.surveyId, s.id)))).length) throw new InputError({ pointId: localized(surveysT, 'v.point') })
    await tx.insert(surveyResponses).values({ orgId: ctx.orgId, surveyId, pointId: r.pointId, answeredOn: r.answeredOn, via: 'paper', answers: r.answers })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor!.userId, actorLabel: ctx.actor!.email, action: 'surveys.paper', entityType: 'survey', entityId: surveyId, requestId: ctx.requestId, details: { pointId: r.pointId, answeredOn: r.answeredOn } })
  })
}

export const MAX_BATCH = 2000

/** A batch of single-use links (for a staff survey): the tokens are returned once, only their hashes kept. */
export async function issueLinks(ctx: OrgUseCaseCtx, surveyId: string, label: string, n: number): Promise<{ batch: LinkBatch; tokens: string[] }> {
  assertCan(ctx.actor, 'surveys.edit')
  if (!isUuid(surveyId)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [s] = await tx.select().from(surveys).where(eq(surveys.id, surveyId)).for('update')
    if (!s) throw new AppError('not_found', 404)
    if (s.access !== 'link') throw new AppError('conflict', 409, localized(surveysT, 'refuse.notLinks'))
    const [batch] = await tx.insert(surveyLinkBatches).values({ orgId: ctx.orgId, surveyId, label, issued: n, createdBy: ctx.actor!.userId }).returning()
    const tokens = Array.from({ length: n }, () => randomToken(32))
    // Shuffled rows, no order column: which link went to whom is only on the printed slips.
    for (let i = 0; i < tokens.length; i += 500) await tx.insert(surveyLinks).values(tokens.slice(i, i + 500).map((t) => ({ orgId: ctx.orgId, tokenHash: tokenHash(t), surveyId, batchId: batch!.id })))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor!.userId, actorLabel: ctx.actor!.email, action: 'surveys.links', entityType: 'survey', entityId: surveyId, requestId: ctx.requestId, details: { batchId: batch!.id, label, count: n } })
    return { batch: batch!, tokens }
  })
}

/** Per batch: issued, and how many links remain unused (not which). */
export async function linkBatches(ctx: OrgUseCaseCtx, surveyId: string): Promise<(LinkBatch & { unused: number })[]> {
  assertCan(ctx.actor, 'surveys.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const batches = await tx.select().from(surveyLinkBatches).where(eq(surveyLinkBatches.surveyId, surveyId)).orderBy(asc(surveyLinkBatches.createdAt))
    const left = await tx.select({ b: surveyLinks.batchId }).from(surveyLinks).where(eq(surveyLinks.surveyId, surveyId))
    return batches.map((b) => ({ ...b, unused: left.filter((l) => l.b === b.id).length }))
  })
}
