import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { coiPermissions } from './permissions.js'
import { coiPublicRoutes, coiStaffRoutes } from './routes.js'
import { loadCoiDemo } from './demo.js'
import { coiT } from './coi.i18n.js'
import { coiEvidence, coiStatistics } from './contracts.js'

/** Conflict of interest (ผลประโยชน์ทับซ้อน): declarations per person, the executive's review, the party check, matters and the annual report. */
export const coiModule = defineModule({
  id: 'coi',
  label: localized(coiT, 'module.name'),
  permissions: coiPermissions,
  staffNav: [
    { id: 'coi', path: '/coi', label: localized(coiT, 'nav.staff'), permission: 'coi.register', order: 510 },
    { id: 'coi-mine', path: '/coi/mine', label: localized(coiT, 'nav.mine'), permission: 'coi.self', order: 511 },
  ],
  publicMenu: [{ id: 'coi', path: '/coi', label: localized(coiT, 'nav.public'), order: 82 }],
  routes: { staff: coiStaffRoutes, public: coiPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadCoiDemo,
  evidenceSources: [coiEvidence],
  statistics: coiStatistics,
})
