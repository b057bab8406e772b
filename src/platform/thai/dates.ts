import { beToCe, ceToBe, isValidCalendarDate, THAI_TIME_ZONE, toCalendarDate, type CalendarDate, type DateInput } from './calendar.js'
import { fromThaiDigits, toThaiDigits } from './numerals.js'

export { toIsoDate } from './calendar.js'

const TH_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'] as const
const TH_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

function monthName(month: number, style: 'long' | 'short', en: boolean): string {
  if (en) return style === 'long' ? EN_MONTHS[month - 1]! : EN_MONTHS[month - 1]!.slice(0, 3)
  return (style === 'long' ? TH_MONTHS : TH_MONTHS_SHORT)[month - 1]!
}

export type DateStyle = 'long' | 'short' | 'numeric'
export type ThaiDateFormatOptions = {
  style?: DateStyle
  /** 'th' shows the Buddhist-era year (2569); 'en' the Common Era year (2026). */
  lang?: 'th' | 'en'
  thaiDigits?: boolean
}

/**
 * "25 พฤศจิกายน 2569" (long), "25 พ.ย. 2569" (short), "25/11/2569" (numeric); English
 * "25 November 2026" / "25 Nov 2026" / "25/11/2026". A `Date` is read in Bangkok time; a string
 * must be an ISO C.E. date. The tables are spelled out rather than taken from Intl so output
 * does not change with the ICU version.
 */
export function formatThaiDate(input: DateInput, opts: ThaiDateFormatOptions = {}): string {
  const { year, month, day } = toCalendarDate(input)
  const en = opts.lang === 'en'
  const y = en ? year : ceToBe(year)
  const style = opts.style ?? 'long'
  const s = style === 'numeric' ? `${day}/${month}/${y}` : `${day} ${monthName(month, style, en)} ${y}`
  return opts.thaiDigits ? toThaiDigits(s) : s
}

/** A month of a year: "ตุลาคม 2565" / "October 2022" (a string is an ISO C.E. date in that month). */
export function formatThaiMonth(input: DateInput, opts: Omit<ThaiDateFormatOptions, 'style'> & { style?: 'long' | 'short' } = {}): string {
  const { year, month } = toCalendarDate(input)
  const en = opts.lang === 'en'
  const s = `${monthName(month, opts.style ?? 'long', en)} ${en ? year : ceToBe(year)}`
  return opts.thaiDigits ? toThaiDigits(s) : s
}

const bangkokTime = new Intl.DateTimeFormat('en-GB', { timeZone: THAI_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** A timestamp as Thai offices read it, in Bangkok time: "25 พ.ย. 2569 14:30" / "25 Nov 2026, 14:30". */
export function formatThaiDateTime(instant: Date, opts: Omit<ThaiDateFormatOptions, 'style'> & { style?: 'long' | 'short' } = {}): string {
  const date = formatThaiDate(instant, { style: opts.style ?? 'short', lang: opts.lang ?? 'th' })
  const s = `${date}${opts.lang === 'en' ? ',' : ''} ${bangkokTime.format(instant)}`
  return opts.thaiDigits ? toThaiDigits(s) : s
}

/** "2569-11-25": the B.E. ISO-like value our date inputs show and post back. */
export function toThaiDateInput(input: DateInput): string {
  const { year, month, day } = toCalendarDate(input)
  return `${ceToBe(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** "15/03/2567": a date the way Thai staff type it (day/month/B.E. year), for text date fields. */
export function toThaiDateText(input: DateInput): string {
  const { year, month, day } = toCalendarDate(input)
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${ceToBe(year)}`
}

/**
 * Why a date did not parse; callers map the code to a message catalogue entry.
 * `year_looks_ce`: the year is plausible as C.E. (2026) but we expect B.E. (2569).
 */
export type ThaiDateErrorCode = 'empty' | 'format' | 'month' | 'day' | 'year_range' | 'year_looks_ce'
/** `suggestion`: for `year_looks_ce`, the same day with the year as B.E. ("15/03/2567" for 2024-03-15). */
export type ParseThaiDateResult = { ok: true; date: CalendarDate } | { ok: false; error: ThaiDateErrorCode; suggestion?: string }
export type ParseThaiDateOptions = { minYearBe?: number; maxYearBe?: number }

// Wide enough for birth dates of the elderly and long-range plans, narrow enough to catch typos
// such as a C.E. year or a missing digit.
const DEFAULT_MIN_YEAR_BE = 2400
const DEFAULT_MAX_YEAR_BE = 2700

const MONTH_BY_NAME = new Map<string, number>([
  ...TH_MONTHS.map((m, i) => [m, i + 1] as const),
  ...TH_MONTHS_SHORT.map((m, i) => [m, i + 1] as const),
])
const monthNames = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).map((m) => m.replace(/\./g, '\\.'))
const NAMED = new RegExp(`^(\\d{1,2}) ?(${monthNames.join('|')}) ?(?:พ\\.ศ\\. ?)?(\\d{4}|\\d{2})$`)
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/

/**
 * Parses a B.E. date as typed by Thai users: "25/11/2569", "๒๕/๑๑/๒๕๖๙", "2569-11-25" (our date
 * inputs), "25 พฤศจิกายน 2569", "25 พ.ย. พ.ศ. 2569", "25 พ.ย. 69". Returns the C.E. calendar date.
 */
export function parseThaiDate(input: string, opts: ParseThaiDateOptions = {}): ParseThaiDateResult {
  const s = fromThaiDigits(input).trim().replace(/\s+/g, ' ')
  if (!s) return { ok: false, error: 'empty' }
  let parts: [string, string | number, string] | undefined
  let m: RegExpExecArray | null
  if ((m = DMY.exec(s))) parts = [m[4]!, m[3]!, m[1]!]
  else if ((m = YMD.exec(s))) parts = [m[1]!, m[2]!, m[3]!]
  else if ((m = NAMED.exec(s))) parts = [m[3]!, MONTH_BY_NAME.get(m[2]!)!, m[1]!]
  if (!parts) return { ok: false, error: 'format' }
  // Two-digit years are B.E. as Thai offices write them: "15 มี.ค. 67" is 2567.
  const yearBe = parts[0].length === 2 ? 2500 + Number(parts[0]) : Number(parts[0])
  const month = Number(parts[1])
  const day = Number(parts[2])

  const min = opts.minYearBe ?? DEFAULT_MIN_YEAR_BE
  const max = opts.maxYearBe ?? DEFAULT_MAX_YEAR_BE
  if (yearBe < min || yearBe > max) {
    const asBe = ceToBe(yearBe)
    if (asBe < min || asBe > max) return { ok: false, error: 'year_range' }
    const asCe = { year: yearBe, month, day }
    return isValidCalendarDate(asCe) && month >= 1 && month <= 12 ? { ok: false, error: 'year_looks_ce', suggestion: toThaiDateText(asCe) } : { ok: false, error: 'year_looks_ce' }
  }
  if (month < 1 || month > 12) return { ok: false, error: 'month' }
  const date = { year: beToCe(yearBe), month, day }
  if (!isValidCalendarDate(date)) return { ok: false, error: 'day' }
  return { ok: true, date }
}
