import { Hono } from 'hono'
import { z } from 'zod'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { readForm, type FormErrors, type FormValues } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { can } from '../../platform/auth/permissions.js'
import { CsrfField } from '../../platform/ui/layout.js'
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx, type PageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { listUnits } from '../../platform/orgs/orgs.service.js'
import { currentFiscalYear, formatThaiDate } from '../../platform/thai/index.js'
import { fileHeaders } from '../../platform/files/files.service.js'
import { at } from './assessment.i18n.js'
import { addEvidence, addProgressEntry, deleteEvidence, evidenceFile, getAssessment, getPlan, isScore, listAssessmentYears, listPlans, saveScores, savePlan, scoresFromOitAnswers, type AssessmentView, type PlanWithLog } from './assessment.service.js'
import { requireFramework } from './frameworks.service.js'
import { parseScoreSheet, scoreTemplateCsv, scoreTemplateXlsx } from './scores-import.js'
import { ScoreChart } from '../../platform/ui/chart.js'
import { itaBase, statusLabel } from './ita-paths.js'
import { EvidenceForm, EvidenceList, readEvidenceForm } from '../../platform/ui/evidence.js'
import { StaffLayout } from '../../platform/ui/layout.js'
import { linesToList, yearParam } from '../../platform/http/params.js'
import { fmtChange, fmtScore } from '../../domain/ita/format.js'
import { PROGRESS_STATUSES, type ProgressStatus } from './assessment.schema.js'
import type { Framework } from '../../domain/ita/framework.schema.js'

const TOOLS = ['iit', 'eit', 'oit'] as const

function parseScoreField(v: FormValues[string] | undefined): number | null | 'invalid' {
  const s = (Array.isArray(v) ? v[0] : v)?.trim() ?? ''
  if (s === '') return null
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return 'invalid'
  const n = Number(s)
  return isScore(n) ? n : 'invalid'
}

const ScoresPage = (p: { ctx: PageCtx; view: AssessmentView; values?: FormValues; errors?: FormErrors; importErrors?: string[] }) => {
  const { ctx, view } = p
  const lang = ctx.lang
  const fw = view.framework.framework
  const year = view.fiscalYear
  const base = `${itaBase(ctx)}/${year}/scores`
  const threshold = fw.passThreshold.score
  const values: FormValues = p.values ?? Object.fromEntries([
    ...fw.indicators.map((i) => [`s${i.number}`, view.scores[i.number]?.toFixed(2) ?? '']),
    ...TOOLS.map((t) => [`tool_${t}`, view.assessment?.toolScores[t]?.toFixed(2) ?? '']),
  ])
  const canEdit = can(ctx.actor, 'assessment.edit')
  const weakest = [...fw.indicators].filter((i) => view.scores[i.number] !== undefined).sort((a, b) => view.scores[a.number]! - view.scores[b.number]!).slice(0, 3)
  const bars = fw.indicators.map((i) => ({ number: i.number, name: i.nameTh, score: view.scores[i.number] ?? null }))
  const answers = view.assessment?.oitAnswers ?? {}
  return (
    <StaffLayout ctx={ctx} title={at(lang, 'scores.title', { year })}>
      <p>
        <a href={`${itaBase(ctx)}/${year}`}>{at(lang, 'ita.year', { year })}</a>
      </p>
      <h1>{at(lang, 'scores.title', { year })}</h1>
      <p class="muted">{at(lang, 'scores.framework', { year, version: view.framework.version })}</p>

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
            <dd id="rating">{view.result.rating.labelTh}</dd>
          </div>
        </dl>
      ) : (
        <p class="notice">{at(lang, 'scores.incomplete', { list: view.missing.join(', ') })}</p>
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
      {Object.keys(answers).length > 0 && Object.keys(scoresFromOitAnswers(fw, answers)).length > 0 && (
        <p class="muted">
          {at(lang, 'scores.fromAnswers')}:{' '}
          {Object.entries(scoresFromOitAnswers(fw, answers))
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

      <ScoreChart
        id="score-chart"
        title={at(lang, 'scores.chart', { year })}
        desc={at(lang, 'scores.chartDesc', { threshold, list: bars.map((b) => `${b.number} ${b.name} ${fmtScore(b.score)}`).join('; ') })}
        bars={bars}
        threshold={threshold}
      />

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
            {view.result &&
              TOOLS.map((t) => (
                <tr>
                  <th scope="row">{fw.tools[t].nameTh} ({t.toUpperCase()})</th>
                  {view.previous && <td></td>}
                  <td>
                    {fmtScore(view.result!.tools[t])}
                    {view.assessment?.toolScores[t] !== undefined && <span class="muted"> ({at(lang, 'scores.toolEntered')}: {fmtScore(view.assessment.toolScores[t])})</span>}
                  </td>
                  {view.previous && <td></td>}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {!view.previous && <p class="muted">{at(lang, 'scores.noPrevious', { year: year - 1 })}</p>}

      {canEdit && (
        <>
          <h2 id="form">{at(lang, 'scores.save')}</h2>
          <ErrorSummary ctx={ctx} errors={p.errors} />
          <form method="post" action={base} novalidate>
            <CsrfField ctx={ctx} />
            {fw.indicators.map((i) => (
              <TextField name={`s${i.number}`} label={at(lang, 'scores.scoreOf', { n: i.number, name: i.nameTh })} values={values} errors={p.errors} inputmode="text" hint={i.number === 1 ? at(lang, 'scores.hint') : ''} />
            ))}
            <fieldset class="field">
              <legend>{at(lang, 'scores.toolEntered')}</legend>
              {TOOLS.map((t) => (
                <TextField name={`tool_${t}`} label={`${fw.tools[t].nameTh} (${t.toUpperCase()})`} values={values} errors={p.errors} />
              ))}
            </fieldset>
            {fw.oitItems.length > 0 && (
              <details>
                <summary>{at(lang, 'scores.oit')}</summary>
                {fw.oitItems.map((o) => (
                  <SelectField
                    name={`oit_${o.code}`}
                    label={`${o.code} ${o.titleTh ?? ''}`}
                    values={{ [`oit_${o.code}`]: answers[o.code] === true ? 'yes' : answers[o.code] === false ? 'no' : '' }}
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

          <h2 id="import">{at(lang, 'scores.import')}</h2>
          {p.importErrors && (
            <div class="error-summary" role="alert" tabindex={-1}>
              <h3>{at(lang, 'scores.importFailed', { count: p.importErrors.length })}</h3>
              <ul>
                {p.importErrors.map((e) => (
                  <li>{e}</li>
                ))}
              </ul>
            </div>
          )}
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
              <input id="sheet" name="sheet" type="file" accept=".xlsx,.csv" aria-describedby="sheet-hint" required />
            </div>
            <button type="submit">{at(lang, 'scores.importButton')}</button>
          </form>
        </>
      )}
    </StaffLayout>
  )
}

const PlanInput = z.object({
  indicatorName: z.string().trim().max(300).optional(),
  strengths: z.string().trim().max(5000).optional(),
  weaknesses: z.string().trim().max(5000).optional(),
  guidelines: z.string().max(20000).optional(),
  unitIds: z.union([z.string(), z.array(z.string())]).optional(),
  responsibleText: z.string().trim().max(1000).optional(),
  period: z.string().trim().max(500).optional(),
  progress: z.string().max(20000).optional(),
  status: z.enum(['', ...PROGRESS_STATUSES]).optional(),
})

const PlanPage = (p: { ctx: PageCtx; year: number; fw: Framework; indicator: number; plan: PlanWithLog | null; units: { id: string; nameTh: string }[]; score?: number | undefined }) => {
  const { ctx, year, plan } = p
  const lang = ctx.lang
  const ind = p.fw.indicators.find((i) => i.number === p.indicator)!
  const base = `${itaBase(ctx)}/${year}/plans/${p.indicator}`
  const canEdit = can(ctx.actor, 'assessment.edit')
  const title = at(lang, 'plans.indicator', { n: ind.number, name: ind.nameTh })
  const values: FormValues = {
    indicatorName: plan?.indicatorName ?? '',
    strengths: plan?.strengths ?? '',
    weaknesses: plan?.weaknesses ?? '',
    guidelines: (plan?.guidelines ?? []).join('\n'),
    unitIds: plan?.unitIds ?? [],
    responsibleText: plan?.responsibleText ?? '',
    period: plan?.period ?? `ปีงบประมาณ ${year}`,
    progress: (plan?.progress ?? []).join('\n'),
    status: plan?.status ?? '',
  }
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`${itaBase(ctx)}/${year}/plans`}>{at(lang, 'plans.title', { year })}</a>
      </p>
      <h1>{title}</h1>
      {p.score !== undefined && (
        <p>
          {at(lang, 'scores.score')}: <strong>{fmtScore(p.score)}</strong>
        </p>
      )}
      {canEdit ? (
        <form method="post" action={base} novalidate>
          <CsrfField ctx={ctx} />
          <TextField name="indicatorName" label={at(lang, 'plans.indicatorName')} hint={at(lang, 'plans.indicatorNameHint')} values={values} />
          <TextArea name="strengths" label={at(lang, 'plans.strengths')} values={values} rows={3} />
          <TextArea name="weaknesses" label={at(lang, 'plans.weaknesses')} values={values} rows={3} />
          <TextArea name="guidelines" label={at(lang, 'plans.guidelines')} hint={at(lang, 'plans.listHint')} values={values} rows={6} />
          {p.units.length > 0 && <CheckboxGroup name="unitIds" label={at(lang, 'plans.units')} values={values} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />}
          <TextField name="responsibleText" label={at(lang, 'plans.responsibleText')} hint={at(lang, 'plans.responsibleHint')} values={values} />
          <TextField name="period" label={at(lang, 'plans.period')} values={values} />
          <TextArea name="progress" label={at(lang, 'plans.progress')} hint={at(lang, 'plans.listHint')} values={values} rows={6} />
          <SelectField name="status" label={at(lang, 'plans.status')} values={values} options={[{ value: '', label: at(lang, 'status.none') }, ...PROGRESS_STATUSES.map((s) => ({ value: s, label: at(lang, `status.${s}`) }))]} />
          <button type="submit">{at(lang, 'common.save')}</button>
        </form>
      ) : (
        <dl>
          <dt>{at(lang, 'plans.guidelines')}</dt>
          <dd>
            <ol>{(plan?.guidelines ?? []).map((g) => <li>{g}</li>)}</ol>
          </dd>
          <dt>{at(lang, 'plans.status')}</dt>
          <dd>{statusLabel(lang, plan?.status ?? null)}</dd>
        </dl>
      )}
      {plan && (
        <>
          <h2>{at(lang, 'evidence.title')}</h2>
          <EvidenceList ctx={ctx} items={plan.evidence} canDelete={canEdit} base={itaBase(ctx)} />
          {canEdit && <EvidenceForm ctx={ctx} action={`${base}/evidence`} id="ev-ind" hidden={{ target: 'indicator', targetId: plan.id }} />}
        </>
      )}
      <h2>{at(lang, 'plans.log')}</h2>
      {plan?.log.length ? (
        <ol class="log">
          {plan.log.map((l) => (
            <li>
              <strong>{formatThaiDate(l.entryDate, { lang })}</strong>: {l.body}
              <EvidenceList ctx={ctx} items={l.evidence} canDelete={canEdit} base={itaBase(ctx)} />
              {canEdit && <EvidenceForm ctx={ctx} action={`${base}/evidence`} id={`ev-${l.id}`} hidden={{ target: 'progress', targetId: l.id }} legend={`${at(lang, 'evidence.add')} (${formatThaiDate(l.entryDate, { lang })})`} />}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">{at(lang, 'plans.logEmpty')}</p>
      )}
      {canEdit && (
        <form method="post" action={`${base}/progress`}>
          <CsrfField ctx={ctx} />
          <fieldset class="field">
            <legend>{at(lang, 'plans.logAdd')}</legend>
            <TextField name="entryDate" type="date" label={at(lang, 'plans.logDate')} values={{ entryDate: new Date().toISOString().slice(0, 10) }} required />
            <TextArea name="body" label={at(lang, 'plans.logBody')} rows={3} required />
            <button type="submit" class="secondary">
              {at(lang, 'plans.logAdd')}
            </button>
          </fieldset>
        </form>
      )}
    </StaffLayout>
  )
}

function indicatorParam(c: StaffContext, fw: Framework): number {
  const n = Number(c.req.param('n'))
  if (!fw.indicators.some((i) => i.number === n)) throw new AppError('not_found', 404)
  return n
}


export function assessmentStaffRoutes() {
  const app = new Hono<StaffEnv>()

  app.get('/ita', requirePermission('assessment.read'), async (c) => {
    const ctx = pageCtx(c)
    const lang = ctx.lang
    const q = Number(c.req.query('fy'))
    if (q >= 2500 && q <= 2700) return c.redirect(`${itaBase(c)}/${q}`, 303)
    const years = [...new Set([currentFiscalYear() + 1, currentFiscalYear(), ...(await listAssessmentYears(ctxOf(c)))])].sort((a, b) => b - a)
    return render(
      c,
      <StaffLayout ctx={ctx} title={at(lang, 'ita.title')}>
        <h1>{at(lang, 'ita.title')}</h1>
        <h2>{at(lang, 'ita.years')}</h2>
        <ul class="cards">
          {years.map((y) => (
            <li class="card">
              <a href={`${itaBase(c)}/${y}`}>{at(lang, 'ita.year', { year: y })}</a>
            </li>
          ))}
        </ul>
        <form method="get" action={itaBase(c)}>
          <TextField name="fy" label={at(lang, 'ita.open')} inputmode="numeric" values={{ fy: '' }} />
          <button type="submit" class="secondary">
            {at(lang, 'ita.open')}
          </button>
        </form>
      </StaffLayout>,
    )
  })

  app.get('/ita/:fy{[0-9]{4}}', requirePermission('assessment.read'), async (c) => {
    const ctx = pageCtx(c)
    const lang = ctx.lang
    const year = yearParam(c)
    const slug = c.get('org').slug
    const pub = `/o/${slug}/ita/${year}`
    const view = await getAssessment(ctxOf(c), year).catch((e: unknown) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e)))
    return render(
      c,
      <StaffLayout ctx={ctx} title={at(lang, 'ita.year', { year })}>
        <p>
          <a href={itaBase(c)}>{at(lang, 'ita.title')}</a>
        </p>
        <h1>{at(lang, 'ita.year', { year })}</h1>
        {!view ? (
          <p class="notice">{at(lang, 'ita.noFramework', { year })}</p>
        ) : view.result ? (
          <p>
            {at(lang, 'scores.total')}: <strong>{fmtScore(view.result.total)}</strong> · {at(lang, 'scores.level')} {view.result.level.level} · {view.result.rating.labelTh}
          </p>
        ) : null}
        <ul class="cards">
          <li class="card">
            <a href={`${itaBase(c)}/${year}/scores`}>{at(lang, 'ita.scores')}</a>
          </li>
          <li class="card">
            <a href={`${itaBase(c)}/${year}/plans`}>{at(lang, 'ita.plans')}</a>
          </li>
          <li class="card">
            <a href={`${itaBase(c)}/${year}/measures`}>{at(lang, 'ita.measures')}</a>
          </li>
        </ul>
        <h2>{at(lang, 'ita.documents')}</h2>
        <ul>
          <li>
            <a href={`${pub}/measures-report.html`}>รายงานผลการดำเนินการตามมาตรการ (HTML)</a> · <a href={`${pub}/measures-report.docx`}>DOCX</a> · <a href={`${pub}/measures-report.pdf`}>PDF</a>
          </li>
          <li>
            <a href={`${pub}/measures-plan.html`}>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (HTML)</a>
          </li>
          <li>
            <a href={`${pub}/assessment-analysis.html`}>การวิเคราะห์ผลการประเมิน (HTML)</a>
          </li>
        </ul>
      </StaffLayout>,
    )
  })

  app.get('/ita/:fy/scores', requirePermission('assessment.read'), async (c) => render(c, <ScoresPage ctx={pageCtx(c)} view={await getAssessment(ctxOf(c), yearParam(c))} />))

  app.post('/ita/:fy/scores', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const lang = c.get('lang')
    const view = await getAssessment(ctxOf(c), year)
    const fw = view.framework.framework
    const { values } = await readForm(c)
    const errors: FormErrors = {}
    const scores: Record<number, number | null> = {}
    for (const i of fw.indicators) {
      const v = parseScoreField(values[`s${i.number}`])
      if (v === 'invalid') errors[`s${i.number}`] = `${at(lang, 'scores.scoreOf', { n: i.number, name: i.nameTh })}: ${at(lang, 'scores.invalid')}`
      else scores[i.number] = v
    }
    const toolScores: Partial<Record<(typeof TOOLS)[number], number>> = {}
    for (const t of TOOLS) {
      const v = parseScoreField(values[`tool_${t}`])
      if (v === 'invalid') errors[`tool_${t}`] = `${t.toUpperCase()}: ${at(lang, 'scores.invalid')}`
      else if (v !== null) toolScores[t] = v
    }
    if (Object.keys(errors).length) return render(c, <ScoresPage ctx={pageCtx(c)} view={view} values={values} errors={errors} />, 422)
    const oitAnswers: Record<string, boolean> = {}
    for (const o of fw.oitItems) {
      const v = values[`oit_${o.code}`]
      if (v === 'yes') oitAnswers[o.code] = true
      else if (v === 'no') oitAnswers[o.code] = false
    }
    await saveScores(ctxOf(c), year, { scores, toolScores, oitAnswers })
    flash(c, at(lang, 'scores.saved'))
    return c.redirect(`${itaBase(c)}/${year}/scores`, 303)
  })

  app.post('/ita/:fy/scores/import', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const lang = c.get('lang')
    const view = await getAssessment(ctxOf(c), year)
    const { files } = await readForm(c)
    const f = files.sheet?.[0]
    const again = (errs: string[]) => render(c, <ScoresPage ctx={pageCtx(c)} view={view} importErrors={errs} />, 422)
    if (!f) return again([at(lang, 'scores.importMissing')])
    const r = await parseScoreSheet(new Uint8Array(await f.arrayBuffer()), f.name, view.framework.framework)
    if (!r.ok) return again(r.errors)
    const input = { scores: r.data.scores, ...(Object.keys(r.data.oitAnswers).length ? { oitAnswers: { ...(view.assessment?.oitAnswers ?? {}), ...r.data.oitAnswers } } : {}) }
    await saveScores(ctxOf(c), year, input, 'import')
    flash(c, at(lang, 'scores.imported'))
    return c.redirect(`${itaBase(c)}/${year}/scores`, 303)
  })

  app.get('/ita/:fy/scores/template.xlsx', requirePermission('assessment.read'), async (c) => {
    const view = await getAssessment(ctxOf(c), yearParam(c))
    const buf = await scoreTemplateXlsx(view.framework.framework, view.scores)
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="ita-scores-${view.fiscalYear}.xlsx"`,
    })
  })
  app.get('/ita/:fy/scores/template.csv', requirePermission('assessment.read'), async (c) => {
    const view = await getAssessment(ctxOf(c), yearParam(c))
    return c.body(scoreTemplateCsv(view.framework.framework, view.scores), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="ita-scores-${view.fiscalYear}.csv"` })
  })

  app.get('/ita/:fy/plans', requirePermission('assessment.read'), async (c) => {
    const ctx = pageCtx(c)
    const lang = ctx.lang
    const year = yearParam(c)
    const [view, plans] = await Promise.all([getAssessment(ctxOf(c), year), listPlans(ctxOf(c), year)])
    const fw = view.framework.framework
    return render(
      c,
      <StaffLayout ctx={ctx} title={at(lang, 'plans.title', { year })}>
        <p>
          <a href={`${itaBase(c)}/${year}`}>{at(lang, 'ita.year', { year })}</a>
        </p>
        <h1>{at(lang, 'plans.title', { year })}</h1>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{at(lang, 'scores.indicator')}</th>
                <th scope="col">{at(lang, 'scores.score')}</th>
                <th scope="col">{at(lang, 'plans.guidelines')}</th>
                <th scope="col">{at(lang, 'plans.status')}</th>
              </tr>
            </thead>
            <tbody>
              {fw.indicators.map((i) => {
                const p = plans.find((x) => x.indicator === i.number)
                const s = view.scores[i.number]
                return (
                  <tr>
                    <th scope="row">
                      <a href={`${itaBase(c)}/${year}/plans/${i.number}`}>{at(lang, 'plans.indicator', { n: i.number, name: i.nameTh })}</a>
                    </th>
                    <td>
                      {fmtScore(s)}
                      {s !== undefined && s < fw.passThreshold.score && <span class="badge"> {at(lang, 'scores.belowBadge', { threshold: fw.passThreshold.score })}</span>}
                    </td>
                    <td>{p ? p.guidelines.length : <span class="muted">{at(lang, 'plans.empty')}</span>}</td>
                    <td>{statusLabel(lang, p?.status ?? null)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </StaffLayout>,
    )
  })

  const showPlan = async (c: StaffContext, status: 200 | 422 = 200) => {
    const year = yearParam(c)
    const view = await getAssessment(ctxOf(c), year)
    const fw = view.framework.framework
    const n = indicatorParam(c, fw)
    const [plan, units] = await Promise.all([getPlan(ctxOf(c), year, n), listUnits(ctxOf(c))])
    return render(c, <PlanPage ctx={pageCtx(c)} year={year} fw={fw} indicator={n} plan={plan} units={units} score={view.scores[n]} />, status)
  }
  app.get('/ita/:fy/plans/:n{[0-9]+}', requirePermission('assessment.read'), (c) => showPlan(c))

  app.post('/ita/:fy/plans/:n{[0-9]+}', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const fw = (await requireFramework(c.get('deps').db, year)).framework
    const n = indicatorParam(c, fw)
    const { values } = await readForm(c)
    const r = PlanInput.safeParse(values)
    if (!r.success) throw new AppError('bad_request', 422)
    const d = r.data
    await savePlan(ctxOf(c), year, n, {
      indicatorName: d.indicatorName || null,
      strengths: d.strengths ?? '',
      weaknesses: d.weaknesses ?? '',
      guidelines: linesToList(d.guidelines),
      unitIds: d.unitIds === undefined ? [] : Array.isArray(d.unitIds) ? d.unitIds : [d.unitIds],
      responsibleText: d.responsibleText ?? '',
      period: d.period ?? '',
      progress: linesToList(d.progress),
      status: d.status ? (d.status as ProgressStatus) : null,
    })
    flash(c, at(c.get('lang'), 'plans.saved'))
    return c.redirect(`${itaBase(c)}/${year}/plans/${n}`, 303)
  })

  app.post('/ita/:fy/plans/:n{[0-9]+}/progress', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const n = Number(c.req.param('n'))
    const { values } = await readForm(c)
    const r = z.object({ entryDate: z.iso.date(), body: z.string().trim().min(1).max(5000) }).safeParse(values)
    if (!r.success) throw new AppError('bad_request', 422, { th: 'กรุณาระบุวันที่และรายละเอียดความก้าวหน้า', en: 'Give a date and details' })
    await addProgressEntry(ctxOf(c), year, n, r.data)
    flash(c, at(c.get('lang'), 'plans.logAdded'))
    return c.redirect(`${itaBase(c)}/${year}/plans/${n}`, 303)
  })

  app.post('/ita/:fy/plans/:n{[0-9]+}/evidence', requirePermission('assessment.edit'), async (c) => {
    const year = yearParam(c)
    const n = Number(c.req.param('n'))
    const up = await readEvidenceForm(c)
    const kind = up.values.target === 'progress' ? 'progress' : 'indicator'
    const targetId = String(up.values.targetId ?? '')
    await addEvidence(ctxOf(c), { kind, id: targetId }, up)
    flash(c, at(c.get('lang'), 'evidence.added'))
    return c.redirect(`${itaBase(c)}/${year}/plans/${n}`, 303)
  })

  app.get('/ita/evidence/:id', requirePermission('assessment.read'), async (c) => {
    const f = await evidenceFile(ctxOf(c), c.req.param('id'))
    if (!f) throw new AppError('not_found', 404)
    return c.body(new Uint8Array(f.data), 200, fileHeaders(f))
  })

  app.post('/ita/evidence/:id/delete', requirePermission('staff.dashboard'), async (c) => {
    const { values } = await readForm(c)
    await deleteEvidence(ctxOf(c), c.req.param('id'))
    flash(c, at(c.get('lang'), 'evidence.deleted'))
    const back = typeof values.back === 'string' && values.back.startsWith(`/o/${c.get('org').slug}/admin/`) ? values.back : itaBase(c)
    return c.redirect(back, 303)
  })

  return app
}
