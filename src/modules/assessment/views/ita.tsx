import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextField } from '../../../platform/ui/fields.js'
import type { FormErrors, FormValues } from '../../../platform/http/forms.js'
import { fmtScore } from '../../../domain/ita/format.js'
import { at } from '../assessment.i18n.js'
import type { AssessmentView } from '../assessment-view.js'

/** "เปิดปีงบประมาณ" refused: the typed text, its message and the years that make sense. */
export type OpenYearFailure = { values: FormValues; errors: FormErrors; suggest: number[] }

/** The ITA area: the years to open, and a field to open any other (validated; refused with 422). */
export const ItaHomePage = ({ ctx, ita, years, range, open }: { ctx: StaffPageCtx; ita: string; years: number[]; range: { min: number; max: number }; open?: OpenYearFailure | undefined }) => {
  const lang = ctx.lang
  return (
    <StaffLayout ctx={ctx} title={at(lang, 'ita.title')}>
      <h1>{at(lang, 'ita.title')}</h1>
      <ErrorSummary ctx={ctx} errors={open?.errors} />
      <h2>{at(lang, 'ita.years')}</h2>
      <ul class="cards">
        {years.map((y) => (
          <li class="card">
            <a href={`${ita}/${y}`}>{at(lang, 'ita.year', { year: y })}</a>
          </li>
        ))}
      </ul>
      <form method="get" action={ita} novalidate>
        <TextField name="fy" label={at(lang, 'ita.open')} hint={at(lang, 'ita.openHint', { min: range.min, max: range.max, example: years[1] ?? range.max })} inputmode="numeric" values={open?.values ?? { fy: '' }} errors={open?.errors} />
        {open && open.suggest.length > 0 && (
          <nav aria-labelledby="open-suggest">
            <p id="open-suggest">{at(lang, 'ita.openSuggest')}</p>
            <ul class="cards">
              {open.suggest.map((y) => (
                <li class="card">
                  <a href={`${ita}/${y}`}>{at(lang, 'ita.year', { year: y })}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
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
