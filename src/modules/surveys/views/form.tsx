import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { surveysT } from '../surveys.i18n.js'
import { SURVEY_ACCESS } from '../surveys.schema.js'
import { TEMPLATES } from '../templates.js'

export type UnitOption = { id: string; nameTh: string }

/** Create or edit a survey's settings; the same view shows the form again with errors and values (422/409). */
export const SurveyForm = (p: { ctx: StaffPageCtx; base: string; action: string; editing: boolean; units: UnitOption[]; cancel: string } & FormState) => {
  const L = p.ctx.lang
  const title = surveysT(L, p.editing ? 'form.editTitle' : 'form.newTitle')
  const field = (name: string) => ({ name, values: p.values, errors: p.errors })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: surveysT(L, 'list.title'), href: p.base }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        {!p.editing && (
          <SelectField {...field('template')} label={surveysT(L, 'field.template')} hint={surveysT(L, 'field.templateHint')} options={[{ value: 'blank', label: surveysT(L, 'template.blank') }, ...TEMPLATES.map((t) => ({ value: t.key, label: L === 'en' ? t.title.en : t.title.th }))]} />
        )}
        <TextField {...field('title')} label={surveysT(L, 'field.title')} hint={surveysT(L, 'field.titleHint')} maxlength={300} required />
        <TextArea {...field('intro')} label={surveysT(L, 'field.intro')} hint={surveysT(L, 'field.introHint')} rows={4} max={5000} lang={L} />
        <TextField {...field('fiscalYear')} label={surveysT(L, 'field.fiscalYear')} hint={surveysT(L, 'field.fiscalYearHint')} inputmode="numeric" required />
        <SelectField {...field('unitId')} label={surveysT(L, 'field.unit')} placeholder={surveysT(L, 'field.noUnit')} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <SelectField {...field('access')} label={surveysT(L, 'field.access')} hint={surveysT(L, 'field.accessHint')} options={SURVEY_ACCESS.map((a) => ({ value: a, label: surveysT(L, `access.${a}`) }))} />
        <DateField {...field('closesOn')} label={surveysT(L, 'field.closesOn')} hint={surveysT(L, 'field.closesOnHint')} ctx={p.ctx} />
        <div class="actions">
          <button type="submit">{surveysT(L, 'form.save')}</button>
          <a href={p.cancel}>{surveysT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
