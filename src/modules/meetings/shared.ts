import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import type { Localized } from '../../platform/module/manifest.js'
import { meetingsT, type MeetingsKey } from './meetings.i18n.js'
import { meetings, type Meeting } from './meetings.schema.js'

export const both = (key: MeetingsKey, params?: Record<string, string | number>): Localized => ({ th: meetingsT('th', key, params), en: meetingsT('en', key, params) })
export const notFound = () => new AppError('not_found', 404)
export const conflict = (key: MeetingsKey, params?: Record<string, string | number>) => new AppError('conflict', 409, both(key, params))

/** The audit entry of a change, in the change's transaction. */
export async function audit(tx: Tx, ctx: OrgUseCaseCtx, action: string, entityType: string, entityId: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.email ?? 'system', action: `meetings.${action}`, entityType, entityId, requestId: ctx.requestId, details })
}

/** A meeting of the agency, locked for update; 404 for another agency's or a malformed id. */
export async function lockMeeting(tx: Tx, id: string): Promise<Meeting> {
  if (!isUuid(id)) throw notFound()
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update')
  if (!row) throw notFound()
  return row
}

export async function meetingIn(tx: Tx, id: string): Promise<Meeting | null> {
  if (!isUuid(id)) return null
  const [row] = await tx.select().from(meetings).where(and(eq(meetings.id, id)))
  return row ?? null
}

/** "%" and "_" typed by a user are literal characters in a search, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/** "ครั้งที่ 3/2566" */
export const numberText = (m: Pick<Meeting, 'number' | 'fiscalYear'>) => `${m.number}/${m.fiscalYear}`

/** Minutes exist once the meeting is recorded as held. */
export const isHeld = (m: Pick<Meeting, 'status'>) => m.status === 'held' || m.status === 'adopted'
