import { pgTable, uuid, text, integer, date, timestamp, primaryKey } from 'drizzle-orm/pg-core'

/** ประกาศ / คำสั่ง / มาตรการ / นโยบาย. */
export const ANNOUNCEMENT_KINDS = ['announcement', 'order', 'measure', 'policy'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]
export const ANNOUNCEMENT_STATUSES = ['draft', 'published', 'withdrawn'] as const
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number]
export const AUDIENCES = ['staff', 'public', 'both'] as const
export type Audience = (typeof AUDIENCES)[number]
export const ACK_SCOPES = ['none', 'staff', 'units'] as const
export type AckScope = (typeof ACK_SCOPES)[number]
export type AckVia = 'account' | 'link' | 'paper'

export const announcements = pgTable(
  'announcements',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<AnnouncementKind>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull().default(''),
    signedOn: date('signed_on').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    signerName: text('signer_name').notNull().default(''),
    signerPosition: text('signer_position').notNull().default(''),
    audience: text('audience').$type<Audience>().notNull().default('both'),
    effectiveOn: date('effective_on'),
    ackScope: text('ack_scope').$type<AckScope>().notNull().default('staff'),
    ackUnitIds: uuid('ack_unit_ids').array().notNull().default([]),
    ackDueOn: date('ack_due_on'),
    fileId: uuid('file_id'),
    status: text('status').$type<AnnouncementStatus>().notNull().default('draft'),
    number: integer('number'),
    numberYear: integer('number_year'),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnOn: date('withdrawn_on'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Announcement = typeof announcements.$inferSelect

export const announcementCounters = pgTable(
  'announcement_counters',
  { orgId: uuid('org_id').notNull(), kind: text('kind').notNull(), numberYear: integer('number_year').notNull(), lastNumber: integer('last_number').notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.numberYear] })],
)

export const announcementVersions = pgTable(
  'announcement_versions',
  {
    orgId: uuid('org_id').notNull(),
    announcementId: uuid('announcement_id').notNull(),
    version: integer('version').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    fileId: uuid('file_id'),
    changeNote: text('change_note').notNull().default(''),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.announcementId, t.version] })],
)
export type AnnouncementVersion = typeof announcementVersions.$inferSelect

export const announcementRecipients = pgTable(
  'announcement_recipients',
  { orgId: uuid('org_id').notNull(), announcementId: uuid('announcement_id').notNull(), personId: uuid('person_id').notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.announcementId, t.personId] })],
)

export const announcementAcks = pgTable(
  'announcement_acks',
  {
    orgId: uuid('org_id').notNull(),
    announcementId: uuid('announcement_id').notNull(),
    version: integer('version').notNull(),
    personId: uuid('person_id').notNull(),
    via: text('via').$type<AckVia>().notNull(),
    userId: uuid('user_id'),
    recordedBy: uuid('recorded_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.announcementId, t.version, t.personId] })],
)
