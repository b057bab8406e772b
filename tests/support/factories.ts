import { randomBytes } from 'node:crypto'
import { inOrg, type Db } from '../../src/db/client.js'
import { orgs, units, type Org } from '../../src/platform/orgs/orgs.schema.js'
import { users, type Role, type User } from '../../src/platform/auth/auth.schema.js'
import { hashPassword } from '../../src/platform/auth/passwords.js'

export const TEST_PASSWORD = 'correct horse battery'
let cachedHash: Promise<string> | undefined

export async function buildOrg(db: Db, overrides: Partial<typeof orgs.$inferInsert> = {}): Promise<Org> {
  const slug = overrides.slug ?? `org-${randomBytes(4).toString('hex')}`
  const [org] = await db
    .insert(orgs)
    .values({ slug, nameTh: `เทศบาลทดสอบ ${slug}`, kind: 'subdistrict_municipality', province: 'บุรีรัมย์', district: 'เฉลิมพระเกียรติ', ...overrides })
    .returning()
  return org!
}

export async function buildUser(db: Db, org: Org | null, role: Role, overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  const passwordHash = await cachedHash
  return inOrg(db, org?.id ?? null, async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ orgId: org?.id ?? null, email: `${role}-${randomBytes(3).toString('hex')}@test.example`, displayName: `ผู้ทดสอบ ${role}`, role, passwordHash, ...overrides })
      .returning()
    return u!
  })
}

export async function buildUnit(db: Db, org: Org, nameTh = `กองทดสอบ ${randomBytes(3).toString('hex')}`) {
  return inOrg(db, org.id, async (tx) => (await tx.insert(units).values({ orgId: org.id, nameTh, kind: 'division' }).returning())[0]!)
}
