import { pgTable, uuid, text, date, timestamp, primaryKey, boolean, numeric } from 'drizzle-orm/pg-core'
import type { AssetCategory } from './rules.js'

export const ASSET_STATUSES = ['in_use', 'damaged', 'pending_disposal', 'disposed'] as const
export type AssetStatus = (typeof ASSET_STATUSES)[number]

/** The asset register (ทะเบียนครุภัณฑ์): one row per item, numbered category–year–running. */
export const assetItems = pgTable(
  'asset_items',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    assetNo: text('asset_no').notNull(),
    category: text('category').$type<AssetCategory>().notNull(),
    name: text('name').notNull(),
    brandModel: text('brand_model').notNull().default(''),
    serial: text('serial').notNull().default(''),
    acquiredOn: date('acquired_on'),
    price: numeric('price', { precision: 14, scale: 2 }),
    budgetSource: text('budget_source').notNull().default(''),
    custodianUnitId: uuid('custodian_unit_id'),
    custodianPersonId: uuid('custodian_person_id'),
    location: text('location').notNull().default(''),
    condition: text('condition').notNull().default(''),
    status: text('status').$type<AssetStatus>().notNull().default('in_use'),
    lendStaff: boolean('lend_staff').notNull().default(false),
    lendPublic: boolean('lend_public').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type AssetItem = typeof assetItems.$inferSelect
