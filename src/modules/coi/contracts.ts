import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, StatisticDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { fiscalYearRange } from '../../platform/thai/index.js'
import { coiT } from './coi.i18n.js'
import { coiDeclarations } from './coi.schema.js'

// What this module offers the platform contracts: a fiscal year's register of declarations as
// evidence (seed measures 2 and 6), described by its year only — never a person — and figures for
// dashboards and roll-ups.

const years = (ids: string[]) => [...new Set(ids.filter((id) => /^\d{4}$/.test(id)).map(Number).filter((y) => y >= 2500 && y <= 2700))]

function toEvidence(slug: string, fiscalYear: number): EvidenceRecord {
  return {
    id: String(fiscalYear),
    title: coiT('th', 'evidence.title', { year: fiscalYear }),
    date: fiscalYearRange(fiscalYear).end,
    fiscalYear,
    publicPath: `/o/${slug}/coi#y-${fiscalYear}`,
    staffPath: `/o/${slug}/admin/coi?fy=${fiscalYear}`,
  }
}

export const coiEvidence: EvidenceSourceDef = {
  type: 'coi.register',
  label: localized(coiT, 'evidence.source'),
  search: async (ctx, q) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.selectDistinct({ y: coiDeclarations.fiscalYear }).from(coiDeclarations).where(q.fiscalYear ? eq(coiDeclarations.fiscalYear, q.fiscalYear) : undefined).orderBy(desc(coiDeclarations.fiscalYear)).limit(q.limit))
    const text = q.text?.trim()
    return rows.map((r) => toEvidence(slug, r.y)).filter((e) => !text || e.title.includes(text) || 'ผลประโยชน์ทับซ้อน การขัดกันระหว่างผลประโยชน์ ส่วนได้เสีย'.includes(text))
  },
  describe: async (ctx, ids) => {
    const list = years(ids)
    if (!list.length) return []
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.selectDistinct({ y: coiDeclarations.fiscalYear }).from(coiDeclarations).where(inArray(coiDeclarations.fiscalYear, list)))
    return rows.map((r) => toEvidence(slug, r.y))
  },
  /** Real work in year Y: the register of year Y, with declarations the executive has acknowledged. */
  check: async (ctx, ids, fiscalYear) => {
    const list = years(ids)
    const rows = list.length ? await inOrg(ctx.db, ctx.orgId, (tx) => tx.select({ y: coiDeclarations.fiscalYear, n: count() }).from(coiDeclarations).where(and(inArray(coiDeclarations.fiscalYear, list), eq(coiDeclarations.status, 'acknowledged'))).groupBy(coiDeclarations.fiscalYear)) : []
    const acknowledged = new Map(rows.map((r) => [r.y, r.n]))
    const no = (key: 'evidence.otherYear' | 'evidence.noneAcknowledged', year: number): EvidenceCheck => ({ ok: false, reason: { th: coiT('th', key, { year }), en: coiT('en', key, { year }) } })
    return new Map(list.map((y) => [String(y), y !== fiscalYear ? no('evidence.otherYear', y) : (acknowledged.get(y) ?? 0) === 0 ? no('evidence.noneAcknowledged', y) : { ok: true, reason: null }]))
  },
}

/** Figures per agency and fiscal year, each one set-based query over every agency. */
export const coiStatistics: StatisticDef[] = [
  {
    key: 'declarations',
    label: localized(coiT, 'stat.declarations'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM coi_declarations WHERE status <> 'withdrawn' GROUP BY org_id, fiscal_year`,
  },
  {
    key: 'matters',
    label: localized(coiT, 'stat.matters'),
    unit: 'count',
    public: false,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM coi_matters GROUP BY org_id, fiscal_year`,
  },
  {
    key: 'mattersResolved',
    label: localized(coiT, 'stat.mattersResolved'),
    unit: 'count',
    public: false,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM coi_matters WHERE status = 'resolved' GROUP BY org_id, fiscal_year`,
  },
]
