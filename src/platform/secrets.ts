import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Config } from '../config.js'
import { ensureKeyFile, loadMasterKeys, type MasterKeys } from './crypto/index.js'

async function fileSecret(path: string): Promise<string> {
  if (!existsSync(path)) {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    await writeFile(path, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 })
    await chmod(path, 0o600)
  }
  return (await readFile(path, 'utf8')).trim()
}

/**
 * Secrets come from the environment in production; a development/demo install generates them
 * once into DATA_DIR/secrets (0600), never into the repository.
 */
export async function loadSecrets(config: Config): Promise<{ appSecret: string; masterKeys: MasterKeys }> {
  const dir = resolve(config.dataDir, 'secrets')
  const appSecret = config.appSecret ?? (await fileSecret(resolve(dir, 'app-secret')))
  let masterKeys: MasterKeys
  if (config.masterKeys) masterKeys = loadMasterKeys({ keys: config.masterKeys })
  else {
    const keyFile = resolve(dir, 'master.key')
    await ensureKeyFile(keyFile)
    masterKeys = loadMasterKeys({ keyFile })
  }
  return { appSecret, masterKeys }
}
