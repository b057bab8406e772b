import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { sql } from 'drizzle-orm'
import { inOrg } from '../../src/db/client.js'
import { appendAudit, entryHash, GENESIS_HASH } from '../../src/platform/audit/audit.js'
import { anchorAuditChains } from '../../src/platform/audit/anchors.js'
import { verifyAuditChain } from '../../src/platform/audit/verify.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { buildOrg } from '../support/factories.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'

// Someone with the app's database role can append audit rows with valid hashes — and so rewrite
// the newest part of a chain consistently. Daily anchors, written where that role cannot write and
// published on the agency's site, make a rewrite of anything before an anchor show.
describe('daily audit anchors', () => {
  let t: TestApp
  let org: Org
  const owner = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: t.database.ownerUrl })
    await c.connect()
    try {
      return await fn(c)
    } finally {
      await c.end()
    }
  }
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    for (let i = 0; i < 5; i++) await inOrg(t.deps.db, org.id, (tx) => appendAudit(tx, { orgId: org.id, action: 'test.write', entityType: 'thing', entityId: String(i) }))
  })
  afterAll(() => t.close())

  it('anchors each chain once a day, and publishes the anchors', async () => {
    expect(await anchorAuditChains(t.deps, new Date('2026-12-01T00:00:00Z'))).toBeGreaterThanOrEqual(1)
    expect(await anchorAuditChains(t.deps, new Date('2026-12-01T10:00:00Z'))).toBe(0)
    const res = await t.app.request(`/o/${org.slug}/audit-anchors.json`)
    const body = (await res.json()) as { anchors: { day: string; headHash: string; entries: number }[] }
    expect(body.anchors).toEqual([{ day: '2026-12-01', headId: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/), entries: 5 }])
  })

  it('the app role cannot write anchors', async () => {
    const err = await inOrg(t.deps.db, org.id, (tx) => tx.execute(sql`INSERT INTO audit_anchors (org_id, day, head_id, head_hash, entries) VALUES (${org.id}, '2030-01-01', 1, ${'0'.repeat(64)}, 1)`)).catch((e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`)
    expect(err).toContain('permission denied')
  })

  it('catches a consistent rewrite of anchored history, and the removal of anchored entries', async () => {
    expect((await verifyAuditChain(t.database.ownerUrl)).ok).toBe(true)
    // Rewrite entry 2 of the agency's chain and recompute every hash after it, as a forger would.
    await owner(async (c) => {
      const rows = (await c.query('SELECT * FROM audit_log WHERE org_id = $1 ORDER BY id', [org.id])).rows as Record<string, unknown>[]
      let prev = GENESIS_HASH
      for (const [i, r] of rows.entries()) {
        const details = i === 2 ? { forged: true } : (r.details as Record<string, unknown>)
        const hash = entryHash(prev, { orgId: org.id, at: (r.at as Date).toISOString(), actorUserId: r.actor_user_id as string | null, actorLabel: r.actor_label as string | null, action: r.action as string, entityType: r.entity_type as string, entityId: r.entity_id as string | null, requestId: r.request_id as string | null, details })
        await c.query('UPDATE audit_log SET details = $1, prev_hash = $2, hash = $3 WHERE id = $4', [details, prev, hash, r.id])
        prev = hash
      }
    })
    const forged = await verifyAuditChain(t.database.ownerUrl)
    expect(forged.ok).toBe(false)
    if (!forged.ok) expect(forged.brokenAt.reason).toContain('anchor')
    // Removing the anchored newest entry is caught as well.
    await owner((c) => c.query('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log WHERE org_id = $1)', [org.id]))
    const removed = await verifyAuditChain(t.database.ownerUrl)
    expect(removed.ok).toBe(false)
  })
})
