import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { inOrg } from '../../src/db/client.js'
import { units } from '../../src/platform/orgs/orgs.schema.js'
import { users } from '../../src/platform/auth/auth.schema.js'
import { createTestDatabase, dbError, type TestDatabase } from '../support/db.js'
import { buildOrg, buildUnit, buildUser } from '../support/factories.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'

// Isolation is the database's job: these queries deliberately leave out any org filter.
describe('tenant isolation (row-level security, as the app role)', () => {
  let t: TestDatabase
  let a: Org
  let b: Org
  beforeAll(async () => {
    t = await createTestDatabase()
    a = await buildOrg(t.db)
    b = await buildOrg(t.db)
    await buildUnit(t.db, a, 'กองคลัง A')
    await buildUnit(t.db, b, 'กองคลัง B')
    await buildUser(t.db, a, 'officer')
    await buildUser(t.db, b, 'officer')
  })
  afterAll(() => t.drop())

  it('the app connection is not the table owner and cannot bypass RLS', async () => {
    const r = await t.db.execute<{ u: string; bypass: boolean }>(sql`SELECT current_user AS u, (SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`)
    expect(r.rows[0]).toEqual({ u: 'prongsai_app', bypass: false })
  })

  it('an unfiltered read sees only the current agency', async () => {
    const seenByA = await inOrg(t.db, a.id, (tx) => tx.select().from(units))
    expect(seenByA.map((u) => u.nameTh)).toEqual(['กองคลัง A'])
    const usersOfB = await inOrg(t.db, b.id, (tx) => tx.select().from(users))
    expect(usersOfB.every((u) => u.orgId === b.id)).toBe(true)
    expect(usersOfB).toHaveLength(1)
  })

  it('no agency set → no tenant rows at all', async () => {
    const none = await inOrg(t.db, null, (tx) => tx.select().from(units))
    expect(none).toEqual([])
    const outside = await t.db.select().from(units) // not even in a transaction
    expect(outside).toEqual([])
  })

  it('writing a row for another agency fails at the database', async () => {
    expect(await dbError(inOrg(t.db, a.id, (tx) => tx.insert(units).values({ orgId: b.id, nameTh: 'แทรกข้ามหน่วยงาน', kind: 'division' })))).toMatch(/row-level security/)
  })

  it('updates and deletes cannot reach another agency', async () => {
    const updated = await inOrg(t.db, a.id, (tx) => tx.update(units).set({ nameTh: 'ถูกแก้' }).where(sql`true`).returning())
    expect(updated.map((u) => u.orgId)).toEqual([a.id])
    const deleted = await inOrg(t.db, a.id, (tx) => tx.delete(users).where(sql`org_id = ${b.id}`).returning())
    expect(deleted).toEqual([])
    const stillThere = await inOrg(t.db, b.id, (tx) => tx.select().from(units))
    expect(stillThere.map((u) => u.nameTh)).toEqual(['กองคลัง B'])
  })

  it('the audit log is append-only for the app role', async () => {
    expect(await dbError(t.db.execute(sql`UPDATE audit_log SET action = 'x'`))).toMatch(/permission denied/)
    expect(await dbError(t.db.execute(sql`DELETE FROM audit_log`))).toMatch(/permission denied/)
  })
})
