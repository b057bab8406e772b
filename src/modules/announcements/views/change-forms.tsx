import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary, FileField, TextArea, TextField } from '../../../platform/ui/fields.js'
import { announcementsT } from '../announcements.i18n.js'
import type { Announcement } from '../announcements.schema.js'

/** A revision of a published announcement: new text and what changed (everyone is asked again). */
export const ReviseForm = (p: { ctx: StaffPageCtx; base: string; a: Announcement } & FormState) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.a.id}`
  const title = announcementsT(L, 'detail.revise')
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: announcementsT(L, 'list.title'), href: p.base }, { label: p.a.subject, href: here }, { label: title, href: `${here}/revise` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${here}/revise`} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={p.ctx} />
        <TextField name="subject" values={p.values} errors={p.errors} label={announcementsT(L, 'field.subject')} maxlength={300} required />
        <TextArea name="body" values={p.values} errors={p.errors} label={announcementsT(L, 'field.body')} hint={announcementsT(L, 'field.bodyHint')} rows={14} max={20_000} lang={L} />
        <TextField name="changeNote" values={p.values} errors={p.errors} label={announcementsT(L, 'field.changeNote')} hint={announcementsT(L, 'field.changeNoteHint')} maxlength={500} required />
        <FileField name="scan" errors={p.errors} label={announcementsT(L, 'field.scan')} accept="application/pdf" />
        <div class="actions">
          <button type="submit">{title}</button>
          <a href={here}>{announcementsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}

/** Withdrawal keeps the record and its number; it asks for the reason on its own page. */
export const WithdrawForm = (p: { ctx: StaffPageCtx; base: string; a: Announcement } & FormState) => {
  const L = p.ctx.lang
  const here = `${p.base}/${p.a.id}`
  const title = `${announcementsT(L, 'detail.withdraw')}: ${p.a.subject}`
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <form method="post" action={`${here}/withdraw`} novalidate>
        <CsrfField ctx={p.ctx} />
        <TextArea name="reason" values={p.values} errors={p.errors} label={announcementsT(L, 'field.reason')} rows={3} max={1000} lang={L} required />
        <div class="actions">
          <button type="submit" class="danger">
            {announcementsT(L, 'detail.withdraw')}
          </button>
          <a href={here}>{announcementsT(L, 'form.cancel')}</a>
        </div>
      </form>
    </StaffLayout>
  )
}
