import { beforeAll, describe, expect, it } from 'vitest'
import { builtInYears, loadBuiltInFramework, parseFrameworkJson } from './framework.load.js'
import type { Framework } from './framework.schema.js'
import { assess, indicatorsBelow, levelOf, oitIndicatorScores, ratingOf, round2, toolScores, weightedTotal, yearOverYear } from './scoring.js'

const all = (s: number) => ({ iit: s, eit: s, oit: s })

describe('built-in frameworks', () => {
  it('ship for 2566, 2567 and 2568 and all validate', async () => {
    expect(await builtInYears()).toEqual(expect.arrayContaining([2566, 2567, 2568]))
    for (const y of [2566, 2567, 2568]) {
      const f = await loadBuiltInFramework(y)
      expect(f?.fiscalYear).toBe(y)
      expect(f?.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(f?.tools.map((t) => [t.code, t.weight])).toEqual([['iit', 30], ['eit', 30], ['oit', 40]])
    }
    const f66 = (await loadBuiltInFramework(2566))!
    expect(f66.oitItems).toHaveLength(43)
    expect(f66.oitItems.find((i) => i.code === 'O43')?.titleTh).toBe('การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน')
    expect(f66.indicators.find((i) => i.number === 9)?.subIndicators.map((s) => s.itemCodes.length)).toEqual([10, 8, 4, 4, 4])
  })

  it('rejects a broken upload with Thai, path-named errors', () => {
    expect(parseFrameworkJson('{nope')).toMatchObject({ ok: false, errors: [expect.stringContaining('ไม่ใช่ JSON')] })
    const r = parseFrameworkJson(JSON.stringify({ fiscalYear: 2569 }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.some((e) => e.startsWith('version'))).toBe(true)
  })

  it('rejects weights that do not add up to 100 and unknown item references', async () => {
    const f = structuredClone((await loadBuiltInFramework(2566))!)
    f.scoring.weights.oit = 50
    f.indicators[8]!.subIndicators[0]!.itemCodes.push('O99')
    const r = parseFrameworkJson(JSON.stringify({ ...f, fiscalYear: 2569 }))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.join('\n')).toContain('น้ำหนักรวมต้องเท่ากับ 100')
      expect(r.errors.join('\n')).toContain('O99')
    }
  })
})

describe.each([2566, 2567, 2568])('scoring with the %i framework', (year) => {
  let f: Framework
  beforeAll(async () => {
    f = (await loadBuiltInFramework(year))!
  })

  it('maps every level boundary from the framework data to the right level', () => {
    for (const band of f.levels) {
      expect(levelOf(f, band.min)).toBe(band.level)
      expect(levelOf(f, band.max)).toBe(band.level)
      if (band.min > 0) expect(levelOf(f, round2(band.min - 0.01))).not.toBe(band.level)
    }
  })

  it('knows the published bands: 94.99 A / 95.00 AA, 84.99 B / 85.00 A, 49.99 F', () => {
    expect(levelOf(f, 94.99)).toBe('A')
    expect(levelOf(f, 95)).toBe('AA')
    expect(levelOf(f, 84.99)).toBe('B')
    expect(levelOf(f, 85)).toBe('A')
    expect(levelOf(f, 74.99)).toBe('C')
    expect(levelOf(f, 75)).toBe('B')
    expect(levelOf(f, 49.99)).toBe('F')
    expect(levelOf(f, 100)).toBe('AA')
    expect(levelOf(f, 0)).toBe('F')
  })

  it('rates at every rating boundary', () => {
    expect(ratingOf(f, 95, all(95))).toBe('excellent')
    expect(ratingOf(f, 95, { iit: 95, eit: 94.99, oit: 100 })).toBe('good')
    expect(ratingOf(f, 94.99, all(94.99))).toBe('good')
    expect(ratingOf(f, 85, all(85))).toBe('good')
    expect(ratingOf(f, 96.04, { iit: 99, eit: 84.99, oit: 100 })).toBe('pass') // total passes, one tool under 85
    expect(ratingOf(f, 84.99, all(84.99))).toBe('needs_improvement')
    expect(ratingOf(f, 70, all(70))).toBe('needs_improvement')
    expect(ratingOf(f, 69.99, all(69.99))).toBe('urgent_improvement')
    expect(ratingOf(f, 0, all(0))).toBe('urgent_improvement')
  })

  it('weights the tools 30/30/40', () => {
    expect(weightedTotal(f, { iit: 100, eit: 0, oit: 0 })).toBe(30)
    expect(weightedTotal(f, { iit: 0, eit: 100, oit: 0 })).toBe(30)
    expect(weightedTotal(f, { iit: 0, eit: 0, oit: 100 })).toBe(40)
    expect(weightedTotal(f, { iit: 90, eit: 80, oit: 70 })).toBe(79)
    expect(weightedTotal(f, { iit: 90, eit: null, oit: 70 })).toBeNull()
  })
})

describe('the demo agency FY2566 (the seed report)', () => {
  it('gets tool scores, total, level and rating from its 10 indicator scores', async () => {
    const f = (await loadBuiltInFramework(2566))!
    const scores = { 1: 93.59, 2: 75.23, 3: 88.15, 4: 79.8, 5: 81.65, 6: 95.64, 7: 92.38, 8: 87.99, 9: 90, 10: 71.25 }
    const tools = toolScores(f, scores)
    expect(tools).toEqual({ iit: 83.68, eit: 92, oit: 80.63 })
    const r = assess(f, scores)
    expect(r.total).toBe(round2(0.3 * 83.68 + 0.3 * 92 + 0.4 * 80.63))
    expect(r.level).toBe('B')
    expect(r.rating).toBe('needs_improvement')
    expect(r.passed).toBe(false)
    expect(indicatorsBelow(f, scores).map((i) => i.number)).toEqual([10, 2, 4, 5])
  })

  it('computes OIT indicators from item answers and year-over-year changes', async () => {
    const f = (await loadBuiltInFramework(2566))!
    const answers = Object.fromEntries(f.oitItems.map((i) => [i.code, i.code !== 'O1' && i.code !== 'O42']))
    const oit = oitIndicatorScores(f, answers)
    expect(oit[9]).toBe(98) // 9.1 has 9 of 10 → 90; mean(90,100,100,100,100)
    expect(oit[10]).toBe(round2((100 + 50) / 2))
    expect(yearOverYear({ 1: 93.59, 2: 75.23 }, { 1: 90, 3: 80 })).toEqual([
      { number: 1, current: 93.59, previous: 90, change: 3.59 },
      { number: 2, current: 75.23, previous: null, change: null },
      { number: 3, current: null, previous: 80, change: null },
    ])
  })
})
