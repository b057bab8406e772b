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

export const LOAN_STATUSES = ['requested', 'approved', 'rejected', 'cancelled', 'checked_out', 'returned'] as const
export type LoanStatus = (typeof LOAN_STATUSES)[number]
export type BorrowerKind = 'staff' | 'public'

/** A loan of one asset: request → approval (before use) → check-out → return, each step dated and by whom. */
export const assetLoans = pgTable(
  'asset_loans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    assetId: uuid('asset_id').notNull(),
    borrowerKind: text('borrower_kind').$type<BorrowerKind>().notNull(),
    borrowerName: text('borrower_name').notNull(),
    borrowerContact: text('borrower_contact').notNull().default(''),
    borrowerUserId: uuid('borrower_user_id'),
    purpose: text('purpose').notNull(),
    place: text('place').notNull().default(''),
    startOn: date('start_on').notNull(),
    endOn: date('end_on').notNull(),
    status: text('status').$type<LoanStatus>().notNull().default('requested'),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedByLabel: text('decided_by_label'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note').notNull().default(''),
    checkedOutBy: uuid('checked_out_by'),
    checkedOutByLabel: text('checked_out_by_label'),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    checkoutCondition: text('checkout_condition').notNull().default(''),
    returnedBy: uuid('returned_by'),
    returnedByLabel: text('returned_by_label'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnCondition: text('return_condition').notNull().default(''),
    damaged: boolean('damaged').notNull().default(false),
    damageNote: text('damage_note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type AssetLoan = typeof assetLoans.$inferSelect
