import { pgTable, uuid, text, date, integer, timestamp, primaryKey } from 'drizzle-orm/pg-core'

export const deadlines = pgTable(
  'deadlines',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    module: text('module').notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    href: text('href').notNull(),
    dueOn: date('due_on').notNull(),
    visibleTo: text('visible_to'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
)
export type Deadline = typeof deadlines.$inferSelect

export const deadlineAssignees = pgTable(
  'deadline_assignees',
  { orgId: uuid('org_id').notNull(), deadlineId: uuid('deadline_id').notNull(), userId: uuid('user_id').notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.deadlineId, t.userId] })],
)

export const deadlineDigests = pgTable(
  'deadline_digests',
  { orgId: uuid('org_id').notNull(), userId: uuid('user_id').notNull(), day: date('day').notNull(), items: integer('items').notNull(), sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow() },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.day] })],
)
