import { sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../../db/client.js'
import { riskControls, riskMonitoring, risks, type Risk } from '../risks.schema.js'

// A counter, not a random number: numbers are unique per agency and year.
let nextSeq = 500

/** A risk in an agency (a draft of fiscal year 2566, likelihood 3 × impact 4, unless told otherwise). */
export async function buildRisk(db: Db, orgId: string, overrides: Partial<typeof risks.$inferInsert> = {}): Promise<Risk> {
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(risks)
      .values({ orgId, fiscalYear: 2566, seq: nextSeq++, area: 'procurement', process: 'การจัดซื้อจัดจ้างทดสอบ', event: 'กำหนดคุณลักษณะเฉพาะเอื้อประโยชน์ผู้ประกอบการรายหนึ่ง', likelihood: 3, impact: 4, status: 'draft', ...overrides })
      .returning()
    return row!
  })
}

export async function buildRound(db: Db, orgId: string, riskId: string, round: 6 | 12, status: 'not_started' | 'in_progress' | 'done' | 'occurred' = 'done'): Promise<void> {
  await inOrg(db, orgId, (tx) => tx.insert(riskMonitoring).values({ orgId, riskId, round, status, note: 'ติดตามแล้ว', recordedOn: round === 6 ? '2023-03-31' : '2023-09-29' }))
}

/**
 * A measure of the measures module (its table, written in SQL: a test of this module meets the
 * measures module only through its index.ts, and the measures module has no factory to share).
 */
export async function buildMeasure(db: Db, orgId: string, fiscalYear: number, title: string, sortOrder = 1): Promise<{ id: string; title: string }> {
  return inOrg(db, orgId, async (tx) => {
    const r = await tx.execute<{ id: string }>(sql`INSERT INTO ita_measures (org_id, fiscal_year, sort_order, title) VALUES (${orgId}::uuid, ${fiscalYear}, ${sortOrder}, ${title}) RETURNING id`)
    return { id: r.rows[0]!.id, title }
  })
}

/** A control link of a risk to a measure (the measure need not exist: the table keeps its title). */
export async function buildControl(db: Db, orgId: string, riskId: string, measureId: string, measureTitle = 'มาตรการทดสอบ'): Promise<void> {
  await inOrg(db, orgId, (tx) => tx.insert(riskControls).values({ orgId, riskId, measureId, measureTitle }))
}
