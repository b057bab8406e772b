import pg from 'pg'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import type { AppDeps } from '../module/manifest.js'
import { toIsoDate, todayInBangkok } from '../thai/calendar.js'

// Anchoring (docs/decisions/0010): once a day the head of every chain is recorded where the app role
// cannot write, and published. Changing or removing an entry up to an anchor breaks the chain
// against the anchored hash, even for someone who can recompute hashes with the app's role.

/** Records today's head of every chain (idempotent per day). Runs on the owner connection. */
export async function anchorAuditChains(deps: Pick<AppDeps, 'ownerUrl'>, now = new Date()): Promise<number> {
  const day = toIsoDate(todayInBangkok(now))
  const c = new pg.Client({ connectionString: deps.ownerUrl })
  await c.connect()
  try {
    const r = await c.query(
      `INSERT INTO audit_anchors (org_id, day, head_id, head_hash, entries)
       SELECT DISTINCT ON (org_id) org_id, $1::date, id, hash, count(*) OVER (PARTITION BY org_id)
         FROM audit_log ORDER BY org_id, id DESC
       ON CONFLICT DO NOTHING`,
      [day],
    )
    return r.rowCount ?? 0
  } finally {
    await c.end()
  }
}

export type Anchor = { day: string; headId: number; headHash: string; entries: number }

/** An agency's published anchors, newest first (public: they contain hashes only). */
export async function agencyAnchors(db: Db, orgId: string, limit = 400): Promise<Anchor[]> {
  const r = await db.execute(sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, head_id, head_hash, entries FROM audit_anchors WHERE org_id = ${orgId} ORDER BY day DESC LIMIT ${limit}`)
  return (r.rows as { day: string; head_id: string; head_hash: string; entries: string }[]).map((x) => ({ day: x.day, headId: Number(x.head_id), headHash: x.head_hash, entries: Number(x.entries) }))
}
