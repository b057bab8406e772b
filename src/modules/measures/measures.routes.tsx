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
import { formatThaiDate, formatThaiDateTime } from '../../platform/thai/index.js'
import { currentFramework, itaBase, statusLabel, PROGRESS_STATUSES, type Framework } from '../assessment/index.js'
import { EvidenceForm, EvidenceList, readEvidenceForm } from '../../platform/ui/evidence.js'
import { StaffLayout } from '../../platform/ui/layout.js'
import { linesToList, yearParam } from '../../platform/http/params.js'
import { mt } from './measures.i18n.js'
import {
  activityMeasureId, addActivity, addActivityEvidence, approveMeasure, copyYear, createMeasure, deleteActivity, deleteMeasure, getMeasure, listMeasures, moveMeasure,
  periodLabel, reportSettingsOf, responsibleLabel, saveReportSettings, updateActivity, updateMeasure, type ActivityInput, type MeasureInput, type MeasureView,
} from './measures.service.js'
import type { ActivityStatus } from './measures.schema.js'
import { importRoutes } from './import.routes.js'
import { checkFile } from '../../platform/files/files.service.js'

const str = (v: FormValues[string] | undefined): string => ((Array.isArray(v) ? v[0] : v) ?? '').trim()
const list = (v: FormValues[string] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean)
const isoDate = (s: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : null)

/** Measure form values → input, or field errors (Thai). */
export function measureFromForm(values: FormValues, lang: 'th' | 'en'): { ok: true; input: MeasureInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {}
  const title = str(values.title)
  if (!title) errors.title = mt(lang, 'm.titleRequired')
  if (title.length > 1000) errors.title = mt(lang, 'm.titleRequired')
  const periodKind = str(values.periodKind) === 'range' ? 'range' : 'fiscal_year'
  const periodStart = isoDate(str(values.periodStart))
  const periodEnd = isoDate(str(values.periodEnd))
  if (periodKind === 'range' && (!periodStart || !periodEnd || periodStart > periodEnd)) errors.periodStart = mt(lang, 'm.periodInvalid')
  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    input: {
      title,
      indicatorNumbers: list(values.indicatorNumbers).map(Number).filter((n) => Number.isInteger(n) && n > 0),
      oitCodes: str(values.oitCodes).split(/[\s,]+/).map((c) => c.toUpperCase()).filter((c) => /^O\d+$/.test(c)),
      steps: linesToList(str(values.steps)),
      periodKind,
      periodStart: periodKind === 'range' ? periodStart : null,
      periodEnd: periodKind === 'range' ? periodEnd : null,
      periodText: str(values.periodText).slice(0, 500),
      unitIds: list(values.unitIds),
      responsibleText: str(values.responsibleText).slice(0, 1000),
      resultSummary: linesToList(str(values.resultSummary)),
      outcome: linesToList(str(values.outcome)),
    },
  }
}

function measureValues(m: MeasureView): FormValues {
  return {
    title: m.title,
    indicatorNumbers: m.indicatorNumbers.map(String),
    oitCodes: m.oitCodes.join(', '),
    steps: m.steps.join('\n'),
    periodKind: m.periodKind,
    periodStart: m.periodStart ?? '',
    periodEnd: m.periodEnd ?? '',
    periodText: m.periodText,
    unitIds: m.unitIds,
    responsibleText: m.responsibleText,
    resultSummary: m.resultSummary.join('\n'),
    outcome: m.outcome.join('\n'),
  }
}

const MeasureFields = (p: { ctx: PageCtx; fw: Framework | undefined; units: { id: string; nameTh: string }[]; values?: FormValues | undefined; errors?: FormErrors | undefined }) => {
  const lang = p.ctx.lang
  const v = p.values ?? { periodKind: 'fiscal_year' }
  return (
    <>
      <TextArea name="title" label={mt(lang, 'm.name')} values={v} errors={p.errors} rows={2} required />
      {p.fw && <CheckboxGroup name="indicatorNumbers" label={mt(lang, 'm.indicators')} values={v} options={p.fw.indicators.map((i) => ({ value: String(i.number), label: `${i.number} ${i.nameTh}` }))} />}
      <TextField name="oitCodes" label={mt(lang, 'm.oit')} hint={mt(lang, 'm.oitHint')} values={v} />
      <TextArea name="steps" label={mt(lang, 'm.steps')} hint={mt(lang, 'm.listHint')} values={v} rows={5} />
      <SelectField name="periodKind" label={mt(lang, 'm.periodKind')} values={v} options={[{ value: 'fiscal_year', label: mt(lang, 'm.periodFy') }, { value: 'range', label: mt(lang, 'm.periodRange') }]} />
      <TextField name="periodStart" type="date" label={mt(lang, 'm.periodStart')} values={v} errors={p.errors} />
      <TextField name="periodEnd" type="date" label={mt(lang, 'm.periodEnd')} values={v} />
      <TextField name="periodText" label={mt(lang, 'm.periodText')} values={v} />
      {p.units.length > 0 && <CheckboxGroup name="unitIds" label={mt(lang, 'm.units')} values={v} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />}
      <TextField name="responsibleText" label={mt(lang, 'm.responsibleText')} hint={mt(lang, 'm.responsibleHint')} values={v} />
      <TextArea name="resultSummary" label={mt(lang, 'm.resultSummary')} hint={mt(lang, 'm.listHint')} values={v} rows={5} />
      <TextArea name="outcome" label={mt(lang, 'm.outcome')} hint={mt(lang, 'm.listHint')} values={v} rows={5} />
    </>
  )
}

const MeasuresPage = async (c: StaffContext, year: number, values?: FormValues, errors?: FormErrors) => {
  const ctx = pageCtx(c)
  const lang = ctx.lang
  const [ms, units, fw, settings] = await Promise.all([listMeasures(ctxOf(c), year), listUnits(ctxOf(c)), currentFramework(c.get('deps').db, year), reportSettingsOf(c.get('deps').db, c.get('org').id, year)])
  const base = `${itaBase(c)}/${year}/measures`
  const canEdit = can(ctx.actor, 'measure.edit')
  return (
    <StaffLayout ctx={ctx} title={mt(lang, 'm.title', { year })}>
      <p>
        <a href={`${itaBase(c)}/${year}`}>{`← ${year}`}</a>
      </p>
      <h1>{mt(lang, 'm.title', { year })}</h1>
      {ms.length === 0 ? (
        <p>{mt(lang, 'm.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{mt(lang, 'm.order')}</th>
                <th scope="col">{mt(lang, 'm.name')}</th>
                <th scope="col">{mt(lang, 'm.progress')}</th>
                <th scope="col">{mt(lang, 'm.status')}</th>
                {canEdit && <th scope="col"><span class="visually-hidden">{mt(lang, 'm.order')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {ms.map((m, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td>
                    <a href={`${itaBase(c)}/measures/${m.id}`}>{m.title}</a>
                  </td>
                  <td>{m.progress === null ? '–' : <meter min={0} max={100} value={m.progress} aria-label={`${mt(lang, 'm.progress')} ${m.progress}%`}>{m.progress}%</meter>} {m.progress !== null && `${m.progress}%`}</td>
                  <td>{m.status === 'approved' ? mt(lang, 'm.approved') : mt(lang, 'm.draft')}</td>
                  {canEdit && (
                    <td>
                      {(['up', 'down'] as const).map((d) => (
                        <form method="post" action={`${itaBase(c)}/measures/${m.id}/move`} class="inline-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="direction" value={d} />
                          <button type="submit" class="link">
                            {mt(lang, d === 'up' ? 'm.moveUp' : 'm.moveDown')}
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
      )}
      {canEdit && (
        <>
          <h2 id="add">{mt(lang, 'm.add')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={base} novalidate>
            <CsrfField ctx={ctx} />
            <MeasureFields ctx={ctx} fw={fw?.framework} units={units} values={values} errors={errors} />
            <button type="submit">{mt(lang, 'm.add')}</button>
          </form>
          <h2>{mt(lang, 'm.copy')}</h2>
          <form method="post" action={`${itaBase(c)}/${year}/copy`}>
            <CsrfField ctx={ctx} />
            <p>{mt(lang, 'm.copyHint', { to: year + 1 })}</p>
            <button type="submit" class="secondary">
              {mt(lang, 'm.copy')} ({year + 1})
            </button>
          </form>
          <p>
            <a href={`${itaBase(c)}/import`}>{mt(lang, 'i.title')}</a>
          </p>
        </>
      )}
      {can(ctx.actor, 'report.generate') && (
        <>
          <h2>{mt(lang, 'm.report')}</h2>
          <form method="post" action={`${itaBase(c)}/${year}/report-settings`}>
            <CsrfField ctx={ctx} />
            <TextArea name="introduction" label={mt(lang, 'm.intro')} values={{ introduction: (settings?.introduction ?? []).join('\n') }} rows={4} />
            <TextField name="reporterName" label={mt(lang, 'm.reporterName')} values={{ reporterName: settings?.reporterName ?? '' }} />
            <TextField name="reporterPosition" label={mt(lang, 'm.reporterPosition')} values={{ reporterPosition: settings?.reporterPosition ?? '' }} />
            <TextField name="executiveName" label={mt(lang, 'm.executiveName')} values={{ executiveName: settings?.executiveName ?? '' }} />
            <TextField name="executivePosition" label={mt(lang, 'm.executivePosition')} values={{ executivePosition: settings?.executivePosition ?? '' }} />
            <button type="submit" class="secondary">
              {mt(lang, 'm.report')}
            </button>
          </form>
        </>
      )}
    </StaffLayout>
  )
}

const MeasurePage = async (c: StaffContext, m: MeasureView, values?: FormValues, errors?: FormErrors) => {
  const ctx = pageCtx(c)
  const lang = ctx.lang
  const [units, fw] = await Promise.all([listUnits(ctxOf(c)), currentFramework(c.get('deps').db, m.fiscalYear)])
  const base = `${itaBase(c)}/measures/${m.id}`
  const canEdit = can(ctx.actor, 'measure.edit')
  const statusOptions = PROGRESS_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) }))
  return (
    <StaffLayout ctx={ctx} title={m.title}>
      <p>
        <a href={`${itaBase(c)}/${m.fiscalYear}/measures`}>{mt(lang, 'm.title', { year: m.fiscalYear })}</a>
      </p>
      <h1>{m.title}</h1>
      <p>
        {mt(lang, 'm.status')}: <strong id="measure-status">{m.status === 'approved' ? mt(lang, 'm.approved') : mt(lang, 'm.draft')}</strong>
        {m.approvedAt && <span class="muted"> ({mt(lang, 'm.approvedBy', { at: formatThaiDateTime(m.approvedAt, { lang }) })})</span>} · {mt(lang, 'm.progress')}: {m.progress === null ? '–' : `${m.progress}%`}
      </p>
      <dl>
        <dt>{mt(lang, 'm.periodKind')}</dt>
        <dd>{periodLabel(m)}</dd>
        <dt>{mt(lang, 'm.responsibleText')}</dt>
        <dd>{responsibleLabel(m, m.unitNames)}</dd>
      </dl>
      {can(ctx.actor, 'measure.approve') && (
        <form method="post" action={`${base}/${m.status === 'approved' ? 'unapprove' : 'approve'}`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class={m.status === 'approved' ? 'secondary' : ''}>
            {mt(lang, m.status === 'approved' ? 'm.unapprove' : 'm.approve')}
          </button>
        </form>
      )}

      <h2>{mt(lang, 'm.activities')}</h2>
      {m.activities.length === 0 && <p class="muted">{mt(lang, 'm.noActivities')}</p>}
      {m.activities.map((a) => (
        <section class="card" aria-labelledby={`act-${a.id}`}>
          <h3 id={`act-${a.id}`}>{a.title}</h3>
          <p>
            {statusLabel(lang, a.status)}
            {a.startsOn && ` · ${formatThaiDate(a.startsOn, { lang })}`}
            {a.endsOn && ` – ${formatThaiDate(a.endsOn, { lang })}`}
          </p>
          {a.note && <p>{a.note}</p>}
          <EvidenceList ctx={ctx} items={a.evidence} canDelete={canEdit} base={itaBase(ctx)} />
          {canEdit && (
            <>
              <form method="post" action={`${itaBase(c)}/activities/${a.id}`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="title" value={a.title} />
                <input type="hidden" name="startsOn" value={a.startsOn ?? ''} />
                <input type="hidden" name="endsOn" value={a.endsOn ?? ''} />
                <input type="hidden" name="note" value={a.note} />
                <div class="field">
                  <label for={`st-${a.id}`}>{mt(lang, 'm.updateStatus')}</label>
                  <select id={`st-${a.id}`} name="status">
                    {statusOptions.map((o) => (
                      <option value={o.value} selected={o.value === a.status}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" class="secondary">
                  {mt(lang, 'm.updateStatus')}
                </button>
              </form>
              <EvidenceForm ctx={ctx} action={`${itaBase(c)}/activities/${a.id}/evidence`} id={`ev-${a.id}`} />
              <form method="post" action={`${itaBase(c)}/activities/${a.id}/delete`} class="inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" class="link">
                  {mt(lang, 'm.activityDelete')}
                  <span class="visually-hidden"> {a.title}</span>
                </button>
              </form>
            </>
          )}
        </section>
      ))}
      {canEdit && (
        <form method="post" action={`${base}/activities`} enctype="multipart/form-data">
          <CsrfField ctx={ctx} />
          <fieldset class="field">
            <legend>{mt(lang, 'm.activityAdd')}</legend>
            <TextField name="title" label={mt(lang, 'm.activityTitle')} required />
            <TextField name="startsOn" type="date" label={mt(lang, 'm.startsOn')} />
            <TextField name="endsOn" type="date" label={mt(lang, 'm.endsOn')} />
            <SelectField name="status" label={mt(lang, 'm.status')} options={statusOptions} values={{ status: 'done' }} />
            <TextArea name="note" label={mt(lang, 'm.note')} rows={3} />
            <TextField name="evidenceTitle" label={mt(lang, 'm.activity') + ': ' + (lang === 'th' ? 'ชื่อหลักฐาน' : 'evidence title')} />
            <div class="field">
              <label for="evidenceFile">{lang === 'th' ? 'ไฟล์หลักฐาน (PDF รูปภาพ หรือเอกสาร Office ไม่เกิน 10 MB)' : 'Evidence file (PDF, image or Office, up to 10 MB)'}</label>
              <input id="evidenceFile" name="evidenceFile" type="file" />
            </div>
            <TextField name="evidenceUrl" type="url" label={lang === 'th' ? 'หรือลิงก์หลักฐาน (URL)' : 'or evidence link (URL)'} />
            <button type="submit">{mt(lang, 'm.activityAdd')}</button>
          </fieldset>
        </form>
      )}

      {canEdit && (
        <>
          <h2 id="edit">{mt(lang, 'm.edit')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} />
          <form method="post" action={base} novalidate>
            <CsrfField ctx={ctx} />
            <MeasureFields ctx={ctx} fw={fw?.framework} units={units} values={values ?? measureValues(m)} errors={errors} />
            <button type="submit">{mt(lang, 'm.edit')}</button>
          </form>
          <form method="post" action={`${base}/delete`}>
            <CsrfField ctx={ctx} />
            <button type="submit" class="danger">
              {mt(lang, 'm.delete')}
            </button>
          </form>
        </>
      )}
    </StaffLayout>
  )
}

const ActivityForm = z.object({
  title: z.string().trim().min(1).max(1000),
  startsOn: z.string().optional(),
  endsOn: z.string().optional(),
  status: z.enum(PROGRESS_STATUSES),
  note: z.string().trim().max(5000).optional(),
})
function activityFromForm(values: FormValues): ActivityInput {
  const r = ActivityForm.safeParse(values)
  if (!r.success) throw new AppError('bad_request', 422, { th: 'กรุณาระบุชื่อกิจกรรมและสถานะ', en: 'Give the activity a title and status' })
  return { title: r.data.title, startsOn: isoDate(r.data.startsOn ?? ''), endsOn: isoDate(r.data.endsOn ?? ''), status: r.data.status as ActivityStatus, note: r.data.note ?? '' }
}

export function measuresStaffRoutes() {
  const app = new Hono<StaffEnv>()
  const measureUrl = (c: StaffContext, id: string) => `${itaBase(c)}/measures/${id}`

  app.get('/ita/:fy{[0-9]{4}}/measures', requirePermission('measure.read'), async (c) => render(c, await MeasuresPage(c, yearParam(c))))
  app.post('/ita/:fy{[0-9]{4}}/measures', requirePermission('measure.edit'), async (c) => {
    const year = yearParam(c)
    const { values } = await readForm(c)
    const r = measureFromForm(values, c.get('lang'))
    if (!r.ok) return render(c, await MeasuresPage(c, year, values, r.errors), 422)
    const m = await createMeasure(ctxOf(c), year, r.input)
    flash(c, mt(c.get('lang'), 'm.created'))
    return c.redirect(measureUrl(c, m.id), 303)
  })
  app.get('/ita/measures/:id', requirePermission('measure.read'), async (c) => render(c, await MeasurePage(c, await getMeasure(ctxOf(c), c.req.param('id')))))
  app.post('/ita/measures/:id', requirePermission('measure.edit'), async (c) => {
    const m = await getMeasure(ctxOf(c), c.req.param('id'))
    const { values } = await readForm(c)
    const r = measureFromForm(values, c.get('lang'))
    if (!r.ok) return render(c, await MeasurePage(c, m, values, r.errors), 422)
    await updateMeasure(ctxOf(c), m.id, r.input)
    flash(c, mt(c.get('lang'), 'm.updated'))
    return c.redirect(measureUrl(c, m.id), 303)
  })
  app.post('/ita/measures/:id/delete', requirePermission('measure.edit'), async (c) => {
    const m = await getMeasure(ctxOf(c), c.req.param('id'))
    await deleteMeasure(ctxOf(c), m.id)
    flash(c, mt(c.get('lang'), 'm.deleted'))
    return c.redirect(`${itaBase(c)}/${m.fiscalYear}/measures`, 303)
  })
  app.post('/ita/measures/:id/move', requirePermission('measure.edit'), async (c) => {
    const m = await getMeasure(ctxOf(c), c.req.param('id'))
    const { values } = await readForm(c)
    await moveMeasure(ctxOf(c), m.id, values.direction === 'up' ? 'up' : 'down')
    return c.redirect(`${itaBase(c)}/${m.fiscalYear}/measures`, 303)
  })
  for (const [path, approve] of [['approve', true], ['unapprove', false]] as const) {
    app.post(`/ita/measures/:id/${path}`, requirePermission('measure.approve'), async (c) => {
      const id = c.req.param('id')
      await approveMeasure(ctxOf(c), id, approve)
      flash(c, mt(c.get('lang'), approve ? 'm.approvedMsg' : 'm.unapprovedMsg'))
      return c.redirect(measureUrl(c, id), 303)
    })
  }
  app.post('/ita/measures/:id/activities', requirePermission('measure.edit'), async (c) => {
    const id = c.req.param('id')
    const { values, files } = await readForm(c)
    const input = activityFromForm(values)
    const f = files.evidenceFile?.[0]
    const url = str(values.evidenceUrl)
    // The evidence is checked before the activity is written, so a rejected file leaves nothing behind.
    if (f) {
      await checkFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })
    }
    const a = await addActivity(ctxOf(c), id, input)
    if (f || url) {
      const file = f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : undefined
      await addActivityEvidence(ctxOf(c), a.id, { title: str(values.evidenceTitle) || f?.name || url, url: f ? undefined : url, file })
    }
    flash(c, mt(c.get('lang'), 'm.activityAdded'))
    return c.redirect(measureUrl(c, id), 303)
  })
  app.post('/ita/activities/:id', requirePermission('measure.edit'), async (c) => {
    const { values } = await readForm(c)
    const a = await updateActivity(ctxOf(c), c.req.param('id'), activityFromForm(values))
    flash(c, mt(c.get('lang'), 'm.activityUpdated'))
    return c.redirect(measureUrl(c, a.measureId), 303)
  })
  app.post('/ita/activities/:id/delete', requirePermission('measure.edit'), async (c) => {
    const measureId = await deleteActivity(ctxOf(c), c.req.param('id'))
    if (!measureId) throw new AppError('not_found', 404)
    flash(c, mt(c.get('lang'), 'm.activityDeleted'))
    return c.redirect(measureUrl(c, measureId), 303)
  })
  app.post('/ita/activities/:id/evidence', requirePermission('measure.edit'), async (c) => {
    const id = c.req.param('id')
    const measureId = await activityMeasureId(ctxOf(c), id)
    if (!measureId) throw new AppError('not_found', 404)
    const up = await readEvidenceForm(c)
    await addActivityEvidence(ctxOf(c), id, up)
    flash(c, c.get('lang') === 'th' ? 'แนบหลักฐานแล้ว' : 'Evidence attached')
    return c.redirect(measureUrl(c, measureId), 303)
  })
  app.post('/ita/:fy{[0-9]{4}}/copy', requirePermission('measure.edit'), async (c) => {
    const year = yearParam(c)
    const r = await copyYear(ctxOf(c), year, year + 1)
    const lang = c.get('lang')
    flash(c, mt(lang, 'm.copied', { measures: r.measures, plans: r.plans, to: year + 1 }) + (r.droppedOit.length ? mt(lang, 'm.copiedDropped', { list: r.droppedOit.join(', ') }) : ''))
    return c.redirect(`${itaBase(c)}/${year + 1}/measures`, 303)
  })
  app.post('/ita/:fy{[0-9]{4}}/report-settings', requirePermission('report.generate'), async (c) => {
    const year = yearParam(c)
    const { values } = await readForm(c)
    await saveReportSettings(ctxOf(c), year, {
      introduction: linesToList(str(values.introduction)),
      reporterName: str(values.reporterName).slice(0, 200),
      reporterPosition: str(values.reporterPosition).slice(0, 200),
      executiveName: str(values.executiveName).slice(0, 200),
      executivePosition: str(values.executivePosition).slice(0, 200),
    })
    flash(c, mt(c.get('lang'), 'm.reportSaved'))
    return c.redirect(`${itaBase(c)}/${year}/measures`, 303)
  })
  app.route('/', importRoutes())
  return app
}

