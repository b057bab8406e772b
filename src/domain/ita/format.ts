/** A score as NACC prints it: two decimals, or an en dash when there is none. */
export const fmtScore = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : n.toFixed(2))

/** A year-over-year change with its sign (±0.00 for no change). */
export const fmtChange = (n: number | null): string => (n === null ? '–' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(2)}`)
