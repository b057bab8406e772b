import type { Lang } from '../../platform/i18n/i18n.js'
import type { NavItem } from '../../platform/ui/layout.js'
import { pt, type PortalKey } from './portal.i18n.js'
import { DOC_CATEGORIES, POST_CATEGORIES, type DocCategory, type PostCategory } from './portal.schema.js'

// The public menu as a tree. The layout shows its first level; section pages list their children
// with the same labels, so "หน้าหลัก → ข่าวและประกาศ → ประกาศ → <title>" can be followed by clicking
// links whose text is exactly each step.

export type MenuNode = { path: string; key: PortalKey; children?: MenuNode[] }

export const ABOUT_PAGES = ['history', 'vision', 'structure', 'executives', 'duties', 'contact'] as const
export const POLICY_PAGES = ['accessibility', 'privacy', 'cookies'] as const

export const MENU: MenuNode[] = [
  { path: '/', key: 'menu.home' },
  {
    path: '/about',
    key: 'menu.about',
    children: [...ABOUT_PAGES.map((p) => ({ path: `/about/${p}`, key: `about.${p}` as PortalKey })), ...POLICY_PAGES.map((p) => ({ path: `/${p}`, key: `about.${p}` as PortalKey }))],
  },
  { path: '/news', key: 'menu.news', children: POST_CATEGORIES.map((c) => ({ path: `/news/c/${c}`, key: `cat.${c}` as PortalKey })) },
  { path: '/documents', key: 'menu.documents', children: DOC_CATEGORIES.map((c) => ({ path: `/documents/c/${c}`, key: `doc.${c}` as PortalKey })) },
  { path: '/qa', key: 'menu.qa' },
  { path: '/oit', key: 'menu.oit' },
  { path: '/search', key: 'menu.search' },
]

export const orgBase = (slug: string) => `/o/${slug}`

/** First-level menu for the layout's `nav`. */
export function publicNav(lang: Lang, slug: string): NavItem[] {
  return MENU.map((n) => ({ href: orgBase(slug) + (n.path === '/' ? '/' : n.path), label: pt(lang, n.key) }))
}

export type Crumb = { label: string; href: string }

function findPath(nodes: MenuNode[], path: string, trail: MenuNode[] = []): MenuNode[] | null {
  for (const n of nodes) {
    if (n.path === path) return [...trail, n]
    if (n.children) {
      const r = findPath(n.children, path, [...trail, n])
      if (r) return r
    }
  }
  return null
}

/**
 * Navigation steps from the home page to a public page (path relative to /o/<slug>), or null when
 * the menu does not reach it. A post or document adds its category and its own title.
 */
export function trailTo(lang: Lang, slug: string, target: { path: string } | { post: { id: string; category: PostCategory; title: string } } | { document: { id: string; category: DocCategory; title: string } }): Crumb[] | null {
  const base = orgBase(slug)
  const home: Crumb = { label: pt(lang, 'menu.home'), href: `${base}/` }
  const fromMenu = (path: string): Crumb[] | null => {
    if (path === '/') return [home]
    const nodes = findPath(MENU, path)
    return nodes ? [home, ...nodes.map((n) => ({ label: pt(lang, n.key), href: base + n.path }))] : null
  }
  if ('path' in target) return fromMenu(target.path)
  if ('post' in target) {
    const t = fromMenu(`/news/c/${target.post.category}`)
    return t && [...t, { label: target.post.title, href: `${base}/news/${target.post.id}` }]
  }
  const t = fromMenu(`/documents/c/${target.document.category}`)
  return t && [...t, { label: target.document.title, href: `${base}/documents/${target.document.id}` }]
}

export function trailText(trail: Crumb[]): string {
  return trail.map((c) => c.label).join(' → ')
}
