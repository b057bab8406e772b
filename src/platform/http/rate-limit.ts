import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { AppDeps, AppEnv } from './context.js'
import { AppError } from './errors.js'
import { hmacSha256 } from '../crypto/index.js'

/** The client address: the first X-Forwarded-For hop behind a trusted proxy, else the socket peer. */
export function clientAddress(c: Context): string {
  if ((c.get('deps') as AppDeps).config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (fwd) return fwd
  }
  try {
    return getConnInfo(c).remote.address ?? ''
  } catch {
    return '' // in-process requests (app.request) have no socket
  }
}

/**
 * Fixed-window limiter kept in process memory. Addresses are stored only as keyed hashes and
 * forgotten when their window ends, so nothing identifying a person outlives a few minutes.
 */
export function rateLimit(opts: { name: string; max: number; windowMs: number }): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { count: number; resetAt: number }>()
  let sweepAt = Date.now() + opts.windowMs
  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const address = clientAddress(c)
    if (!address) return next()
    const now = Date.now()
    if (now > sweepAt) {
      for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k)
      sweepAt = now + opts.windowMs
    }
    const key = hmacSha256(c.get('deps').appSecret, `${opts.name}:${address}`)
    const e = hits.get(key)
    if (!e || e.resetAt <= now) hits.set(key, { count: 1, resetAt: now + opts.windowMs })
    else if (++e.count > opts.max) {
      c.header('Retry-After', String(Math.ceil((e.resetAt - now) / 1000)))
      throw new AppError('rate_limited', 429)
    }
    await next()
  }
}
