import { Hono } from 'hono'
import type { StaffContext, StaffEnv } from '../../platform/http/context.js'
import { ctxOf } from '../../platform/http/context.js'
import { readForm, type FormValues } from '../../platform/http/forms.js'
import { requirePermission } from '../../platform/http/guards.js'
import { AppError } from '../../platform/http/errors.js'
import { CsrfField } from '../../platform/ui/layout.js'
import { SelectField, TextArea, TextField } from '../../platform/ui/fields.js'
import { flash, pageCtx } from '../../platform/ui/page-context.js'
import { render } from '../../platform/ui/render.js'
import { currentFiscalYear } from '../../platform/thai/index.js'
import { itaBase, statusLabel, PROGRESS_STATUSES, type ProgressStatus } from '../assessment/index.js'
import { StaffLayout } from '../../platform/ui/layout.js'
import { linesToList } from '../../platform/http/params.js'
import { importMeasuresReportDocx, type ImportedReport } from '../reports/index.js'
import { mt } from './measures.i18n.js'
import { saveImported } from './import.service.js'

const s = (v: FormValues[string] | undefined): string => ((Array.isArray(v) ? v[0] : v) ?? '').trim()

const UploadPage = (c: StaffContext, error?: string, status: 200 | 415 | 422 = 200) => {
  const ctx = pageCtx(c)
  const lang = ctx.lang
  return render(
    c,
    <StaffLayout ctx={ctx} title={mt(lang, 'i.title')}>
      <h1>{mt(lang, 'i.title')}</h1>
      <p>{mt(lang, 'i.intro')}</p>
      {error && (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{error}</h2>
        </div>
      )}
      <form method="post" action={`${itaBase(c)}/import`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <TextField name="fiscalYear" label={mt(lang, 'i.year')} values={{ fiscalYear: String(currentFiscalYear() - 1) }} inputmode="numeric" required />
        <div class="field">
          <label for="docx">{mt(lang, 'i.file')}</label>
          <input id="docx" name="docx" type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required />
        </div>
        <button type="submit">{mt(lang, 'i.upload')}</button>
      </form>
    </StaffLayout>,
    status,
  )
}

/** The parsed report as an editable form (one fieldset per measure and indicator). */
const PreviewPage = (c: StaffContext, year: number, r: ImportedReport) => {
  const ctx = pageCtx(c)
  const lang = ctx.lang
  const statusOpts = [{ value: '', label: statusLabel(lang, null) }, ...PROGRESS_STATUSES.map((x) => ({ value: x, label: statusLabel(lang, x) }))]
  return render(
    c,
    <StaffLayout ctx={ctx} title={mt(lang, 'i.preview')}>
      <h1>{mt(lang, 'i.preview')}</h1>
      <p>{mt(lang, 'i.previewHint')}</p>
      <form method="post" action={`${itaBase(c)}/import/confirm`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="fiscalYear" value={String(year)} />
        <input type="hidden" name="thaiNumerals" value={r.thaiNumerals ? '1' : ''} />
        <input type="hidden" name="measureCount" value={String(r.measures.length)} />
        <input type="hidden" name="indicatorCount" value={String(r.indicators.length)} />
        {r.measures.map((m, i) => (
          <fieldset class="card">
            <legend>{mt(lang, 'i.measure', { n: m.order })}</legend>
            <TextArea name={`m${i}_title`} label={mt(lang, 'm.name')} values={{ [`m${i}_title`]: m.title }} rows={2} />
            <TextArea name={`m${i}_steps`} label={mt(lang, 'm.steps')} values={{ [`m${i}_steps`]: m.steps.join('\n') }} rows={4} />
            <TextField name={`m${i}_period`} label={mt(lang, 'm.periodKind')} values={{ [`m${i}_period`]: m.period.replaceAll('\n', ' / ') }} />
            <TextArea name={`m${i}_responsible`} label={mt(lang, 'm.responsibleText')} values={{ [`m${i}_responsible`]: m.responsible }} rows={2} />
            <TextArea name={`m${i}_summary`} label={mt(lang, 'm.resultSummary')} values={{ [`m${i}_summary`]: m.resultSummary.join('\n') }} rows={4} />
            <TextArea name={`m${i}_outcome`} label={mt(lang, 'm.outcome')} values={{ [`m${i}_outcome`]: m.outcome.join('\n') }} rows={4} />
          </fieldset>
        ))}
        {r.indicators.map((ind, i) => (
          <fieldset class="card">
            <legend>{mt(lang, 'i.indicator', { n: ind.number })}</legend>
            <input type="hidden" name={`i${i}_number`} value={String(ind.number)} />
            <TextField name={`i${i}_name`} label={lang === 'th' ? 'ชื่อตัวชี้วัด' : 'Indicator name'} values={{ [`i${i}_name`]: ind.name }} />
            <TextField name={`i${i}_score`} label={lang === 'th' ? 'คะแนน' : 'Score'} values={{ [`i${i}_score`]: ind.score === null ? '' : ind.score.toFixed(2) }} />
            <TextArea name={`i${i}_guidelines`} label={lang === 'th' ? 'แนวทางในการยกระดับการประเมิน' : 'Guidelines'} values={{ [`i${i}_guidelines`]: ind.improvementGuidelines.join('\n') }} rows={4} />
            <TextArea name={`i${i}_responsible`} label={mt(lang, 'm.responsibleText')} values={{ [`i${i}_responsible`]: ind.responsible }} rows={2} />
            <TextField name={`i${i}_period`} label={mt(lang, 'm.periodKind')} values={{ [`i${i}_period`]: ind.period.replaceAll('\n', ' / ') }} />
            <TextArea name={`i${i}_progress`} label={lang === 'th' ? 'ความก้าวหน้าผลการดำเนินการ' : 'Progress'} values={{ [`i${i}_progress`]: ind.progress.join('\n') }} rows={4} />
            <SelectField name={`i${i}_status`} label={mt(lang, 'm.status')} values={{ [`i${i}_status`]: ind.status ?? '' }} options={statusOpts} />
          </fieldset>
        ))}
        <button type="submit">{mt(lang, 'i.confirm')}</button>
      </form>
    </StaffLayout>,
  )
}

/** Preview form values → the report's measures and indicators again. */
export function importedFromForm(values: FormValues): ImportedReport {
  const nm = Math.min(Number(s(values.measureCount)) || 0, 200)
  const ni = Math.min(Number(s(values.indicatorCount)) || 0, 50)
  const lines = (k: string) => s(values[k]).split(/\s*\/\s*|\r?\n/).map((x) => x.trim()).filter(Boolean).join('\n')
  const measures = Array.from({ length: nm }, (_, i) => ({
    order: i + 1,
    title: s(values[`m${i}_title`]),
    steps: linesToList(s(values[`m${i}_steps`])),
    period: lines(`m${i}_period`),
    responsible: s(values[`m${i}_responsible`]).split(/\r?\n/).map((x) => x.trim()).filter(Boolean).join('\n'),
    resultSummary: linesToList(s(values[`m${i}_summary`])),
    outcome: linesToList(s(values[`m${i}_outcome`])),
  })).filter((m) => m.title)
  const indicators = Array.from({ length: ni }, (_, i) => {
    const score = s(values[`i${i}_score`])
    const status = s(values[`i${i}_status`])
    return {
      number: Number(s(values[`i${i}_number`])),
      name: s(values[`i${i}_name`]),
      score: /^\d{1,3}(\.\d{1,2})?$/.test(score) && Number(score) <= 100 ? Number(score) : null,
      improvementGuidelines: linesToList(s(values[`i${i}_guidelines`])),
      responsible: s(values[`i${i}_responsible`]).split(/\r?\n/).map((x) => x.trim()).filter(Boolean).join('\n'),
      period: lines(`i${i}_period`),
      progress: linesToList(s(values[`i${i}_progress`])),
      status: (PROGRESS_STATUSES as readonly string[]).includes(status) ? (status as ProgressStatus) : null,
    }
  }).filter((x) => Number.isInteger(x.number) && x.number >= 1 && x.number <= 10)
  return { measures, indicators, thaiNumerals: !!s(values.thaiNumerals) }
}

export function importRoutes() {
  const app = new Hono<StaffEnv>()
  app.get('/ita/import', requirePermission('measure.edit'), (c) => UploadPage(c))
  app.post('/ita/import', requirePermission('measure.edit'), async (c) => {
    const lang = c.get('lang')
    const { values, files } = await readForm(c)
    const year = Number(s(values.fiscalYear))
    if (!(year >= 2500 && year <= 2700)) return UploadPage(c, lang === 'th' ? 'กรุณาระบุปีงบประมาณ (พ.ศ.) เช่น 2566' : 'Give the fiscal year (B.E.), e.g. 2566', 422)
    const f = files.docx?.[0]
    if (!f) return UploadPage(c, mt(lang, 'i.missing'), 422)
    try {
      const r = await importMeasuresReportDocx(new Uint8Array(await f.arrayBuffer()))
      return PreviewPage(c, year, r)
    } catch (e) {
      if (e instanceof AppError && e.detail) return UploadPage(c, e.detail[lang], e.status === 415 ? 415 : 422)
      throw e
    }
  })
  app.post('/ita/import/confirm', requirePermission('measure.edit'), async (c) => {
    const { values } = await readForm(c)
    const year = Number(s(values.fiscalYear))
    if (!(year >= 2500 && year <= 2700)) throw new AppError('bad_request', 422)
    const r = await saveImported(ctxOf(c), year, importedFromForm(values))
    flash(c, mt(c.get('lang'), 'i.saved', { measures: r.measures, indicators: r.indicators }))
    return c.redirect(`${itaBase(c)}/${year}/measures`, 303)
  })
  return app
}
