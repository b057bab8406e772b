import type { FormErrors, FormValues } from '../../../platform/http/forms.js'
import type { PageCtx } from '../../../platform/ui/page-context.js'
import { CheckboxGroup, DateField, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import type { Framework } from '../../assessment/index.js'
import { mt } from '../measures.i18n.js'
import { LIMITS } from '../measures.forms.js'

export type UnitOption = { id: string; nameTh: string }

/** The fields of a measure, shared by the add form (year page) and the edit page. */
export const MeasureFields = (p: { ctx: PageCtx; year: number; fw: Framework | undefined; units: UnitOption[]; values: FormValues; errors?: FormErrors | undefined }) => {
  const L = p.ctx.lang
  const v = p.values
  const e = p.errors
  return (
    <>
      <TextArea name="title" label={mt(L, 'm.name')} values={v} errors={e} rows={2} required lang={L} max={LIMITS.title} />
      {p.fw && <CheckboxGroup name="indicatorNumbers" label={mt(L, 'm.indicators')} values={v} errors={e} options={p.fw.indicators.map((i) => ({ value: String(i.number), label: `${i.number} ${i.nameTh}` }))} />}
      <TextField name="oitCodes" label={mt(L, 'm.oit')} hint={mt(L, 'm.oitHint')} values={v} errors={e} />
      <TextArea name="steps" label={mt(L, 'm.steps')} hint={mt(L, 'm.listHint')} values={v} errors={e} rows={5} lang={L} max={LIMITS.list} />
      <SelectField name="periodKind" label={mt(L, 'm.periodKind')} values={v} errors={e} options={[{ value: 'fiscal_year', label: mt(L, 'm.periodFy') }, { value: 'range', label: mt(L, 'm.periodRange') }]} />
      <DateField name="periodStart" ctx={p.ctx} fiscalYear={p.year} label={mt(L, 'm.periodStart')} values={v} errors={e} />
      <DateField name="periodEnd" ctx={p.ctx} fiscalYear={p.year} label={mt(L, 'm.periodEnd')} values={v} errors={e} />
      <TextField name="periodText" label={mt(L, 'm.periodText')} values={v} errors={e} lang={L} max={LIMITS.periodText} />
      {p.units.length > 0 && <CheckboxGroup name="unitIds" label={mt(L, 'm.units')} values={v} errors={e} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />}
      <TextField name="responsibleText" label={mt(L, 'm.responsibleText')} hint={mt(L, 'm.responsibleHint')} values={v} errors={e} lang={L} max={LIMITS.responsibleText} />
      <TextArea name="resultSummary" label={mt(L, 'm.resultSummary')} hint={mt(L, 'm.listHint')} values={v} errors={e} rows={5} lang={L} max={LIMITS.list} />
      <TextArea name="outcome" label={mt(L, 'm.outcome')} hint={mt(L, 'm.listHint')} values={v} errors={e} rows={5} lang={L} max={LIMITS.list} />
    </>
  )
}
