// The self-assessment module's read API for other modules (queries and types; no views, no routes).
export { listRounds, roundView, type RoundView } from './self-assessment.service.js'
export type { Round, Tool } from './self-assessment.schema.js'
