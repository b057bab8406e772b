import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { TableWrap } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import type { SessionResults } from '../answers.js'
import { FiguresBox, percentText } from './parts.js'

const two = (n: number | null) => (n === null ? '–' : n.toFixed(2))

/** The session's results: attendance, pre/post averages and the improvement, scores per person, the evaluation. */
export const ResultsPage = ({ ctx, base, r }: { ctx: StaffPageCtx; base: string; r: SessionResults }) => {
  const L = ctx.lang
  const title = trainingsT(L, 'results.title')
  const url = `${base}/${r.session.id}`
  const f = r.figures
  const scoreOf = (attendeeId: string, phase: 'pre' | 'post') => {
    const a = r.answers.find((x) => x.attendeeId === attendeeId && x.phase === phase)
    return a ? trainingsT(L, 'results.scoreOf', { score: a.score, total: a.total }) : '–'
  }
  const people = r.attendees.filter((a) => a.status === 'present' || r.answers.some((x) => x.attendeeId === a.id))
  const paper = ctx.can('trainings.edit') && r.session.status === 'published'
  const missing = (id: string) => {
    const has = (ph: 'pre' | 'post') => r.answers.some((x) => x.attendeeId === id && x.phase === ph)
    return [...(r.questions.length && !has('pre') && !has('post') ? (['pre'] as const) : []), ...(r.questions.length && !has('post') ? (['post'] as const) : []), ...(r.evaluations.some((e) => e.attendeeId === id) ? [] : (['eval'] as const))]
  }
  return (
    <StaffLayout ctx={ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: base }, { label: r.session.topic, href: url }, { label: title, href: `${url}/results` }]}>
      <h1>{title}</h1>
      <p>{r.session.topic}</p>
      <h2>{trainingsT(L, 'results.attendance')}</h2>
      <FiguresBox ctx={ctx} f={f.attendance} />
      <h2>{trainingsT(L, 'results.tests')}</h2>
      {f.pre.takers + f.post.takers === 0 && <p>{trainingsT(L, 'results.noTests')}</p>}
      {f.pre.takers + f.post.takers > 0 && (
        <>
          <TableWrap label={trainingsT(L, 'results.tests')}>
            <table>
              <thead>
                <tr>
                  <th scope="col"></th>
                  <th scope="col">{trainingsT(L, 'results.takers')}</th>
                  <th scope="col">{trainingsT(L, 'results.avgScore')}</th>
                  <th scope="col">{trainingsT(L, 'results.avgPercent')}</th>
                </tr>
              </thead>
              <tbody>
                {(['pre', 'post'] as const).map((ph) => (
                  <tr>
                    <th scope="row">{trainingsT(L, `results.${ph}`)}</th>
                    <td>{f[ph].takers}</td>
                    <td>
                      {two(f[ph].averageScore)}
                      {f[ph].total !== null && ` / ${f[ph].total}`}
                    </td>
                    <td>{percentText(f[ph].averagePercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {f.improvement !== null && (
            <p role="status">
              {trainingsT(L, 'results.improvement', { points: two(f.improvement), post: percentText(f.post.averagePercent), pre: percentText(f.pre.averagePercent) })} · {trainingsT(L, 'results.improved', { paired: f.paired, improved: f.improved })}
            </p>
          )}
        </>
      )}
      {people.length > 0 && (
        <>
          <h3>{trainingsT(L, 'results.perPerson')}</h3>
          <TableWrap label={trainingsT(L, 'results.perPerson')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{trainingsT(L, 'results.person')}</th>
                  <th scope="col">{trainingsT(L, 'results.pre')}</th>
                  <th scope="col">{trainingsT(L, 'results.post')}</th>
                  {paper && <th scope="col">{trainingsT(L, 'results.paper')}</th>}
                </tr>
              </thead>
              <tbody>
                {people.map((a) => (
                  <tr>
                    <td>{a.name}</td>
                    <td>{scoreOf(a.id, 'pre')}</td>
                    <td>{scoreOf(a.id, 'post')}</td>
                    {paper && (
                      <td>
                        {missing(a.id).map((form) => (
                          <>
                            <a href={`${url}/paper/${a.id}/${form}`}>
                              {trainingsT(L, `form.${form}`)}
                              <span class="visually-hidden"> {a.name}</span>
                            </a>{' '}
                          </>
                        ))}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <h2>{trainingsT(L, 'results.evaluation')}</h2>
      {f.evaluation.respondents === 0 ? (
        <p>{trainingsT(L, 'results.noEval')}</p>
      ) : (
        <>
          <p>{trainingsT(L, 'results.respondents', { count: f.evaluation.respondents })}</p>
          <TableWrap label={trainingsT(L, 'results.evaluation')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{trainingsT(L, 'results.statement')}</th>
                  <th scope="col">{trainingsT(L, 'results.average')}</th>
                </tr>
              </thead>
              <tbody>
                {f.evaluation.items.map((i) => (
                  <tr>
                    <td>{trainingsT(L, `eval.${i.item}`)}</td>
                    <td>{two(i.average)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{trainingsT(L, 'results.overall')}</th>
                  <td>{two(f.evaluation.overall)}</td>
                </tr>
              </tbody>
            </table>
          </TableWrap>
          {f.evaluation.comments.length > 0 && (
            <>
              <h3>{trainingsT(L, 'results.comments')}</h3>
              <ul>
                {f.evaluation.comments.map((c) => (
                  <li>{c}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </StaffLayout>
  )
}
