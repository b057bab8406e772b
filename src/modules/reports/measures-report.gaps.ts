import { LABELS } from './measures-report.labels.js'
import type { MeasuresReport } from './measures-report.model.js'

/** An indicator the report prints with cells marked (ยังไม่ได้บันทึก), and which cells. */
export interface IndicatorGap {
  number: number
  name: string
  /** Headers of the empty columns, as the report names them. */
  missing: string[]
}

/** What staff should fill in before the report is published (shown to them on the year's page). */
export function indicatorGaps(report: Pick<MeasuresReport, 'indicators'>): IndicatorGap[] {
  const [, guide, resp, period, progress] = LABELS.indicatorsHeader
  return report.indicators
    .map((i) => ({
      number: i.number,
      name: i.name,
      missing: [
        ...(i.improvementGuidelines.length ? [] : [guide]),
        ...(i.responsible.trim() ? [] : [resp]),
        ...(i.period.trim() ? [] : [period]),
        ...(i.progress.length || i.status ? [] : [progress]),
      ],
    }))
    .filter((g) => g.missing.length)
}
