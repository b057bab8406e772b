import { TOOL_CODES, type Framework, type Indicator, type LevelBand, type RatingRule, type ToolCode } from './framework.schema.js'

/*
 * Pure ITA scoring. Every rule (which indicators a tool has, how a tool score is formed, weights,
 * level bands, rating rules, pass threshold) is read from the framework passed in; nothing about a
 * year is written here.
 *
 * Scores are 0–100 with two decimals. Internally they are integers in hundredths, so that a total
 * of 84.99 vs 85.00 never depends on float drift (0.3 × 85.01 + … = 85.00200000000001).
 * Where a mean or weighted sum falls between two hundredths it is rounded half up: published ITA
 * scores have two decimals, but NACC's rounding rule was not found (see README).
 */

/** Indicator number → score, e.g. `{ 1: 92.5, 9: 87.14 }`. */
export type IndicatorScores = Readonly<Partial<Record<number, number>>>
export type ToolScores = Readonly<Record<ToolCode, number>>

/** A score as integer hundredths; refuses what is not a 0–100 score with at most two decimals. */
export function toHundredths(score: number): number {
  const h = Math.round(score * 100)
  if (!Number.isFinite(score) || h < 0 || h > 10000 || Math.abs(score * 100 - h) > 1e-6) {
    throw new RangeError(`Not an ITA score (0–100, two decimals): ${score}`)
  }
  return h
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

export function indicatorsOfTool(fw: Framework, tool: ToolCode): Indicator[] {
  return fw.indicators.filter((i) => i.tool === tool)
}

/** Indicators of the framework that have no score yet (a tool score needs all of its own). */
export function missingIndicators(fw: Framework, scores: IndicatorScores): number[] {
  return fw.indicators.filter((i) => scores[i.number] === undefined).map((i) => i.number)
}

/** A tool's score from its indicators' scores, by the year's `tools.<tool>.scoreRule`. */
export function toolScore(fw: Framework, tool: ToolCode, scores: IndicatorScores): number {
  const indicators = indicatorsOfTool(fw, tool)
  const missing = indicators.filter((i) => scores[i.number] === undefined).map((i) => i.number)
  if (missing.length) throw new Error(`${tool.toUpperCase()} score needs indicator(s) ${missing.join(', ')}`)
  const rule = fw.tools[tool].scoreRule
  switch (rule.method) {
    case 'mean_of_indicators': {
      const sum = indicators.reduce((s, i) => s + toHundredths(scores[i.number]!), 0)
      return fromHundredths(divRoundHalfUp(sum, indicators.length))
    }
  }
}

export function toolScores(fw: Framework, scores: IndicatorScores): Record<ToolCode, number> {
  return { iit: toolScore(fw, 'iit', scores), eit: toolScore(fw, 'eit', scores), oit: toolScore(fw, 'oit', scores) }
}

/** Σ weight × tool score (e.g. 30/30/40), two decimals. Weights are whole percents, so this is exact. */
export function weightedTotal(fw: Framework, tools: ToolScores): number {
  const sum = TOOL_CODES.reduce((s, t) => s + fw.tools[t].weight.percent * toHundredths(tools[t]), 0)
  return fromHundredths(divRoundHalfUp(sum, 100))
}

/** The letter band (AA … F) containing the total. */
export function levelOf(fw: Framework, total: number): LevelBand {
  const h = toHundredths(total)
  const band = fw.levels.find((b) => h >= toHundredths(b.min) && h <= toHundredths(b.max))
  // The schema guarantees contiguous bands over 0–100, so this only fires on a hand-built object.
  if (!band) throw new Error(`No level band of FY ${fw.fiscalYear} contains ${total}`)
  return band
}

/** The first rating rule, in the framework's order, that the total and tool scores satisfy. */
export function ratingOf(fw: Framework, total: number, tools: ToolScores): RatingRule {
  const h = toHundredths(total)
  const lowestTool = Math.min(...TOOL_CODES.map((t) => toHundredths(tools[t])))
  const rule = fw.ratings.find(
    (r) => h >= toHundredths(r.minTotal) && (r.minEachTool === null || lowestTool >= toHundredths(r.minEachTool)),
  )
  if (!rule) throw new Error(`No rating rule of FY ${fw.fiscalYear} matches ${total}`)
  return rule
}

export type AssessmentScore = {
  tools: Record<ToolCode, number>
  total: number
  level: LevelBand
  rating: RatingRule
  passed: boolean
}

/** Everything from the ten indicator scores: tool scores, weighted total, level, rating, pass. */
export function assess(fw: Framework, scores: IndicatorScores): AssessmentScore {
  const tools = toolScores(fw, scores)
  const total = weightedTotal(fw, tools)
  return {
    tools,
    total,
    level: levelOf(fw, total),
    rating: ratingOf(fw, total, tools),
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
