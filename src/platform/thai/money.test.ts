import { describe, expect, it } from 'vitest'
import { bahtText, formatBaht, toSatang } from './money.js'

describe('toSatang', () => {
  it('rounds half away from zero on the decimal digits', () => {
    expect(toSatang(1.005)).toBe(101n)
    expect(toSatang('1.004')).toBe(100n)
    expect(toSatang(-2.345)).toBe(-235n)
    expect(toSatang('1234567.5')).toBe(123456750n)
    expect(toSatang('๑๒.๕๐')).toBe(1250n)
    expect(toSatang(1e-7)).toBe(0n)
    expect(toSatang('-0.001')).toBe(0n)
  })
  it('refuses non-amounts', () => {
    for (const bad of ['', 'abc', '1,000', '1e5', '.5']) expect(() => toSatang(bad)).toThrow(RangeError)
    expect(() => toSatang(Number.NaN)).toThrow(RangeError)
  })
})

describe('formatBaht', () => {
  it('always shows two decimals and the unit', () => {
    expect(formatBaht(1234567.5)).toBe('1,234,567.50 บาท')
    expect(formatBaht('1234567.50', { thaiDigits: true })).toBe('๑,๒๓๔,๕๖๗.๕๐ บาท')
    expect(formatBaht(0)).toBe('0.00 บาท')
    expect(formatBaht(999, { unit: false })).toBe('999.00')
    expect(formatBaht(-1000.1)).toBe('-1,000.10 บาท')
    expect(formatBaht('123456789012345678.99')).toBe('123,456,789,012,345,678.99 บาท')
  })
})

describe('bahtText', () => {
  it.each([
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งบาทถ้วน'],
    [10, 'สิบบาทถ้วน'],
    [11, 'สิบเอ็ดบาทถ้วน'],
    [20, 'ยี่สิบบาทถ้วน'],
    [21, 'ยี่สิบเอ็ดบาทถ้วน'],
    [100, 'หนึ่งร้อยบาทถ้วน'],
    [101, 'หนึ่งร้อยเอ็ดบาทถ้วน'],
    [111, 'หนึ่งร้อยสิบเอ็ดบาทถ้วน'],
    [1001, 'หนึ่งพันเอ็ดบาทถ้วน'],
    [1_000_000, 'หนึ่งล้านบาทถ้วน'],
    [1_000_001, 'หนึ่งล้านเอ็ดบาทถ้วน'],
    [1_200_000, 'หนึ่งล้านสองแสนบาทถ้วน'],
    [1_234_567, 'หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทถ้วน'],
    [10_000_000, 'สิบล้านบาทถ้วน'],
    [11_000_000, 'สิบเอ็ดล้านบาทถ้วน'],
    [21_000_021, 'ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน'],
    [101_000_000, 'หนึ่งร้อยเอ็ดล้านบาทถ้วน'],
    [1_000_000_000_000, 'หนึ่งล้านล้านบาทถ้วน'],
    [1_000_000_000_005, 'หนึ่งล้านล้านห้าบาทถ้วน'],
    [21.25, 'ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์'],
    [0.5, 'ห้าสิบสตางค์'],
    [0.01, 'หนึ่งสตางค์'],
    [0.11, 'สิบเอ็ดสตางค์'],
    [0.21, 'ยี่สิบเอ็ดสตางค์'],
    [1.01, 'หนึ่งบาทหนึ่งสตางค์'],
    [100.1, 'หนึ่งร้อยบาทสิบสตางค์'],
    [-21, 'ลบยี่สิบเอ็ดบาทถ้วน'],
  ])('%s → %s', (amount, text) => {
    expect(bahtText(amount)).toBe(text)
  })
  it('takes numeric strings, and refuses fractions of a satang instead of rounding them away', () => {
    expect(bahtText('1234567.50')).toBe('หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทห้าสิบสตางค์')
    expect(bahtText('1.500')).toBe('หนึ่งบาทห้าสิบสตางค์')
    for (const inexact of ['1.005', 0.999, '0.004', 1.005]) expect(() => bahtText(inexact)).toThrow(/fractions of a satang/)
  })
})
