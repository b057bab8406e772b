import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadAllFrameworks } from './framework.load.js'
import type { Framework, ToolCode } from './framework.schema.js'
import {
  assess,
  indicatorsBelow,
  levelOf,
  missingIndicators,
  oitIndicatorScores,
  ratingOf,
  roundScore,
  toHundredths,
  toolScore,
  toolScores,
  weightedTotal,
  yearOverYear,
} from './scoring.js'

const YEARS = [2566, 2567, 2568] as const
let frameworks: Map<number, Framework>
const fw = (y: number): Framework => frameworks.get(y)!
beforeAll(async () => {
  frameworks = await loadAllFrameworks()
})

const tools = (iit: number, eit: number, oit: number): Record<ToolCode, number> => ({ iit, eit, oit })
const all = (s: number) => tools(s, s, s)
/** One hundredth below, computed in hundredths so the test itself has no float drift. */
const below = (s: number) => (toHundredths(s) - 1) / 100
const ten = (s: number) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, s])) as Record<number, number>

describe.each(YEARS)('FY %i', (year) => {
  it('maps every level boundary in the framework data to the right level', () => {
    const f = fw(year)
    f.levels.forEach((band, i) => {
      expect(levelOf(f, band.min).level).toBe(band.level)
      expect(levelOf(f, band.max).level).toBe(band.level)
      const lower = f.levels[i + 1]
      if (lower) expect(levelOf(f, below(band.min)).level).toBe(lower.level)
    })
  })

  it('gives the level bands published by NACC (sme.go.th 2565 p.80)', () => {
    const f = fw(year)
    const cases: [number, string][] = [
      [100, 'AA'], [95, 'AA'], [94.99, 'A'], [85, 'A'], [84.99, 'B'], [75, 'B'], [74.99, 'C'],
      [65, 'C'], [64.99, 'D'], [55, 'D'], [54.99, 'E'], [50, 'E'], [49.99, 'F'], [0, 'F'],
    ]
    for (const [total, level] of cases) expect([total, levelOf(f, total).level]).toEqual([total, level])
  })

  it('maps every rating boundary in the framework data to the right rating', () => {
    const f = fw(year)
    f.ratings!.forEach((rule) => {
      const each = rule.minEachTool ?? 0
      expect(ratingOf(f, rule.minTotal, all(each))?.rating).toBe(rule.rating)
      if (rule.minTotal > 0) expect(ratingOf(f, below(rule.minTotal), all(each))?.rating).not.toBe(rule.rating)
      if (each > 0) expect(ratingOf(f, rule.minTotal, tools(each, each, below(each)))?.rating).not.toBe(rule.rating)
    })
  })

  it('gives the ratings the material describes', () => {
    const f = fw(year)
    const r = (total: number, t: Record<ToolCode, number>) => ratingOf(f, total, t)!
    expect(r(95, all(95))).toMatchObject({ rating: 'excellent', labelTh: 'ผ่านดีเยี่ยม' })
    expect(r(94.99, all(95)).rating).toBe('good')
    expect(r(95, tools(95, 95, 94.99)).rating).toBe('good')
    expect(r(85, all(85))).toMatchObject({ rating: 'good', labelTh: 'ผ่านดี' })
    // สตง. 2568: 94.64 but EIT < 85 → ผ่าน; tdm.go.th 2566: 96.04 (ผ่าน)
    expect(r(94.64, tools(97, 84.99, 99))).toMatchObject({ rating: 'pass', labelTh: 'ผ่าน' })
    expect(r(96.04, tools(100, 80, 100)).rating).toBe('pass')
    expect(r(84.99, all(100))).toMatchObject({ rating: 'needs_improvement', labelTh: 'ต้องปรับปรุง' })
    expect(r(70, all(70)).rating).toBe('needs_improvement')
    expect(r(69.99, all(100))).toMatchObject({ rating: 'urgent_improvement', labelTh: 'ต้องปรับปรุงโดยด่วน' })
    expect(r(0, all(0)).rating).toBe('urgent_improvement')
  })

  it('weights IIT, EIT and OIT 30/30/40', () => {
    const f = fw(year)
    expect(weightedTotal(f, tools(100, 0, 0))).toBe(30)
    expect(weightedTotal(f, tools(0, 100, 0))).toBe(30)
    expect(weightedTotal(f, tools(0, 0, 100))).toBe(40)
    expect(weightedTotal(f, tools(90, 80, 100))).toBe(91)
    // NACC's order: 25.497 → 25.50, 25.497 → 25.50, 33.996 → 34.00, total 85.00 (rounding once: 84.99)
    expect(weightedTotal(f, all(84.99))).toBe(85)
  })

  it('reproduces the NACC 2564 OIT column: 0.4 × mean(indicator 9, indicator 10)', () => {
    const f = fw(year)
    expect(toolScore(f, 'oit', { 9: 93.5, 10: 100 })).toBe(96.75)
    expect(weightedTotal(f, tools(0, 0, 96.75))).toBe(38.7)
    expect(toolScore(f, 'oit', { 9: 97.5, 10: 87.5 })).toBe(92.5)
    expect(weightedTotal(f, tools(0, 0, 92.5))).toBe(37)
  })

  it('has no float drift at a boundary: 92.46/97.74/94.85 is exactly 95.00 (AA)', () => {
    const f = fw(year)
    expect(0.3 * 92.46 + 0.3 * 97.74 + 0.4 * 94.85).toBeLessThan(95) // the naive sum
    const total = weightedTotal(f, tools(92.46, 97.74, 94.85))
    expect(total).toBe(95)
    expect(levelOf(f, total).level).toBe('AA')
  })
})

describe('tool scores', () => {
  it('are the mean of the tool\'s indicators, rounded half up to two decimals', () => {
    const f = fw(2566)
    const scores = { 1: 90, 2: 91, 3: 92, 4: 93, 5: 94.01, 6: 80, 7: 81, 8: 83, 9: 84.99, 10: 85 }
    expect(toolScores(f, scores)).toEqual({ iit: 92, eit: 81.33, oit: 85 }) // 92.002; 81.333…; 84.995 → 85.00
  })

  it('need every indicator of the tool', () => {
    expect(() => toolScore(fw(2566), 'eit', { 6: 90, 7: 90 })).toThrow(/EIT score needs indicator\(s\) 8/)
    expect(missingIndicators(fw(2566), { 1: 90, 9: 90 })).toEqual([2, 3, 4, 5, 6, 7, 8, 10])
  })

  it('refuse values that are not scores', () => {
    for (const bad of [84.999, -0.01, 100.01, Number.NaN]) expect(() => toHundredths(bad)).toThrow(RangeError)
    expect(roundScore(84.995)).toBe(85)
    expect(roundScore(84.994999)).toBe(84.99)
  })
})

describe('weighted total (property)', () => {
  it('equals the exact integer computation (each weighted tool rounded, then summed) and always lands in one level band', () => {
    const f = fw(2566)
    const h = fc.integer({ min: 0, max: 10000 })
    const r = (x: number) => Math.floor((x + 50) / 100) // 1/10000 of a point → hundredths, half up
    fc.assert(
      fc.property(h, h, h, (a, b, c) => {
        const expected = (r(30 * a) + r(30 * b) + r(40 * c)) / 100
        const total = weightedTotal(f, tools(a / 100, b / 100, c / 100))
        expect(total).toBe(expected)
        const band = levelOf(f, total)
        expect(total >= band.min && total <= band.max).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('assess', () => {
  it('puts tool scores, total, level, rating and pass together', () => {
    const r = assess(fw(2567), { ...ten(90), 6: 84.99 })
    expect(r.tools).toEqual({ iit: 90, eit: 88.33, oit: 90 })
    expect(r.total).toBe(89.5) // 27 + 26.499 + 36 = 89.499 → 89.50
    expect([r.level.level, r.rating?.rating, r.passed]).toEqual(['A', 'good', true])
    expect(r.weighted).toEqual({ iit: 27, eit: 26.5, oit: 36 })
    // all 84.99: 25.50 + 25.50 + 34.00 = 85.00 in NACC's order (84.99 rounded once); 84.98 → 84.97
    expect(assess(fw(2567), ten(84.99))).toMatchObject({ total: 85, passed: true, level: { level: 'A' } })
    expect(assess(fw(2567), ten(84.98))).toMatchObject({ total: 84.97, passed: false, level: { level: 'B' } })
  })
})

describe('rounding order (NACC: each weighted tool score to two decimals, then the sum)', () => {
  const once = (y: number): Framework => ({ ...fw(y), rounding: { ...fw(y).rounding, order: 'total_once' } })

  it('gives totals that differ from rounding once, where the two orders disagree', () => {
    const cases: [Record<ToolCode, number>, number, number][] = [
      // [tools, NACC order, rounding once]
      [all(84.99), 85, 84.99], // 25.50 + 25.50 + 34.00 vs 84.993 — a pass threshold and a level apart
      [tools(90.05, 90.05, 90), 90.04, 90.03], // 27.015 → 27.02 twice vs 90.03
      [tools(94.95, 94.95, 95.05), 95, 94.99], // 28.485 → 28.49 twice + 38.02: AA vs A
    ]
    for (const [t, nacc, single] of cases) {
      expect([t, weightedTotal(fw(2566), t), weightedTotal(once(2566), t)]).toEqual([t, nacc, single])
    }
    expect(levelOf(fw(2566), weightedTotal(fw(2566), tools(94.95, 94.95, 95.05))).level).toBe('AA')
    expect(levelOf(fw(2566), weightedTotal(once(2566), tools(94.95, 94.95, 95.05))).level).toBe('A')
  })

  it('weights the exact tool score, not the tool score rounded to two decimals', () => {
    // IIT mean 450.23 / 5 = 90.046 (shown 90.05): 0.3 × 90.046 = 27.0138 → 27.01; from 90.05 it would be 27.02
    const scores = { 1: 90.05, 2: 90.05, 3: 90.05, 4: 90.04, 5: 90.04, 6: 90, 7: 90, 8: 90, 9: 90, 10: 90 }
    const r = assess(fw(2567), scores)
    expect(r.tools.iit).toBe(90.05)
    expect(r.weighted).toEqual({ iit: 27.01, eit: 27, oit: 36 })
    expect(r.total).toBe(90.01)
    expect(weightedTotal(fw(2567), tools(90.05, 90, 90))).toBe(90.02) // what two-decimal tool scores would give
  })

  it('takes tool scores with four decimals (NACC weighted values need them) and refuses a fifth', () => {
    expect(weightedTotal(fw(2568), tools(90.0466, 90, 90))).toBe(90.01)
    expect(() => weightedTotal(fw(2568), tools(90.04661, 90, 90))).toThrow(RangeError)
  })
})

describe('tool parts and rating rules per year', () => {
  const ten96 = ten(96)

  it('2566: a total above 95.50 is rated ผ่าน when an EIT part is below 85 (tool-part rule)', () => {
    const r = assess(fw(2566), ten96, { 'eit.1': 84.5, 'eit.2': 99.2 })
    expect([r.total, r.level.level, r.rating?.rating, r.rating?.labelTh]).toEqual([96, 'AA', 'pass', 'ผ่าน'])
    expect(r.tools.eit).toBe(96) // part weights were not found: the EIT score stays its indicators' mean
    expect(r.parts).toEqual({ 'eit.1': 84.5, 'eit.2': 99.2 })
    // parts ≥ 85 but one < 95: ผ่านดี; no part scores: the whole tools are checked
    expect(assess(fw(2566), ten96, { 'eit.1': 94.99, 'eit.2': 99 }).rating?.rating).toBe('good')
    expect(assess(fw(2566), ten96).rating?.rating).toBe('excellent')
  })

  it('2567: the same scores are ผ่านดีเยี่ยม — no part rule, and whole tools can never give ผ่าน above 95.50', () => {
    expect(assess(fw(2567), ten96, { 'eit.1': 84.5 }).rating?.rating).toBe('excellent')
    const h = fc.integer({ min: 0, max: 10000 })
    fc.assert(
      fc.property(h, h, h, (a, b, c) => {
        const t = tools(a / 100, b / 100, c / 100)
        const total = weightedTotal(fw(2567), t)
        if (total > 95.5) expect(ratingOf(fw(2567), total, t)?.rating).not.toBe('pass')
      }),
      { numRuns: 3000 },
    )
  })

  it('uses known part weights for the tool score when every part has a score', () => {
    const f = structuredClone(fw(2566))
    f.tools.eit.parts![0]!.weight.percent = 25
    f.tools.eit.parts![1]!.weight.percent = 75
    const r = assess(f, ten96, { 'eit.1': 80, 'eit.2': 100 })
    expect(r.tools.eit).toBe(95) // 0.25 × 80 + 0.75 × 100
    expect(r.weighted.eit).toBe(28.5)
    expect(toolScore(f, 'eit', ten96, { 'eit.1': 80 })).toBe(96) // one part missing: the indicators' mean
  })

  it('a year without rating rules (2564 and earlier, 2569) has a total and level but no rating', () => {
    const r = assess(fw(2569), ten(90))
    expect([r.total, r.level.level, r.rating, r.passed]).toEqual([90, 'A', null, true])
    const { ratings: _unused, ...noRatings } = fw(2566)
    expect(ratingOf({ ...noRatings, fiscalYear: 2564 }, 90, all(90))).toBeNull()
  })
})

describe('OIT indicator scores from item answers', () => {
  it('2566: mean of sub-indicator percentages', () => {
    const f = fw(2566)
    const yes = Object.fromEntries(f.oitItems.map((o) => [o.code, true]))
    expect(oitIndicatorScores(f, yes)).toEqual({ 9: 100, 10: 100 })
    // one "no" in 9.1 (10 items): (90 + 4×100)/5; one in 10.1 (11 items): (10/11×100 + 100)/2
    expect(oitIndicatorScores(f, { ...yes, O1: false, O31: false })).toEqual({ 9: 98, 10: 95.45 })
    // one "no" in 9.3 (4 items): (75 + 4×100)/5
    expect(oitIndicatorScores(f, { ...yes, O19: false })[9]).toBe(95)
    expect(oitIndicatorScores(f, {})).toEqual({ 9: 0, 10: 0 })
  })

  it('2568: nothing, because the sub-indicator grouping was not found', () => {
    expect(oitIndicatorScores(fw(2568), { O1: true })).toEqual({})
  })
})

describe('indicatorsBelow', () => {
  it('defaults to the year\'s pass threshold (85) and lists the weakest first', () => {
    const f = fw(2566)
    const below85 = indicatorsBelow(f, { ...ten(95), 3: 84.99, 7: 85, 9: 70.5 })
    expect(below85.map((b) => [b.indicator.number, b.score, b.gap])).toEqual([
      [9, 70.5, 14.5],
      [3, 84.99, 0.01],
    ])
    expect(below85[0]?.indicator.nameTh).toBe('การเปิดเผยข้อมูล')
    expect(indicatorsBelow(f, { 1: 89.99, 2: 90 }, 90).map((b) => b.indicator.number)).toEqual([1])
  })
})

describe('yearOverYear', () => {
  it('gives the exact change per indicator, null where a year has no score', () => {
    const diff = yearOverYear({ framework: fw(2566), scores: { 1: 85.1, 2: 90, 9: 97.14 } }, { framework: fw(2567), scores: { 1: 86.3, 9: 95.5 } })
    expect(diff).toHaveLength(10)
    expect(diff[0]).toEqual({ number: 1, nameTh: 'การปฏิบัติหน้าที่', previous: 85.1, current: 86.3, change: 1.2, definitionChanged: false })
    expect(diff[1]).toMatchObject({ number: 2, previous: 90, current: null, change: null })
    expect(diff[8]).toMatchObject({ number: 9, change: -1.64 })
  })
})
