import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * AES-256-GCM blobs that describe themselves, so the format can change later without guessing:
 *   version (1 byte) | IV (12 bytes, random) | auth tag (16 bytes) | ciphertext
 * The version byte is authenticated with the AAD, so it cannot be swapped.
 */
const VERSION = 1
const IV_LENGTH = 12
const TAG_LENGTH = 16
const HEADER_LENGTH = 1 + IV_LENGTH + TAG_LENGTH
export const KEY_LENGTH = 32

export type DecryptionFailure = 'malformed' | 'unsupported_version' | 'authentication_failed'

/** Decryption refused: wrong key, wrong AAD, or the blob was altered or truncated. */
export class DecryptionError extends Error {
  constructor(
    readonly reason: DecryptionFailure,
    message: string,
  ) {
    super(message)
    this.name = 'DecryptionError'
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_LENGTH) throw new TypeError(`AES-256-GCM key must be ${KEY_LENGTH} bytes, got ${key.length}`)
}

const aadBytes = (version: number, aad: string) => Buffer.concat([Buffer.from([version]), Buffer.from(aad, 'utf8')])

/**
 * Encrypts under `key`. `aad` names what the plaintext is for (e.g. `totp:<userId>`), so a blob
 * copied into another row or column does not decrypt there.
 */
export function encrypt(key: Buffer, plaintext: Buffer | string, aad: string): Buffer {
  assertKey(key)
  const iv = randomBytes(IV_LENGTH)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH })
  cipher.setAAD(aadBytes(VERSION, aad))
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()])
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext])
}

/** Decrypts a blob from `encrypt`; throws `DecryptionError` unless key, AAD and blob all match. */
export function decrypt(key: Buffer, blob: Buffer, aad: string): Buffer {
  assertKey(key)
  if (blob.length < HEADER_LENGTH) throw new DecryptionError('malformed', `encrypted blob too short (${blob.length} bytes)`)
  const version = blob[0]!
  if (version !== VERSION) throw new DecryptionError('unsupported_version', `unsupported encrypted blob version ${version}`)
  const iv = blob.subarray(1, 1 + IV_LENGTH)
  const tag = blob.subarray(1 + IV_LENGTH, HEADER_LENGTH)
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH })
  decipher.setAAD(aadBytes(version, aad))
  decipher.setAuthTag(tag)
  try {
    return Buffer.concat([decipher.update(blob.subarray(HEADER_LENGTH)), decipher.final()])
  } catch {
    throw new DecryptionError('authentication_failed', 'decryption failed: wrong key, wrong AAD, or the data was altered')
  }
}
