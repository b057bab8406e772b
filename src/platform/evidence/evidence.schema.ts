import { pgTable, uuid, text, integer, timestamp, primaryKey } from 'drizzle-orm/pg-core'

export const evidenceLinks = pgTable(
  'evidence_links',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type EvidenceLink = typeof evidenceLinks.$inferSelect
