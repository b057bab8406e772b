// The measures module's read API for other modules (queries and types).
export { loadReportData, type ReportData } from './report.js'
export { progressOf } from './measures.service.js'
export { remapOitCodes } from './copy-year.js'
