import { pgTable, uuid, text, integer, bigint, boolean, timestamp, customType, primaryKey } from 'drizzle-orm/pg-core'

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/** A role id (roles are data: declared in the manifests, stored in the `roles` table). */
export type Role = string

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id'),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  position: text('position'),
  role: text('role').$type<Role>().notNull(),
  passwordHash: text('password_hash'),
  totpSecret: bytea('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  totpFailures: integer('totp_failures').notNull().default(0),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  lang: text('lang').$type<'th' | 'en'>().notNull().default('th'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
export type User = typeof users.$inferSelect

export const userUnits = pgTable(
  'user_units',
  { orgId: uuid('org_id').notNull(), userId: uuid('user_id').notNull(), unitId: uuid('unit_id').notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.unitId] })],
)

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  orgId: uuid('org_id'),
  secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
})

export const authTokens = pgTable('auth_tokens', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  orgId: uuid('org_id'),
  purpose: text('purpose').$type<'password_reset' | 'invite'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
})
