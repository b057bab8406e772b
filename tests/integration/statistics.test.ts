import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../support/app.js'
import { buildOrg, buildUnit } from '../support/factories.js'
import { inOrg } from '../../src/db/client.js'
import { buildRegistry } from '../../src/platform/module/registry.js'
import { manifests } from '../../src/app/registry.js'
import { agencyStatistics, computeStatistics, publicStatistics, statistics } from '../../src/platform/stats/statistics.js'

describe('statistics: one query for every agency, read back through the roll-up path only', () => {
  let t: TestApp
  const orgs: { id: string; units: number }[] = []
  // A module whose figures are counts of units per agency (public) and a private twin.
  const registry = buildRegistry([
    ...manifests,
    {
      id: 'stattest',
      label: { th: 'ทดสอบสถิติ', en: 'stats test' },
      statistics: [
        { key: 'units', label: { th: 'จำนวนหน่วยงานภายใน', en: 'Units' }, unit: 'count', public: true, query: sql`SELECT org_id, 2566 AS fiscal_year, count(*) AS value FROM units GROUP BY org_id` },
        { key: 'units_private', label: { th: 'ภายใน', en: 'internal' }, unit: 'count', public: false, query: sql`SELECT org_id, 2566 AS fiscal_year, count(*) * 10 AS value FROM units GROUP BY org_id` },
      ],
    },
  ])
  beforeAll(async () => {
    t = await createTestApp()
    for (const n of [1, 3, 6]) {
      const org = await buildOrg(t.deps.db)
      for (let i = 0; i < n; i++) await buildUnit(t.deps.db, org)
      orgs.push({ id: org.id, units: n })
    }
  })
  afterAll(() => t.close())

  it('computes the figures of three agencies in one query per statistic', async () => {
    const written = await computeStatistics({ ...t.deps, registry })
    expect(written).toBe(6)
    // Recomputing replaces, never duplicates.
    expect(await computeStatistics({ ...t.deps, registry }, { moduleId: 'stattest' })).toBe(6)
  })

  it('reads every agency’s public figures through public_statistics() and nothing private', async () => {
    const rows = await publicStatistics(t.deps.db, 'stattest', 'units')
    expect(rows.map((r) => [r.orgId, r.value]).sort()).toEqual(orgs.map((o) => [o.id, o.units]).sort())
    expect(await publicStatistics(t.deps.db, 'stattest', 'units_private')).toEqual([])
  })

  it('keeps RLS: the app role sees only its own agency’s rows, and cannot write figures', async () => {
    const none = await inOrg(t.deps.db, null, (tx) => tx.select().from(statistics))
    expect(none).toEqual([])
    const own = await agencyStatistics(t.deps.db, orgs[1]!.id, 2566)
    expect(own.map((f) => [f.key, f.value]).sort()).toEqual([['units', 3], ['units_private', 30]])
    await expect(inOrg(t.deps.db, orgs[1]!.id, (tx) => tx.insert(statistics).values({ orgId: orgs[1]!.id, fiscalYear: 2566, module: 'x', key: 'y', value: 1, public: true }))).rejects.toThrow()
  })
})
