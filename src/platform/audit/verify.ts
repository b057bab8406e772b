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
    // Daily anchors (anchors.ts): an anchored entry must still be there, with the anchored hash.
    const anchorRows = (await client.query<{ org_id: string | null; head_id: string; head_hash: string }>('SELECT org_id, head_id, head_hash FROM audit_anchors').catch(() => ({ rows: [] }))).rows
    const anchors = new Map(anchorRows.map((a) => [`${a.org_id ?? 'platform'}:${Number(a.head_id)}`, a.head_hash]))
    const anchoredSeen = new Set(anchors.keys())
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
        const anchored = anchors.get(`${chain}:${id}`)
        if (anchored && anchored !== r.hash) return broken('the entry does not match its published daily anchor (history before the anchor was rewritten)')
        anchoredSeen.delete(`${chain}:${id}`)
        lastHash.set(chain, r.hash)
        checked++
      }
    }
    const missing = [...anchoredSeen][0]
    if (missing) {
      const [chain, id] = missing.split(':')
      return { ok: false, checked, brokenAt: { id: Number(id), orgId: chain === 'platform' ? null : chain!, reason: 'an anchored entry is missing (entries up to a published anchor were removed)' } }
    }
    return { ok: true, checked }
  } finally {
    await client.end()
  }
}
