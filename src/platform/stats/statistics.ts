import { and, eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { integer, numeric, boolean, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { inOrg, type Db } from '../../db/client.js'
import type { AppDeps, StatisticDef } from '../module/manifest.js'

// The statistics contract. A module declares figures as one query over all agencies and years
// (manifest `statistics`); the job stores them here; the dashboard reads one agency's figures under
// RLS, and roll-ups read every agency's public figures through public_statistics() (the one
// deliberate crossing of RLS, in the database, for public figures only).

export const statistics = pgTable(
  'statistics',
  {
    orgId: uuid('org_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    module: text('module').notNull(),
    key: text('key').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    public: boolean('public').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.fiscalYear, t.module, t.key] })],
)

type Row = { org_id: string; fiscal_year: number; value: string | number }

/**
 * Computes statistics for every agency: one query per statistic, on the owner connection (the
 * queries read every agency's rows), written in one transaction per statistic so a reader sees
 * either the old figures or the new ones. Returns how many rows were written.
 */
export async function computeStatistics(deps: Pick<AppDeps, 'ownerUrl' | 'registry'>, only?: { moduleId?: string }): Promise<number> {
  const defs = deps.registry.statistics.filter((s) => !only?.moduleId || s.moduleId === only.moduleId)
  if (!defs.length) return 0
  const pool = new pg.Pool({ connectionString: deps.ownerUrl, max: 1 })
  pool.on('error', () => {})
  const owner = drizzle(pool)
  let written = 0
  try {
    for (const def of defs) written += await computeOne(owner, def)
  } finally {
    await pool.end()
  }
  return written
}

async function computeOne(owner: ReturnType<typeof drizzle>, def: StatisticDef & { moduleId: string }): Promise<number> {
  return owner.transaction(async (tx) => {
    const rows = (await tx.execute(def.query)).rows as Row[]
    await tx.delete(statistics).where(and(eq(statistics.module, def.moduleId), eq(statistics.key, def.key)))
    const values = rows
      .filter((r) => r.org_id && Number.isInteger(Number(r.fiscal_year)) && Number.isFinite(Number(r.value)))
      .map((r) => ({ orgId: r.org_id, fiscalYear: Number(r.fiscal_year), module: def.moduleId, key: def.key, value: Number(r.value), public: def.public }))
    for (let i = 0; i < values.length; i += 1000) await tx.insert(statistics).values(values.slice(i, i + 1000))
    return values.length
  })
}

export type AgencyFigure = { module: string; key: string; value: number; computedAt: Date }

/** One agency's figures of a fiscal year (under RLS, for its dashboard). */
export async function agencyStatistics(db: Db, orgId: string, fiscalYear: number): Promise<AgencyFigure[]> {
  return inOrg(db, orgId, (tx) =>
    tx.select({ module: statistics.module, key: statistics.key, value: statistics.value, computedAt: statistics.computedAt }).from(statistics).where(eq(statistics.fiscalYear, fiscalYear)),
  )
}

export type RollupFigure = { orgId: string; fiscalYear: number; value: number; computedAt: Date }

/** Every agency's public figure of one statistic: the documented read path for roll-ups. */
export async function publicStatistics(db: Db, module: string, key: string): Promise<RollupFigure[]> {
  const r = await db.execute(sql`SELECT org_id, fiscal_year, value, computed_at FROM public_statistics(${module}, ${key})`)
  return (r.rows as { org_id: string; fiscal_year: number; value: string; computed_at: Date }[]).map((x) => ({ orgId: x.org_id, fiscalYear: Number(x.fiscal_year), value: Number(x.value), computedAt: new Date(x.computed_at) }))
}
