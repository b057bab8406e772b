import type { Lang } from '../../platform/i18n/i18n.js'
import { localized } from '../../platform/i18n/i18n.js'
import type { PublicMenuDef } from '../../platform/module/manifest.js'
import type { Registry } from '../../platform/module/registry.js'
import { publicTrail, type Crumb } from '../../platform/ui/menu.js'
import { pt, type PortalKey } from './portal.i18n.js'
import { DOC_CATEGORIES, POST_CATEGORIES, type DocCategory, type PostCategory } from './portal.schema.js'

// The portal's part of the agency's public menu. The layout shows the first level (with other
// modules' items); section pages list their children with the same labels, so "หน้าหลัก → ข่าวและ
// ประกาศ → ประกาศ → <title>" can be followed by clicking links whose text is exactly each step.

export const ABOUT_PAGES = ['history', 'vision', 'structure', 'executives', 'duties', 'contact'] as const
export const POLICY_PAGES = ['accessibility', 'privacy', 'cookies'] as const

const L = (key: PortalKey) => localized(pt, key)

export const PORTAL_MENU: PublicMenuDef[] = [
  { id: 'home', path: '/', label: L('menu.home'), order: 0 },
  {
    id: 'about',
    path: '/about',
    label: L('menu.about'),
    order: 10,
    children: [
      ...ABOUT_PAGES.map((p, i) => ({ id: p, path: `/about/${p}`, label: L(`about.${p}`), order: i })),
      ...POLICY_PAGES.map((p, i) => ({ id: p, path: `/${p}`, label: L(`about.${p}`), order: 100 + i })),
    ],
  },
  { id: 'news', path: '/news', label: L('menu.news'), order: 20, children: POST_CATEGORIES.map((c, i) => ({ id: c, path: `/news/c/${c}`, label: L(`cat.${c}`), order: i })) },
  { id: 'documents', path: '/documents', label: L('menu.documents'), order: 30, children: DOC_CATEGORIES.map((c, i) => ({ id: c, path: `/documents/c/${c}`, label: L(`doc.${c}`), order: i })) },
  { id: 'qa', path: '/qa', label: L('menu.qa'), order: 40 },
  { id: 'search', path: '/search', label: L('menu.search'), order: 90 },
]

/** The trail to a post or document: its category's menu trail, then its own title. */
export function trailTo(
  registry: Registry,
  lang: Lang,
  slug: string,
  target: { path: string } | { post: { id: string; category: PostCategory; title: string } } | { document: { id: string; category: DocCategory; title: string } },
): Crumb[] | null {
  const base = `/o/${slug}`
  if ('path' in target) return publicTrail(registry, lang, slug, target.path)
  if ('post' in target) return publicTrail(registry, lang, slug, `/news/c/${target.post.category}`, [{ label: target.post.title, href: `${base}/news/${target.post.id}` }])
  return publicTrail(registry, lang, slug, `/documents/c/${target.document.category}`, [{ label: target.document.title, href: `${base}/documents/${target.document.id}` }])
}
