import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { localized } from '../../platform/i18n/i18n.js'
import { isUuid } from '../../platform/http/params.js'
import type { EvidenceCheck, EvidenceRecord, EvidenceSourceDef, StatisticDef } from '../../platform/module/manifest.js'
import { orgSlugOf } from '../../platform/orgs/orgs.service.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { trainingsT } from './trainings.i18n.js'
import { sessions, type Session } from './trainings.schema.js'
import { likePattern } from './shared.js'

// What this module offers the platform contracts: its sessions as evidence (for measure activities,
// plans, OIT items), and its figures for dashboards and roll-ups.

export const EVIDENCE_TYPE = 'trainings.session'

function toEvidence(slug: string, s: Session): EvidenceRecord {
  return {
    id: s.id,
    title: trainingsT('th', 'evidence.title', { topic: s.topic, date: formatThaiDate(s.startsOn) }),
    date: s.startsOn,
    fiscalYear: s.fiscalYear,
    publicPath: s.status === 'published' ? `/o/${slug}/trainings#s-${s.id}` : null,
    staffPath: `/o/${slug}/admin/trainings/${s.id}`,
  }
}

export const trainingsEvidence: EvidenceSourceDef = {
  type: EVIDENCE_TYPE,
  label: localized(trainingsT, 'evidence.source'),
  search: async (ctx, q) => {
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const where: SQL[] = []
    if (q.text) where.push(or(ilike(sessions.topic, likePattern(q.text)), ilike(sessions.detail, likePattern(q.text)))!)
    if (q.fiscalYear) where.push(eq(sessions.fiscalYear, q.fiscalYear))
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(sessions).where(where.length ? and(...where) : undefined).orderBy(desc(sessions.startsOn)).limit(q.limit))
    return rows.map((r) => toEvidence(slug, r))
  },
  describe: async (ctx, ids) => {
    const uuids = ids.filter(isUuid)
    if (!uuids.length) return []
    const slug = await orgSlugOf(ctx.db, ctx.orgId)
    const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(sessions).where(inArray(sessions.id, uuids)))
    return rows.map((r) => toEvidence(slug, r))
  },
  /** Real work in year Y: a published session of year Y with at least one attendee recorded present. */
  check: async (ctx, ids, fiscalYear) => {
    const uuids = ids.filter(isUuid)
    const rows = uuids.length
      ? await inOrg(ctx.db, ctx.orgId, (tx) =>
          tx
            .select({ session: sessions, present: sql<number>`(SELECT count(*)::int FROM trainings_attendees a WHERE a.session_id = trainings_sessions.id AND a.status = 'present')` })
            .from(sessions)
            .where(inArray(sessions.id, uuids)),
        )
      : []
    const no = (key: 'evidence.notHeld' | 'evidence.otherYear', year?: number): EvidenceCheck => ({ ok: false, reason: { th: trainingsT('th', key, { year: year ?? '' }), en: trainingsT('en', key, { year: year ?? '' }) } })
    return new Map(rows.map(({ session: s, present }) => [s.id, s.fiscalYear !== fiscalYear ? no('evidence.otherYear', s.fiscalYear) : s.status !== 'published' || present === 0 ? no('evidence.notHeld') : { ok: true, reason: null }]))
  },
}

/** Per agency and fiscal year, each one set-based query over every agency. */
export const trainingsStatistics: StatisticDef[] = [
  {
    key: 'held',
    label: localized(trainingsT, 'stat.held'),
    unit: 'count',
    public: true,
    query: sql`SELECT s.org_id, s.fiscal_year, count(*) AS value FROM trainings_sessions s WHERE s.status = 'published' AND EXISTS (SELECT 1 FROM trainings_attendees a WHERE a.org_id = s.org_id AND a.session_id = s.id AND a.status = 'present') GROUP BY s.org_id, s.fiscal_year`,
  },
  {
    key: 'trained',
    label: localized(trainingsT, 'stat.trained'),
    unit: 'count',
    public: true,
    query: sql`SELECT s.org_id, s.fiscal_year, count(*) AS value FROM trainings_attendees a JOIN trainings_sessions s ON s.org_id = a.org_id AND s.id = a.session_id WHERE s.status = 'published' AND a.status = 'present' GROUP BY s.org_id, s.fiscal_year`,
  },
  {
    // Post-test average minus pre-test average over the year's answers, in percentage points (figures.ts, per year).
    key: 'improvement',
    label: localized(trainingsT, 'stat.improvement'),
    unit: 'percent',
    public: false,
    query: sql`SELECT s.org_id, s.fiscal_year,
                 round(avg(100.0 * x.score / x.total) FILTER (WHERE x.phase = 'post') - avg(100.0 * x.score / x.total) FILTER (WHERE x.phase = 'pre'), 1) AS value
               FROM trainings_answers x JOIN trainings_sessions s ON s.org_id = x.org_id AND s.id = x.session_id
               GROUP BY s.org_id, s.fiscal_year
               HAVING count(*) FILTER (WHERE x.phase = 'pre') > 0 AND count(*) FILTER (WHERE x.phase = 'post') > 0`,
  },
]
