export * from './fiscal-year.js'
export * from './numerals.js'
export * from './dates.js'
