import { beToCe, toCalendarDate, type DateInput } from './calendar.js'

export { beToCe, ceToBe } from './calendar.js'

// A C.E. year passed by mistake (2023) would silently produce a range in the 15th century.
const MIN_FISCAL_YEAR = 2400
const MAX_FISCAL_YEAR = 2800
function assertFiscalYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < MIN_FISCAL_YEAR || fy > MAX_FISCAL_YEAR) {
    throw new RangeError(`fiscal year must be a B.E. year (e.g. 2566), got ${fy}`)
  }
}

/**
 * Fiscal year (B.E.) a date belongs to. FY 2566 runs 1 Oct 2565 – 30 Sep 2566, so October to
 * December belong to the next year's fiscal year. A `Date` is read in Bangkok time.
 */
export function fiscalYearOf(date: DateInput): number {
  const { year, month } = toCalendarDate(date)
  return year + 543 + (month >= 10 ? 1 : 0)
}

export const currentFiscalYear = (now: Date = new Date()): number => fiscalYearOf(now)

export type IsoDateRange = { start: string; end: string }

/** First and last day (ISO, C.E., both inclusive) of a fiscal year: 2566 → 2022-10-01 … 2023-09-30. */
export function fiscalYearRange(fy: number): IsoDateRange {
  assertFiscalYear(fy)
  const ce = beToCe(fy)
  return { start: `${ce - 1}-10-01`, end: `${ce}-09-30` }
}

/** Half 1 is October–March, half 2 is April–September (the six-monthly gift report periods). */
export type FiscalHalf = { fiscalYear: number; half: 1 | 2 }

export function fiscalHalfOf(date: DateInput): FiscalHalf {
  const { month } = toCalendarDate(date)
  return { fiscalYear: fiscalYearOf(date), half: month >= 10 || month <= 3 ? 1 : 2 }
}

export const currentFiscalHalf = (now: Date = new Date()): FiscalHalf => fiscalHalfOf(now)

/** The half before this one: the period a report due now covers. */
export function previousFiscalHalf(h: FiscalHalf): FiscalHalf {
  return h.half === 2 ? { fiscalYear: h.fiscalYear, half: 1 } : { fiscalYear: h.fiscalYear - 1, half: 2 }
}

/** 2566 half 1 → 2022-10-01 … 2023-03-31; half 2 → 2023-04-01 … 2023-09-30 (ISO, C.E., inclusive). */
export function fiscalHalfRange(fy: number, half: 1 | 2): IsoDateRange {
  assertFiscalYear(fy)
  if (half !== 1 && half !== 2) throw new RangeError(`half must be 1 or 2, got ${String(half)}`)
  const ce = beToCe(fy)
  return half === 1 ? { start: `${ce - 1}-10-01`, end: `${ce}-03-31` } : { start: `${ce}-04-01`, end: `${ce}-09-30` }
}

export type FiscalYearInputError = 'empty' | 'format' | 'looks_ce' | 'range'
/** A typed fiscal year: `looks_ce` carries the B.E. year meant (2024 → 2567) when that one is allowed. */
export type ParseFiscalYearResult = { ok: true; year: number } | { ok: false; error: FiscalYearInputError; suggestion?: number }

/**
 * A fiscal year as staff type it: four digits in พ.ศ., Thai digits too ("๒๕๖๗"), between `min` and
 * `max`. A C.E.-looking year (2024) is refused, never taken as B.E., with the B.E. year it likely means.
 */
export function parseFiscalYear(input: string, opts: { min: number; max: number }): ParseFiscalYearResult {
  const s = input.replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d))).trim().replace(/^(?:ปีงบประมาณ|ปีงบ|พ\.ศ\.)\s*/, '')
  if (!s) return { ok: false, error: 'empty' }
  if (!/^\d{4}$/.test(s)) return { ok: false, error: 'format' }
  const year = Number(s)
  if (year >= opts.min && year <= opts.max) return { ok: true, year }
  const be = year + 543
  if (be >= opts.min && be <= opts.max) return { ok: false, error: 'looks_ce', suggestion: be }
  return { ok: false, error: year >= 1900 && year <= 2200 ? 'looks_ce' : 'range' }
}
