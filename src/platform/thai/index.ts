export { toThaiDigits, fromThaiDigits, formatNumber, parseThaiNumber, type NumberFormatOptions, type ParseNumberOptions } from './numerals.js'
export {
  THAI_TIME_ZONE,
  beToCe,
  ceToBe,
  isLeapYear,
  daysInMonth,
  isValidCalendarDate,
  bangkokDate,
  todayInBangkok,
  fromIsoDate,
  toCalendarDate,
  toIsoDate,
  compareCalendarDates,
  type CalendarDate,
  type DateInput,
} from './calendar.js'
export {
  formatThaiDate,
  formatThaiMonth,
  formatThaiDateTime,
  toThaiDateInput,
  toThaiDateText,
  parseThaiDate,
  type DateStyle,
  type ThaiDateFormatOptions,
  type ThaiDateErrorCode,
  type ParseThaiDateResult,
  type ParseThaiDateOptions,
} from './dates.js'
export {
  fiscalYearOf,
  currentFiscalYear,
  fiscalYearRange,
  fiscalHalfOf,
  currentFiscalHalf,
  previousFiscalHalf,
  fiscalHalfRange,
  parseFiscalYear,
  type ParseFiscalYearResult,
  type FiscalYearInputError,
  type FiscalHalf,
  type IsoDateRange,
} from './fiscal-year.js'
export { toSatang, formatBaht, bahtText, type BahtAmount, type BahtFormatOptions } from './money.js'
export { compareThai, sortThai } from './collation.js'
export { segmentWords, toSearchText } from './segment.js'
