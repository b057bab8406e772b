import { pgTable, uuid, text, integer, jsonb, timestamp, numeric, date, primaryKey } from 'drizzle-orm/pg-core'

export const PROGRESS_STATUSES = ['done', 'in_progress', 'not_started'] as const
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number]
export const EVIDENCE_TARGETS = ['activity', 'progress', 'indicator'] as const
export type EvidenceTarget = (typeof EVIDENCE_TARGETS)[number]

export const frameworkVersions = pgTable(
  'ita_framework_versions',
  {
    fiscalYear: integer('fiscal_year').notNull(),
    version: integer('version').notNull(),
    framework: jsonb('framework').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fiscalYear, t.version] })],
)

export const assessments = pgTable(
  'ita_assessments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    // Published tool scores (iit, eit, oit) and tool-part scores (eit.1, …), up to four decimals.
    toolScores: jsonb('tool_scores').$type<Partial<Record<string, number>>>().notNull().default({}),
    oitAnswers: jsonb('oit_answers').$type<Record<string, boolean>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Assessment = typeof assessments.$inferSelect

export const indicatorScores = pgTable(
  'ita_indicator_scores',
  {
    orgId: uuid('org_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    indicator: integer('indicator').notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.assessmentId, t.indicator] })],
)

export const indicatorPlans = pgTable(
  'ita_indicator_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    indicator: integer('indicator').notNull(),
    indicatorName: text('indicator_name'),
    strengths: text('strengths').notNull().default(''),
    weaknesses: text('weaknesses').notNull().default(''),
    guidelines: jsonb('guidelines').$type<string[]>().notNull().default([]),
    unitIds: uuid('unit_ids').array().notNull().default([]),
    responsibleText: text('responsible_text').notNull().default(''),
    period: text('period').notNull().default(''),
    progress: jsonb('progress').$type<string[]>().notNull().default([]),
    status: text('status').$type<ProgressStatus>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type IndicatorPlan = typeof indicatorPlans.$inferSelect

export const planProgress = pgTable(
  'ita_plan_progress',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    entryDate: date('entry_date').notNull(),
    body: text('body').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type PlanProgressEntry = typeof planProgress.$inferSelect

export const evidence = pgTable(
  'ita_evidence',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    targetKind: text('target_kind').$type<EvidenceTarget>().notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title').notNull(),
    fileId: uuid('file_id'),
    url: text('url'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Evidence = typeof evidence.$inferSelect

/** One cell of a year's scores: an indicator ("1"), an OIT item ("O1") or a published tool score ("tool_iit"). */
export type ScoreCell = { item: string; old: string | null; new: string | null }
export const SCORE_CHANGE_SOURCES = ['form', 'import', 'undo', 'docx'] as const
export type ScoreChangeSource = (typeof SCORE_CHANGE_SOURCES)[number]
/** A read score sheet; `toolScores` (tool and tool-part scores, `iit`, `eit.1`) is absent in sheets read before it existed. */
export type ImportData = { scores: Record<number, number>; oitAnswers: Record<string, boolean>; toolScores?: Record<string, number> }

export const scoreImports = pgTable(
  'ita_score_imports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    fileName: text('file_name').notNull().default(''),
    data: jsonb('data').$type<ImportData>().notNull(),
    status: text('status').$type<'pending' | 'applied' | 'undone' | 'cancelled'>().notNull().default('pending'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type ScoreImport = typeof scoreImports.$inferSelect

export const scoreChanges = pgTable(
  'ita_score_changes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    source: text('source').$type<ScoreChangeSource>().notNull(),
    importId: uuid('import_id'),
    cells: jsonb('cells').$type<ScoreCell[]>().notNull(),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type ScoreChange = typeof scoreChanges.$inferSelect
