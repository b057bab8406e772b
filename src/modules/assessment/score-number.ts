import { parseThaiNumber } from '../../platform/thai/numerals.js'
import { isScore, isToolScore } from './scores.service.js'

/**
 * The one reader of a score, for the form and for imported sheets alike: Thai or Arabic digits
 * ("๙๐.๕", "90.50"), 0–100, at most two decimals. Excel may store 93.59 as 93.590000000000003:
 * binary noise is accepted, a real third decimal is not. `null` when it is not a score.
 */
export function readScore(text: string): number | null {
  const n = parseThaiNumber(text)
  if (n === null) return null
  const rounded = Math.round(n * 100) / 100
  return Math.abs(n - rounded) <= 1e-9 && isScore(rounded) ? rounded : null
}

/** A tool (or tool-part) score: like `readScore` with up to four decimals (NACC weights them unrounded). */
export function readToolScore(text: string): number | null {
  const n = parseThaiNumber(text)
  if (n === null) return null
  const rounded = Math.round(n * 10000) / 10000
  return Math.abs(n - rounded) <= 1e-9 && isToolScore(rounded) ? rounded : null
}
