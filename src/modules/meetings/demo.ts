import { eq } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { peopleFor, STAFF_KINDS } from '../../platform/people/directory.js'
import { fiscalYearOf, formatThaiDate } from '../../platform/thai/index.js'
import { loadReportData } from '../measures/index.js'
import { EVIDENCE_TYPE } from './contracts.js'
import { meetingsT } from './meetings.i18n.js'
import { agendaItems, attendees, meetings, type Meeting, type MeetingStatus } from './meetings.schema.js'
import type { AgendaSection, MeetingKind, StandingKey } from './rules.js'
import { ANNUAL, CHAIR, CHECKER, COMMUNITY, MINUTE_TAKER, MONTHS, PLACE, SECRETARY } from './demo-texts.js'
import { numberText } from './shared.js'

type Item = { section: AgendaSection; title: string; detail?: string; minutes: string; resolution: string; standing?: StandingKey }
type DemoMeeting = { kind: MeetingKind; title: string; heldOn: string; started: string; ended: string; place: string; opening: string; items: Item[]; leave: { name: string; reason: string }[]; outside?: { name: string; position: string }[]; audience: 'staff' | 'none' }

const standing = (key: StandingKey, minutes: string): Item => ({ section: 4, title: meetingsT('th', `standing.${key}`), detail: meetingsT('th', `standing.${key}.detail`), minutes, resolution: meetingsT('th', 'doc.noted'), standing: key })

async function insertMeeting(tx: Tx, orgId: string, d: DemoMeeting, number: number, prev: Meeting | null, status: MeetingStatus): Promise<{ meeting: Meeting; itemIds: Map<StandingKey, string> }> {
  const [m] = await tx
    .insert(meetings)
    .values({
      orgId, kind: d.kind, title: d.title, number, fiscalYear: fiscalYearOf(d.heldOn), heldOn: d.heldOn, startsAt: d.started, place: d.place, chairName: CHAIR.name, chairPosition: CHAIR.position,
      secretaryName: SECRETARY.name, secretaryPosition: SECRETARY.position, isPublic: true, status, invitedAt: new Date(`${d.heldOn}T09:00:00+07:00`), startedAt: d.started, endedAt: d.ended, opening: d.opening,
      minuteTakerName: MINUTE_TAKER.name, minuteTakerPosition: MINUTE_TAKER.position, checkerName: CHECKER.name, checkerPosition: CHECKER.position, previousId: prev?.id ?? null, publishedAt: new Date(`${d.heldOn}T16:00:00+07:00`),
    })
    .returning()
  const items: Item[] = [...d.items]
  if (prev) items.push({ section: 2, title: meetingsT('th', 'agenda.adoptTitle', { title: prev.title, number: numberText(prev), date: formatThaiDate(prev.heldOn) }), minutes: '', resolution: meetingsT('th', 'adopt.resolution', { number: numberText(prev), date: formatThaiDate(prev.heldOn) }) })
  const pos = new Map<number, number>()
  const rows = await tx
    .insert(agendaItems)
    .values(
      items
        .sort((a, b) => a.section - b.section)
        .map((i) => {
          const p = (pos.get(i.section) ?? 0) + 1
          pos.set(i.section, p)
          return { orgId, meetingId: m!.id, section: i.section, position: p, title: i.title, detail: i.detail ?? '', minutes: i.minutes, resolution: i.resolution, standing: i.standing ?? null }
        }),
    )
    .returning({ id: agendaItems.id, standing: agendaItems.standing })
  if (d.audience === 'staff') {
    const list = await peopleFor(tx, { all: true, kinds: [...STAFF_KINDS, 'executive', 'council_member'] }, { on: d.heldOn })
    const leave = new Map(d.leave.map((l) => [l.name, l.reason]))
    if (list.length) await tx.insert(attendees).values(list.map((p) => ({ orgId, meetingId: m!.id, personId: p.id, name: p.fullName, position: p.position ?? '', status: leave.has(p.fullName) ? ('leave' as const) : ('present' as const), reason: leave.get(p.fullName) ?? '', checkedInAt: leave.has(p.fullName) ? null : new Date(`${d.heldOn}T08:50:00+07:00`), via: leave.has(p.fullName) ? null : ('door' as const) })))
  }
  if (d.outside?.length) await tx.insert(attendees).values(d.outside.map((o) => ({ orgId, meetingId: m!.id, name: o.name, position: o.position, kind: 'outside' as const, status: 'present' as const, via: 'door' as const })))
  return { meeting: m!, itemIds: new Map(rows.filter((r) => r.standing).map((r) => [r.standing!, r.id])) }
}

/** The demo agency's FY2566: eleven monthly meetings (April missing), the February annual ethics meeting and a ประชาคม, all minuted; monthly minutes adopted at the next; linked as evidence. */
export async function loadMeetingsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const links = await inOrg(deps.db, org.id, async (tx) => {
    const out: { key: StandingKey | 'annual_do_dont' | 'annual_ethics' | 'annual_no_gift'; id: string }[] = []
    let prev: Meeting | null = null
    for (const [i, mo] of MONTHS.entries()) {
      const last = i === MONTHS.length - 1
      const items: Item[] = [
        { section: 1, title: meetingsT('th', 'section.1').replace(/^ระเบียบวาระที่ 1 /, ''), minutes: mo.chair, resolution: meetingsT('th', 'doc.noted') },
        standing('do_dont', mo.doDont),
        standing('spending_plan', mo.spending),
        standing('no_gift', mo.noGift),
        standing('asset_use', mo.asset),
        ...(mo.consider ? [{ section: 5 as const, ...mo.consider }] : []),
      ]
      const d: DemoMeeting = { kind: 'monthly', title: `การประชุมพนักงานเทศบาลประจำเดือน${mo.month}`, heldOn: mo.heldOn, started: mo.started, ended: mo.ended, place: PLACE, opening: `เมื่อที่ประชุมพร้อม ${CHAIR.name} ${CHAIR.position} ประธานในที่ประชุม กล่าวเปิดการประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้`, items, leave: mo.leave, audience: 'staff' }
      const { meeting, itemIds } = await insertMeeting(tx, org.id, d, i + 1, prev, last ? 'held' : 'adopted')
      if (prev) await tx.update(meetings).set({ adoptedById: meeting.id, adoptedOn: meeting.heldOn }).where(eq(meetings.id, prev.id))
      // Evidence: the first, the middle and the last monthly meeting of the year.
      if (i === 0 || i === 5 || last) for (const [key, id] of itemIds) out.push({ key, id })
      prev = meeting
    }
    const annual = await insertMeeting(
      tx, org.id,
      { kind: 'annual', title: ANNUAL.title, heldOn: ANNUAL.heldOn, started: ANNUAL.started, ended: ANNUAL.ended, place: PLACE, opening: ANNUAL.opening, items: [standing('do_dont', ANNUAL.doDont), standing('ethics', ANNUAL.ethics), standing('no_gift', ANNUAL.noGift)], leave: [{ name: 'นายสมบัติ ขยันยิ่ง', reason: 'ไปราชการ' }], audience: 'staff' },
      1, null, 'held',
    )
    out.push({ key: 'annual_do_dont', id: annual.itemIds.get('do_dont')! }, { key: 'annual_ethics', id: annual.itemIds.get('ethics')! }, { key: 'annual_no_gift', id: annual.itemIds.get('no_gift')! })
    await insertMeeting(
      tx, org.id,
      { kind: 'community', title: COMMUNITY.title, heldOn: COMMUNITY.heldOn, started: '13:30', ended: '16:00', place: COMMUNITY.place, opening: `${CHAIR.name} ${CHAIR.position} ประธานในที่ประชุม ชี้แจงวัตถุประสงค์ของการประชุมประชาคม`, items: COMMUNITY.items, leave: [], outside: COMMUNITY.outside, audience: 'none' },
      1, null, 'held',
    )
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'meetings.demo', entityType: 'meeting', details: { monthly: MONTHS.length, annual: 1, community: 1 } })
    return out
  })

  // Measures 1 (Do & DON'T), 4 (government property) and 5 (procurement: the spending plan), and
  // indicators 2 (budget), 5 (ethics) and 10 (No Gift) of the seed name these meetings.
  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  const activity = (order: number, words: string) => report.measures[order - 1]?.activities.find((a) => a.title.includes(words))?.id
  const plan = (n: number) => (report.plans.some((p) => p.indicator === n) ? `2566:${n}` : undefined)
  const targets: Record<string, { type: string; id: string | undefined }[]> = {
    do_dont: [{ type: 'measures.activity', id: activity(1, 'ประชุม') }, { type: 'assessment.plan', id: plan(5) }],
    annual_do_dont: [{ type: 'measures.activity', id: activity(1, 'ประชุม') }],
    annual_ethics: [{ type: 'assessment.plan', id: plan(5) }],
    asset_use: [{ type: 'measures.activity', id: activity(4, 'ประชุม') }],
    spending_plan: [{ type: 'measures.activity', id: activity(5, 'ประชุม') }, { type: 'assessment.plan', id: plan(2) }],
    no_gift: [{ type: 'assessment.plan', id: plan(10) }],
    annual_no_gift: [{ type: 'assessment.plan', id: plan(10) }],
  }
  await inOrg(deps.db, org.id, async (tx) => {
    for (const l of links) for (const t of targets[l.key] ?? []) if (t.id) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: EVIDENCE_TYPE, sourceId: l.id, targetType: t.type, targetId: t.id, fiscalYear: 2566 }).onConflictDoNothing()
  })
}
