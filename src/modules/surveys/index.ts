// The surveys module's read API for other modules (queries and types; no views, no routes).
export { publicSurveys, publicResults } from './results.js'
export type { Survey, SurveyStatus } from './surveys.schema.js'
