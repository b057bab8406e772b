import { pgTable, uuid, text, integer, date, timestamp, boolean, primaryKey } from 'drizzle-orm/pg-core'
import type { AgendaSection, MeetingKind, StandingKey } from './rules.js'

export const MEETING_STATUSES = ['planned', 'invited', 'held', 'adopted', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]
export const ATTENDANCE = ['invited', 'present', 'leave', 'absent'] as const
export type Attendance = (typeof ATTENDANCE)[number]
export const ATTENDEE_KINDS = ['member', 'outside'] as const
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number]

export const meetings = pgTable(
  'meetings',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    title: text('title').notNull(),
    number: integer('number').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    heldOn: date('held_on').notNull(),
    startsAt: text('starts_at').notNull(),
    place: text('place').notNull(),
    unitId: uuid('unit_id'),
    chairName: text('chair_name').notNull(),
    chairPosition: text('chair_position').notNull().default(''),
    secretaryName: text('secretary_name').notNull().default(''),
    secretaryPosition: text('secretary_position').notNull().default(''),
    quorum: integer('quorum'),
    isPublic: boolean('is_public').notNull().default(false),
    status: text('status').$type<MeetingStatus>().notNull().default('planned'),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    opening: text('opening').notNull().default(''),
    minuteTakerName: text('minute_taker_name').notNull().default(''),
    minuteTakerPosition: text('minute_taker_position').notNull().default(''),
    checkerName: text('checker_name').notNull().default(''),
    checkerPosition: text('checker_position').notNull().default(''),
    previousId: uuid('previous_id'),
    adoptedById: uuid('adopted_by_id'),
    adoptedOn: date('adopted_on'),
    corrections: text('corrections').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Meeting = typeof meetings.$inferSelect

export const agendaItems = pgTable(
  'meetings_agenda_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    section: integer('section').$type<AgendaSection>().notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    resolution: text('resolution').notNull().default(''),
    standing: text('standing').$type<StandingKey>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type AgendaItem = typeof agendaItems.$inferSelect

export const attendees = pgTable(
  'meetings_attendees',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    personId: uuid('person_id'),
    name: text('name').notNull(),
    position: text('position').notNull().default(''),
    kind: text('kind').$type<AttendeeKind>().notNull().default('member'),
    status: text('status').$type<Attendance>().notNull().default('invited'),
    reason: text('reason').notNull().default(''),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    via: text('via').$type<'door' | 'self'>(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Attendee = typeof attendees.$inferSelect

/** A photo of a meeting: a platform file (never public there) with its caption, which is also its alt text. */
export const meetingPhotos = pgTable(
  'meetings_photos',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    fileId: uuid('file_id').notNull(),
    caption: text('caption').notNull(),
    position: integer('position').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type MeetingPhoto = typeof meetingPhotos.$inferSelect
