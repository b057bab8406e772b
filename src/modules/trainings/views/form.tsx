import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { trainingsT } from '../trainings.i18n.js'
import { MODES, TRAINER_KINDS } from '../rules.js'

/** Create or edit a training session; the same view shows the form again with errors and values (422/409). */
export const SessionForm = (p: { ctx: StaffPageCtx; base: string; action: string; back: string; editing: boolean; units: { id: string; nameTh: string }[] } & FormState) => {
  const L = p.ctx.lang
  const title = trainingsT(L, p.editing ? 'form.editTitle' : 'form.newTitle')
  const v = p.values
  const e = p.errors
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: trainingsT(L, 'list.title'), href: p.base }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={e} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="topic" label={trainingsT(L, 'field.topic')} hint={trainingsT(L, 'field.topicHint')} values={v} errors={e} required max={300} lang={L} />
        <TextArea name="detail" label={trainingsT(L, 'field.detail')} values={v} errors={e} rows={4} max={10000} lang={L} />
        <DateField name="startsOn" label={trainingsT(L, 'field.startsOn')} hint={trainingsT(L, 'field.startsOnHint')} values={v} errors={e} lang={L} required />
        <DateField name="endsOn" label={trainingsT(L, 'field.endsOn')} hint={trainingsT(L, 'field.endsOnHint')} values={v} errors={e} lang={L} />
        <TextField name="hours" label={trainingsT(L, 'field.hours')} hint={trainingsT(L, 'field.hoursHint')} values={v} errors={e} inputmode="decimal" required />
        <SelectField name="trainerKind" label={trainingsT(L, 'field.trainerKind')} values={v} errors={e} options={TRAINER_KINDS.map((k) => ({ value: k, label: trainingsT(L, `trainer.${k}`) }))} />
        <TextField name="trainerName" label={trainingsT(L, 'field.trainerName')} values={v} errors={e} required max={300} lang={L} />
        <TextField name="trainerOrg" label={trainingsT(L, 'field.trainerOrg')} hint={trainingsT(L, 'field.trainerOrgHint')} values={v} errors={e} max={300} lang={L} />
        <SelectField name="mode" label={trainingsT(L, 'field.mode')} values={v} errors={e} options={MODES.map((k) => ({ value: k, label: trainingsT(L, `mode.${k}`) }))} />
        <TextField name="place" label={trainingsT(L, 'field.place')} values={v} errors={e} required max={500} lang={L} />
        <TextField name="targetGroup" label={trainingsT(L, 'field.targetGroup')} hint={trainingsT(L, 'field.targetGroupHint')} values={v} errors={e} required max={500} lang={L} />
        <SelectField name="unitId" label={trainingsT(L, 'field.unitId')} values={v} errors={e} placeholder={trainingsT(L, 'field.unitNone')} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <TextField name="budget" label={trainingsT(L, 'field.budget')} hint={trainingsT(L, 'field.budgetHint')} values={v} errors={e} inputmode="decimal" />
        <div class="actions">
          <button type="submit">{trainingsT(L, 'form.save')}</button>
          <a href={p.back}>{trainingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
