import { describe, expect, it } from 'vitest'
import { formatNumber, fromThaiDigits, toThaiDigits } from './numerals.js'

describe('Thai digits', () => {
  it('converts both ways and leaves other characters alone', () => {
    expect(toThaiDigits('ปี 2569, ข้อ O10')).toBe('ปี ๒๕๖๙, ข้อ O๑๐')
    expect(fromThaiDigits('๐๑๒๓๔๕๖๗๘๙ บาท')).toBe('0123456789 บาท')
    expect(fromThaiDigits(toThaiDigits('1,234.50'))).toBe('1,234.50')
  })
})

describe('formatNumber', () => {
  it('groups thousands and fixes decimals', () => {
    expect(formatNumber(1234567.5)).toBe('1,234,567.5')
    expect(formatNumber(1234567.5, { decimals: 2 })).toBe('1,234,567.50')
    expect(formatNumber(0.125, { decimals: 0 })).toBe('0')
    expect(formatNumber(-1500, { decimals: 2, thaiDigits: true })).toBe('-๑,๕๐๐.๐๐')
    expect(formatNumber(12345678901234567n)).toBe('12,345,678,901,234,567')
  })
  it('rounds the decimal the user sees (1.005 → 1.01)', () => {
    expect(formatNumber(1.005, { decimals: 2 })).toBe('1.01')
  })
  it('refuses NaN, Infinity and bad decimals', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError)
    expect(() => formatNumber(Infinity)).toThrow(RangeError)
    expect(() => formatNumber(1, { decimals: -1 })).toThrow(RangeError)
  })
})
