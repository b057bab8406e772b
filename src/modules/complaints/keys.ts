import pg from 'pg'
import { rewrapDataKey, type MasterKeys } from '../../platform/crypto/index.js'

export type RotationResult = { total: number; rewrapped: number; alreadyCurrent: number }

/**
 * Re-wraps every agency's data key under the current master key (the data they protect is
 * untouched). Runs as the database owner, one transaction, rows locked: either every key is
 * re-wrapped or none is. Afterwards old master keys can be removed from MASTER_KEYS.
 */
export async function rotateDataKeys(ownerUrl: string, masterKeys: MasterKeys): Promise<RotationResult> {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  try {
    await client.query('BEGIN')
    const { rows } = await client.query<{ org_id: string; id: string; master_key_id: string; wrapped_key: Buffer }>(
      'SELECT org_id, id, master_key_id, wrapped_key FROM org_data_keys ORDER BY org_id, id FOR UPDATE',
    )
    let rewrapped = 0
    for (const r of rows) {
      if (r.master_key_id === masterKeys.currentId) continue
      const next = rewrapDataKey(masterKeys, r.wrapped_key, r.master_key_id, r.org_id)
      await client.query('UPDATE org_data_keys SET master_key_id = $1, wrapped_key = $2 WHERE org_id = $3 AND id = $4', [next.masterKeyId, next.wrapped, r.org_id, r.id])
      rewrapped++
    }
    await client.query('COMMIT')
    return { total: rows.length, rewrapped, alreadyCurrent: rows.length - rewrapped }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    await client.end()
  }
}
