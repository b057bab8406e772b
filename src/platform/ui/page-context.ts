import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppDeps, OrgContext, StaffContext } from '../http/context.js'
import { csrfToken } from '../http/csrf.js'
import type { Lang } from '../i18n/i18n.js'
import type { Actor, Permission } from '../auth/permissions.js'
import type { Org } from '../orgs/orgs.schema.js'
import type { Registry } from '../module/registry.js'

/** Everything a view may know about the request; views never fetch. */
export type PageCtx = {
  lang: Lang
  org: Org | null
  actor: Actor | null
  path: string
  /** Scheme and host of this deployment's links (PUBLIC_URL), for canonical and preview URLs. */
  siteOrigin: string
  /** Current URL with ?lang= switched, for the language link. */
  switchLangHref: string
  requestId: string
  flash: string | null
  csrf: () => string
  /** The modules' menus, roles and messages. */
  registry: Registry
  /** The page shows bad input (its title starts with "ข้อผิดพลาด:"). */
  formFailed: boolean
  can: (permission: Permission) => boolean
}
/** A page of one agency (public or staff): the agency is known. */
export type OrgPageCtx = PageCtx & { org: Org }
/** A staff page: the agency and the signed-in actor are known. */
export type StaffPageCtx = PageCtx & { org: Org; actor: Actor }

const FLASH_COOKIE = 'psai_flash'

/** A one-time notice shown on the next page (after a POST → redirect). */
export function flash(c: Context, message: string): void {
  setCookie(c, FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 })
}

type Vars = { lang: Lang; org: Org | null; actor: Actor | null; requestId: string; deps: AppDeps; formFailed: boolean }

export function pageCtx(c: StaffContext): StaffPageCtx
export function pageCtx(c: OrgContext): OrgPageCtx
export function pageCtx(c: Context): PageCtx
export function pageCtx(c: Context): PageCtx {
  const get = <K extends keyof Vars>(k: K) => c.get(k) as Vars[K]
  const lang = get('lang')
  const url = new URL(c.req.url)
  url.searchParams.set('lang', lang === 'th' ? 'en' : 'th')
  const rawFlash = getCookie(c, FLASH_COOKIE)
  if (rawFlash) deleteCookie(c, FLASH_COOKIE, { path: '/' })
  let flashText: string | null = null
  try {
    flashText = rawFlash ? decodeURIComponent(rawFlash).slice(0, 300) : null
  } catch {
    flashText = null
  }
  const actor = get('actor')
  return {
    lang,
    org: get('org'),
    actor,
    path: c.req.path,
    siteOrigin: get('deps').config.siteOrigin,
    switchLangHref: url.pathname + url.search,
    requestId: get('requestId'),
    flash: flashText,
    csrf: () => csrfToken(c),
    registry: get('deps').registry,
    formFailed: get('formFailed') ?? false,
    can: (p) => !!actor && actor.permissions.has(p),
  }
}
