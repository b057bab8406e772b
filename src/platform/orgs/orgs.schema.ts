import { pgTable, uuid, text, integer, jsonb, timestamp, primaryKey } from 'drizzle-orm/pg-core'

export const ORG_KINDS = [
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'subdistrict_admin_org',
  'provincial_admin_org',
] as const
export type OrgKind = (typeof ORG_KINDS)[number]

export const UNIT_KINDS = ['office', 'division', 'section'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

export type OrgSettings = {
  thaiNumerals?: boolean
  requireTwoFactorForAdmins?: boolean
  contact?: { phone?: string; email?: string; address?: string; officeHours?: string; mapUrl?: string }
}

export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en'),
  kind: text('kind').$type<OrgKind>().notNull(),
  province: text('province').notNull(),
  district: text('district').notNull(),
  subdistrict: text('subdistrict'),
  logoFileId: uuid('logo_file_id'),
  settings: jsonb('settings').$type<OrgSettings>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
export type Org = typeof orgs.$inferSelect

export const units = pgTable(
  'units',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    kind: text('kind').$type<UnitKind>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The unit's head (a person of platform/people). */
    headPersonId: uuid('head_person_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Unit = typeof units.$inferSelect
