import type { Tx } from '../../db/client.js'
import { appendAudit } from '../../platform/audit/audit.js'
import type { UseCaseCtx } from '../../platform/http/context.js'

/** One audit entry of a portal change, written in the change's own transaction. */
export const audit = (tx: Tx, ctx: UseCaseCtx, action: string, entityType: string, entityId: string, details: Record<string, unknown> = {}) =>
  appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor?.userId ?? null, actorLabel: ctx.actor?.email ?? 'public', action, entityType, entityId, requestId: ctx.requestId, details })
