import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres } from '../../src/db/embedded.js'
import { migrate } from '../../src/db/migrate.js'
import { registry } from '../../src/app/registry.js'
import { freePort } from './net.js'

function withDatabase(url: string, db: string): string {
  const u = new URL(url)
  u.pathname = '/' + db
  return u.toString()
}


/**
 * Starts the test PostgreSQL once per run — TEST_DATABASE_URL, or a throwaway embedded cluster in
 * a temporary folder on a free port (so parallel runs never share a server) — and builds a
 * migrated template database that each test file clones (tests/support/db.ts).
 */
export default async function setup(): Promise<() => Promise<void>> {
  let adminUrl = process.env.TEST_DATABASE_URL
  let stop = async () => {}
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-test-pg-'))
    chmodSync(dir, 0o755) // as root, the server runs as the "postgres" user and must reach it
    const emb = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: 'postgres' })
    adminUrl = emb.url
    stop = async () => {
      await emb.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const template = `prongsai_tpl_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
    await admin.query(`CREATE DATABASE "${template}"`)
  } finally {
    await admin.end()
  }
  await migrate(withDatabase(adminUrl, template), registry)
  process.env.PRONGSAI_TEST_ADMIN_URL = adminUrl
  process.env.PRONGSAI_TEST_TEMPLATE = template
  return async () => {
    const a = new pg.Client({ connectionString: adminUrl })
    await a.connect().catch(() => {})
    await a.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {})
    await a.end().catch(() => {})
    await stop()
  }
}
