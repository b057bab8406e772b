import { and, eq, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { closeDeadline } from '../../platform/deadlines/deadlines.service.js'
import { peopleFor, personOfUser, STAFF_KINDS } from '../../platform/people/directory.js'
import { queueMail } from '../../platform/mail/mail.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { meetingsT } from './meetings.i18n.js'
import { agendaItems, attendees, meetings, type Attendance, type Attendee, type Meeting } from './meetings.schema.js'
import { quorumOf } from './rules.js'
import { audit, both, conflict, isHeld, lockMeeting, meetingIn, notFound, numberText } from './shared.js'

export type Quorum = { members: number; present: number; leave: number; absent: number; outside: number; required: number; met: boolean }

/** Quorum of a meeting: members present against the meeting's own number, else more than half of the members (rules.ts: unverified default). */
export function quorum(m: Pick<Meeting, 'quorum'>, list: Pick<Attendee, 'kind' | 'status'>[]): Quorum {
  const members = list.filter((a) => a.kind === 'member')
  const present = members.filter((a) => a.status === 'present').length
  const required = quorumOf(members.length, m.quorum)
  return { members: members.length, present, leave: members.filter((a) => a.status === 'leave').length, absent: members.filter((a) => a.status === 'absent').length, outside: list.filter((a) => a.kind === 'outside' && a.status === 'present').length, required, met: members.length > 0 && present >= required }
}

export type InviteInput = { everyone: boolean; unitIds: string[]; mail: boolean }

/**
 * Sends the invitation with the agenda: adds the people invited (every staff member and the
 * executives, or the people of some units) and mails those with an e-mail address; the printable
 * notice is the meeting's notice page.
 */
export async function invite(ctx: OrgUseCaseCtx, meetingId: string, input: InviteInput, noticeUrl: string): Promise<{ invited: number; mailed: number }> {
  assertCan(ctx.actor, 'meetings.edit')
  if (!input.everyone && input.unitIds.length === 0) throw new InputError({ unitIds: both('v.audience') })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (m.status !== 'planned' && m.status !== 'invited') throw conflict('invite.held')
    const list = input.everyone ? await peopleFor(tx, { all: true, kinds: [...STAFF_KINDS, 'executive'] }, { on: m.heldOn }) : await peopleFor(tx, { unitIds: input.unitIds }, { on: m.heldOn })
    const have = new Set((await tx.select({ p: attendees.personId }).from(attendees).where(eq(attendees.meetingId, meetingId))).map((r) => r.p))
    const fresh = list.filter((p) => !have.has(p.id))
    if (fresh.length) await tx.insert(attendees).values(fresh.map((p) => ({ orgId: ctx.orgId, meetingId, personId: p.id, name: p.fullName, position: p.position ?? '' })))
    let mailed = 0
    if (input.mail) {
      const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(agendaItems.section, agendaItems.position)
      const agenda = items.map((i) => `${meetingsT('th', `section.${i.section}`)}: ${i.title}`).join('\n')
      const subject = meetingsT('th', 'invite.subject', { title: m.title, number: numberText(m) })
      for (const p of list.filter((x) => x.email)) {
        const text = meetingsT('th', 'invite.body', { name: p.fullName, title: m.title, number: numberText(m), date: formatThaiDate(m.heldOn), time: m.startsAt, place: m.place, agenda, url: noticeUrl })
        await queueMail(tx, { orgId: ctx.orgId, to: p.email!, subject, text })
        mailed++
      }
    }
    await tx.update(meetings).set({ status: 'invited', invitedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(meetings.id, meetingId))
    await closeDeadline(tx, { orgId: ctx.orgId, module: 'meetings', kind: 'invite', ref: meetingId })
    await audit(tx, ctx, 'invite', 'meeting', meetingId, { invited: fresh.length, mailed, everyone: input.everyone, unitIds: input.unitIds })
    return { invited: fresh.length, mailed }
  })
}

export type AttendanceEntry = { id: string; status: Attendance; reason: string }

/** Attendance taken at the door (a tablet): present / on leave / absent with reasons, for each attendee at once. */
export async function takeAttendance(ctx: OrgUseCaseCtx, meetingId: string, entries: AttendanceEntry[]): Promise<number> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (m.status === 'adopted' || m.status === 'cancelled') throw conflict('item.locked')
    const rows = await tx.select().from(attendees).where(eq(attendees.meetingId, meetingId))
    const byId = new Map(rows.map((r) => [r.id, r]))
    let changed = 0
    for (const e of entries) {
      const before = byId.get(e.id)
      if (!before || (before.status === e.status && before.reason === e.reason)) continue
      await tx
        .update(attendees)
        .set({ status: e.status, reason: e.reason, checkedInAt: e.status === 'present' ? (before.checkedInAt ?? sql`now()`) : null, via: e.status === 'present' ? (before.via ?? 'door') : null })
        .where(eq(attendees.id, e.id))
      changed++
    }
    await audit(tx, ctx, 'attendance', 'meeting', meetingId, { changed })
    return changed
  })
}

export type OutsideInput = { name: string; position: string }

/** ผู้เข้าร่วมประชุม: someone who is not a member, present. */
export async function addOutside(ctx: OrgUseCaseCtx, meetingId: string, input: OutsideInput): Promise<Attendee> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (m.status === 'adopted' || m.status === 'cancelled') throw conflict('item.locked')
    const [row] = await tx.insert(attendees).values({ orgId: ctx.orgId, meetingId, name: input.name, position: input.position, kind: 'outside', status: 'present', checkedInAt: sql`now()`, via: 'door' }).returning()
    await audit(tx, ctx, 'attendee.add', 'meeting_attendee', row!.id, { meetingId, name: input.name })
    return row!
  })
}

/** The meeting a check-in page shows (any staff member may check in; they need not read the rest). */
export async function meetingForCheckin(ctx: OrgUseCaseCtx, meetingId: string): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.checkin')
  const m = await inOrg(ctx.db, ctx.orgId, (tx) => meetingIn(tx, meetingId))
  if (!m) throw notFound()
  return m
}

/** QR self check-in: a signed-in staff member marks themself present (added as a member when not invited). */
export async function selfCheckIn(ctx: OrgUseCaseCtx, meetingId: string): Promise<Attendee> {
  assertCan(ctx.actor, 'meetings.checkin')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (m.status === 'cancelled' || m.status === 'adopted' || (isHeld(m) && m.endedAt)) throw conflict('checkin.closed')
    const person = await personOfUser(tx, actor.userId)
    if (!person) throw conflict('checkin.noPerson')
    const [existing] = await tx.select().from(attendees).where(and(eq(attendees.meetingId, meetingId), eq(attendees.personId, person.id)))
    const [row] = existing
      ? await tx.update(attendees).set({ status: 'present', reason: '', checkedInAt: existing.checkedInAt ?? sql`now()`, via: existing.via ?? 'self' }).where(eq(attendees.id, existing.id)).returning()
      : await tx.insert(attendees).values({ orgId: ctx.orgId, meetingId, personId: person.id, name: person.fullName, position: person.position ?? '', status: 'present', checkedInAt: sql`now()`, via: 'self' }).returning()
    await audit(tx, ctx, 'checkin', 'meeting_attendee', row!.id, { meetingId, personId: person.id })
    return row!
  })
}
