import { pgTable, uuid, text, integer, boolean, timestamp, date, primaryKey } from 'drizzle-orm/pg-core'

export const oitItemNotes = pgTable(
  'oit_item_notes',
  {
    orgId: uuid('org_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    itemCode: text('item_code').notNull(),
    explanation: text('explanation').notNull().default(''),
    ownerUnitId: uuid('owner_unit_id'),
    dueDate: date('due_date'),
    extraUrls: text('extra_urls').array().notNull().default([]),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.fiscalYear, t.itemCode] })],
)
export type OitItemNote = typeof oitItemNotes.$inferSelect

export const linkChecks = pgTable(
  'link_checks',
  {
    orgId: uuid('org_id').notNull(),
    url: text('url').notNull(),
    ok: boolean('ok').notNull(),
    status: integer('status'),
    ms: integer('ms'),
    error: text('error'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.url] })],
)
export type LinkCheck = typeof linkChecks.$inferSelect
