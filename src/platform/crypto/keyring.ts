import { existsSync, readFileSync } from 'node:fs'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { MasterKeys } from './sealed.js'

/** Parses "id:base64,id:base64" (first = current), each key 32 bytes. */
export function parseMasterKeys(spec: string): MasterKeys {
  const keys = new Map<string, Buffer>()
  let currentId = ''
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const i = part.indexOf(':')
    if (i < 1) throw new Error('master key entries must look like "id:base64"')
    const id = part.slice(0, i)
    const key = Buffer.from(part.slice(i + 1), 'base64')
    if (key.length !== 32) throw new Error(`master key ${id} must be 32 bytes`)
    if (!/^[\w.-]{1,40}$/.test(id)) throw new Error(`master key id ${id} is not valid`)
    keys.set(id, key)
    currentId ||= id
  }
  if (!currentId) throw new Error('no master key given')
  return { currentId, keys }
}

export function loadMasterKeys(source: { keys: string } | { keyFile: string }): MasterKeys {
  return parseMasterKeys('keys' in source ? source.keys : readFileSync(source.keyFile, 'utf8'))
}

/** Creates a key file (0600, directory 0700) with one fresh key when missing. */
export async function ensureKeyFile(path: string): Promise<void> {
  if (existsSync(path)) return
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`
  await writeFile(path, `${id}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 })
  await chmod(path, 0o600)
}

export function generateMasterKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`
}
