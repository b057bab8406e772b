import { pgTable, uuid, text, integer, jsonb, timestamp, date, primaryKey } from 'drizzle-orm/pg-core'

export const ACTIVITY_STATUSES = ['done', 'in_progress', 'not_started'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]
export const MEASURE_STATUSES = ['draft', 'approved'] as const
export type MeasureStatus = (typeof MEASURE_STATUSES)[number]

export const measures = pgTable(
  'ita_measures',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    title: text('title').notNull(),
    indicatorNumbers: integer('indicator_numbers').array().notNull().default([]),
    oitCodes: text('oit_codes').array().notNull().default([]),
    steps: jsonb('steps').$type<string[]>().notNull().default([]),
    periodKind: text('period_kind').$type<'fiscal_year' | 'range'>().notNull().default('fiscal_year'),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    periodText: text('period_text').notNull().default(''),
    unitIds: uuid('unit_ids').array().notNull().default([]),
    responsibleText: text('responsible_text').notNull().default(''),
    resultSummary: jsonb('result_summary').$type<string[]>().notNull().default([]),
    outcome: jsonb('outcome').$type<string[]>().notNull().default([]),
    status: text('status').$type<MeasureStatus>().notNull().default('draft'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Measure = typeof measures.$inferSelect

export const activities = pgTable(
  'ita_activities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    measureId: uuid('measure_id').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    title: text('title').notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    status: text('status').$type<ActivityStatus>().notNull().default('not_started'),
    note: text('note').notNull().default(''),
    responsibleUserId: uuid('responsible_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Activity = typeof activities.$inferSelect

export const reportSettings = pgTable(
  'ita_report_settings',
  {
    orgId: uuid('org_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    introduction: jsonb('introduction').$type<string[]>().notNull().default([]),
    reporterName: text('reporter_name').notNull().default(''),
    reporterPosition: text('reporter_position').notNull().default(''),
    executiveName: text('executive_name').notNull().default(''),
    executivePosition: text('executive_position').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.fiscalYear] })],
)
export type ReportSettings = typeof reportSettings.$inferSelect
