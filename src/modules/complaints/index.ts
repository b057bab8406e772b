// The complaints module's read API for other modules and the composition root (queries and types).
export { publicStats, type FiscalYearStats } from './stats.js'
export { rotateDataKeys } from './keys.js'
