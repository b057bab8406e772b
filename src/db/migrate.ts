import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import type { Registry } from '../platform/module/registry.js'

// Migrations are plain SQL files, discovered from the manifests (the platform's folder first, then
// each module's in registry order, files by name within a folder), each applied once, each in a
// transaction. A file is recorded by its name, which must be unique across folders (so files
// applied before the manifests existed keep their recorded names). See docs/decisions/0001 and 0006.

export type MigrationFile = { moduleId: string; name: string; path: string }

export async function listMigrationFiles(registry: Pick<Registry, 'migrationDirs'>): Promise<MigrationFile[]> {
  const out: MigrationFile[] = []
  const seen = new Map<string, string>()
  for (const { moduleId, dir } of registry.migrationDirs) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.sql')).sort()
    for (const name of names) {
      const prior = seen.get(name)
      if (prior) throw new Error(`Two migrations share the name ${name} (modules ${prior} and ${moduleId}); rename the newer one`)
      seen.set(name, moduleId)
      out.push({ moduleId, name, path: join(dir, name) })
    }
  }
  return out
}

/**
 * Applies pending migrations as the owner, then writes the manifests' roles. Safe to run
 * concurrently (advisory lock).
 */
export async function migrate(ownerUrl: string, registry: Pick<Registry, 'migrationDirs' | 'roles'>, log: (m: string) => void = () => {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl })
  await client.connect()
  const applied: string[] = []
  try {
    await client.query('SELECT pg_advisory_lock(727274)')
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    const done = new Map<string, string>(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map((r) => [r.name, r.checksum]),
    )
    for (const file of await listMigrationFiles(registry)) {
      const sqlText = await readFile(file.path, 'utf8')
      const checksum = createHash('sha256').update(sqlText).digest('hex')
      const prior = done.get(file.name)
      if (prior) {
        if (prior !== checksum) log(`warning: migration ${file.name} changed after it was applied`)
        continue
      }
      await client.query('BEGIN')
      try {
        await client.query(sqlText)
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file.name, checksum])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw new Error(`Migration ${file.moduleId}/${file.name} failed: ${(err as Error).message}`)
      }
      applied.push(file.name)
      log(`applied migration ${file.moduleId}/${file.name}`)
    }
    for (const r of registry.roles.values()) {
      await client.query(
        `INSERT INTO roles (id, module, sensitive, label_th, label_en) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET module = EXCLUDED.module, sensitive = EXCLUDED.sensitive, label_th = EXCLUDED.label_th, label_en = EXCLUDED.label_en, updated_at = now()
         WHERE (roles.module, roles.sensitive, roles.label_th, roles.label_en) IS DISTINCT FROM (EXCLUDED.module, EXCLUDED.sensitive, EXCLUDED.label_th, EXCLUDED.label_en)`,
        [r.id, r.moduleId, r.sensitive ?? false, r.label.th, r.label.en],
      )
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {})
    await client.end()
  }
  return applied
}
