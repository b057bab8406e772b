import type { AppModule } from '../../platform/http/module.js'
import { publicRoutes } from './portal.routes.js'
import { portalStaffNav, portalStaffRoutes } from './portal.admin.js'
import { loadPortalDemo } from './demo.js'
import { allStaffNav } from './staff-nav.js'

export const portalModule: AppModule = {
  name: 'portal',
  publicRoutes,
  staffRoutes: () => portalStaffRoutes(allStaffNav),
  staffNav: portalStaffNav,
  loadDemo: loadPortalDemo,
}

// The portal's public surface for other modules (the disclosure module builds on it).
export { publicEvidence, type PublicEvidence, getPublicFile, getProfile } from './portal.service.js'
export { publicResponse, invalidatePublicCache } from './cache.js'
export { PublicLayout, publicPage, Markdown, dateText, Breadcrumbs } from './views.js'
export { trailTo, trailText, orgBase, publicNav, type Crumb } from './menu.js'
export { renderMarkdown, safeHref } from './markdown.js'
export { baseUrl, toCsv } from './portal.api.js'
export { allStaffNav } from './staff-nav.js'
export { POST_CATEGORIES, DOC_CATEGORIES, type PostCategory, type DocCategory } from './portal.schema.js'
