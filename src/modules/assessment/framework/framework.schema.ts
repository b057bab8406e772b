import { z } from 'zod'

// One fiscal year's ITA framework, as data. Every rule keeps how sure we are of it and where it
// came from, because the public material behind it is incomplete (see data/frameworks/*.json).
export const CONFIDENCES = ['high', 'medium', 'low', 'uncertain', 'unknown'] as const
const Provenance = { confidence: z.enum(CONFIDENCES), source: z.string() }

export const TOOL_CODES = ['iit', 'eit', 'oit'] as const
export type ToolCode = (typeof TOOL_CODES)[number]
export const RATINGS = ['excellent', 'good', 'pass', 'needs_improvement', 'urgent_improvement'] as const
export type Rating = (typeof RATINGS)[number]

const Score = z.number().min(0).max(100)

export const FrameworkSchema = z
  .object({
    fiscalYear: z.number().int().min(2560).max(2700),
    version: z.number().int().min(1),
    note: z.string().optional(),
    tools: z
      .array(
        z.object({
          code: z.enum(TOOL_CODES),
          nameTh: z.string().min(1),
          nameEn: z.string().min(1),
          indicators: z.array(z.number().int().min(1)).min(1),
          weight: z.number().min(0).max(100),
          ...Provenance,
        }),
      )
      .length(3),
    indicators: z
      .array(
        z.object({
          number: z.number().int().min(1),
          tool: z.enum(TOOL_CODES),
          nameTh: z.string().min(1),
          nameEn: z.string().min(1),
          subIndicators: z.array(z.object({ code: z.string().regex(/^\d+\.\d+$/), nameTh: z.string().min(1), itemCodes: z.array(z.string()) })),
          ...Provenance,
        }),
      )
      .min(1),
    oitItems: z.array(
      z.object({
        code: z.string().regex(/^O\d{1,3}$/),
        titleTh: z.string().min(1),
        subIndicator: z.string().regex(/^\d+\.\d+$/).nullable(),
        evidenceNotes: z.string(),
        ...Provenance,
      }),
    ),
    scoring: z.object({
      weights: z.record(z.enum(TOOL_CODES), z.number().min(0).max(100)),
      toolScore: z.literal('mean_of_indicators'),
      oitItem: z.literal('yes_full_no_zero'),
      oitIndicator: z.literal('mean_of_subindicator_percentages'),
      ...Provenance,
    }),
    passThreshold: Score,
    levels: z.array(z.object({ level: z.string().min(1).max(3), min: Score, max: Score, ...Provenance })).min(1),
    ratings: z
      .array(
        z.object({
          rating: z.enum(RATINGS),
          labelTh: z.string().min(1),
          labelEn: z.string().min(1),
          minTotal: Score,
          minEachTool: Score.optional(),
          ruleText: z.string(),
          ...Provenance,
        }),
      )
      .min(1),
  })
  .superRefine((f, ctx) => {
    const sum = Object.values(f.scoring.weights).reduce((a, b) => a + b, 0)
    if (Math.abs(sum - 100) > 1e-9) ctx.addIssue({ code: 'custom', path: ['scoring', 'weights'], message: `น้ำหนักรวมต้องเท่ากับ 100 (ได้ ${sum})` })
    const numbers = new Set(f.indicators.map((i) => i.number))
    for (const t of f.tools) for (const n of t.indicators) if (!numbers.has(n)) ctx.addIssue({ code: 'custom', path: ['tools'], message: `แบบวัด ${t.code} อ้างถึงตัวชี้วัดที่ ${n} ซึ่งไม่มีอยู่` })
    const codes = new Set<string>()
    f.oitItems.forEach((it, i) => {
      if (codes.has(it.code)) ctx.addIssue({ code: 'custom', path: ['oitItems', i, 'code'], message: `รหัสข้อ ${it.code} ซ้ำ` })
      codes.add(it.code)
    })
    for (const ind of f.indicators)
      for (const s of ind.subIndicators)
        for (const c of s.itemCodes) if (!codes.has(c)) ctx.addIssue({ code: 'custom', path: ['indicators'], message: `ตัวชี้วัดย่อย ${s.code} อ้างถึงข้อ ${c} ซึ่งไม่มีอยู่` })
    // Level bands must not overlap, so every score maps to exactly one level.
    const sorted = [...f.levels].sort((a, b) => b.min - a.min)
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.max >= sorted[i - 1]!.min) ctx.addIssue({ code: 'custom', path: ['levels'], message: `ช่วงคะแนนระดับ ${sorted[i]!.level} ทับกับระดับ ${sorted[i - 1]!.level}` })
  })

export type Framework = z.infer<typeof FrameworkSchema>
export type Indicator = Framework['indicators'][number]
export type OitItem = Framework['oitItems'][number]
