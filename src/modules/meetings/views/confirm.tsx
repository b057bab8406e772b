import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormErrors } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { meetingsT } from '../meetings.i18n.js'

/** Asks before deleting (a meeting or an agenda item); works without JavaScript. */
export const ConfirmPage = (p: { ctx: StaffPageCtx; title: string; intro: string; action: string; back: string; errors?: FormErrors | undefined }) => (
  <StaffLayout ctx={p.ctx} title={p.title}>
    <h1>{p.title}</h1>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <p>{p.intro}</p>
    <form method="post" action={p.action} class="actions">
      <CsrfField ctx={p.ctx} />
      <button type="submit" class="danger">
        {meetingsT(p.ctx.lang, 'delete.confirm')}
      </button>
      <a href={p.back}>{meetingsT(p.ctx.lang, 'form.cancel')}</a>
    </form>
  </StaffLayout>
)
