import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from './context.js'
import { AppError } from './errors.js'
import { readBody } from './body.js'
import { isSecureRequest } from './middleware.js'
import { hmacSha256, timingSafeEqualStr, randomToken } from '../crypto/index.js'

export const CSRF_COOKIE = 'psai_csrf'
export const CSRF_FIELD = '_csrf'

/** The form token for this browser (signed double-submit cookie); sets the cookie on first use. */
export function csrfToken(c: Context): string {
  let seed = (c.get('csrfSeed') as string | undefined) ?? getCookie(c, CSRF_COOKIE)
  if (!seed || !/^[A-Za-z0-9_-]{32,64}$/.test(seed)) {
    seed = randomToken(32)
    setCookie(c, CSRF_COOKIE, seed, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isSecureRequest(c) })
  }
  c.set('csrfSeed', seed) // several forms on one page share the new cookie
  return hmacSha256((c.get('deps') as AppEnv['Variables']['deps']).appSecret, `csrf:${seed}`)
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null // "Origin: garbage" is refused like a foreign origin, not a crash
  }
}

/** Every state-changing request must carry the token of this browser's cookie and come from our origin. */
export const csrf = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next()
  const origin = c.req.header('origin')
  if (origin && origin !== 'null') {
    const host = c.req.header('x-forwarded-host') && c.get('deps').config.trustProxy ? c.req.header('x-forwarded-host') : c.req.header('host')
    if (originHost(origin) !== host) throw new AppError('csrf', 403)
  }
  const seed = getCookie(c, CSRF_COOKIE)
  let sent = c.req.header('x-csrf-token')
  if (!sent) {
    const type = c.req.header('content-type') ?? ''
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const v = (await readBody(c)).values[CSRF_FIELD]
      sent = typeof v === 'string' ? v : undefined
    }
  }
  if (!seed || !sent || !timingSafeEqualStr(sent, hmacSha256(c.get('deps').appSecret, `csrf:${seed}`))) {
    throw new AppError('csrf', 403)
  }
  await next()
}
