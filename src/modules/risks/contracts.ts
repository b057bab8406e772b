import { inArray, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, StatisticDef, UseCaseCtx } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { risksT, type RisksKey } from './risks.i18n.js'
import { riskControls, riskMonitoring, risks } from './risks.schema.js'
import { DEFAULT_LIMITS } from './rules.js'

// What this module offers the platform contracts: a year's register (the assessment) and its
// monitoring as evidence — for indicator 10's plan and the OIT items on corruption risk — and
// figures for dashboards and roll-ups. A record's id is its fiscal year ("2566").

export const REGISTER_TYPE = 'risks.register'
export const MONITORING_TYPE = 'risks.monitoring'

type Ctx = UseCaseCtx & { orgId: string }
type YearFacts = { fiscalYear: number; published: number; controlled: number; monitored: number; publishedOn: string | null; monitoredOn: string | null }

const years = (ids: string[]) => [...new Set(ids.filter((id) => /^\d{4}$/.test(id)).map(Number).filter((y) => y >= 2500 && y <= 2700))]

async function factsOf(ctx: Ctx, wanted: number[] | null): Promise<YearFacts[]> {
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const rows = await tx
      .select({
        fiscalYear: risks.fiscalYear,
        published: sql<number>`count(*) FILTER (WHERE ${risks.status} = 'published')::int`,
        controlled: sql<number>`count(*) FILTER (WHERE ${risks.status} = 'published' AND EXISTS (SELECT 1 FROM ${riskControls} c WHERE c.org_id = ${risks.orgId} AND c.risk_id = ${risks.id}))::int`,
        monitored: sql<number>`count(*) FILTER (WHERE ${risks.status} = 'published' AND EXISTS (SELECT 1 FROM ${riskMonitoring} m WHERE m.org_id = ${risks.orgId} AND m.risk_id = ${risks.id}))::int`,
        publishedOn: sql<string | null>`to_char(max(${risks.publishedAt}) FILTER (WHERE ${risks.status} = 'published') AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM-DD')`,
        monitoredOn: sql<string | null>`(SELECT to_char(max(m.recorded_on), 'YYYY-MM-DD') FROM ${riskMonitoring} m JOIN ${risks} r2 ON r2.org_id = m.org_id AND r2.id = m.risk_id WHERE r2.fiscal_year = ${risks.fiscalYear} AND r2.status = 'published')`,
      })
      .from(risks)
      .where(wanted ? inArray(risks.fiscalYear, wanted) : undefined)
      .groupBy(risks.fiscalYear)
      .orderBy(sql`${risks.fiscalYear} DESC`)
    return rows
  })
}

function source(type: string, labelKey: RisksKey, titleKey: RisksKey, pathOf: (slug: string, fy: number) => { staff: string; pub: string }, verdict: (f: YearFacts) => RisksKey | null): EvidenceSourceDef {
  const toEvidence = (slug: string, f: YearFacts): EvidenceRecord => ({
    id: String(f.fiscalYear),
    title: risksT('th', titleKey, { year: f.fiscalYear }),
    date: type === MONITORING_TYPE ? f.monitoredOn : f.publishedOn,
    fiscalYear: f.fiscalYear,
    publicPath: f.published > 0 ? pathOf(slug, f.fiscalYear).pub : null,
    staffPath: pathOf(slug, f.fiscalYear).staff,
  })
  return {
    type,
    label: localized(risksT, labelKey),
    search: async (ctx, q) => {
      const slug = await orgSlugOf(ctx.db, ctx.orgId)
      const all = await factsOf(ctx, q.fiscalYear ? [q.fiscalYear] : null)
      const text = q.text?.trim()
      return all.map((f) => toEvidence(slug, f)).filter((r) => !text || r.title.includes(text) || String(r.fiscalYear) === text).slice(0, q.limit)
    },
    describe: async (ctx, ids) => {
      const ys = years(ids)
      if (!ys.length) return []
      const slug = await orgSlugOf(ctx.db, ctx.orgId)
      return (await factsOf(ctx, ys)).map((f) => toEvidence(slug, f))
    },
    /** Real work of year Y: the register of Y, published, and (per source) controlled by measures or monitored. */
    check: async (ctx, ids, fiscalYear) => {
      const ys = years(ids)
      const facts = new Map((ys.length ? await factsOf(ctx, ys) : []).map((f) => [f.fiscalYear, f]))
      const no = (key: RisksKey, year?: number): EvidenceCheck => ({ ok: false, reason: { th: risksT('th', key, { year: year ?? '' }), en: risksT('en', key, { year: year ?? '' }) } })
      return new Map(
        ys.map((y) => {
          const f = facts.get(y)
          const why = y !== fiscalYear ? null : !f || f.published === 0 ? 'evidence.notPublished' : verdict(f)
          return [String(y), y !== fiscalYear ? no('evidence.otherYear', y) : why ? no(why) : { ok: true, reason: null }] as const
        }),
      )
    },
  }
}

const paths = (slug: string, fy: number) => ({ staff: `/o/${slug}/admin/risks/year/${fy}`, pub: `/o/${slug}/risks/${fy}` })
export const registerEvidence = source(REGISTER_TYPE, 'evidence.register', 'evidence.registerTitle', paths, (f) => (f.controlled === 0 ? 'evidence.noControls' : null))
export const monitoringEvidence = source(MONITORING_TYPE, 'evidence.monitoring', 'evidence.monitoringTitle', (slug, fy) => ({ staff: `/o/${slug}/admin/risks/year/${fy}#monitoring`, pub: `/o/${slug}/risks/${fy}#monitoring` }), (f) => (f.monitored === 0 ? 'evidence.noMonitoring' : null))

const residualScore = sql.raw('coalesce(r.residual_likelihood * r.residual_impact, r.likelihood * r.impact)')

/** Figures per agency and fiscal year, each one set-based query over every agency. */
export const risksStatistics: StatisticDef[] = [
  {
    key: 'risks',
    label: localized(risksT, 'stat.risks'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM risks_items WHERE status = 'published' GROUP BY org_id, fiscal_year`,
  },
  {
    key: 'highResidual',
    label: localized(risksT, 'stat.highResidual'),
    unit: 'count',
    public: false,
    // High or above: over the year's medium limit (the agency's own bands, else the default).
    query: sql`SELECT r.org_id, r.fiscal_year, count(*) FILTER (WHERE ${residualScore} > coalesce(b.medium_max, ${sql.raw(String(DEFAULT_LIMITS.mediumMax))})) AS value
               FROM risks_items r LEFT JOIN risks_bands b ON b.org_id = r.org_id AND b.fiscal_year = r.fiscal_year
               WHERE r.status = 'published' GROUP BY r.org_id, r.fiscal_year`,
  },
  {
    key: 'monitoredPercent',
    label: localized(risksT, 'stat.monitoredPercent'),
    unit: 'percent',
    public: false,
    query: sql`SELECT r.org_id, r.fiscal_year, round(100.0 * count(*) FILTER (WHERE (SELECT count(*) FROM risks_monitoring m WHERE m.org_id = r.org_id AND m.risk_id = r.id) = 2) / nullif(count(*), 0), 1) AS value
               FROM risks_items r WHERE r.status = 'published' GROUP BY r.org_id, r.fiscal_year`,
  },
]
