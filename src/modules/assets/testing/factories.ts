import { inOrg, type Db } from '../../../db/client.js'
import { assetItems, type AssetItem } from '../assets.schema.js'

let running = 0
/** An asset in an agency (office equipment in use, a fresh number 416-66-xxxx unless told otherwise). */
export async function buildAsset(db: Db, orgId: string, overrides: Partial<typeof assetItems.$inferInsert> = {}): Promise<AssetItem> {
  running += 1
  const no = `416-66-${String((running * 37 + Math.floor(Math.random() * 9000)) % 10000).padStart(4, '0')}`
  return inOrg(db, orgId, async (tx) => {
    const [row] = await tx
      .insert(assetItems)
      .values({ orgId, assetNo: no, category: 'office', name: `โต๊ะพับทดสอบ ${running}`, status: 'in_use', ...overrides })
      .onConflictDoNothing()
      .returning()
    if (!row && overrides.assetNo) throw new Error(`asset number ${overrides.assetNo} is taken`)
    return row ?? buildAsset(db, orgId, overrides)
  })
}
