import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { giftsT } from '../gifts.i18n.js'
import type { GiftRecord } from '../gifts.schema.js'

/** Deleting asks first, on a page of its own (works without JavaScript). */
export const DeletePage = (p: { ctx: StaffPageCtx; base: string; record: GiftRecord } & FormState) => {
  const L = p.ctx.lang
  const title = giftsT(L, 'delete.title', { giver: p.record.giver })
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{giftsT(L, 'delete.intro')}</p>
      <form method="post" action={`${p.base}/${p.record.id}/delete`} class="actions">
        <CsrfField ctx={p.ctx} />
        <button type="submit" class="danger">
          {giftsT(L, 'delete.confirm')}
        </button>
        <a href={p.base}>{giftsT(L, 'form.cancel')}</a>
      </form>
    </StaffLayout>
  )
}
