import type { AppContext } from '../http/context.js'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

type Renderable = { toString(): string | Promise<string> }

/** Renders a hono/jsx page as a full HTML document (hono's c.html() alone emits no doctype). */
export async function render(c: AppContext, page: Renderable, status: ContentfulStatusCode = 200): Promise<Response> {
  const body = await page.toString()
  if (!c.res.headers.get('cache-control')) c.header('Cache-Control', 'no-store')
  return c.html('<!DOCTYPE html>' + body, status)
}
