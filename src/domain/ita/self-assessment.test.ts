import { describe, expect, it } from 'vitest'
import { loadFramework } from './framework.load.js'
import { bankQuestions, predictIndicators, weakestItems, type BankSheet } from './self-assessment.js'

// The prediction against the formula written out in src/modules/self-assessment/README.md (NACC
// publishes no worked example of IIT aggregation; see ../shared/ita-framework.md), computed by hand
// on the 2567 bank: indicator 1 is i1 (two sub-items, 0/33/67/100), i2, i3 (three sub-items), i4–i6
// (three sub-items each, yes/no where มี = 0 and ไม่มี = 100).
describe('IIT prediction (domain)', () => {
  it('asks one question per item without sub-items and one per sub-item otherwise', async () => {
    const fw = await loadFramework(2567)
    const qs = bankQuestions(fw, 'iit')
    expect(qs.filter((q) => q.code === 'i1').map((q) => q.sub)).toEqual([0, 1])
    expect(qs.filter((q) => q.code === 'i2').map((q) => q.sub)).toEqual([null])
    expect(qs).toHaveLength(fw.questionItems.filter((q) => q.tool === 'iit').reduce((n, q) => n + Math.max(1, q.subItems.length), 0))
    expect(bankQuestions(fw, 'eit')).toEqual([]) // no EIT bank has been found for any year
  })

  it('equals the hand computation for two respondents on indicator 1', async () => {
    const fw = await loadFramework(2567)
    // Respondent A: i1 = มากที่สุด, มาก (100, 67); i2 = มาก (67); i3 all มากที่สุด (100); i4 = ไม่มี ×3 (100).
    // Respondent B: i1 = น้อย, น้อย (33, 33); i2 = น้อยที่สุด (0); i3 all มาก (67); i4 = มี ×3 (0).
    const a: BankSheet = { 'i1.0': 3, 'i1.1': 2, i2: 2, 'i3.0': 3, 'i3.1': 3, 'i3.2': 3, 'i4.0': 1, 'i4.1': 1, 'i4.2': 1 }
    const b: BankSheet = { 'i1.0': 1, 'i1.1': 1, i2: 0, 'i3.0': 2, 'i3.1': 2, 'i3.2': 2, 'i4.0': 0, 'i4.1': 0, 'i4.2': 0 }
    const [ind1] = predictIndicators(fw, 'iit', [a, b])
    // Items: i1 = (100+67+33+33)/4 = 58.25; i2 = (67+0)/2 = 33.5; i3 = (3·100+3·67)/6 = 83.5; i4 = (3·100+3·0)/6 = 50.
    expect(ind1!.items.map((i) => [i.code, i.score, i.answers])).toEqual([['i1', 58.25, 4], ['i2', 33.5, 2], ['i3', 83.5, 6], ['i4', 50, 6]])
    // Indicator = (58.25 + 33.5 + 83.5 + 50) / 4 = 56.3125 → 56.31.
    expect(ind1!.score).toBe(56.31)
    // Per respondent: A = (83.5 + 67 + 100 + 100)/4 = 87.625; B = (33 + 0 + 67 + 0)/4 = 25.
    // s = |87.625 − 25| / √2 = 44.2825…; margin = 1.96 · s / √2 = 61.37.
    expect(ind1!.respondents).toBe(2)
    expect(ind1!.margin).toBe(61.37)
    expect(weakestItems([ind1!], 2).map((i) => i.code)).toEqual(['i2', 'i4'])
  })

  it('reverses negative items and leaves out indicators nobody answered', async () => {
    const fw = await loadFramework(2567)
    // i9 is reversed (100/67/33/0): "มากที่สุด" of a bad thing scores 0.
    const p = predictIndicators(fw, 'iit', [{ i9: 3 }, { i9: 0 }])
    expect(p.map((x) => x.indicator)).toEqual([2])
    expect(p[0]!.items).toEqual([{ code: 'i9', indicator: 2, textTh: fw.questionItems.find((q) => q.code === 'i9')!.textTh, score: 50, answers: 2 }])
    expect(p[0]!.margin).toBe(98) // s = 70.71, 1.96 · 70.71 / √2 = 98
    expect(predictIndicators(fw, 'iit', [])).toEqual([])
  })
})
