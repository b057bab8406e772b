// Small-count suppression for every public statistic: a cell below the threshold is shown as
// "< 5", and enough other cells are hidden with it (complementary suppression) that no hidden
// cell can be worked out from the totals shown. Zeros are shown (they point at nobody) unless
// they are needed as a complement.

export const SMALL_COUNT = 5
export type Cell = { value: number; hidden: boolean }
export type SuppressedTable = { cells: Cell[][]; rowTotals: Cell[]; colTotals: Cell[]; total: Cell }

const hide = (c: Cell) => {
  c.hidden = true
}

/**
 * Suppresses a table of counts shown with its row totals, column totals and grand total (pass a
 * single row for a one-way table). Primary: 0 < value < threshold. Complementary: a row or column
 * (the totals are lines of their own) with exactly one hidden member gets a second one hidden —
 * its smallest visible part, else its total — repeated until stable.
 */
export function suppressTable(values: number[][], threshold = SMALL_COUNT): SuppressedTable {
  const cols = Math.max(0, ...values.map((r) => r.length))
  const cells: Cell[][] = values.map((r) => Array.from({ length: cols }, (_, j) => ({ value: r[j] ?? 0, hidden: false })))
  const rowTotals: Cell[] = cells.map((r) => ({ value: r.reduce((s, c) => s + c.value, 0), hidden: false }))
  const colTotals: Cell[] = Array.from({ length: cols }, (_, j) => ({ value: cells.reduce((s, r) => s + r[j]!.value, 0), hidden: false }))
  const total: Cell = { value: rowTotals.reduce((s, c) => s + c.value, 0), hidden: false }
  const small = (c: Cell) => c.value > 0 && c.value < threshold
  for (const r of cells) for (const c of r) if (small(c)) hide(c)
  for (const c of [...rowTotals, ...colTotals, total]) if (small(c)) hide(c)

  // Every line is "its cells add up to its total": rows (with the row total), columns (with the
  // column total), and the totals themselves (row totals → grand total, column totals → grand total).
  const lines: { parts: Cell[]; sum: Cell }[] = [
    ...cells.map((r, i) => ({ parts: r, sum: rowTotals[i]! })),
    ...Array.from({ length: cols }, (_, j) => ({ parts: cells.map((r) => r[j]!), sum: colTotals[j]! })),
    { parts: rowTotals, sum: total },
    { parts: colTotals, sum: total },
  ]
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines) {
      // A line leaks when exactly one of its members (parts and sum) is hidden: it is the sum of, or
      // the difference from, the others. Hide its smallest visible part too (or the sum, if none).
      if ([...line.parts, line.sum].filter((c) => c.hidden).length !== 1) continue
      const partner = line.parts.filter((c) => !c.hidden).sort((a, b) => a.value - b.value)[0]
      hide(partner ?? line.sum)
      changed = true
    }
  }
  return { cells, rowTotals, colTotals, total }
}

/** A count as the public sees it: the number, or "< 5" when it is hidden. */
export function shownCount(c: Cell, format: (n: number) => string = String, threshold = SMALL_COUNT): string {
  return c.hidden ? `< ${format(threshold)}` : format(c.value)
}
