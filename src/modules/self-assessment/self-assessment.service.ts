import { and, desc, eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { localized } from '../../platform/i18n/i18n.js'
import { SMALL_COUNT } from '../../platform/stats/suppress.js'
import { bankQuestions, predictIndicators, questionKey, weakestItems, type BankSheet, type IndicatorPrediction, type ItemPrediction } from '../../domain/ita/self-assessment.js'
import { assessmentView, currentFramework, frameworkAt, type Framework, type ScoreMap } from '../assessment/index.js'
import { answerSheets, createBankSurvey, getSurvey } from '../surveys/index.js'
import { roundQuestions, rounds, type Round, type Tool } from './self-assessment.schema.js'
import { selfAssessmentT } from './self-assessment.i18n.js'

// A self-assessment round: the year's IIT (or EIT) bank asked through a survey of the surveys
// module — single-use links for staff (IIT), QR and links for service users (EIT) — and the
// predicted indicator scores computed from the answers with the year's scoring data
// (domain/ita/self-assessment.ts), beside last year's NACC scores. Estimates, clearly marked.

export type RoundInput = { fiscalYear: number; tool: Tool; target: number }
export type RoundRow = Round & { responses: number }
export type RoundView = {
  round: Round
  fw: Framework
  responses: number
  /** Fewer answer sheets than the platform's minimum group: nothing but the count is shown. */
  suppressed: boolean
  predictions: IndicatorPrediction[]
  weakest: ItemPrediction[]
  /** Last year's NACC scores per indicator (entered in the assessment module), if any. */
  previous: { fiscalYear: number; scores: ScoreMap } | null
}

const audit = (tx: Parameters<typeof appendAudit>[0], ctx: OrgUseCaseCtx, action: string, entityId: string, details: Record<string, unknown>) =>
  appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor!.userId, actorLabel: ctx.actor!.email, action: `self-assessment.${action}`, entityType: 'self_assessment_round', entityId, requestId: ctx.requestId, details })

export async function listRounds(ctx: OrgUseCaseCtx): Promise<RoundRow[]> {
  assertCan(ctx.actor, 'self-assessment.read')
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(rounds).orderBy(desc(rounds.fiscalYear), rounds.tool))
  return Promise.all(rows.map(async (r) => ({ ...r, responses: (await getSurvey(ctx, r.surveyId)).responses })))
}

/** Opens a round: the bank of the year's current framework becomes an open survey, atomically with the round. */
export async function createRound(ctx: OrgUseCaseCtx, input: RoundInput): Promise<Round> {
  assertCan(ctx.actor, 'self-assessment.edit')
  const vf = await currentFramework(ctx.db, input.fiscalYear)
  if (!vf) throw new InputError({ fiscalYear: localized(selfAssessmentT, 'v.noFramework') })
  const fw = vf.framework
  const asked = bankQuestions(fw, input.tool)
  if (!asked.length) throw new InputError({ tool: localized(selfAssessmentT, input.tool === 'eit' ? 'v.noEitBank' : 'v.noBank') })
  const existing = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.fiscalYear, input.fiscalYear), eq(rounds.tool, input.tool))))
  if (existing.length) throw new InputError({ tool: localized(selfAssessmentT, 'v.duplicate') }, 409)
  const tool = input.tool.toUpperCase()
  let made: Round | undefined
  await createBankSurvey(
    ctx,
    { title: selfAssessmentT('th', 'survey.title', { tool, year: input.fiscalYear }), intro: selfAssessmentT('th', 'survey.intro', { tool }), fiscalYear: input.fiscalYear, unitId: null, access: input.tool === 'iit' ? 'link' : 'open', closesOn: null },
    asked.map((q) => ({
      section: `${q.item.code.toUpperCase()} (ตัวชี้วัดที่ ${q.item.indicator})`,
      kind: 'single' as const,
      textTh: (q.sub === null ? q.item.textTh : `${q.item.textTh} — ${q.item.subItems[q.sub]!.textTh}`).slice(0, 500),
      textEn: '',
      choices: (fw.answerScales?.[q.item.answerScale]?.labelsTh ?? []).map((th) => ({ th, en: '' })),
      required: true,
    })),
    async (tx, survey) => {
      const [r] = await tx.insert(rounds).values({ orgId: ctx.orgId, fiscalYear: input.fiscalYear, tool: input.tool, surveyId: survey.survey.id, frameworkVersion: vf.version, target: input.target, createdBy: ctx.actor!.userId }).returning()
      await tx.insert(roundQuestions).values(asked.map((q, i) => ({ orgId: ctx.orgId, roundId: r!.id, questionId: survey.questionIds[i]!, itemCode: q.code, subIndex: q.sub })))
      await audit(tx, ctx, 'create', r!.id, { fiscalYear: input.fiscalYear, tool: input.tool, target: input.target, surveyId: survey.survey.id, questions: asked.length })
      made = r
    },
  )
  return made!
}

/** The round with its predictions (suppressed under the minimum group), the weakest items and last year's scores. */
export async function roundView(ctx: OrgUseCaseCtx, id: string): Promise<RoundView> {
  assertCan(ctx.actor, 'self-assessment.read')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const { round, map } = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [r] = await tx.select().from(rounds).where(eq(rounds.id, id))
    if (!r) throw new AppError('not_found', 404)
    return { round: r, map: await tx.select().from(roundQuestions).where(eq(roundQuestions.roundId, id)) }
  })
  const vf = await frameworkAt(ctx.db, round.fiscalYear, round.frameworkVersion)
  if (!vf) throw new AppError('not_found', 404)
  const keyOf = new Map(map.map((m) => [m.questionId, questionKey({ code: m.itemCode, sub: m.subIndex })]))
  const sheets: BankSheet[] = (await answerSheets(ctx, round.surveyId)).map((a) => Object.fromEntries(Object.entries(a).flatMap(([q, v]) => (keyOf.has(q) && typeof v === 'number' ? [[keyOf.get(q)!, v]] : [])))) as BankSheet[]
  const suppressed = sheets.length < SMALL_COUNT
  const predictions = suppressed ? [] : predictIndicators(vf.framework, round.tool, sheets)
  let previous: RoundView['previous'] = null
  try {
    const v = await assessmentView(ctx.db, ctx.orgId, round.fiscalYear - 1)
    if (Object.keys(v.scores).length) previous = { fiscalYear: round.fiscalYear - 1, scores: v.scores }
  } catch (e) {
    // No framework for last year: no comparison (never a 500).
    if (!(e instanceof AppError && e.status === 404)) throw e
  }
  return { round, fw: vf.framework, responses: sheets.length, suppressed, predictions, weakest: weakestItems(predictions), previous }
}
