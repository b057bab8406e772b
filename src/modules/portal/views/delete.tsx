import type { FormState } from '../../../platform/http/forms.js'
import { t as platformT } from '../../../platform/i18n/messages.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { CsrfField } from '../../../platform/ui/layout.js'
import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import { pt } from '../portal.i18n.js'
import { EditorPage } from './staff.js'

/** Deleting asks first, on a page of its own (works without JavaScript). */
export const DeletePage = (p: { ctx: StaffPageCtx; title: string; action: string; back: string } & FormState) => (
  <EditorPage ctx={p.ctx} title={pt(p.ctx.lang, 'admin.deleteConfirm', { title: p.title })}>
    <ErrorSummary ctx={p.ctx} errors={p.errors} />
    <form method="post" action={p.action} class="actions">
      <CsrfField ctx={p.ctx} />
      <button type="submit" class="danger">{pt(p.ctx.lang, 'admin.delete')}</button>
      <a href={p.back}>{platformT(p.ctx.lang, 'form.cancel')}</a>
    </form>
  </EditorPage>
)
