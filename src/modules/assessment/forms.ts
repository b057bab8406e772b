import { z } from 'zod'
import { f } from '../../platform/http/forms.js'
import { linesToList } from '../../platform/http/params.js'
import type { Lang, Params } from '../../platform/i18n/i18n.js'
import type { Framework } from '../../domain/ita/framework.schema.js'
import { at, type AtKey } from './assessment.i18n.js'
import { PROGRESS_STATUSES } from './assessment.schema.js'
import type { ScoresInput } from './scores.service.js'
import { readScore, readToolScore } from './score-number.js'
import type { PlanInput } from './plans.service.js'

// The module's forms: one schema and one set of field labels each, shared by the route that
// shows the form and the route that reads it (so a bad submission re-renders the same fields).

export const TOOLS = ['iit', 'eit', 'oit'] as const

/** A score field: '' is "no score", else 0–100 with at most two decimals, Thai digits too (`readScore`, as the import reads it). */
const scoreField = (message: string, read: (s: string) => number | null = readScore) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null
      const n = read(s)
      if (n !== null) return n
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    })

/** A tool's parts in the year's framework (2566 EIT ส่วนที่ 1/2), with their form field names. */
export function toolParts(fw: Framework, tool: (typeof TOOLS)[number]): { code: string; nameTh: string; field: string }[] {
  return (fw.tools[tool].parts ?? []).map((p) => ({ code: p.code, nameTh: p.nameTh, field: `part_${p.code.replace('.', '_')}` }))
}

/** The scores form of a year: one field per indicator, the published tool scores, OIT answers. */
export function scoresForm(fw: Framework, lang: Lang) {
  const invalid = at(lang, 'scores.invalid')
  const labels: Record<string, string> = {}
  const shape: Record<string, z.ZodType> = {}
  for (const i of fw.indicators) {
    labels[`s${i.number}`] = at(lang, 'scores.scoreOf', { n: i.number, name: i.nameTh })
    shape[`s${i.number}`] = scoreField(`${labels[`s${i.number}`]}: ${invalid}`)
  }
  const invalidTool = at(lang, 'scores.invalidTool')
  for (const t of TOOLS) {
    labels[`tool_${t}`] = `${fw.tools[t].nameTh} (${t.toUpperCase()})`
    shape[`tool_${t}`] = scoreField(`${t.toUpperCase()}: ${invalidTool}`, readToolScore)
    for (const p of toolParts(fw, t)) {
      labels[p.field] = p.nameTh
      shape[p.field] = scoreField(`${p.nameTh}: ${invalidTool}`, readToolScore)
    }
  }
  // An OIT answer is optional; anything but yes/no counts as not given.
  for (const o of fw.oitItems) shape[`oit_${o.code}`] = z.enum(['yes', 'no']).optional().catch(undefined)
  const schema = z.object(shape).transform((d): Required<ScoresInput> => {
    const scores: ScoresInput['scores'] = {}
    for (const i of fw.indicators) scores[i.number] = d[`s${i.number}`] as number | null
    const toolScores: Required<ScoresInput>['toolScores'] = {}
    for (const t of TOOLS) {
      const v = d[`tool_${t}`] as number | null
      if (v !== null) toolScores[t] = v
      for (const p of toolParts(fw, t)) {
        const pv = d[p.field] as number | null
        if (pv !== null) toolScores[p.code] = pv
      }
    }
    const oitAnswers: Record<string, boolean> = {}
    for (const o of fw.oitItems) {
      const v = d[`oit_${o.code}`]
      if (v === 'yes') oitAnswers[o.code] = true
      else if (v === 'no') oitAnswers[o.code] = false
    }
    return { scores, toolScores, oitAnswers }
  })
  return { schema, labels }
}

/** The score import: only a file (read by the route; CSV text has no content type to check). */
export const importForm = (lang: Lang) => ({ schema: z.object({}), labels: { sheet: at(lang, 'scores.importFile') } })

/** The plan's text limits (characters), enforced here and stated next to each field. */
export const PLAN_LIMITS = { indicatorName: 300, strengths: 5000, weaknesses: 5000, guidelines: 20000, responsibleText: 1000, period: 500, progress: 20000 } as const

const planSchema = z
  .object({
    indicatorName: z.string().trim().max(PLAN_LIMITS.indicatorName).optional(),
    strengths: z.string().trim().max(PLAN_LIMITS.strengths).optional(),
    weaknesses: z.string().trim().max(PLAN_LIMITS.weaknesses).optional(),
    guidelines: z.string().max(PLAN_LIMITS.guidelines).optional(),
    unitIds: f.list(),
    responsibleText: z.string().trim().max(PLAN_LIMITS.responsibleText).optional(),
    period: z.string().trim().max(PLAN_LIMITS.period).optional(),
    progress: z.string().max(PLAN_LIMITS.progress).optional(),
    status: z.enum(['', ...PROGRESS_STATUSES]).optional(),
  })
  .transform(
    (d): PlanInput => ({
      indicatorName: d.indicatorName || null,
      strengths: d.strengths ?? '',
      weaknesses: d.weaknesses ?? '',
      guidelines: linesToList(d.guidelines),
      unitIds: d.unitIds,
      responsibleText: d.responsibleText ?? '',
      period: d.period ?? '',
      progress: linesToList(d.progress),
      status: d.status || null,
    }),
  )

export const planForm = (lang: Lang) => ({
  schema: planSchema,
  labels: {
    indicatorName: at(lang, 'plans.indicatorName'),
    strengths: at(lang, 'plans.strengths'),
    weaknesses: at(lang, 'plans.weaknesses'),
    guidelines: at(lang, 'plans.guidelines'),
    unitIds: at(lang, 'plans.units'),
    responsibleText: at(lang, 'plans.responsibleText'),
    period: at(lang, 'plans.period'),
    progress: at(lang, 'plans.progress'),
    status: at(lang, 'plans.status'),
  },
})

/** Limits of the progress entry, stated next to its fields. */
export const PROGRESS_BODY_MAX = 5000
export const progressForm = (lang: Lang) => ({
  schema: z.object({ entryDate: f.thaiDate().pipe(z.string()), body: f.text(PROGRESS_BODY_MAX) }),
  labels: { entryDate: at(lang, 'plans.logDate'), body: at(lang, 'plans.logBody') },
})

/** Evidence of a plan or a progress entry: a title and a file (checked by content) or a link. */
export const evidenceForm = (lang: Lang) => ({
  schema: z.object({
    target: z.enum(['indicator', 'progress']).catch('indicator'),
    targetId: z.string().optional().catch(undefined).transform((v) => v ?? ''),
    title: z.string().trim().optional().catch(undefined),
    url: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^https?:\/\/[^\s]+$/i.test(v), { message: at(lang, 'evidence.urlInvalid') })
      .transform((v) => v || undefined),
  }),
  labels: { title: at(lang, 'evidence.name'), file: at(lang, 'evidence.file'), url: at(lang, 'evidence.url') },
  files: { file: { max: 1 } },
})

/** A new framework version: a JSON file (read by the route) or pasted JSON, and a note. */
export const frameworkForm = (lang: Lang) => ({
  schema: z.object({ json: z.string().optional().transform((v) => (v ?? '').trim()), note: z.string().trim().max(500).optional().transform((v) => v || undefined) }),
  labels: { file: at(lang, 'fw.file'), json: at(lang, 'fw.json'), note: at(lang, 'fw.note') },
})

/** A message in both languages, for errors a route throws (InputError). */
export const inBoth = (key: AtKey, params?: Params): Record<Lang, string> => ({ th: at('th', key, params), en: at('en', key, params) })
