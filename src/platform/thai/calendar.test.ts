import { describe, expect, it } from 'vitest'
import { bangkokDate, beToCe, ceToBe, daysInMonth, fromIsoDate, isValidCalendarDate, toIsoDate } from './calendar.js'

describe('calendar dates', () => {
  it('converts eras', () => {
    expect(ceToBe(2026)).toBe(2569)
    expect(beToCe(2566)).toBe(2023)
  })
  it('knows leap years (B.E. 2567 = C.E. 2024)', () => {
    expect(daysInMonth(beToCe(2567), 2)).toBe(29)
    expect(daysInMonth(2023, 2)).toBe(28)
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(isValidCalendarDate({ year: 2023, month: 2, day: 29 })).toBe(false)
    expect(isValidCalendarDate({ year: 2024, month: 13, day: 1 })).toBe(false)
  })
  it('reads an instant in Bangkok time, not UTC or the server zone', () => {
    // 17:30 UTC on 30 Sep is 00:30 on 1 Oct in Bangkok.
    expect(bangkokDate(new Date('2023-09-30T17:30:00Z'))).toEqual({ year: 2023, month: 10, day: 1 })
    expect(bangkokDate(new Date('2023-09-30T16:59:59Z'))).toEqual({ year: 2023, month: 9, day: 30 })
    expect(() => bangkokDate(new Date('nope'))).toThrow(RangeError)
  })
  it('round-trips ISO dates and rejects impossible ones', () => {
    expect(fromIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(toIsoDate({ year: 2024, month: 2, day: 9 })).toBe('2024-02-09')
    expect(toIsoDate(new Date('2023-09-30T17:30:00Z'))).toBe('2023-10-01')
    expect(() => fromIsoDate('2023-02-29')).toThrow(RangeError)
    expect(() => fromIsoDate('2023-2-1')).toThrow(RangeError)
  })
})
