import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shownCount, suppressTable, type SuppressedTable } from './suppress.js'

const visible = (t: SuppressedTable) => t.cells.map((r) => r.map((c) => (c.hidden ? null : c.value)))

/** Whether some hidden cell's value follows from what is shown (a line with one unknown). */
function leaks(t: SuppressedTable): boolean {
  const lines = [
    ...t.cells.map((r, i) => [...r, t.rowTotals[i]!]),
    ...t.colTotals.map((c, j) => [...t.cells.map((r) => r[j]!), c]),
    [...t.rowTotals, t.total],
    [...t.colTotals, t.total],
  ]
  return lines.some((l) => l.filter((c) => c.hidden).length === 1)
}

describe('small-count suppression', () => {
  it('hides the complement where naive suppression leaks (complaint categories of a small tambon)', () => {
    // จัดซื้อจัดจ้าง 10, เรียกรับสินบน 2, การใช้อำนาจ 7; total 19. Hiding only the 2 leaks: 19 − 10 − 7 = 2.
    const t = suppressTable([[10, 2, 7]])
    expect(visible(t)).toEqual([[10, null, null]])
    expect(t.rowTotals[0]!.hidden).toBe(false)
    expect(leaks(t)).toBe(false)
    expect(t.cells[0]!.map((c) => shownCount(c))).toEqual(['10', '< 5', '< 5'])
  })

  it('hides a total when a line has nothing else to hide with it', () => {
    const t = suppressTable([[3]])
    expect(t.cells[0]![0]!.hidden).toBe(true)
    expect(t.rowTotals[0]!.hidden).toBe(true)
    expect(t.total.hidden).toBe(true)
  })

  it('keeps zeros visible unless they are needed as a complement, and leaves big counts alone', () => {
    expect(visible(suppressTable([[0, 12, 8]]))).toEqual([[0, 12, 8]])
    const t = suppressTable([[0, 12, 1]])
    expect(visible(t)).toEqual([[null, 12, null]])
  })

  it('never leaks in two-way tables (property test over random small tables)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (raw) => {
        const width = Math.max(...raw.map((r) => r.length))
        const table = raw.map((r) => [...r, ...Array(width - r.length).fill(0)] as number[])
        const t = suppressTable(table)
        expect(leaks(t)).toBe(false)
        // Every cell below the threshold (and above zero) is hidden.
        t.cells.forEach((r, i) => r.forEach((c, j) => table[i]![j]! > 0 && table[i]![j]! < 5 && expect(c.hidden).toBe(true)))
      }),
      { numRuns: 500 },
    )
  })
})
