import type { Framework, Rating, ToolCode } from './framework.schema.js'

// Pure scoring with the rules of the framework passed in; nothing about a year is hard-coded here.
// Scores are handled in hundredths (integers) so that 84.99 vs 85.00 never depends on float drift.

export type IndicatorScores = Partial<Record<number, number>>
const toH = (x: number) => Math.round(x * 100)
const fromH = (h: number) => h / 100

/** Rounds to two decimals the way published ITA scores are (half away from zero). */
export function round2(x: number): number {
  return fromH(Math.round(x * 100 + Number.EPSILON * Math.sign(x)))
}

/** A tool's score: the mean of its indicators' scores; null until every indicator has a score. */
export function toolScore(f: Framework, tool: ToolCode, scores: IndicatorScores): number | null {
  const t = f.tools.find((x) => x.code === tool)
  if (!t) return null
  const values = t.indicators.map((n) => scores[n])
  if (values.some((v) => v === undefined || v === null)) return null
  return round2(values.reduce<number>((a, v) => a + v!, 0) / values.length)
}

export function toolScores(f: Framework, scores: IndicatorScores): Record<ToolCode, number | null> {
  return { iit: toolScore(f, 'iit', scores), eit: toolScore(f, 'eit', scores), oit: toolScore(f, 'oit', scores) }
}

/** Weighted total (e.g. 30/30/40 of the tool scores), or null while a tool is missing. */
export function weightedTotal(f: Framework, tools: Record<ToolCode, number | null>): number | null {
  let sumH = 0
  for (const code of Object.keys(f.scoring.weights) as ToolCode[]) {
    const s = tools[code]
    if (s === null || s === undefined) return null
    sumH += toH(s) * f.scoring.weights[code]!
  }
  return round2(sumH / 100 / 100)
}

export function levelOf(f: Framework, total: number): string {
  const h = toH(total)
  const band = f.levels.find((l) => h >= toH(l.min) && h <= toH(l.max))
  if (!band) throw new Error(`no level band contains ${total}`)
  return band.level
}

/** First rating (in the framework's order) whose conditions hold. */
export function ratingOf(f: Framework, total: number, tools: Record<ToolCode, number | null>): Rating {
  const h = toH(total)
  for (const r of f.ratings) {
    if (h < toH(r.minTotal)) continue
    if (r.minEachTool !== undefined && !Object.values(tools).every((s) => s !== null && toH(s) >= toH(r.minEachTool!))) continue
    return r.rating
  }
  return f.ratings[f.ratings.length - 1]!.rating
}

export type AssessmentResult = {
  tools: Record<ToolCode, number | null>
  total: number | null
  level: string | null
  rating: Rating | null
  passed: boolean | null
}

export function assess(f: Framework, scores: IndicatorScores): AssessmentResult {
  const tools = toolScores(f, scores)
  const total = weightedTotal(f, tools)
  if (total === null) return { tools, total, level: null, rating: null, passed: null }
  return { tools, total, level: levelOf(f, total), rating: ratingOf(f, total, tools), passed: toH(total) >= toH(f.passThreshold) }
}

/** OIT: sub-indicator = % of its items answered "yes"; indicator = mean of its sub-indicators. */
export function oitIndicatorScores(f: Framework, answers: Record<string, boolean>): IndicatorScores {
  const out: IndicatorScores = {}
  for (const ind of f.indicators.filter((i) => i.tool === 'oit' && i.subIndicators.length > 0)) {
    const subs = ind.subIndicators.filter((s) => s.itemCodes.length > 0).map((s) => (100 * s.itemCodes.filter((c) => answers[c]).length) / s.itemCodes.length)
    if (subs.length) out[ind.number] = round2(subs.reduce((a, b) => a + b, 0) / subs.length)
  }
  return out
}

/** Indicators under the threshold (default: the framework's pass threshold), weakest first. */
export function indicatorsBelow(f: Framework, scores: IndicatorScores, threshold = f.passThreshold) {
  return f.indicators
    .filter((i) => scores[i.number] !== undefined && toH(scores[i.number]!) < toH(threshold))
    .map((i) => ({ number: i.number, nameTh: i.nameTh, score: scores[i.number]! }))
    .sort((a, b) => a.score - b.score)
}

/** Change per indicator from last year's scores to this year's. */
export function yearOverYear(current: IndicatorScores, previous: IndicatorScores) {
  const numbers = [...new Set([...Object.keys(current), ...Object.keys(previous)].map(Number))].sort((a, b) => a - b)
  return numbers.map((n) => {
    const now = current[n]
    const before = previous[n]
    return { number: n, current: now ?? null, previous: before ?? null, change: now !== undefined && before !== undefined ? fromH(toH(now) - toH(before)) : null }
  })
}
