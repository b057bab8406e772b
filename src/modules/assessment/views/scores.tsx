import type { FormState, FormValues } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TextField } from '../../../platform/ui/fields.js'
import { ScoreChart } from '../../../platform/ui/chart.js'
import { fmtChange, fmtScore } from '../../../domain/ita/format.js'
import type { Framework } from '../../../domain/ita/framework.schema.js'
import { at } from '../assessment.i18n.js'
import type { AssessmentView } from '../assessment-view.js'
import { TOOLS, toolParts } from '../forms.js'
import { toolText } from '../scores.service.js'
import type { HistoryEntry } from '../score-imports.service.js'
import { ScoreHistory } from './score-import.js'

/** The import form's state: the field errors and, when the sheet was read, its row problems. */
export type ImportState = FormState & { rows?: string[] | undefined }

export type ScoresPageProps = {
  ctx: StaffPageCtx
  view: AssessmentView
  /** OIT indicator scores computed from the saved item answers. */
  fromAnswers: Record<number, number>
  /** The agency's staff ITA area (itaBase). */
  ita: string
  scoresForm?: FormState | undefined
  importForm?: ImportState | undefined
  /** The year's score changes, newest first. */
  history?: HistoryEntry[]
  /** The undo form that was refused. */
  undoForm?: FormState | undefined
}

const toolOrEmpty = (n: number | undefined) => (n === undefined ? '' : toolText(n))

/** The form's values from what is saved (the form opens filled in). */
function savedValues(view: AssessmentView): FormValues {
  const fw = view.framework.framework
  const answers = view.assessment?.oitAnswers ?? {}
  return Object.fromEntries([
    ...fw.indicators.map((i) => [`s${i.number}`, view.scores[i.number]?.toFixed(2) ?? '']),
    ...TOOLS.map((t) => [`tool_${t}`, toolOrEmpty(view.assessment?.toolScores[t])]),
    ...TOOLS.flatMap((t) => toolParts(fw, t).map((p) => [p.field, toolOrEmpty(view.assessment?.toolScores[p.code])])),
    ...fw.oitItems.map((o) => [`oit_${o.code}`, answers[o.code] === true ? 'yes' : answers[o.code] === false ? 'no' : '']),
  ])
}

const Summary = ({ ctx, view }: { ctx: StaffPageCtx; view: AssessmentView }) => {
  const lang = ctx.lang
  const fw = view.framework.framework
  const threshold = fw.passThreshold.score
  // A year without any score says so in a neutral style: "no indicator below 85" would read as good news.
  if (!Object.keys(view.scores).length) return <p class="empty-state" id="no-scores">{at(lang, 'scores.none')}</p>
  const weakest = [...fw.indicators].filter((i) => view.scores[i.number] !== undefined).sort((a, b) => view.scores[a.number]! - view.scores[b.number]!).slice(0, 3)
  return (
    <>
      {view.result ? (
        <dl class="cards">
          <div class="card">
            <dt>{at(lang, 'scores.total')}</dt>
            <dd id="total">{fmtScore(view.result.total)}</dd>
          </div>
          <div class="card">
            <dt>{at(lang, 'scores.level')}</dt>
            <dd id="level">{view.result.level.level}</dd>
          </div>
          <div class="card">
            <dt>{at(lang, 'scores.rating')}</dt>
            <dd id="rating">{view.result.rating?.labelTh ?? '–'}</dd>
          </div>
        </dl>
      ) : (
        <p class="empty-state">{at(lang, 'scores.incomplete', { list: view.missing.join(', ') })}</p>
      )}
      <h2>{at(lang, 'scores.below', { threshold })}</h2>
      {view.below.length ? (
        <ul id="below">
          {view.below.map((b) => (
            <li>
              <strong>
                {at(lang, 'plans.indicator', { n: b.indicator.number, name: b.indicator.nameTh })}: {fmtScore(b.score)}
              </strong>{' '}
              <span class="badge">{at(lang, 'scores.gap', { gap: b.gap.toFixed(2) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{at(lang, 'scores.belowNone', { threshold })}</p>
      )}
      {weakest.length > 0 && (
        <>
          <h2>{at(lang, 'scores.weakest')}</h2>
          <ol>
            {weakest.map((i) => (
              <li>
                {at(lang, 'plans.indicator', { n: i.number, name: i.nameTh })}: {fmtScore(view.scores[i.number])}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  )
}

const OitNotes = ({ ctx, fw, view, fromAnswers }: { ctx: StaffPageCtx; fw: Framework; view: AssessmentView; fromAnswers: Record<number, number> }) => {
  const lang = ctx.lang
  return (
    <>
      {Object.keys(fromAnswers).length > 0 && (
        <p class="muted">
          {at(lang, 'scores.fromAnswers')}:{' '}
          {Object.entries(fromAnswers)
            .map(([n, sc]) => `${at(lang, 'plans.indicator', { n, name: fw.indicators.find((i) => i.number === Number(n))?.nameTh ?? '' })} ${fmtScore(sc)}`)
            .join(' · ')}
        </p>
      )}
      {view.oitMissing.length > 0 && (
        <>
          <h3>{at(lang, 'scores.oitMissing')}</h3>
          <ul>
            {view.oitMissing.map((o) => (
              <li>
                {o.code} {o.titleTh ?? ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}

const ScoresTable = ({ ctx, view }: { ctx: StaffPageCtx; view: AssessmentView }) => {
  const lang = ctx.lang
  const fw = view.framework.framework
  const year = view.fiscalYear
  const threshold = fw.passThreshold.score
  return (
    <>
      <h2>{view.previous ? at(lang, 'scores.yoy', { year: year - 1 }) : at(lang, 'scores.tools')}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{at(lang, 'scores.title', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{at(lang, 'scores.indicator')}</th>
              {view.previous && <th scope="col">{at(lang, 'scores.previous', { year: year - 1 })}</th>}
              <th scope="col">{at(lang, 'scores.previous', { year })}</th>
              {view.previous && <th scope="col">{at(lang, 'scores.change')}</th>}
            </tr>
          </thead>
          <tbody>
            {fw.indicators.map((i) => {
              const ch = view.changes.find((c) => c.number === i.number)
              const s = view.scores[i.number]
              return (
                <tr>
                  <th scope="row">
                    {at(lang, 'plans.indicator', { n: i.number, name: i.nameTh })}
                    {ch?.definitionChanged && <span class="muted"> ({at(lang, 'scores.defChanged')})</span>}
                  </th>
                  {view.previous && <td>{fmtScore(ch?.previous)}</td>}
                  <td>
                    {s !== undefined && s < threshold ? <strong>{fmtScore(s)}</strong> : fmtScore(s)}
                    {s !== undefined && s < threshold && <span class="badge"> {at(lang, 'scores.belowBadge', { threshold })}</span>}
                  </td>
                  {view.previous && <td>{fmtChange(ch?.change ?? null)}</td>}
                </tr>
              )
            })}
          </tbody>
          <tbody>
            {TOOLS.map((t) => {
              const cur = view.result?.tools[t] ?? view.assessment?.toolScores[t] ?? null
              const prev = view.previous?.result?.tools[t] ?? null
              return (
                <tr class="tool-row">
                  <th scope="row">
                    {fw.tools[t].nameTh} ({t.toUpperCase()})
                  </th>
                  {view.previous && <td>{fmtScore(prev)}</td>}
                  <td>
                    {fmtScore(cur)}
                    {view.result && view.assessment?.toolScores[t] !== undefined && (
                      <span class="muted">
                        {' '}
                        ({at(lang, 'scores.toolEntered')}: {fmtScore(view.assessment.toolScores[t])})
                      </span>
                    )}
                  </td>
                  {view.previous && <td>{fmtChange(cur !== null && prev !== null ? cur - prev : null)}</td>}
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr class="total-row">
              <th scope="row">{at(lang, 'scores.total')}</th>
              {view.previous && <td>{fmtScore(view.previous.result?.total ?? null)}</td>}
              <td>
                <strong>{fmtScore(view.result?.total ?? null)}</strong>
              </td>
              {view.previous && <td>{fmtChange(view.result && view.previous.result ? view.result.total - view.previous.result.total : null)}</td>}
            </tr>
          </tfoot>
        </table>
      </div>
      {!view.previous && <p class="muted">{at(lang, 'scores.noPrevious', { year: year - 1 })}</p>}
    </>
  )
}

export const ScoresForm = ({ ctx, fw, action, values, errors }: { ctx: StaffPageCtx; fw: Framework; action: string } & Required<FormState>) => {
  const lang = ctx.lang
  return (
    <>
      <h2 id="form">{at(lang, 'scores.save')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        {fw.indicators.map((i) => (
          <TextField name={`s${i.number}`} label={at(lang, 'scores.scoreOf', { n: i.number, name: i.nameTh })} values={values} errors={errors} inputmode="text" hint={i.number === 1 ? at(lang, 'scores.hint') : ''} />
        ))}
        <fieldset class="field">
          <legend>{at(lang, 'scores.toolEntered')}</legend>
          {TOOLS.map((t) => (
            <>
              <TextField name={`tool_${t}`} label={`${fw.tools[t].nameTh} (${t.toUpperCase()})`} values={values} errors={errors} hint={t === 'iit' ? at(lang, 'scores.toolHint') : ''} />
              {toolParts(fw, t).map((p, i) => (
                <TextField name={p.field} label={p.nameTh} values={values} errors={errors} hint={i === 0 ? at(lang, 'scores.partHint', { tool: t.toUpperCase() }) : ''} />
              ))}
            </>
          ))}
        </fieldset>
        {fw.oitItems.length > 0 && (
          <details>
            <summary>{at(lang, 'scores.oit')}</summary>
            {fw.oitItems.map((o) => (
              <SelectField
                name={`oit_${o.code}`}
                label={`${o.code} ${o.titleTh ?? ''}`}
                values={values}
                options={[
                  { value: '', label: at(lang, 'scores.oitUnset') },
                  { value: 'yes', label: at(lang, 'scores.oitYes') },
                  { value: 'no', label: at(lang, 'scores.oitNo') },
                ]}
              />
            ))}
          </details>
        )}
        <button type="submit">{at(lang, 'scores.save')}</button>
      </form>
    </>
  )
}

export const ImportForm = ({ ctx, base, state }: { ctx: StaffPageCtx; base: string; state: ImportState }) => {
  const lang = ctx.lang
  const error = state.errors?.sheet
  return (
    <>
      <h2 id="import">{at(lang, 'scores.import')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <p>
        {at(lang, 'scores.template')}: <a href={`${base}/template.xlsx`}>Excel (.xlsx)</a> · <a href={`${base}/template.csv`}>CSV</a>
      </p>
      <form method="post" action={`${base}/import`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="sheet">{at(lang, 'scores.importFile')}</label>
          <span class="hint" id="sheet-hint">
            {at(lang, 'scores.importHint')}
          </span>
          {error && (
            <span class="error" id="sheet-error">
              {error}
            </span>
          )}
          {state.rows && state.rows.length > 0 && (
            <ul class="error" id="sheet-rows">
              {state.rows.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          )}
          <input id="sheet" name="sheet" type="file" accept=".xlsx,.csv" aria-describedby={error ? 'sheet-hint sheet-error' : 'sheet-hint'} aria-invalid={error ? 'true' : undefined} required />
        </div>
        <button type="submit">{at(lang, 'scores.importButton')}</button>
      </form>
    </>
  )
}

export const ScoresPage = (p: ScoresPageProps) => {
  const { ctx, view } = p
  const lang = ctx.lang
  const fw = view.framework.framework
  const year = view.fiscalYear
  const base = `${p.ita}/${year}/scores`
  const threshold = fw.passThreshold.score
  const prevYear = view.previous
  const bars = fw.indicators.map((i) => ({ number: i.number, name: i.nameTh, score: view.scores[i.number] ?? null, previous: prevYear ? (view.changes.find((c) => c.number === i.number)?.previous ?? null) : null }))
  const listed = bars.map((b) => `${b.number} ${b.name} ${prevYear ? `${at(lang, 'scores.previous', { year: year - 1 })} ${fmtScore(b.previous)}, ` : ''}${at(lang, 'scores.previous', { year })} ${fmtScore(b.score)}`).join('; ')
  return (
    <StaffLayout ctx={ctx} title={at(lang, 'scores.title', { year })}>
      <p>
        <a href={`${p.ita}/${year}`}>{at(lang, 'ita.year', { year })}</a>
      </p>
      <h1>{at(lang, 'scores.title', { year })}</h1>
      <p class="muted">{at(lang, 'scores.framework', { year, version: view.framework.version })}</p>
      <Summary ctx={ctx} view={view} />
      <OitNotes ctx={ctx} fw={fw} view={view} fromAnswers={p.fromAnswers} />
      <ScoreChart
        id="score-chart"
        title={at(lang, prevYear ? 'scores.chartYoy' : 'scores.chart', { year, previous: year - 1 })}
        desc={at(lang, 'scores.chartDesc', { threshold, list: listed })}
        bars={bars}
        threshold={threshold}
        labels={{ current: at(lang, 'scores.previous', { year }), previous: prevYear ? at(lang, 'scores.previous', { year: year - 1 }) : undefined, threshold: at(lang, 'scores.thresholdLine', { threshold }) }}
      />
      <ScoresTable ctx={ctx} view={view} />
      {ctx.can('assessment.edit') && (
        <>
          <ScoresForm ctx={ctx} fw={fw} action={base} values={p.scoresForm?.values ?? savedValues(view)} errors={p.scoresForm?.errors ?? {}} />
          <ImportForm ctx={ctx} base={base} state={p.importForm ?? {}} />
        </>
      )}
      <ScoreHistory ctx={ctx} fw={fw} base={base} history={p.history ?? []} state={p.undoForm} />
    </StaffLayout>
  )
}
