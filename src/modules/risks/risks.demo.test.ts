import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { loadDemoIfEmpty } from '../../../src/app/demo.js'
import { inOrg } from '../../db/client.js'
import { users } from '../../platform/auth/auth.schema.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { orgs, type Org } from '../../platform/orgs/orgs.schema.js'
import { loadReportData } from '../measures/index.js'
import { monitoringEvidence, registerEvidence } from './contracts.js'
import { yearRegister } from './risks.service.js'

// The demo agency's FY2566 register as the issue asks: at least eight realistic risks whose controls
// are the seed's measures, both monitoring rounds, linked as evidence to indicator 10 (and the OIT
// items on corruption risk) — and the measures report and the public summary show it.
describe('risks: the demo agency', () => {
  let t: TestApp
  let ctx: OrgUseCaseCtx
  let org: Org
  beforeAll(async () => {
    t = await createTestApp()
    await loadDemoIfEmpty(t.deps)
    const [o] = await t.deps.db.select().from(orgs).where(eq(orgs.slug, 'phanomrung'))
    org = o!
    const admin = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(users).where(eq(users.orgId, org.id)))).find((u) => u.role === 'agency_admin')
    ctx = useCaseCtx(t, org.id, admin!) as OrgUseCaseCtx
  }, 120_000)
  afterAll(() => t.close())

  it('has at least eight published risks of FY2566 across the processes, each controlled by the seed\'s measures and monitored at 6 and 12 months', async () => {
    const { rows } = await yearRegister(ctx, 2566)
    expect(rows.length).toBeGreaterThanOrEqual(8)
    expect(rows.every((r) => r.status === 'published' && r.unitName)).toBe(true)
    expect(new Set(rows.map((r) => r.area))).toEqual(new Set(['permits', 'procurement', 'assets', 'budget', 'revenue', 'personnel', 'service']))
    for (const words of ['ใบอนุญาตก่อสร้าง', 'จัดซื้อจัดจ้าง', 'การยืมพัสดุ', 'นอกเวลาราชการ', 'ภาษีที่ดิน']) expect(rows.some((r) => r.process.includes(words)), words).toBe(true)
    const { measures } = await loadReportData(t.deps.db, org, 2566, { approvedOnly: false })
    const seed = new Set(measures.map((m) => m.id))
    expect(measures[4]!.title).toContain('จัดซื้อจัดจ้าง')
    for (const r of rows) {
      expect(r.controls.length, r.event).toBeGreaterThan(0)
      expect(r.controls.every((c) => seed.has(c.measureId)), r.event).toBe(true)
      expect(r.monitoring.map((m) => m.round)).toEqual([6, 12])
      expect(r.residualLikelihood! * r.residualImpact!).toBeLessThan(r.likelihood * r.impact)
    }
    expect(rows.find((r) => r.process.includes('จัดซื้อจัดจ้างโดยวิธี'))!.controls.map((c) => c.measureId)).toContain(measures[4]!.id)
    expect(rows.find((r) => r.process.includes('การยืมพัสดุ'))!.controls.map((c) => c.measureId)).toEqual([measures[3]!.id])
  })

  it('is linked as evidence to indicator 10 and the OIT items O34/O35, the checks pass, and the measures report lists it under indicator 10', async () => {
    const links = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(evidenceLinks).where(eq(evidenceLinks.sourceId, '2566')))
    const mine = links.filter((l) => l.sourceType.startsWith('risks.')).map((l) => `${l.sourceType}→${l.targetType}:${l.targetId}`).sort()
    expect(mine).toEqual(['risks.monitoring→assessment.plan:2566:10', 'risks.monitoring→disclosure.item:2566:O35', 'risks.register→assessment.plan:2566:10', 'risks.register→disclosure.item:2566:O34'])
    expect((await registerEvidence.check(ctx, ['2566'], 2566)).get('2566')).toEqual({ ok: true, reason: null })
    expect((await monitoringEvidence.check(ctx, ['2566'], 2566)).get('2566')).toEqual({ ok: true, reason: null })
    const { report } = await loadReportData(t.deps.db, org, 2566, { approvedOnly: true, links: t.deps })
    const row = report.evidence.find((e) => e.title === 'ทะเบียนและรายงานการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2566')
    expect(row?.refersTo).toBe('ตัวชี้วัดที่ 10')
    expect(row?.url).toMatch(/\/o\/phanomrung\/risks\/2566$/)
    const pub = await t.app.request('/o/phanomrung/risks/2566', { headers: { host: 'localhost' } })
    expect(pub.status).toBe(200)
    const html = await pub.text()
    expect(html).toContain('การออกใบอนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร')
    expect(html).toContain('มาตรการการกำกับดูแล และใช้ทรัพย์สินของราชการ')
  })
})
