// The gifts module's read API for other modules (queries and types; no views, no routes).
export { publishedReports, type PublicHalf } from './reports.js'
export { giftRuleFor, assessGift, type GiftRule, type Assessment } from './rules.js'
export type { GiftRecord, GiftReport, ReportSummary } from './gifts.schema.js'
