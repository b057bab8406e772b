import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, StatisticDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { meetingsT } from './meetings.i18n.js'
import { agendaItems, meetings, type AgendaItem, type Meeting } from './meetings.schema.js'
import { likePattern, numberText } from './shared.js'

// What this module offers the platform contracts: each agenda item's minutes as evidence (the
// monthly meeting that passed on the No Gift Policy is the proof of measure 1's activity), and
// figures for dashboards and roll-ups.

/** Minutes must show what was said or resolved, not only a title. */
export const MIN_MINUTES_CHARS = 20
export const EVIDENCE_TYPE = 'meetings.item'

export const itemLabel = (i: Pick<AgendaItem, 'section' | 'position'>) => `${i.section}.${i.position}`
/** "รายงานการประชุม…": a meeting title that starts with (การ)ประชุม is not repeated ("รายงานการประชุมการประชุม…"). */
export const evidenceTitle = (m: Pick<Meeting, 'title' | 'number' | 'fiscalYear'>, i: Pick<AgendaItem, 'section' | 'position' | 'title'>) =>
  meetingsT('th', 'evidence.title', { meeting: m.title.replace(/^(การ)?ประชุม\s*/, ''), number: numberText(m), item: itemLabel(i), title: i.title })

function toEvidence(slug: string, m: Meeting, i: AgendaItem): EvidenceRecord {
  const held = m.status === 'held' || m.status === 'adopted'
  return {
    id: i.id,
    title: evidenceTitle(m, i),
    date: m.heldOn,
    fiscalYear: m.fiscalYear,
    publicPath: m.isPublic && held ? `/o/${slug}/meetings/${m.id}#item-${i.id}` : null,
    staffPath: `/o/${slug}/admin/meetings/${m.id}#item-${i.id}`,
  }
}

const uuids = (ids: string[]) => ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
const joined = () => ({ m: meetings, i: agendaItems })

export const meetingsEvidence: EvidenceSourceDef = {
  type: EVIDENCE_TYPE,
  label: localized(meetingsT, 'evidence.source'),
  search: async (ctx, q) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const where: SQL[] = []
    if (q.text) where.push(or(ilike(agendaItems.title, likePattern(q.text)), ilike(meetings.title, likePattern(q.text)))!)
    if (q.fiscalYear) where.push(eq(meetings.fiscalYear, q.fiscalYear))
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) =>
      tx.select(joined()).from(agendaItems).innerJoin(meetings, eq(meetings.id, agendaItems.meetingId)).where(where.length ? and(...where) : undefined).orderBy(desc(meetings.heldOn), agendaItems.section, agendaItems.position).limit(q.limit),
    )
    return rows.map((r) => toEvidence(slug, r.m, r.i))
  },
  describe: async (ctx, ids) => {
    const list = uuids(ids)
    if (!list.length) return []
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select(joined()).from(agendaItems).innerJoin(meetings, eq(meetings.id, agendaItems.meetingId)).where(inArray(agendaItems.id, list)))
    return rows.map((r) => toEvidence(slug, r.m, r.i))
  },
  /** Real work of year Y: the meeting was held in Y and the item's minutes say what was discussed or resolved. */
  check: async (ctx, ids, fiscalYear) => {
    const list = uuids(ids)
    const rows = list.length ? await inOrg(ctx.db, ctx.orgId, (tx) => tx.select(joined()).from(agendaItems).innerJoin(meetings, eq(meetings.id, agendaItems.meetingId)).where(inArray(agendaItems.id, list))) : []
    const no = (key: 'evidence.notHeld' | 'evidence.noMinutes' | 'evidence.otherYear', year?: number): EvidenceCheck => ({ ok: false, reason: { th: meetingsT('th', key, { year: year ?? '' }), en: meetingsT('en', key, { year: year ?? '' }) } })
    return new Map(
      rows.map(({ m, i }) => [
        i.id,
        m.status !== 'held' && m.status !== 'adopted'
          ? no('evidence.notHeld')
          : m.fiscalYear !== fiscalYear
            ? no('evidence.otherYear', m.fiscalYear)
            : `${i.minutes}${i.resolution}`.trim().length < MIN_MINUTES_CHARS
              ? no('evidence.noMinutes')
              : { ok: true, reason: null },
      ]),
    )
  },
}

/** Figures per agency and fiscal year, each one set-based query over every agency. */
export const meetingsStatistics: StatisticDef[] = [
  {
    key: 'held',
    label: localized(meetingsT, 'stat.held'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, fiscal_year, count(*) AS value FROM meetings WHERE status IN ('held', 'adopted') GROUP BY org_id, fiscal_year`,
  },
  {
    key: 'monthlyHeld',
    label: localized(meetingsT, 'stat.monthlyHeld'),
    unit: 'count',
    public: true,
    query: sql`SELECT org_id, fiscal_year, count(DISTINCT date_trunc('month', held_on)) AS value FROM meetings WHERE kind = 'monthly' AND status IN ('held', 'adopted') GROUP BY org_id, fiscal_year`,
  },
  {
    key: 'attendancePercent',
    label: localized(meetingsT, 'stat.attendancePercent'),
    unit: 'percent',
    public: false,
    query: sql`SELECT m.org_id, m.fiscal_year, round(100.0 * count(*) FILTER (WHERE a.status = 'present') / nullif(count(*), 0), 1) AS value
               FROM meetings m JOIN meetings_attendees a ON a.org_id = m.org_id AND a.meeting_id = m.id AND a.kind = 'member'
               WHERE m.status IN ('held', 'adopted') GROUP BY m.org_id, m.fiscal_year`,
  },
]
