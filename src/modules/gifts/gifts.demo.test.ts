import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, demoAgency, type TestApp } from '../../../tests/support/app.js'
import { inOrg } from '../../db/client.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { giftsEvidence } from './contracts.js'
import { giftsNilReturns, giftsRecords, giftsReports } from './gifts.schema.js'
import { roundStatus } from './returns.js'
import { INDICATOR, OIT_REPORT_ITEM } from './demo.js'

// The demo agency's FY2566 as the issue asks: a handful of gifts (one over the limit handed over,
// one declined), nil returns from most people, both half-year reports, linked as evidence to
// indicator 10 and its OIT item.
describe('gifts: the demo agency', () => {
  let t: TestApp
  let ctx: OrgUseCaseCtx
  let orgId = ''
  beforeAll(async () => {
    t = await createTestApp()
    const demo = await demoAgency(t)
    orgId = demo.org.id
    ctx = demo.ctx
  })
  afterAll(() => t.close())

  it('has FY2566 gifts, nil returns from most people, both reports published and linked as evidence', async () => {
    const { gifts, nils, reports, links } = await inOrg(t.deps.db, orgId, async (tx) => ({
      gifts: await tx.select().from(giftsRecords).where(eq(giftsRecords.fiscalYear, 2566)),
      nils: await tx.select().from(giftsNilReturns).where(eq(giftsNilReturns.fiscalYear, 2566)),
      reports: await tx.select().from(giftsReports).where(eq(giftsReports.fiscalYear, 2566)),
      links: await tx.select().from(evidenceLinks).where(eq(evidenceLinks.sourceType, 'gifts.report')),
    }))
    expect(gifts.length).toBeGreaterThanOrEqual(4)
    expect(gifts.length).toBeLessThanOrEqual(8)
    expect(gifts.filter((g) => g.assessment === 'over' && g.action === 'handed_over' && g.handedTo && g.reportedOn && g.decision)).toHaveLength(1)
    expect(gifts.filter((g) => g.action === 'declined')).toHaveLength(1)
    for (const half of [1, 2] as const) {
      const round = await roundStatus(ctx, 2566, half)
      expect(round.respondents.length).toBeGreaterThan(5)
      expect(round.nil).toBeGreaterThan(round.respondents.length / 2)
      expect(round.nil + round.withGifts + round.unanswered).toBe(round.respondents.length)
      expect(nils.filter((n) => n.half === half)).toHaveLength(round.nil)
    }
    expect(reports.map((r) => [r.half, r.status]).sort()).toEqual([[1, 'published'], [2, 'published']])
    for (const r of reports) {
      const targets = links.filter((l) => l.sourceId === r.id).map((l) => `${l.targetType} ${l.targetId}`)
      expect(targets).toContain(`disclosure.item 2566:${OIT_REPORT_ITEM}`)
      expect(targets).toContain(`assessment.plan 2566:${INDICATOR}`)
    }
    // The reports count as real work in FY2566 for the evidence checks.
    const check = await giftsEvidence.check(ctx, reports.map((r) => r.id), 2566)
    expect([...check.values()].map((c) => c.ok)).toEqual([true, true])
  })

  it('shows both halves on the public page with no names', async () => {
    const res = await t.app.request('/o/phanomrung/gifts', { headers: { host: 'localhost' } })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('id="h-2566-1"')
    expect(html).toContain('id="h-2566-2"')
    const gifts = await inOrg(t.deps.db, orgId, (tx) => tx.select().from(giftsRecords))
    for (const g of gifts) {
      expect(html).not.toContain(g.giver)
      expect(html).not.toContain(g.description)
    }
    for (const name of ['นายอนุชา สร้างงาม', 'นางสาวปิยะนุช ตรงเวลา', 'นางบุษบา อ่อนละมุน']) expect(html).not.toContain(name)
  })
})
