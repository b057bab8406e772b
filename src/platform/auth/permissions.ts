import { AppError } from '../http/errors.js'
import type { Role } from './auth.schema.js'

export type Actor = {
  userId: string
  orgId: string | null
  role: Role
  displayName: string
  email: string
  unitIds: string[]
}

// Who may do what, deny by default. Policy as data: modules name their permissions here
// (strings only, so the platform still imports no module code).
const GRANTS = {
  'platform.manage': ['platform_admin'],
  'staff.dashboard': ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'],
  'account.manage': ['platform_admin', 'agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'],
  'unit.read': ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'],
  'unit.manage': ['agency_admin'],
  'user.read': ['agency_admin', 'executive'],
  'user.manage': ['agency_admin'],
  'org.settings': ['agency_admin'],
  'audit.read': ['agency_admin', 'executive'],
  // ITA cycle
  'assessment.read': ['agency_admin', 'executive', 'officer', 'viewer'],
  'assessment.edit': ['agency_admin', 'officer'],
  'framework.manage': ['platform_admin'],
  'measure.read': ['agency_admin', 'executive', 'officer', 'viewer'],
  'measure.edit': ['agency_admin', 'officer'],
  'measure.approve': ['executive'],
  'report.generate': ['agency_admin', 'executive', 'officer'],
  // Portal and disclosure
  'portal.read': ['agency_admin', 'executive', 'officer', 'viewer'],
  'portal.edit': ['agency_admin', 'officer'],
  'portal.moderate': ['agency_admin', 'officer'],
  // Complaints: need-to-know; admins deliberately absent
  'complaint.intake': ['complaints_officer'],
  'complaint.read': ['complaints_officer'],
  'complaint.manage': ['complaints_officer'],
  'complaint.assigned': ['executive', 'officer', 'complaints_officer'],
  'complaint.settings': ['complaints_officer'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof GRANTS

export function can(actor: Actor | null | undefined, permission: Permission): actor is Actor {
  if (!actor) return false
  return (GRANTS[permission] as readonly Role[]).includes(actor.role)
}

/** Opens every use case: throws 401 without an actor, 403 without the permission. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('unauthorized', 401)
  if (!can(actor, permission)) throw new AppError('forbidden', 403)
}

export function rolesWith(permission: Permission): readonly Role[] {
  return GRANTS[permission]
}
