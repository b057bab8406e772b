// npm run keys:rotate — re-wraps every agency's data key under the current master key.
// Rotation: put a new key first in MASTER_KEYS (or the key file), keep the old one after it,
// run this command, then remove the old key.
import { loadConfig } from '../../config.js'
import { boot } from '../boot.js'
import { rotateDataKeys } from '../../modules/complaints/index.js'

const config = loadConfig()
const runtime = await boot(config)
try {
  const r = await rotateDataKeys(runtime.ownerUrl, runtime.deps.masterKeys)
  console.log(`Data keys: ${r.total}; re-wrapped under master key "${runtime.deps.masterKeys.currentId}": ${r.rewrapped}; already current: ${r.alreadyCurrent}.`)
  if (runtime.deps.masterKeys.keys.size > 1) console.log('Every data key now uses the current master key: the older master keys can be removed.')
} catch (e) {
  console.error(`Key rotation failed, nothing was changed: ${(e as Error).message}`)
  process.exitCode = 1
} finally {
  await runtime.stop()
}
