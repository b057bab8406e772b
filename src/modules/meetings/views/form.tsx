import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, DateField, ErrorSummary, SelectField, TextField } from '../../../platform/ui/fields.js'
import { meetingsT } from '../meetings.i18n.js'
import { MEETING_KINDS } from '../rules.js'

/** Create or edit a meeting; the same view shows the form again with errors and values (422/409). */
export const MeetingForm = (p: { ctx: StaffPageCtx; base: string; action: string; editing: boolean; units: { id: string; nameTh: string }[] } & FormState) => {
  const L = p.ctx.lang
  const title = meetingsT(L, p.editing ? 'form.editTitle' : 'form.newTitle')
  const v = p.values
  const e = p.errors
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: meetingsT(L, 'list.title'), href: p.base }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={e} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField name="kind" label={meetingsT(L, 'field.kind')} hint={meetingsT(L, 'field.kindHint')} values={v} errors={e} options={MEETING_KINDS.map((k) => ({ value: k, label: meetingsT(L, `kind.${k}`) }))} />
        <TextField name="title" label={meetingsT(L, 'field.title')} hint={meetingsT(L, 'field.titleHint')} values={v} errors={e} required max={300} lang={L} />
        <DateField name="heldOn" label={meetingsT(L, 'field.heldOn')} hint={meetingsT(L, 'field.heldOnHint')} values={v} errors={e} lang={L} required />
        <TextField name="startsAt" label={meetingsT(L, 'field.startsAt')} hint={meetingsT(L, 'field.timeHint')} values={v} errors={e} inputmode="numeric" required />
        <TextField name="place" label={meetingsT(L, 'field.place')} values={v} errors={e} required max={300} lang={L} />
        <SelectField name="unitId" label={meetingsT(L, 'field.unitId')} hint={meetingsT(L, 'field.unitHint')} values={v} errors={e} placeholder={meetingsT(L, 'field.unitNone')} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <TextField name="chairName" label={meetingsT(L, 'field.chairName')} values={v} errors={e} required />
        <TextField name="chairPosition" label={meetingsT(L, 'field.chairPosition')} values={v} errors={e} />
        <TextField name="secretaryName" label={meetingsT(L, 'field.secretaryName')} values={v} errors={e} />
        <TextField name="secretaryPosition" label={meetingsT(L, 'field.secretaryPosition')} values={v} errors={e} />
        <TextField name="quorum" label={meetingsT(L, 'field.quorum')} hint={meetingsT(L, 'field.quorumHint')} values={v} errors={e} inputmode="numeric" />
        <CheckboxField name="isPublic" label={meetingsT(L, 'field.isPublic')} values={v} />
        <div class="actions">
          <button type="submit">{meetingsT(L, 'form.save')}</button>
          <a href={p.base}>{meetingsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
