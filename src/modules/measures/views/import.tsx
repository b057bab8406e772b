import type { FormState, FormValues } from '../../../platform/http/forms.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { PROGRESS_STATUSES, statusLabel } from '../../assessment/index.js'
import { mt } from '../measures.i18n.js'
import { previewCounts, uploadDefaults } from '../import.forms.js'
import { FileField } from '../../../platform/ui/fields.js'

const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const one = (v: FormValues[string] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''

/** Step 1: the fiscal year and the .docx file. */
export const UploadPage = ({ ctx, action, values, errors }: { ctx: StaffPageCtx; action: string } & FormState) => {
  const L = ctx.lang
  return (
    <StaffLayout ctx={ctx} title={mt(L, 'i.title')}>
      <h1>{mt(L, 'i.title')}</h1>
      <p>{mt(L, 'i.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <TextField name="fiscalYear" label={mt(L, 'i.year')} values={values ?? uploadDefaults()} errors={errors} inputmode="numeric" required />
        <FileField id="docx" name="docx" label={mt(L, 'i.file')} accept={DOCX_ACCEPT} error={errors?.docx} />
        <button type="submit">{mt(L, 'i.upload')}</button>
      </form>
    </StaffLayout>
  )
}

/** Step 2: the parsed report as an editable form (one fieldset per measure and indicator). */
export const PreviewPage = ({ ctx, action, values: v = {}, errors: e }: { ctx: StaffPageCtx; action: string } & FormState) => {
  const L = ctx.lang
  const n = previewCounts(v)
  const statusOpts = [{ value: '', label: statusLabel(L, null) }, ...PROGRESS_STATUSES.map((x) => ({ value: x, label: statusLabel(L, x) }))]
  const field = (props: { name: string; label: string; rows?: number }) =>
    props.rows ? <TextArea name={props.name} label={props.label} values={v} errors={e} rows={props.rows} /> : <TextField name={props.name} label={props.label} values={v} errors={e} />
  return (
    <StaffLayout ctx={ctx} title={mt(L, 'i.preview')}>
      <h1>{mt(L, 'i.preview')}</h1>
      <p>{mt(L, 'i.previewHint')}</p>
      <ErrorSummary ctx={ctx} errors={e} />
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <TextField name="fiscalYear" label={mt(L, 'i.year')} values={v} errors={e} inputmode="numeric" required />
        {(['thaiNumerals', 'measureCount', 'indicatorCount'] as const).map((k) => (
          <input type="hidden" name={k} value={one(v[k])} />
        ))}
        {Array.from({ length: n.measures }, (_, i) => (
          <fieldset class="card">
            <legend>{mt(L, 'i.measure', { n: one(v[`m${i}_order`]) || i + 1 })}</legend>
            <input type="hidden" name={`m${i}_order`} value={one(v[`m${i}_order`])} />
            {field({ name: `m${i}_title`, label: mt(L, 'm.name'), rows: 2 })}
            {field({ name: `m${i}_steps`, label: mt(L, 'm.steps'), rows: 4 })}
            {field({ name: `m${i}_period`, label: mt(L, 'm.periodKind') })}
            {field({ name: `m${i}_responsible`, label: mt(L, 'm.responsibleText'), rows: 2 })}
            {field({ name: `m${i}_summary`, label: mt(L, 'm.resultSummary'), rows: 4 })}
            {field({ name: `m${i}_outcome`, label: mt(L, 'm.outcome'), rows: 4 })}
          </fieldset>
        ))}
        {Array.from({ length: n.indicators }, (_, i) => (
          <fieldset class="card">
            <legend>{mt(L, 'i.indicator', { n: one(v[`i${i}_number`]) })}</legend>
            <input type="hidden" name={`i${i}_number`} value={one(v[`i${i}_number`])} />
            {field({ name: `i${i}_name`, label: mt(L, 'i.indicatorName') })}
            {field({ name: `i${i}_score`, label: mt(L, 'i.score') })}
            {field({ name: `i${i}_guidelines`, label: mt(L, 'i.guidelines'), rows: 4 })}
            {field({ name: `i${i}_responsible`, label: mt(L, 'm.responsibleText'), rows: 2 })}
            {field({ name: `i${i}_period`, label: mt(L, 'm.periodKind') })}
            {field({ name: `i${i}_progress`, label: mt(L, 'i.progress'), rows: 4 })}
            <SelectField name={`i${i}_status`} label={mt(L, 'm.status')} values={v} errors={e} options={statusOpts} />
          </fieldset>
        ))}
        <button type="submit">{mt(L, 'i.confirm')}</button>
      </form>
    </StaffLayout>
  )
}
