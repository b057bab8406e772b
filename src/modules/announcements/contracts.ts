import { and, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, StatisticDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { announcementsT } from './announcements.i18n.js'
import { announcements, type Announcement } from './announcements.schema.js'
import { numberText } from './numbering.js'
import { manualsT } from './manuals.i18n.js'
import type { ManualKind } from './manuals.schema.js'

// What this module offers the platform contracts: its announcements as evidence (for measure
// activities, plans, OIT items), and its figures for dashboards and roll-ups.

const kindTh = (a: Announcement) => announcementsT('th', `kind.${a.kind}`)

function toEvidence(slug: string, a: Announcement): EvidenceRecord {
  const no = numberText(a, false)
  return {
    id: a.id,
    title: `${kindTh(a)}${no ? ` ที่ ${no}` : ''} เรื่อง ${a.subject}`,
    date: a.signedOn,
    fiscalYear: a.fiscalYear,
    publicPath: a.status !== 'draft' && a.audience !== 'staff' ? `/o/${slug}/announcements/${a.id}` : null,
    staffPath: `/o/${slug}/admin/announcements/${a.id}`,
  }
}

const uuidsOf = (ids: string[]) => ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))

export const announcementsEvidence: EvidenceSourceDef = {
  type: 'announcements.announcement',
  label: localized(announcementsT, 'evidence.source'),
  search: async (ctx, q) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const where: SQL[] = []
    if (q.text) where.push(ilike(announcements.subject, `%${q.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`))
    if (q.fiscalYear) where.push(eq(announcements.fiscalYear, q.fiscalYear))
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(announcements).where(where.length ? and(...where) : undefined).orderBy(desc(announcements.signedOn)).limit(q.limit))
    return rows.map((r) => toEvidence(slug, r))
  },
  describe: async (ctx, ids) => {
    const uuids = uuidsOf(ids)
    if (!uuids.length) return []
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(announcements).where(inArray(announcements.id, uuids)))
    return rows.map((r) => toEvidence(slug, r))
  },
  /** Real content for year Y: published (not withdrawn), dated in fiscal year Y, with a text or a signed copy. */
  check: async (ctx, ids, fiscalYear) => {
    const uuids = uuidsOf(ids)
    const rows = uuids.length ? await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(announcements).where(inArray(announcements.id, uuids))) : []
    const no = (key: 'evidence.notPublished' | 'evidence.withdrawn' | 'evidence.empty' | 'evidence.otherYear', year?: number): EvidenceCheck => ({ ok: false, reason: { th: announcementsT('th', key, { year: year ?? '' }), en: announcementsT('en', key, { year: year ?? '' }) } })
    return new Map(
      rows.map((r) => [
        r.id,
        r.status === 'draft' ? no('evidence.notPublished') : r.status === 'withdrawn' ? no('evidence.withdrawn') : r.fiscalYear !== fiscalYear ? no('evidence.otherYear', r.fiscalYear) : !r.body.trim() && !r.fileId ? no('evidence.empty') : { ok: true, reason: null },
      ]),
    )
  },
}

/** Figures per agency and fiscal year, each computed for every agency in one query. */
export const announcementsStatistics: StatisticDef[] = [
  {
    key: 'published',
    label: localized(announcementsT, 'stat.published'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM announcements WHERE status <> 'draft' AND audience <> 'staff' GROUP BY org_id, fiscal_year`,
  },
  {
    // Of everyone asked to acknowledge the year's published announcements, the share who did (current versions).
    key: 'ack_percent',
    label: localized(announcementsT, 'stat.ackPercent'),
    unit: 'percent',
    public: false,
    query: sql`SELECT a.org_id, a.fiscal_year, round(100.0 * count(k.person_id) / count(*), 1) AS value
      FROM announcements a
      JOIN announcement_recipients r ON r.org_id = a.org_id AND r.announcement_id = a.id
      LEFT JOIN announcement_acks k ON k.org_id = r.org_id AND k.announcement_id = r.announcement_id AND k.version = a.version AND k.person_id = r.person_id
      WHERE a.status = 'published'
      GROUP BY a.org_id, a.fiscal_year`,
  },
]

// ── Manuals: the public list is the evidence for the OIT items on manuals (O14, O15 in 2566) ─────

const manualTitle = (kind: ManualKind, title: string, unit: string) => `${manualsT('th', `kind.${kind}`)}: ${title} (${unit})`
type ManualEvidenceRow = { id: string; kind: ManualKind; title: string; audience: string; unit: string; version: number | null; effective_on: string | null; fiscal_year: number | null; has_content: boolean | null }

async function manualRows(ctx: Parameters<EvidenceSourceDef['describe']>[0], where: SQL, limit = 500): Promise<ManualEvidenceRow[]> {
  const r = await inOrg(ctx.db, ctx.orgId, (tx) =>
    tx.execute<ManualEvidenceRow>(sql`
      SELECT m.id, m.kind, m.title, m.audience, u.name_th AS unit, v.version, v.effective_on::text AS effective_on, v.fiscal_year, (v.file_id IS NOT NULL OR length(trim(v.body)) > 0) AS has_content
      FROM manuals m JOIN units u ON u.id = m.unit_id
      LEFT JOIN manual_versions v ON v.manual_id = m.id AND v.version = m.current_version
      WHERE ${where} ORDER BY u.sort_order, m.title LIMIT ${limit}`),
  )
  return r.rows
}
function toManualEvidence(slug: string, r: ManualEvidenceRow): EvidenceRecord {
  return {
    id: r.id,
    title: manualTitle(r.kind, r.title, r.unit),
    date: r.effective_on,
    fiscalYear: r.fiscal_year,
    publicPath: r.version !== null && r.audience === 'public' ? `/o/${slug}/manuals/${r.id}` : null,
    staffPath: `/o/${slug}/admin/manuals/${r.id}`,
  }
}

export const manualsEvidence: EvidenceSourceDef = {
  type: 'announcements.manual',
  label: localized(manualsT, 'evidence.source'),
  search: async (ctx, q) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const text = q.text ? sql`m.title ILIKE ${`%${q.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql`true`
    const year = q.fiscalYear ? sql`EXISTS (SELECT 1 FROM manual_versions x WHERE x.manual_id = m.id AND x.fiscal_year <= ${q.fiscalYear})` : sql`true`
    return (await manualRows(ctx, sql`${text} AND ${year}`, q.limit)).map((r) => toManualEvidence(slug, r))
  },
  describe: async (ctx, ids) => {
    const uuids = uuidsOf(ids)
    if (!uuids.length) return []
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    return (await manualRows(ctx, sql`m.id IN (${sql.join(uuids.map((u) => sql`${u}::uuid`), sql`, `)})`)).map((r) => toManualEvidence(slug, r))
  },
  /** Real content for year Y: a version approved and in force by the end of fiscal year Y, public, with a text or a file. */
  check: async (ctx, ids, fiscalYear) => {
    const uuids = uuidsOf(ids)
    const rows = uuids.length ? await manualRows(ctx, sql`m.id IN (${sql.join(uuids.map((u) => sql`${u}::uuid`), sql`, `)})`) : []
    const no = (key: 'evidence.notApproved' | 'evidence.staffOnly' | 'evidence.later' | 'evidence.empty'): EvidenceCheck => ({ ok: false, reason: { th: manualsT('th', key, { year: fiscalYear }), en: manualsT('en', key, { year: fiscalYear }) } })
    return new Map(rows.map((r) => [r.id, r.version === null ? no('evidence.notApproved') : r.audience !== 'public' ? no('evidence.staffOnly') : (r.fiscal_year ?? 0) > fiscalYear ? no('evidence.later') : !r.has_content ? no('evidence.empty') : { ok: true, reason: null }]))
  },
}
