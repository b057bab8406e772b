import { generateSecret, generateURI, verify } from 'otplib'
import { openSealed, seal, type MasterKeys } from '../crypto/index.js'

export function newTotpSecret(): string {
  return generateSecret()
}

export function totpUri(secret: string, issuer: string, label: string): string {
  return generateURI({ secret, issuer, label })
}

/** Accepts the current code and one step either side, for clock drift. */
export async function checkTotp(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false
  const r = await verify({ secret, token: code, epochTolerance: 30 }).catch(() => ({ valid: false }))
  return r.valid
}

// TOTP secrets are encrypted under the master key; the user id is bound in as AAD so a secret
// copied onto another account does not decrypt.
export function sealTotpSecret(keys: MasterKeys, userId: string, secret: string): Buffer {
  return seal(keys, Buffer.from(secret, 'utf8'), `totp:${userId}`)
}
export function openTotpSecret(keys: MasterKeys, userId: string, sealed: Buffer): string {
  return openSealed(keys, sealed, `totp:${userId}`).toString('utf8')
}
