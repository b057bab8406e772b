import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { CheckboxGroup, DateField, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { announcementsT } from '../announcements.i18n.js'
import { ACK_SCOPES, ANNOUNCEMENT_KINDS, AUDIENCES } from '../announcements.schema.js'

export type UnitOption = { id: string; nameTh: string }

/** Create or edit a draft; the same view shows the form again with errors and values (422/409). */
export const DraftForm = (p: { ctx: StaffPageCtx; base: string; action: string; editing: boolean; units: UnitOption[]; fileName?: string | null | undefined } & FormState) => {
  const L = p.ctx.lang
  const title = announcementsT(L, p.editing ? 'form.editTitle' : 'form.newTitle')
  const field = (name: string) => ({ name, values: p.values, errors: p.errors })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: announcementsT(L, 'list.title'), href: p.base }, { label: title, href: p.action }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <SelectField {...field('kind')} label={announcementsT(L, 'field.kind')} options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: announcementsT(L, `kind.${k}`) }))} />
        <TextField {...field('subject')} label={announcementsT(L, 'field.subject')} hint={announcementsT(L, 'field.subjectHint')} maxlength={300} required />
        <TextArea {...field('body')} label={announcementsT(L, 'field.body')} hint={announcementsT(L, 'field.bodyHint')} rows={14} max={20_000} lang={L} />
        <DateField {...field('signedOn')} label={announcementsT(L, 'field.signedOn')} ctx={p.ctx} required />
        <TextField {...field('signerName')} label={announcementsT(L, 'field.signerName')} maxlength={200} />
        <TextField {...field('signerPosition')} label={announcementsT(L, 'field.signerPosition')} maxlength={200} />
        <SelectField {...field('audience')} label={announcementsT(L, 'field.audience')} options={AUDIENCES.map((a) => ({ value: a, label: announcementsT(L, `audience.${a}`) }))} />
        <DateField {...field('effectiveOn')} label={announcementsT(L, 'field.effectiveOn')} ctx={p.ctx} />
        <SelectField {...field('ackScope')} label={announcementsT(L, 'field.ackScope')} options={ACK_SCOPES.map((s) => ({ value: s, label: announcementsT(L, `ackScope.${s}`) }))} />
        <CheckboxGroup {...field('ackUnitIds')} label={announcementsT(L, 'field.ackUnitIds')} hint={announcementsT(L, 'field.ackUnitIdsHint')} options={p.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
        <DateField {...field('ackDueOn')} label={announcementsT(L, 'field.ackDueOn')} hint={announcementsT(L, 'field.ackDueOnHint')} ctx={p.ctx} />
        <FileField name="scan" errors={p.errors} label={announcementsT(L, 'field.scan')} {...(p.fileName ? { hint: announcementsT(L, 'field.scanKept', { name: p.fileName }) } : {})} accept="application/pdf" />
        <div class="actions">
          <button type="submit">{announcementsT(L, 'form.save')}</button>
          <a href={p.base}>{announcementsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
