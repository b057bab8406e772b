import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, demoAgency, type TestApp } from '../../../tests/support/app.js'
import { inOrg } from '../../db/client.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { people } from '../../platform/people/people.schema.js'
import { loadReportData } from '../measures/index.js'
import { coiEvidence } from './contracts.js'
import { coiMatters } from './coi.schema.js'
import { listRegister } from './declarations.js'
import { DEMO_MISSING, ROAD_BIDDERS } from './demo.js'
import { declaredInterests, matchParties, parsePartyLines } from './index.js'

// The demo agency's FY2566 as the issue asks: annual declarations from everyone but a few, one
// committee declaration whose relative's company is among the bidders (found, resolved), the
// year's register linked as evidence to measures 2 and 6.
describe('coi: the demo agency', () => {
  let t: TestApp
  let exec: OrgUseCaseCtx
  let orgId = ''
  let org: Org
  beforeAll(async () => {
    t = await createTestApp()
    const demo = await demoAgency(t, 'executive')
    org = demo.org
    orgId = org.id
    exec = demo.ctx
  })
  afterAll(() => t.close())

  it('has annual declarations from everyone but a few, and the executive’s review in progress', async () => {
    const reg = await listRegister(exec, { fiscalYear: 2566, page: 1 })
    expect(reg.missing.map((m) => m.fullName).sort()).toEqual([...DEMO_MISSING].sort())
    expect(reg.total).toBeGreaterThan(15)
    const all = [...reg.rows, ...(await listRegister(exec, { fiscalYear: 2566, page: 2 })).rows]
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(['submitted', 'acknowledged', 'more_info']))
    expect(all.filter((r) => r.kind === 'appointment')).toHaveLength(2)
  })

  it('the road project’s chair declared his brother’s partnership, which the bidders’ list matches by juristic ID; the matter is resolved', async () => {
    const chair = (await inOrg(t.deps.db, orgId, (tx) => tx.select().from(people).where(eq(people.fullName, 'นายอนุชา สร้างงาม'))))[0]!
    const interests = await declaredInterests(t.deps.db, orgId, [chair.id], '2023-02-15')
    const matches = matchParties(interests, parsePartyLines(ROAD_BIDDERS))
    expect(matches.map((m) => [m.party.name, m.by])).toEqual([['หจก. ส. สร้างงาม การโยธา', 'juristic_id']])
    const [m] = await inOrg(t.deps.db, orgId, (tx) => tx.select().from(coiMatters).where(eq(coiMatters.personId, chair.id)))
    expect(m).toMatchObject({ status: 'resolved', resolution: 'replaced', matchedBy: 'juristic_id', partyJuristicId: '0313556001234' })
  })

  it('links the FY2566 register as evidence to the activities of measures 2 and 6, and it counts', async () => {
    const report = await loadReportData(t.deps.db, org, 2566, { approvedOnly: false })
    const links = await inOrg(t.deps.db, orgId, (tx) => tx.select().from(evidenceLinks).where(eq(evidenceLinks.sourceType, 'coi.register')))
    const measureOf = (activityId: string) => report.measures.find((x) => x.activities.some((a) => a.id === activityId))?.sortOrder
    expect(links.map((l) => measureOf(l.targetId)).sort()).toEqual([2, 6])
    expect((await coiEvidence.check(exec, ['2566'], 2566)).get('2566')).toEqual({ ok: true, reason: null })
  })
})
