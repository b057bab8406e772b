import { pgTable, uuid, text, integer, date, timestamp, numeric, jsonb, primaryKey } from 'drizzle-orm/pg-core'
import type { Mode, Phase, TrainerKind } from './rules.js'

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
    unitId: uuid('unit_id'),
    budget: numeric('budget', { mode: 'number' }),
    status: text('status').$type<SessionStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    summary: text('summary').notNull().default(''),
    benefits: text('benefits').notNull().default(''),
    reporterName: text('reporter_name').notNull().default(''),
    reporterPosition: text('reporter_position').notNull().default(''),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
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

export const questions = pgTable(
  'trainings_questions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    subject: text('subject').notNull().default(''),
    text: text('text').notNull(),
    choices: text('choices').array().notNull(),
    correct: integer('correct').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Question = typeof questions.$inferSelect

export const sessionQuestions = pgTable(
  'trainings_session_questions',
  {
    orgId: uuid('org_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    questionId: uuid('question_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.sessionId, t.questionId] })],
)

export const answers = pgTable(
  'trainings_answers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    attendeeId: uuid('attendee_id').notNull(),
    phase: text('phase').$type<Phase>().notNull(),
    choices: jsonb('choices').$type<Record<string, number>>().notNull(),
    score: integer('score').notNull(),
    total: integer('total').notNull(),
    via: text('via').$type<AnswerVia>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Answer = typeof answers.$inferSelect

export const evaluations = pgTable(
  'trainings_evaluations',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    attendeeId: uuid('attendee_id').notNull(),
    ratings: integer('ratings').array().notNull(),
    comment: text('comment').notNull().default(''),
    via: text('via').$type<AnswerVia>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Evaluation = typeof evaluations.$inferSelect
export type AnswerVia = 'self' | 'link' | 'paper'

export const certificates = pgTable(
  'trainings_certificates',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    attendeeId: uuid('attendee_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    signerName: text('signer_name').notNull(),
    signerPosition: text('signer_position').notNull().default(''),
    issuedOn: date('issued_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Certificate = typeof certificates.$inferSelect

export const outsideCourses = pgTable(
  'trainings_outside_courses',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    organiser: text('organiser').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    hours: numeric('hours', { mode: 'number' }).notNull(),
    certificateFileId: uuid('certificate_file_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type OutsideCourse = typeof outsideCourses.$inferSelect

export const FILE_KINDS = ['material', 'photo'] as const
export type FileKind = (typeof FILE_KINDS)[number]
export const sessionFiles = pgTable(
  'trainings_files',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    fileId: uuid('file_id').notNull(),
    kind: text('kind').$type<FileKind>().notNull(),
    caption: text('caption').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type SessionFile = typeof sessionFiles.$inferSelect
