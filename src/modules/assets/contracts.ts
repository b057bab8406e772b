import { sql } from 'drizzle-orm'
import { localized } from '../../platform/i18n/i18n.js'
import type { StatisticDef } from '../../platform/module/manifest.js'
import { assetsT } from './assets.i18n.js'

// What this module offers the platform contracts: its figures for dashboards and roll-ups.

/** Assets acquired per agency and fiscal year (1 Oct – 30 Sep; the year in พ.ศ.), computed for every agency in one query. */
export const assetsStatistics: StatisticDef[] = [
  {
    key: 'acquired',
    label: localized(assetsT, 'stat.acquired'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, (extract(year FROM acquired_on)::int + 543 + CASE WHEN extract(month FROM acquired_on) >= 10 THEN 1 ELSE 0 END) AS fiscal_year, count(*) AS value FROM asset_items WHERE acquired_on IS NOT NULL GROUP BY 1, 2`,
  },
]
