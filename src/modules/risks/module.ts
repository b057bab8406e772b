import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { risksPermissions } from './permissions.js'
import { risksPublicRoutes, risksStaffRoutes } from './risks.routes.js'
import { loadRisksDemo } from './demo.js'
import { risksT } from './risks.i18n.js'
import { monitoringEvidence, registerEvidence, risksStatistics } from './contracts.js'

/** Corruption-risk register: risks per fiscal year scored likelihood × impact, measures as controls, residual risk, 6/12-month monitoring, heat maps, the NACC-form reports and the public OIT summary. */
export const risksModule = defineModule({
  id: 'risks',
  label: localized(risksT, 'module.name'),
  permissions: risksPermissions,
  staffNav: [{ id: 'risks', path: '/risks', label: localized(risksT, 'nav.staff'), permission: 'risks.read', order: 530 }],
  publicMenu: [{ id: 'risks', path: '/risks', label: localized(risksT, 'nav.public'), order: 87 }],
  routes: { staff: risksStaffRoutes, public: risksPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadRisksDemo,
  evidenceSources: [registerEvidence, monitoringEvidence],
  statistics: risksStatistics,
})
