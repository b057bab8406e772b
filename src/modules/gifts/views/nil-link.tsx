import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, PublicLayout } from '../../../platform/ui/layout.js'
import { CheckboxField, ErrorSummary } from '../../../platform/ui/fields.js'
import { giftsT } from '../gifts.i18n.js'
import type { LinkView } from '../returns.js'
import { halfLabel, num } from './shared.js'

/** The single-use link's form (no account, no JavaScript needed); the same view shows errors and the answer. */
export const NilLinkPage = (p: { ctx: OrgPageCtx; action: string; link: LinkView | null; done?: LinkView } & FormState) => {
  const { ctx } = p
  const L = ctx.lang
  if (p.done)
    return (
      <PublicLayout ctx={ctx} title={giftsT(L, 'link.done')}>
        <h1>{giftsT(L, 'link.done')}</h1>
        <p role="status">{giftsT(L, 'link.doneDetail', { name: p.done.personName, half: num(ctx, p.done.half), year: num(ctx, p.done.fiscalYear) })}</p>
      </PublicLayout>
    )
  if (!p.link)
    return (
      <PublicLayout ctx={ctx} title={giftsT(L, 'link.title')}>
        <h1>{giftsT(L, 'link.title')}</h1>
        <ErrorSummary ctx={ctx} errors={p.errors} />
        <p>{giftsT(L, 'link.invalid')}</p>
      </PublicLayout>
    )
  return (
    <PublicLayout ctx={ctx} title={giftsT(L, 'link.title')}>
      <h1>{giftsT(L, 'link.title')}</h1>
      <p>{giftsT(L, 'link.for', { name: p.link.personName, half: num(ctx, p.link.half), year: num(ctx, p.link.fiscalYear) })}</p>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField ctx={ctx} />
        <p>{giftsT(L, 'link.statement')}</p>
        <CheckboxField name="confirm" label={giftsT(L, 'link.confirm')} values={p.values} errors={p.errors} />
        <p class="muted">{giftsT(L, 'link.received')}</p>
        <button type="submit">{giftsT(L, 'link.submit')}</button>
      </form>
      <p class="muted">{halfLabel(ctx, p.link.fiscalYear, p.link.half)}</p>
    </PublicLayout>
  )
}
