import pg from 'pg'
import { GENESIS_HASH, entryHash } from './audit.js'

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { id: number; orgId: string | null; reason: string } }

type Row = {
  id: string
  org_id: string | null
  at: Date
  actor_user_id: string | null
  actor_label: string | null
  action: string
  entity_type: string
  entity_id: string | null
  request_id: string | null
  details: Record<string, unknown>
  prev_hash: string
  hash: string
}

/** Walks every agency's chain in order (as the owner, who sees all rows) and reports the first broken link. */
export async function verifyAuditChain(ownerUrl: string): Promise<VerifyResult> {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  try {
    const lastHash = new Map<string, string>()
    let checked = 0
    let lastId = 0
    for (;;) {
      const { rows } = await client.query<Row>('SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT 5000', [lastId])
      if (rows.length === 0) break
      for (const r of rows) {
        const id = Number(r.id)
        lastId = id
        const chain = r.org_id ?? 'platform'
        const expectedPrev = lastHash.get(chain) ?? GENESIS_HASH
        const broken = (reason: string): VerifyResult => ({ ok: false, checked, brokenAt: { id, orgId: r.org_id, reason } })
        if (r.prev_hash !== expectedPrev) return broken('prev_hash does not match the previous entry (an entry was removed or reordered)')
        const recomputed = entryHash(r.prev_hash, {
          orgId: r.org_id,
          at: r.at.toISOString(),
          actorUserId: r.actor_user_id,
          actorLabel: r.actor_label,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          requestId: r.request_id,
          details: r.details,
        })
        if (recomputed !== r.hash) return broken('content does not match its hash (the entry was changed)')
        lastHash.set(chain, r.hash)
        checked++
      }
    }
    return { ok: true, checked }
  } finally {
    await client.end()
  }
}
