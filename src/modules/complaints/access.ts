import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { AppError } from '../../platform/http/errors.js'
import { assertCan, can, type Actor, type Permission } from '../../platform/auth/permissions.js'
import { complaintAssignments, type AssignRole } from './complaints.schema.js'
import { loadMeta, type CaseMeta } from './case-data.js'

// Need-to-know: complaints officers see every case except those naming them; executives,
// officers and committee members see the cases assigned to them; anyone else gets 404 (the
// case's existence is not revealed). Every staff use case loads its case through `visibleCase`.

export type Access = 'manage' | AssignRole

/** `can` without type narrowing (it is a type guard, which would narrow an Actor to never). */
export const allowed = (actor: Actor, p: Permission): boolean => can(actor, p)

async function accessTo(tx: Tx, actor: Actor, meta: CaseMeta): Promise<Access | null> {
  if (actor.orgId !== meta.orgId || meta.excludedUserIds.includes(actor.userId)) return null
  if (allowed(actor, 'complaint.read')) return 'manage'
  if (!allowed(actor, 'complaint.assigned')) return null
  const [a] = await tx.select({ role: complaintAssignments.role }).from(complaintAssignments).where(and(eq(complaintAssignments.caseId, meta.id), eq(complaintAssignments.userId, actor.userId)))
  return a?.role ?? null
}

/** Loads a case the actor may see (404 otherwise: its existence is not revealed). */
export async function visibleCase(tx: Tx, actor: Actor, caseId: string): Promise<{ meta: CaseMeta; access: Access }> {
  const meta = await loadMeta(tx, caseId)
  const access = meta ? await accessTo(tx, actor, meta) : null
  if (!meta || !access) throw new AppError('not_found', 404)
  return { meta, access }
}

export function assertAnyComplaintRole(actor: Actor | null): asserts actor is Actor {
  if (!can(actor, 'complaint.read') && !can(actor, 'complaint.assigned')) assertCan(actor, 'complaint.read')
}
