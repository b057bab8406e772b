// The assessment module's read API for other modules (queries and types; no views, no routes).
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
  isScore,
  type AssessmentView,
  type EvidenceItem,
  type EvidenceInput,
  type ScoreMap,
} from './assessment.service.js'
export { currentFramework, requireFramework, frameworkAt, frameworkYears, type VersionedFramework } from './frameworks.service.js'
export { matchUnits } from './demo.js'
export { PROGRESS_STATUSES, type ProgressStatus, type IndicatorPlan } from './assessment.schema.js'
export { itaBase, statusLabel } from './ita-paths.js'
export type { Framework, OitItem } from '../../domain/ita/framework.schema.js'
export { assess, indicatorsBelow } from '../../domain/ita/scoring.js'
