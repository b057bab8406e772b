import { randomUUID } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { eq } from 'drizzle-orm'
import type { AppDeps, AppEnv } from './context.js'
import { pickLang } from '../i18n/i18n.js'
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.js'
import { orgs, type Org } from '../orgs/orgs.schema.js'
import { AppError } from './errors.js'

export function provideDeps(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps)
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID()
    c.set('requestId', requestId)
    c.set('org', null)
    c.set('actor', null)
    c.set('sessionId', null)
    c.set('secondFactorPending', false)
    c.set('formFailed', false)
    c.header('X-Request-Id', requestId)
    const started = performance.now()
    await next()
    deps.log.info({ reqId: requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request')
  }
}

/** Strict CSP: no inline scripts or styles anywhere; everything from our own origin. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: [string, string][] = [
  ['Content-Security-Policy', CSP],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
]

/**
 * Security headers, set before the handler runs: headers added to a finished response force
 * @hono/node-server off its fast path (measured with bench/portal), so nothing is added afterwards.
 */
export const securityHeaders = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  for (const [k, v] of SECURITY_HEADERS) c.header(k, v)
  await next()
}

export const LANG_COOKIE = 'psai_lang'

/** ?lang=en|th switches and remembers; otherwise the cookie; Thai by default. */
export const language = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const q = c.req.query('lang')
  if (q === 'th' || q === 'en') setCookie(c, LANG_COOKIE, q, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400, httpOnly: true })
  c.set('lang', pickLang(q, getCookie(c, LANG_COOKIE)))
  await next()
}

// Agencies change rarely and are read on every public request: cache briefly in process.
const orgCache = new Map<string, { org: Org | null; at: number }>()
const ORG_CACHE_MS = 30_000
export function forgetOrg(slug?: string): void {
  if (slug) orgCache.delete(slug)
  else orgCache.clear()
}

export const resolveOrg = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const slug = c.req.param('org')
  if (!slug || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) throw new AppError('not_found', 404)
  let hit = orgCache.get(slug)
  if (!hit || Date.now() - hit.at > ORG_CACHE_MS) {
    const [org] = await c.get('deps').db.select().from(orgs).where(eq(orgs.slug, slug))
    hit = { org: org ?? null, at: Date.now() }
    orgCache.set(slug, hit)
  }
  if (!hit.org) throw new AppError('not_found', 404)
  c.set('org', hit.org)
  await next()
}

/** `/o/<slug><prefix>…` of a module's anonymous paths (see ModuleManifest.anonymousPaths). */
const isAnonymousPath = (path: string, prefixes: readonly string[]) => {
  const m = /^\/o\/[^/]+(\/.*)$/.exec(path)
  return !!m && prefixes.some((p) => m[1]!.startsWith(p))
}

export const session = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  if (token && !isAnonymousPath(c.req.path, c.get('deps').registry.anonymousPaths)) {
    const s = await resolveSession(c.get('deps').db, token, c.get('deps').registry.permissionsOf)
    if (s) {
      c.set('actor', s.actor)
      c.set('sessionId', s.sessionId)
      c.set('secondFactorPending', s.secondFactorPending)
    }
  }
  await next()
}

export function isSecureRequest(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  return (c.get('deps') as AppDeps).config.trustProxy && c.req.header('x-forwarded-proto') === 'https'
}

