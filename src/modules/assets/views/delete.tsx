import type { StaffPageCtx } from '../../../platform/ui/page-context.js'
import type { FormState } from '../../../platform/http/forms.js'
import { CsrfField, StaffLayout } from '../../../platform/ui/layout.js'
import { ErrorSummary } from '../../../platform/ui/fields.js'
import { assetsT } from '../assets.i18n.js'
import type { AssetItem } from '../assets.schema.js'
import { digitsOf } from './parts.js'

/** Deleting asks first, on a page of its own (works without JavaScript). */
export const DeletePage = (p: { ctx: StaffPageCtx; base: string; asset: AssetItem } & FormState) => {
  const L = p.ctx.lang
  const title = assetsT(L, 'delete.title', { assetNo: digitsOf(p.ctx, p.asset.assetNo), name: p.asset.name })
  return (
    <StaffLayout ctx={p.ctx} title={title} trail={[{ label: assetsT(L, 'list.title'), href: p.base }, { label: title, href: `${p.base}/${p.asset.id}/delete` }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p>{assetsT(L, 'delete.intro')}</p>
      <form method="post" action={`${p.base}/${p.asset.id}/delete`} class="actions">
        <CsrfField ctx={p.ctx} />
        <button type="submit" class="danger">
          {assetsT(L, 'delete.confirm')}
        </button>
        <a href={p.base}>{assetsT(L, 'form.cancel')}</a>
      </form>
    </StaffLayout>
  )
}
