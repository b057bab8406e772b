import { and, eq, gt, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import { randomToken, sha256Hex } from '../crypto/index.js'
import { sessions, users, userUnits } from './auth.schema.js'
import type { Actor } from './permissions.js'

export const SESSION_COOKIE = 'psai_sid'
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000
const REFRESH_AFTER_MS = 5 * 60 * 1000

export async function createSession(tx: Tx, user: { id: string; orgId: string | null }, secondFactorPending: boolean): Promise<string> {
  const token = randomToken(32)
  await tx.insert(sessions).values({
    id: sha256Hex(token),
    userId: user.id,
    orgId: user.orgId,
    secondFactorPending,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  })
  return token
}

export type ResolvedSession = { sessionId: string; actor: Actor; secondFactorPending: boolean }

/** Cookie token → session → user (read inside the user's agency, under RLS). Sliding expiry. */
export async function resolveSession(db: Db, token: string, permissionsOf: (role: string) => ReadonlySet<string>): Promise<ResolvedSession | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const id = sha256Hex(token)
  const [s] = await db.select().from(sessions).where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`)))
  if (!s) return null
  return inOrg(db, s.orgId, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, s.userId))
    if (!u || u.disabledAt) return null
    const unitRows = u.orgId ? await tx.select({ unitId: userUnits.unitId }).from(userUnits).where(eq(userUnits.userId, u.id)) : []
    if (Date.now() - s.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
      await tx.update(sessions).set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) }).where(eq(sessions.id, id))
    }
    return {
      sessionId: id,
      secondFactorPending: s.secondFactorPending,
      actor: {
        userId: u.id,
        orgId: u.orgId,
        role: u.role,
        displayName: u.displayName,
        email: u.email,
        unitIds: unitRows.map((r) => r.unitId),
        permissions: permissionsOf(u.role),
      },
    }
  })
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}

export async function destroyAllSessions(tx: Tx | Db, userId: string): Promise<number> {
  const r = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
  return r.length
}
