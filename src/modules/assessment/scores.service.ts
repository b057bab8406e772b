import { and, eq } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import type { ToolCode } from '../../domain/ita/framework.schema.js'
import { assessments, indicatorScores, type Assessment } from './assessment.schema.js'
import { requireFramework } from './frameworks.service.js'

export type ScoresInput = {
  scores: Record<number, number | null>
  toolScores?: Partial<Record<ToolCode, number>>
  oitAnswers?: Record<string, boolean>
}

/** Two decimals, 0–100. */
export function isScore(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= 100 && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6
}

/** Replaces the year's indicator scores (and optional tool scores / OIT answers) in one transaction. */
export async function saveScores(ctx: UseCaseCtx, year: number, input: ScoresInput, source: 'form' | 'import' = 'form'): Promise<void> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const fw = await inOrg(ctx.db, orgId, async (tx) => (await tx.select().from(assessments).where(eq(assessments.fiscalYear, year)))[0])
  const framework = await requireFramework(ctx.db, year, fw?.frameworkVersion)
  const numbers = new Set(framework.framework.indicators.map((i) => i.number))
  for (const [k, v] of Object.entries(input.scores)) {
    if (!numbers.has(Number(k))) throw new AppError('bad_request', 422, { th: `ไม่มีตัวชี้วัดที่ ${k} ในกรอบการประเมินปี ${year}`, en: `No indicator ${k} in ${year}` })
    if (v !== null && !isScore(v)) throw new AppError('bad_request', 422, { th: `คะแนนตัวชี้วัดที่ ${k} ต้องอยู่ระหว่าง 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง`, en: `Score of indicator ${k} must be 0–100 with two decimals` })
  }
  await inOrg(ctx.db, orgId, async (tx) => {
    const a = await ensureAssessment(tx, orgId, year, framework.version)
    const patch: Partial<typeof assessments.$inferInsert> = { updatedAt: new Date() }
    if (input.toolScores) patch.toolScores = input.toolScores
    if (input.oitAnswers) patch.oitAnswers = input.oitAnswers
    await tx.update(assessments).set(patch).where(eq(assessments.id, a.id))
    for (const [k, v] of Object.entries(input.scores)) {
      const indicator = Number(k)
      if (v === null) {
        await tx.delete(indicatorScores).where(and(eq(indicatorScores.assessmentId, a.id), eq(indicatorScores.indicator, indicator)))
      } else {
        await tx
          .insert(indicatorScores)
          .values({ orgId, assessmentId: a.id, indicator, score: v })
          .onConflictDoUpdate({ target: [indicatorScores.orgId, indicatorScores.assessmentId, indicatorScores.indicator], set: { score: v } })
      }
    }
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.scores.save', entityType: 'ita_assessment', entityId: a.id, requestId: ctx.requestId, details: { fiscalYear: year, source, scores: input.scores } })
  })
}

async function ensureAssessment(tx: Tx, orgId: string, year: number, version: number): Promise<Assessment> {
  const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
  if (a) return a
  const [created] = await tx.insert(assessments).values({ orgId, fiscalYear: year, frameworkVersion: version }).returning()
  return created!
}
