import { pgTable, uuid, text, integer, smallint, boolean, numeric, date, jsonb, timestamp, primaryKey } from 'drizzle-orm/pg-core'
import type { Assessment, GiftAction, Relation } from './rules.js'

export const giftsRecords = pgTable(
  'gifts_records',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    receivedOn: date('received_on').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    half: smallint('half').$type<1 | 2>().notNull(),
    giver: text('giver').notNull(),
    relation: text('relation').$type<Relation>().notNull(),
    generalGiving: boolean('general_giving').notNull().default(false),
    occasion: text('occasion').notNull(),
    customary: boolean('customary').notNull().default(true),
    description: text('description').notNull(),
    valueBaht: numeric('value_baht', { precision: 12, scale: 2 }).notNull(),
    action: text('action').$type<GiftAction>().notNull(),
    handedTo: text('handed_to'),
    handedOn: date('handed_on'),
    reportedTo: uuid('reported_to'),
    reportedOn: date('reported_on'),
    decision: text('decision'),
    photoFileId: uuid('photo_file_id'),
    handoverFileId: uuid('handover_file_id'),
    note: text('note').notNull().default(''),
    assessment: text('assessment').$type<Assessment>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type GiftRecord = typeof giftsRecords.$inferSelect

export const NIL_VIA = ['account', 'link', 'officer'] as const
export const giftsNilReturns = pgTable(
  'gifts_nil_returns',
  {
    orgId: uuid('org_id').notNull(),
    personId: uuid('person_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    half: smallint('half').$type<1 | 2>().notNull(),
    via: text('via').$type<(typeof NIL_VIA)[number]>().notNull(),
    filedBy: uuid('filed_by'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.personId, t.fiscalYear, t.half] })],
)
export type NilReturn = typeof giftsNilReturns.$inferSelect

export const REPORT_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]
/** The public figures of a half, frozen when the report is published: counts only, no names. */
export type ReportSummary = {
  byRelation: Record<Relation, Record<GiftAction, number>>
  overLimit: number
  overLimitHandedOver: number
  totalValueBaht: string
  respondents: number
  nilReturns: number
  withGifts: number
}
export const giftsReports = pgTable(
  'gifts_reports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    half: smallint('half').$type<1 | 2>().notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    note: text('note').notNull().default(''),
    summary: jsonb('summary').$type<ReportSummary>(),
    responsible: uuid('responsible'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type GiftReport = typeof giftsReports.$inferSelect
