import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, demoAgency, type TestApp } from '../../../tests/support/app.js'
import { inOrg } from '../../db/client.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { htmlToText, normalizeSpace } from '../../platform/documents/text.js'
import { loadReportData } from '../measures/index.js'
import { surveysEvidence } from './contracts.js'
import { surveyResults } from './results.js'
import { surveys } from './surveys.schema.js'
import { DEMO_POINTS } from './demo.js'

// The demo agency's FY2566 as the issue asks: the satisfaction survey at three service points with a
// few hundred answer sheets across the year, linked as evidence to measures 3 and 6 and indicator 8
// — and the measures report lists it under those.
describe('surveys: the demo agency', () => {
  let t: TestApp
  let ctx: OrgUseCaseCtx
  let org: Org
  beforeAll(async () => {
    t = await createTestApp()
    ;({ org, ctx } = await demoAgency(t))
  }, 120_000)
  afterAll(() => t.close())

  it('has the FY2566 survey at three service points with a few hundred sheets from April to September, some on paper', async () => {
    const [s] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(surveys).where(eq(surveys.fiscalYear, 2566)))
    const r = await surveyResults(ctx, s!.id)
    expect(r.points.map((p) => p.name)).toEqual([...DEMO_POINTS])
    expect(r.total).toBeGreaterThanOrEqual(200)
    expect(r.total).toBeLessThan(400)
    expect(r.byMonth.map((m) => m.month)).toEqual(['2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09'])
    expect(r.paper).toBeGreaterThan(0)
    const overall = r.questions.find((q) => q.q.textTh === 'ความพึงพอใจต่อการให้บริการในภาพรวม')!
    expect(overall.mean).toBeGreaterThan(3.8)
    expect(overall.mean).toBeLessThan(4.6)
    expect(r.questions.at(-1)!.texts.length).toBeGreaterThan(0)
  })

  it('is evidence of measures 3 and 6 and indicator 8, and the FY2566 measures report lists it there', async () => {
    const links = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(evidenceLinks).where(eq(evidenceLinks.sourceType, 'surveys.survey')))
    expect(links.map((l) => l.targetType).sort()).toEqual(['assessment.plan', 'measures.activity', 'measures.activity'])
    expect(links.find((l) => l.targetType === 'assessment.plan')?.targetId).toBe('2566:8')
    const checks = await surveysEvidence.check(ctx, links.map((l) => l.sourceId), 2566)
    expect([...checks.values()].every((c) => c.ok)).toBe(true)
    const { report } = await loadReportData(t.deps.db, org, 2566, { approvedOnly: true, links: t.deps })
    const refs = report.evidence.filter((e) => e.title.startsWith('ผลสำรวจ:')).map((e) => e.refersTo)
    for (const r of ['มาตรการที่ 3', 'มาตรการที่ 6', 'ตัวชี้วัดที่ 8']) expect(refs, r).toContain(r)
    const url = report.evidence.find((e) => e.title.startsWith('ผลสำรวจ:'))!.url
    const pub = await t.app.request(new URL(url).pathname, { headers: { host: 'localhost' } })
    expect(pub.status).toBe(200)
    expect(normalizeSpace(htmlToText(await pub.text()))).toContain('ค่าเฉลี่ย')
  })
})
