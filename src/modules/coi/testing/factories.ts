import { randomBytes } from 'node:crypto'
import { inOrg, type Db } from '../../../db/client.js'
import { people, type PersonKind } from '../../../platform/people/people.schema.js'
import { coiDeclarations, coiInterests, type Declaration } from '../coi.schema.js'
import type { InterestInput } from '../declarations.js'

/** A person of an agency (a local official since 2020 unless told otherwise). */
export async function buildPerson(db: Db, orgId: string, overrides: Partial<typeof people.$inferInsert> & { kind?: PersonKind } = {}): Promise<{ id: string; fullName: string }> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ orgId, fullName: `นายทดสอบ ${randomBytes(3).toString('hex')}`, position: 'นักจัดการงานทั่วไป', kind: 'local_official', activeFrom: '2020-01-01', ...overrides })
      .returning({ id: people.id, fullName: people.fullName })
    return row!
  })
}

/** A declaration with its interests (annual, FY2566, submitted, "no interest" when none are given, unless told otherwise). */
export async function buildDeclaration(db: Db, orgId: string, personId: string, interests: InterestInput[] = [], overrides: Partial<typeof coiDeclarations.$inferInsert> = {}): Promise<Declaration> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(coiDeclarations)
      .values({ orgId, personId, kind: 'annual', fiscalYear: 2566, declaredOn: '2022-11-15', noInterest: interests.length === 0, via: 'self', ...overrides })
      .returning()
    if (interests.length) await tx.insert(coiInterests).values(interests.map((i, position) => ({ orgId, declarationId: row!.id, position, ...i })))
    return row!
  })
}
