import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppDeps } from '../module/manifest.js'
import { addressBucket, clearHits, clientAddress, countHit, limitKey, peekHits } from '../http/rate-limit.js'
import { hmacSha256, timingSafeEqualStr } from '../crypto/index.js'
import { isSecureRequest } from '../http/middleware.js'

// Guessing passwords is slowed where the guesses come from, not by locking the account: a lock-out
// anyone can trigger lets an attacker keep a complaints officer out of her own account. Three
// counters, all in PostgreSQL (shared by every process), keyed by HMAC (no address is stored):
//  - per address (IPv6 per /64): many failures from one place, whatever the accounts (spraying);
//  - per account and address: a few failures for one account from one place;
//  - per account from unknown devices: many failures for one account from everywhere — a browser
//    where the account signed in before (a device cookie) is not slowed by this one, so the owner
//    can still sign in while it is under attack.
// The answer is the same whether the account exists or not, and states the wait.

const WINDOW_MS = 15 * 60 * 1000
export const LIMITS = { perAddress: 30, perAccountAddress: 5, perAccountUnknownDevices: 50 }
const DEVICE_COOKIE = 'psai_dev'

type Keys = { address: string; accountAddress: string; account: string }

function keysFor(c: Context, orgId: string | null, email: string): Keys {
  const address = addressBucket(clientAddress(c) || 'in-process')
  const account = `${orgId ?? 'platform'}:${email.trim().toLowerCase()}`
  return { address: limitKey(c, 'login-addr', address), accountAddress: limitKey(c, 'login-acct-addr', account, address), account: limitKey(c, 'login-acct', account) }
}

const deviceToken = (c: Context, account: string) => hmacSha256((c.get('deps') as AppDeps).appSecret, `device:${account}`)

function knownDevice(c: Context, orgId: string | null, email: string): boolean {
  const account = `${orgId ?? 'platform'}:${email.trim().toLowerCase()}`
  const sent = (getCookie(c, DEVICE_COOKIE) ?? '').split('.')
  const want = deviceToken(c, account)
  return sent.some((s) => s.length === want.length && timingSafeEqualStr(s, want))
}

/** When this sign-in may be tried again, or null when it may be tried now. */
export async function signInBlockedUntil(c: Context, orgId: string | null, email: string): Promise<Date | null> {
  const db = (c.get('deps') as AppDeps).db
  const k = keysFor(c, orgId, email)
  const checks: [string, number][] = [
    [k.address, LIMITS.perAddress],
    [k.accountAddress, LIMITS.perAccountAddress],
  ]
  if (!knownDevice(c, orgId, email)) checks.push([k.account, LIMITS.perAccountUnknownDevices])
  let until: Date | null = null
  for (const [key, max] of checks) {
    const { hits, resetAt } = await peekHits(db, key, WINDOW_MS)
    if (hits >= max && (!until || resetAt > until)) until = resetAt
  }
  return until
}

export async function recordFailedSignIn(c: Context, orgId: string | null, email: string): Promise<void> {
  const db = (c.get('deps') as AppDeps).db
  const k = keysFor(c, orgId, email)
  await Promise.all([countHit(db, k.address, WINDOW_MS), countHit(db, k.accountAddress, WINDOW_MS), countHit(db, k.account, WINDOW_MS)])
}

/** After a correct password: this place may try the account again, and this browser is now known. */
export async function recordSuccessfulSignIn(c: Context, orgId: string | null, email: string): Promise<void> {
  const db = (c.get('deps') as AppDeps).db
  await clearHits(db, keysFor(c, orgId, email).accountAddress)
  const account = `${orgId ?? 'platform'}:${email.trim().toLowerCase()}`
  const mine = deviceToken(c, account)
  const others = (getCookie(c, DEVICE_COOKIE) ?? '').split('.').filter((s) => /^[A-Za-z0-9_-]{20,}$/.test(s) && s !== mine)
  // A shared office computer may know a few accounts; keep the newest five.
  setCookie(c, DEVICE_COOKIE, [mine, ...others].slice(0, 5).join('.'), { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecureRequest(c), maxAge: 365 * 86400 })
}
