import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { bytea } from '../../platform/auth/auth.schema.js'

export const CATEGORIES = ['corruption', 'bribery', 'misconduct', 'service', 'other'] as const
export type Category = (typeof CATEGORIES)[number]
export const CHANNELS = ['web', 'paper', 'phone', 'in_person', 'email'] as const
export type Channel = (typeof CHANNELS)[number]
export const STATUSES = ['received', 'screening', 'investigating', 'closed', 'referred'] as const
export type Status = (typeof STATUSES)[number]
/** The workflow: which statuses a case may move to from each status. */
const NEXT: Record<Status, readonly Status[]> = {
  received: ['screening', 'closed', 'referred'],
  screening: ['investigating', 'closed', 'referred'],
  investigating: ['closed', 'referred'],
  closed: [],
  referred: [],
}
export const nextStatuses = (s: Status): readonly Status[] => NEXT[s]
export const OUTCOMES = ['substantiated', 'unsubstantiated', 'withdrawn'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const REFERRALS = ['nacc', 'pacc', 'damrongdhama', 'other_agency'] as const
export type Referral = (typeof REFERRALS)[number]
export const ASSIGN_ROLES = ['officer', 'executive', 'committee'] as const
export type AssignRole = (typeof ASSIGN_ROLES)[number]
export const FILE_KINDS = ['evidence', 'message', 'minutes', 'findings'] as const
export type FileKind = (typeof FILE_KINDS)[number]

export type Sla = Record<Category, { ack: number; close: number }>
export const DEFAULT_SLA: Sla = Object.fromEntries(CATEGORIES.map((c) => [c, { ack: 15, close: 60 }])) as Sla
export const DEFAULT_RETENTION_YEARS = 10

export const complaintSettings = pgTable('complaint_settings', {
  orgId: uuid('org_id').primaryKey(),
  sla: jsonb('sla').$type<Partial<Sla>>().notNull().default({}),
  retentionYears: integer('retention_years').notNull().default(DEFAULT_RETENTION_YEARS),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const complaintCases = pgTable(
  'complaint_cases',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    caseNo: bigint('case_no', { mode: 'number' }).generatedAlwaysAsIdentity(),
    category: text('category').$type<Category>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    status: text('status').$type<Status>().notNull().default('received'),
    outcome: text('outcome').$type<Outcome>(),
    referredTo: text('referred_to').$type<Referral>(),
    receiptLookup: text('receipt_lookup').notNull(),
    receiptHash: text('receipt_hash').notNull(),
    submissionKey: text('submission_key'),
    dataKeyId: uuid('data_key_id').notNull(),
    content: bytea('content'),
    contact: bytea('contact'),
    attachmentCount: integer('attachment_count').notNull().default(0),
    excludedUserIds: uuid('excluded_user_ids').array().notNull().default([]),
    responsibleUserId: uuid('responsible_user_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    ackDueOn: date('ack_due_on').notNull(),
    closeDueOn: date('close_due_on').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    committeeAppointedAt: timestamp('committee_appointed_at', { withTimezone: true }),
    committeeDeadline: date('committee_deadline'),
    lastRemindedOn: date('last_reminded_on'),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type CaseRow = typeof complaintCases.$inferSelect

export const complaintMessages = pgTable(
  'complaint_messages',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    author: text('author').$type<'reporter' | 'staff'>().notNull(),
    authorUserId: uuid('author_user_id'),
    body: bytea('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)

export const complaintFiles = pgTable(
  'complaint_files',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    messageId: uuid('message_id'),
    kind: text('kind').$type<FileKind>().notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    name: bytea('name').notNull(),
    data: bytea('data').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)

export const complaintEvents = pgTable(
  'complaint_events',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    kind: text('kind').$type<'received' | 'status' | 'assigned' | 'unassigned' | 'committee' | 'named'>().notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    outcome: text('outcome'),
    referredTo: text('referred_to'),
    decidedOn: date('decided_on'),
    note: bytea('note'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)

export const complaintAssignments = pgTable(
  'complaint_assignments',
  {
    orgId: uuid('org_id').notNull(),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<AssignRole>().notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    assignedBy: uuid('assigned_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.caseId, t.userId] })],
)

/** The platform's per-agency wrapped data keys (src/db/migrations/0001_platform.sql). */
export const orgDataKeys = pgTable(
  'org_data_keys',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    masterKeyId: text('master_key_id').notNull(),
    wrappedKey: bytea('wrapped_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
