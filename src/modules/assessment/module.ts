import { defineModule } from '../../platform/module/manifest.js'
import { localized } from '../../platform/i18n/i18n.js'
import { assessmentPermissions } from './permissions.js'
import { assessmentStaffRoutes } from './ita.routes.js'
import { frameworkPlatformRoutes } from './frameworks.routes.js'
import { loadAssessmentDemo } from './demo.js'
import { at } from './assessment.i18n.js'
import { planEvidenceTarget } from './evidence-targets.js'

/** ITA scores per fiscal year, the analysis and improvement plan per indicator, and the frameworks. */
export const assessmentModule = defineModule({
  id: 'assessment',
  label: { th: 'ผลการประเมิน ITA', en: 'ITA assessment' },
  permissions: assessmentPermissions,
  staffNav: [{ id: 'ita', path: '/ita', label: localized(at, 'nav.ita'), permission: 'assessment.read', order: 100 }],
  platformNav: [{ id: 'frameworks', path: '/frameworks', label: localized(at, 'fw.title'), order: 100 }],
  routes: { staff: assessmentStaffRoutes, platform: frameworkPlatformRoutes },
  migrations: new URL('./migrations/', import.meta.url),
  demo: loadAssessmentDemo,
  evidenceTargets: [planEvidenceTarget],
})
