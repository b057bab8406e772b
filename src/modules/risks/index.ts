// The risks module's read API for other modules (queries and types; no views, no routes).
export { publishedYears, publishedRegister, type YearRisk } from './risks.service.js'
export type { Risk, RiskStatus } from './risks.schema.js'
export { REGISTER_TYPE, MONITORING_TYPE } from './contracts.js'
