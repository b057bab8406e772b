import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import pg from 'pg'
import { inOrg } from '../../src/db/client.js'
import { appendAudit, appendAuditMany } from '../../src/platform/audit/audit.js'
import { verifyAuditChain } from '../../src/platform/audit/verify.js'
import { createTestDatabase, type TestDatabase } from '../support/db.js'
import { buildOrg } from '../support/factories.js'

const run = promisify(execFile)

describe('audit log hash chain', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase()
    const a = await buildOrg(t.db)
    const b = await buildOrg(t.db)
    // Interleave two agencies' chains and the platform chain, some concurrently.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        inOrg(t.db, i % 3 === 0 ? null : i % 3 === 1 ? a.id : b.id, (tx) =>
          appendAudit(tx, { orgId: i % 3 === 0 ? null : i % 3 === 1 ? a.id : b.id, action: 'test.write', entityType: 'thing', entityId: String(i), details: { i, nested: { ไทย: 'ค่า', list: [1, 2] } } }),
        ),
      ),
    )
  })
  afterAll(() => t.drop())

  async function owner<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: t.ownerUrl })
    await c.connect()
    try {
      return await fn(c)
    } finally {
      await c.end()
    }
  }

  it('verifies an untouched log', async () => {
    const r = await verifyAuditChain(t.ownerUrl)
    expect(r).toEqual({ ok: true, checked: 30 })
  })

  it('npm run audit:verify reports the first tampered entry', async () => {
    const target = await owner(async (c) => (await c.query<{ id: string }>("SELECT id FROM audit_log WHERE entity_id = '13'")).rows[0]!.id)
    await owner((c) => c.query(`UPDATE audit_log SET details = '{"i": 999}' WHERE id = $1`, [target]))
    const direct = await verifyAuditChain(t.ownerUrl)
    expect(direct.ok).toBe(false)
    if (!direct.ok) expect(direct.brokenAt.id).toBe(Number(target))
    const cli = await run('node_modules/.bin/tsx', ['src/app/cli/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: t.ownerUrl, LOG_LEVEL: 'silent' } }).catch((e: { code: number; stderr: string }) => e)
    expect((cli as { code?: number }).code, JSON.stringify(cli)).toBe(1)
    expect((cli as { stderr: string }).stderr).toContain(`BROKEN at entry id ${target}`)
  })

  it('detects a removed entry', async () => {
    const t2 = await createTestDatabase()
    try {
      const org = await buildOrg(t2.db)
      for (let i = 0; i < 5; i++) await inOrg(t2.db, org.id, (tx) => appendAudit(tx, { orgId: org.id, action: 'x', entityType: 'y', entityId: String(i) }))
      const c = new pg.Client({ connectionString: t2.ownerUrl })
      await c.connect()
      await c.query("DELETE FROM audit_log WHERE entity_id = '2'")
      await c.end()
      const r = await verifyAuditChain(t2.ownerUrl)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.brokenAt.reason).toMatch(/removed or reordered/)
    } finally {
      await t2.drop()
    }
  })

  it('keeps one valid chain when batches (appendAuditMany) and single appends interleave', async () => {
    const t3 = await createTestDatabase()
    try {
      const org = await buildOrg(t3.db)
      await inOrg(t3.db, org.id, (tx) => appendAudit(tx, { orgId: org.id, action: 'one', entityType: 'x' }))
      await inOrg(t3.db, org.id, (tx) => appendAuditMany(tx, org.id, Array.from({ length: 5 }, (_, i) => ({ action: 'many', entityType: 'x', entityId: String(i) }))))
      await Promise.all([
        inOrg(t3.db, org.id, (tx) => appendAudit(tx, { orgId: org.id, action: 'two', entityType: 'x' })),
        inOrg(t3.db, org.id, (tx) => appendAuditMany(tx, org.id, [{ action: 'many2', entityType: 'x' }, { action: 'many2', entityType: 'x' }])),
      ])
      expect(await verifyAuditChain(t3.ownerUrl)).toEqual({ ok: true, checked: 9 })
    } finally {
      await t3.drop()
    }
  })
})
