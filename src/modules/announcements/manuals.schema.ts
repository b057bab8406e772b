import type { AckVia } from './announcements.schema.js'
import { pgTable, uuid, text, integer, date, timestamp, boolean, primaryKey } from 'drizzle-orm/pg-core'

/** คู่มือการปฏิบัติงาน / คู่มือการให้บริการ. */
export const MANUAL_KINDS = ['operation', 'service'] as const
export type ManualKind = (typeof MANUAL_KINDS)[number]
export const MANUAL_AUDIENCES = ['public', 'staff'] as const
export type ManualAudience = (typeof MANUAL_AUDIENCES)[number]
export type ManualVersionStatus = 'draft' | 'approved' | 'superseded'
/** A manual as the list shows it: never approved, in force, or in force with a new version waiting. */
export const MANUAL_STATES = ['draft', 'approved', 'revision'] as const
export type ManualState = (typeof MANUAL_STATES)[number]

export const manuals = pgTable(
  'manuals',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<ManualKind>().notNull(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    audience: text('audience').$type<ManualAudience>().notNull().default('public'),
    ackRequired: boolean('ack_required').notNull().default(true),
    currentVersion: integer('current_version'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Manual = typeof manuals.$inferSelect

export const manualVersions = pgTable(
  'manual_versions',
  {
    orgId: uuid('org_id').notNull(),
    manualId: uuid('manual_id').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull().default(''),
    fileId: uuid('file_id'),
    effectiveOn: date('effective_on').notNull(),
    nextReviewOn: date('next_review_on').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    changeNote: text('change_note').notNull().default(''),
    status: text('status').$type<ManualVersionStatus>().notNull().default('draft'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.manualId, t.version] })],
)
export type ManualVersion = typeof manualVersions.$inferSelect

export const manualAcks = pgTable(
  'manual_acks',
  {
    orgId: uuid('org_id').notNull(),
    manualId: uuid('manual_id').notNull(),
    version: integer('version').notNull(),
    personId: uuid('person_id').notNull(),
    via: text('via').$type<AckVia>().notNull(),
    userId: uuid('user_id'),
    recordedBy: uuid('recorded_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.manualId, t.version, t.personId] })],
)
