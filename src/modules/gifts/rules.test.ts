import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fiscalHalfOf, fiscalHalfRange } from '../../platform/thai/index.js'
import { assessGift, giftRuleFor, parseGiftRule, reportDueOn, respondentKinds, roundDueDates, shippedRuleYears } from './rules.js'
import { halfHasBegun } from './returns.js'

describe('gifts: the rule as data per fiscal year', () => {
  it('loads every shipped rule file, each stating its own year, sources and that no clause is confirmed by a primary text', () => {
    const years = shippedRuleYears()
    expect(years).toEqual([2566, 2567, 2568, 2569, 2570])
    for (const y of years) {
      const r = giftRuleFor(y)!
      expect(r.fiscalYear).toBe(y)
      expect(r.limitNonRelative.baht).toBe('3000.00')
      // The Royal Gazette text was not found: nothing may claim to be verified or primary.
      for (const clause of [r.basis, r.limitNonRelative, r.limitScope, r.relatives, r.generalGiving, r.reportOverLimit, r.respondents, r.rounds]) {
        expect(clause.verified).toBe(false)
        expect(clause.confidence).not.toBe('H')
      }
      expect(r.limitNonRelative.sources.length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['2999.99', 'within'],
    ['3000', 'within'],
    ['3000.00', 'within'],
    ['3000.01', 'over'],
    [3000.01, 'over'],
    ['๓,๐๐๐.๐๑'.replace(',', ''), 'over'],
  ] as const)('a non-relative’s gift of %s baht is %s', (value, expected) => {
    expect(assessGift({ fiscalYear: 2566, relation: 'public', generalGiving: false, value }).assessment).toBe(expected)
    expect(assessGift({ fiscalYear: 2566, relation: 'stakeholder', generalGiving: false, value }).assessment).toBe(expected)
    expect(assessGift({ fiscalYear: 2566, relation: 'juristic', generalGiving: false, value }).assessment).toBe(expected)
  })

  it('a relative’s gift is allowed at any value; general giving is allowed; the limit is per giver per occasion', () => {
    expect(assessGift({ fiscalYear: 2566, relation: 'relative', generalGiving: false, value: '3000.01' }).assessment).toBe('relative')
    expect(assessGift({ fiscalYear: 2566, relation: 'relative', generalGiving: false, value: '50000' }).assessment).toBe('relative')
    expect(assessGift({ fiscalYear: 2566, relation: 'juristic', generalGiving: true, value: '3500' }).assessment).toBe('general')
    // Two gifts of one giver on one occasion add up: 2,000 + 1,000 is within, 2,000 + 1,000.01 is over.
    expect(assessGift({ fiscalYear: 2566, relation: 'public', generalGiving: false, value: '2000', sameOccasionOthers: ['1000'] }).assessment).toBe('within')
    expect(assessGift({ fiscalYear: 2566, relation: 'public', generalGiving: false, value: '2000', sameOccasionOthers: ['1000.01'] }).assessment).toBe('over')
    expect(assessGift({ fiscalYear: 2566, relation: 'public', generalGiving: false, value: '2000', sameOccasionOthers: ['1000.01'] }).totalSatang).toBe(300001n)
  })

  it('a year without a rule file answers "no rule" instead of guessing, and has no due dates', () => {
    expect(giftRuleFor(2565)).toBeNull()
    expect(giftRuleFor(2575)).toBeNull()
    const j = assessGift({ fiscalYear: 2565, relation: 'public', generalGiving: false, value: '999999' })
    expect(j).toMatchObject({ assessment: 'no_rule', limit: null, rule: null })
    expect(reportDueOn('2022-01-10', 2565)).toBeNull()
    expect(roundDueDates(2565, 1)).toBeNull()
    // Who is asked for nil returns still has an answer (the nearest shipped year's practice).
    expect(respondentKinds(2565)).toEqual(giftRuleFor(2566)!.respondents.kinds)
    expect(respondentKinds(2575)).toEqual(giftRuleFor(2570)!.respondents.kinds)
    expect(respondentKinds(2566)).not.toContain('council_member')
  })

  it('the 30-day report and the round due dates come from the file', () => {
    expect(reportDueOn('2023-01-03', 2566)).toBe('2023-02-02')
    expect(reportDueOn('2023-09-20', 2566)).toBe('2023-10-20')
    expect(roundDueDates(2566, 1)).toEqual({ nilReturns: '2023-04-15', report: '2023-04-30' })
    expect(roundDueDates(2566, 2)).toEqual({ nilReturns: '2023-10-15', report: '2023-10-30' })
  })

  it('half-years turn at 31 Mar / 1 Apr and 30 Sep / 1 Oct, in Bangkok time', () => {
    expect(fiscalHalfOf('2023-03-31')).toEqual({ fiscalYear: 2566, half: 1 })
    expect(fiscalHalfOf('2023-04-01')).toEqual({ fiscalYear: 2566, half: 2 })
    expect(fiscalHalfOf('2023-09-30')).toEqual({ fiscalYear: 2566, half: 2 })
    expect(fiscalHalfOf('2023-10-01')).toEqual({ fiscalYear: 2567, half: 1 })
    // 31 Mar 23:30 UTC is already 1 Apr 06:30 in Bangkok; 30 Sep 16:59 UTC is still 30 Sep 23:59 there.
    expect(fiscalHalfOf(new Date('2023-03-31T23:30:00Z'))).toEqual({ fiscalYear: 2566, half: 2 })
    expect(fiscalHalfOf(new Date('2023-03-31T16:59:00Z'))).toEqual({ fiscalYear: 2566, half: 1 })
    expect(fiscalHalfOf(new Date('2023-09-30T16:59:00Z'))).toEqual({ fiscalYear: 2566, half: 2 })
    expect(fiscalHalfOf(new Date('2023-09-30T17:00:00Z'))).toEqual({ fiscalYear: 2567, half: 1 })
    expect(fiscalHalfRange(2566, 1)).toEqual({ start: '2022-10-01', end: '2023-03-31' })
  })

  it('every *.json in rules/ is a shipped year and loads (none is skipped by the year scan)', () => {
    const files = readdirSync(new URL('./rules/', import.meta.url)).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThan(0)
    expect(files.map((f) => Number(f.replace('.json', ''))).sort()).toEqual(shippedRuleYears())
    for (const f of files) {
      const year = Number(f.replace('.json', ''))
      expect(parseGiftRule(readFileSync(new URL(`./rules/${f}`, import.meta.url), 'utf8'), year)).toEqual(giftRuleFor(year))
    }
  })

  it('a broken or mismatched rule file is a clear error naming the file and the field; a nonsense year is "no rule"', () => {
    const good = readFileSync(new URL('./rules/2566.json', import.meta.url), 'utf8')
    expect(() => parseGiftRule('{ not json', 2566)).toThrow(/^gifts rules\/2566\.json is not JSON/)
    expect(() => parseGiftRule(good, 2567)).toThrow('gifts rules/2567.json states fiscal year 2566')
    const bad = JSON.parse(good) as { limitNonRelative: { baht: string } }
    bad.limitNonRelative.baht = '3,000'
    expect(() => parseGiftRule(JSON.stringify(bad), 2566)).toThrow(/gifts rules\/2566\.json is not a valid rule file: limitNonRelative\.baht/)
    expect(() => parseGiftRule('{}', 2566)).toThrow(/fiscalYear/)
    for (const y of [Number.NaN, 2566.5, -1, 0, 99999]) {
      expect(giftRuleFor(y)).toBeNull()
      expect(assessGift({ fiscalYear: y, relation: 'public', generalGiving: false, value: '5000' }).assessment).toBe('no_rule')
    }
  })

  it.each([
    ['2999.99', 'within'],
    ['3000.00', 'within'],
    ['3000.01', 'over'],
  ] as const)('at %s baht a relative’s gift is allowed while a non-relative’s is %s (every shipped year)', (value, nonRelative) => {
    for (const fiscalYear of shippedRuleYears()) {
      expect(assessGift({ fiscalYear, relation: 'relative', generalGiving: false, value }).assessment).toBe('relative')
      for (const relation of ['public', 'stakeholder', 'juristic'] as const) expect(assessGift({ fiscalYear, relation, generalGiving: false, value }).assessment).toBe(nonRelative)
    }
  })

  it.each([
    [['1000.00', '999.99'], '999.99', 'within', 299998n],
    [['2000.00'], '1000.00', 'within', 300000n],
    [['1500.00', '1500.00'], '0.01', 'over', 300001n],
  ] as const)('per giver per occasion: %s already given plus %s is %s', (others, value, expected, total) => {
    const j = assessGift({ fiscalYear: 2566, relation: 'public', generalGiving: false, value, sameOccasionOthers: [...others] })
    expect([j.assessment, j.totalSatang]).toEqual([expected, total])
    // A relative's gifts add up too, but are never over a limit.
    expect(assessGift({ fiscalYear: 2566, relation: 'relative', generalGiving: false, value, sameOccasionOthers: [...others] }).assessment).toBe('relative')
  })

  it('a half can be answered from its first day in Bangkok: 1 Apr and 1 Oct', () => {
    expect(halfHasBegun(2566, 2, '2023-03-31')).toBe(false)
    expect(halfHasBegun(2566, 2, '2023-04-01')).toBe(true)
    expect(halfHasBegun(2567, 1, '2023-09-30')).toBe(false)
    expect(halfHasBegun(2567, 1, '2023-10-01')).toBe(true)
    expect(fiscalHalfRange(2566, 2)).toEqual({ start: '2023-04-01', end: '2023-09-30' })
    // 23:59 on 31 Mar in Bangkok is 16:59 UTC; the 30-day report of a gift that day is due on 30 Apr.
    expect(fiscalHalfOf(new Date('2023-03-31T16:59:59Z'))).toEqual({ fiscalYear: 2566, half: 1 })
    expect(reportDueOn('2023-03-31', 2566)).toBe('2023-04-30')
  })
})
