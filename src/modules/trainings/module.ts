import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { trainingsPermissions } from './permissions.js'
import { trainingsPublicRoutes, trainingsStaffRoutes } from './trainings.routes.js'
import { loadTrainingsDemo } from './demo.js'
import { trainingsT } from './trainings.i18n.js'
import { trainingsEvidence, trainingsStatistics } from './contracts.js'

/** Trainings: sessions with sign-up from the people directory and outside attendees, a sign-in sheet and QR self check-in; evidence for measures. */
export const trainingsModule = defineModule({
  id: 'trainings',
  label: localized(trainingsT, 'module.name'),
  permissions: trainingsPermissions,
  staffNav: [
    { id: 'trainings', path: '/trainings', label: localized(trainingsT, 'nav.staff'), permission: 'trainings.read', order: 530 },
    { id: 'trainings-mine', path: '/trainings/mine', label: localized(trainingsT, 'nav.mine'), permission: 'trainings.checkin', order: 531 },
  ],
  publicMenu: [{ id: 'trainings', path: '/trainings', label: localized(trainingsT, 'nav.public'), order: 86 }],
  routes: { staff: trainingsStaffRoutes, public: trainingsPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadTrainingsDemo,
  evidenceSources: [trainingsEvidence],
  statistics: trainingsStatistics,
})
