import { and, eq, inArray, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { fiscalYearRange } from '../../platform/thai/index.js'
import { mt } from './measures.i18n.js'
import { activities, measures } from './measures.schema.js'

// A year's published measures report as an evidence source (platform contract, docs/decisions/0008):
// record id = the fiscal year. The public report lists approved measures only, so it shows real work
// for year Y only when Y has an approved measure with an activity done or under way — an empty
// table never passes for the OIT report item.

const YEAR = /^\d{4}$/
const reason = (key: 'e.reportNoMeasures' | 'e.reportNoResults' | 'e.reportOtherYear', year: number) => ({ th: mt('th', key, { year }), en: mt('en', key, { year }) })

const record = (slug: string, year: number, lang: 'th' | 'en'): EvidenceRecord => ({
  id: String(year),
  title: mt(lang, 'e.reportTitle', { year }),
  date: fiscalYearRange(year).end,
  fiscalYear: year,
  publicPath: `/o/${slug}/ita/${year}/measures-report.html`,
  staffPath: `/o/${slug}/admin/ita/${year}/measures`,
})

export const measuresReportEvidence: EvidenceSourceDef = {
  type: 'measures.report',
  label: localized(mt, 'e.report'),
  search: async (ctx, q) => {
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) =>
      tx.selectDistinct({ y: measures.fiscalYear }).from(measures).where(and(eq(measures.status, 'approved'), q.fiscalYear ? eq(measures.fiscalYear, q.fiscalYear) : undefined)).orderBy(sql`1 desc`),
    )
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const text = q.text?.trim()
    return rows.map((r) => record(slug, r.y, ctx.lang)).filter((r) => !text || r.title.includes(text)).slice(0, q.limit)
  },
  describe: async (ctx, ids) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    return ids.filter((id) => YEAR.test(id) && Number(id) >= 2500 && Number(id) <= 2700).map((id) => record(slug, Number(id), ctx.lang))
  },
  check: async (ctx, ids, fiscalYear) => {
    const years = [...new Set(ids.filter((id) => YEAR.test(id)).map(Number))]
    const rows = years.includes(fiscalYear)
      ? await inOrg(ctx.db, ctx.orgId, (tx) =>
          tx
            .select({ approved: sql<number>`count(DISTINCT ${measures.id})::int`, working: sql<number>`count(${activities.id}) FILTER (WHERE ${inArray(activities.status, ['done', 'in_progress'])})::int` })
            .from(measures)
            .leftJoin(activities, and(eq(activities.orgId, measures.orgId), eq(activities.measureId, measures.id)))
            .where(and(eq(measures.fiscalYear, fiscalYear), eq(measures.status, 'approved'))),
        )
      : []
    const r = rows[0]
    return new Map<string, EvidenceCheck>(
      years.map((y) => {
        if (y !== fiscalYear) return [String(y), { ok: false, reason: reason('e.reportOtherYear', y) }]
        if (!r?.approved) return [String(y), { ok: false, reason: reason('e.reportNoMeasures', y) }]
        if (!r.working) return [String(y), { ok: false, reason: reason('e.reportNoResults', y) }]
        return [String(y), { ok: true, reason: null }]
      }),
    )
  },
}
