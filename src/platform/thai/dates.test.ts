import { describe, expect, it } from 'vitest'
import { formatThaiDate, formatThaiDateTime, formatThaiMonth, parseThaiDate, toIsoDate, toThaiDateInput, toThaiDateText } from './dates.js'

const d = { year: 2026, month: 11, day: 25 }

describe('formatThaiDate', () => {
  it('shows B.E. years in Thai', () => {
    expect(formatThaiDate(d)).toBe('25 พฤศจิกายน 2569')
    expect(formatThaiDate(d, { thaiDigits: true })).toBe('๒๕ พฤศจิกายน ๒๕๖๙')
    expect(formatThaiDate(d, { style: 'short' })).toBe('25 พ.ย. 2569')
    expect(formatThaiDate(d, { style: 'numeric' })).toBe('25/11/2569')
    expect(formatThaiDate('2024-02-29', { style: 'short', thaiDigits: true })).toBe('๒๙ ก.พ. ๒๕๖๗')
  })
  it('shows C.E. years in English', () => {
    expect(formatThaiDate(d, { lang: 'en' })).toBe('25 November 2026')
    expect(formatThaiDate(d, { lang: 'en', style: 'short' })).toBe('25 Nov 2026')
    expect(formatThaiDate(d, { lang: 'en', style: 'numeric' })).toBe('25/11/2026')
  })
  it('reads a Date in Bangkok time', () => {
    expect(formatThaiDate(new Date('2026-11-24T17:00:00Z'), { style: 'numeric' })).toBe('25/11/2569')
  })
  it('matches what Intl prints for the Buddhist calendar', () => {
    const instant = new Date('2026-11-25T03:00:00Z')
    const intl = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', ...o }).format(instant)
    expect(formatThaiDate(instant)).toBe(intl({ dateStyle: 'long' }))
    expect(formatThaiDate(instant, { style: 'short' })).toBe(intl({ day: 'numeric', month: 'short', year: 'numeric' }))
  })
})

describe('formatThaiMonth', () => {
  it('names the month with the Buddhist-era year, or the C.E. year in English, optionally in Thai digits', () => {
    expect(formatThaiMonth('2022-10-01')).toBe('ตุลาคม 2565')
    expect(formatThaiMonth('2023-04-30', { style: 'short', thaiDigits: true })).toBe('เม.ย. ๒๕๖๖')
    expect(formatThaiMonth('2023-04-30', { lang: 'en' })).toBe('April 2023')
  })
})

describe('formatThaiDateTime', () => {
  it('shows Bangkok wall-clock time', () => {
    const t = new Date('2026-11-25T07:30:00Z')
    expect(formatThaiDateTime(t)).toBe('25 พ.ย. 2569 14:30')
    expect(formatThaiDateTime(t, { lang: 'en' })).toBe('25 Nov 2026, 14:30')
    expect(formatThaiDateTime(new Date('2026-11-24T17:05:00Z'), { thaiDigits: true })).toBe('๒๕ พ.ย. ๒๕๖๙ ๐๐:๐๕')
  })
})

describe('parseThaiDate', () => {
  const ok = (date: { year: number; month: number; day: number }) => ({ ok: true, date })
  it('accepts the forms Thai users type', () => {
    expect(parseThaiDate('25/11/2569')).toEqual(ok(d))
    expect(parseThaiDate('๒๕/๑๑/๒๕๖๙')).toEqual(ok(d))
    expect(parseThaiDate('2569-11-25')).toEqual(ok(d))
    expect(parseThaiDate(' 5/1/2569 ')).toEqual(ok({ year: 2026, month: 1, day: 5 }))
    expect(parseThaiDate('05.01.2569')).toEqual(ok({ year: 2026, month: 1, day: 5 }))
    expect(parseThaiDate('25 พฤศจิกายน 2569')).toEqual(ok(d))
    expect(parseThaiDate('25 พ.ย. พ.ศ. ๒๕๖๙')).toEqual(ok(d))
    // Two-digit years are B.E., as offices write them.
    expect(parseThaiDate('25/11/69')).toEqual(ok(d))
    expect(parseThaiDate('15 มี.ค. 67')).toEqual(ok({ year: 2024, month: 3, day: 15 }))
    expect(toThaiDateText('2024-03-15')).toBe('15/03/2567')
    expect(parseThaiDate(toThaiDateText(d))).toEqual(ok(d))
  })
  it('round-trips its own formats', () => {
    for (const style of ['long', 'short', 'numeric'] as const) {
      expect(parseThaiDate(formatThaiDate(d, { style, thaiDigits: true }))).toEqual(ok(d))
    }
    expect(parseThaiDate(toThaiDateInput(d))).toEqual(ok(d))
    expect(toThaiDateInput('2026-01-05')).toBe('2569-01-05')
    expect(toIsoDate(d)).toBe('2026-11-25')
  })
  it('accepts 29 Feb only in leap years', () => {
    expect(parseThaiDate('29/02/2567')).toEqual(ok({ year: 2024, month: 2, day: 29 }))
    expect(parseThaiDate('29/02/2566')).toEqual({ ok: false, error: 'day' })
  })
  it('explains what is wrong', () => {
    expect(parseThaiDate('')).toEqual({ ok: false, error: 'empty' })
    expect(parseThaiDate('   ')).toEqual({ ok: false, error: 'empty' })
    expect(parseThaiDate('31/02/2569')).toEqual({ ok: false, error: 'day' })
    expect(parseThaiDate('31/04/2569')).toEqual({ ok: false, error: 'day' })
    expect(parseThaiDate('00/01/2569')).toEqual({ ok: false, error: 'day' })
    expect(parseThaiDate('12/13/2569')).toEqual({ ok: false, error: 'month' })
    expect(parseThaiDate('25/11/2026')).toMatchObject({ ok: false, error: 'year_looks_ce' })
    expect(parseThaiDate('25/11/9569')).toEqual({ ok: false, error: 'year_range' })
    expect(parseThaiDate('25/11-2569')).toEqual({ ok: false, error: 'format' })
    expect(parseThaiDate('tomorrow')).toEqual({ ok: false, error: 'format' })
  })
  it('honours a narrower year range', () => {
    expect(parseThaiDate('1/1/2500', { minYearBe: 2550 })).toEqual({ ok: false, error: 'year_range' })
  })
})
