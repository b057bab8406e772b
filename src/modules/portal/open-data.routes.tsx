import { Hono } from 'hono'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { publicPage, publicResponse } from '../../platform/http/page-cache.js'
import { publicOrigin } from '../../platform/http/urls.js'
import { toCsv } from '../../platform/documents/csv.js'
import { orgBase } from '../../platform/ui/menu.js'
import { pt } from './portal.i18n.js'
import { DATASETS, dcat, openApi, type DataSource } from './open-data.js'
import { atom, rss, sitemapXml } from './feeds.js'
import { listPublishedPosts } from './posts.js'
import { listPublishedDocuments } from './documents.js'
import { OpenDataPage, SitemapPage } from './views/open-data.js'

/** Feeds, the JSON API and CSV downloads, the OpenAPI and DCAT documents, sitemaps. All cached. */
export function openDataRoutes() {
  const app = new Hono<OrgEnv>()
  const source = (c: OrgContext): DataSource => ({ db: c.get('deps').db, org: c.get('org'), origin: publicOrigin(c) })
  const site = (c: OrgContext) => `${publicOrigin(c)}${orgBase(c.get('org').slug)}`
  // Anyone may read the data from any site (it is public and read-only).
  const json = (c: OrgContext, body: () => Promise<unknown>, type = 'application/json; charset=UTF-8') =>
    publicResponse(c, async () => JSON.stringify(await body()), { type }).then((r) => {
      r.headers.set('Access-Control-Allow-Origin', '*')
      return r
    })

  for (const d of DATASETS) {
    app.get(`/api/${d.id}.json`, (c) => json(c, async () => ({ dataset: d.id, title: pt('th', d.titleKey), data: await d.load(source(c)) })))
    app.get(`/data/${d.id}.csv`, async (c) => {
      const r = await publicResponse(c, async () => toCsv(await d.load(source(c)), d.columns), { type: 'text/csv; charset=UTF-8' })
      r.headers.set('Content-Disposition', `attachment; filename="${c.get('org').slug}-${d.id}.csv"`)
      return r
    })
  }
  app.get('/api/openapi.json', (c) => json(c, async () => openApi(c.get('org'), publicOrigin(c))))
  app.get('/api/dcat.json', (c) => json(c, async () => dcat(c.get('org'), publicOrigin(c)), 'application/ld+json; charset=UTF-8'))

  const latest = (c: OrgContext) => listPublishedPosts(c.get('deps').db, c.get('org').id, { limit: 50 })
  app.get('/feed.rss', (c) => publicResponse(c, async () => rss(c.get('org'), site(c), await latest(c)), { type: 'application/rss+xml; charset=UTF-8' }))
  app.get('/feed.atom', (c) => publicResponse(c, async () => atom(c.get('org'), site(c), await latest(c)), { type: 'application/atom+xml; charset=UTF-8' }))

  app.get('/opendata', (c) => publicPage(c, (ctx) => <OpenDataPage ctx={ctx} datasets={DATASETS} />))
  app.get('/sitemap', (c) => publicPage(c, (ctx) => <SitemapPage ctx={ctx} />))
  app.get('/sitemap.xml', (c) =>
    publicResponse(
      c,
      async () => {
        const { db, org } = source(c)
        const [posts, documents] = await Promise.all([listPublishedPosts(db, org.id, { limit: 5000 }), listPublishedDocuments(db, org.id)])
        return sitemapXml(site(c), c.get('deps').registry.publicMenu, { posts, documents })
      },
      { type: 'application/xml; charset=UTF-8' },
    ),
  )
  return app
}
