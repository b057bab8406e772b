import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormErrors } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { risksT } from '../risks.i18n.js'

/** Asks before deleting a risk, on a page of its own (works without JavaScript). */
export const ConfirmPage = (p: { ctx: StaffPageCtx; title: string; action: string; back: string; errors?: FormErrors | undefined }) => {
  const L = p.ctx.lang
  const title = risksT(L, 'delete.title', { title: p.title })
  return (
    <StaffLayout ctx={p.ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{risksT(L, 'delete.intro')}</p>
      <form method="post" action={p.action} class="actions">
        <CsrfField ctx={p.ctx} />
        <button type="submit" class="danger">
          {risksT(L, 'delete.confirm')}
        </button>
        <a href={p.back}>{risksT(L, 'form.cancel')}</a>
      </form>
    </StaffLayout>
  )
}
