import { eq } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { units, type Unit } from '../../platform/orgs/orgs.schema.js'
import { squash } from '../../platform/documents/text.js'
import { phanomrung2566 } from '../../../demo/phanomrung-2566.js'
import { assessments, indicatorPlans, indicatorScores } from './assessment.schema.js'
import { currentFramework } from './frameworks.service.js'

/**
 * Units named in a free-text "responsible" cell: "สำนักปลัดฯ" → สำนักปลัดเทศบาล, "ประชาสัมพันธ์"
 * → งานประชาสัมพันธ์, "พัสดุ" → งานพัสดุ, "ทุกกอง" → every division. The text itself is kept.
 */
export function matchUnits(text: string, all: Pick<Unit, 'id' | 'nameTh' | 'kind'>[]): string[] {
  const t = squash(text)
  const out = new Set<string>()
  for (const u of all) {
    const key = u.nameTh.replace(/^งาน/, '').replace(/^(สำนักปลัด).*$/, '$1')
    if (key && t.includes(key)) out.add(u.id)
    if (u.kind === 'division' && t.includes('ทุกกอง')) out.add(u.id)
  }
  return [...out]
}

export async function demoUnits(tx: Tx): Promise<Unit[]> {
  return tx.select().from(units)
}

// FY 2565 scores for the year-over-year view (illustrative; the seed gives 2566 only).
const SCORES_2565: Record<number, number> = { 1: 90.12, 2: 70.45, 3: 85.3, 4: 75.1, 5: 78.92, 6: 93.2, 7: 90.05, 8: 84.5, 9: 82.14, 10: 65 }

/** Phanom Rung FY 2565 scores, FY 2566 scores and the seed's analysis per indicator. */
export async function loadAssessmentDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const report = phanomrung2566
  const fw66 = await currentFramework(deps.db, 2566)
  const fw65 = (await currentFramework(deps.db, 2565)) ?? fw66
  if (!fw66 || !fw65) return
  await inOrg(deps.db, org.id, async (tx) => {
    const all = await demoUnits(tx)
    const years: [number, number, Record<number, number>][] = [
      [2565, fw65.version, SCORES_2565],
      [2566, fw66.version, Object.fromEntries(report.indicators.filter((i) => i.score !== null).map((i) => [i.number, i.score!]))],
    ]
    for (const [year, version, scores] of years) {
      const [a] = await tx.insert(assessments).values({ orgId: org.id, fiscalYear: year, frameworkVersion: version }).returning()
      await tx.insert(indicatorScores).values(Object.entries(scores).map(([n, score]) => ({ orgId: org.id, assessmentId: a!.id, indicator: Number(n), score })))
    }
    for (const i of report.indicators) {
      const fwName = fw66.framework.indicators.find((x) => x.number === i.number)?.nameTh
      await tx.insert(indicatorPlans).values({
        orgId: org.id,
        fiscalYear: report.fiscalYear,
        indicator: i.number,
        indicatorName: i.name === fwName ? null : i.name,
        guidelines: i.improvementGuidelines,
        unitIds: matchUnits(i.responsible, all),
        responsibleText: i.responsible,
        period: i.period,
        progress: i.progress,
        status: i.status,
      })
    }
    const [check] = await tx.select({ id: assessments.id }).from(assessments).where(eq(assessments.fiscalYear, 2566))
    await appendAudit(tx, { orgId: org.id, action: 'demo.load', entityType: 'ita_assessment', entityId: check?.id ?? null, actorLabel: 'demo' })
  })
}
