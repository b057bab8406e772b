import type { OrgPageCtx } from '../../../platform/ui/page-context.js'
import type { PublicMenuDef } from '../../../platform/module/manifest.js'
import { PublicLayout } from '../../../platform/ui/layout.js'
import { orgBase } from '../../../platform/ui/menu.js'
import { pt, type PortalKey } from '../portal.i18n.js'

/** /opendata: every dataset as JSON and CSV, the API description, the catalogue and the feeds. */
export const OpenDataPage = (p: { ctx: OrgPageCtx; datasets: { id: string; titleKey: PortalKey }[] }) => {
  const { ctx } = p
  const base = orgBase(ctx.org.slug)
  return (
    <PublicLayout ctx={ctx} title={pt(ctx.lang, 'opendata.title')}>
      <h1>{pt(ctx.lang, 'opendata.title')}</h1>
      <p>{pt(ctx.lang, 'opendata.intro')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{pt(ctx.lang, 'opendata.title')}</th>
              <th scope="col">{pt(ctx.lang, 'opendata.json')}</th>
              <th scope="col">{pt(ctx.lang, 'opendata.csv')}</th>
            </tr>
          </thead>
          <tbody>
            {p.datasets.map((d) => (
              <tr>
                <th scope="row">{pt(ctx.lang, d.titleKey)}</th>
                <td><a href={`${base}/api/${d.id}.json`}>{d.id}.json</a></td>
                <td><a href={`${base}/data/${d.id}.csv`}>{d.id}.csv</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul>
        <li><a href={`${base}/api/openapi.json`}>{pt(ctx.lang, 'opendata.openapi')}</a></li>
        <li><a href={`${base}/api/dcat.json`}>{pt(ctx.lang, 'opendata.dcat')}</a></li>
        <li><a href={`${base}/feed.rss`}>{pt(ctx.lang, 'feeds.rss')}</a></li>
        <li><a href={`${base}/feed.atom`}>{pt(ctx.lang, 'feeds.atom')}</a></li>
      </ul>
    </PublicLayout>
  )
}

const MenuTree = (p: { ctx: OrgPageCtx; nodes: readonly PublicMenuDef[] }) => (
  <ul>
    {p.nodes.map((n) => (
      <li>
        <a href={orgBase(p.ctx.org.slug) + n.path}>{n.label[p.ctx.lang]}</a>
        {n.children && <MenuTree ctx={p.ctx} nodes={n.children} />}
      </li>
    ))}
  </ul>
)

/** /sitemap: the whole public menu (every module's part), then the feeds. */
export const SitemapPage = (p: { ctx: OrgPageCtx }) => {
  const { ctx } = p
  const base = orgBase(ctx.org.slug)
  return (
    <PublicLayout ctx={ctx} title={pt(ctx.lang, 'sitemap.title')}>
      <h1>{pt(ctx.lang, 'sitemap.title')}</h1>
      <MenuTree ctx={ctx} nodes={ctx.registry.publicMenu} />
      <h2>{pt(ctx.lang, 'sitemap.feeds')}</h2>
      <ul>
        <li><a href={`${base}/opendata`}>{pt(ctx.lang, 'feeds.openData')}</a></li>
        <li><a href={`${base}/feed.rss`}>{pt(ctx.lang, 'feeds.rss')}</a></li>
        <li><a href={`${base}/feed.atom`}>{pt(ctx.lang, 'feeds.atom')}</a></li>
      </ul>
    </PublicLayout>
  )
}
