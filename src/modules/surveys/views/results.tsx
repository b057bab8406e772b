import type { OrgPageCtx, PageCtx, StaffPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout, StaffLayout } from '../../../platform/ui/layout.js'
import { SelectField, TableWrap } from '../../../platform/ui/fields.js'
import { formatNumber, formatThaiMonth } from '../../../platform/thai/index.js'
import { SMALL_COUNT } from '../../../platform/stats/suppress.js'
import { surveysT } from '../surveys.i18n.js'
import type { QuestionResult, ResultFilter, SurveyResults } from '../results.js'

const digits = (ctx: PageCtx) => !!(ctx as OrgPageCtx).org?.settings?.thaiNumerals && ctx.lang === 'th'
const num = (ctx: PageCtx, n: number, decimals = 0) => formatNumber(n, { thaiDigits: digits(ctx), decimals })
const pct = (ctx: PageCtx, part: number, whole: number) => (whole ? `${num(ctx, (part / whole) * 100, 1)}%` : '–')
const monthText = (ctx: PageCtx, m: string) => formatThaiMonth(`${m}-01`, { lang: ctx.lang, thaiDigits: digits(ctx) })

/** Horizontal bars of a distribution: an SVG with a title and a description; the same numbers are in the table after it. */
const Bars = (p: { id: string; title: string; labels: string[]; counts: number[] }) => {
  const total = p.counts.reduce((a, b) => a + b, 0) || 1
  const rowH = 26
  const w = 520
  const left = 170
  const h = p.counts.length * rowH + 8
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-labelledby={`${p.id}-t ${p.id}-d`} xmlns="http://www.w3.org/2000/svg">
        <title id={`${p.id}-t`}>{p.title}</title>
        <desc id={`${p.id}-d`}>{p.labels.map((l, i) => `${l}: ${p.counts[i]}`).join(', ')}</desc>
        {p.counts.map((n, i) => (
          <g>
            <text x={left - 6} y={i * rowH + 19} font-size="13" text-anchor="end" fill="#1b1f24">
              {p.labels[i]}
            </text>
            <rect x={left} y={i * rowH + 6} width={Math.max(1, ((w - left - 50) * n) / total)} height={rowH - 10} fill="#0b4f8a" />
            <text x={left + Math.max(1, ((w - left - 50) * n) / total) + 6} y={i * rowH + 19} font-size="13" fill="#1b1f24">
              {n}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  )
}

const QuestionBlock = (p: { ctx: PageCtx; r: QuestionResult; showTexts: boolean }) => {
  const L = p.ctx.lang
  const { q } = p.r
  const text = L === 'en' && q.textEn ? q.textEn : q.textTh
  const labels = q.kind === 'likert' ? (['5', '4', '3', '2', '1'] as const).map((v) => surveysT(L, `likert.${v}`)) : q.choices.map((c) => (L === 'en' && c.en ? c.en : c.th))
  const counts = q.kind === 'likert' ? [...p.r.dist].reverse() : p.r.dist
  const id = `q${q.position}`
  return (
    <section class="card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {q.position}. {text}
      </h3>
      <p>
        {surveysT(L, 'results.answered', { count: num(p.ctx, p.r.answered) })}
        {p.r.mean !== null && ` · ${surveysT(L, 'results.mean', { mean: num(p.ctx, p.r.mean, 2) })}`}
      </p>
      {(q.kind === 'likert' || q.kind === 'single' || q.kind === 'multi') && p.r.answered > 0 && (
        <>
          <Bars id={id} title={text} labels={labels} counts={counts} />
          <TableWrap label={text}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{surveysT(L, 'results.level')}</th>
                  <th scope="col" class="num">
                    {surveysT(L, 'results.count')}
                  </th>
                  <th scope="col" class="num">
                    {surveysT(L, 'results.pct')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {labels.map((l, i) => (
                  <tr>
                    <th scope="row">{l}</th>
                    <td class="num">{num(p.ctx, counts[i] ?? 0)}</td>
                    <td class="num">{pct(p.ctx, counts[i] ?? 0, p.r.answered)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      {p.showTexts && p.r.texts.length > 0 && (
        <ul class="texts">
          {p.r.texts.map((t) => (
            <li>{t}</li>
          ))}
        </ul>
      )}
      {!p.showTexts && (q.kind === 'short' || q.kind === 'long') && <p class="muted">{surveysT(L, 'results.textsHidden')}</p>}
    </section>
  )
}

/** The figures, shared by the staff and public pages. */
const ResultsBody = (p: { ctx: PageCtx; r: SurveyResults; filter: ResultFilter; action: string; showTexts: boolean; exportHref?: string }) => {
  const L = p.ctx.lang
  const r = p.r
  const values = { point: p.filter.pointId ?? '', month: p.filter.month ?? '' }
  const name = (id: string | null) => (id ? (r.points.find((x) => x.id === id)?.name ?? '') : surveysT(L, 'results.noPoint'))
  const shown = (n: number) => (n > 0 && n < SMALL_COUNT ? surveysT(L, 'results.fewer', { min: SMALL_COUNT }) : num(p.ctx, n))
  return (
    <>
      <p id="results-total">{surveysT(L, 'results.total', { count: num(p.ctx, r.total) })}{r.paper > 0 && ` ${surveysT(L, 'results.paper', { count: num(p.ctx, r.paper) })}`}</p>
      <form method="get" action={p.action} class="search-form">
        {r.points.length > 0 && <SelectField name="point" label={surveysT(L, 'results.byPoint')} values={values} placeholder={surveysT(L, 'results.allPoints')} options={r.points.map((x) => ({ value: x.id, label: x.name }))} />}
        <SelectField name="month" label={surveysT(L, 'results.month')} values={values} placeholder={surveysT(L, 'results.allMonths')} options={r.byMonth.map((m) => ({ value: m.month, label: monthText(p.ctx, m.month) }))} />
        <button type="submit" class="secondary">
          {surveysT(L, 'list.filter')}
        </button>
      </form>
      {p.exportHref && (
        <p>
          <a href={p.exportHref}>{surveysT(L, 'results.xlsx')}</a>
        </p>
      )}
      {r.byPoint.length > 1 && (
        <TableWrap label={surveysT(L, 'results.byPoint')}>
          <table id="by-point">
            <caption>{surveysT(L, 'results.byPoint')}</caption>
            <thead>
              <tr>
                <th scope="col">{surveysT(L, 'results.point')}</th>
                <th scope="col" class="num">
                  {surveysT(L, 'results.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.byPoint.map((b) => (
                <tr>
                  <th scope="row">{name(b.pointId)}</th>
                  <td class="num">{shown(b.n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {r.suppressed ? (
        <p id="results-suppressed">{surveysT(L, 'results.suppressed', { min: SMALL_COUNT })}</p>
      ) : (
        r.questions.map((x) => <QuestionBlock ctx={p.ctx} r={x} showTexts={p.showTexts} />)
      )}
    </>
  )
}

export const StaffResultsPage = (p: { ctx: StaffPageCtx; base: string; r: SurveyResults; filter: ResultFilter }) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.r.s.id}`
  const title = surveysT(L, 'results.title', { title: p.r.s.title })
  const qs = new URLSearchParams()
  if (p.filter.pointId) qs.set('point', p.filter.pointId)
  if (p.filter.month) qs.set('month', p.filter.month)
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: surveysT(L, 'list.title'), href: p.base }, { label: p.r.s.title, href: here }, { label: surveysT(L, 'detail.results'), href: `${here}/results` }]}>
      <h1>{title}</h1>
      <ResultsBody ctx={p.ctx} r={p.r} filter={p.filter} action={`${here}/results`} showTexts={p.ctx.can('surveys.comments')} exportHref={`${here}/results.xlsx${qs.size ? `?${qs}` : ''}`} />
    </StaffLayout>
  )
}

export const PublicResultsPage = (p: { ctx: OrgPageCtx; r: SurveyResults; filter: ResultFilter }) => {
  const L = p.ctx.lang
  const title = surveysT(L, 'results.title', { title: p.r.s.title })
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <p class="muted">{surveysT(L, 'results.publicNote', { year: p.r.s.fiscalYear, min: SMALL_COUNT })}</p>
      <ResultsBody ctx={p.ctx} r={p.r} filter={p.filter} action={`/o/${p.ctx.org.slug}/surveys/${p.r.s.id}/results`} showTexts={false} />
    </PublicLayout>
  )
}
