import { and, eq } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { TOOL_CODES } from '../../domain/ita/framework.schema.js'
import { TOOL_SCORE_DECIMALS } from '../../domain/ita/scoring.js'
import { assessments, indicatorScores, scoreChanges, type Assessment, type ScoreCell, type ScoreChangeSource } from './assessment.schema.js'
import { requireFramework } from './frameworks.service.js'

export type ScoresInput = {
  scores: Record<number, number | null>
  /** Published tool scores (`iit`, …) and tool-part scores (`eit.1`, …), up to four decimals. */
  toolScores?: Partial<Record<string, number>>
  oitAnswers?: Record<string, boolean>
}

/** Two decimals, 0–100. */
export function isScore(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= 100 && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6
}

/** A tool or tool-part score: 0–100 with up to four decimals (NACC weights tool scores unrounded). */
export function isToolScore(n: number): boolean {
  const f = 10 ** TOOL_SCORE_DECIMALS
  return Number.isFinite(n) && n >= 0 && n <= 100 && Math.abs(n * f - Math.round(n * f)) < 1e-4
}

/** Replaces the year's indicator scores (and optional tool scores / OIT answers) in one transaction. */
export async function saveScores(ctx: UseCaseCtx, year: number, input: ScoresInput, source: 'form' | 'import' | 'docx' = 'form'): Promise<void> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const fw = await inOrg(ctx.db, orgId, async (tx) => (await tx.select().from(assessments).where(eq(assessments.fiscalYear, year)))[0])
  const framework = await requireFramework(ctx.db, year, fw?.frameworkVersion)
  const numbers = new Set(framework.framework.indicators.map((i) => i.number))
  for (const [k, v] of Object.entries(input.scores)) {
    if (!numbers.has(Number(k))) throw new AppError('bad_request', 422, { th: `ไม่มีตัวชี้วัดที่ ${k} ในกรอบการประเมินปี ${year}`, en: `No indicator ${k} in ${year}` })
    if (v !== null && !isScore(v)) throw new AppError('bad_request', 422, { th: `คะแนนตัวชี้วัดที่ ${k} ต้องอยู่ระหว่าง 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง`, en: `Score of indicator ${k} must be 0–100 with two decimals` })
  }
  const toolKeys = new Set<string>([...TOOL_CODES, ...TOOL_CODES.flatMap((t) => (framework.framework.tools[t].parts ?? []).map((p) => p.code))])
  for (const [k, v] of Object.entries(input.toolScores ?? {})) {
    if (!toolKeys.has(k)) throw new AppError('bad_request', 422, { th: `ไม่มีแบบวัดหรือส่วน ${k} ในกรอบการประเมินปี ${year}`, en: `No tool or part ${k} in ${year}` })
    if (v !== undefined && !isToolScore(v)) throw new AppError('bad_request', 422, { th: `คะแนน ${k} ต้องอยู่ระหว่าง 0–100 ทศนิยมไม่เกิน 4 ตำแหน่ง`, en: `Score of ${k} must be 0–100 with at most four decimals` })
  }
  await inOrg(ctx.db, orgId, async (tx) => {
    const a = await ensureAssessment(tx, orgId, year, framework.version)
    const current = await cellsOf(tx, a)
    const cells = await writeCells(tx, a, current, targetCells(current, input), { source: source === 'import' ? 'docx' : source, userId: actor.userId })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.scores.save', entityType: 'ita_assessment', entityId: a.id, requestId: ctx.requestId, details: { fiscalYear: year, source, scores: input.scores, changed: cells.length } })
  })
}

export async function ensureAssessment(tx: Tx, orgId: string, year: number, version: number): Promise<Assessment> {
  const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
  if (a) return a
  const [created] = await tx.insert(assessments).values({ orgId, fiscalYear: year, frameworkVersion: version }).returning()
  return created!
}

// ── Cells: a year's scores as item → value, to compare, apply and record them ──────────────────

/** item ("1", "O1", "tool_iit") → its value as shown ("93.59", "yes" / "no"); absent = not given. */
export type CellMap = Record<string, string>

const scoreText = (n: number) => n.toFixed(2)
/** A tool score as entered: two decimals, or up to four when it has them (90.0466). */
export const toolText = (n: number) => n.toFixed(TOOL_SCORE_DECIMALS).replace(/0{1,2}$/, '')

/** The stored cells of an assessment (none when there is no assessment yet). */
export async function cellsOf(tx: Tx, a: Assessment | undefined): Promise<CellMap> {
  if (!a) return {}
  const rows = await tx.select().from(indicatorScores).where(eq(indicatorScores.assessmentId, a.id))
  const out: CellMap = {}
  for (const r of rows) out[String(r.indicator)] = scoreText(Number(r.score))
  for (const [t, v] of Object.entries(a.toolScores)) if (typeof v === 'number') out[`tool_${t}`] = toolText(v)
  for (const [code, v] of Object.entries(a.oitAnswers)) out[code] = v ? 'yes' : 'no'
  return out
}

/** The cells after saving `input` over `current` (tool scores and OIT answers, when given, replace all of theirs). */
export function targetCells(current: CellMap, input: ScoresInput): CellMap {
  const out: CellMap = { ...current }
  for (const [k, v] of Object.entries(input.scores)) {
    if (v === null) delete out[k]
    else out[k] = scoreText(v)
  }
  if (input.toolScores) {
    for (const k of Object.keys(out)) if (k.startsWith('tool_')) delete out[k]
    for (const [t, v] of Object.entries(input.toolScores)) if (typeof v === 'number') out[`tool_${t}`] = toolText(v)
  }
  if (input.oitAnswers) {
    for (const k of Object.keys(out)) if (/^O\d/.test(k)) delete out[k]
    for (const [code, v] of Object.entries(input.oitAnswers)) out[code] = v ? 'yes' : 'no'
  }
  return out
}

/** The cells that differ, in a stable order (indicators by number, then OIT items, then tools). */
export function diffCells(before: CellMap, after: CellMap): ScoreCell[] {
  const order = (k: string) => (/^\d+$/.test(k) ? [0, Number(k)] : /^O/.test(k) ? [1, Number(k.slice(1)) || 0] : [2, 0]) as [number, number]
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((x, y) => {
    const [a1, a2] = order(x)
    const [b1, b2] = order(y)
    return a1 - b1 || a2 - b2 || x.localeCompare(y)
  })
  return keys.filter((k) => (before[k] ?? null) !== (after[k] ?? null)).map((k) => ({ item: k, old: before[k] ?? null, new: after[k] ?? null }))
}

/**
 * Writes `after` over `current` for the assessment and records the change set (who, when, old →
 * new per cell); nothing is recorded when nothing changed. Returns the changed cells.
 */
export async function writeCells(tx: Tx, a: Assessment, current: CellMap, after: CellMap, meta: { source: ScoreChangeSource; userId: string | null; importId?: string }): Promise<ScoreCell[]> {
  const cells = diffCells(current, after)
  const toolScores: Assessment['toolScores'] = {}
  const oitAnswers: Record<string, boolean> = {}
  for (const [k, v] of Object.entries(after)) {
    if (k.startsWith('tool_')) toolScores[k.slice(5)] = Number(v)
    else if (/^O\d/.test(k)) oitAnswers[k] = v === 'yes'
  }
  await tx.update(assessments).set({ toolScores, oitAnswers, updatedAt: new Date() }).where(eq(assessments.id, a.id))
  for (const c of cells) {
    if (!/^\d+$/.test(c.item)) continue
    const indicator = Number(c.item)
    if (c.new === null) await tx.delete(indicatorScores).where(and(eq(indicatorScores.assessmentId, a.id), eq(indicatorScores.indicator, indicator)))
    else {
      const score = Number(c.new)
      await tx
        .insert(indicatorScores)
        .values({ orgId: a.orgId, assessmentId: a.id, indicator, score })
        .onConflictDoUpdate({ target: [indicatorScores.orgId, indicatorScores.assessmentId, indicatorScores.indicator], set: { score } })
    }
  }
  if (cells.length) await tx.insert(scoreChanges).values({ orgId: a.orgId, fiscalYear: a.fiscalYear, source: meta.source, importId: meta.importId ?? null, cells, changedBy: meta.userId })
  return cells
}
