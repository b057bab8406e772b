import { publicOrigin } from '../../platform/http/urls.js'
import { toCsv } from '../../platform/documents/csv.js'
import { Hono } from 'hono'
import type { OrgContext, OrgEnv } from '../../platform/http/context.js'
import { listUnitsOf } from '../../platform/orgs/orgs.service.js'
import { publicResponse } from '../../platform/http/page-cache.js'
import { summary } from '../../platform/ui/markdown.js'
import { orgBase } from '../../platform/ui/menu.js'
import type { PublicMenuDef } from '../../platform/module/manifest.js'
import { pt } from './portal.i18n.js'
import { listExecutives, listPublishedDocuments, listPublishedPosts, listPublishedQuestions } from './portal.service.js'
import { PublicLayout } from '../../platform/ui/layout.js'
import { publicPage } from '../../platform/http/page-cache.js'

// Open data: a JSON API for every public record (described by a hand-written OpenAPI document),
// CSV downloads of each list, DCAT-style metadata for catalogue harvesting (CKAN), feeds, sitemaps.


const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')


type Dataset = { id: string; titleKey: Parameters<typeof pt>[1]; columns: string[]; load: (c: OrgContext) => Promise<Record<string, unknown>[]> }

export const DATASETS: Dataset[] = [
  {
    id: 'posts',
    titleKey: 'ds.posts',
    columns: ['id', 'category', 'title', 'publishAt', 'fiscalYear', 'summary', 'url'],
    load: async (c) =>
      (await listPublishedPosts(c.get('deps').db, c.get('org').id, { limit: 5000 })).map((p) => ({
        id: p.id,
        category: p.category,
        title: p.title,
        publishAt: p.publishAt,
        fiscalYear: p.fiscalYear,
        summary: summary(p.bodyMd, 300),
        url: `${publicOrigin(c)}${orgBase(c.get('org').slug)}/news/${p.id}`,
      })),
  },
  {
    id: 'documents',
    titleKey: 'ds.documents',
    columns: ['id', 'category', 'title', 'fiscalYear', 'publishedAt', 'fileName', 'fileUrl', 'externalUrl', 'url'],
    load: async (c) =>
      (await listPublishedDocuments(c.get('deps').db, c.get('org').id)).map((d) => ({
        id: d.id,
        category: d.category,
        title: d.title,
        fiscalYear: d.fiscalYear,
        publishedAt: d.publishedAt,
        fileName: d.file?.name ?? null,
        fileUrl: d.file ? `${publicOrigin(c)}${orgBase(c.get('org').slug)}/files/${d.file.id}/${encodeURIComponent(d.file.name)}` : null,
        externalUrl: d.url,
        url: `${publicOrigin(c)}${orgBase(c.get('org').slug)}/documents/${d.id}`,
      })),
  },
  {
    id: 'questions',
    titleKey: 'ds.questions',
    columns: ['id', 'askerName', 'question', 'answer', 'askedAt', 'answeredAt'],
    load: async (c) =>
      (await listPublishedQuestions(c.get('deps').db, c.get('org').id, 5000)).map((q) => ({ id: q.id, askerName: q.askerName, question: q.question, answer: q.answerMd, askedAt: q.createdAt, answeredAt: q.answeredAt })),
  },
  {
    id: 'executives',
    titleKey: 'ds.executives',
    columns: ['id', 'name', 'position', 'branch', 'phone', 'email'],
    load: async (c) => (await listExecutives(c.get('deps').db, c.get('org').id)).map((e) => ({ id: e.id, name: e.name, position: e.position, branch: e.branch, phone: e.phone, email: e.email })),
  },
  {
    id: 'units',
    titleKey: 'ds.units',
    columns: ['id', 'nameTh', 'nameEn', 'kind'],
    load: async (c) => (await listUnitsOf(c.get('deps').db, c.get('org').id)).map((u) => ({ id: u.id, nameTh: u.nameTh, nameEn: u.nameEn, kind: u.kind })),
  },
]

function openApi(c: OrgContext) {
  const org = c.get('org')
  const base = `${publicOrigin(c)}${orgBase(org.slug)}`
  const paths: Record<string, unknown> = {}
  for (const d of DATASETS) {
    const props = Object.fromEntries(d.columns.map((k) => [k, { type: ['string', 'integer', 'null'] }]))
    paths[`/api/${d.id}.json`] = {
      get: {
        summary: pt('th', d.titleKey),
        description: pt('en', d.titleKey),
        operationId: `list_${d.id}`,
        responses: {
          200: {
            description: 'OK',
            content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object', properties: props } } } } } },
          },
        },
      },
    }
    paths[`/data/${d.id}.csv`] = { get: { summary: `${pt('th', d.titleKey)} (CSV)`, operationId: `csv_${d.id}`, responses: { 200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': {} } } } } }
  }
  paths['/api/dcat.json'] = { get: { summary: 'DCAT catalogue (JSON-LD)', operationId: 'dcat', responses: { 200: { description: 'OK', content: { 'application/ld+json': {} } } } } }
  paths['/api/oit/{year}.json'] = {
    get: {
      summary: 'รายการข้อ OIT ของปีงบประมาณพร้อมหลักฐาน',
      operationId: 'oit_year',
      parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer', example: 2566 } }],
      responses: { 200: { description: 'OK', content: { 'application/json': {} } }, 404: { description: 'No framework for that year' } },
    },
  }
  return { openapi: '3.1.0', info: { title: `${org.nameTh} — Open data API`, version: '1.0.0', description: 'ข้อมูลสาธารณะของหน่วยงาน (อ่านอย่างเดียว ไม่ต้องยืนยันตัวตน)' }, servers: [{ url: base }], paths }
}

function dcat(c: OrgContext) {
  const org = c.get('org')
  const base = `${publicOrigin(c)}${orgBase(org.slug)}`
  return {
    '@context': { dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/' },
    '@id': `${base}/api/dcat.json`,
    '@type': 'dcat:Catalog',
    'dct:title': `ข้อมูลเปิด ${org.nameTh}`,
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': org.nameTh },
    'dct:language': 'th',
    'dcat:dataset': DATASETS.map((d) => ({
      '@id': `${base}/api/${d.id}.json`,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${org.slug}-${d.id}`,
      'dct:title': `${pt('th', d.titleKey)} — ${org.nameTh}`,
      'dct:description': pt('en', d.titleKey),
      'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': org.nameTh },
      'dct:license': 'https://opendefinition.org/licenses/cc-by/',
      'dcat:keyword': ['อปท.', 'ITA', 'OIT', d.id],
      'dcat:landingPage': `${base}/opendata`,
      'dcat:distribution': [
        { '@type': 'dcat:Distribution', 'dct:format': 'JSON', 'dcat:mediaType': 'application/json', 'dcat:accessURL': `${base}/api/${d.id}.json`, 'dcat:downloadURL': `${base}/api/${d.id}.json` },
        { '@type': 'dcat:Distribution', 'dct:format': 'CSV', 'dcat:mediaType': 'text/csv', 'dcat:accessURL': `${base}/data/${d.id}.csv`, 'dcat:downloadURL': `${base}/data/${d.id}.csv` },
      ],
    })),
  }
}

function feed(c: OrgContext, kind: 'rss' | 'atom') {
  return publicResponse(
    c,
    async () => {
      const org = c.get('org')
      const base = `${publicOrigin(c)}${orgBase(org.slug)}`
      const posts = await listPublishedPosts(c.get('deps').db, org.id, { limit: 50 })
      const updated = (posts[0]?.publishAt ?? new Date(0)).toISOString()
      if (kind === 'rss') {
        const items = posts
          .map((p) => `<item><title>${xml(p.title)}</title><link>${base}/news/${p.id}</link><guid isPermaLink="true">${base}/news/${p.id}</guid><category>${xml(pt('th', `cat.${p.category}`))}</category><pubDate>${p.publishAt.toUTCString()}</pubDate><description>${xml(summary(p.bodyMd, 500))}</description></item>`)
          .join('')
        return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(org.nameTh)}</title><link>${base}/</link><atom:link href="${base}/feed.rss" rel="self" type="application/rss+xml"/><description>${xml(pt('th', 'menu.news'))}</description><language>th</language>${items}</channel></rss>`
      }
      const entries = posts
        .map((p) => `<entry><title>${xml(p.title)}</title><link href="${base}/news/${p.id}"/><id>${base}/news/${p.id}</id><updated>${p.updatedAt.toISOString()}</updated><published>${p.publishAt.toISOString()}</published><category term="${p.category}" label="${xml(pt('th', `cat.${p.category}`))}"/><summary>${xml(summary(p.bodyMd, 500))}</summary></entry>`)
        .join('')
      return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th"><title>${xml(org.nameTh)}</title><link href="${base}/"/><link rel="self" href="${base}/feed.atom"/><id>${base}/</id><updated>${updated}</updated><author><name>${xml(org.nameTh)}</name></author>${entries}</feed>`
    },
    { type: kind === 'rss' ? 'application/rss+xml; charset=UTF-8' : 'application/atom+xml; charset=UTF-8' },
  )
}

const flatMenu = (nodes: readonly PublicMenuDef[]): PublicMenuDef[] => nodes.flatMap((n) => [n, ...flatMenu(n.children ?? [])])

export function openDataRoutes() {
  const app = new Hono<OrgEnv>()
  const json = (c: OrgContext, body: () => Promise<unknown>, type = 'application/json; charset=UTF-8') =>
    publicResponse(c, async () => JSON.stringify(await body()), { type }).then((r) => {
      r.headers.set('Access-Control-Allow-Origin', '*')
      return r
    })

  for (const d of DATASETS) {
    app.get(`/api/${d.id}.json`, (c) => json(c, async () => ({ dataset: d.id, title: pt('th', d.titleKey), data: await d.load(c) })))
    app.get(`/data/${d.id}.csv`, async (c) => {
      const r = await publicResponse(c, async () => toCsv(await d.load(c), d.columns), { type: 'text/csv; charset=UTF-8' })
      r.headers.set('Content-Disposition', `attachment; filename="${c.get('org').slug}-${d.id}.csv"`)
      return r
    })
  }
  app.get('/api/openapi.json', (c) => json(c, async () => openApi(c)))
  app.get('/api/dcat.json', (c) => json(c, async () => dcat(c), 'application/ld+json; charset=UTF-8'))
  app.get('/feed.rss', (c) => feed(c, 'rss'))
  app.get('/feed.atom', (c) => feed(c, 'atom'))

  app.get('/opendata', (c) =>
    publicPage(c, (ctx) => {
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
                {DATASETS.map((d) => (
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
    }),
  )

  app.get('/sitemap', (c) =>
    publicPage(c, (ctx) => {
      const base = orgBase(ctx.org.slug)
      const Tree = ({ nodes }: { nodes: readonly PublicMenuDef[] }) => (
        <ul>
          {nodes.map((n) => (
            <li>
              <a href={base + n.path}>{n.label[ctx.lang]}</a>
              {n.children && <Tree nodes={n.children} />}
            </li>
          ))}
        </ul>
      )
      return (
        <PublicLayout ctx={ctx} title={pt(ctx.lang, 'sitemap.title')}>
          <h1>{pt(ctx.lang, 'sitemap.title')}</h1>
          <Tree nodes={ctx.registry.publicMenu} />
          <h2>{pt(ctx.lang, 'sitemap.feeds')}</h2>
          <ul>
            <li><a href={`${base}/opendata`}>{pt(ctx.lang, 'feeds.openData')}</a></li>
            <li><a href={`${base}/feed.rss`}>{pt(ctx.lang, 'feeds.rss')}</a></li>
            <li><a href={`${base}/feed.atom`}>{pt(ctx.lang, 'feeds.atom')}</a></li>
          </ul>
        </PublicLayout>
      )
    }),
  )

  app.get('/sitemap.xml', (c) =>
    publicResponse(
      c,
      async () => {
        const org = c.get('org')
        const base = `${publicOrigin(c)}${orgBase(org.slug)}`
        const db = c.get('deps').db
        const [posts, docs] = await Promise.all([listPublishedPosts(db, org.id, { limit: 5000 }), listPublishedDocuments(db, org.id)])
        const urls = [
          ...flatMenu(c.get('deps').registry.publicMenu).map((n) => ({ loc: base + n.path, lastmod: null as Date | null })),
          { loc: `${base}/sitemap`, lastmod: null },
          { loc: `${base}/opendata`, lastmod: null },
          ...posts.map((p) => ({ loc: `${base}/news/${p.id}`, lastmod: p.updatedAt })),
          ...docs.map((d) => ({ loc: `${base}/documents/${d.id}`, lastmod: d.updatedAt })),
        ]
        return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`).join('')}</urlset>`
      },
      { type: 'application/xml; charset=UTF-8' },
    ),
  )
  return app
}
