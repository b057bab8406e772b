import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, DateField, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { coiT } from '../coi.i18n.js'
import { COMMITTEE_ROLES, COMMITTEES, DECLARATION_KINDS, type DeclarationKind } from '../coi.schema.js'
import { INTEREST_KINDS, RELATIONS } from '../matcher.js'
import { COMMITTEE_FORM_RULE } from '../rules.js'
import { INTEREST_ROWS } from '../declarations.js'

/**
 * The fields of a declaration, shared by the staff forms and the single-use link's public form.
 * With `kind` (a link is for one kind of declaration) the kind is fixed and the committee part is
 * shown only for an appointment.
 */
export const DeclarationFields = (p: { lang: 'th' | 'en'; kind?: DeclarationKind } & FormState) => {
  const L = p.lang
  const opt = <T extends string>(values: readonly T[], key: (v: T) => Parameters<typeof coiT>[1]) => values.map((v) => ({ value: v, label: coiT(L, key(v)) }))
  return (
    <>
      {p.kind ? <input type="hidden" name="kind" value={p.kind} /> : <SelectField name="kind" label={coiT(L, 'field.kind')} values={p.values} errors={p.errors} options={opt(DECLARATION_KINDS, (k) => `kind.${k}`)} />}
      <DateField name="declaredOn" label={coiT(L, 'field.declaredOn')} hint={coiT(L, 'field.dateHint')} values={p.values} errors={p.errors} lang={L} required />
      {(!p.kind || p.kind === 'appointment') && (
        <fieldset class="field">
          <legend>{coiT(L, 'form.committee')}</legend>
          <p class="hint">{coiT(L, 'form.committeeHint')}</p>
          <p class="hint">
            <span class="badge warn">{coiT(L, 'rules.unverified')}</span> {L === 'th' ? COMMITTEE_FORM_RULE.th : COMMITTEE_FORM_RULE.en}
          </p>
          <SelectField name="committee" label={coiT(L, 'field.committee')} values={p.values} errors={p.errors} placeholder={coiT(L, 'form.choose')} options={opt(COMMITTEES, (k) => `committee.${k}`)} />
          <SelectField name="committeeRole" label={coiT(L, 'field.committeeRole')} values={p.values} errors={p.errors} placeholder={coiT(L, 'form.choose')} options={opt(COMMITTEE_ROLES, (k) => `role.${k}`)} />
          <TextField name="project" label={coiT(L, 'field.project')} hint={coiT(L, 'field.projectHint')} values={p.values} errors={p.errors} />
          <TextArea name="bidders" label={coiT(L, 'field.bidders')} hint={coiT(L, 'field.biddersHint')} values={p.values} errors={p.errors} rows={3} />
        </fieldset>
      )}
      <h2>{coiT(L, 'form.interests')}</h2>
      <p class="hint">{coiT(L, 'form.interestsHint')}</p>
      {Array.from({ length: INTEREST_ROWS }, (_, i) => (
        <fieldset class="field">
          <legend>{coiT(L, 'form.interestN', { n: i + 1 })}</legend>
          <SelectField name={`i${i}_kind`} label={coiT(L, 'field.interestKind')} values={p.values} errors={p.errors} placeholder={coiT(L, 'form.choose')} options={opt(INTEREST_KINDS, (k) => `interest.${k}`)} />
          <SelectField name={`i${i}_relation`} label={coiT(L, 'field.relation')} values={p.values} errors={p.errors} options={opt(RELATIONS, (k) => `relation.${k}`)} />
          <TextField name={`i${i}_holderName`} label={coiT(L, 'field.holderName')} hint={coiT(L, 'field.holderNameHint')} values={p.values} errors={p.errors} />
          <TextField name={`i${i}_partyName`} label={coiT(L, 'field.partyName')} hint={coiT(L, 'field.partyNameHint')} values={p.values} errors={p.errors} />
          <TextField name={`i${i}_juristicId`} label={coiT(L, 'field.juristicId')} hint={coiT(L, 'field.juristicIdHint')} values={p.values} errors={p.errors} inputmode="numeric" />
          <TextField name={`i${i}_detail`} label={coiT(L, 'field.detail')} hint={coiT(L, 'field.detailHint')} values={p.values} errors={p.errors} />
        </fieldset>
      ))}
      <CheckboxField name="noInterest" label={coiT(L, 'field.noInterest')} values={p.values} errors={p.errors} />
      <TextArea name="note" label={coiT(L, 'field.note')} values={p.values} errors={p.errors} rows={3} />
      <p class="hint">{coiT(L, 'form.privacy')}</p>
    </>
  )
}

/**
 * The declaration form (annual, on appointment to a committee, on a change): the committee part,
 * up to four interests, the statement of no interest. The same view shows itself again on 422.
 */
export const DeclarationForm = (p: { ctx: StaffPageCtx; base: string; action: string; personName: string; back: string } & FormState) => {
  const L = p.ctx.lang
  const title = coiT(L, 'form.title')
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: coiT(L, 'mine.title'), href: p.back }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <p>{coiT(L, 'form.for', { name: p.personName })}</p>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={p.ctx} />
        <DeclarationFields lang={L} values={p.values} errors={p.errors} />
        <div class="actions">
          <button type="submit">{coiT(L, 'form.submit')}</button>
          <a href={p.back}>{coiT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
