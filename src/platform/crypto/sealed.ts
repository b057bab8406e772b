import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** Master keys by id; `currentId` encrypts, every id decrypts (for rotation). */
export type MasterKeys = { currentId: string; keys: Map<string, Buffer> }

/**
 * AES-256-GCM under the current master key; the blob names its key id so that data
 * sealed before a rotation still opens. Layout: idLen(1) id iv(12) tag(16) ciphertext.
 */
export function seal(keys: MasterKeys, plaintext: Buffer, aad: string): Buffer {
  const key = keys.keys.get(keys.currentId)
  if (!key) throw new Error('current master key missing')
  const id = Buffer.from(keys.currentId, 'utf8')
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([Buffer.from([id.length]), id, iv, cipher.getAuthTag(), ct])
}

export function openSealed(keys: MasterKeys, blob: Buffer, aad: string): Buffer {
  const idLen = blob[0] ?? 0
  const id = blob.subarray(1, 1 + idLen).toString('utf8')
  const key = keys.keys.get(id)
  if (!key) throw new Error(`master key ${id} not available`)
  const iv = blob.subarray(1 + idLen, 13 + idLen)
  const tag = blob.subarray(13 + idLen, 29 + idLen)
  const decipher = createDecipheriv('aes-256-gcm', key, iv)
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(blob.subarray(29 + idLen)), decipher.final()])
}
