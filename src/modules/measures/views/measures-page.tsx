import type { FormState } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, TextArea, TextField } from '../../../platform/ui/fields.js'
import type { Framework } from '../../assessment/index.js'
import { mt } from '../measures.i18n.js'
import { pt } from '../progress.i18n.js'
import type { ReportSettings } from '../measures.schema.js'
import type { MeasureView } from '../measures.service.js'
import { LIMITS, NEW_MEASURE, settingsValues } from '../measures.forms.js'
import { MeasureFields, type UnitOption } from './measure-fields.js'
import type { IndicatorGap } from '../../reports/index.js'

/** The report would print these indicators with empty cells: said before anyone publishes it. */
const ReportGaps = ({ ctx, ita, year, gaps }: { ctx: StaffPageCtx; ita: string; year: number; gaps: IndicatorGap[] }) => (
  <div class="notice" role="note" id="report-gaps">
    <p>{mt(ctx.lang, 'm.reportGaps', { year })}</p>
    <ul>
      {gaps.map((g) => (
        <li>{`ตัวชี้วัดที่ ${g.number} ${g.name}: ${g.missing.join(', ')}`}</li>
      ))}
    </ul>
    <p>
      <a href={`${ita}/${year}/plans`}>{mt(ctx.lang, 'm.reportGapsLink')}</a>
    </p>
  </div>
)

/** Which form of the year page is shown again with its values and errors. */
export type YearForms = { create?: FormState; move?: FormState; copy?: FormState; settings?: FormState }

type Props = { ctx: StaffPageCtx; ita: string; year: number; measures: MeasureView[]; units: UnitOption[]; fw: Framework | undefined; settings: ReportSettings | undefined; gaps?: IndicatorGap[]; forms?: YearForms }

/** A year's measures: the ordered list, the add form, "start next year" and the report details. */
export const MeasuresPage = ({ ctx, ita, year, measures, units, fw, settings, gaps = [], forms = {} }: Props) => {
  const L = ctx.lang
  const canEdit = ctx.can('measure.edit')
  return (
    <StaffLayout ctx={ctx} title={mt(L, 'm.title', { year })}>
      <p>
        <a href={`${ita}/${year}`}>{`← ${year}`}</a>
      </p>
      <h1>{mt(L, 'm.title', { year })}</h1>
      <p>
        <a href={`${ita}/${year}/progress`}>{pt(L, 'p.link')}</a>
      </p>
      {gaps.length > 0 && <ReportGaps ctx={ctx} ita={ita} year={year} gaps={gaps} />}
      {/* The move forms have no visible field: their errors are about the whole form. */}
      <ErrorSummary ctx={ctx} errors={forms.move?.errors && { _form: Object.values(forms.move.errors).join(' ') }} />
      {measures.length === 0 ? <p>{mt(L, 'm.empty')}</p> : <MeasureTable ctx={ctx} ita={ita} measures={measures} canEdit={canEdit} />}
      {canEdit && (
        <>
          <h2 id="add">{mt(L, 'm.add')}</h2>
          <ErrorSummary ctx={ctx} errors={forms.create?.errors} />
          <form method="post" action={`${ita}/${year}/measures`} novalidate>
            <CsrfField ctx={ctx} />
            <MeasureFields ctx={ctx} year={year} fw={fw} units={units} values={forms.create?.values ?? NEW_MEASURE} errors={forms.create?.errors} />
            <button type="submit">{mt(L, 'm.add')}</button>
          </form>
          <h2 id="copy">{mt(L, 'm.copy')}</h2>
          <ErrorSummary ctx={ctx} errors={forms.copy?.errors} />
          <form method="post" action={`${ita}/${year}/copy`}>
            <CsrfField ctx={ctx} />
            <p>{mt(L, 'm.copyHint', { to: year + 1 })}</p>
            <button type="submit" class="secondary">
              {mt(L, 'm.copy')} ({year + 1})
            </button>
          </form>
          <p>
            <a href={`${ita}/import`}>{mt(L, 'i.title')}</a>
          </p>
        </>
      )}
      {ctx.can('report.generate') && <SettingsForm ctx={ctx} action={`${ita}/${year}/report-settings`} settings={settings} state={forms.settings} />}
    </StaffLayout>
  )
}

const MeasureTable = ({ ctx, ita, measures, canEdit }: { ctx: StaffPageCtx; ita: string; measures: MeasureView[]; canEdit: boolean }) => {
  const L = ctx.lang
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{mt(L, 'm.order')}</th>
            <th scope="col">{mt(L, 'm.name')}</th>
            <th scope="col">{mt(L, 'm.progress')}</th>
            <th scope="col">{mt(L, 'm.status')}</th>
            {canEdit && (
              <th scope="col">
                <span class="visually-hidden">{mt(L, 'm.order')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {measures.map((m, i) => (
            <tr>
              <td>{i + 1}</td>
              <td>
                <a href={`${ita}/measures/${m.id}`}>{m.title}</a>
              </td>
              <td>
                {m.progress === null ? (
                  '–'
                ) : (
                  <meter min={0} max={100} value={m.progress} aria-label={`${mt(L, 'm.progress')} ${m.progress}%`}>
                    {m.progress}%
                  </meter>
                )}{' '}
                {m.progress !== null && `${m.progress}%`}
              </td>
              <td>{m.status === 'approved' ? mt(L, 'm.approved') : mt(L, 'm.draft')}</td>
              {canEdit && (
                <td>
                  {(['up', 'down'] as const).map((d) => (
                    <form method="post" action={`${ita}/measures/${m.id}/move`} class="inline-form">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="direction" value={d} />
                      <button type="submit" class="link">
                        {mt(L, d === 'up' ? 'm.moveUp' : 'm.moveDown')}
                        <span class="visually-hidden"> {m.title}</span>
                      </button>
                    </form>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const SettingsForm = ({ ctx, action, settings, state }: { ctx: StaffPageCtx; action: string; settings: ReportSettings | undefined; state: FormState | undefined }) => {
  const L = ctx.lang
  const v = state?.values ?? settingsValues(settings)
  const e = state?.errors
  return (
    <>
      <h2 id="report">{mt(L, 'm.report')}</h2>
      <ErrorSummary ctx={ctx} errors={e} />
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <TextArea name="introduction" label={mt(L, 'm.intro')} values={v} errors={e} rows={4} lang={L} max={LIMITS.list} />
        <TextField name="reporterName" label={mt(L, 'm.reporterName')} values={v} errors={e} lang={L} max={LIMITS.settingsName} />
        <TextField name="reporterPosition" label={mt(L, 'm.reporterPosition')} values={v} errors={e} lang={L} max={LIMITS.settingsName} />
        <TextField name="executiveName" label={mt(L, 'm.executiveName')} values={v} errors={e} lang={L} max={LIMITS.settingsName} />
        <TextField name="executivePosition" label={mt(L, 'm.executivePosition')} values={v} errors={e} lang={L} max={LIMITS.settingsName} />
        <button type="submit" class="secondary">
          {mt(L, 'm.report')}
        </button>
      </form>
    </>
  )
}
