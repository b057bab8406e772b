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
import { DEMO_MANUALS } from './demo-manuals.js'
import { manualAcks, manuals, manualVersions } from './manuals.schema.js'
import { setReviewDeadline } from './manuals.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { users } from '../../platform/auth/auth.schema.js'
import { peopleFor, STAFF_KINDS } from '../../platform/people/directory.js'

/**
 * FY2566 of the demo municipality: the Do & Don't measure (acknowledged by every staff member but
 * two), the procurement-transparency and stakeholder announcements, each linked as evidence to
 * the activity of its measure that says "จัดทำประกาศ" and to its OIT items.
 */
export async function loadAnnouncementsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const made = await inOrg(deps.db, org.id, async (tx) => {
    const out: { id: string; measureOrder: number; oitCodes: string[] }[] = []
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
      out.push({ id: a!.id, measureOrder: d.measureOrder, oitCodes: d.oitCodes })
    }
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'announcements.demo', entityType: 'announcement', details: { count: out.length, people: (await tx.select({ id: people.id }).from(people)).length } })
    return out
  })
  const madeManuals = await loadManualsDemo(deps, org.id)
  // Evidence for the measures of FY2566 (read through the measures module's API).
  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  await inOrg(deps.db, org.id, async (tx) => {
    for (const m of made) {
      const measure = report.measures.find((x) => x.sortOrder === m.measureOrder)
      const activity = measure?.activities.find((x) => x.title.includes('ประกาศ')) ?? measure?.activities[0]
      if (activity) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'announcements.announcement', sourceId: m.id, targetType: 'measures.activity', targetId: activity.id, fiscalYear: 2566 })
      for (const code of m.oitCodes) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'announcements.announcement', sourceId: m.id, targetType: 'disclosure.item', targetId: `2566:${code}`, fiscalYear: 2566 })
    }
    // Every unit's manual: measure 1's step "จัดทำคู่มือการทำงานของแต่ละส่วนงาน", and OIT O14 (work) / O15 (service).
    const step = report.measures.find((x) => x.sortOrder === 1)?.activities.find((x) => x.title.includes('คู่มือ'))
    for (const m of madeManuals) {
      if (step) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'announcements.manual', sourceId: m.id, targetType: 'measures.activity', targetId: step.id, fiscalYear: 2566 })
      await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'announcements.manual', sourceId: m.id, targetType: 'disclosure.item', targetId: `2566:${m.kind === 'operation' ? 'O14' : 'O15'}`, fiscalYear: 2566 })
    }
  })
}

/**
 * A manual per unit, approved by the executive; the Finance Division's revised in April 2023 (its
 * staff asked again: one of them has not acknowledged the new version). Everyone else has.
 */
async function loadManualsDemo(deps: AppDeps, orgId: string): Promise<{ id: string; kind: 'operation' | 'service' }[]> {
  return inOrg(deps.db, orgId, async (tx) => {
    const unitList = await tx.select().from(units)
    const all = await tx.select().from(users)
    const exec = all.find((u) => u.role === 'executive')
    const officer = all.find((u) => u.role === 'officer')
    const out: { id: string; kind: 'operation' | 'service' }[] = []
    for (const d of DEMO_MANUALS) {
      const unit = unitList.find((u) => u.nameTh === d.unit)
      if (!unit) continue
      const last = d.versions.length
      const [m] = await tx.insert(manuals).values({ orgId, kind: d.kind, unitId: unit.id, title: d.title, audience: 'public', ackRequired: true, currentVersion: last, createdBy: officer?.id ?? null }).returning()
      const versions = await tx
        .insert(manualVersions)
        .values(d.versions.map((v, i) => ({ orgId, manualId: m!.id, version: i + 1, body: v.body, effectiveOn: v.effectiveOn, nextReviewOn: v.nextReviewOn, fiscalYear: fiscalYearOf(v.effectiveOn), changeNote: v.changeNote, status: i + 1 === last ? ('approved' as const) : ('superseded' as const), approvedBy: exec?.id ?? null, approvedAt: new Date(v.approvedAt), createdBy: officer?.id ?? null })))
        .returning()
      await setReviewDeadline(tx, m!, versions[last - 1]!)
      const staff = await peopleFor(tx, { unitIds: [unit.id], kinds: STAFF_KINDS })
      const done = last > 1 ? staff.slice(0, -1) : staff
      const at = Date.parse(`${d.versions[last - 1]!.effectiveOn}T10:00:00+07:00`)
      if (done.length) await tx.insert(manualAcks).values(done.map((p, i) => ({ orgId, manualId: m!.id, version: last, personId: p.id, via: p.userId ? ('account' as const) : ('paper' as const), userId: p.userId, acknowledgedAt: new Date(at + (i + 1) * 86_400_000) })))
      out.push({ id: m!.id, kind: d.kind })
    }
    await appendAudit(tx, { orgId, actorLabel: 'demo', action: 'manuals.demo', entityType: 'manual', details: { count: out.length } })
    return out
  })
}
