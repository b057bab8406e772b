import type { MiddlewareHandler } from 'hono'
import type { AppEnv, StaffEnv } from './context.js'
import { AppError } from './errors.js'
import { can, type Actor, type Permission } from '../auth/permissions.js'
import { actorHasTotp } from '../auth/auth.service.js'
import type { Org } from '../orgs/orgs.schema.js'

/**
 * Staff area of an agency: a signed-in member of this agency who has passed the second factor
 * (and enrolled in it, when the agency requires it for admins). Anonymous users go to sign-in.
 */
export const requireAgencyStaff = (): MiddlewareHandler<StaffEnv> => async (c, next) => {
  const org = c.get('org') as Org | null
  const actor = c.get('actor') as Actor | null
  if (!org) throw new AppError('not_found', 404)
  if (!actor || c.get('secondFactorPending')) {
    if (actor && c.get('secondFactorPending')) return c.redirect(`/o/${org.slug}/login/totp`, 303)
    if (c.req.method === 'GET') return c.redirect(`/o/${org.slug}/login?next=${encodeURIComponent(c.req.path)}`, 303)
    throw new AppError('unauthorized', 401)
  }
  if (actor.orgId !== org.id) throw new AppError('forbidden', 403)
  if (org.settings.requireTwoFactorForAdmins && actor.role === 'agency_admin' && !c.req.path.endsWith('/admin/account')) {
    if (!(await actorHasTotp(c.get('deps').db, actor))) return c.redirect(`/o/${org.slug}/admin/account?required=2fa`, 303)
  }
  await next()
}

export const requirePlatformAdmin = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const actor = c.get('actor')
  if (!actor || c.get('secondFactorPending')) {
    if (actor) return c.redirect('/login/totp', 303)
    if (c.req.method === 'GET') return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303)
    throw new AppError('unauthorized', 401)
  }
  if (actor.role !== 'platform_admin') throw new AppError('forbidden', 403)
  await next()
}

/** Route-level check; use cases check again (defence in depth, and for the JSON API). */
export const requirePermission =
  (permission: Permission): MiddlewareHandler =>
  async (c, next) => {
    const actor = c.get('actor') as Actor | null
    if (!can(actor, permission)) throw new AppError(actor ? 'forbidden' : 'unauthorized', actor ? 403 : 401)
    await next()
  }
