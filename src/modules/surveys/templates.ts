import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { QUESTION_KINDS } from './surveys.schema.js'

// Survey templates are data (templates/*.json) with where they come from and how sure we are.

const Localized = z.object({ th: z.string().min(1), en: z.string() })
export const TemplateSchema = z.object({
  key: z.string().regex(/^[a-z-]+$/),
  title: Localized,
  intro: Localized,
  source: z.string().min(1),
  confidence: z.enum(['H', 'M', 'L']),
  verified: z.boolean(),
  questions: z
    .array(z.object({ section: z.string(), kind: z.enum(QUESTION_KINDS), th: z.string().min(1).max(500), en: z.string().max(500), choices: z.array(Localized).optional(), required: z.boolean().optional() }))
    .min(1),
})
export type SurveyTemplate = z.infer<typeof TemplateSchema>

const load = (name: string) => TemplateSchema.parse(JSON.parse(readFileSync(new URL(`./templates/${name}.json`, import.meta.url), 'utf8')))

export const TEMPLATES: readonly SurveyTemplate[] = [load('service-satisfaction')]
export const TEMPLATE_KEYS = ['blank', ...TEMPLATES.map((t) => t.key)] as const
export const templateOf = (key: string) => TEMPLATES.find((t) => t.key === key)
