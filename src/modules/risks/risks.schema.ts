import { pgTable, uuid, text, integer, date, timestamp, primaryKey } from 'drizzle-orm/pg-core'
import type { Area, MonitorStatus, Round } from './rules.js'

export const RISK_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type RiskStatus = (typeof RISK_STATUSES)[number]

export const risks = pgTable(
  'risks_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    seq: integer('seq').notNull(),
    area: text('area').$type<Area>().notNull(),
    process: text('process').notNull(),
    event: text('event').notNull(),
    cause: text('cause').notNull().default(''),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    existingControls: text('existing_controls').notNull().default(''),
    indicator: text('indicator').notNull().default(''),
    target: text('target').notNull().default(''),
    residualLikelihood: integer('residual_likelihood'),
    residualImpact: integer('residual_impact'),
    ownerUnitId: uuid('owner_unit_id'),
    reviewOn: date('review_on'),
    status: text('status').$type<RiskStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    copiedFrom: uuid('copied_from'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Risk = typeof risks.$inferSelect

export const riskControls = pgTable(
  'risks_controls',
  {
    orgId: uuid('org_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    measureTitle: text('measure_title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.riskId, t.measureId] })],
)
export type RiskControl = typeof riskControls.$inferSelect

export const riskMonitoring = pgTable(
  'risks_monitoring',
  {
    orgId: uuid('org_id').notNull(),
    riskId: uuid('risk_id').notNull(),
    round: integer('round').$type<Round>().notNull(),
    status: text('status').$type<MonitorStatus>().notNull(),
    note: text('note').notNull().default(''),
    recordedOn: date('recorded_on').notNull(),
    recordedBy: uuid('recorded_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.riskId, t.round] })],
)
export type RiskMonitoring = typeof riskMonitoring.$inferSelect

/** An agency's own level bands for one fiscal year (absent: the module default, `rules.ts` LEVEL_BANDS). */
export const riskBands = pgTable(
  'risks_bands',
  {
    orgId: uuid('org_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    lowMax: integer('low_max').notNull(),
    mediumMax: integer('medium_max').notNull(),
    highMax: integer('high_max').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.fiscalYear] })],
)
