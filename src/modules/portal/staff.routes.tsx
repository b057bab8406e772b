import { Hono } from 'hono'
import type { StaffEnv } from '../../platform/http/context.js'
import { requirePermission } from '../../platform/http/guards.js'
import { pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { postStaffRoutes } from './posts.routes.js'
import { documentStaffRoutes } from './documents.routes.js'
import { profileStaffRoutes } from './profile.routes.js'
import { questionStaffRoutes } from './questions.routes.js'
import { EditorHome } from './views/staff-home.js'

/** The portal editor under /o/<slug>/admin/portal. */
export function portalStaffRoutes() {
  const app = new Hono<StaffEnv>()
  app.get('/portal', requirePermission('portal.read'), (c) => render(c, <EditorHome ctx={pageCtx(c)} />))
  app.route('/', postStaffRoutes())
  app.route('/', documentStaffRoutes())
  app.route('/', profileStaffRoutes())
  app.route('/', questionStaffRoutes())
  return app
}
