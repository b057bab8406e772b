import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { assetsPermissions } from './permissions.js'
import { assetsPublicRoutes, assetsStaffRoutes } from './assets.routes.js'
import { loadAssetsDemo } from './demo.js'
import { assetsT } from './assets.i18n.js'
import { assetsStatistics } from './contracts.js'

/** Government assets and loans (issue 22): the asset register; what the community may borrow on the agency's site. */
export const assetsModule = defineModule({
  id: 'assets',
  label: localized(assetsT, 'module.name'),
  permissions: assetsPermissions,
  staffNav: [
    { id: 'assets', path: '/assets', label: localized(assetsT, 'nav.staff'), permission: 'assets.read', order: 500 },
    { id: 'asset-loans', path: '/assets/loans', label: localized(assetsT, 'nav.loans'), permission: 'assets.borrow', order: 501 },
  ],
  publicMenu: [{ id: 'assets', path: '/assets', label: localized(assetsT, 'nav.public'), order: 80 }],
  routes: { staff: assetsStaffRoutes, public: assetsPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadAssetsDemo,
  statistics: assetsStatistics,
})
