import { pgTable, uuid, text, integer, date, timestamp, numeric, primaryKey } from 'drizzle-orm/pg-core'
import type { Mode, TrainerKind } from './rules.js'

export const SESSION_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]
export const ATTENDEE_KINDS = ['staff', 'outside'] as const
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number]
export const ATTENDANCE = ['registered', 'present', 'absent'] as const
export type Attendance = (typeof ATTENDANCE)[number]

export const sessions = pgTable(
  'trainings_sessions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    topic: text('topic').notNull(),
    detail: text('detail').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    hours: numeric('hours', { mode: 'number' }).notNull(),
    trainerKind: text('trainer_kind').$type<TrainerKind>().notNull(),
    trainerName: text('trainer_name').notNull(),
    trainerOrg: text('trainer_org').notNull().default(''),
    mode: text('mode').$type<Mode>().notNull(),
    place: text('place').notNull(),
    targetGroup: text('target_group').notNull(),
    budget: numeric('budget', { mode: 'number' }),
    status: text('status').$type<SessionStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Session = typeof sessions.$inferSelect

export const attendees = pgTable(
  'trainings_attendees',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    personId: uuid('person_id'),
    kind: text('kind').$type<AttendeeKind>().notNull().default('staff'),
    name: text('name').notNull(),
    position: text('position').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    status: text('status').$type<Attendance>().notNull().default('registered'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    via: text('via').$type<'sheet' | 'self'>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Attendee = typeof attendees.$inferSelect
