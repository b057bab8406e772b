import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import type { Localized } from '../../platform/module/manifest.js'
import { trainingsT, type TrainingsKey } from './trainings.i18n.js'
import { sessions, type Session } from './trainings.schema.js'

export const both = (key: TrainingsKey, params?: Record<string, string | number>): Localized => ({ th: trainingsT('th', key, params), en: trainingsT('en', key, params) })
export const notFound = () => new AppError('not_found', 404)
export const conflict = (key: TrainingsKey, params?: Record<string, string | number>) => new AppError('conflict', 409, both(key, params))

/** The audit entry of a change, in the change's transaction. */
export async function audit(tx: Tx, ctx: { orgId: string; requestId?: string | null | undefined; actor?: { userId: string; email: string } | null | undefined }, action: string, entityType: string, entityId: string, details: Record<string, unknown>, label?: string): Promise<void> {
  await appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor?.userId ?? null, actorLabel: label ?? ctx.actor?.email ?? 'system', action: `trainings.${action}`, entityType, entityId, requestId: ctx.requestId, details })
}

/** A session of the agency, locked for update; 404 for another agency's or a malformed id. */
export async function lockSession(tx: Tx, id: string): Promise<Session> {
  if (!isUuid(id)) throw notFound()
  const [row] = await tx.select().from(sessions).where(eq(sessions.id, id)).for('update')
  if (!row) throw notFound()
  return row
}

export async function sessionIn(tx: Tx, id: string): Promise<Session | null> {
  if (!isUuid(id)) return null
  const [row] = await tx.select().from(sessions).where(eq(sessions.id, id))
  return row ?? null
}

/** "%" and "_" typed by a user are literal characters in a search, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/** Sign-up, attendance and answers are open while the session is published (not a draft, not withdrawn). */
export const isOpen = (s: Pick<Session, 'status'>) => s.status === 'published'

/** Hours as Thai staff write them: 6, 3.5. */
export const hoursText = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1))
