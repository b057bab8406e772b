import { z } from 'zod'

/**
 * One fiscal year's ITA framework (กรอบการประเมิน), as stored in `src/domain/ita/frameworks/<fiscalYear>.json`.
 *
 * The rules were rebuilt from public material, not from NACC's manuals, so every rule carries
 * `confidence` and `source`: the UI and reports must be able to say how sure we are.
 * Cross-references (indicator ↔ tool, item ↔ sub-indicator, contiguous level bands) are checked
 * here so that a bad admin upload is refused before any score is computed with it.
 */

// ── Building blocks ────────────────────────────────────────────────────────────────────────────

/** How well a rule is supported ([H] high … [?] uncertain; `unknown` = not found at all). */
export const CONFIDENCES = ['high', 'medium_high', 'medium', 'low_medium', 'low', 'uncertain', 'unknown'] as const
export const ConfidenceSchema = z.enum(CONFIDENCES)

/** Spread into every rule: where it comes from and how sure we are. */
const provenance = {
  confidence: ConfidenceSchema,
  source: z.string().trim().min(1),
  note: z.string().trim().min(1).optional(),
}

export const TOOL_CODES = ['iit', 'eit', 'oit'] as const
export const ToolCodeSchema = z.enum(TOOL_CODES)

export const LEVELS = ['AA', 'A', 'B', 'C', 'D', 'E', 'F'] as const
export const LevelSchema = z.enum(LEVELS)

export const RATINGS = ['excellent', 'good', 'pass', 'needs_improvement', 'urgent_improvement'] as const
export const RatingSchema = z.enum(RATINGS)

/** Scores have two decimals; the tolerance absorbs binary representation of e.g. 84.99. */
export function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-6
}

/** A score 0–100 with at most two decimals (คะแนน). */
export const ScoreSchema = z
  .number()
  .min(0)
  .max(100)
  .refine(hasAtMostTwoDecimals, { message: 'คะแนนต้องมีทศนิยมไม่เกิน 2 ตำแหน่ง' })

const nonEmpty = z.string().trim().min(1)

// ── Tools (แบบวัด IIT / EIT / OIT) ──────────────────────────────────────────────────────────────

export const ToolWeightSchema = z.strictObject({
  // Whole percent: keeps weighted sums exact in integer hundredths (see scoring.ts).
  percent: z.int().min(0).max(100),
  ...provenance,
})

/** How a tool score is formed from its indicator scores. Only what the material supports. */
export const ToolScoreRuleSchema = z.strictObject({
  method: z.enum(['mean_of_indicators']),
  ...provenance,
})

/** How an OIT indicator is formed from its items (recorded for reference; see README). */
export const IndicatorScoreRuleSchema = z.strictObject({
  method: z.enum(['mean_of_sub_indicator_percentages']),
  ...provenance,
})

/**
 * A part of a tool with its own weight within the tool (2566: EIT ส่วนที่ 1 / ส่วนที่ 2). Part weights
 * of a tool add up to 100 (percent of the tool), or are all null where they were not found. With
 * known weights and every part's score entered, the tool score is the weighted mean of its parts; a
 * rating rule may check each part instead of the whole tool.
 */
export const ToolPartSchema = z.strictObject({
  code: z.string().regex(/^(iit|eit|oit)\.\d+$/, { message: 'รหัสส่วนของแบบวัดต้องอยู่ในรูป eit.1' }),
  nameTh: nonEmpty,
  nameEn: nonEmpty.optional(),
  // percent null: the weight was not found (2566); the tool score then stays the indicators' mean.
  weight: z.strictObject({ percent: z.int().min(0).max(100).nullable(), ...provenance }),
  ...provenance,
})

export const ToolSchema = z.strictObject({
  nameTh: nonEmpty,
  nameEn: nonEmpty,
  respondents: nonEmpty.optional(),
  weight: ToolWeightSchema,
  scoreRule: ToolScoreRuleSchema,
  indicatorScoreRule: IndicatorScoreRuleSchema.optional(),
  parts: z.array(ToolPartSchema).min(2).optional(),
  ...provenance,
})

/**
 * How the total is rounded. `weighted_tools_then_sum`: each tool's weighted score (e.g. 0.3 × IIT)
 * is rounded to two decimals, then the rounded values are added (NACC's published totals reconcile
 * only this way). `total_once`: the unrounded weighted values are added and the total rounded once.
 */
export const ROUNDING_ORDERS = ['weighted_tools_then_sum', 'total_once'] as const
export const RoundingSchema = z.strictObject({
  order: z.enum(ROUNDING_ORDERS),
  decimals: z.literal(2),
  mode: z.enum(['half_up']),
  ...provenance,
})

// ── Indicators (ตัวชี้วัด) and sub-indicators (ตัวชี้วัดย่อย) ────────────────────────────────────

export const SubIndicatorSchema = z.strictObject({
  code: z.string().regex(/^\d+\.\d+$/, { message: 'รหัสตัวชี้วัดย่อยต้องอยู่ในรูป 9.1' }),
  nameTh: nonEmpty,
  nameEn: nonEmpty,
  ...provenance,
})

/** Question numbering of an IIT/EIT indicator, e.g. i1–i6; kept even when the texts are unknown. */
export const ItemRangeSchema = z.strictObject({
  first: z.string().regex(/^[ie]\d+$/),
  last: z.string().regex(/^[ie]\d+$/),
  ...provenance,
})

export const IndicatorSchema = z.strictObject({
  number: z.int().min(1),
  tool: ToolCodeSchema,
  nameTh: nonEmpty,
  nameEn: nonEmpty,
  subIndicators: z.array(SubIndicatorSchema),
  itemRange: ItemRangeSchema.optional(),
  ...provenance,
})

// ── Items: OIT disclosure items (O1 …) and IIT/EIT questions (i1 …, e1 …) ────────────────────────

/** Which fiscal year a document must cover, relative to the assessment year. */
export const DocumentFiscalYearSchema = z.strictObject({
  relative: z.enum(['current', 'previous']),
  ...provenance,
})

export const OitItemSchema = z.strictObject({
  code: z.string().regex(/^O\d+$/, { message: 'รหัสข้อ OIT ต้องอยู่ในรูป O1' }),
  // null where the material found the code but not its title (e.g. 2568 O2).
  titleTh: nonEmpty.nullable(),
  // null where the year's grouping is unknown (e.g. 2568).
  indicator: z.int().min(1).nullable(),
  subIndicator: z.string().nullable(),
  evidence: z.strictObject({
    notes: z.array(nonEmpty),
    documentFiscalYear: DocumentFiscalYearSchema.optional(),
  }),
  ...provenance,
})

export const ANSWER_SCALES = ['four_level', 'yes_no'] as const
export const AnswerScaleCodeSchema = z.enum(ANSWER_SCALES)

export const AnswerScaleSchema = z.strictObject({
  labelsTh: z.array(nonEmpty).min(2),
  ...provenance,
})

const answerScores = z.array(z.int().min(0).max(100)).min(2)

export const QuestionSubItemSchema = z.strictObject({
  textTh: nonEmpty,
  // Only when this sub-item is scored differently from its item (e.g. i11's reversed half).
  answerScores: answerScores.optional(),
})

export const QuestionItemSchema = z.strictObject({
  code: z.string().regex(/^[ie]\d+$/, { message: 'รหัสข้อคำถามต้องอยู่ในรูป i1 หรือ e1' }),
  tool: z.enum(['iit', 'eit']),
  indicator: z.int().min(1),
  textTh: nonEmpty,
  subItems: z.array(QuestionSubItemSchema),
  answerScale: AnswerScaleCodeSchema,
  /** Score of each answer, in the order of the scale's labels. */
  answerScores,
  ...provenance,
})

// ── Levels (ระดับ AA–F) and ratings (ผ่านดีเยี่ยม …) ─────────────────────────────────────────────

export const LevelBandSchema = z.strictObject({
  level: LevelSchema,
  min: ScoreSchema,
  max: ScoreSchema,
  ...provenance,
})

/**
 * Rules are tried top-down; the first that holds wins. `minEachTool` models "and every tool ≥ x"
 * (ผ่านดี: total ≥ 85 and IIT, EIT, OIT each ≥ 85). Upper bounds follow from the order.
 */
export const RatingRuleSchema = z.strictObject({
  rating: RatingSchema,
  labelTh: nonEmpty,
  minTotal: ScoreSchema,
  minEachTool: ScoreSchema.nullable(),
  /** `tool_parts`: a tool with parts is checked part by part (2566: IIT, EIT ส่วนที่ 1, EIT ส่วนที่ 2, OIT). */
  minEachToolAppliesTo: z.enum(['tools', 'tool_parts']).optional(),
  ...provenance,
})

export const PassThresholdSchema = z.strictObject({
  score: ScoreSchema,
  ...provenance,
})

// ── The framework ──────────────────────────────────────────────────────────────────────────────

const FrameworkShape = z.strictObject({
  fiscalYear: z.int().min(2500).max(2700), // B.E.
  version: z.union([z.string().trim().min(1), z.int().min(0)]),
  status: z.enum(['draft', 'verified']), // verified = checked against NACC's manual for the year
  notes: z.array(nonEmpty).optional(),
  tools: z.strictObject({ iit: ToolSchema, eit: ToolSchema, oit: ToolSchema }),
  indicators: z.array(IndicatorSchema).min(1),
  oitItems: z.array(OitItemSchema),
  answerScales: z.partialRecord(AnswerScaleCodeSchema, AnswerScaleSchema).optional(),
  questionItems: z.array(QuestionItemSchema),
  passThreshold: PassThresholdSchema,
  rounding: RoundingSchema,
  levels: z.array(LevelBandSchema).min(1),
  // Optional: up to 2564 NACC published letter levels only, no qualitative rating.
  ratings: z.array(RatingRuleSchema).min(1).optional(),
})

type FrameworkShapeOutput = z.output<typeof FrameworkShape>

const toHundredths = (n: number): number => Math.round(n * 100)

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>()
  const dups = new Set<T>()
  for (const v of values) (seen.has(v) ? dups : seen).add(v)
  return [...dups]
}

/** Cross-field rules; messages are Thai because admins see them on upload. */
function checkFramework(fw: FrameworkShapeOutput, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })

  const weightSum = TOOL_CODES.reduce((s, t) => s + fw.tools[t].weight.percent, 0)
  if (weightSum !== 100) issue(['tools'], `น้ำหนักของแบบวัดรวมกันต้องเท่ากับ 100 (ได้ ${weightSum})`)

  // Indicators: unique numbers, every tool has at least one, sub-indicator codes belong to them.
  const indicatorByNumber = new Map(fw.indicators.map((ind) => [ind.number, ind]))
  for (const n of duplicates(fw.indicators.map((i) => i.number))) issue(['indicators'], `ตัวชี้วัดที่ ${n} ซ้ำกัน`)
  for (const t of TOOL_CODES) {
    if (!fw.indicators.some((i) => i.tool === t)) issue(['tools', t], `แบบวัด ${t.toUpperCase()} ไม่มีตัวชี้วัด`)
  }
  fw.indicators.forEach((ind, i) => {
    for (const c of duplicates(ind.subIndicators.map((s) => s.code))) {
      issue(['indicators', i, 'subIndicators'], `ตัวชี้วัดย่อย ${c} ซ้ำกัน`)
    }
    ind.subIndicators.forEach((s, j) => {
      if (!s.code.startsWith(`${ind.number}.`)) {
        issue(['indicators', i, 'subIndicators', j, 'code'], `ตัวชี้วัดย่อย ${s.code} ไม่อยู่ในตัวชี้วัดที่ ${ind.number}`)
      }
    })
    const range = ind.itemRange
    if (range && (range.first[0] !== ind.tool[0] || range.last[0] !== ind.tool[0])) {
      issue(['indicators', i, 'itemRange'], `ช่วงข้อคำถาม ${range.first}–${range.last} ไม่ตรงกับแบบวัด ${ind.tool.toUpperCase()}`)
    }
  })

  // OIT items refer to an OIT indicator and one of its sub-indicators.
  for (const c of duplicates(fw.oitItems.map((o) => o.code))) issue(['oitItems'], `ข้อ ${c} ซ้ำกัน`)
  fw.oitItems.forEach((item, i) => {
    if (item.indicator === null) {
      if (item.subIndicator !== null) issue(['oitItems', i, 'indicator'], `ข้อ ${item.code} ระบุตัวชี้วัดย่อยแต่ไม่ระบุตัวชี้วัด`)
      return
    }
    const ind = indicatorByNumber.get(item.indicator)
    if (!ind || ind.tool !== 'oit') {
      issue(['oitItems', i, 'indicator'], `ข้อ ${item.code} อ้างถึงตัวชี้วัดที่ ${item.indicator} ซึ่งไม่ใช่ตัวชี้วัดของ OIT`)
    } else if (item.subIndicator !== null && !ind.subIndicators.some((s) => s.code === item.subIndicator)) {
      issue(['oitItems', i, 'subIndicator'], `ข้อ ${item.code} อ้างถึงตัวชี้วัดย่อย ${item.subIndicator} ที่ไม่มีในตัวชี้วัดที่ ${ind.number}`)
    }
  })

  // Question items: prefix matches the tool, the indicator belongs to it, scores fit the scale.
  for (const c of duplicates(fw.questionItems.map((q) => q.code))) issue(['questionItems'], `ข้อ ${c} ซ้ำกัน`)
  fw.questionItems.forEach((q, i) => {
    if (q.code[0] !== q.tool[0]) issue(['questionItems', i, 'code'], `ข้อ ${q.code} ไม่ตรงกับแบบวัด ${q.tool.toUpperCase()}`)
    const ind = indicatorByNumber.get(q.indicator)
    if (!ind || ind.tool !== q.tool) {
      issue(['questionItems', i, 'indicator'], `ข้อ ${q.code} อ้างถึงตัวชี้วัดที่ ${q.indicator} ซึ่งไม่ใช่ตัวชี้วัดของ ${q.tool.toUpperCase()}`)
    }
    const scale = fw.answerScales?.[q.answerScale]
    if (!scale) {
      issue(['questionItems', i, 'answerScale'], `ไม่พบมาตรวัดคำตอบ ${q.answerScale} ใน answerScales`)
      return
    }
    const expected = scale.labelsTh.length
    if (q.answerScores.length !== expected) {
      issue(['questionItems', i, 'answerScores'], `ข้อ ${q.code} ต้องมีคะแนน ${expected} ค่าตามมาตรวัด`)
    }
    q.subItems.forEach((s, j) => {
      if (s.answerScores && s.answerScores.length !== expected) {
        issue(['questionItems', i, 'subItems', j, 'answerScores'], `ข้อ ${q.code} ข้อย่อย ${j + 1} ต้องมีคะแนน ${expected} ค่า`)
      }
    })
  })

  // Level bands: highest first, from 100 down to 0, no gap or overlap at the hundredth.
  for (const l of duplicates(fw.levels.map((b) => b.level))) issue(['levels'], `ระดับ ${l} ซ้ำกัน`)
  fw.levels.forEach((band, i) => {
    const min = toHundredths(band.min)
    const max = toHundredths(band.max)
    if (min > max) issue(['levels', i], `ระดับ ${band.level}: คะแนนต่ำสุดมากกว่าคะแนนสูงสุด`)
    if (i === 0 && max !== 10000) issue(['levels', i, 'max'], `ระดับแรก (${band.level}) ต้องสิ้นสุดที่ 100`)
    if (i === fw.levels.length - 1 && min !== 0) issue(['levels', i, 'min'], `ระดับสุดท้าย (${band.level}) ต้องเริ่มที่ 0`)
    const above = fw.levels[i - 1]
    if (above && toHundredths(above.min) !== max + 1) {
      issue(['levels', i, 'max'], `ระดับ ${band.level} ต้องสิ้นสุดที่ ${((toHundredths(above.min) - 1) / 100).toFixed(2)} ให้ต่อกับระดับ ${above.level} โดยไม่มีช่องว่างหรือซ้อนกัน`)
    }
  })

  // Tool parts: codes belong to their tool, unique, weights add up to 100 within the tool.
  for (const t of TOOL_CODES) {
    const parts = fw.tools[t].parts
    if (!parts) continue
    for (const c of duplicates(parts.map((p) => p.code))) issue(['tools', t, 'parts'], `ส่วนของแบบวัด ${c} ซ้ำกัน`)
    parts.forEach((p, j) => {
      if (!p.code.startsWith(`${t}.`)) issue(['tools', t, 'parts', j, 'code'], `ส่วน ${p.code} ไม่ใช่ส่วนของแบบวัด ${t.toUpperCase()}`)
    })
    const known = parts.filter((p) => p.weight.percent !== null)
    const sum = known.reduce((s, p) => s + p.weight.percent!, 0)
    if (known.length && known.length < parts.length) issue(['tools', t, 'parts'], `น้ำหนักของส่วนในแบบวัด ${t.toUpperCase()} ต้องระบุทุกส่วนหรือเป็น null ทุกส่วน`)
    else if (known.length && sum !== 100) issue(['tools', t, 'parts'], `น้ำหนักของส่วนต่าง ๆ ในแบบวัด ${t.toUpperCase()} รวมกันต้องเท่ากับ 100 (ได้ ${sum})`)
  }

  // Ratings (optional): unique, tried top-down, and the last one catches every remaining total.
  const ratings = fw.ratings ?? []
  for (const r of duplicates(ratings.map((r) => r.rating))) issue(['ratings'], `ผลการประเมิน ${r} ซ้ำกัน`)
  ratings.forEach((rule, i) => {
    const above = ratings[i - 1]
    if (above && toHundredths(rule.minTotal) > toHundredths(above.minTotal)) {
      issue(['ratings', i, 'minTotal'], `เกณฑ์ ${rule.rating} ต้องเรียงจากคะแนนสูงไปต่ำ`)
    }
    if (rule.minEachToolAppliesTo === 'tool_parts' && !TOOL_CODES.some((t) => fw.tools[t].parts)) {
      issue(['ratings', i, 'minEachToolAppliesTo'], `เกณฑ์ ${rule.rating} ตรวจรายส่วนของแบบวัด แต่ไม่มีแบบวัดใดแบ่งเป็นส่วน (tools.*.parts)`)
    }
  })
  const last = ratings[ratings.length - 1]
  if (last && (toHundredths(last.minTotal) !== 0 || last.minEachTool !== null)) {
    issue(['ratings', ratings.length - 1], 'เกณฑ์สุดท้ายต้องครอบคลุมคะแนนตั้งแต่ 0 โดยไม่มีเงื่อนไขรายแบบวัด')
  }
}

export const FrameworkSchema = FrameworkShape.superRefine(checkFramework)

export type Confidence = z.infer<typeof ConfidenceSchema>
export type ToolCode = z.infer<typeof ToolCodeSchema>
export type Level = z.infer<typeof LevelSchema>
export type Rating = z.infer<typeof RatingSchema>
export type Tool = z.infer<typeof ToolSchema>
export type Indicator = z.infer<typeof IndicatorSchema>
export type SubIndicator = z.infer<typeof SubIndicatorSchema>
export type OitItem = z.infer<typeof OitItemSchema>
export type QuestionItem = z.infer<typeof QuestionItemSchema>
export type LevelBand = z.infer<typeof LevelBandSchema>
export type RatingRule = z.infer<typeof RatingRuleSchema>
export type ToolPart = z.infer<typeof ToolPartSchema>
export type Rounding = z.infer<typeof RoundingSchema>
export type Framework = z.infer<typeof FrameworkSchema>
