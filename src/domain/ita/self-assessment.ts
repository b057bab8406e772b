import type { Framework, QuestionItem } from './framework.schema.js'

// Predicted IIT/EIT indicator scores from an agency's own sample of answers, with the year's
// question bank and its answer scores (data, per year). NACC's aggregation is not published (see
// ../shared/ita-framework.md §"IIT and EIT"); this follows the working assumption written there:
//   answer score  = the item's (or sub-item's) score for the chosen answer (0/33/67/100, reversed, 0/100)
//   item score    = the mean over every respondent and sub-item answered
//   indicator     = the mean of its items' scores
// The margin of error is 1.96 × s / √n over the respondents' own indicator scores (the mean of
// their item scores), n being the respondents who answered any item of the indicator.

/** One question of the bank as asked: the item, and which sub-item (null when the item has none). */
export type AskedQuestion = { code: string; sub: number | null }
/** One respondent: question key (`code` or `code.sub`) → the index of the answer chosen on the scale. */
export type BankSheet = Readonly<Record<string, number>>

export const questionKey = (q: AskedQuestion) => (q.sub === null ? q.code : `${q.code}.${q.sub}`)

/** The questions a tool's bank asks, in order: one per item without sub-items, else one per sub-item. */
export function bankQuestions(fw: Framework, tool: 'iit' | 'eit'): (AskedQuestion & { item: QuestionItem })[] {
  return fw.questionItems.filter((q) => q.tool === tool).flatMap((item): (AskedQuestion & { item: QuestionItem })[] => (item.subItems.length ? item.subItems.map((_, sub) => ({ code: item.code, sub, item })) : [{ code: item.code, sub: null, item }]))
}

const scoreOf = (item: QuestionItem, sub: number | null, answer: number): number | undefined => (sub !== null ? (item.subItems[sub]?.answerScores ?? item.answerScores) : item.answerScores)[answer]

export type ItemPrediction = { code: string; indicator: number; textTh: string; score: number; answers: number }
export type IndicatorPrediction = { indicator: number; score: number; respondents: number; margin: number | null; items: ItemPrediction[] }

const round2 = (x: number) => Math.round(x * 100) / 100

/** Predicted scores per indicator of the tool, from the sheets (pure). Indicators nobody answered are left out. */
export function predictIndicators(fw: Framework, tool: 'iit' | 'eit', sheets: readonly BankSheet[]): IndicatorPrediction[] {
  const questions = bankQuestions(fw, tool)
  const items = fw.questionItems.filter((q) => q.tool === tool)
  const out: IndicatorPrediction[] = []
  for (const n of [...new Set(items.map((i) => i.indicator))].sort((a, b) => a - b)) {
    const its = items.filter((i) => i.indicator === n)
    const itemResults: ItemPrediction[] = []
    const perRespondent: number[] = []
    for (const item of its) {
      let sum = 0
      let count = 0
      for (const s of sheets)
        for (const q of questions.filter((x) => x.code === item.code)) {
          const a = s[questionKey(q)]
          const v = a === undefined ? undefined : scoreOf(item, q.sub, a)
          if (v !== undefined) {
            sum += v
            count++
          }
        }
      if (count) itemResults.push({ code: item.code, indicator: n, textTh: item.textTh, score: sum / count, answers: count })
    }
    if (!itemResults.length) continue
    for (const s of sheets) {
      const mine: number[] = []
      for (const item of its) {
        const vs = questions
          .filter((x) => x.code === item.code)
          .map((q) => (s[questionKey(q)] === undefined ? undefined : scoreOf(item, q.sub, s[questionKey(q)]!)))
          .filter((v): v is number => v !== undefined)
        if (vs.length) mine.push(vs.reduce((a, b) => a + b, 0) / vs.length)
      }
      if (mine.length) perRespondent.push(mine.reduce((a, b) => a + b, 0) / mine.length)
    }
    const score = itemResults.reduce((a, i) => a + i.score, 0) / itemResults.length
    const k = perRespondent.length
    const mean = perRespondent.reduce((a, b) => a + b, 0) / (k || 1)
    const sd = k > 1 ? Math.sqrt(perRespondent.reduce((a, v) => a + (v - mean) ** 2, 0) / (k - 1)) : null
    out.push({ indicator: n, score: round2(score), respondents: k, margin: sd === null ? null : round2((1.96 * sd) / Math.sqrt(k)), items: itemResults.map((i) => ({ ...i, score: round2(i.score) })) })
  }
  return out
}

/** The weakest items of a prediction, lowest first. */
export const weakestItems = (p: readonly IndicatorPrediction[], count = 3): ItemPrediction[] => p.flatMap((i) => i.items).sort((a, b) => a.score - b.score || a.code.localeCompare(b.code, 'en', { numeric: true })).slice(0, count)
