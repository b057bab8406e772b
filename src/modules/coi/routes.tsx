import { Hono } from 'hono'
import type { OrgEnv, StaffEnv } from '../../platform/http/context.js'
import { publicPage } from '../../platform/http/page-cache.js'
import { declareRoutes } from './declare.routes.js'
import { linkPublicRoutes, linkStaffRoutes } from './links.routes.js'
import { registerRoutes } from './register.routes.js'
import { publicSummary } from './report.js'
import { PublicSummary } from './views/public.js'

export function coiStaffRoutes() {
  return new Hono<StaffEnv>().route('/', declareRoutes()).route('/', linkStaffRoutes()).route('/', registerRoutes())
}

/** The public summary (counts per fiscal year with small counts hidden; never a name; not cached: it changes with every declaration), and the single-use link's declaration form. */
export function coiPublicRoutes() {
  const app = new Hono<OrgEnv>()
  app.get('/coi', (c) => publicPage(c, async (ctx) => <PublicSummary ctx={ctx} years={await publicSummary(c.get('deps').db, ctx.org.id)} />, { cacheable: false }))
  app.route('/', linkPublicRoutes())
  return app
}
