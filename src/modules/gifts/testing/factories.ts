import { randomBytes } from 'node:crypto'
import { inOrg, type Db } from '../../../db/client.js'
import { people, type PersonKind } from '../../../platform/people/people.schema.js'
import { giftsRecords, giftsReports, type GiftRecord, type GiftReport } from '../gifts.schema.js'
import { summarize } from '../reports.js'

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

/** A gift on the register (kept, within the limit, 3 Jan 2023 = FY2566 half 1 unless told otherwise). */
export async function buildGift(db: Db, orgId: string, personId: string, overrides: Partial<typeof giftsRecords.$inferInsert> = {}): Promise<GiftRecord> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(giftsRecords)
      .values({ orgId, personId, receivedOn: '2023-01-03', fiscalYear: 2566, half: 1, giver: `ผู้ให้ทดสอบ ${randomBytes(3).toString('hex')}`, relation: 'public', occasion: 'วันขึ้นปีใหม่ 2566', description: 'กระเช้าผลไม้', valueBaht: '1000.00', action: 'kept', assessment: 'within', ...overrides })
      .returning()
    return row!
  })
}

/** A six-monthly report row (a draft unless told; a published one gets an empty summary). */
export async function buildReport(db: Db, orgId: string, fiscalYear: number, half: 1 | 2, overrides: Partial<typeof giftsReports.$inferInsert> = {}): Promise<GiftReport> {
  const published = overrides.status === 'published'
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(giftsReports)
      .values({ orgId, fiscalYear, half, ...(published ? { summary: summarize([], { respondents: [], nil: 0, withGifts: 0 }), publishedAt: new Date() } : {}), ...overrides })
      .returning()
    return row!
  })
}
