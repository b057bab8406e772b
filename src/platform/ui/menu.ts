import type { Lang } from '../i18n/i18n.js'
import type { Actor } from '../auth/permissions.js'
import type { PublicMenuDef } from '../module/manifest.js'
import type { Registry } from '../module/registry.js'

export type NavLink = { href: string; label: string }
export type Crumb = { label: string; href: string }

export const orgBase = (slug: string): string => `/o/${slug}`

/** The staff menu of an agency: every module's items the actor may open, in order. */
export function staffNavFor(registry: Registry, lang: Lang, slug: string, actor: Actor | null): NavLink[] {
  if (!actor) return []
  return registry.staffNav.filter((n) => actor.permissions.has(n.permission)).map((n) => ({ href: `${orgBase(slug)}/admin${n.path}`, label: n.label[lang] }))
}

export function platformNavFor(registry: Registry, lang: Lang): NavLink[] {
  return registry.platformNav.map((n) => ({ href: `/admin${n.path}`, label: n.label[lang] }))
}

/** The first level of an agency's public menu. */
export function publicNavFor(registry: Registry, lang: Lang, slug: string): NavLink[] {
  return registry.publicMenu.map((n) => ({ href: orgBase(slug) + (n.path === '/' ? '/' : n.path), label: n.label[lang] }))
}

/** The children of a public menu node (for section pages that list them). */
export function publicMenuNode(registry: Registry, path: string): PublicMenuDef | null {
  return findPath(registry.publicMenu, path)?.at(-1) ?? null
}

function findPath(nodes: readonly PublicMenuDef[], path: string, trail: PublicMenuDef[] = []): PublicMenuDef[] | null {
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
 * The steps from an agency's home page to a public page (path relative to /o/<slug>), following the
 * menu, so that every step is a link whose text is exactly the menu label; `extra` appends steps
 * below the menu (a post's own title). Null when the menu does not reach the page.
 */
export function publicTrail(registry: Registry, lang: Lang, slug: string, path: string, extra: Crumb[] = []): Crumb[] | null {
  const base = orgBase(slug)
  const homeNode = registry.publicMenu.find((n) => n.path === '/')
  const home: Crumb = { label: homeNode?.label[lang] ?? (lang === 'th' ? 'หน้าหลัก' : 'Home'), href: `${base}/` }
  if (path === '/') return [home, ...extra]
  const nodes = findPath(registry.publicMenu, path)
  return nodes ? [home, ...nodes.map((n) => ({ label: n.label[lang], href: base + n.path })), ...extra] : null
}

export function trailText(trail: Crumb[]): string {
  return trail.map((c) => c.label).join(' → ')
}
