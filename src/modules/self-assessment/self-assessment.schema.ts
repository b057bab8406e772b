import { pgTable, uuid, text, integer, timestamp, primaryKey } from 'drizzle-orm/pg-core'

export const TOOLS = ['iit', 'eit'] as const
export type Tool = (typeof TOOLS)[number]

export const rounds = pgTable(
  'self_assessment_rounds',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    tool: text('tool').$type<Tool>().notNull(),
    surveyId: uuid('survey_id').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    target: integer('target').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Round = typeof rounds.$inferSelect

export const roundQuestions = pgTable(
  'self_assessment_questions',
  {
    orgId: uuid('org_id').notNull(),
    roundId: uuid('round_id').notNull(),
    questionId: uuid('question_id').notNull(),
    itemCode: text('item_code').notNull(),
    subIndex: integer('sub_index'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.roundId, t.questionId] })],
)
