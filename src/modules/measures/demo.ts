import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { users } from '../../platform/auth/auth.schema.js'
import { matchUnits } from '../assessment/index.js'
import { phanomrung2566 } from '../../../demo/phanomrung-2566.js'
import { activities, measures, reportSettings } from './measures.schema.js'

// Which indicators each seed measure serves (the seed does not say; chosen by subject).
const INDICATORS: Record<number, number[]> = { 1: [1, 3], 2: [5, 10], 3: [7, 8, 9], 4: [4], 5: [2], 6: [5, 10] }

/** The seed's six measures (approved, as published) with one done activity per method step. */
export async function loadMeasuresDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const r = phanomrung2566
  await inOrg(deps.db, org.id, async (tx) => {
    const all = await tx.select().from(units)
    const [exec] = (await tx.select().from(users)).filter((u) => u.role === 'executive')
    for (const m of r.measures) {
      const fyText = `ปีงบประมาณ ${r.fiscalYear}`
      const [row] = await tx
        .insert(measures)
        .values({
          orgId: org.id, fiscalYear: r.fiscalYear, sortOrder: m.order, title: m.title, indicatorNumbers: INDICATORS[m.order] ?? [], steps: m.steps,
          periodKind: 'fiscal_year', periodText: m.period === fyText ? '' : m.period, unitIds: matchUnits(m.responsible, all), responsibleText: m.responsible,
          resultSummary: m.resultSummary, outcome: m.outcome, status: 'approved', approvedBy: exec?.id ?? null, approvedAt: new Date('2023-09-29T10:00:00+07:00'),
        })
        .returning()
      await tx.insert(activities).values(m.steps.map((s, i) => ({ orgId: org.id, measureId: row!.id, sortOrder: i + 1, title: s.replace(/^\d+\.\s*/, ''), status: 'done' as const })))
    }
    await tx.insert(reportSettings).values({ orgId: org.id, fiscalYear: r.fiscalYear, introduction: r.introduction, reporterName: r.signatures.reporter.name, reporterPosition: r.signatures.reporter.position, executiveName: r.signatures.executive.name, executivePosition: r.signatures.executive.position })
    await appendAudit(tx, { orgId: org.id, action: 'demo.load', entityType: 'ita_measure', actorLabel: 'demo', details: { fiscalYear: r.fiscalYear, measures: r.measures.length } })
  })
}
