import { generateSecret, generateURI, verify } from 'otplib'
import { openSealed, seal, type MasterKeys } from '../crypto/index.js'

export function newTotpSecret(): string {
  return generateSecret()
}

export function totpUri(secret: string, issuer: string, label: string): string {
  return generateURI({ secret, issuer, label })
}

/**
 * Accepts the current code and one step either side (clock drift), but never a step at or before
 * `afterStep` (the last one accepted for the account): a code works once. Returns the accepted step.
 */
export async function checkTotp(secret: string, code: string, afterStep?: number | null): Promise<{ ok: true; step: number } | { ok: false }> {
  if (!/^\d{6}$/.test(code)) return { ok: false }
  const r = await verify({ secret, token: code, epochTolerance: 30, ...(afterStep != null ? { afterTimeStep: afterStep } : {}) }).catch(() => ({ valid: false as const }))
  return r.valid && 'timeStep' in r ? { ok: true, step: r.timeStep } : { ok: false }
}

// TOTP secrets are encrypted under the master key; the user id is bound in as AAD so a secret
// copied onto another account does not decrypt.
export function sealTotpSecret(keys: MasterKeys, userId: string, secret: string): Buffer {
  return seal(keys, Buffer.from(secret, 'utf8'), `totp:${userId}`)
}
export function openTotpSecret(keys: MasterKeys, userId: string, sealed: Buffer): string {
  return openSealed(keys, sealed, `totp:${userId}`).toString('utf8')
}
