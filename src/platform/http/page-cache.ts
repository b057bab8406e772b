import { createHash } from 'node:crypto'
import { getCookie } from 'hono/cookie'
import type { OrgContext } from './context.js'
import { pageCtx, type OrgPageCtx } from '../ui/page-context.js'

// Public pages are read far more than written. For anonymous visitors a rendered page is kept in
// process for a short time, keyed by agency content version, language and URL; every write to the
// agency's public content bumps the version (so edits show at once), and the short lifetime makes
// scheduled posts appear within a minute. Every public response carries an ETag.

const TTL_MS = 60_000
const MAX_ENTRIES = 2000
const versions = new Map<string, number>()
const pages = new Map<string, { body: string; etag: string; at: number; type: string }>()
const building = new Map<string, Promise<{ body: string; etag: string; at: number; type: string }>>()

export function contentVersion(orgId: string): number {
  return versions.get(orgId) ?? 0
}

/** Call after any change that can show on a public page of the agency. */
export function invalidatePublicCache(orgId: string): void {
  versions.set(orgId, contentVersion(orgId) + 1)
  for (const k of pages.keys()) if (k.startsWith(orgId + '|')) pages.delete(k)
}

function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`
}

/** True when this request may share a cached copy (no signed-in user, no one-time notice). */
export function isAnonymousRequest(c: OrgContext): boolean {
  return !c.get('actor') && !getCookie(c, 'psai_flash')
}

function respond(c: OrgContext, body: string, etag: string, type: string, shared: boolean): Response {
  // Headers set one by one, then a plain body: @hono/node-server's fast response path.
  c.header('Content-Type', type)
  c.header('ETag', etag)
  c.header('Cache-Control', shared ? 'public, max-age=60' : 'private, no-cache')
  c.header('Vary', 'Cookie')
  const inm = c.req.header('if-none-match')
  if (inm && inm.split(',').some((t) => t.trim() === etag)) return c.body(null, 304)
  return c.body(body, 200)
}

/**
 * Serves a public page or feed: from the cache for anonymous visitors, otherwise freshly built.
 * `build` returns the complete body (HTML pages include the doctype).
 */
export async function publicResponse(c: OrgContext, build: () => Promise<string>, opts: { type?: string; cacheable?: boolean } = {}): Promise<Response> {
  const type = opts.type ?? 'text/html; charset=UTF-8'
  const org = c.get('org')
  const shared = opts.cacheable !== false && isAnonymousRequest(c)
  if (!shared) {
    const body = await build()
    return respond(c, body, etagOf(body), type, false)
  }
  const url = new URL(c.req.url)
  const key = `${org.id}|${contentVersion(org.id)}|${c.get('lang')}|${url.pathname}${url.search}`
  const hit = pages.get(key)
  if (hit && Date.now() - hit.at < TTL_MS) return respond(c, hit.body, hit.etag, hit.type, true)
  // Many visitors asking for the same expired page wait for one build, not one build each.
  let pending = building.get(key)
  if (!pending) {
    pending = build()
      .then((body) => {
        const entry = { body, etag: etagOf(body), at: Date.now(), type }
        if (pages.size >= MAX_ENTRIES) pages.delete(pages.keys().next().value!)
        pages.set(key, entry)
        return entry
      })
      .finally(() => building.delete(key))
    building.set(key, pending)
  }
  const entry = await pending
  return respond(c, entry.body, entry.etag, type, true)
}

type Renderable = { toString(): string | Promise<string> }

/** Renders a public HTML page through the shared cache (ETag, Cache-Control); `view` gets the page context. */
export function publicPage(c: OrgContext, view: (ctx: OrgPageCtx) => Promise<Renderable> | Renderable, opts: { cacheable?: boolean } = {}): Promise<Response> {
  return publicResponse(c, async () => '<!DOCTYPE html>' + (await (await view(pageCtx(c))).toString()), opts)
}
