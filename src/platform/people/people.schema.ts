import { pgTable, uuid, text, date, jsonb, timestamp, primaryKey } from 'drizzle-orm/pg-core'
import { bytea } from '../auth/auth.schema.js'

/** What a person is to the agency (ประเภทบุคลากร). */
export const PERSON_KINDS = ['local_official', 'permanent_employee', 'contract_employee', 'executive', 'council_member'] as const
export type PersonKind = (typeof PERSON_KINDS)[number]

export const people = pgTable(
  'people',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    kind: text('kind').$type<PersonKind>().notNull(),
    email: text('email'),
    phone: text('phone'),
    userId: uuid('user_id'),
    supervisorId: uuid('supervisor_id'),
    /** ISO dates (C.E.); null = since always / still serving. */
    activeFrom: date('active_from'),
    activeUntil: date('active_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type PersonRow = typeof people.$inferSelect

export const personUnits = pgTable(
  'person_units',
  { orgId: uuid('org_id').notNull(), personId: uuid('person_id').notNull(), unitId: uuid('unit_id').notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.personId, t.unitId] })],
)

/** A parsed XLSX import waiting for the admin to confirm its preview. */
export type ImportRow = {
  line: number
  fullName: string
  position: string | null
  kind: PersonKind
  unitNames: string[]
  email: string | null
  phone: string | null
  activeFrom: string | null
}
export const peopleImports = pgTable(
  'people_imports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    rows: jsonb('rows').$type<ImportRow[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)

export const personLinks = pgTable(
  'person_links',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    tokenHash: bytea('token_hash').notNull(),
    personId: uuid('person_id').notNull(),
    purpose: text('purpose').notNull(),
    ref: text('ref').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
