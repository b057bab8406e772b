import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { selfAssessmentPermissions } from './permissions.js'
import { selfAssessmentStaffRoutes } from './self-assessment.routes.js'
import { selfAssessmentT } from './self-assessment.i18n.js'

/** IIT/EIT self-assessment: the year's question bank asked through an anonymous survey, and estimated indicator scores beside last year's. */
export const selfAssessmentModule = defineModule({
  id: 'self-assessment',
  label: localized(selfAssessmentT, 'module.name'),
  permissions: selfAssessmentPermissions,
  staffNav: [{ id: 'self-assessment', path: '/self-assessment', label: localized(selfAssessmentT, 'nav.staff'), permission: 'self-assessment.read', order: 535 }],
  routes: { staff: selfAssessmentStaffRoutes },
  migrations: new URL('./migrations/', import.meta.url),
})
