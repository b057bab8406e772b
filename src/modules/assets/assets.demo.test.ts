import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { loadDemoIfEmpty } from '../../../src/app/demo.js'
import { inOrg } from '../../db/client.js'
import { users } from '../../platform/auth/auth.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { orgs, type Org } from '../../platform/orgs/orgs.schema.js'
import { assetItems } from './assets.schema.js'
import { listAssets } from './assets.service.js'

// The demo agency's register: what it lends to villages and temples and what its staff borrow,
// numbered category–year–running, each with a custodian unit and person from the platform's people.
describe('assets: the demo agency', () => {
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

  it('has about fifty assets across categories, tents to a van, with custodians and unique numbers', async () => {
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(assetItems))
    expect(rows.length).toBeGreaterThanOrEqual(45)
    expect(new Set(rows.map((r) => r.assetNo)).size).toBe(rows.length)
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['office', 'electrical', 'vehicle', 'computer', 'household']))
    for (const words of ['เต็นท์', 'โต๊ะพับ', 'เก้าอี้', 'เครื่องเสียง', 'รถตู้', 'โน้ตบุ๊ก']) expect(rows.some((r) => r.name.includes(words)), words).toBe(true)
    expect(rows.every((r) => r.custodianUnitId && r.custodianPersonId)).toBe(true)
    expect(rows.filter((r) => r.category === 'computer' && r.name.includes('โน้ตบุ๊ก')).every((r) => r.lendStaff && !r.lendPublic)).toBe(true)
    expect((await listAssets(ctx, { status: 'pending_disposal', page: 1 })).total).toBe(1)
  })

  it('shows the lendable equipment on the agency’s public page, never the staff computers', async () => {
    const html = await (await new TestClient(t.app).get(`/o/${org.slug}/assets`)).text()
    expect(html).toContain('เต็นท์ผ้าใบ')
    expect(html).toContain('รถตู้โดยสาร')
    expect(html).not.toContain('โน้ตบุ๊ก')
  })
})
