import { readFileSync } from 'node:fs'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { randomBytes } from 'node:crypto'
import { decrypt, encrypt, KEY_LENGTH } from './aead.js'

/** Master keys by id; `currentId` encrypts, every id decrypts (so old data opens after rotation). */
export type MasterKeys = { currentId: string; keys: Map<string, Buffer> }

const KEY_ID = /^[\w.-]{1,40}$/

/**
 * Parses "id:base64,id:base64" (first = current), each key 32 bytes. Entries may also be on
 * separate lines, and lines starting with # are comments, so a key file can carry notes.
 */
export function parseMasterKeys(spec: string): MasterKeys {
  const keys = new Map<string, Buffer>()
  let currentId = ''
  const entries = spec
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((s) => s.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const i = entry.indexOf(':')
    if (i < 1) throw new Error('master key entries must look like "id:base64"')
    const id = entry.slice(0, i)
    if (!KEY_ID.test(id)) throw new Error(`master key id ${JSON.stringify(id)} is not valid (letters, digits, _ . -)`)
    if (keys.has(id)) throw new Error(`master key id ${id} appears twice`)
    const key = Buffer.from(entry.slice(i + 1), 'base64')
    // Never echo key material in the message: it ends up in logs.
    if (key.length !== KEY_LENGTH) throw new Error(`master key ${id} must be ${KEY_LENGTH} bytes of base64, got ${key.length}`)
    keys.set(id, key)
    currentId ||= id
  }
  if (!currentId) throw new Error('no master key given')
  return { currentId, keys }
}

/** Keys from the environment (`MASTER_KEYS`) when set, else from a key file. */
export type MasterKeySource = { keys?: string | undefined; keyFile?: string | undefined }

export function loadMasterKeys(source: MasterKeySource): MasterKeys {
  if (source.keys?.trim()) return parseMasterKeys(source.keys)
  if (source.keyFile) return parseMasterKeys(readFileSync(source.keyFile, 'utf8'))
  throw new Error('no master keys: set MASTER_KEYS or provide a key file')
}

export function currentMasterKey(masterKeys: MasterKeys): { id: string; key: Buffer } {
  const key = masterKeys.keys.get(masterKeys.currentId)
  if (!key) throw new Error(`current master key ${masterKeys.currentId} missing`)
  return { id: masterKeys.currentId, key }
}

function masterKey(masterKeys: MasterKeys, id: string): Buffer {
  const key = masterKeys.keys.get(id)
  if (!key) throw new Error(`master key ${id} is not loaded (was it removed before re-wrapping?)`)
  return key
}

/** "id:base64" for a fresh random key, ready to prepend to MASTER_KEYS or a key file. */
export function generateMasterKeyEntry(id: string): string {
  if (!KEY_ID.test(id)) throw new Error(`master key id ${JSON.stringify(id)} is not valid`)
  return `${id}:${randomBytes(KEY_LENGTH).toString('base64')}`
}

/**
 * Creates a key file with one fresh key when missing: file 0600, a newly created directory 0700.
 * Returns whether it created the file. `wx` makes two processes starting at once agree on one key
 * instead of the second overwriting the first.
 */
export async function ensureKeyFile(path: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`
  try {
    await writeFile(path, `${generateMasterKeyEntry(id)}\n`, { mode: 0o600, flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  }
  // The mode passed to writeFile is filtered by the umask; make 0600 explicit.
  await chmod(path, 0o600)
  return true
}

/** A fresh random 32-byte data key (one per agency), to be stored only wrapped. */
export function generateDataKey(): Buffer {
  return randomBytes(KEY_LENGTH)
}

export type WrappedDataKey = { masterKeyId: string; wrapped: Buffer }

// The AAD binds a wrapped key to its master key id and its owner (`context`, e.g. the org id),
// so a wrapped key copied to another agency's row does not unwrap there.
const wrapAad = (masterKeyId: string, context: string) => `prongsai:data-key:${masterKeyId}:${context}`

/** Encrypts a data key under the current master key. */
export function wrapDataKey(masterKeys: MasterKeys, dataKey: Buffer, context = ''): WrappedDataKey {
  if (dataKey.length !== KEY_LENGTH) throw new TypeError(`data key must be ${KEY_LENGTH} bytes`)
  const { id, key } = currentMasterKey(masterKeys)
  return { masterKeyId: id, wrapped: encrypt(key, dataKey, wrapAad(id, context)) }
}

/** Decrypts a data key wrapped under master key `masterKeyId`; throws `DecryptionError` on mismatch. */
export function unwrapDataKey(masterKeys: MasterKeys, wrapped: Buffer, masterKeyId: string, context = ''): Buffer {
  return decrypt(masterKey(masterKeys, masterKeyId), wrapped, wrapAad(masterKeyId, context))
}

/**
 * Re-wraps a data key under the current master key (rotation): the data it protects is not
 * touched. After every agency's key is re-wrapped, the old master key can be removed.
 */
export function rewrapDataKey(masterKeys: MasterKeys, wrapped: Buffer, fromId: string, context = ''): WrappedDataKey {
  const dataKey = unwrapDataKey(masterKeys, wrapped, fromId, context)
  try {
    return wrapDataKey(masterKeys, dataKey, context)
  } finally {
    dataKey.fill(0)
  }
}
