import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { assessmentView, currentFramework, savePlan, saveScores } from '../assessment/index.js'
import type { ImportedReport } from '../reports/index.js'
import { measures } from './measures.schema.js'
import { createMeasure } from './measures.service.js'
import { mtAll } from './measures.i18n.js'

/**
 * Refuses (409, on the fiscal year field) to import measures into a year that already has some:
 * checked when the file is read and again when the preview is confirmed. A report without
 * measures (indicator plans only) may go into any year.
 */
export async function assertImportable(ctx: UseCaseCtx, year: number, r: Pick<ImportedReport, 'measures'>): Promise<void> {
  assertCan(ctx.actor, 'measure.edit')
  if (!r.measures.length) return
  const existing = await inOrg(ctx.db, ctx.orgId!, (tx) => tx.select({ id: measures.id }).from(measures).where(eq(measures.fiscalYear, year)).limit(1))
  if (existing.length) throw new InputError({ fiscalYear: mtAll('i.exists', { year }) }, 409)
}

/**
 * Saves a confirmed import: measures as drafts (an executive approves them), each indicator's
 * analysis as its plan, and the scores the report printed (when the year has none yet).
 */
export async function saveImported(ctx: UseCaseCtx, year: number, r: ImportedReport): Promise<{ measures: number; indicators: number }> {
  await assertImportable(ctx, year, r)
  const fw = (await currentFramework(ctx.db, year))?.framework
  for (const m of [...r.measures].sort((a, b) => a.order - b.order)) {
    const fyText = `ปีงบประมาณ ${year}`
    await createMeasure(ctx, year, {
      title: m.title, indicatorNumbers: [], oitCodes: [], steps: m.steps, periodKind: 'fiscal_year', periodStart: null, periodEnd: null,
      periodText: m.period === fyText ? '' : m.period, unitIds: [], responsibleText: m.responsible, resultSummary: m.resultSummary, outcome: m.outcome,
    })
  }
  const scores: Record<number, number> = {}
  for (const i of r.indicators) {
    const fwName = fw?.indicators.find((x) => x.number === i.number)?.nameTh
    await savePlan(ctx, year, i.number, {
      indicatorName: i.name && i.name !== fwName ? i.name : null, strengths: '', weaknesses: '', guidelines: i.improvementGuidelines, unitIds: [],
      responsibleText: i.responsible, period: i.period, progress: i.progress, status: i.status,
    })
    if (i.score !== null) scores[i.number] = i.score
  }
  // Scores the agency already entered win over the ones printed in an old report.
  const have = fw ? (await assessmentView(ctx.db, ctx.orgId!, year)).scores : {}
  for (const n of Object.keys(have)) delete scores[Number(n)]
  if (fw && Object.keys(scores).length) await saveScores(ctx, year, { scores }, 'import')
  return { measures: r.measures.length, indicators: r.indicators.length }
}
