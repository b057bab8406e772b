import { describe, expect, it } from 'vitest'
import { compareThai, sortThai } from './collation.js'

describe('Thai collation', () => {
  it('sorts leading vowels under their consonant, unlike code-point order', () => {
    const words = ['ไก่', 'ขวด', 'กา', 'เกม', 'กำ']
    expect(sortThai(words)).toEqual(['กา', 'กำ', 'เกม', 'ไก่', 'ขวด'])
    expect([...words].sort()).not.toEqual(sortThai(words))
    expect(compareThai('เกม', 'ขวด')).toBeLessThan(0)
  })
  it('sorts numbers inside text by value', () => {
    expect(sortThai(['ข้อ 10', 'ข้อ 2', 'ข้อ 1'])).toEqual(['ข้อ 1', 'ข้อ 2', 'ข้อ 10'])
  })
  it('sorts by a key, stably, with missing keys last, without mutating the input', () => {
    const units = [
      { id: 1, name: 'สำนักปลัด' },
      { id: 2, name: null },
      { id: 3, name: 'กองคลัง' },
      { id: 4, name: 'กองช่าง' },
      { id: 5, name: 'กองคลัง' },
    ]
    const before = [...units]
    expect(sortThai(units, (u) => u.name).map((u) => u.id)).toEqual([3, 5, 4, 1, 2])
    expect(units).toEqual(before)
  })
})
