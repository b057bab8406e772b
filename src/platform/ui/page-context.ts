import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppContext } from '../http/context.js'
import { csrfToken } from '../http/middleware.js'
import type { Lang } from '../i18n/i18n.js'
import type { Actor } from '../auth/permissions.js'
import type { Org } from '../orgs/orgs.schema.js'

/** Everything a view may know about the request; views never fetch. */
export type PageCtx = {
  lang: Lang
  org: Org | null
  actor: Actor | null
  path: string
  /** Current URL with ?lang= switched, for the language link. */
  switchLangHref: string
  requestId: string
  flash: string | null
  csrf: () => string
}

const FLASH_COOKIE = 'psai_flash'

/** A one-time notice shown on the next page (after a POST → redirect). */
export function flash(c: AppContext, message: string): void {
  setCookie(c, FLASH_COOKIE, encodeURIComponent(message), { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 })
}

export function pageCtx(c: AppContext): PageCtx {
  const lang = c.get('lang')
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
  return {
    lang,
    org: c.get('org'),
    actor: c.get('actor'),
    path: c.req.path,
    switchLangHref: url.pathname + url.search,
    requestId: c.get('requestId'),
    flash: flashText,
    csrf: () => csrfToken(c),
  }
}
