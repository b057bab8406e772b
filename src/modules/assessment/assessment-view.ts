import { eq } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { assess, indicatorsBelow, missingIndicators, oitIndicatorScores, yearOverYear, type AssessmentScore, type IndicatorBelow, type IndicatorChange } from '../../domain/ita/scoring.js'
import type { Framework } from '../../domain/ita/framework.schema.js'
import { assessments, indicatorPlans, indicatorScores, type Assessment } from './assessment.schema.js'
import { requireFramework, type VersionedFramework } from './frameworks.service.js'

// Reading a year: its scores with everything computed from them (the scores page, the year page,
// and the measures module's documents).

export type ScoreMap = Record<number, number>

export type AssessmentView = {
  fiscalYear: number
  framework: VersionedFramework
  assessment: Assessment | null
  scores: ScoreMap
  /** Computed with the year's scoring rules when every indicator has a score. */
  result: AssessmentScore | null
  missing: number[]
  below: IndicatorBelow[]
  /** Last year's scores, with its total and tool scores when complete (for the comparison). */
  previous: { fiscalYear: number; scores: ScoreMap; result: AssessmentScore | null } | null
  changes: IndicatorChange[]
  /** OIT items answered "no" (when answers were entered), the weakest items. */
  oitMissing: { code: string; titleTh: string | null }[]
}

async function loadScores(tx: Tx, year: number): Promise<{ assessment: Assessment | null; scores: ScoreMap }> {
  const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
  if (!a) return { assessment: null, scores: {} }
  const rows = await tx.select().from(indicatorScores).where(eq(indicatorScores.assessmentId, a.id))
  return { assessment: a, scores: Object.fromEntries(rows.map((r) => [r.indicator, Number(r.score)])) }
}

// Tool scores published by NACC, when entered, are shown beside the computed ones; the
// computation stays the framework's.
function safeAssess(fw: Framework, scores: ScoreMap, toolScores: Readonly<Record<string, number | undefined>> = {}): AssessmentScore | null {
  if (missingIndicators(fw, scores).length) return null
  // Tool-part scores (2566 EIT ส่วนที่ 1/2) enter the year's rating rule; whole-tool entries stay beside.
  const parts = Object.fromEntries(Object.entries(toolScores).filter(([k, v]) => k.includes('.') && typeof v === 'number'))
  try {
    return assess(fw, scores, parts)
  } catch {
    return null
  }
}

/** Scores of one year with everything computed from them. */
export async function getAssessment(ctx: UseCaseCtx, year: number): Promise<AssessmentView> {
  assertCan(ctx.actor, 'assessment.read')
  return assessmentView(ctx.db, ctx.orgId!, year)
}

export async function assessmentView(db: Db, orgId: string, year: number): Promise<AssessmentView> {
  const { cur, prev } = await inOrg(db, orgId, async (tx) => ({ cur: await loadScores(tx, year), prev: await loadScores(tx, year - 1) }))
  const framework = await requireFramework(db, year, cur.assessment?.frameworkVersion)
  const fw = framework.framework
  const result = safeAssess(fw, cur.scores, cur.assessment?.toolScores)
  let changes: IndicatorChange[] = []
  let previous: AssessmentView['previous'] = null
  if (prev.assessment) {
    const pfw = await requireFramework(db, year - 1, prev.assessment.frameworkVersion).catch(() => framework)
    previous = { fiscalYear: year - 1, scores: prev.scores, result: safeAssess(pfw.framework, prev.scores, prev.assessment.toolScores) }
    changes = yearOverYear({ framework: pfw.framework, scores: prev.scores }, { framework: fw, scores: cur.scores })
  }
  const answers = cur.assessment?.oitAnswers ?? {}
  const oitMissing = Object.keys(answers).length ? fw.oitItems.filter((o) => answers[o.code] === false).map((o) => ({ code: o.code, titleTh: o.titleTh })) : []
  return { fiscalYear: year, framework, assessment: cur.assessment, scores: cur.scores, result, missing: missingIndicators(fw, cur.scores), below: indicatorsBelow(fw, cur.scores), previous, changes, oitMissing }
}

/** OIT indicator scores from item answers, for the form's "compute from answers" option. */
export function scoresFromOitAnswers(fw: Framework, answers: Record<string, boolean>): Record<number, number> {
  return oitIndicatorScores(fw, answers)
}

/** Years this agency has scores or plans for, newest first. */
export async function listAssessmentYears(ctx: UseCaseCtx): Promise<number[]> {
  assertCan(ctx.actor, 'assessment.read')
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const a = await tx.select({ y: assessments.fiscalYear }).from(assessments)
    const p = await tx.selectDistinct({ y: indicatorPlans.fiscalYear }).from(indicatorPlans)
    return [...new Set([...a, ...p].map((r) => r.y))].sort((x, y) => y - x)
  })
}
