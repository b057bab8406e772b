import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

type Renderable = { toString(): string | Promise<string> }

/** Renders a hono/jsx page as a full HTML document (hono's c.html() alone emits no doctype). */
export async function render(c: Context, page: Renderable, status: ContentfulStatusCode = 200): Promise<Response> {
  const body = await page.toString()
  const cacheControl = c.res.headers.get('cache-control')
  if (!cacheControl) c.header('Cache-Control', 'no-store')
  else if (/\bpublic\b/.test(cacheControl)) {
    // A page a route allows caches to keep still differs by cookie (language, signed-in header
    // with the user's name and form token): never keep a signed-in copy, and key the rest by cookie.
    if (c.get('actor')) c.header('Cache-Control', 'private, no-store')
    c.header('Vary', 'Cookie', { append: true })
  }
  return c.html('<!DOCTYPE html>' + body, status)
}
