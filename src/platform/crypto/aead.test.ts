import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decrypt, DecryptionError, encrypt } from './aead.js'

const key = randomBytes(32)

function expectFailure(fn: () => unknown, reason: DecryptionError['reason']) {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(DecryptionError)
    expect((err as DecryptionError).reason).toBe(reason)
    return
  }
  throw new Error('expected decryption to fail')
}

describe('AES-256-GCM blobs', () => {
  it('round-trips strings and buffers, including empty plaintext', () => {
    expect(decrypt(key, encrypt(key, 'ความลับ', 'org:1'), 'org:1').toString('utf8')).toBe('ความลับ')
    const bytes = randomBytes(1000)
    expect(decrypt(key, encrypt(key, bytes, ''), '').equals(bytes)).toBe(true)
    expect(decrypt(key, encrypt(key, '', 'x'), 'x').length).toBe(0)
  })
  it('is self-describing: version 1, 12-byte IV, 16-byte tag, ciphertext', () => {
    const blob = encrypt(key, 'abc', 'a')
    expect(blob[0]).toBe(1)
    expect(blob.length).toBe(1 + 12 + 16 + 3)
  })
  it('uses a fresh IV every time', () => {
    expect(encrypt(key, 'same', 'a').equals(encrypt(key, 'same', 'a'))).toBe(false)
  })
  it('detects tampering anywhere in the blob', () => {
    const blob = encrypt(key, 'amount: 1000', 'gift:7')
    for (const i of [1, 13, 29, blob.length - 1]) {
      const bad = Buffer.from(blob)
      bad[i]! ^= 0x01
      expectFailure(() => decrypt(key, bad, 'gift:7'), 'authentication_failed')
    }
    expectFailure(() => decrypt(key, blob.subarray(0, blob.length - 1), 'gift:7'), 'authentication_failed')
  })
  it('refuses the wrong AAD or the wrong key', () => {
    const blob = encrypt(key, 'x', 'totp:user-1')
    expectFailure(() => decrypt(key, blob, 'totp:user-2'), 'authentication_failed')
    expectFailure(() => decrypt(randomBytes(32), blob, 'totp:user-1'), 'authentication_failed')
  })
  it('refuses short blobs and unknown versions with a clear reason', () => {
    expectFailure(() => decrypt(key, Buffer.alloc(10), ''), 'malformed')
    const blob = encrypt(key, 'x', '')
    blob[0] = 2
    expectFailure(() => decrypt(key, blob, ''), 'unsupported_version')
  })
  it('refuses keys that are not 32 bytes', () => {
    expect(() => encrypt(randomBytes(16), 'x', '')).toThrow(/32 bytes/)
  })
})
