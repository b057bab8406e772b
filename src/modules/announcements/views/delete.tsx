import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { announcementsT } from '../announcements.i18n.js'
import type { Announcement } from '../announcements.schema.js'

/** Deleting a draft asks first, on a page of its own (works without JavaScript). */
export const DeletePage = (p: { ctx: StaffPageCtx; base: string; record: Announcement } & FormState) => {
  const L = p.ctx.lang
  const title = announcementsT(L, 'delete.title', { subject: p.record.subject })
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{announcementsT(L, 'delete.intro')}</p>
      <form method="post" action={`${p.base}/${p.record.id}/delete`} class="actions">
        <CsrfField ctx={p.ctx} />
        <button type="submit" class="danger">
          {announcementsT(L, 'delete.confirm')}
        </button>
        <a href={`${p.base}/${p.record.id}`}>{announcementsT(L, 'form.cancel')}</a>
      </form>
    </StaffLayout>
  )
}
