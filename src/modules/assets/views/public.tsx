import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { publicTrail } from '../../../platform/ui/menu.js'
import { assetsT } from '../assets.i18n.js'
import type { PublicAsset } from '../assets.service.js'
import { ASSET_CATEGORIES } from '../rules.js'
import { AssetNo } from './parts.js'

/** What the community may borrow, by category (no custodian, price or location). */
export const PublicList = ({ ctx, rows }: { ctx: OrgPageCtx; rows: PublicAsset[] }) => {
  const L = ctx.lang
  return (
    <PublicLayout ctx={ctx} title={assetsT(L, 'public.title')} trail={publicTrail(ctx.registry, L, ctx.org.slug, '/assets') ?? undefined}>
      <h1>{assetsT(L, 'public.title')}</h1>
      <p>{assetsT(L, 'public.intro')}</p>
      <p>
        <a class="button" href={`/o/${ctx.org.slug}/assets/request`}>
          {assetsT(L, 'public.request')}
        </a>{' '}
        <a href={`/o/${ctx.org.slug}/assets/track`}>{assetsT(L, 'public.track')}</a>
      </p>
      {rows.length === 0 && <p>{assetsT(L, 'public.empty')}</p>}
      {ASSET_CATEGORIES.filter((c) => rows.some((r) => r.category === c)).map((c) => (
        <section>
          <h2>{assetsT(L, `category.${c}`)}</h2>
          <ul class="item-list">
            {rows
              .filter((r) => r.category === c)
              .map((r) => (
                <li id={`a-${r.id}`}>
                  <strong>{r.name}</strong> {r.brandModel && <span>{r.brandModel}</span>} <span class="muted">(<AssetNo ctx={ctx} no={r.assetNo} />)</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </PublicLayout>
  )
}
