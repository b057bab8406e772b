import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { portalPermissions } from './permissions.js'
import { publicRoutes } from './public.routes.js'
import { portalStaffRoutes } from './staff.routes.js'
import { loadPortalDemo } from './demo.js'
import { PORTAL_MENU } from './menu.js'
import { pt } from './portal.i18n.js'
import { documentEvidence, postEvidence } from './evidence-sources.js'

/** The agency's public website: pages, news, documents, Q&A, search, feeds and open data. */
export const portalModule = defineModule({
  id: 'portal',
  label: { th: 'เว็บไซต์หน่วยงาน', en: 'Agency website' },
  permissions: portalPermissions,
  staffNav: [{ id: 'portal', path: '/portal', label: localized(pt, 'admin.title'), permission: 'portal.read', order: 300 }],
  publicMenu: PORTAL_MENU,
  routes: { public: publicRoutes, staff: portalStaffRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadPortalDemo,
  evidenceSources: [documentEvidence, postEvidence],
})
