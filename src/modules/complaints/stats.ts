import { and, gte, lt, sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import { fiscalYearOf, fiscalYearRange, beToCe } from '../../platform/thai/index.js'
import { CATEGORIES, complaintCases, STATUSES, type Category, type Status } from './complaints.schema.js'

// Public statistics (the evidence OIT asks for): counts and handling times only, never content.

export type FiscalYearStats = {
  fiscalYear: number
  total: number
  /** 12 months from October: [{ month: 'YYYY-MM' (C.E.), count }] */
  byMonth: { month: string; count: number }[]
  byCategory: Record<Category, number>
  byStatus: Record<Status, number>
  /** Days from receipt to closing or referral, over cases finished; null when none. */
  medianDays: number | null
  finished: number
}

export function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export async function fiscalYearsWithReports(db: Db, orgId: string): Promise<number[]> {
  const rows = await inOrg(db, orgId, (tx) =>
    tx.execute<{ y: string }>(sql`SELECT DISTINCT date_trunc('month', received_at AT TIME ZONE 'Asia/Bangkok')::date::text AS y FROM complaint_cases`),
  )
  return [...new Set(rows.rows.map((r) => fiscalYearOf(r.y)))].sort((a, b) => b - a)
}

export async function publicStats(db: Db, orgId: string, fiscalYear: number): Promise<FiscalYearStats> {
  const range = fiscalYearRange(fiscalYear)
  const from = new Date(`${range.start}T00:00:00+07:00`)
  const to = new Date(`${range.end}T00:00:00+07:00`)
  to.setUTCDate(to.getUTCDate() + 1)
  const rows = await inOrg(db, orgId, (tx) =>
    tx
      .select({
        category: complaintCases.category,
        status: complaintCases.status,
        month: sql<string>`to_char(${complaintCases.receivedAt} AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM')`,
        days: sql<number | null>`CASE WHEN ${complaintCases.closedAt} IS NULL THEN NULL ELSE ((${complaintCases.closedAt} AT TIME ZONE 'Asia/Bangkok')::date - (${complaintCases.receivedAt} AT TIME ZONE 'Asia/Bangkok')::date) END`,
      })
      .from(complaintCases)
      .where(and(gte(complaintCases.receivedAt, from), lt(complaintCases.receivedAt, to))),
  )
  const startCe = beToCe(fiscalYear) - 1
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const m = ((9 + i) % 12) + 1
    const y = startCe + (m >= 10 ? 0 : 1)
    return { month: `${y}-${String(m).padStart(2, '0')}`, count: 0 }
  })
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>
  const days: number[] = []
  for (const r of rows) {
    const m = byMonth.find((x) => x.month === r.month)
    if (m) m.count++
    byCategory[r.category]++
    byStatus[r.status]++
    if (r.days !== null) days.push(Number(r.days))
  }
  return { fiscalYear, total: rows.length, byMonth, byCategory, byStatus, medianDays: median(days), finished: days.length }
}
