import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { both, risksT, type RisksKey } from './risks.i18n.js'
import { risks, type Risk } from './risks.schema.js'
import { levelOf, scoreOf, type Band, type Level } from './rules.js'

export const notFound = () => new AppError('not_found', 404)
export const conflict = (key: RisksKey, params?: Record<string, string | number>) => new AppError('conflict', 409, both(key, params))

/** The audit entry of a change, in the change's transaction. */
export async function audit(tx: Tx, ctx: OrgUseCaseCtx, action: string, entityType: string, entityId: string | null, details: Record<string, unknown>): Promise<void> {
  await appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.email ?? 'system', action: `risks.${action}`, entityType, ...(entityId ? { entityId } : {}), requestId: ctx.requestId, details })
}

/** A risk of the agency, locked for update; 404 for another agency's or a malformed id. */
export async function lockRisk(tx: Tx, id: string): Promise<Risk> {
  if (!isUuid(id)) throw notFound()
  const [row] = await tx.select().from(risks).where(eq(risks.id, id)).for('update')
  if (!row) throw notFound()
  return row
}

export async function riskIn(tx: Tx, id: string): Promise<Risk | null> {
  if (!isUuid(id)) return null
  const [row] = await tx.select().from(risks).where(eq(risks.id, id))
  return row ?? null
}

/** "%" and "_" typed by a user are literal characters in a search, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/** "R3 …": a risk's code and event, in Thai (documents, deadlines, audit). */
export const riskTitle = (r: Pick<Risk, 'seq' | 'event'>) => risksT('th', 'risk.title', { n: r.seq, event: r.event })

export type Scored = { score: number; level: Level }
export const inherentOf = (r: Pick<Risk, 'likelihood' | 'impact'>, bands: Band[]): Scored => {
  const score = scoreOf(r.likelihood, r.impact)
  return { score, level: levelOf(score, bands) }
}
export const residualOf = (r: Pick<Risk, 'residualLikelihood' | 'residualImpact'>, bands: Band[]): Scored | null => {
  if (r.residualLikelihood == null || r.residualImpact == null) return null
  const score = scoreOf(r.residualLikelihood, r.residualImpact)
  return { score, level: levelOf(score, bands) }
}
