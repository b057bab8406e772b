import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A URL-safe random token (session ids, reset links); 32 bytes = 256 bits. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** The shape of a `randomToken()` of 32 bytes: anything else is refused before a lookup. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

/** What is stored of a single-use link's token (SHA-256 bytes), so a database copy cannot answer. */
export const tokenHash = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest()

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export function hmacSha256(key: string | Buffer, data: string | Buffer): string {
  return createHmac('sha256', key).update(data).digest('base64url')
}

/**
 * Constant-time string equality. Both sides are hashed first so that neither the position of the
 * first difference nor the length of the secret leaks through timing.
 */
export function timingSafeEqualStr(a: string, b: string): boolean {
  const x = createHash('sha256').update(a, 'utf8').digest()
  const y = createHash('sha256').update(b, 'utf8').digest()
  return timingSafeEqual(x, y)
}
