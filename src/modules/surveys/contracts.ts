import { inArray, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, StatisticDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { SMALL_COUNT } from '../../platform/stats/suppress.js'
import { surveysT } from './surveys.i18n.js'
import { surveys, type Survey } from './surveys.schema.js'

// What this module offers the platform contracts: a survey's results as evidence (measure 3 and 6
// activities, indicator 8, the OIT item on satisfaction) and its figures for dashboards and roll-ups.

const countsOf = async (tx: Tx, ids: string[]) =>
  new Map(
    (ids.length ? await tx.execute<{ survey_id: string; n: number }>(sql`SELECT survey_id, count(*)::int AS n FROM surveys_responses WHERE survey_id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)}) GROUP BY survey_id`) : { rows: [] }).rows.map((r) => [r.survey_id, r.n]),
  )

function toEvidence(slug: string, s: Survey): EvidenceRecord {
  return {
    id: s.id,
    title: surveysT('th', 'evidence.title', { title: s.title }),
    date: s.updatedAt.toISOString().slice(0, 10),
    fiscalYear: s.fiscalYear,
    publicPath: s.status === 'draft' ? null : `/o/${slug}/surveys/${s.id}/results`,
    staffPath: `/o/${slug}/admin/surveys/${s.id}/results`,
  }
}

const uuidsOf = (ids: string[]) => ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))

export const surveysEvidence: EvidenceSourceDef = {
  type: 'surveys.survey',
  label: localized(surveysT, 'evidence.source'),
  search: async (ctx, q) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) =>
      tx
        .select()
        .from(surveys)
        .where(sql`${surveys.status} <> 'draft' ${q.text ? sql`AND ${surveys.title} ILIKE ${`%${q.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql``} ${q.fiscalYear ? sql`AND ${surveys.fiscalYear} = ${q.fiscalYear}` : sql``}`)
        .orderBy(sql`${surveys.updatedAt} DESC`)
        .limit(q.limit),
    )
    return rows.map((r) => toEvidence(slug, r))
  },
  describe: async (ctx, ids) => {
    const uuids = uuidsOf(ids)
    if (!uuids.length) return []
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(surveys).where(inArray(surveys.id, uuids)))
    return rows.map((r) => toEvidence(slug, r))
  },
  // Real work in year Y: opened, of year Y, with at least SMALL_COUNT answer sheets (fewer are not shown).
  check: async (ctx, ids, fiscalYear) => {
    const uuids = uuidsOf(ids)
    return inOrg(ctx.db, ctx.orgId, async (tx) => {
      const rows = uuids.length ? await tx.select().from(surveys).where(inArray(surveys.id, uuids)) : []
      const n = await countsOf(tx, rows.map((r) => r.id))
      const no = (key: 'evidence.notOpened' | 'evidence.otherYear' | 'evidence.tooFew', year?: number): EvidenceCheck => ({ ok: false, reason: { th: surveysT('th', key, { year: year ?? '', min: SMALL_COUNT }), en: surveysT('en', key, { year: year ?? '', min: SMALL_COUNT }) } })
      return new Map(rows.map((r) => [r.id, r.status === 'draft' ? no('evidence.notOpened') : r.fiscalYear !== fiscalYear ? no('evidence.otherYear', r.fiscalYear) : (n.get(r.id) ?? 0) < SMALL_COUNT ? no('evidence.tooFew') : { ok: true, reason: null }]))
    })
  },
}

/** Answer sheets, and the mean of every Likert answer (×100, two decimals kept), per agency and fiscal year. */
export const surveysStatistics: StatisticDef[] = [
  {
    key: 'responses',
    label: localized(surveysT, 'stat.responses'),
    unit: 'count',
    public: true,
    query: sql`SELECT s.org_id, s.fiscal_year, count(*) AS value FROM surveys_responses r JOIN surveys s ON s.org_id = r.org_id AND s.id = r.survey_id GROUP BY s.org_id, s.fiscal_year`,
  },
  {
    key: 'satisfaction',
    label: localized(surveysT, 'stat.satisfaction'),
    unit: 'percent',
    public: true,
    // The mean level of 1–5 as a percentage of 5 (a mean of 4.25 is 85 %).
    query: sql`SELECT s.org_id, s.fiscal_year, round(avg((r.answers ->> q.id::text)::numeric) * 20, 2) AS value
      FROM surveys_responses r
      JOIN surveys s ON s.org_id = r.org_id AND s.id = r.survey_id
      JOIN surveys_questions q ON q.org_id = r.org_id AND q.survey_id = r.survey_id AND q.kind = 'likert'
      WHERE r.answers ? q.id::text
      GROUP BY s.org_id, s.fiscal_year`,
  },
]
