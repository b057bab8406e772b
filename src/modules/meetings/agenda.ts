import { and, eq, max, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { meetingsT } from './meetings.i18n.js'
import { agendaItems, attendees, meetings, type AgendaItem, type Attendee, type Meeting, type MeetingPhoto } from './meetings.schema.js'
import { photosOf } from './photos.js'
import { closeDeadline } from '../../platform/deadlines/deadlines.service.js'
import type { AgendaSection } from './rules.js'
import { audit, both, conflict, isHeld, lockMeeting, meetingIn, notFound, numberText } from './shared.js'

export type ItemInput = { section: AgendaSection; title: string; detail: string; minutes: string; resolution: string }
export type MinutesInput = { startedAt: string; endedAt: string | null; opening: string; minuteTakerName: string; minuteTakerPosition: string; checkerName: string; checkerPosition: string }
export type MeetingFull = { meeting: Meeting; items: AgendaItem[]; attendees: Attendee[]; photos: MeetingPhoto[]; previous: Meeting | null; next: Meeting | null }

/** A meeting with its agenda (in the standard order), attendees, photos, the meeting it adopts and the one that adopted it. */
export async function meetingFull(ctx: OrgUseCaseCtx, id: string): Promise<MeetingFull> {
  assertCan(ctx.actor, 'meetings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const meeting = await meetingIn(tx, id)
    if (!meeting) throw notFound()
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(agendaItems.section, agendaItems.position)
    const list = await tx.select().from(attendees).where(eq(attendees.meetingId, id)).orderBy(attendees.kind, attendees.name)
    const previous = meeting.previousId ? await meetingIn(tx, meeting.previousId) : null
    const next = meeting.adoptedById ? await meetingIn(tx, meeting.adoptedById) : null
    return { meeting, items, attendees: list, photos: await photosOf(tx, id), previous, next }
  })
}

export async function getItem(ctx: OrgUseCaseCtx, meetingId: string, itemId: string): Promise<AgendaItem> {
  assertCan(ctx.actor, 'meetings.read')
  if (!isUuid(itemId) || !isUuid(meetingId)) throw notFound()
  const [row] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId))))
  if (!row) throw notFound()
  return row
}

export async function addItem(ctx: OrgUseCaseCtx, meetingId: string, input: ItemInput): Promise<AgendaItem> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (m.status === 'adopted' || m.status === 'cancelled') throw conflict('item.locked')
    const [{ last } = { last: 0 }] = await tx.select({ last: max(agendaItems.position) }).from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.section, input.section)))
    const [row] = await tx.insert(agendaItems).values({ orgId: ctx.orgId, meetingId, ...input, position: (last ?? 0) + 1 }).returning()
    await audit(tx, ctx, 'item.create', 'meeting_agenda_item', row!.id, { meetingId, section: input.section, title: input.title })
    return row!
  })
}

export async function updateItem(ctx: OrgUseCaseCtx, meetingId: string, itemId: string, input: ItemInput): Promise<AgendaItem> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (m.status === 'adopted' || m.status === 'cancelled') throw conflict('item.locked')
    const [before] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    if (!before) throw notFound()
    let position = before.position
    if (before.section !== input.section) {
      const [{ last } = { last: 0 }] = await tx.select({ last: max(agendaItems.position) }).from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.section, input.section)))
      position = (last ?? 0) + 1
    }
    const [row] = await tx.update(agendaItems).set({ ...input, position, updatedAt: sql`now()` }).where(eq(agendaItems.id, itemId)).returning()
    const changed = Object.keys(input).filter((k) => before[k as keyof ItemInput] !== input[k as keyof ItemInput])
    await audit(tx, ctx, 'item.update', 'meeting_agenda_item', itemId, { meetingId, changed })
    return row!
  })
}

export async function deleteItem(ctx: OrgUseCaseCtx, meetingId: string, itemId: string): Promise<AgendaItem> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (isHeld(m) || m.status === 'cancelled') throw conflict('item.deleteHeld')
    const [row] = await tx.delete(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId))).returning()
    if (!row) throw notFound()
    await audit(tx, ctx, 'item.delete', 'meeting_agenda_item', itemId, { meetingId, title: row.title })
    return row
  })
}

/** Records the meeting as held: start and end times, the chair's opening, who took and who checked the minutes. */
export async function recordMinutes(ctx: OrgUseCaseCtx, meetingId: string, input: MinutesInput): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (m.status === 'adopted') throw conflict('minutes.adopted')
    if (m.status === 'cancelled') throw conflict('item.locked')
    if (input.endedAt && input.endedAt <= input.startedAt) throw new InputError({ endedAt: both('v.endBeforeStart') })
    const [row] = await tx.update(meetings).set({ ...input, status: 'held', updatedAt: sql`now()` }).where(eq(meetings.id, meetingId)).returning()
    await closeDeadline(tx, { orgId: ctx.orgId, module: 'meetings', kind: 'invite', ref: meetingId })
    await audit(tx, ctx, 'minutes.record', 'meeting', meetingId, { startedAt: input.startedAt, endedAt: input.endedAt, minuteTaker: input.minuteTakerName, wasStatus: m.status })
    return row!
  })
}

export type AdoptInput = { corrections: string }

/**
 * Agenda item 2 of this meeting adopts the minutes of the previous meeting of its kind, with the
 * corrections the meeting made (recorded on both); adopted minutes are final.
 */
export async function adoptPrevious(ctx: OrgUseCaseCtx, meetingId: string, input: AdoptInput): Promise<Meeting> {
  assertCan(ctx.actor, 'meetings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockMeeting(tx, meetingId)
    if (!m.previousId) throw conflict('adopt.noPrevious')
    const prev = await lockMeeting(tx, m.previousId)
    if (prev.status === 'adopted') throw conflict('adopt.already')
    if (prev.status !== 'held') throw conflict('adopt.notHeld')
    if (m.status === 'cancelled' || m.status === 'adopted') throw conflict('item.locked')
    if (m.heldOn < prev.heldOn) throw conflict('adopt.notHeld')
    const [adopted] = await tx.update(meetings).set({ status: 'adopted', adoptedById: m.id, adoptedOn: m.heldOn, corrections: input.corrections, updatedAt: sql`now()` }).where(eq(meetings.id, prev.id)).returning()
    const resolution = input.corrections
      ? meetingsT('th', 'adopt.resolutionCorrected', { number: numberText(prev), date: formatThaiDate(prev.heldOn), corrections: input.corrections })
      : meetingsT('th', 'adopt.resolution', { number: numberText(prev), date: formatThaiDate(prev.heldOn) })
    const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.meetingId, m.id), eq(agendaItems.section, 2))).orderBy(agendaItems.position).limit(1)
    if (item) await tx.update(agendaItems).set({ resolution, updatedAt: sql`now()` }).where(eq(agendaItems.id, item.id))
    else await tx.insert(agendaItems).values({ orgId: ctx.orgId, meetingId: m.id, section: 2, position: 1, title: meetingsT('th', 'agenda.adoptTitle', { title: prev.title, number: numberText(prev), date: formatThaiDate(prev.heldOn) }), resolution })
    await audit(tx, ctx, 'adopt', 'meeting', prev.id, { adoptedBy: m.id, adoptedOn: m.heldOn, corrections: input.corrections })
    return adopted!
  })
}
