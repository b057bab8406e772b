import type { Answer, Attendee, Evaluation } from './trainings.schema.js'
import { EVALUATION_ITEMS, type EvaluationItem } from './rules.js'
import { attendanceFigures, type Figures } from './attendance.js'

// The figures of the training report, from the records (pure): attendance %, the pre- and post-test
// averages and the improvement, the evaluation averages. Percentages are exact (rounded only when shown).

export type PhaseFigures = { takers: number; averageScore: number | null; averagePercent: number | null; total: number | null }
export type EvaluationFigures = { respondents: number; items: { item: EvaluationItem; average: number | null }[]; overall: number | null; comments: string[] }
export type ReportFigures = {
  attendance: Figures
  pre: PhaseFigures
  post: PhaseFigures
  /** Post-test average minus pre-test average, in percentage points of the questions. */
  improvement: number | null
  /** Attendees who took both tests, and how many of them scored higher after. */
  paired: number
  improved: number
  evaluation: EvaluationFigures
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

function phase(list: Pick<Answer, 'score' | 'total'>[]): PhaseFigures {
  const totals = [...new Set(list.map((a) => a.total))]
  return { takers: list.length, averageScore: mean(list.map((a) => a.score)), averagePercent: mean(list.map((a) => (a.score * 100) / a.total)), total: totals.length === 1 ? totals[0]! : null }
}

export function reportFigures(attendees: Pick<Attendee, 'id' | 'status' | 'kind'>[], answers: Pick<Answer, 'attendeeId' | 'phase' | 'score' | 'total'>[], evaluations: Pick<Evaluation, 'ratings' | 'comment'>[]): ReportFigures {
  const pre = answers.filter((a) => a.phase === 'pre')
  const post = answers.filter((a) => a.phase === 'post')
  const preOf = new Map(pre.map((a) => [a.attendeeId, a]))
  const pairs = post.filter((a) => preOf.has(a.attendeeId)).map((a) => [preOf.get(a.attendeeId)!, a] as const)
  const p = phase(pre)
  const q = phase(post)
  return {
    attendance: attendanceFigures(attendees),
    pre: p,
    post: q,
    improvement: p.averagePercent !== null && q.averagePercent !== null ? q.averagePercent - p.averagePercent : null,
    paired: pairs.length,
    improved: pairs.filter(([b, a]) => a.score * b.total > b.score * a.total).length,
    evaluation: {
      respondents: evaluations.length,
      items: EVALUATION_ITEMS.map((item, i) => ({ item, average: mean(evaluations.map((e) => e.ratings[i]!)) })),
      overall: mean(evaluations.flatMap((e) => e.ratings)),
      comments: evaluations.map((e) => e.comment.trim()).filter(Boolean),
    },
  }
}
