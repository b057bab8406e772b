import type { PublicMenuDef } from '../../platform/module/manifest.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { summary } from '../../platform/ui/markdown.js'
import { pt } from './portal.i18n.js'
import type { PortalPost } from './portal.schema.js'

// The news feeds (RSS 2.0 and Atom) and sitemap.xml: pure builders; the routes read the records.

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

/** `base` is the site's absolute address, e.g. https://example.org/o/<slug>. */
export function rss(org: Org, base: string, posts: PortalPost[]): string {
  const items = posts
    .map((p) => `<item><title>${xml(p.title)}</title><link>${base}/news/${p.id}</link><guid isPermaLink="true">${base}/news/${p.id}</guid><category>${xml(pt('th', `cat.${p.category}`))}</category><pubDate>${p.publishAt.toUTCString()}</pubDate><description>${xml(summary(p.bodyMd, 500))}</description></item>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(org.nameTh)}</title><link>${base}/</link><atom:link href="${base}/feed.rss" rel="self" type="application/rss+xml"/><description>${xml(pt('th', 'menu.news'))}</description><language>th</language>${items}</channel></rss>`
}

export function atom(org: Org, base: string, posts: PortalPost[]): string {
  const updated = (posts[0]?.publishAt ?? new Date(0)).toISOString()
  const entries = posts
    .map((p) => `<entry><title>${xml(p.title)}</title><link href="${base}/news/${p.id}"/><id>${base}/news/${p.id}</id><updated>${p.updatedAt.toISOString()}</updated><published>${p.publishAt.toISOString()}</published><category term="${p.category}" label="${xml(pt('th', `cat.${p.category}`))}"/><summary>${xml(summary(p.bodyMd, 500))}</summary></entry>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th"><title>${xml(org.nameTh)}</title><link href="${base}/"/><link rel="self" href="${base}/feed.atom"/><id>${base}/</id><updated>${updated}</updated><author><name>${xml(org.nameTh)}</name></author>${entries}</feed>`
}

const flatMenu = (nodes: readonly PublicMenuDef[]): PublicMenuDef[] => nodes.flatMap((n) => [n, ...flatMenu(n.children ?? [])])

/** Every menu page, the sitemap and open-data pages, then every published post and document. */
export function sitemapXml(base: string, menu: readonly PublicMenuDef[], records: { posts: { id: string; updatedAt: Date }[]; documents: { id: string; updatedAt: Date }[] }): string {
  const urls = [
    ...flatMenu(menu).map((n) => ({ loc: base + n.path, lastmod: null as Date | null })),
    { loc: `${base}/sitemap`, lastmod: null },
    { loc: `${base}/opendata`, lastmod: null },
    ...records.posts.map((p) => ({ loc: `${base}/news/${p.id}`, lastmod: p.updatedAt })),
    ...records.documents.map((d) => ({ loc: `${base}/documents/${d.id}`, lastmod: d.updatedAt })),
  ]
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`).join('')}</urlset>`
}
