import { createHash, randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppDeps, AppEnv, OrgContext } from './context.js'
import { pageCtx, type OrgPageCtx } from '../ui/page-context.js'
import { SESSION_COOKIE } from '../auth/sessions.js'
import { pickEncoding, precompress, type Encoding } from './compress.js'
import { SECURITY_HEADERS } from './middleware.js'

// Public pages are read far more than written. For anonymous visitors a rendered page is kept in
// process for a short time, with its brotli and gzip forms made once when it is built, keyed by
// agency, language and URL; every write to the agency's public content bumps the agency's version
// (so edits show at once: older copies are never served), and the short lifetime makes scheduled
// posts appear within a minute. Every public response carries an ETag.
//
// The fast path (`servePublicCache`, mounted before sessions, CSRF and language) answers a repeat
// visit from those buffers without running any route: a request that has no session and no
// one-time notice, for a page already built, is answered with the stored bytes and headers only.

const TTL_MS = 60_000
const MAX_ENTRIES = 2000
const MAX_BYTES = 64 * 1024 * 1024

type Headers = Record<string, string>
type Entry = {
  orgId: string
  version: number
  at: number
  etag: string
  bytes: number
  body: Record<Encoding | 'identity', Buffer>
  /** Response headers per encoding, made once (the fast path copies them and adds only a request id). */
  headers: Record<Encoding | 'identity', Headers>
  notModified: Headers
}

const versions = new Map<string, number>()
const pages = new Map<string, Entry>()
const building = new Map<string, Promise<Entry>>()
let totalBytes = 0

export function contentVersion(orgId: string): number {
  return versions.get(orgId) ?? 0
}

function drop(key: string): void {
  const e = pages.get(key)
  if (!e) return
  totalBytes -= e.bytes
  pages.delete(key)
}

/** Call after any change that can show on a public page of the agency. */
export function invalidatePublicCache(orgId: string): void {
  versions.set(orgId, contentVersion(orgId) + 1)
  for (const [k, e] of pages) if (e.orgId === orgId) drop(k)
}

function etagOf(body: Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`
}

const LANG = /(?:^|;\s*)psai_lang=(th|en)(?:;|$)/

/** The cache key: agency slug, language and the path with its query, exactly as asked. */
function keyOf(slug: string, lang: string, url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2)
  return `${slug}|${lang}|${start < 0 ? '/' : url.slice(start)}`
}

/** True when this request may share a cached copy (no signed-in user, no one-time notice). */
export function isAnonymousRequest(c: OrgContext): boolean {
  return !c.get('actor') && !getCookie(c, 'psai_flash')
}

const matches = (inm: string | undefined, etag: string) => !!inm && inm.split(',').some((t) => t.trim() === etag)

const fresh = (e: Entry) => Date.now() - e.at < TTL_MS && contentVersion(e.orgId) === e.version

async function makeEntry(orgId: string, version: number, html: string, type: string): Promise<Entry> {
  const identity = Buffer.from(html)
  const { br, gzip } = await precompress(identity)
  const etag = etagOf(identity)
  const common: Headers = { ...Object.fromEntries(SECURITY_HEADERS), 'Content-Type': type, ETag: etag, 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Encoding, Cookie' }
  return {
    orgId,
    version,
    at: Date.now(),
    etag,
    bytes: identity.length + br.length + gzip.length,
    body: { identity, br, gzip },
    headers: { identity: common, br: { ...common, 'Content-Encoding': 'br' }, gzip: { ...common, 'Content-Encoding': 'gzip' } },
    notModified: { ...Object.fromEntries(SECURITY_HEADERS), ETag: etag, 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Encoding, Cookie' },
  }
}

function store(key: string, e: Entry): void {
  drop(key)
  while (pages.size && (pages.size >= MAX_ENTRIES || totalBytes + e.bytes > MAX_BYTES)) drop(pages.keys().next().value!)
  pages.set(key, e)
  totalBytes += e.bytes
}

/** The stored answer for a request: 304 when its ETag matches, else the body in the best encoding it accepts. */
function answer(e: Entry, acceptEncoding: string | undefined, ifNoneMatch: string | undefined, requestId: string): Response {
  if (matches(ifNoneMatch, e.etag)) return new Response(null, { status: 304, headers: { ...e.notModified, 'X-Request-Id': requestId } })
  const enc = pickEncoding(acceptEncoding) ?? 'identity'
  return new Response(e.body[enc] as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...e.headers[enc], 'X-Request-Id': requestId } })
}

/**
 * The fast path for anonymous cached pages, mounted first: a GET or HEAD of `/o/<slug>/…` with no
 * session cookie, no one-time notice and no `?lang=` switch, for a page already built and still
 * current, is answered from the stored buffers (with 304 for a matching ETag) before any session,
 * CSRF, language or route work. Everything else goes on to the normal chain. With PUBLIC_URL set,
 * only requests for that host (or the local addresses) are answered here; others go on to be refused.
 */
export function servePublicCache(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const expectedHost = deps.config.publicUrl ? new URL(deps.config.publicUrl).host.toLowerCase() : null
  const logHits = deps.log.isLevelEnabled?.('info') ?? false
  return async (c, next) => {
    const method = c.req.method
    if ((method !== 'GET' && method !== 'HEAD') || !pages.size) return next()
    const url = c.req.url
    const o = url.indexOf('/o/', url.indexOf('//') + 2)
    if (o < 0) return next()
    const cookie = c.req.header('cookie')
    if (cookie && (cookie.includes(`${SESSION_COOKIE}=`) || cookie.includes('psai_flash='))) return next()
    if (url.includes('lang=', o)) return next()
    if (expectedHost) {
      const host = c.req.header('host')?.toLowerCase()
      if (host !== expectedHost || (deps.config.trustProxy && c.req.header('x-forwarded-host') !== undefined)) return next()
    }
    const slugEnd = url.indexOf('/', o + 3)
    const slug = url.slice(o + 3, slugEnd < 0 ? undefined : slugEnd).split('?')[0]!
    const lang = (cookie && LANG.exec(cookie)?.[1]) || 'th'
    const key = keyOf(slug, lang, url)
    const e = pages.get(key)
    if (!e || !fresh(e)) return next()
    const requestId = randomUUID()
    if (logHits) deps.log.info({ reqId: requestId, method, path: c.req.path, status: 200, cache: 'hit' }, 'request')
    return answer(e, c.req.header('accept-encoding'), c.req.header('if-none-match'), requestId)
  }
}

function respondFresh(c: OrgContext, body: string, type: string): Response {
  // Not shared (signed in, or a one-time notice on the page): built for this request only.
  c.header('Content-Type', type)
  c.header('ETag', etagOf(Buffer.from(body)))
  c.header('Cache-Control', 'private, no-cache')
  c.header('Vary', 'Cookie')
  return c.body(body, 200)
}

function respondEntry(c: OrgContext, e: Entry): Response {
  // Reading c.res makes Hono merge what the chain set (security headers, a ?lang= cookie) into this answer.
  void c.res
  return answer(e, c.req.header('accept-encoding'), c.req.header('if-none-match'), c.get('requestId'))
}

/**
 * Serves a public page or feed: from the cache for anonymous visitors, otherwise freshly built.
 * `build` returns the complete body (HTML pages include the doctype).
 */
export async function publicResponse(c: OrgContext, build: () => Promise<string>, opts: { type?: string; cacheable?: boolean } = {}): Promise<Response> {
  const type = opts.type ?? 'text/html; charset=UTF-8'
  const org = c.get('org')
  const shared = opts.cacheable !== false && isAnonymousRequest(c)
  if (!shared) return respondFresh(c, await build(), type)
  const key = keyOf(org.slug, c.get('lang'), c.req.url)
  const hit = pages.get(key)
  if (hit && fresh(hit)) return respondEntry(c, hit)
  // Many visitors asking for the same expired page wait for one build, not one build each.
  let pending = building.get(key)
  if (!pending) {
    const version = contentVersion(org.id)
    pending = build()
      .then((body) => makeEntry(org.id, version, body, type))
      .then((entry) => {
        // A write during the build made this copy old: serve it to these waiters, keep it for no one.
        if (contentVersion(org.id) === version) store(key, entry)
        return entry
      })
      .finally(() => building.delete(key))
    building.set(key, pending)
  }
  return respondEntry(c, await pending)
}

type Renderable = { toString(): string | Promise<string> }

/** Renders a public HTML page through the shared cache (ETag, Cache-Control); `view` gets the page context. */
export function publicPage(c: OrgContext, view: (ctx: OrgPageCtx) => Promise<Renderable> | Renderable, opts: { cacheable?: boolean } = {}): Promise<Response> {
  return publicResponse(c, async () => '<!DOCTYPE html>' + (await (await view(pageCtx(c))).toString()), opts)
}
