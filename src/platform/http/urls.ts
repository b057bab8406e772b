import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps } from './context.js'

/**
 * The deployment's origin for absolute links (mails, feeds, sitemaps, DCAT): from configuration
 * only (PUBLIC_URL, or the local demo's own address), never from the request's Host header, so a
 * forged Host cannot put another site into a mailed link or a cached feed.
 */
export function publicOrigin(c: Context): string {
  return (c.get('deps') as AppDeps).config.siteOrigin
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])
const hostname = (h: string) => (h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.split(':')[0]!).toLowerCase()

/**
 * With PUBLIC_URL set, requests for any other host are refused (421): they are either a
 * misconfigured proxy or someone trying to make the app speak for a host it is not. The local
 * addresses stay open for health checks and the link monitor's own probes.
 */
export const knownHostsOnly = (): MiddlewareHandler => async (c, next) => {
  const config = (c.get('deps') as AppDeps).config
  if (!config.publicUrl) return next()
  const expected = new URL(config.publicUrl).hostname.toLowerCase()
  const forwarded = config.trustProxy ? c.req.header('x-forwarded-host') : undefined
  for (const h of [c.req.header('host'), forwarded]) {
    if (h === undefined) continue
    const name = hostname(h.trim())
    if (name !== expected && !LOCAL.has(name)) {
      return c.text('421 Misdirected Request: ที่อยู่นี้ไม่ใช่ของระบบนี้ (unknown host)', 421)
    }
  }
  return next()
}
