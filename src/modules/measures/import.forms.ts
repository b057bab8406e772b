import { z } from 'zod'
import { f, type FileRule, type FormValues } from '../../platform/http/forms.js'
import { MAX_UPLOAD_BYTES } from '../../platform/http/body.js'
import { linesToList } from '../../platform/http/params.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { PROGRESS_STATUSES, type ProgressStatus } from '../assessment/index.js'
import type { ImportedReport } from '../reports/index.js'
import { mt } from './measures.i18n.js'

// The importer's two forms: the upload (year + .docx) and the preview (every parsed field, editable).

const s = (v: FormValues[string] | undefined): string => ((Array.isArray(v) ? v[0] : v) ?? '').trim()

/** Word files; some writers' files are detected only as ZIP, so the importer itself tells them apart. */
const DOCX_TYPES = { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx', 'application/zip': 'docx' } as const
export const uploadFiles: Record<string, FileRule> = { docx: { required: true, max: 1, types: DOCX_TYPES, maxBytes: MAX_UPLOAD_BYTES } }
export const uploadSchema = z.object({ fiscalYear: f.fiscalYear() })
export const uploadLabels = (L: Lang) => ({ fiscalYear: mt(L, 'i.year'), docx: mt(L, 'i.file') })
export const uploadDefaults = (): FormValues => ({ fiscalYear: String(currentFiscalYear() - 1) })

const SCORE = /^\d{1,3}(\.\d{1,2})?$/
const isScore = (v: string) => SCORE.test(v) && Number(v) <= 100
const slashLines = (v: string) => v.replaceAll('\n', ' / ')

/** The parsed report → the preview form's values (lists one item a line; periods on one line). */
export function previewValues(year: number, r: ImportedReport): FormValues {
  const v: FormValues = { fiscalYear: String(year), thaiNumerals: r.thaiNumerals ? '1' : '', measureCount: String(r.measures.length), indicatorCount: String(r.indicators.length) }
  r.measures.forEach((m, i) => {
    Object.assign(v, {
      [`m${i}_order`]: String(m.order), [`m${i}_title`]: m.title, [`m${i}_steps`]: m.steps.join('\n'), [`m${i}_period`]: slashLines(m.period),
      [`m${i}_responsible`]: m.responsible, [`m${i}_summary`]: m.resultSummary.join('\n'), [`m${i}_outcome`]: m.outcome.join('\n'),
    })
  })
  r.indicators.forEach((x, i) => {
    Object.assign(v, {
      [`i${i}_number`]: String(x.number), [`i${i}_name`]: x.name, [`i${i}_score`]: x.score === null ? '' : x.score.toFixed(2), [`i${i}_guidelines`]: x.improvementGuidelines.join('\n'),
      [`i${i}_responsible`]: x.responsible, [`i${i}_period`]: slashLines(x.period), [`i${i}_progress`]: x.progress.join('\n'), [`i${i}_status`]: x.status ?? '',
    })
  })
  return v
}

/** How many measures and indicators the preview holds (from its hidden counts, bounded). */
export const previewCounts = (v: FormValues) => ({ measures: Math.min(Number(s(v.measureCount)) || 0, 200), indicators: Math.min(Number(s(v.indicatorCount)) || 0, 50) })

/** The preview: the year can be changed here (e.g. after a 409); a score must be 0–100 or empty. */
export const confirmSchema = (L: Lang) =>
  z.looseObject({ fiscalYear: f.fiscalYear() }).superRefine((d, ctx) => {
    const v = d as FormValues
    for (let i = 0; i < previewCounts(v).indicators; i++) {
      const score = s(v[`i${i}_score`])
      if (score && !isScore(score)) ctx.addIssue({ code: 'custom', path: [`i${i}_score`], message: mt(L, 'i.scoreInvalid', { n: s(v[`i${i}_number`]) }) })
    }
  })
export const confirmLabels = (L: Lang) => ({ fiscalYear: mt(L, 'i.year') })

/** Preview form values → the report's measures and indicators again. */
export function importedFromForm(values: FormValues): ImportedReport {
  const n = previewCounts(values)
  const lines = (k: string) => s(values[k]).split(/\s*\/\s*|\r?\n/).map((x) => x.trim()).filter(Boolean).join('\n')
  const multiline = (k: string) => s(values[k]).split(/\r?\n/).map((x) => x.trim()).filter(Boolean).join('\n')
  const measures = Array.from({ length: n.measures }, (_, i) => ({
    order: i + 1,
    title: s(values[`m${i}_title`]),
    steps: linesToList(s(values[`m${i}_steps`])),
    period: lines(`m${i}_period`),
    responsible: multiline(`m${i}_responsible`),
    resultSummary: linesToList(s(values[`m${i}_summary`])),
    outcome: linesToList(s(values[`m${i}_outcome`])),
  })).filter((m) => m.title)
  const indicators = Array.from({ length: n.indicators }, (_, i) => {
    const score = s(values[`i${i}_score`])
    const status = s(values[`i${i}_status`])
    return {
      number: Number(s(values[`i${i}_number`])),
      name: s(values[`i${i}_name`]),
      score: isScore(score) ? Number(score) : null,
      improvementGuidelines: linesToList(s(values[`i${i}_guidelines`])),
      responsible: multiline(`i${i}_responsible`),
      period: lines(`i${i}_period`),
      progress: linesToList(s(values[`i${i}_progress`])),
      status: (PROGRESS_STATUSES as readonly string[]).includes(status) ? (status as ProgressStatus) : null,
    }
  }).filter((x) => Number.isInteger(x.number) && x.number >= 1 && x.number <= 10)
  return { measures, indicators, thaiNumerals: !!s(values.thaiNumerals) }
}
