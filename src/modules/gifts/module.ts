import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { giftsPermissions } from './permissions.js'
import { giftsPublicRoutes, giftsStaffRoutes } from './routes.js'
import { loadGiftsDemo } from './demo.js'
import { giftsT } from './gifts.i18n.js'
import { giftsEvidence, giftsStatistics } from './contracts.js'

/** Gifts and the No Gift Policy: the gift register, nil returns per half-year, the six-monthly report and its public summary. */
export const giftsModule = defineModule({
  id: 'gifts',
  label: localized(giftsT, 'module.name'),
  permissions: giftsPermissions,
  staffNav: [
    { id: 'gifts', path: '/gifts', label: localized(giftsT, 'nav.staff'), permission: 'gifts.read', order: 500 },
    { id: 'gifts-mine', path: '/gifts/mine', label: localized(giftsT, 'nav.mine'), permission: 'gifts.self', order: 501 },
  ],
  publicMenu: [{ id: 'gifts', path: '/gifts', label: localized(giftsT, 'nav.public'), order: 80 }],
  routes: { staff: giftsStaffRoutes, public: giftsPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadGiftsDemo,
  evidenceSources: [giftsEvidence],
  statistics: giftsStatistics,
})
