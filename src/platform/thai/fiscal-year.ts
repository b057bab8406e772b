/** B.E. = C.E. + 543. */
export const beToCe = (be: number): number => be - 543
export const ceToBe = (ce: number): number => ce + 543

/**
 * Fiscal year (B.E.) of a date in Thailand: FY 2566 runs 1 Oct 2565 – 30 Sep 2566,
 * so October–December belong to the next year's fiscal year.
 */
export function fiscalYearOf(date: Date): number {
  const { year, month } = bangkokParts(date)
  return ceToBe(month >= 10 ? year + 1 : year)
}
export const currentFiscalYear = (now: Date = new Date()): number => fiscalYearOf(now)

/** First and last calendar day (ISO, C.E.) of a fiscal year. */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  const ce = beToCe(fy)
  return { start: `${ce - 1}-10-01`, end: `${ce}-09-30` }
}

export function bangkokParts(date: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date)
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  return { year: get('year'), month: get('month'), day: get('day') }
}
