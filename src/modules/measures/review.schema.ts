import { pgTable, uuid, text, timestamp, primaryKey } from 'drizzle-orm/pg-core'

/** A measure sent back by an executive with a comment, until an officer resubmits it (migrations/0155). */
export const measureReturns = pgTable(
  'ita_measure_returns',
  {
    orgId: uuid('org_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    comment: text('comment').notNull(),
    returnedBy: uuid('returned_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }).notNull().defaultNow(),
    officerIds: uuid('officer_ids').array().notNull().default([]),
    resubmittedBy: uuid('resubmitted_by'),
    resubmittedAt: timestamp('resubmitted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.measureId] })],
)
export type MeasureReturnRow = typeof measureReturns.$inferSelect

/** The to-do item of a sent-back measure on งานที่ต้องทำ (ref = the measure's id). */
export const RETURN_DEADLINE = { module: 'measures', kind: 'measure_returned' } as const
