import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { DecryptionError } from './aead.js'
import { currentMasterKey, type MasterKeys } from './keyring.js'

/**
 * Small secrets (e.g. TOTP seeds) sealed directly under the current master key; the blob names
 * its key id so data sealed before a rotation still opens.
 * Layout: idLen(1) id iv(12) tag(16) ciphertext. Kept byte-compatible: rows already hold it.
 */
export function seal(keys: MasterKeys, plaintext: Buffer, aad: string): Buffer {
  const { id: currentId, key } = currentMasterKey(keys)
  const id = Buffer.from(currentId, 'utf8')
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([Buffer.from([id.length]), id, iv, cipher.getAuthTag(), ct])
}

export function openSealed(keys: MasterKeys, blob: Buffer, aad: string): Buffer {
  const idLen = blob[0] ?? 0
  if (idLen === 0 || blob.length < 29 + idLen) throw new DecryptionError('malformed', 'sealed blob is malformed')
  const id = blob.subarray(1, 1 + idLen).toString('utf8')
  const key = keys.keys.get(id)
  if (!key) throw new Error(`master key ${id} not available`)
  const iv = blob.subarray(1 + idLen, 13 + idLen)
  const tag = blob.subarray(13 + idLen, 29 + idLen)
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(tag)
  try {
    return Buffer.concat([decipher.update(blob.subarray(29 + idLen)), decipher.final()])
  } catch {
    throw new DecryptionError('authentication_failed', 'sealed data failed authentication: wrong key, wrong AAD, or altered')
  }
}
