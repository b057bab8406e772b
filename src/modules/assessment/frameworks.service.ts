import { and, desc, eq, sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { listFrameworkYears, loadFramework, parseFrameworkJson } from '../../domain/ita/framework.load.js'
import { FrameworkSchema, type Framework } from '../../domain/ita/framework.schema.js'
import { frameworkVersions } from './assessment.schema.js'

// A year's framework is versioned: v1 is the built-in file src/domain/ita/frameworks/<year>.json, later
// versions are rows entered by a platform admin. A year without a built-in file (2570 uploaded by the
// admin) starts at v1 in the table. An assessment keeps the version it was made with. A stored row
// that no longer validates is skipped (logged), never a 500.

export type VersionedFramework = { fiscalYear: number; version: number; framework: Framework; builtIn: boolean }

// Built-in files never change while the process runs; database versions are immutable rows
// (cached per database), and the newest version number of a year is cached briefly.
const builtInCache = new Map<number, Promise<Framework | undefined>>()
let fileYears: Promise<number[]> | undefined
const dbCache = new WeakMap<Db, { versions: Map<string, Framework>; current: Map<number, { version: number; at: number }> }>()
const CURRENT_TTL_MS = 10_000

function cacheOf(db: Db) {
  let c = dbCache.get(db)
  if (!c) dbCache.set(db, (c = { versions: new Map(), current: new Map() }))
  return c
}

function builtIn(year: number): Promise<Framework | undefined> {
  let hit = builtInCache.get(year)
  if (!hit) {
    fileYears ??= listFrameworkYears()
    hit = fileYears.then((ys) => (ys.includes(year) ? loadFramework(year) : undefined))
    hit.catch(() => builtInCache.delete(year))
    builtInCache.set(year, hit)
  }
  return hit
}

function fromRow(db: Db, year: number, version: number, json: unknown): Framework | undefined {
  const key = `${year}:${version}`
  const c = cacheOf(db).versions
  const hit = c.get(key)
  if (hit) return hit
  const r = FrameworkSchema.safeParse(json)
  if (!r.success) {
    console.error(`ITA framework ${year} v${version} in the database does not validate; skipped:`, r.error.issues.slice(0, 3))
    return undefined
  }
  c.set(key, r.data)
  return r.data
}

/** Every version of a year, newest first (the built-in file last). */
export async function listFrameworkVersions(db: Db, year: number): Promise<{ version: number; note: string | null; createdAt: Date | null; builtIn: boolean }[]> {
  const rows = await inOrg(db, null, (tx) =>
    tx.select({ version: frameworkVersions.version, note: frameworkVersions.note, createdAt: frameworkVersions.createdAt }).from(frameworkVersions).where(eq(frameworkVersions.fiscalYear, year)).orderBy(desc(frameworkVersions.version)),
  )
  const out: { version: number; note: string | null; createdAt: Date | null; builtIn: boolean }[] = rows.map((r) => ({ ...r, builtIn: false }))
  if (await builtIn(year)) out.push({ version: 1, note: null, createdAt: null, builtIn: true })
  return out
}

/** Fiscal years with a framework (file or database), ascending. */
export async function frameworkYears(db: Db): Promise<number[]> {
  const rows = await inOrg(db, null, (tx) => tx.selectDistinct({ y: frameworkVersions.fiscalYear }).from(frameworkVersions))
  return [...new Set([...(await listFrameworkYears()), ...rows.map((r) => r.y)])].sort((a, b) => a - b)
}

/** A specific version of a year's framework. */
export async function frameworkAt(db: Db, year: number, version: number): Promise<VersionedFramework | undefined> {
  if (!Number.isSafeInteger(version) || version < 1) return undefined
  if (version === 1) {
    const fw = await builtIn(year)
    if (fw) return { fiscalYear: year, version: 1, framework: fw, builtIn: true }
  }
  const hit = cacheOf(db).versions.get(`${year}:${version}`)
  if (hit) return { fiscalYear: year, version, framework: hit, builtIn: false }
  const [row] = await inOrg(db, null, (tx) => tx.select().from(frameworkVersions).where(and(eq(frameworkVersions.fiscalYear, year), eq(frameworkVersions.version, version))))
  const fw = row && fromRow(db, year, version, row.framework)
  return fw && { fiscalYear: year, version, framework: fw, builtIn: false }
}

/** The newest valid version of a year's framework, or undefined when the year has none. */
export async function currentFramework(db: Db, year: number): Promise<VersionedFramework | undefined> {
  const c = cacheOf(db).current
  const hit = c.get(year)
  if (hit && Date.now() - hit.at < CURRENT_TTL_MS) return frameworkAt(db, year, hit.version)
  const rows = await inOrg(db, null, (tx) => tx.select({ version: frameworkVersions.version }).from(frameworkVersions).where(eq(frameworkVersions.fiscalYear, year)).orderBy(desc(frameworkVersions.version)))
  for (const version of [...rows.map((r) => r.version), 1]) {
    const fw = await frameworkAt(db, year, version)
    if (fw) {
      c.set(year, { version, at: Date.now() })
      return fw
    }
  }
  return undefined
}

export async function requireFramework(db: Db, year: number, version?: number): Promise<VersionedFramework> {
  const fw = version === undefined ? await currentFramework(db, year) : await frameworkAt(db, year, version)
  if (!fw) throw new AppError('not_found', 404, { th: `ยังไม่มีกรอบการประเมิน ITA ของปี ${year}`, en: `No ITA framework for ${year}` })
  return fw
}

/**
 * Saves JSON text as the next version of its year (a correction, or a new year such as 2569).
 * Returns Thai errors naming every problem; nothing is saved then.
 */
export async function saveFrameworkVersion(ctx: UseCaseCtx, input: { json: string; note?: string | undefined; fiscalYear?: number | undefined }): Promise<{ ok: true; fiscalYear: number; version: number } | { ok: false; errors: string[] }> {
  assertCan(ctx.actor, 'framework.manage')
  const actor = ctx.actor
  const parsed = parseFrameworkJson(input.json, input.fiscalYear === undefined ? {} : { fiscalYear: input.fiscalYear })
  if (!parsed.ok) return parsed
  const year = parsed.framework.fiscalYear
  const version = await inOrg(ctx.db, null, async (tx) => {
    // Two uploads of one year at once would both take the same next number (a key collision, a 500): one at a time.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`ita_framework:${year}`}))`)
    const [last] = await tx.select({ v: frameworkVersions.version }).from(frameworkVersions).where(eq(frameworkVersions.fiscalYear, year)).orderBy(desc(frameworkVersions.version)).limit(1)
    // Version 1 of a year is its built-in file when there is one; otherwise this first upload.
    const next = last ? last.v + 1 : (await builtIn(year)) ? 2 : 1
    await tx.insert(frameworkVersions).values({ fiscalYear: year, version: next, framework: JSON.parse(input.json) as unknown, note: input.note ?? null, createdBy: actor.userId })
    await appendAudit(tx, { orgId: null, actorUserId: actor.userId, action: 'framework.version.create', entityType: 'ita_framework', entityId: null, requestId: ctx.requestId, details: { fiscalYear: year, version: next } })
    return next
  })
  cacheOf(ctx.db).current.delete(year)
  return { ok: true, fiscalYear: year, version }
}
