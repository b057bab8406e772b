import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

// Migrations are plain SQL files, applied in filename order, each once, each in a transaction.
// Platform files live in src/db/migrations; a module keeps its own in src/modules/<m>/migrations
// with a number range of its own (see docs/decisions/0002-sql-migrations.md).
const srcDir = fileURLToPath(new URL('..', import.meta.url))

export async function listMigrationFiles(): Promise<string[]> {
  const dirs = [join(srcDir, 'db/migrations')]
  for (const m of await readdir(join(srcDir, 'modules'), { withFileTypes: true }).catch(() => [])) {
    if (m.isDirectory()) dirs.push(join(srcDir, 'modules', m.name, 'migrations'))
  }
  const files: string[] = []
  for (const d of dirs) {
    for (const f of await readdir(d).catch(() => [] as string[])) if (f.endsWith('.sql')) files.push(join(d, f))
  }
  const sorted = files.sort((a, b) => basename(a).localeCompare(basename(b)))
  const seen = new Set<string>()
  for (const f of sorted) {
    const n = basename(f)
    if (seen.has(n)) throw new Error(`Two migrations share the name ${n}`)
    seen.add(n)
  }
  return sorted
}

/** Applies pending migrations as the owner. Safe to run concurrently (advisory lock). */
export async function migrate(ownerUrl: string, log: (m: string) => void = () => {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  const applied: string[] = []
  try {
    await client.query('SELECT pg_advisory_lock(727274)')
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    const done = new Map<string, string>(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    )
    for (const file of await listMigrationFiles()) {
      const name = basename(file)
      const sqlText = await readFile(file, 'utf8')
      const checksum = createHash('sha256').update(sqlText).digest('hex')
      const prior = done.get(name)
      if (prior) {
        if (prior !== checksum) log(`warning: migration ${name} changed after it was applied`)
        continue
      }
      await client.query('BEGIN')
      try {
        await client.query(sqlText)
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [name, checksum])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw new Error(`Migration ${name} failed: ${(err as Error).message}`)
      }
      applied.push(name)
      log(`applied migration ${name}`)
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {})
    await client.end()
  }
  return applied
}
