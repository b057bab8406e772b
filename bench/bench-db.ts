// Shared by the TypeScript benches: a migrated PostgreSQL (a throwaway embedded one, or
// BENCH_DATABASE_URL), one agency, the app's dependencies, and a pool that runs N calls at a
// given concurrency and returns the seconds taken.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { registry } from '../src/app/registry.js'
import { loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/client.js'
import { startEmbeddedPostgres } from '../src/db/embedded.js'
import { migrate } from '../src/db/migrate.js'
import { parseMasterKeys } from '../src/platform/crypto/index.js'
import type { AppDeps } from '../src/platform/http/context.js'
import { noJobs } from '../src/platform/jobs/runner.js'
import { createLogger } from '../src/platform/logger.js'
// @ts-expect-error -- a plain ESM helper shared with the .mjs benches
import { freePort } from './lib.mjs'

export type BenchDb = { url: string; owner: pg.Client; orgId: string; deps: AppDeps; database: ReturnType<typeof connectDatabase>; close: () => Promise<void> }

export async function benchDb(concurrency: number): Promise<BenchDb> {
  let dir: string | undefined
  let stop = async () => {}
  let url = process.env.BENCH_DATABASE_URL
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-'))
    chmodSync(dir, 0o755)
    const emb = await startEmbeddedPostgres({ dataDir: dir, port: (await freePort()) as number, database: 'bench' })
    url = emb.url
    stop = emb.stop
  }
  await migrate(url, registry)
  const owner = new pg.Client({ connectionString: url })
  await owner.connect()
  const slug = `bench-${randomBytes(3).toString('hex')}`
  const orgId = (await owner.query<{ id: string }>(`INSERT INTO orgs (slug, name_th, kind, province, district) VALUES ($1, 'เทศบาลวัดความเร็ว', 'subdistrict_municipality', 'บุรีรัมย์', 'เฉลิมพระเกียรติ') RETURNING id`, [slug])).rows[0]!.id
  const database = connectDatabase(url, { max: concurrency })
  const deps: AppDeps = {
    db: database.db,
    config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO: 'off', PUBLIC_URL: 'http://localhost:3000' }),
    log: createLogger('silent'),
    appSecret: randomBytes(32).toString('base64url'),
    masterKeys: parseMasterKeys(`bench:${randomBytes(32).toString('base64')}`),
    registry,
    ownerUrl: url,
    jobs: noJobs,
  }
  const close = async () => {
    await owner.end()
    await database.close()
    await stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
  return { url, owner, orgId, deps, database, close }
}

/** Runs fn(0…n−1) with `concurrency` in flight; the seconds it took. */
export async function pool(n: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) await fn(i)
    }),
  )
  return (performance.now() - t0) / 1000
}
