import { describe, expect, it } from 'vitest'
import { beToCe, ceToBe, currentFiscalHalf, currentFiscalYear, fiscalHalfOf, fiscalHalfRange, fiscalYearOf, fiscalYearRange, parseFiscalYear, previousFiscalHalf } from './fiscal-year.js'

describe('fiscal year', () => {
  it('changes on 1 October', () => {
    expect(fiscalYearOf('2022-09-30')).toBe(2565)
    expect(fiscalYearOf('2022-10-01')).toBe(2566)
    expect(fiscalYearOf('2023-09-30')).toBe(2566)
    expect(fiscalYearOf('2023-10-01')).toBe(2567)
    expect(fiscalYearOf({ year: 2023, month: 1, day: 1 })).toBe(2566)
    expect(fiscalYearOf('2024-02-29')).toBe(2567)
  })
  it('uses Bangkok time for instants', () => {
    // 23:59:59 on 30 Sep 2023 in Bangkok, then one second later.
    expect(currentFiscalYear(new Date('2023-09-30T16:59:59Z'))).toBe(2566)
    expect(currentFiscalYear(new Date('2023-09-30T17:00:00Z'))).toBe(2567)
  })
  it('gives the inclusive C.E. range of a B.E. fiscal year', () => {
    expect(fiscalYearRange(2566)).toEqual({ start: '2022-10-01', end: '2023-09-30' })
    for (const fy of [2560, 2566, 2570]) {
      const { start, end } = fiscalYearRange(fy)
      expect(fiscalYearOf(start)).toBe(fy)
      expect(fiscalYearOf(end)).toBe(fy)
    }
  })
  it('refuses a C.E. year passed by mistake', () => {
    expect(() => fiscalYearRange(2023)).toThrow(/B\.E\./)
    expect(() => fiscalYearRange(2566.5)).toThrow(RangeError)
  })
  it('re-exports era conversion', () => {
    expect(beToCe(ceToBe(2023))).toBe(2023)
  })
})

describe('fiscal half-years', () => {
  it('splits at 1 April', () => {
    expect(fiscalHalfOf('2022-10-01')).toEqual({ fiscalYear: 2566, half: 1 })
    expect(fiscalHalfOf('2023-03-31')).toEqual({ fiscalYear: 2566, half: 1 })
    expect(fiscalHalfOf('2023-04-01')).toEqual({ fiscalYear: 2566, half: 2 })
    expect(fiscalHalfOf('2023-09-30')).toEqual({ fiscalYear: 2566, half: 2 })
    expect(currentFiscalHalf(new Date('2023-03-31T17:00:00Z'))).toEqual({ fiscalYear: 2566, half: 2 })
  })
  it('gives inclusive ranges', () => {
    expect(fiscalHalfRange(2566, 1)).toEqual({ start: '2022-10-01', end: '2023-03-31' })
    expect(fiscalHalfRange(2566, 2)).toEqual({ start: '2023-04-01', end: '2023-09-30' })
  })
  it('steps back to the half a report covers', () => {
    expect(previousFiscalHalf({ fiscalYear: 2567, half: 1 })).toEqual({ fiscalYear: 2566, half: 2 })
    expect(previousFiscalHalf({ fiscalYear: 2567, half: 2 })).toEqual({ fiscalYear: 2567, half: 1 })
  })
})

describe('parseFiscalYear', () => {
  const opts = { min: 2550, max: 2570 }
  it('reads B.E. years in Arabic or Thai digits', () => {
    expect(parseFiscalYear('2567', opts)).toEqual({ ok: true, year: 2567 })
    expect(parseFiscalYear(' ๒๕๖๗ ', opts)).toEqual({ ok: true, year: 2567 })
    expect(parseFiscalYear('ปีงบประมาณ 2566', opts)).toEqual({ ok: true, year: 2566 })
  })
  it('refuses empty, non-years, C.E. years (suggesting the B.E. one) and years outside the range', () => {
    expect(parseFiscalYear('', opts)).toEqual({ ok: false, error: 'empty' })
    expect(parseFiscalYear('abc', opts)).toEqual({ ok: false, error: 'format' })
    expect(parseFiscalYear('67', opts)).toEqual({ ok: false, error: 'format' })
    expect(parseFiscalYear('2024', opts)).toEqual({ ok: false, error: 'looks_ce', suggestion: 2567 })
    expect(parseFiscalYear('2050', opts)).toEqual({ ok: false, error: 'looks_ce' })
    expect(parseFiscalYear('9999', opts)).toEqual({ ok: false, error: 'range' })
    expect(parseFiscalYear('2571', opts)).toEqual({ ok: false, error: 'range' })
  })
})
