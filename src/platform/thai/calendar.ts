/**
 * Calendar dates as plain year/month/day (C.E.), never `Date`: a `Date` is an instant, and
 * midnight in Bangkok is the previous day in UTC, so a date stored as a `Date` drifts by a day.
 */
export type CalendarDate = { year: number; month: number; day: number }

/** Thai offices, deadlines and fiscal years all run on Bangkok time (UTC+7, no DST). */
export const THAI_TIME_ZONE = 'Asia/Bangkok'

/** B.E. = C.E. + 543. */
export const beToCe = (be: number): number => be - 543
export const ceToBe = (ce: number): number => ce + 543

export function isLeapYear(ce: number): boolean {
  return (ce % 4 === 0 && ce % 100 !== 0) || ce % 400 === 0
}

export function daysInMonth(ce: number, month: number): number {
  if (month === 2) return isLeapYear(ce) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function isValidCalendarDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  )
}

const bangkokParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: THAI_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day an instant falls on in Bangkok. */
export function bangkokDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid Date')
  const parts = bangkokParts.formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return { year: get('year'), month: get('month'), day: get('day') }
}

/** Today in Bangkok: a server in UTC would otherwise see yesterday until 07:00. */
export const todayInBangkok = (now: Date = new Date()): CalendarDate => bangkokDate(now)

/** Parses a C.E. ISO date "2026-11-25" (what PostgreSQL `date` columns return). */
export function fromIsoDate(iso: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined
  if (!d || !isValidCalendarDate(d)) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`)
  return d
}

/** A calendar date, an ISO "YYYY-MM-DD" (C.E.) string, or an instant (read in Bangkok time). */
export type DateInput = CalendarDate | Date | string

export function toCalendarDate(input: DateInput): CalendarDate {
  if (input instanceof Date) return bangkokDate(input)
  if (typeof input === 'string') return fromIsoDate(input)
  if (!isValidCalendarDate(input)) throw new RangeError(`invalid calendar date ${JSON.stringify(input)}`)
  return input
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** "2026-11-25" (C.E.), the form PostgreSQL `date` columns take. */
export function toIsoDate(input: DateInput): string {
  const d = toCalendarDate(input)
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`
}

/** Negative, zero or positive like a sort comparator. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}
