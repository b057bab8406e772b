import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { risksT } from '../risks.i18n.js'
import { RISK_STATUSES } from '../risks.schema.js'
import { AREAS, IMPACT_SCALE, LIKELIHOOD_SCALE, SCALE } from '../rules.js'
import type { Unit } from '../risks.service.js'
import type { YearBands } from '../rules.js'
import { bandsSource, bandsText } from './parts.js'

const scaleOptions = (L: 'th' | 'en', scale: typeof LIKELIHOOD_SCALE) =>
  [...SCALE].reverse().map((n) => {
    const s = scale.value[n]
    return { value: String(n), label: risksT(L, 'scale.hint', { n, label: s.label, text: s.text ? ` — ${s.text}` : '' }) }
  })

/** Create or edit a risk; the same view shows the form again with errors and values (422/409). */
export const RiskForm = (p: { ctx: StaffPageCtx; base: string; action: string; editing: boolean; units: Unit[]; published: boolean; bands: YearBands } & FormState) => {
  const L = p.ctx.lang
  const title = risksT(L, p.editing ? 'form.editTitle' : 'form.newTitle')
  const v = p.values
  const e = p.errors
  const likelihood = scaleOptions(L, LIKELIHOOD_SCALE)
  const impact = scaleOptions(L, IMPACT_SCALE)
  const statuses = RISK_STATUSES.filter((s) => !(p.published && s === 'draft'))
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: risksT(L, 'list.title'), href: p.base }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={e} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="fiscalYear" label={risksT(L, 'field.fiscalYear')} values={v} errors={e} inputmode="numeric" required />
        <SelectField name="area" label={risksT(L, 'field.area')} values={v} errors={e} options={AREAS.map((a) => ({ value: a, label: risksT(L, `area.${a}`) }))} />
        <TextField name="process" label={risksT(L, 'field.process')} hint={risksT(L, 'field.processHint')} values={v} errors={e} required max={300} lang={L} />
        <TextArea name="event" label={risksT(L, 'field.event')} hint={risksT(L, 'field.eventHint')} values={v} errors={e} required rows={3} max={1000} lang={L} />
        <TextArea name="cause" label={risksT(L, 'field.cause')} values={v} errors={e} rows={3} max={2000} lang={L} />
        <fieldset>
          <legend>{risksT(L, 'form.inherent')}</legend>
          <p class="muted">
            {risksT(L, 'heat.legend', { bands: bandsText(L, p.bands) })} · {bandsSource(L, p.bands)}
          </p>
          <SelectField name="likelihood" label={risksT(L, 'field.likelihood')} values={v} errors={e} options={likelihood} />
          <SelectField name="impact" label={risksT(L, 'field.impact')} values={v} errors={e} options={impact} />
        </fieldset>
        <TextArea name="existingControls" label={risksT(L, 'field.existingControls')} values={v} errors={e} rows={3} max={3000} lang={L} />
        <TextField name="indicator" label={risksT(L, 'field.indicator')} values={v} errors={e} max={500} lang={L} />
        <TextField name="target" label={risksT(L, 'field.target')} values={v} errors={e} max={500} lang={L} />
        <fieldset>
          <legend>{risksT(L, 'form.residual')}</legend>
          <p class="muted">{risksT(L, 'field.residualHint')}</p>
          <SelectField name="residualLikelihood" label={risksT(L, 'field.residualLikelihood')} values={v} errors={e} placeholder="-" options={likelihood} />
          <SelectField name="residualImpact" label={risksT(L, 'field.residualImpact')} values={v} errors={e} placeholder="-" options={impact} />
        </fieldset>
        <SelectField name="ownerUnitId" label={risksT(L, 'field.ownerUnitId')} values={v} errors={e} placeholder="-" options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <DateField name="reviewOn" label={risksT(L, 'field.reviewOn')} hint={risksT(L, 'field.reviewOnHint')} values={v} errors={e} lang={L} />
        <SelectField name="status" label={risksT(L, 'field.status')} hint={risksT(L, 'field.statusHint')} values={v} errors={e} options={statuses.map((s) => ({ value: s, label: risksT(L, `status.${s}`) }))} />
        <div class="actions">
          <button type="submit">{risksT(L, 'form.save')}</button>
          <a href={p.base}>{risksT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
