import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { meetingsPermissions } from './permissions.js'
import { meetingsPublicRoutes, meetingsStaffRoutes } from './meetings.routes.js'
import { loadMeetingsDemo } from './demo.js'
import { meetingsT } from './meetings.i18n.js'
import { meetingsEvidence, meetingsStatistics } from './contracts.js'

/** Meetings: the Thai agenda order, invitations, attendance and quorum, minutes per agenda item, adoption at the next meeting, evidence for measures and indicators. */
export const meetingsModule = defineModule({
  id: 'meetings',
  label: localized(meetingsT, 'module.name'),
  permissions: meetingsPermissions,
  staffNav: [{ id: 'meetings', path: '/meetings', label: localized(meetingsT, 'nav.staff'), permission: 'meetings.read', order: 520 }],
  publicMenu: [{ id: 'meetings', path: '/meetings', label: localized(meetingsT, 'nav.public'), order: 85 }],
  routes: { staff: meetingsStaffRoutes, public: meetingsPublicRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadMeetingsDemo,
  evidenceSources: [meetingsEvidence],
  statistics: meetingsStatistics,
})
