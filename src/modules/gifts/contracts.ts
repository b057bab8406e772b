import { desc, eq, inArray, and, type SQL, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, StatisticDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { fiscalHalfRange } from '../../platform/thai/index.js'
import { giftsT } from './gifts.i18n.js'
import { giftsReports, type GiftReport } from './gifts.schema.js'

// What this module offers the platform contracts: each half's six-monthly report as evidence
// (indicator 10's "รายงานผลการรับของขวัญ ทุก ๖ เดือน", the OIT No Gift Policy report item), and
// figures over every agency and year for dashboards and roll-ups.

const titleOf = (r: Pick<GiftReport, 'fiscalYear' | 'half'>) => giftsT('th', 'report.title', { half: r.half, year: r.fiscalYear })

function toEvidence(slug: string, r: GiftReport): EvidenceRecord {
  return {
    id: r.id,
    title: titleOf(r),
    date: r.publishedAt ? r.publishedAt.toISOString().slice(0, 10) : fiscalHalfRange(r.fiscalYear, r.half).end,
    fiscalYear: r.fiscalYear,
    publicPath: r.status === 'published' ? `/o/${slug}/gifts#h-${r.fiscalYear}-${r.half}` : null,
    staffPath: `/o/${slug}/admin/gifts/reports/${r.fiscalYear}/${r.half}`,
  }
}

const uuids = (ids: string[]) => ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))

export const giftsEvidence: EvidenceSourceDef = {
  type: 'gifts.report',
  label: localized(giftsT, 'evidence.source'),
  search: async (ctx, q) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const where: SQL[] = []
    if (q.fiscalYear) where.push(eq(giftsReports.fiscalYear, q.fiscalYear))
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(giftsReports).where(where.length ? and(...where) : undefined).orderBy(desc(giftsReports.fiscalYear), desc(giftsReports.half)).limit(q.limit))
    const text = q.text?.trim()
    return rows.map((r) => toEvidence(slug, r)).filter((e) => !text || e.title.includes(text) || 'รายงานผลการรับของขวัญ No Gift Policy'.includes(text))
  },
  describe: async (ctx, ids) => {
    const list = uuids(ids)
    if (!list.length) return []
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(giftsReports).where(inArray(giftsReports.id, list)))
    return rows.map((r) => toEvidence(slug, r))
  },
  /** Real content for year Y: published, of year Y, and people actually answered (nil returns or gifts on record). */
  check: async (ctx, ids, fiscalYear) => {
    const list = uuids(ids)
    const rows = list.length ? await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(giftsReports).where(inArray(giftsReports.id, list))) : []
    const no = (key: 'evidence.notPublished' | 'evidence.noAnswers' | 'evidence.otherYear', year?: number): EvidenceCheck => ({ ok: false, reason: { th: giftsT('th', key, { year: year ?? '' }), en: giftsT('en', key, { year: year ?? '' }) } })
    return new Map(
      rows.map((r) => [
        r.id,
        r.status !== 'published' || !r.summary
          ? no('evidence.notPublished')
          : r.fiscalYear !== fiscalYear
            ? no('evidence.otherYear', r.fiscalYear)
            : r.summary.respondents === 0 || r.summary.nilReturns + r.summary.withGifts === 0
              ? no('evidence.noAnswers')
              : { ok: true, reason: null },
      ]),
    )
  },
}

/** Figures per agency and fiscal year, each one set-based query over every agency. */
export const giftsStatistics: StatisticDef[] = [
  {
    key: 'recorded',
    label: localized(giftsT, 'stat.recorded'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM gifts_records GROUP BY org_id, fiscal_year`,
  },
  {
    key: 'overLimitHandedOver',
    label: localized(giftsT, 'stat.overLimitHandedOver'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM gifts_records WHERE assessment = 'over' AND action = 'handed_over' GROUP BY org_id, fiscal_year`,
  },
  {
    key: 'nilReturnPercent',
    label: localized(giftsT, 'stat.nilReturnPercent'),
    unit: 'percent',
    public: false,
    query: sql`SELECT org_id, fiscal_year, round(100.0 * sum((summary->>'nilReturns')::int) / nullif(sum((summary->>'respondents')::int), 0), 1) AS value
               FROM gifts_reports WHERE status = 'published' GROUP BY org_id, fiscal_year
               HAVING sum((summary->>'respondents')::int) > 0`,
  },
]
