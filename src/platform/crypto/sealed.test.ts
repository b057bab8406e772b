import { createCipheriv, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DecryptionError } from './aead.js'
import { parseMasterKeys } from './keyring.js'
import { openSealed, seal } from './sealed.js'

describe('sealed secrets', () => {
  it('opens after rotation because the blob names its key id', () => {
    const old = parseMasterKeys(`k1:${randomBytes(32).toString('base64')}`)
    const blob = seal(old, Buffer.from('JBSWY3DPEHPK3PXP'), 'totp:u1')
    const rotated = parseMasterKeys(`k2:${randomBytes(32).toString('base64')},k1:${old.keys.get('k1')!.toString('base64')}`)
    expect(openSealed(rotated, blob, 'totp:u1').toString()).toBe('JBSWY3DPEHPK3PXP')
    expect(() => openSealed(rotated, blob, 'totp:u2')).toThrow(DecryptionError)
  })
  it('keeps the stored layout: idLen | id | iv | tag | ciphertext', () => {
    const keys = parseMasterKeys(`k1:${randomBytes(32).toString('base64')}`)
    const key = keys.keys.get('k1')!
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    cipher.setAAD(Buffer.from('totp:u1'))
    const ct = Buffer.concat([cipher.update('secret'), cipher.final()])
    const legacy = Buffer.concat([Buffer.from([2]), Buffer.from('k1'), iv, cipher.getAuthTag(), ct])
    expect(openSealed(keys, legacy, 'totp:u1').toString()).toBe('secret')
  })
  it('rejects truncated blobs', () => {
    const keys = parseMasterKeys(`k1:${randomBytes(32).toString('base64')}`)
    expect(() => openSealed(keys, Buffer.from([2, 0x6b, 0x31]), 'x')).toThrow(/malformed/)
  })
})
