import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, DateField, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { dayText } from '../../../platform/ui/prose.js'
import { giftsT } from '../gifts.i18n.js'
import { ACTIONS, RELATIONS, type Assessment } from '../rules.js'
import { AssessmentTag, bahtText, num } from './shared.js'

export type PersonOption = { id: string; fullName: string; position: string | null }
/** What the rule made of a saved record (shown on its edit page). */
export type Judged = { assessment: Assessment; fiscalYear: number; limit: string | null; reportBy: string | null }

/** Record or edit one gift; the same view shows the form again with errors and values (422/409). */
export const GiftForm = (p: { ctx: StaffPageCtx; base: string; action: string; editing: boolean; people: PersonOption[]; judged?: Judged; attached?: { photo: string | null; handover: string | null } } & FormState) => {
  const L = p.ctx.lang
  const title = giftsT(L, p.editing ? 'form.editTitle' : 'form.newTitle')
  const people = p.people.map((x) => ({ value: x.id, label: x.position ? `${x.fullName} (${x.position})` : x.fullName }))
  const common = { values: p.values, errors: p.errors }
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: giftsT(L, 'list.title'), href: p.base }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      {p.judged && (
        <section aria-label={giftsT(L, 'list.assessment')} class="card">
          <p>
            <AssessmentTag ctx={p.ctx} a={p.judged.assessment} />
          </p>
          <p>
            {p.judged.limit
              ? giftsT(L, 'assessment.limit', { year: num(p.ctx, p.judged.fiscalYear), limit: bahtText(p.ctx, p.judged.limit) })
              : giftsT(L, 'assessment.noRuleHint', { year: num(p.ctx, p.judged.fiscalYear) })}
          </p>
          {p.judged.reportBy && <p>{giftsT(L, 'assessment.reportBy', { date: dayText(p.ctx, p.judged.reportBy) })}</p>}
        </section>
      )}
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <fieldset>
          <legend>{giftsT(L, 'fieldset.gift')}</legend>
          <SelectField name="personId" label={giftsT(L, 'field.personId')} {...common} options={people} placeholder={giftsT(L, 'field.noneChosen')} required />
          <DateField name="receivedOn" label={giftsT(L, 'field.receivedOn')} {...common} lang={L} required />
          <TextField name="giver" label={giftsT(L, 'field.giver')} hint={giftsT(L, 'field.giverHint')} {...common} required />
          <SelectField name="relation" label={giftsT(L, 'field.relation')} {...common} options={RELATIONS.map((r) => ({ value: r, label: giftsT(L, `relation.${r}`) }))} />
          <CheckboxField name="generalGiving" label={giftsT(L, 'field.generalGiving')} {...common} />
          <TextField name="occasion" label={giftsT(L, 'field.occasion')} hint={giftsT(L, 'field.occasionHint')} {...common} required />
          <CheckboxField name="customary" label={giftsT(L, 'field.customary')} {...common} />
          <TextArea name="description" label={giftsT(L, 'field.description')} hint={giftsT(L, 'field.descriptionHint')} {...common} rows={3} required />
          <TextField name="valueBaht" label={giftsT(L, 'field.valueBaht')} hint={giftsT(L, 'field.valueHint')} {...common} inputmode="decimal" required />
          <FileField name="photo" label={giftsT(L, 'field.photo')} hint={giftsT(L, 'field.fileHint')} errors={p.errors} accept=".pdf,.jpg,.jpeg,.png,.webp" />
          {p.attached?.photo && (
            <p>
              <a href={p.attached.photo}>{giftsT(L, 'file.current', { label: giftsT(L, 'field.photo') })}</a>
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{giftsT(L, 'fieldset.handling')}</legend>
          <SelectField name="action" label={giftsT(L, 'field.action')} {...common} options={ACTIONS.map((a) => ({ value: a, label: giftsT(L, `action.${a}`) }))} />
          <TextField name="handedTo" label={giftsT(L, 'field.handedTo')} {...common} />
          <DateField name="handedOn" label={giftsT(L, 'field.handedOn')} {...common} lang={L} />
          <FileField name="handover" label={giftsT(L, 'field.handover')} hint={giftsT(L, 'field.fileHint')} errors={p.errors} accept=".pdf,.jpg,.jpeg,.png,.webp" />
          {p.attached?.handover && (
            <p>
              <a href={p.attached.handover}>{giftsT(L, 'file.current', { label: giftsT(L, 'field.handover') })}</a>
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{giftsT(L, 'fieldset.report')}</legend>
          <SelectField name="reportedTo" label={giftsT(L, 'field.reportedTo')} hint={giftsT(L, 'field.reportedToHint')} {...common} options={people} placeholder={giftsT(L, 'field.noneChosen')} />
          <DateField name="reportedOn" label={giftsT(L, 'field.reportedOn')} {...common} lang={L} />
          <TextArea name="decision" label={giftsT(L, 'field.decision')} {...common} rows={3} />
        </fieldset>
        <TextArea name="note" label={giftsT(L, 'field.note')} {...common} rows={3} />
        <div class="actions">
          <button type="submit">{giftsT(L, 'form.save')}</button>
          <a href={p.base}>{giftsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
