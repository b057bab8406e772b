import type { Org } from '../orgs/orgs.schema.js'
import type { AnyContext, AppContext, OrgAreaContext, OrgContext, OrgUseCaseCtx, StaffContext, StaffUseCaseCtx, UseCaseCtx } from '../module/manifest.js'

// The request context types live with the other contract types (platform/module/manifest.ts);
// this file re-exports them for routes and holds the helpers that read a context.
export type {
  AppDeps,
  AppEnv,
  OrgEnv,
  StaffEnv,
  PlatformEnv,
  AppContext,
  OrgContext,
  StaffContext,
  PlatformContext,
  AnyContext,
  OrgAreaContext,
  UseCaseCtx,
  OrgUseCaseCtx,
  StaffUseCaseCtx,
} from '../module/manifest.js'

export function ctxOf(c: StaffContext): StaffUseCaseCtx
export function ctxOf(c: OrgContext): OrgUseCaseCtx
export function ctxOf(c: AnyContext): UseCaseCtx
export function ctxOf(c: AnyContext): UseCaseCtx {
  const x = c as AppContext
  const deps = x.get('deps')
  return {
    deps,
    db: deps.db,
    orgId: x.get('org')?.id ?? null,
    actor: x.get('actor'),
    requestId: x.get('requestId'),
    lang: x.get('lang'),
  }
}
/** The agency of an agency route, whichever area it is in. */
export const orgOf = (c: OrgAreaContext): Org => (c as OrgContext).get('org')
