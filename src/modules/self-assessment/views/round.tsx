import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { formatNumber } from '../../../platform/thai/index.js'
import { SMALL_COUNT } from '../../../platform/stats/suppress.js'
import { selfAssessmentT } from '../self-assessment.i18n.js'
import type { RoundView } from '../self-assessment.service.js'

const TARGET = 85

/** A round: progress, and — once the group is large enough — the estimated scores beside last year's, the weakest items. */
export const RoundPage = (p: { ctx: StaffPageCtx; base: string; ita: string; surveyHref: string; v: RoundView }) => {
  const L = p.ctx.lang
  const { round, fw } = p.v
  const digits = !!p.ctx.org.settings.thaiNumerals && L === 'th'
  const n = (x: number, d = 2) => formatNumber(x, { thaiDigits: digits, decimals: d })
  const title = selfAssessmentT(L, 'list.row', { year: round.fiscalYear, tool: round.tool.toUpperCase() })
  const nameOf = (i: number) => fw.indicators.find((x) => x.number === i)?.nameTh ?? String(i)
  const quote = (code: string, text: string, score: number) => selfAssessmentT('th', 'quote', { year: round.fiscalYear, code: code.toUpperCase(), text, score: n(score) })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: selfAssessmentT(L, 'list.title'), href: p.base }, { label: title, href: `${p.base}/${round.id}` }]}>
      <h1>{title}</h1>
      <p id="round-progress">{selfAssessmentT(L, 'round.progress', { n: p.v.responses, target: round.target })}</p>
      <p>
        <a href={p.surveyHref}>{selfAssessmentT(L, round.tool === 'iit' ? 'round.links' : 'round.qr')}</a>
      </p>
      <p class="notice" id="estimate-label">
        {selfAssessmentT(L, 'round.estimate')}
      </p>
      {p.v.suppressed ? (
        <p id="prediction-suppressed">{selfAssessmentT(L, 'round.suppressed', { min: SMALL_COUNT, n: p.v.responses })}</p>
      ) : (
        <>
          <TableWrap label={selfAssessmentT(L, 'round.table')}>
            <table id="predictions">
              <caption>{selfAssessmentT(L, 'round.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{selfAssessmentT(L, 'round.indicator')}</th>
                  <th scope="col" class="num">
                    {selfAssessmentT(L, 'round.estimated')}
                  </th>
                  <th scope="col" class="num">
                    {selfAssessmentT(L, 'round.previous', { year: round.fiscalYear - 1 })}
                  </th>
                  <th scope="col" class="num">
                    {selfAssessmentT(L, 'round.gap', { target: TARGET })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.v.predictions.map((x) => {
                  const prev = p.v.previous?.scores[x.indicator]
                  return (
                    <tr>
                      <th scope="row">{selfAssessmentT(L, 'round.indicatorName', { n: x.indicator, name: nameOf(x.indicator) })}</th>
                      <td class="num">
                        {n(x.score)}
                        {x.margin !== null && ` ± ${n(x.margin)}`}
                      </td>
                      <td class="num">{prev === undefined ? '–' : n(prev)}</td>
                      <td class="num">{x.score >= TARGET ? selfAssessmentT(L, 'round.reached') : n(TARGET - x.score)}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableWrap>
          <p class="muted">{selfAssessmentT(L, 'round.method', { n: p.v.responses })}</p>
          <h2>{selfAssessmentT(L, 'round.weakest')}</h2>
          <ol id="weakest">
            {p.v.weakest.map((w) => (
              <li>
                <strong>{w.code.toUpperCase()}</strong> {w.textTh} — {selfAssessmentT(L, 'round.itemScore', { score: n(w.score) })}{' '}
                {p.ctx.can('assessment.edit') && <a href={`${p.ita}/${round.fiscalYear}/plans/${w.indicator}?quote=${encodeURIComponent(quote(w.code, w.textTh, w.score))}`}>{selfAssessmentT(L, 'round.toPlan', { n: w.indicator })}</a>}
              </li>
            ))}
          </ol>
        </>
      )}
    </StaffLayout>
  )
}
