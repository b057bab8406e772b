import { TOOL_CODES, type Framework, type Indicator, type LevelBand, type RatingRule, type ToolCode, type ToolPart } from './framework.schema.js'

/*
 * Pure ITA scoring. Every rule (which indicators a tool has, how a tool score is formed, weights,
 * level bands, rating rules, pass threshold) is read from the framework passed in; nothing about a
 * year is written here.
 *
 * Indicator scores are 0–100 with two decimals; entered tool scores may carry four. Internally all
 * arithmetic is on integers (hundredths, ten-thousandths, exact fractions for means), so a total of
 * 84.99 vs 85.00 never depends on float drift (0.3 × 85.01 + … = 85.00200000000001). Rounding is
 * half up and happens where the year's `rounding` says: NACC rounds each weighted tool value to two
 * decimals and then adds them.
 */

/** Indicator number → score, e.g. `{ 1: 92.5, 9: 87.14 }`. */
export type IndicatorScores = Readonly<Partial<Record<number, number>>>
export type ToolScores = Readonly<Record<ToolCode, number>>
/** Tool-part code → score, e.g. `{ 'eit.1': 84.2, 'eit.2': 99.1 }` (years whose tools have parts). */
export type PartScores = Readonly<Partial<Record<string, number>>>

/** A score as integer hundredths; refuses what is not a 0–100 score with at most two decimals. */
export function toHundredths(score: number): number {
  const h = Math.round(score * 100)
  if (!Number.isFinite(score) || h < 0 || h > 10000 || Math.abs(score * 100 - h) > 1e-6) {
    throw new RangeError(`Not an ITA score (0–100, two decimals): ${score}`)
  }
  return h
}

/** Decimals a stored tool score (or tool-part score) may carry: enough for NACC's weighted values. */
export const TOOL_SCORE_DECIMALS = 4

/** A tool score as integer ten-thousandths; refuses what is not 0–100 with at most four decimals. */
export function toTenThousandths(score: number): number {
  const t = Math.round(score * 10000)
  if (!Number.isFinite(score) || t < 0 || t > 1000000 || Math.abs(score * 10000 - t) > 1e-4) {
    throw new RangeError(`Not an ITA tool score (0–100, four decimals): ${score}`)
  }
  return t
}

export const fromHundredths = (h: number): number => h / 100

/** Integer division of non-negative integers, rounding half up. */
function divRoundHalfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den))
}

/** Rounds a raw non-negative value (e.g. a mean computed elsewhere) to two decimals, half up. */
export function roundScore(x: number): number {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`Not a score: ${x}`)
  // toPrecision(12) strips binary noise first, so 84.995 (stored as 84.99499…) rounds to 85.00.
  return Math.floor(Number((x * 100).toPrecision(12)) + 0.5) / 100
}

/**
 * An exact score: `num / den` hundredths. A tool score is a mean (EIT: of three indicators), so it
 * is kept as a fraction and only rounded where NACC rounds: the weighted tool value and the total.
 */
export type ExactScore = { readonly num: number; readonly den: number }
const exactOfToolScore = (score: number): ExactScore => ({ num: toTenThousandths(score), den: 100 })
/** The exact score rounded half up to two decimals (as shown). */
export const roundedExact = (x: ExactScore): number => fromHundredths(divRoundHalfUp(x.num, x.den))

export function indicatorsOfTool(fw: Framework, tool: ToolCode): Indicator[] {
  return fw.indicators.filter((i) => i.tool === tool)
}

/** Indicators of the framework that have no score yet (a tool score needs all of its own). */
export function missingIndicators(fw: Framework, scores: IndicatorScores): number[] {
  return fw.indicators.filter((i) => scores[i.number] === undefined).map((i) => i.number)
}

/** The tool's parts when every one of them has a score, else null. */
function enteredParts(fw: Framework, tool: ToolCode, parts: PartScores | undefined): { part: ToolPart; score: number }[] | null {
  const defs = fw.tools[tool].parts
  if (!defs || !parts) return null
  const out = defs.map((part) => ({ part, score: parts[part.code] }))
  return out.every((p) => p.score !== undefined) ? (out as { part: ToolPart; score: number }[]) : null
}

/**
 * A tool's exact score. With a score for every part of the tool (2566 EIT), the weighted mean of
 * its parts; otherwise the year's `tools.<tool>.scoreRule` over its indicators.
 */
export function toolScoreExact(fw: Framework, tool: ToolCode, scores: IndicatorScores, parts?: PartScores): ExactScore {
  const entered = enteredParts(fw, tool, parts)
  if (entered && entered.every((p) => p.part.weight.percent !== null)) {
    // Σ percent × ten-thousandths / 100 / 100 → hundredths over a denominator of 10 000.
    return { num: entered.reduce((s, p) => s + p.part.weight.percent! * toTenThousandths(p.score), 0), den: 10000 }
  }
  const indicators = indicatorsOfTool(fw, tool)
  const missing = indicators.filter((i) => scores[i.number] === undefined).map((i) => i.number)
  if (missing.length) throw new Error(`${tool.toUpperCase()} score needs indicator(s) ${missing.join(', ')}`)
  const rule = fw.tools[tool].scoreRule
  switch (rule.method) {
    case 'mean_of_indicators':
      return { num: indicators.reduce((s, i) => s + toHundredths(scores[i.number]!), 0), den: indicators.length }
  }
}

/** A tool's score from its indicators (or parts), rounded half up to two decimals for display. */
export function toolScore(fw: Framework, tool: ToolCode, scores: IndicatorScores, parts?: PartScores): number {
  return roundedExact(toolScoreExact(fw, tool, scores, parts))
}

export function toolScores(fw: Framework, scores: IndicatorScores, parts?: PartScores): Record<ToolCode, number> {
  return { iit: toolScore(fw, 'iit', scores, parts), eit: toolScore(fw, 'eit', scores, parts), oit: toolScore(fw, 'oit', scores, parts) }
}

type ToolValues = Readonly<Record<ToolCode, number | ExactScore>>
const asExact = (v: number | ExactScore): ExactScore => (typeof v === 'number' ? exactOfToolScore(v) : v)

/** One tool's weighted value (e.g. 0.3 × IIT) rounded half up to two decimals, as NACC prints it. */
export function weightedToolScore(fw: Framework, tool: ToolCode, value: number | ExactScore): number {
  const x = asExact(value)
  return fromHundredths(divRoundHalfUp(fw.tools[tool].weight.percent * x.num, 100 * x.den))
}

/**
 * Σ weight × tool score (e.g. 30/30/40), two decimals, in the order of the year's `rounding`:
 * `weighted_tools_then_sum` rounds each weighted tool value first (NACC), `total_once` rounds the
 * exact sum. Tool scores may be numbers with up to four decimals or exact fractions; all integer.
 */
export function weightedTotal(fw: Framework, tools: ToolValues): number {
  switch (fw.rounding.order) {
    case 'weighted_tools_then_sum':
      return fromHundredths(TOOL_CODES.reduce((s, t) => s + toHundredths(weightedToolScore(fw, t, tools[t])), 0))
    case 'total_once': {
      const xs = TOOL_CODES.map((t) => ({ w: fw.tools[t].weight.percent, x: asExact(tools[t]) }))
      const lcm = xs.reduce((l, { x }) => (l * x.den) / gcd(l, x.den), 1)
      const num = xs.reduce((s, { w, x }) => s + w * x.num * (lcm / x.den), 0)
      return fromHundredths(divRoundHalfUp(num, 100 * lcm))
    }
  }
}

/** The letter band (AA … F) containing the total. */
export function levelOf(fw: Framework, total: number): LevelBand {
  const h = toHundredths(total)
  const band = fw.levels.find((b) => h >= toHundredths(b.min) && h <= toHundredths(b.max))
  // The schema guarantees contiguous bands over 0–100, so this only fires on a hand-built object.
  if (!band) throw new Error(`No level band of FY ${fw.fiscalYear} contains ${total}`)
  return band
}

/**
 * The first rating rule, in the framework's order, that the total and tool scores satisfy; null
 * when the year has no rating rules (2564 and earlier). A rule with `minEachToolAppliesTo:
 * "tool_parts"` checks each part of a tool that has parts (when the parts' scores are given;
 * otherwise the whole tool). Tool and part scores are compared as shown, to two decimals.
 */
export function ratingOf(fw: Framework, total: number, tools: ToolValues, parts?: PartScores): RatingRule | null {
  if (!fw.ratings) return null
  const h = toHundredths(total)
  const shown = (v: number | ExactScore) => toHundredths(roundedExact(asExact(v)))
  const lowestTool = Math.min(...TOOL_CODES.map((t) => shown(tools[t])))
  const lowestUnit = Math.min(
    ...TOOL_CODES.flatMap((t) => {
      const entered = enteredParts(fw, t, parts)
      return entered ? entered.map((p) => shown(p.score)) : [shown(tools[t])]
    }),
  )
  const rule = fw.ratings.find((r) => {
    if (h < toHundredths(r.minTotal)) return false
    if (r.minEachTool === null) return true
    return (r.minEachToolAppliesTo === 'tool_parts' ? lowestUnit : lowestTool) >= toHundredths(r.minEachTool)
  })
  if (!rule) throw new Error(`No rating rule of FY ${fw.fiscalYear} matches ${total}`)
  return rule
}

export type AssessmentScore = {
  /** Tool scores as shown (two decimals). */
  tools: Record<ToolCode, number>
  /** Each tool's weighted value, rounded as the year's `rounding` says (two decimals). */
  weighted: Record<ToolCode, number>
  /** Tool-part scores used (only parts that were given). */
  parts: Record<string, number>
  total: number
  level: LevelBand
  /** Null when the year has no rating rules. */
  rating: RatingRule | null
  passed: boolean
}

/** Everything from the indicator scores (and part scores, if any): tools, total, level, rating, pass. */
export function assess(fw: Framework, scores: IndicatorScores, partScores?: PartScores): AssessmentScore {
  const exact = {
    iit: toolScoreExact(fw, 'iit', scores, partScores),
    eit: toolScoreExact(fw, 'eit', scores, partScores),
    oit: toolScoreExact(fw, 'oit', scores, partScores),
  }
  const total = weightedTotal(fw, exact)
  const parts: Record<string, number> = {}
  for (const t of TOOL_CODES) for (const p of fw.tools[t].parts ?? []) if (partScores?.[p.code] !== undefined) parts[p.code] = partScores[p.code]!
  return {
    tools: { iit: roundedExact(exact.iit), eit: roundedExact(exact.eit), oit: roundedExact(exact.oit) },
    weighted: { iit: weightedToolScore(fw, 'iit', exact.iit), eit: weightedToolScore(fw, 'eit', exact.eit), oit: weightedToolScore(fw, 'oit', exact.oit) },
    parts,
    total,
    level: levelOf(fw, total),
    rating: ratingOf(fw, total, exact, partScores),
    passed: toHundredths(total) >= toHundredths(fw.passThreshold.score),
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/**
 * OIT indicator scores from item answers (`true` = มี and accepted by the assessor), by the
 * year's `tools.oit.indicatorScoreRule`. Only indicators whose sub-indicator grouping is known
 * are returned (none for 2568, whose grouping was not found).
 */
export function oitIndicatorScores(fw: Framework, answers: Readonly<Record<string, boolean>>): Record<number, number> {
  const out: Record<number, number> = {}
  const rule = fw.tools.oit.indicatorScoreRule
  if (!rule) return out
  switch (rule.method) {
    case 'mean_of_sub_indicator_percentages':
      for (const ind of indicatorsOfTool(fw, 'oit')) {
        const groups = ind.subIndicators
          .map((s) => fw.oitItems.filter((o) => o.subIndicator === s.code))
          .filter((items) => items.length > 0)
        if (!groups.length) continue
        // mean_j(yes_j / n_j) in hundredths, exactly: bring every fraction to the common denominator.
        const lcm = groups.reduce((l, g) => (l * g.length) / gcd(l, g.length), 1)
        const num = groups.reduce((s, g) => s + g.filter((o) => answers[o.code] === true).length * (lcm / g.length), 0)
        out[ind.number] = fromHundredths(divRoundHalfUp(num * 10000, lcm * groups.length))
      }
  }
  return out
}

export type IndicatorBelow = { indicator: Indicator; score: number; gap: number }

/** Scored indicators under the threshold (default: the year's pass threshold, 85), weakest first. */
export function indicatorsBelow(fw: Framework, scores: IndicatorScores, threshold: number = fw.passThreshold.score): IndicatorBelow[] {
  const t = toHundredths(threshold)
  return fw.indicators
    .filter((i) => scores[i.number] !== undefined && toHundredths(scores[i.number]!) < t)
    .map((i) => {
      const h = toHundredths(scores[i.number]!)
      return { indicator: i, score: fromHundredths(h), gap: fromHundredths(t - h) }
    })
    .sort((a, b) => a.score - b.score || a.indicator.number - b.indicator.number)
}

export type IndicatorChange = {
  number: number
  nameTh: string
  previous: number | null
  current: number | null
  /** current − previous, two decimals; null when either year has no score. */
  change: number | null
  /** The indicator's Thai name or tool differs between the two years: compare with care. */
  definitionChanged: boolean
}

/** Change per indicator between two years, each read with its own framework. */
export function yearOverYear(
  previous: { framework: Framework; scores: IndicatorScores },
  current: { framework: Framework; scores: IndicatorScores },
): IndicatorChange[] {
  const prevBy = new Map(previous.framework.indicators.map((i) => [i.number, i]))
  const curBy = new Map(current.framework.indicators.map((i) => [i.number, i]))
  const numbers = [...new Set([...curBy.keys(), ...prevBy.keys()])].sort((a, b) => a - b)
  return numbers.map((n) => {
    const p = prevBy.get(n)
    const c = curBy.get(n)
    const ps = p ? previous.scores[n] : undefined
    const cs = c ? current.scores[n] : undefined
    return {
      number: n,
      nameTh: (c ?? p)!.nameTh,
      previous: ps === undefined ? null : fromHundredths(toHundredths(ps)),
      current: cs === undefined ? null : fromHundredths(toHundredths(cs)),
      change: ps === undefined || cs === undefined ? null : fromHundredths(toHundredths(cs) - toHundredths(ps)),
      definitionChanged: !p || !c || p.nameTh !== c.nameTh || p.tool !== c.tool,
    }
  })
}
