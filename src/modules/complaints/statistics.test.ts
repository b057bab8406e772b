import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { computeStatistics, publicStatistics } from '../../platform/stats/statistics.js'
import { submitReport } from './submit.js'
import { publicStats } from './stats.js'
import { storedStats } from './statistics.js'
import type { Category } from './complaints.schema.js'

// The complaints module's figures through the platform statistics contract: one query per figure
// for every agency and year, read back on the public page (suppressed), equal to a direct count.
describe('complaint statistics through the platform contract', () => {
  let t: TestApp
  const orgs: Org[] = []
  const plan: Category[][] = [['bribery', 'bribery', 'service'], ['corruption', 'corruption', 'corruption', 'corruption', 'corruption', 'corruption', 'other'], []]

  beforeAll(async () => {
    t = await createTestApp()
    for (const cats of plan) {
      const org = await buildOrg(t.deps.db)
      orgs.push(org)
      for (const [i, category] of cats.entries()) await submitReport({ ...useCaseCtx(t, org.id, null) }, { category, subject: `เรื่องทดสอบ ${i}`, details: 'รายละเอียดเรื่องร้องเรียนสำหรับการทดสอบสถิติ', nonce: `n-${org.id}-${i}` })
    }
    // All received in FY 2567; in the second agency five closed after 3, 5, 8, 10 and 40 days.
    await inOrg(t.deps.db, orgs[0]!.id, (tx) => tx.execute(sql`UPDATE complaint_cases SET received_at = timestamptz '2024-01-10 10:00+07'`))
    await inOrg(t.deps.db, orgs[1]!.id, (tx) =>
      tx.execute(sql`UPDATE complaint_cases c SET received_at = timestamptz '2024-03-01 10:00+07',
        status = CASE WHEN n.k <= 5 THEN 'closed' ELSE status END,
        outcome = CASE WHEN n.k <= 5 THEN 'unsubstantiated' ELSE outcome END,
        closed_at = CASE WHEN n.k <= 5 THEN timestamptz '2024-03-01 12:00+07' + (ARRAY[3,5,8,10,40])[n.k] * interval '1 day' ELSE NULL END
        FROM (SELECT id, row_number() OVER (ORDER BY case_no) AS k FROM complaint_cases) n WHERE n.id = c.id`),
    )
  })
  afterAll(() => t.close())

  it('computes every agency’s figures in one query each and reads them back like a direct count', async () => {
    const written = await computeStatistics(t.deps, { moduleId: 'complaints' })
    expect(written).toBeGreaterThan(0)
    const totals = await publicStatistics(t.deps.db, 'complaints', 'total')
    const mine = (id: string) => totals.filter((r) => r.orgId === id).map((r) => [r.fiscalYear, r.value])
    expect(mine(orgs[0]!.id)).toEqual([[2567, 3]])
    expect(mine(orgs[1]!.id)).toEqual([[2567, 7]])
    expect(mine(orgs[2]!.id)).toEqual([])
    for (const o of orgs) {
      const { computedAt, ...stored } = await storedStats(t.deps.db, o.id, 2567)
      expect(stored).toEqual(await publicStats(t.deps.db, o.id, 2567))
      expect(computedAt === null).toBe(o === orgs[2])
    }
    expect((await storedStats(t.deps.db, orgs[1]!.id, 2567)).medianDays).toBe(8)
  })

  it('the public page shows the same figures through suppression, the median only from 5 cases', async () => {
    await computeStatistics(t.deps, { moduleId: 'complaints' })
    const page = async (o: Org) => (await new TestClient(t.app).get(`/o/${o.slug}/complaints/stats?fy=2567`)).text()
    const small = await page(orgs[0]!)
    expect(small).toMatch(/data-stat="total">&lt; [5๕]</)
    expect(small).toMatch(/data-stat="cat-bribery">&lt; [5๕]</)
    const big = await page(orgs[1]!)
    expect(big).toMatch(/data-stat="cat-corruption">[6๖]</)
    expect(big).toMatch(/data-stat="median">\s*[8๘] วัน/)
    // Four concluded: the median is withheld.
    await inOrg(t.deps.db, orgs[1]!.id, (tx) => tx.execute(sql`UPDATE complaint_cases SET status = 'received', outcome = NULL, closed_at = NULL WHERE closed_at = (SELECT max(closed_at) FROM complaint_cases)`))
    await computeStatistics(t.deps, { moduleId: 'complaints' })
    expect(await page(orgs[1]!)).toContain('ไม่แสดง เพราะมีเรื่องที่ยุติหรือส่งต่อแล้วน้อยกว่า')
  })
})
