import type { Hono } from 'hono'
import type { AppEnv } from './context.js'
import type { NavItem } from '../ui/layout.js'
import type { PageCtx } from '../ui/page-context.js'

/**
 * What a capability module plugs into the app. The platform knows this shape only;
 * src/app.ts lists the modules.
 */
export type AppModule = {
  name: string
  /** Public pages under /o/:org (e.g. /o/:org/complaints/new). */
  publicRoutes?: () => Hono<AppEnv>
  /** Staff pages under /o/:org/admin (guarded: signed-in staff of this agency). */
  staffRoutes?: () => Hono<AppEnv>
  /** Platform-admin pages under /admin. */
  platformRoutes?: () => Hono<AppEnv>
  /** Items the module adds to the staff menu (filtered by permission). */
  staffNav?: (ctx: PageCtx) => NavItem[]
  /** Loads the module's demo content for a demo agency (called once, on an empty database). */
  loadDemo?: (deps: import('./context.js').AppDeps, org: { id: string; slug: string }) => Promise<void>
  /** Background work started with the server (e.g. pg-boss workers); returns a stopper. */
  start?: (deps: import('./context.js').AppDeps) => Promise<() => Promise<void>>
}
