import { pgTable, uuid, text, jsonb, timestamp, bigserial } from 'drizzle-orm/pg-core'

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: uuid('org_id'),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  requestId: text('request_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
})
export type AuditEntry = typeof auditLog.$inferSelect
