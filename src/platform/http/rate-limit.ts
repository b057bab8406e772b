import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import type { AppDeps } from './context.js'
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
 * What a limit counts an address as: an IPv4 address, or an IPv6 /64 network (one home or phone
 * gets a whole /64, so counting single IPv6 addresses would give an attacker 2^64 tries).
 */
export function addressBucket(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, '').split('%')[0]!
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a)
  if (v4) return v4[1]!
  if (!a.includes(':')) return a || 'unknown'
  const [head = '', tail = ''] = a.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const full = a.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h
  return `${full.slice(0, 4).map((x) => x.replace(/^0+(?=.)/, '') || '0').join(':')}::/64`
}

/**
 * Counts one hit for `key` in the current fixed window, atomically in PostgreSQL (so every app
 * process shares the count), and returns the count with the time the window ends.
 */
export async function countHit(db: Db, key: string, windowMs: number, weight = 1): Promise<{ hits: number; resetAt: Date }> {
  const start = new Date(Math.floor(Date.now() / windowMs) * windowMs)
  const resetAt = new Date(start.getTime() + windowMs)
  const r = await db.execute(sql`
    INSERT INTO rate_counters (key, window_start, hits, expires_at) VALUES (${key}, ${start}, ${weight}, ${resetAt})
    ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_counters.hits + ${weight}
    RETURNING hits`)
  return { hits: Number((r.rows[0] as { hits: number }).hits), resetAt }
}

/** The hits counted for `key` in the current window, without counting one. */
export async function peekHits(db: Db, key: string, windowMs: number): Promise<{ hits: number; resetAt: Date }> {
  const start = new Date(Math.floor(Date.now() / windowMs) * windowMs)
  const r = await db.execute(sql`SELECT hits FROM rate_counters WHERE key = ${key} AND window_start = ${start}`)
  return { hits: Number((r.rows[0] as { hits?: number } | undefined)?.hits ?? 0), resetAt: new Date(start.getTime() + windowMs) }
}

export async function clearHits(db: Db, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_counters WHERE key = ${key}`)
}

/** Removes counters whose window has ended (run by a platform job). */
export async function sweepRateCounters(db: Db): Promise<number> {
  const r = await db.execute(sql`DELETE FROM rate_counters WHERE expires_at < now()`)
  return r.rowCount ?? 0
}

/** A keyed hash for a limit's key, so no address or e-mail is stored in the clear. */
export function limitKey(c: Context, ...parts: string[]): string {
  return hmacSha256((c.get('deps') as AppDeps).appSecret, `limit:${parts.join(':')}`)
}

/** Wait in whole minutes (at least 1), for messages. */
export const minutesUntil = (d: Date): number => Math.max(1, Math.ceil((d.getTime() - Date.now()) / 60_000))

/**
 * Fixed-window limit per address (IPv6 per /64) on POSTs, shared by every app process. Over the
 * limit: 429 with Retry-After, and a Thai message saying how long to wait.
 */
export function rateLimit(opts: { name: string; max: number; windowMs: number }): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const address = clientAddress(c)
    if (!address) return next()
    const { hits, resetAt } = await countHit((c.get('deps') as AppDeps).db, limitKey(c, opts.name, addressBucket(address)), opts.windowMs)
    if (hits > opts.max) {
      c.header('Retry-After', String(Math.ceil((resetAt.getTime() - Date.now()) / 1000)))
      const minutes = minutesUntil(resetAt)
      throw new AppError('rate_limited', 429, { th: `มีการส่งคำขอจากเครื่องนี้มากเกินไป กรุณารออีกประมาณ ${minutes} นาทีแล้วลองใหม่`, en: `Too many requests from this device. Please wait about ${minutes} minute(s) and try again` })
    }
    await next()
  }
}
