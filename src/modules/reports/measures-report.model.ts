import { z } from 'zod'

// The measures report (รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน)
// as plain data. Text is stored with Arabic digits; `agency.thaiNumerals` decides at rendering
// time whether every digit is printed as a Thai digit, so one record serves both styles.
// Multi-line text fields (period, responsible) use "\n" between lines.

export const ToolSchema = z.enum(['iit', 'eit', 'oit'])
export type Tool = z.infer<typeof ToolSchema>

export const ProgressStatusSchema = z.enum(['done', 'in_progress', 'not_started'])
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>

const Text = z.string()
const Paragraphs = z.array(z.string())

export const AgencySchema = z.object({
  name: Text, // เทศบาลตำบลพนมรุ้ง
  district: Text, // without the word อำเภอ
  province: Text, // without the word จังหวัด
  thaiNumerals: z.boolean(),
})

export const MeasureSchema = z.object({
  order: z.number().int().positive(),
  /** The order as the agency wrote it when that is not the bare number (the seed's "4."). */
  orderLabel: z.string().optional(),
  title: Text,
  /** วิธีดำเนินการ: one entry per step or paragraph, numbering ("1.") kept in the text as written. */
  steps: Paragraphs,
  period: Text,
  responsible: Text,
  resultSummary: Paragraphs,
  outcome: Paragraphs,
})
export type Measure = z.infer<typeof MeasureSchema>

export const IndicatorReportSchema = z.object({
  /** 1–10; the tool is fixed by the framework (1–5 IIT, 6–8 EIT, 9–10 OIT). */
  number: z.number().int().min(1).max(10),
  name: Text,
  score: z.number().min(0).max(100).nullable(),
  improvementGuidelines: Paragraphs,
  responsible: Text,
  period: Text,
  progress: Paragraphs,
  /** null: the report shows no status boxes (the seed's OIT rows have none). */
  status: ProgressStatusSchema.nullable(),
})
export type IndicatorReport = z.infer<typeof IndicatorReportSchema>

export const SignatorySchema = z.object({
  /** Empty: a dotted line to sign on and fill in by hand. */
  name: Text,
  position: Text,
})
export type Signatory = z.infer<typeof SignatorySchema>

export const EvidenceLinkSchema = z.object({
  title: Text,
  url: z.url({ protocol: /^https?$/ }),
  /** What it proves, e.g. "มาตรการที่ 1" or "ตัวชี้วัดที่ 9"; free text. */
  refersTo: Text.optional(),
})
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>

export const MeasuresReportSchema = z.object({
  agency: AgencySchema,
  /** B.E. year, e.g. 2566. */
  fiscalYear: z.number().int().min(2500).max(2700),
  introduction: Paragraphs,
  measures: z.array(MeasureSchema),
  indicators: z.array(IndicatorReportSchema),
  signatures: z.object({ reporter: SignatorySchema, executive: SignatorySchema }),
  evidence: z.array(EvidenceLinkSchema).default([]),
})
export type MeasuresReport = z.infer<typeof MeasuresReportSchema>
export type MeasuresReportInput = z.input<typeof MeasuresReportSchema>

/** Framework grouping of indicators into tools (ITA 2566 onward). */
export function toolOfIndicator(n: number): Tool {
  return n <= 5 ? 'iit' : n <= 8 ? 'eit' : 'oit'
}

export const TOOLS: readonly Tool[] = ['iit', 'eit', 'oit']
