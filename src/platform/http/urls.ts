import type { Context } from 'hono'
import type { AppDeps } from './context.js'

/** The deployment's public origin for absolute links (mails, feeds, sitemaps): PUBLIC_URL when set. */
export function publicOrigin(c: Context): string {
  const config = (c.get('deps') as AppDeps).config
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '')
  const u = new URL(c.req.url)
  const host = config.trustProxy ? (c.req.header('x-forwarded-host') ?? u.host) : u.host
  return `${u.protocol}//${host}`
}
