import { randomBytes } from 'node:crypto'
import { inOrg, type Db } from '../../../db/client.js'
import { people, personUnits, type PersonKind } from '../../../platform/people/people.schema.js'
import { announcements, type Announcement } from '../announcements.schema.js'

/** A draft announcement of fiscal year 2566 (signed 15 March 2023) unless told otherwise. */
export async function buildAnnouncement(db: Db, orgId: string, overrides: Partial<typeof announcements.$inferInsert> = {}): Promise<Announcement> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({ orgId, kind: 'announcement', subject: `ประกาศทดสอบ ${randomBytes(3).toString('hex')}`, body: 'ข้อความประกาศทดสอบ', signedOn: '2023-03-15', fiscalYear: 2566, ...overrides })
      .returning()
    return row!
  })
}

/** A person of the agency's personnel (a local official unless told), in some units, optionally with an account. */
export async function buildPerson(db: Db, orgId: string, p: { name?: string; position?: string; kind?: PersonKind; unitIds?: string[]; userId?: string | null; email?: string | null } = {}): Promise<string> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(people)
      .values({ orgId, fullName: p.name ?? `บุคลากร ${randomBytes(3).toString('hex')}`, position: p.position ?? null, kind: p.kind ?? 'local_official', userId: p.userId ?? null, email: p.email ?? null })
      .returning({ id: people.id })
    if (p.unitIds?.length) await tx.insert(personUnits).values(p.unitIds.map((unitId) => ({ orgId, personId: row!.id, unitId })))
    return row!.id
  })
}
