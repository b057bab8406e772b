import { toThaiDigits } from '../../platform/thai/numerals.js'
import type { MeasuresReport } from './measures-report.model.js'

// Shared by the HTML and DOCX renderers so both print the same strings.

/** Digits as the agency writes them: Thai (๒๕๖๖) when `thaiNumerals`, else Arabic. */
export function digitsFor(report: Pick<MeasuresReport, 'agency'>): (s: string) => string {
  return report.agency.thaiNumerals ? toThaiDigits : (s) => s
}

/** Scores always show two decimals, as the ITA results do (90 → "90.00"). */
export function formatScore(score: number): string {
  return score.toFixed(2)
}

/** "\n"-separated lines of a text field, blanks dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

/** Words of the agency's own place names, so that line breaking keeps them whole (พนม|รุ้ง). */
export function placeWords(agency: MeasuresReport['agency']): string[] {
  const name = agency.name.replace(/^(เทศบาล(ตำบล|เมือง|นคร)|องค์การบริหารส่วน(ตำบล|จังหวัด)|อบต\.?|อบจ\.?)/, '')
  return [name, agency.district, agency.province].filter(Boolean)
}
