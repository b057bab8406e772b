import type { AppModule } from '../../platform/http/module.js'
import { can } from '../../platform/auth/permissions.js'
import { assessmentStaffRoutes } from './assessment.routes.js'
import { frameworkPlatformRoutes } from './frameworks.routes.js'
import { loadAssessmentDemo } from './demo.js'
import { at } from './assessment.i18n.js'

export const assessmentModule: AppModule = {
  name: 'assessment',
  staffRoutes: assessmentStaffRoutes,
  platformRoutes: frameworkPlatformRoutes,
  staffNav: (ctx) => (ctx.org && can(ctx.actor, 'assessment.read') ? [{ href: `/o/${ctx.org.slug}/admin/ita`, label: at(ctx.lang, 'nav.ita'), permission: 'assessment.read' }] : []),
  loadDemo: loadAssessmentDemo,
}

// Public surface for other modules (measures builds its pages and documents on these).
export { at as assessmentMessages } from './assessment.i18n.js'
export {
  assessmentView,
  getAssessment,
  plansOf,
  plansIn,
  copyPlans,
  savePlan,
  saveScores,
  listPlans,
  addEvidence,
  listEvidence,
  evidenceFor,
  isUuid,
  isScore,
  type AssessmentView,
  type EvidenceItem,
  type EvidenceInput,
  type ScoreMap,
} from './assessment.service.js'
export { currentFramework, requireFramework, frameworkAt, type VersionedFramework } from './frameworks.service.js'
export { matchUnits } from './demo.js'
export { PROGRESS_STATUSES, type ProgressStatus, type IndicatorPlan } from './assessment.schema.js'
export { EvidenceForm, EvidenceList, StaffPage, itaBase, yearParam, linesToList, fmtScore, statusLabel } from './ita.ui.js'
export { evidenceUpload } from './assessment.routes.js'
export { ScoreChart } from './chart.js'
export type { Framework, OitItem } from './framework/framework.schema.js'
export { assess, indicatorsBelow } from './framework/scoring.js'
