import { pgTable, uuid, text, integer, date, timestamp, boolean, jsonb, primaryKey } from 'drizzle-orm/pg-core'
import { bytea } from '../../platform/auth/auth.schema.js'

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const
export type SurveyStatus = (typeof SURVEY_STATUSES)[number]
/** open: anyone with the link or QR; device: one answer per browser (a cookie, best effort); link: single-use links. */
export const SURVEY_ACCESS = ['open', 'device', 'link'] as const
export type SurveyAccess = (typeof SURVEY_ACCESS)[number]
export const QUESTION_KINDS = ['likert', 'single', 'multi', 'short', 'long'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export type Choice = { th: string; en: string }
/** questionId → 1–5 (likert), a choice index (single), choice indexes (multi) or text. */
export type Answers = Record<string, number | number[] | string>

export const surveys = pgTable(
  'surveys',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    fiscalYear: integer('fiscal_year').notNull(),
    unitId: uuid('unit_id'),
    access: text('access').$type<SurveyAccess>().notNull().default('open'),
    status: text('status').$type<SurveyStatus>().notNull().default('draft'),
    closesOn: date('closes_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Survey = typeof surveys.$inferSelect

export const surveyQuestions = pgTable(
  'surveys_questions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    position: integer('position').notNull(),
    section: text('section').notNull().default(''),
    kind: text('kind').$type<QuestionKind>().notNull(),
    textTh: text('text_th').notNull(),
    textEn: text('text_en').notNull().default(''),
    choices: jsonb('choices').$type<Choice[]>().notNull().default([]),
    required: boolean('required').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Question = typeof surveyQuestions.$inferSelect

export const surveyPoints = pgTable(
  'surveys_points',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type ServicePoint = typeof surveyPoints.$inferSelect

export const surveyResponses = pgTable(
  'surveys_responses',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    pointId: uuid('point_id'),
    answeredOn: date('answered_on').notNull(),
    via: text('via').$type<'web' | 'paper'>().notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    sealed: boolean('sealed').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)

export const surveyLinkBatches = pgTable(
  'surveys_link_batches',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    label: text('label').notNull(),
    issued: integer('issued').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type LinkBatch = typeof surveyLinkBatches.$inferSelect

export const surveyLinks = pgTable(
  'surveys_links',
  {
    orgId: uuid('org_id').notNull(),
    tokenHash: bytea('token_hash').notNull(),
    surveyId: uuid('survey_id').notNull(),
    batchId: uuid('batch_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.tokenHash] })],
)
