const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙'

/** Replaces Arabic digits 0–9 with Thai digits ๐–๙; everything else is kept. */
export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!)
}

/** Replaces Thai digits ๐–๙ with Arabic digits, so user input can be parsed either way. */
export function fromThaiDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)))
}

export type NumberFormatOptions = {
  /** Show ๐–๙ instead of 0–9 (official letters often use Thai digits). */
  thaiDigits?: boolean
  /** Exactly this many fraction digits; when omitted, up to 3 as needed. */
  decimals?: number
}

// en-US grouping ("1,234.5") is what Thai offices write; Thai digits are substituted afterwards so
// both variants group identically.
const formatters = new Map<number | undefined, Intl.NumberFormat>()
function formatterFor(decimals: number | undefined): Intl.NumberFormat {
  let f = formatters.get(decimals)
  if (!f) {
    f = new Intl.NumberFormat('en-US', decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formatters.set(decimals, f)
  }
  return f
}

/** "1,234,567.5" or with Thai digits "๑,๒๓๔,๕๖๗.๕". */
export function formatNumber(n: number | bigint, opts: NumberFormatOptions = {}): string {
  if (typeof n === 'number' && !Number.isFinite(n)) throw new RangeError(`cannot format ${n}`)
  if (opts.decimals !== undefined && !(Number.isInteger(opts.decimals) && opts.decimals >= 0 && opts.decimals <= 20)) {
    throw new RangeError(`decimals must be an integer 0–20, got ${opts.decimals}`)
  }
  const s = formatterFor(opts.decimals).format(n)
  return opts.thaiDigits ? toThaiDigits(s) : s
}

export type ParseNumberOptions = {
  /** At most this many digits after the point (a longer fraction is refused, not rounded). */
  maxDecimals?: number
  /** Allow a leading minus sign. */
  negative?: boolean
}

const NUMBER = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/

/**
 * The one reader of numbers typed by people or read from their files (forms and CSV alike):
 * Thai digits (๙๐.๕) or Arabic (90.5), spaces around, thousands commas ("1,234.5"). Refuses
 * anything else ("1e3", "0x10", "๙๐,๕", "", "12abc") with `null`, so callers state their own message.
 */
export function parseThaiNumber(input: string, opts: ParseNumberOptions = {}): number | null {
  const s = fromThaiDigits(input).trim().replace(/\u00a0/g, '')
  const m = NUMBER.exec(s)
  if (!m) return null
  if (m[1] && !opts.negative) return null
  if (opts.maxDecimals !== undefined && (m[3]?.length ?? 0) > opts.maxDecimals) return null
  const n = Number(`${m[1] ?? ''}${m[2]!.replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`)
  return Number.isFinite(n) ? n : null
}
