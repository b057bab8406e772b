import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { surveysPermissions } from './permissions.js'
import { surveysStaffRoutes } from './surveys.routes.js'
import { surveysPublicRoutes } from './answer.routes.js'
import { loadSurveysDemo } from './demo.js'
import { surveysT } from './surveys.i18n.js'
import { surveysEvidence, surveysStatistics } from './contracts.js'
import { sealResponses } from './seal.js'

/** Service-satisfaction surveys: builder and templates, QR per service point, anonymous answers by design, single-use links, paper sheets, results. */
export const surveysModule = defineModule({
  id: 'surveys',
  label: localized(surveysT, 'module.name'),
  permissions: surveysPermissions,
  staffNav: [{ id: 'surveys', path: '/surveys', label: localized(surveysT, 'nav.staff'), permission: 'surveys.read', order: 530 }],
  publicMenu: [{ id: 'surveys', path: '/surveys', label: localized(surveysT, 'nav.public'), order: 88 }],
  routes: { staff: surveysStaffRoutes, public: surveysPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadSurveysDemo,
  evidenceSources: [surveysEvidence],
  statistics: surveysStatistics,
  anonymousPaths: ['/surveys/r/'],
  // After midnight Bangkok time: yesterday's answer sheets are sealed (README "Anonymity").
  jobs: [{ name: 'surveys.seal', schedule: '20 0 * * *', run: async (deps) => void (await sealResponses(deps)) }],
})
