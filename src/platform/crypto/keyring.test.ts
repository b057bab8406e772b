import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DecryptionError } from './aead.js'
import {
  ensureKeyFile,
  generateDataKey,
  generateMasterKeyEntry,
  loadMasterKeys,
  parseMasterKeys,
  rewrapDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './keyring.js'

const b64 = () => randomBytes(32).toString('base64')

describe('parseMasterKeys', () => {
  it('reads "id:base64,…" with the first as current', () => {
    const keys = parseMasterKeys(`new:${b64()}, old:${b64()}`)
    expect(keys.currentId).toBe('new')
    expect([...keys.keys.keys()]).toEqual(['new', 'old'])
  })
  it('reads one entry per line with comments', () => {
    const keys = parseMasterKeys(`# rotated 2026-11-25\nk2:${b64()}\nk1:${b64()}\n`)
    expect(keys.currentId).toBe('k2')
    expect(keys.keys.size).toBe(2)
  })
  it('rejects bad entries without echoing key material', () => {
    expect(() => parseMasterKeys('')).toThrow(/no master key/)
    expect(() => parseMasterKeys('nokey')).toThrow(/id:base64/)
    expect(() => parseMasterKeys(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/)
    expect(() => parseMasterKeys(`bad id:${b64()}`)).toThrow(/not valid/)
    const k = b64()
    expect(() => parseMasterKeys(`k1:${k},k1:${b64()}`)).toThrow(/twice/)
    try {
      parseMasterKeys(`k1:${k.slice(0, 20)}`)
    } catch (err) {
      expect((err as Error).message).not.toContain(k.slice(0, 20))
    }
  })
})

describe('key files', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })
  const tempDir = async () => {
    const d = await mkdtemp(join(tmpdir(), 'prongsai-keys-'))
    dirs.push(d)
    return d
  }

  it('creates a 0600 key file in a 0700 directory once, then leaves it alone', async () => {
    const dir = join(await tempDir(), 'data', 'secrets')
    const path = join(dir, 'master.key')
    expect(await ensureKeyFile(path)).toBe(true)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    const first = await readFile(path, 'utf8')
    expect(await ensureKeyFile(path)).toBe(false)
    expect(await readFile(path, 'utf8')).toBe(first)
    const keys = loadMasterKeys({ keyFile: path })
    expect(keys.keys.get(keys.currentId)?.length).toBe(32)
  })
  it('lets concurrent starts agree on one key', async () => {
    const path = join(await tempDir(), 'master.key')
    const created = await Promise.all([ensureKeyFile(path), ensureKeyFile(path), ensureKeyFile(path)])
    expect(created.filter(Boolean)).toHaveLength(1)
    expect(() => loadMasterKeys({ keyFile: path })).not.toThrow()
  })
  it('prefers keys from the environment over the key file', () => {
    const keys = loadMasterKeys({ keys: `env:${b64()}`, keyFile: '/nonexistent/master.key' })
    expect(keys.currentId).toBe('env')
    expect(() => loadMasterKeys({})).toThrow(/no master keys/)
  })
})

describe('data keys', () => {
  it('wraps and unwraps under the current master key', () => {
    const keys = parseMasterKeys(`k1:${b64()}`)
    const dataKey = generateDataKey()
    const { masterKeyId, wrapped } = wrapDataKey(keys, dataKey, 'org-1')
    expect(masterKeyId).toBe('k1')
    expect(wrapped.includes(dataKey)).toBe(false)
    expect(unwrapDataKey(keys, wrapped, masterKeyId, 'org-1').equals(dataKey)).toBe(true)
  })
  it("refuses another agency's wrapped key and tampering", () => {
    const keys = parseMasterKeys(`k1:${b64()}`)
    const { masterKeyId, wrapped } = wrapDataKey(keys, generateDataKey(), 'org-1')
    expect(() => unwrapDataKey(keys, wrapped, masterKeyId, 'org-2')).toThrow(DecryptionError)
    const bad = Buffer.from(wrapped)
    bad[bad.length - 1]! ^= 1
    expect(() => unwrapDataKey(keys, bad, masterKeyId, 'org-1')).toThrow(DecryptionError)
    expect(() => unwrapDataKey(keys, wrapped, 'gone', 'org-1')).toThrow(/not loaded/)
  })
  it('survives a rotation round trip', () => {
    const oldEntry = generateMasterKeyEntry('k2025')
    const before = parseMasterKeys(oldEntry)
    const dataKey = generateDataKey()
    const stored = wrapDataKey(before, dataKey, 'org-1')

    // Rotation: the new key goes first, the old one stays until every data key is re-wrapped.
    const during = parseMasterKeys(`${generateMasterKeyEntry('k2026')},${oldEntry}`)
    const rewrapped = rewrapDataKey(during, stored.wrapped, stored.masterKeyId, 'org-1')
    expect(rewrapped.masterKeyId).toBe('k2026')

    const after = parseMasterKeys(`k2026:${during.keys.get('k2026')!.toString('base64')}`)
    expect(unwrapDataKey(after, rewrapped.wrapped, rewrapped.masterKeyId, 'org-1').equals(dataKey)).toBe(true)
    expect(() => unwrapDataKey(after, stored.wrapped, stored.masterKeyId, 'org-1')).toThrow(/not loaded/)
  })
  it('rejects data keys of the wrong size', () => {
    expect(() => wrapDataKey(parseMasterKeys(`k1:${b64()}`), randomBytes(16))).toThrow(/32 bytes/)
  })
})
