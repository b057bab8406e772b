import { and, eq, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { peopleFor, personOfUser, STAFF_KINDS, type Person } from '../../platform/people/directory.js'
import { attendees, type Attendance, type Attendee, type Session } from './trainings.schema.js'
import { audit, both, conflict, isOpen, lockSession, notFound, sessionIn } from './shared.js'

export type SessionFull = { session: Session; attendees: Attendee[] }
export type Figures = { registered: number; present: number; absent: number; outside: number; percent: number | null }

/** Attendance: those present of those signed up (staff and outside alike); null when nobody signed up. */
export function attendanceFigures(list: Pick<Attendee, 'status' | 'kind'>[]): Figures {
  const present = list.filter((a) => a.status === 'present').length
  return { registered: list.length, present, absent: list.filter((a) => a.status === 'absent').length, outside: list.filter((a) => a.kind === 'outside').length, percent: list.length ? (present * 100) / list.length : null }
}

export async function sessionFull(ctx: OrgUseCaseCtx, id: string): Promise<SessionFull> {
  assertCan(ctx.actor, 'trainings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const session = await sessionIn(tx, id)
    if (!session) throw notFound()
    const list = await tx.select().from(attendees).where(eq(attendees.sessionId, id)).orderBy(attendees.kind, attendees.name)
    return { session, attendees: list }
  })
}

/** The people of the directory a session can sign up (active on its first day). */
export async function signUpCandidates(ctx: OrgUseCaseCtx, s: Session): Promise<Person[]> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, (tx) => peopleFor(tx, { all: true }, { on: s.startsOn }))
}

export type SignUpInput = { everyone: boolean; personIds: string[] }

/** Signs up people of the directory: every staff member (and executives), or the people ticked. */
export async function signUp(ctx: OrgUseCaseCtx, sessionId: string, input: SignUpInput): Promise<number> {
  assertCan(ctx.actor, 'trainings.edit')
  if (!input.everyone && input.personIds.length === 0) throw new InputError({ personIds: both('v.signUpWho') })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSession(tx, sessionId)
    if (!isOpen(s)) throw conflict('closed')
    const list = input.everyone ? await peopleFor(tx, { all: true, kinds: [...STAFF_KINDS, 'executive'] }, { on: s.startsOn }) : await peopleFor(tx, { personIds: input.personIds }, { on: s.startsOn })
    if (!input.everyone && list.length !== new Set(input.personIds).size) throw new InputError({ personIds: both('v.person') })
    const have = new Set((await tx.select({ p: attendees.personId }).from(attendees).where(eq(attendees.sessionId, sessionId))).map((r) => r.p))
    const fresh = list.filter((p) => !have.has(p.id))
    if (fresh.length) await tx.insert(attendees).values(fresh.map((p) => ({ orgId: ctx.orgId, sessionId, personId: p.id, kind: 'staff' as const, name: p.fullName, position: p.position ?? '' })))
    await audit(tx, ctx, 'signup', 'training_session', sessionId, { added: fresh.length, everyone: input.everyone })
    return fresh.length
  })
}

export type OutsideInput = { name: string; position: string; organisation: string }

/** An attendee from outside the agency (a community leader, another agency's officer): signed up by staff. */
export async function addOutside(ctx: OrgUseCaseCtx, sessionId: string, input: OutsideInput): Promise<Attendee> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSession(tx, sessionId)
    if (!isOpen(s)) throw conflict('closed')
    const [row] = await tx.insert(attendees).values({ orgId: ctx.orgId, sessionId, kind: 'outside', ...input }).returning()
    await audit(tx, ctx, 'attendee.add', 'training_attendee', row!.id, { sessionId, name: input.name })
    return row!
  })
}

export type AttendanceEntry = { id: string; status: Attendance }

/** The sign-in sheet recorded back by staff: present / absent / still only signed up, for everyone at once. */
export async function recordAttendance(ctx: OrgUseCaseCtx, sessionId: string, entries: AttendanceEntry[]): Promise<number> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSession(tx, sessionId)
    if (!isOpen(s)) throw conflict('closed')
    const byId = new Map((await tx.select().from(attendees).where(eq(attendees.sessionId, sessionId))).map((r) => [r.id, r]))
    let changed = 0
    for (const e of entries) {
      const before = byId.get(e.id)
      if (!before || before.status === e.status) continue
      const present = e.status === 'present'
      await tx
        .update(attendees)
        .set({ status: e.status, checkedInAt: present ? (before.checkedInAt ?? sql`now()`) : null, via: present ? (before.via ?? 'sheet') : null })
        .where(eq(attendees.id, e.id))
      changed++
    }
    await audit(tx, ctx, 'attendance', 'training_session', sessionId, { changed })
    return changed
  })
}

/** Removes someone signed up by mistake, after confirmation: not once they are recorded present or have answered anything. */
export async function removeAttendee(ctx: OrgUseCaseCtx, sessionId: string, attendeeId: string): Promise<Attendee> {
  assertCan(ctx.actor, 'trainings.edit')
  if (!isUuid(attendeeId)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await lockSession(tx, sessionId)
    const [a] = await tx.select().from(attendees).where(and(eq(attendees.sessionId, sessionId), eq(attendees.id, attendeeId)))
    if (!a) throw notFound()
    if (a.status === 'present') throw conflict('remove.present')
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`((SELECT count(*) FROM trainings_answers WHERE attendee_id = ${a.id}) + (SELECT count(*) FROM trainings_evaluations WHERE attendee_id = ${a.id}) + (SELECT count(*) FROM trainings_certificates WHERE attendee_id = ${a.id}))::int` }).from(sql`(SELECT 1) AS one`)
    if (n > 0) throw conflict('remove.answered')
    await tx.delete(attendees).where(eq(attendees.id, a.id))
    await audit(tx, ctx, 'attendee.remove', 'training_attendee', a.id, { sessionId, name: a.name })
    return a
  })
}

export async function attendeeOf(ctx: OrgUseCaseCtx, sessionId: string, attendeeId: string): Promise<Attendee> {
  assertCan(ctx.actor, 'trainings.read')
  if (!isUuid(attendeeId)) throw notFound()
  const [a] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(attendees).where(and(eq(attendees.sessionId, sessionId), eq(attendees.id, attendeeId))))
  if (!a) throw notFound()
  return a
}

/** The session a check-in page shows (any staff member may check in; they need not read the rest). */
export async function sessionForCheckin(ctx: OrgUseCaseCtx, sessionId: string): Promise<Session> {
  assertCan(ctx.actor, 'trainings.checkin')
  const s = await inOrg(ctx.db, ctx.orgId, (tx) => sessionIn(tx, sessionId))
  if (!s) throw notFound()
  return s
}

/** QR self check-in: a signed-in staff member marks themself present (signed up on the spot when not yet). */
export async function selfCheckIn(ctx: OrgUseCaseCtx, sessionId: string): Promise<Attendee> {
  assertCan(ctx.actor, 'trainings.checkin')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSession(tx, sessionId)
    if (!isOpen(s)) throw conflict('closed')
    const person = await personOfUser(tx, actor.userId)
    if (!person) throw conflict('checkin.noPerson')
    const [existing] = await tx.select().from(attendees).where(and(eq(attendees.sessionId, sessionId), eq(attendees.personId, person.id)))
    const [row] = existing
      ? await tx.update(attendees).set({ status: 'present', checkedInAt: existing.checkedInAt ?? sql`now()`, via: existing.via ?? 'self' }).where(eq(attendees.id, existing.id)).returning()
      : await tx.insert(attendees).values({ orgId: ctx.orgId, sessionId, personId: person.id, kind: 'staff', name: person.fullName, position: person.position ?? '', status: 'present', checkedInAt: sql`now()`, via: 'self' }).returning()
    await audit(tx, ctx, 'checkin', 'training_attendee', row!.id, { sessionId, personId: person.id })
    return row!
  })
}
