import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sql } from 'drizzle-orm'
import { inOrg } from '../../src/db/client.js'
import { units } from '../../src/platform/orgs/orgs.schema.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../support/factories.js'

// Arbitrary form values: Thai and ASCII text, control characters, very long strings, SQL/HTML
// look-alikes, arrays where a single value is expected, and fields missing altogether.
const weird = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', ' ', 'กองคลัง', "'; DROP TABLE units; --", '<script>alert(1)</script>', '\u0000', 'a'.repeat(5000), '-1', '1e9', 'NaN', 'office', 'division', 'section'),
)
const field = fc.option(fc.oneof(weird, fc.array(weird, { maxLength: 3 })), { nil: undefined })
const clean = (o: Record<string, string | string[] | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>

describe('property-based: no 5xx, no half-written rows', () => {
  let t: TestApp
  let org: Org
  let admin: TestClient
  let adminEmail: string
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'agency_admin')
    adminEmail = u.email
    admin = new TestClient(t.app)
    await admin.signIn(org.slug, u.email, TEST_PASSWORD)
  })
  afterAll(() => t.close())

  it('sign-in never answers 5xx and only a correct password signs in (1,000 inputs)', async () => {
    const client = new TestClient(t.app)
    const token = await client.csrfFrom(`/o/${org.slug}/login`)
    const email = fc.oneof(field, fc.constant(adminEmail), fc.constant(adminEmail.toUpperCase()))
    await fc.assert(
      fc.asyncProperty(email, field, field, async (e, p, next) => {
        const res = await client.post(`/o/${org.slug}/login`, clean({ email: e, password: p, next }), { csrf: token })
        expect(res.status).toBeLessThan(500)
        expect([303, 401, 422, 429]).toContain(res.status)
        if (res.status === 303) {
          expect(p).toBe(TEST_PASSWORD)
          const loc = res.headers.get('location')!
          expect(loc.startsWith('/') && !loc.startsWith('//')).toBe(true) // no open redirect
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('the unit form never answers 5xx, and rows exist exactly for accepted submissions (1,000 inputs)', async () => {
    const token = await admin.csrfFrom(`/o/${org.slug}/admin/units`)
    const before = await inOrg(t.deps.db, org.id, async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n)
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(field, field, fc.option(fc.oneof(fc.constantFrom('office', 'division', 'section'), weird), { nil: undefined }), field, async (nameTh, nameEn, kind, sortOrder) => {
        const res = await admin.post(`/o/${org.slug}/admin/units`, clean({ nameTh, nameEn, kind, sortOrder }), { csrf: token })
        expect(res.status).toBeLessThan(500)
        expect([303, 409, 422]).toContain(res.status)
        if (res.status === 303) accepted++
        if (res.status === 422) expect(await res.text()).toContain('กรุณาแก้ไขข้อมูล')
      }),
      { numRuns: 1000 },
    )
    const after = await inOrg(t.deps.db, org.id, async (tx) => (await tx.select({ n: sql<number>`count(*)::int` }).from(units))[0]!.n)
    expect(after - before).toBe(accepted)
    // Every accepted row is whole: a name and a valid kind.
    const bad = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(units).where(sql`length(trim(name_th)) = 0 OR kind NOT IN ('office','division','section')`))
    expect(bad).toEqual([])
  })
})
