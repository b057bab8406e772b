import { AppError } from '../http/errors.js'
import type { Lang } from '../i18n/i18n.js'

/**
 * Every permission of the app, by name. The platform declares its own below; each module adds its
 * own with declaration merging (see `definePermissions`), so a misspelt permission is a compile
 * error while the platform still imports no module code. Grants (which role holds what) are data
 * in the manifests, collected by the registry.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PermissionNames {}
export type Permission = Extract<keyof PermissionNames, string>

/** A permission a module defines, and the roles that hold it by default. */
export type PermissionDef = { label: Record<Lang, string>; roles: readonly string[] }

/** The names of a permission table, for `interface PermissionNames extends PermissionsOf<typeof x> {}`. */
export type PermissionsOf<T> = Record<Extract<keyof T, string>, true>

/** Declares permissions with their labels and the roles that hold them by default. */
export function definePermissions<const T extends Record<string, PermissionDef>>(defs: T): T {
  return defs
}

export type Actor = {
  userId: string
  orgId: string | null
  role: string
  displayName: string
  email: string
  unitIds: string[]
  /** What the actor's role may do, from the registry's grants (computed once per request). */
  permissions: ReadonlySet<string>
}

export function can(actor: Actor | null | undefined, permission: Permission): actor is Actor {
  return !!actor && actor.permissions.has(permission)
}

/** Opens every use case: throws 401 without an actor, 403 without the permission. */
export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('unauthorized', 401)
  if (!can(actor, permission)) throw new AppError('forbidden', 403)
}
