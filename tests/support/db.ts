import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { connectDatabase, type Database } from '../../src/db/client.js'


function adminUrl(): string {
  const url = process.env.PRONGSAI_TEST_ADMIN_URL
  if (!url) throw new Error('tests/support/global-setup.ts did not run (PRONGSAI_TEST_ADMIN_URL unset)')
  return url
}
export function databaseUrl(db: string): string {
  const u = new URL(adminUrl())
  u.pathname = '/' + db
  return u.toString()
}

export type TestDatabase = Database & { name: string; ownerUrl: string; drop: () => Promise<void> }

/** A fresh, migrated database for one test file, cloned from the template (fast). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `prongsai_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.PRONGSAI_TEST_TEMPLATE}"`)
  } finally {
    await admin.end()
  }
  const ownerUrl = databaseUrl(name)
  const database = connectDatabase(ownerUrl, { max: 8 })
  return {
    ...database,
    name,
    ownerUrl,
    drop: async () => {
      await database.close().catch(() => {})
      const a = new pg.Client({ connectionString: adminUrl() })
      await a.connect()
      try {
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await a.end()
      }
    },
  }
}

/** The PostgreSQL error message behind a rejected query (drizzle wraps it as the cause). */
export async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    const err = e as Error & { cause?: Error }
    return `${err.message} ${err.cause?.message ?? ''}`
  }
  throw new Error('expected the query to fail')
}
