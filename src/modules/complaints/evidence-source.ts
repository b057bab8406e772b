import { sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { fiscalYearRange } from '../../platform/thai/index.js'
import { ct } from './complaints.i18n.js'

// The public complaint statistics of a fiscal year as an evidence source (platform contract,
// docs/decisions/0008): record id = the fiscal year ("2567"). It shows real work for year Y only
// when it is Y's page and complaints were received in Y — so the OIT statistics item follows the
// year's data, not the page's existence. Counts only; never a case's content.

const YEAR = /^\d{4}$/

/** Cases received per fiscal year (Bangkok time) of the agency, for the years asked. */
async function countsByYear(db: Parameters<typeof inOrg>[0], orgId: string, years: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  for (const y of years) {
    const { start, end } = fiscalYearRange(y)
    const r = await inOrg(db, orgId, (tx) =>
      tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM complaint_cases WHERE (received_at AT TIME ZONE 'Asia/Bangkok')::date BETWEEN ${start}::date AND ${end}::date`),
    )
    out.set(y, r.rows[0]?.n ?? 0)
  }
  return out
}

const record = (slug: string, year: number, lang: 'th' | 'en'): EvidenceRecord => ({
  id: String(year),
  title: ct(lang, 'evidence.statsTitle', { year }),
  date: fiscalYearRange(year).end,
  fiscalYear: year,
  publicPath: `/o/${slug}/complaints/stats?fy=${year}`,
  staffPath: null,
})

export const complaintStatsEvidence: EvidenceSourceDef = {
  type: 'complaints.statistics',
  label: localized(ct, 'evidence.stats'),
  search: async (ctx, q) => {
    const years = q.fiscalYear ? [q.fiscalYear] : []
    if (!years.length) {
      const r = await inOrg(ctx.db, ctx.orgId, (tx) => tx.execute<{ y: number }>(sql`SELECT DISTINCT (extract(year FROM (received_at AT TIME ZONE 'Asia/Bangkok') + interval '3 months')::int + 543) AS y FROM complaint_cases ORDER BY 1 DESC`))
      years.push(...r.rows.map((x) => Number(x.y)))
    }
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const text = q.text?.trim()
    return years
      .map((y) => record(slug, y, ctx.lang))
      .filter((r) => !text || r.title.includes(text) || ct('th', 'evidence.statsTitle', { year: r.fiscalYear! }).includes(text))
      .slice(0, q.limit)
  },
  describe: async (ctx, ids) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    return ids.filter((id) => YEAR.test(id) && Number(id) >= 2500 && Number(id) <= 2700).map((id) => record(slug, Number(id), ctx.lang))
  },
  check: async (ctx, ids, fiscalYear) => {
    const years = [...new Set(ids.filter((id) => YEAR.test(id)).map(Number))]
    const counts = await countsByYear(ctx.db, ctx.orgId, years.filter((y) => y === fiscalYear))
    const reason = (key: 'evidence.statsEmpty' | 'evidence.statsOtherYear', year: number) => ({ th: ct('th', key, { year }), en: ct('en', key, { year }) })
    return new Map<string, EvidenceCheck>(
      years.map((y) => {
        if (y !== fiscalYear) return [String(y), { ok: false, reason: reason('evidence.statsOtherYear', y) }]
        return [String(y), (counts.get(y) ?? 0) > 0 ? { ok: true, reason: null } : { ok: false, reason: reason('evidence.statsEmpty', y) }]
      }),
    )
  },
}
