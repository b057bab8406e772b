// The measures module's read API for other modules (queries and types).
export { loadReportData, type ReportData } from './report.js'
export { progressOf, remapOitCodes } from './measures.service.js'
