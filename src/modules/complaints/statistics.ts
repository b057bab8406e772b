import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import type { StatisticDef } from '../../platform/module/manifest.js'
import { agencyStatistics } from '../../platform/stats/statistics.js'
import { beToCe } from '../../platform/thai/index.js'
import { CATEGORIES, STATUSES, type Category, type Status } from './complaints.schema.js'
import type { FiscalYearStats } from './stats.js'

// The complaints module's figures in the platform statistics contract: each is one set-based query
// over every agency and fiscal year (received date, Bangkok time), computed by the platform job for
// dashboards and roll-ups. The public statistics page keeps its live per-agency query (stats.ts) so
// a reporter sees their report counted at once; a test holds the two equal. Counts and handling
// days only — never content.

const FY = sql`(extract(year FROM (received_at AT TIME ZONE 'Asia/Bangkok') + interval '3 months')::int + 543)`
const DAYS = sql`((closed_at AT TIME ZONE 'Asia/Bangkok')::date - (received_at AT TIME ZONE 'Asia/Bangkok')::date)`
/** Month of the fiscal year, 1 = October … 12 = September. */
const FY_MONTH = sql`extract(month FROM (received_at AT TIME ZONE 'Asia/Bangkok') + interval '3 months')::int`

const count = (where: SQL | null): SQL => sql`SELECT org_id, ${FY} AS fiscal_year, count(*) AS value FROM complaint_cases ${where ? sql`WHERE ${where}` : sql``} GROUP BY 1, 2`
const T = (th: string, en: string) => ({ th, en })

export const complaintStatistics: StatisticDef[] = [
  { key: 'total', label: T('เรื่องร้องเรียนทั้งหมด', 'Complaints received'), unit: 'count', public: true, query: count(null) },
  ...CATEGORIES.map((c): StatisticDef => ({ key: `category.${c}`, label: T(`เรื่องร้องเรียนประเภท ${c}`, `Complaints: ${c}`), unit: 'count', public: true, query: count(sql`category = ${c}`) })),
  ...STATUSES.map((s): StatisticDef => ({ key: `status.${s}`, label: T(`เรื่องร้องเรียนสถานะ ${s}`, `Complaints: ${s}`), unit: 'count', public: true, query: count(sql`status = ${s}`) })),
  ...Array.from({ length: 12 }, (_, i): StatisticDef => ({ key: `month.${i + 1}`, label: T(`เรื่องร้องเรียนเดือนที่ ${i + 1} ของปีงบประมาณ`, `Complaints in month ${i + 1} of the fiscal year`), unit: 'count', public: true, query: count(sql`${FY_MONTH} = ${i + 1}`) })),
  { key: 'finished', label: T('เรื่องที่ยุติหรือส่งต่อแล้ว', 'Complaints closed or referred'), unit: 'count', public: true, query: count(sql`closed_at IS NOT NULL`) },
  {
    key: 'median_days',
    label: T('ระยะเวลาดำเนินการ (มัธยฐาน)', 'Median handling days'),
    unit: 'days',
    public: true,
    query: sql`SELECT org_id, ${FY} AS fiscal_year, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS}) AS value FROM complaint_cases WHERE closed_at IS NOT NULL GROUP BY 1, 2`,
  },
]

/** A fiscal year's public statistics as the last statistics run stored them (zeros where none). */
export async function storedStats(db: Db, orgId: string, fiscalYear: number): Promise<FiscalYearStats & { computedAt: Date | null }> {
  const rows = (await agencyStatistics(db, orgId, fiscalYear)).filter((r) => r.module === 'complaints')
  const v = new Map(rows.map((r) => [r.key, r.value]))
  const get = (k: string) => v.get(k) ?? 0
  const startCe = beToCe(fiscalYear) - 1
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const m = ((9 + i) % 12) + 1
    return { month: `${startCe + (m >= 10 ? 0 : 1)}-${String(m).padStart(2, '0')}`, count: get(`month.${i + 1}`) }
  })
  return {
    fiscalYear,
    total: get('total'),
    byMonth,
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, get(`category.${c}`)])) as Record<Category, number>,
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, get(`status.${s}`)])) as Record<Status, number>,
    medianDays: v.has('median_days') ? v.get('median_days')! : null,
    finished: get('finished'),
    computedAt: rows.length ? new Date(Math.max(...rows.map((r) => r.computedAt.getTime()))) : null,
  }
}
