import { and, count, desc, eq, gte, ilike, lt, lte, max, ne, or, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { closeDeadline, removeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { fiscalYearOf, fiscalYearRange, formatThaiDate, fromIsoDate, toIsoDate, todayInBangkok } from '../../platform/thai/index.js'
import { meetingsT } from './meetings.i18n.js'
import { agendaItems, attendees, meetings, MEETING_STATUSES, type Meeting, type MeetingStatus } from './meetings.schema.js'
import { INVITE_DAYS_AHEAD, STANDING_ITEMS, type MeetingKind } from './rules.js'
import { deletePhotoFiles, photosOf } from './photos.js'
import { audit, both, conflict, likePattern, lockMeeting, meetingIn, notFound, numberText } from './shared.js'

export const PAGE_SIZE = 20
export { MEETING_STATUSES }

export type MeetingInput = {
  kind: MeetingKind
  title: string
  heldOn: string
  startsAt: string
  place: string
  unitId: string | null
  chairName: string
  chairPosition: string
  secretaryName: string
  secretaryPosition: string
  quorum: number | null
  isPublic: boolean
}
export type MeetingFilter = { q?: string | undefined; fiscalYear?: number | undefined; kind?: MeetingKind | undefined; status?: MeetingStatus | undefined; unitId?: string | undefined; page: number }
export type MeetingPage = { rows: Meeting[]; total: number; page: number; pages: number; years: number[] }

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A planned meeting is its maker's deadline to send the invitation with the agenda (INVITE_DAYS_AHEAD before). */
async function syncDeadline(tx: Tx, orgId: string, m: Meeting): Promise<void> {
  const key = { orgId, module: 'meetings', kind: 'invite', ref: m.id }
  if (m.status !== 'planned') return closeDeadline(tx, key)
  await setDeadline(tx, { ...key, title: both('deadline.invite', { title: m.title, number: numberText(m) }), href: `/meetings/${m.id}`, dueOn: addDays(m.heldOn, -INVITE_DAYS_AHEAD.value), assigneeUserIds: m.createdBy ? [m.createdBy] : [] })
}

export async function listMeetings(ctx: OrgUseCaseCtx, f: MeetingFilter): Promise<MeetingPage> {
  assertCan(ctx.actor, 'meetings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(or(ilike(meetings.title, likePattern(f.q)), ilike(meetings.place, likePattern(f.q)))!)
    if (f.fiscalYear) where.push(eq(meetings.fiscalYear, f.fiscalYear))
    if (f.kind) where.push(eq(meetings.kind, f.kind))
    if (f.status) where.push(eq(meetings.status, f.status))
    if (f.unitId) where.push(eq(meetings.unitId, f.unitId))
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(meetings).where(cond)
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx.select().from(meetings).where(cond).orderBy(desc(meetings.heldOn), desc(meetings.startsAt), meetings.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    const years = (await tx.selectDistinct({ y: meetings.fiscalYear }).from(meetings).orderBy(desc(meetings.fiscalYear))).map((r) => r.y)
    return { rows, total: n, page, pages, years }
  })
}

export async function getMeeting(ctx: OrgUseCaseCtx, id: string): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.read')
  const m = await inOrg(ctx.db, ctx.orgId, (tx) => meetingIn(tx, id))
  if (!m) throw notFound()
  return m
}

/** The last meeting of the same kind before a day (not cancelled): the one agenda item 2 adopts. */
async function previousOf(tx: Tx, kind: MeetingKind, heldOn: string, except?: string): Promise<Meeting | null> {
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.kind, kind), lt(meetings.heldOn, heldOn), ne(meetings.status, 'cancelled'), except ? ne(meetings.id, except) : undefined))
    .orderBy(desc(meetings.heldOn), desc(meetings.number))
    .limit(1)
  return row ?? null
}

export const adoptTitle = (prev: Pick<Meeting, 'title' | 'number' | 'fiscalYear' | 'heldOn'>) => meetingsT('th', 'agenda.adoptTitle', { title: prev.title, number: numberText(prev), date: formatThaiDate(prev.heldOn) })

export async function createMeeting(ctx: OrgUseCaseCtx, input: MeetingInput): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const fiscalYear = fiscalYearOf(input.heldOn)
    const [{ last } = { last: 0 }] = await tx.select({ last: max(meetings.number) }).from(meetings).where(and(eq(meetings.kind, input.kind), eq(meetings.fiscalYear, fiscalYear)))
    const prev = await previousOf(tx, input.kind, input.heldOn)
    const [m] = await tx
      .insert(meetings)
      .values({ orgId: ctx.orgId, ...input, fiscalYear, number: (last ?? 0) + 1, previousId: prev?.id ?? null, publishedAt: input.isPublic ? sql`now()` : null, createdBy: actor.userId })
      .returning()
    // The standing agenda: item 2 adopts the previous minutes; the kind's standing items are for information (section 4).
    const items: (typeof agendaItems.$inferInsert)[] = []
    if (prev) items.push({ orgId: ctx.orgId, meetingId: m!.id, section: 2, position: 1, title: adoptTitle(prev) })
    STANDING_ITEMS[input.kind].forEach((key, i) => items.push({ orgId: ctx.orgId, meetingId: m!.id, section: 4, position: i + 1, title: meetingsT('th', `standing.${key}`), detail: meetingsT('th', `standing.${key}.detail`), standing: key }))
    if (items.length) await tx.insert(agendaItems).values(items)
    await syncDeadline(tx, ctx.orgId, m!)
    await audit(tx, ctx, 'create', 'meeting', m!.id, { title: m!.title, number: numberText(m!), heldOn: m!.heldOn, kind: m!.kind, standingItems: items.length })
    return m!
  })
}

export async function updateMeeting(ctx: OrgUseCaseCtx, id: string, input: MeetingInput): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockMeeting(tx, id)
    const fiscalYear = fiscalYearOf(input.heldOn)
    if (fiscalYear !== before.fiscalYear || input.kind !== before.kind) {
      if (before.status !== 'planned' && before.status !== 'invited') throw new InputError({ heldOn: both('v.heldFixed') })
    }
    let number = before.number
    if (fiscalYear !== before.fiscalYear || input.kind !== before.kind) {
      const [{ last } = { last: 0 }] = await tx.select({ last: max(meetings.number) }).from(meetings).where(and(eq(meetings.kind, input.kind), eq(meetings.fiscalYear, fiscalYear)))
      number = (last ?? 0) + 1
    }
    const publishedAt = input.isPublic ? (before.publishedAt ?? sql`now()`) : before.publishedAt
    const withdrawnAt = !input.isPublic && before.isPublic ? sql`now()` : input.isPublic ? null : before.withdrawnAt
    const [m] = await tx.update(meetings).set({ ...input, fiscalYear, number, publishedAt, withdrawnAt, updatedAt: sql`now()` }).where(eq(meetings.id, id)).returning()
    await syncDeadline(tx, ctx.orgId, m!)
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof MeetingInput] !== v).map(([k, v]) => [k, { from: before[k as keyof MeetingInput], to: v }]))
    await audit(tx, ctx, !input.isPublic && before.isPublic ? 'withdraw' : 'update', 'meeting', id, { changed })
    return m!
  })
}

/** Cancels a meeting that has not been held (it stays on the record, with its invitation). */
export async function cancelMeeting(ctx: OrgUseCaseCtx, id: string): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockMeeting(tx, id)
    if (before.status !== 'planned' && before.status !== 'invited') throw conflict('cancel.held')
    const [m] = await tx.update(meetings).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(meetings.id, id)).returning()
    await syncDeadline(tx, ctx.orgId, m!)
    await audit(tx, ctx, 'cancel', 'meeting', id, { title: m!.title })
    return m!
  })
}

/** Deletes a meeting that was never held nor published; held or published meetings are withdrawn instead. */
export async function deleteMeeting(ctx: OrgUseCaseCtx, id: string): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, id)
    if (m.publishedAt) throw conflict('delete.published')
    if (m.status === 'held' || m.status === 'adopted') throw conflict('delete.held')
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(meetings).where(eq(meetings.adoptedById, id))
    if (n > 0) throw conflict('delete.held')
    await tx.update(meetings).set({ previousId: m.previousId }).where(eq(meetings.previousId, id))
    const photos = await deletePhotoFiles(tx, ctx.orgId, id)
    await tx.delete(meetings).where(eq(meetings.id, id))
    await removeDeadline(tx, { orgId: ctx.orgId, module: 'meetings', kind: 'invite', ref: id })
    await audit(tx, ctx, 'delete', 'meeting', id, { title: m.title, number: numberText(m), heldOn: m.heldOn, photos })
    return m
  })
}

export type SeriesMonth = { month: string; meetings: Meeting[]; state: 'held' | 'planned' | 'missing' | 'upcoming' }

/** The twelve months of a fiscal year for one kind (normally monthly): held, planned, missing or still to come. */
export async function series(ctx: OrgUseCaseCtx, fiscalYear: number, kind: MeetingKind, today = toIsoDate(todayInBangkok())): Promise<SeriesMonth[]> {
  assertCan(ctx.actor, 'meetings.read')
  const range = fiscalYearRange(fiscalYear)
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) =>
    tx.select().from(meetings).where(and(eq(meetings.kind, kind), gte(meetings.heldOn, range.start), lte(meetings.heldOn, range.end), ne(meetings.status, 'cancelled'))).orderBy(meetings.heldOn),
  )
  const start = fromIsoDate(range.start)
  return Array.from({ length: 12 }, (_, i) => {
    const y = start.year + Math.floor((start.month - 1 + i) / 12)
    const mo = ((start.month - 1 + i) % 12) + 1
    const month = `${y}-${String(mo).padStart(2, '0')}`
    const ms = rows.filter((r) => r.heldOn.startsWith(month))
    const state = ms.some((r) => r.status === 'held' || r.status === 'adopted') ? 'held' : ms.length ? 'planned' : `${month}-31` < today ? 'missing' : 'upcoming'
    return { month, meetings: ms, state }
  })
}

export type PublicMeeting = Pick<Meeting, 'id' | 'title' | 'kind' | 'number' | 'fiscalYear' | 'heldOn' | 'startsAt' | 'place' | 'status'>

/** Meetings the agency made public, newest first: public data, no permission needed. */
export async function publicMeetings(db: Db, orgId: string): Promise<PublicMeeting[]> {
  return inOrg(db, orgId, (tx) =>
    tx
      .select({ id: meetings.id, title: meetings.title, kind: meetings.kind, number: meetings.number, fiscalYear: meetings.fiscalYear, heldOn: meetings.heldOn, startsAt: meetings.startsAt, place: meetings.place, status: meetings.status })
      .from(meetings)
      .where(and(eq(meetings.isPublic, true), ne(meetings.status, 'cancelled')))
      .orderBy(desc(meetings.heldOn))
      .limit(500),
  )
}

/** One public meeting with its photos (404 unless the agency made it public). */
export async function publicMeeting(db: Db, orgId: string, id: string) {
  return inOrg(db, orgId, async (tx) => {
    const m = await meetingIn(tx, id)
    if (!m || !m.isPublic || m.status === 'cancelled') throw notFound()
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(agendaItems.section, agendaItems.position)
    const people = await tx.select().from(attendees).where(eq(attendees.meetingId, id)).orderBy(attendees.kind, attendees.name)
    return { meeting: m, items, attendees: people, photos: await photosOf(tx, id) }
  })
}
