import { Hono } from 'hono'
import type { OrgEnv, StaffEnv } from '../../platform/http/context.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { declareRoutes } from './declare.routes.js'
import { registerRoutes } from './register.routes.js'
import { publicSummary } from './report.js'
import { PublicSummary } from './views/public.js'

export function coiStaffRoutes() {
  return new Hono<StaffEnv>().route('/', declareRoutes()).route('/', registerRoutes())
}

/** The public summary: counts per fiscal year with small counts hidden; never a name. Not cached: it changes with every declaration. */
export function coiPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/coi', (c) => publicPage(c, async (ctx) => <PublicSummary ctx={ctx} years={await publicSummary(c.get('deps').db, ctx.org.id)} />, { cacheable: false }))
  return app
}
