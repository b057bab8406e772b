import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { users } from '../../platform/auth/auth.schema.js'
import { isUuid } from '../../platform/http/params.js'
import { InputError } from '../../platform/http/errors.js'
import { assessments, scoreChanges, scoreImports, type ImportData, type ScoreCell, type ScoreChange, type ScoreImport } from './assessment.schema.js'
import { requireFramework } from './frameworks.service.js'
import { cellsOf, diffCells, ensureAssessment, toolText, writeCells, type CellMap } from './scores.service.js'
import { inBoth } from './forms.js'

// Safe score imports: a read sheet is stored as a pending import (tenant-scoped, keyed by a random
// id, for the account that read it, expiring) and shown as a preview of what would change (old →
// new per cell); only "confirm" writes. Every change of a year's scores is a change set, so the
// last import can be undone while nothing has changed the scores since.

/** How long a read sheet waits for its confirmation. */
export const IMPORT_TTL_MS = 60 * 60 * 1000

export type ImportPreview = {
  import: ScoreImport
  /** The cells the import would change, old → new, against the scores as they are now. */
  changes: ScoreCell[]
  /** Cells of the sheet that already hold its value. */
  unchanged: number
  /** The year's latest change set when the preview was made: confirm refuses if it has moved on. */
  seen: string
}

export type HistoryEntry = ScoreChange & { who: string | null; undoable: boolean; importStatus: ScoreImport['status'] | null }

/** The cells after the sheet: its indicator scores set, its OIT answers and tool / part scores merged into the saved ones. */
function afterImport(current: CellMap, data: ImportData): CellMap {
  const out: CellMap = { ...current }
  for (const [n, v] of Object.entries(data.scores)) out[n] = v.toFixed(2)
  for (const [code, v] of Object.entries(data.oitAnswers)) out[code] = v ? 'yes' : 'no'
  for (const [tool, v] of Object.entries(data.toolScores ?? {})) out[`tool_${tool}`] = toolText(v)
  return out
}

const sheetCells = (data: ImportData) => Object.keys(data.scores).length + Object.keys(data.oitAnswers).length + Object.keys(data.toolScores ?? {}).length

async function latestChange(tx: Tx, year: number): Promise<ScoreChange | undefined> {
  const [c] = await tx.select().from(scoreChanges).where(eq(scoreChanges.fiscalYear, year)).orderBy(desc(scoreChanges.changedAt)).limit(1)
  return c
}

/** Stores a read sheet as a pending import (and drops expired ones); its id opens the preview. */
export async function stageImport(ctx: UseCaseCtx, year: number, fileName: string, data: ImportData): Promise<string> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    await tx.delete(scoreImports).where(and(inArray(scoreImports.status, ['pending', 'cancelled']), lt(scoreImports.expiresAt, new Date())))
    const [row] = await tx
      .insert(scoreImports)
      .values({ orgId, fiscalYear: year, fileName: fileName.slice(0, 300), data, createdBy: actor.userId, expiresAt: new Date(Date.now() + IMPORT_TTL_MS) })
      .returning({ id: scoreImports.id })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.scores.import.read', entityType: 'ita_score_import', entityId: row!.id, requestId: ctx.requestId, details: { fiscalYear: year, fileName, cells: sheetCells(data) } })
    return row!.id
  })
}

/** The pending import `id` of this account and year, still valid; null otherwise. */
async function pendingImport(tx: Tx, ctx: UseCaseCtx, year: number, id: string): Promise<ScoreImport | null> {
  if (!isUuid(id)) return null
  const [row] = await tx.select().from(scoreImports).where(and(eq(scoreImports.id, id), eq(scoreImports.fiscalYear, year)))
  if (!row || row.status !== 'pending' || row.createdBy !== ctx.actor?.userId || row.expiresAt.getTime() < Date.now()) return null
  return row
}

/** What the pending import would change; null when it is unknown, not this account's, used or expired. Changes nothing. */
export async function previewImport(ctx: UseCaseCtx, year: number, id: string): Promise<ImportPreview | null> {
  assertCan(ctx.actor, 'assessment.edit')
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const imp = await pendingImport(tx, ctx, year, id)
    if (!imp) return null
    const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
    const current = await cellsOf(tx, a)
    const changes = diffCells(current, afterImport(current, imp.data))
    return { import: imp, changes, unchanged: sheetCells(imp.data) - changes.length, seen: (await latestChange(tx, year))?.id ?? 'none' }
  })
}

const gone = () => new InputError({ _form: inBoth('scores.importGone') }, 409)

/**
 * Applies a pending import as previewed. `seen` is the latest change set the preview was made
 * against: when the scores changed since, nothing is written (409) and the preview is shown again.
 */
export async function confirmImport(ctx: UseCaseCtx, year: number, id: string, seen: string): Promise<ScoreCell[]> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const version = await inOrg(ctx.db, orgId, async (tx) => (await tx.select().from(assessments).where(eq(assessments.fiscalYear, year)))[0]?.frameworkVersion)
  const framework = await requireFramework(ctx.db, year, version)
  return inOrg(ctx.db, orgId, async (tx) => {
    // One confirmation at a time per agency and year.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`ita_scores:${orgId}:${year}`}))`)
    const imp = await pendingImport(tx, ctx, year, id)
    if (!imp) throw gone()
    if (((await latestChange(tx, year))?.id ?? 'none') !== seen) throw new InputError({ _form: inBoth('scores.importStale') }, 409)
    const a = await ensureAssessment(tx, orgId, year, framework.version)
    const current = await cellsOf(tx, a)
    const cells = await writeCells(tx, a, current, afterImport(current, imp.data), { source: 'import', userId: actor.userId, importId: imp.id })
    await tx.update(scoreImports).set({ status: 'applied', appliedAt: new Date() }).where(eq(scoreImports.id, imp.id))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.scores.import', entityType: 'ita_assessment', entityId: a.id, requestId: ctx.requestId, details: { fiscalYear: year, importId: imp.id, fileName: imp.fileName, cells } })
    return cells
  })
}

/** Drops a pending import without writing anything. */
export async function cancelImport(ctx: UseCaseCtx, year: number, id: string): Promise<void> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  await inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const imp = await pendingImport(tx, ctx, year, id)
    if (!imp) return
    await tx.update(scoreImports).set({ status: 'cancelled' }).where(eq(scoreImports.id, imp.id))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: 'assessment.scores.import.cancel', entityType: 'ita_score_import', entityId: imp.id, requestId: ctx.requestId, details: { fiscalYear: year } })
  })
}

/**
 * Undoes an applied import: its cells go back to their old values, as a change set of its own.
 * Only the year's latest change can be undone this way (a later change would be overwritten).
 */
export async function undoImport(ctx: UseCaseCtx, year: number, id: string): Promise<ScoreCell[]> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`ita_scores:${orgId}:${year}`}))`)
    const last = await latestChange(tx, year)
    if (!isUuid(id) || !last || last.source !== 'import' || last.importId !== id) throw new InputError({ _form: inBoth('scores.undoNotLast') }, 409)
    const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
    if (!a) throw new InputError({ _form: inBoth('scores.undoNotLast') }, 409)
    const current = await cellsOf(tx, a)
    const after: CellMap = { ...current }
    for (const c of last.cells) {
      if (c.old === null) delete after[c.item]
      else after[c.item] = c.old
    }
    const cells = await writeCells(tx, a, current, after, { source: 'undo', userId: actor.userId, importId: id })
    await tx.update(scoreImports).set({ status: 'undone' }).where(eq(scoreImports.id, id))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.scores.import.undo', entityType: 'ita_assessment', entityId: a.id, requestId: ctx.requestId, details: { fiscalYear: year, importId: id, cells } })
    return cells
  })
}

/** The year's score changes, newest first, with who made them; the latest one, when an import, can be undone. */
export async function scoreHistory(ctx: UseCaseCtx, year: number, limit = 20): Promise<HistoryEntry[]> {
  assertCan(ctx.actor, 'assessment.read')
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const rows = await tx
      .select({ c: scoreChanges, who: users.displayName, status: scoreImports.status })
      .from(scoreChanges)
      .leftJoin(users, eq(users.id, scoreChanges.changedBy))
      .leftJoin(scoreImports, and(eq(scoreImports.orgId, scoreChanges.orgId), eq(scoreImports.id, scoreChanges.importId)))
      .where(eq(scoreChanges.fiscalYear, year))
      .orderBy(desc(scoreChanges.changedAt))
      .limit(limit)
    return rows.map((r, i) => ({ ...r.c, who: r.who, importStatus: r.status, undoable: i === 0 && r.c.source === 'import' && r.status === 'applied' }))
  })
}
