import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { people } from '../../platform/people/people.schema.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { loadReportData } from '../measures/index.js'
import { announcementAcks, announcements } from './announcements.schema.js'
import { nextNumber, numberYearOf } from './numbering.js'
import { snapshotRecipients, syncAckDeadline } from './acknowledgement.js'
import { DEMO_ANNOUNCEMENTS, DEMO_SIGNER } from './demo-texts.js'

/**
 * FY2566 of the demo municipality: the Do & Don't measure (acknowledged by every staff member but
 * two), the procurement-transparency and stakeholder announcements, each linked as evidence to
 * the activity of its measure that says "จัดทำประกาศ".
 */
export async function loadAnnouncementsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const made = await inOrg(deps.db, org.id, async (tx) => {
    const out: { id: string; measureOrder: number }[] = []
    for (const d of DEMO_ANNOUNCEMENTS) {
      const numberYear = numberYearOf(d.signedOn)
      const number = await nextNumber(tx, org.id, d.kind, numberYear)
      const [a] = await tx
        .insert(announcements)
        .values({ orgId: org.id, kind: d.kind, subject: d.subject, body: d.body, signedOn: d.signedOn, fiscalYear: fiscalYearOf(d.signedOn), ...DEMO_SIGNER, audience: 'both', effectiveOn: d.signedOn, ackScope: d.ackScope, ackDueOn: d.ackDueOn, status: 'published', number, numberYear, publishedAt: new Date(`${d.signedOn}T09:00:00+07:00`) })
        .returning()
      const asked = await snapshotRecipients(tx, a!)
      const missing = new Set(d.missing)
      const done = asked.filter((p) => !missing.has(p.fullName))
      if (done.length) await tx.insert(announcementAcks).values(done.map((p, i) => ({ orgId: org.id, announcementId: a!.id, version: 1, personId: p.id, via: p.userId ? ('account' as const) : ('paper' as const), userId: p.userId, acknowledgedAt: new Date(Date.parse(`${d.signedOn}T10:00:00+07:00`) + (i + 1) * 3 * 3_600_000) })))
      await syncAckDeadline(tx, a!)
      out.push({ id: a!.id, measureOrder: d.measureOrder })
    }
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'announcements.demo', entityType: 'announcement', details: { count: out.length, people: (await tx.select({ id: people.id }).from(people)).length } })
    return out
  })
  // Evidence for the measures of FY2566 (read through the measures module's API).
  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  await inOrg(deps.db, org.id, async (tx) => {
    for (const m of made) {
      const measure = report.measures.find((x) => x.sortOrder === m.measureOrder)
      const activity = measure?.activities.find((x) => x.title.includes('ประกาศ')) ?? measure?.activities[0]
      if (activity) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'announcements.announcement', sourceId: m.id, targetType: 'measures.activity', targetId: activity.id, fiscalYear: 2566 })
    }
  })
}
