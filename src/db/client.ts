import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { sql } from 'drizzle-orm'
import pg from 'pg'

export const APP_DB_ROLE = 'prongsai_app'

export type Db = NodePgDatabase
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> }

/**
 * Connects as the non-owner app role: every connection switches to it at start-up, so
 * row-level security applies to every query the app makes (the owner would bypass it).
 */
export function connectDatabase(url: string, opts: { max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    options: `-c role=${APP_DB_ROLE} -c timezone=Asia/Bangkok`,
    idleTimeoutMillis: 30_000,
  })
  // A connection error (e.g. the database restarted) must fail the query using it, not crash the
  // process: idle clients report through the pool, checked-out ones through the client itself.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  const db = drizzle(pool)
  return { db, pool, close: () => pool.end() }
}

/** Runs fn in one transaction scoped to an agency (or to the platform when orgId is null). */
export async function inOrg<T>(db: Db, orgId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('app.org_id', ${orgId ?? ''}, true)`)
    return fn(tx)
  })
}
