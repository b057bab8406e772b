import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { TextField } from '../../../platform/ui/fields.js'
import { fmtScore } from '../../../domain/ita/format.js'
import { at } from '../assessment.i18n.js'
import type { AssessmentView } from '../assessment-view.js'

/** The ITA area: the years to open, and a field to open any other. */
export const ItaHomePage = ({ ctx, ita, years }: { ctx: StaffPageCtx; ita: string; years: number[] }) => {
  const lang = ctx.lang
  return (
    <StaffLayout ctx={ctx} title={at(lang, 'ita.title')}>
      <h1>{at(lang, 'ita.title')}</h1>
      <h2>{at(lang, 'ita.years')}</h2>
      <ul class="cards">
        {years.map((y) => (
          <li class="card">
            <a href={`${ita}/${y}`}>{at(lang, 'ita.year', { year: y })}</a>
          </li>
        ))}
      </ul>
      <form method="get" action={ita}>
        <TextField name="fy" label={at(lang, 'ita.open')} inputmode="numeric" values={{ fy: '' }} />
        <button type="submit" class="secondary">
          {at(lang, 'ita.open')}
        </button>
      </form>
    </StaffLayout>
  )
}

/** One year: its result when complete, its pages and its published documents. `view` is null without a framework. */
export const YearPage = ({ ctx, ita, year, view, publicBase }: { ctx: StaffPageCtx; ita: string; year: number; view: AssessmentView | null; publicBase: string }) => {
  const lang = ctx.lang
  const pub = `${publicBase}/${year}`
  return (
    <StaffLayout ctx={ctx} title={at(lang, 'ita.year', { year })}>
      <p>
        <a href={ita}>{at(lang, 'ita.title')}</a>
      </p>
      <h1>{at(lang, 'ita.year', { year })}</h1>
      {!view ? (
        <p class="notice">{at(lang, 'ita.noFramework', { year })}</p>
      ) : view.result ? (
        <p>
          {at(lang, 'scores.total')}: <strong>{fmtScore(view.result.total)}</strong> · {at(lang, 'scores.level')} {view.result.level.level}
          {view.result.rating && ` · ${view.result.rating.labelTh}`}
        </p>
      ) : null}
      <p>
        <a href={`${ita}/${year}/progress`} id="progress-link">
          <strong>{at(lang, 'ita.progress')}</strong>
        </a>
      </p>
      <ul class="cards">
        <li class="card">
          <a href={`${ita}/${year}/scores`}>{at(lang, 'ita.scores')}</a>
        </li>
        <li class="card">
          <a href={`${ita}/${year}/plans`}>{at(lang, 'ita.plans')}</a>
        </li>
        <li class="card">
          <a href={`${ita}/${year}/measures`}>{at(lang, 'ita.measures')}</a>
        </li>
      </ul>
      <h2>{at(lang, 'ita.documents')}</h2>
      <ul>
        <li>
          <a href={`${pub}/measures-report.html`}>{at(lang, 'ita.docReport')}</a> · <a href={`${pub}/measures-report.docx`}>DOCX</a> · <a href={`${pub}/measures-report.pdf`}>PDF</a>
        </li>
        <li>
          <a href={`${pub}/measures-plan.html`}>{at(lang, 'ita.docPlan')}</a>
        </li>
        <li>
          <a href={`${pub}/assessment-analysis.html`}>{at(lang, 'ita.docAnalysis')}</a>
        </li>
      </ul>
    </StaffLayout>
  )
}
