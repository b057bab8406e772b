import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { toSatang, type BahtAmount } from '../../platform/thai/index.js'
import { fiscalHalfRange } from '../../platform/thai/index.js'
import { PERSON_KINDS } from '../../platform/people/people.schema.js'

// The gift rule as data: one file a fiscal year in rules/ (what NACC's 2563 announcement says as
// far as sources show, with each clause's sources, a confidence mark — H primary, M good secondary,
// L weak, ? not found — and `verified: false` where no primary text confirms it). The code only
// reads the file; a year without one answers "no rule for this year" instead of guessing.

const RULES_DIR = new URL('./rules/', import.meta.url)
const Mark = z.enum(['H', 'M', 'L', '?'])
const Clause = { confidence: Mark, verified: z.boolean(), note: z.string(), sources: z.array(z.string()) }
const RuleFile = z.object({
  fiscalYear: z.number().int().min(2500).max(2700),
  basis: z.object({ title: z.string().min(1), law: z.string().min(1), inForceFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), ...Clause }),
  limitNonRelative: z.object({ baht: z.string().regex(/^\d+\.\d{2}$/), inclusive: z.boolean(), ...Clause }),
  limitScope: z.object({ value: z.enum(['per_giver_per_occasion', 'per_gift']), ...Clause }),
  relatives: z.object({ value: z.literal('allowed_by_givers_means'), ...Clause }),
  generalGiving: z.object({ value: z.enum(['allowed', 'limited']), ...Clause }),
  reportOverLimit: z.object({ withinDays: z.number().int().min(1).max(365), dayKind: z.enum(['calendar', 'working']), to: z.string().min(1), ...Clause }),
  respondents: z.object({ kinds: z.array(z.enum(PERSON_KINDS)).min(1), ...Clause }),
  rounds: z.object({ halves: z.array(z.union([z.literal(1), z.literal(2)])), nilReturnDueDaysAfterHalf: z.number().int().min(0).max(120), reportDueDaysAfterHalf: z.number().int().min(0).max(180), ...Clause }),
})
export type GiftRule = z.infer<typeof RuleFile>

const cache = new Map<number, GiftRule | null>()

/** The rule file of a fiscal year, or null when none is shipped for it. A broken file throws (a test loads every file). */
export function giftRuleFor(fiscalYear: number): GiftRule | null {
  if (cache.has(fiscalYear)) return cache.get(fiscalYear)!
  const file = new URL(`./${fiscalYear}.json`, RULES_DIR)
  const rule = Number.isInteger(fiscalYear) && existsSync(file) ? parseGiftRule(readFileSync(file, 'utf8'), fiscalYear) : null
  cache.set(fiscalYear, rule)
  return rule
}

/** Reads the text of rules/<year>.json; anything wrong is an error naming the file and the fields. */
export function parseGiftRule(text: string, fileYear: number): GiftRule {
  const where = `gifts rules/${fileYear}.json`
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new Error(`${where} is not JSON: ${(e as Error).message}`)
  }
  const r = RuleFile.safeParse(raw)
  if (!r.success) throw new Error(`${where} is not a valid rule file: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
  if (r.data.fiscalYear !== fileYear) throw new Error(`${where} states fiscal year ${r.data.fiscalYear}`)
  return r.data
}

export const RELATIONS = ['relative', 'public', 'stakeholder', 'juristic'] as const
export type Relation = (typeof RELATIONS)[number]
export const ACTIONS = ['kept', 'declined', 'returned', 'handed_over'] as const
export type GiftAction = (typeof ACTIONS)[number]
/** What the rule makes of a gift: allowed as from a relative, allowed as general giving, within the limit, over it, or not judged (no rule file). */
export const ASSESSMENTS = ['relative', 'general', 'within', 'over', 'no_rule'] as const
export type Assessment = (typeof ASSESSMENTS)[number]

export type GiftFacts = {
  fiscalYear: number
  relation: Relation
  generalGiving: boolean
  /** This gift's value plus the other gifts of the same giver to the same person on the same occasion (when the rule adds them up). */
  value: BahtAmount
  sameOccasionOthers?: BahtAmount[]
}

export type Judgement = { assessment: Assessment; limit: string | null; totalSatang: bigint; rule: GiftRule | null }

/** Judges one gift by the rule of its fiscal year. */
export function assessGift(g: GiftFacts): Judgement {
  const rule = giftRuleFor(g.fiscalYear)
  const own = toSatang(g.value)
  const total = rule?.limitScope.value === 'per_giver_per_occasion' ? (g.sameOccasionOthers ?? []).reduce((s, v) => s + toSatang(v), own) : own
  if (!rule) return { assessment: 'no_rule', limit: null, totalSatang: total, rule }
  const limit = rule.limitNonRelative.baht
  if (g.relation === 'relative') return { assessment: 'relative', limit, totalSatang: total, rule }
  if (g.generalGiving && rule.generalGiving.value === 'allowed') return { assessment: 'general', limit, totalSatang: total, rule }
  const cap = toSatang(limit)
  const over = rule.limitNonRelative.inclusive ? total > cap : total >= cap
  return { assessment: over ? 'over' : 'within', limit, totalSatang: total, rule }
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** The last day to report an over-limit gift to the head (calendar days after receipt), or null without a rule. */
export function reportDueOn(receivedOn: string, fiscalYear: number): string | null {
  const rule = giftRuleFor(fiscalYear)
  if (!rule) return null
  return addDays(receivedOn, rule.reportOverLimit.withinDays)
}

/** Due dates of a half's nil returns and six-monthly report (the rule's days after the half ends); null without a rule. */
export function roundDueDates(fiscalYear: number, half: 1 | 2): { nilReturns: string; report: string } | null {
  const rule = giftRuleFor(fiscalYear)
  if (!rule) return null
  const end = fiscalHalfRange(fiscalYear, half).end
  return { nilReturns: addDays(end, rule.rounds.nilReturnDueDaysAfterHalf), report: addDays(end, rule.rounds.reportDueDaysAfterHalf) }
}

/** Who is asked for a nil return: the year's rule, else the nearest shipped year's (agency practice, not a limit). */
export function respondentKinds(fiscalYear: number): readonly (typeof PERSON_KINDS)[number][] {
  const own = giftRuleFor(fiscalYear)
  if (own) return own.respondents.kinds
  const years = shippedRuleYears()
  const near = [...years].reverse().find((y) => y <= fiscalYear) ?? years[0]
  return near ? giftRuleFor(near)!.respondents.kinds : []
}

/** Every shipped rule year (for the rule page and the test that loads every file). */
export function shippedRuleYears(): number[] {
  const out: number[] = []
  for (let y = 2560; y <= 2580; y++) if (existsSync(new URL(`./${y}.json`, RULES_DIR))) out.push(y)
  return out
}
