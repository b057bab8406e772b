import { describe, expect, it } from 'vitest'
import { hmacSha256, randomToken, sha256Hex, timingSafeEqualStr } from './tokens.js'

describe('tokens', () => {
  it('makes URL-safe random tokens of the requested strength', () => {
    const t = randomToken()
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(randomToken(16)).toHaveLength(22)
    expect(randomToken()).not.toBe(t)
  })
  it('hashes and signs with known vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    // RFC 4231 test case 2.
    expect(Buffer.from(hmacSha256('Jefe', 'what do ya want for nothing?'), 'base64url').toString('hex')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })
  it('compares strings of any length', () => {
    expect(timingSafeEqualStr('abc', 'abc')).toBe(true)
    expect(timingSafeEqualStr('abc', 'abd')).toBe(false)
    expect(timingSafeEqualStr('abc', 'abcd')).toBe(false)
    expect(timingSafeEqualStr('', '')).toBe(true)
  })
})
