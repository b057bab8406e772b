import { and, asc, eq, inArray } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan, type Permission } from '../../platform/auth/permissions.js'
import { isUuid } from '../../platform/http/params.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { deleteFile, getFile, putFile } from '../../platform/files/files.service.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { files } from '../../platform/files/files.schema.js'
import { assess, indicatorsBelow, missingIndicators, oitIndicatorScores, yearOverYear, type AssessmentScore, type IndicatorBelow, type IndicatorChange } from '../../domain/ita/scoring.js'
import type { Framework, ToolCode } from '../../domain/ita/framework.schema.js'
import { assessments, evidence, indicatorPlans, indicatorScores, planProgress, type Assessment, type EvidenceTarget, type IndicatorPlan, type PlanProgressEntry, type ProgressStatus } from './assessment.schema.js'
import { currentFramework, requireFramework, type VersionedFramework } from './frameworks.service.js'

export type ScoreMap = Record<number, number>

export type AssessmentView = {
  fiscalYear: number
  framework: VersionedFramework
  assessment: Assessment | null
  scores: ScoreMap
  /** Computed with the year's scoring rules when every indicator has a score. */
  result: AssessmentScore | null
  missing: number[]
  below: IndicatorBelow[]
  previous: { fiscalYear: number; scores: ScoreMap } | null
  changes: IndicatorChange[]
  /** OIT items answered "no" (when answers were entered), the weakest items. */
  oitMissing: { code: string; titleTh: string | null }[]
}


async function loadScores(tx: Tx, year: number): Promise<{ assessment: Assessment | null; scores: ScoreMap }> {
  const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
  if (!a) return { assessment: null, scores: {} }
  const rows = await tx.select().from(indicatorScores).where(eq(indicatorScores.assessmentId, a.id))
  return { assessment: a, scores: Object.fromEntries(rows.map((r) => [r.indicator, Number(r.score)])) }
}

function safeAssess(fw: Framework, scores: ScoreMap, a: Assessment | null): AssessmentScore | null {
  if (missingIndicators(fw, scores).length) return null
  try {
    const r = assess(fw, scores)
    const entered = a?.toolScores ?? {}
    // Tool scores published by NACC, when entered, are shown beside the computed ones; the
    // computation stays the framework's.
    void entered
    return r
  } catch {
    return null
  }
}

/** Scores of one year with everything computed from them. */
export async function getAssessment(ctx: UseCaseCtx, year: number): Promise<AssessmentView> {
  assertCan(ctx.actor, 'assessment.read')
  return assessmentView(ctx.db, ctx.orgId!, year)
}

export async function assessmentView(db: Db, orgId: string, year: number): Promise<AssessmentView> {
  const { cur, prev } = await inOrg(db, orgId, async (tx) => ({ cur: await loadScores(tx, year), prev: await loadScores(tx, year - 1) }))
  const framework = await requireFramework(db, year, cur.assessment?.frameworkVersion)
  const fw = framework.framework
  const result = safeAssess(fw, cur.scores, cur.assessment)
  let changes: IndicatorChange[] = []
  let previous: AssessmentView['previous'] = null
  if (prev.assessment) {
    previous = { fiscalYear: year - 1, scores: prev.scores }
    const pfw = await requireFramework(db, year - 1, prev.assessment.frameworkVersion).catch(() => framework)
    changes = yearOverYear({ framework: pfw.framework, scores: prev.scores }, { framework: fw, scores: cur.scores })
  }
  const answers = cur.assessment?.oitAnswers ?? {}
  const oitMissing = Object.keys(answers).length ? fw.oitItems.filter((o) => answers[o.code] === false).map((o) => ({ code: o.code, titleTh: o.titleTh })) : []
  return { fiscalYear: year, framework, assessment: cur.assessment, scores: cur.scores, result, missing: missingIndicators(fw, cur.scores), below: indicatorsBelow(fw, cur.scores), previous, changes, oitMissing }
}

export type ScoresInput = {
  scores: Record<number, number | null>
  toolScores?: Partial<Record<ToolCode, number>>
  oitAnswers?: Record<string, boolean>
}

/** Two decimals, 0–100. */
export function isScore(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= 100 && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6
}

/** Replaces the year's indicator scores (and optional tool scores / OIT answers) in one transaction. */
export async function saveScores(ctx: UseCaseCtx, year: number, input: ScoresInput, source: 'form' | 'import' = 'form'): Promise<void> {
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
  await inOrg(ctx.db, orgId, async (tx) => {
    const a = await ensureAssessment(tx, orgId, year, framework.version)
    const patch: Partial<typeof assessments.$inferInsert> = { updatedAt: new Date() }
    if (input.toolScores) patch.toolScores = input.toolScores
    if (input.oitAnswers) patch.oitAnswers = input.oitAnswers
    await tx.update(assessments).set(patch).where(eq(assessments.id, a.id))
    for (const [k, v] of Object.entries(input.scores)) {
      const indicator = Number(k)
      if (v === null) {
        await tx.delete(indicatorScores).where(and(eq(indicatorScores.assessmentId, a.id), eq(indicatorScores.indicator, indicator)))
      } else {
        await tx
          .insert(indicatorScores)
          .values({ orgId, assessmentId: a.id, indicator, score: v })
          .onConflictDoUpdate({ target: [indicatorScores.orgId, indicatorScores.assessmentId, indicatorScores.indicator], set: { score: v } })
      }
    }
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.scores.save', entityType: 'ita_assessment', entityId: a.id, requestId: ctx.requestId, details: { fiscalYear: year, source, scores: input.scores } })
  })
}

async function ensureAssessment(tx: Tx, orgId: string, year: number, version: number): Promise<Assessment> {
  const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
  if (a) return a
  const [created] = await tx.insert(assessments).values({ orgId, fiscalYear: year, frameworkVersion: version }).returning()
  return created!
}

/** OIT indicator scores from item answers, for the form's "compute from answers" option. */
export function scoresFromOitAnswers(fw: Framework, answers: Record<string, boolean>): Record<number, number> {
  return oitIndicatorScores(fw, answers)
}

/** Years this agency has scores or plans for, newest first. */
export async function listAssessmentYears(ctx: UseCaseCtx): Promise<number[]> {
  assertCan(ctx.actor, 'assessment.read')
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const a = await tx.select({ y: assessments.fiscalYear }).from(assessments)
    const p = await tx.selectDistinct({ y: indicatorPlans.fiscalYear }).from(indicatorPlans)
    return [...new Set([...a, ...p].map((r) => r.y))].sort((x, y) => y - x)
  })
}

// ── Analysis and improvement plans (per indicator) ─────────────────────────────────────────────

export type PlanInput = {
  indicatorName?: string | null
  strengths: string
  weaknesses: string
  guidelines: string[]
  unitIds: string[]
  responsibleText: string
  period: string
  progress: string[]
  status: ProgressStatus | null
}

export type PlanWithLog = IndicatorPlan & { log: (PlanProgressEntry & { evidence: EvidenceItem[] })[]; evidence: EvidenceItem[] }

export async function listPlans(ctx: UseCaseCtx, year: number): Promise<IndicatorPlan[]> {
  assertCan(ctx.actor, 'assessment.read')
  return plansOf(ctx.db, ctx.orgId!, year)
}

/** Plans of a year, for documents (no permission: callers decide what is public). */
export async function plansOf(db: Db, orgId: string, year: number): Promise<IndicatorPlan[]> {
  return inOrg(db, orgId, (tx) => plansIn(tx, year))
}

/** The same inside the caller's agency transaction. */
export function plansIn(tx: Tx, year: number): Promise<IndicatorPlan[]> {
  return tx.select().from(indicatorPlans).where(eq(indicatorPlans.fiscalYear, year)).orderBy(asc(indicatorPlans.indicator))
}

export async function getPlan(ctx: UseCaseCtx, year: number, indicator: number): Promise<PlanWithLog | null> {
  assertCan(ctx.actor, 'assessment.read')
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [p] = await tx.select().from(indicatorPlans).where(and(eq(indicatorPlans.fiscalYear, year), eq(indicatorPlans.indicator, indicator)))
    if (!p) return null
    const log = await tx.select().from(planProgress).where(eq(planProgress.planId, p.id)).orderBy(asc(planProgress.entryDate), asc(planProgress.createdAt))
    const ev = await evidenceFor(tx, [...log.map((l) => ({ kind: 'progress' as const, id: l.id })), { kind: 'indicator', id: p.id }])
    return { ...p, evidence: ev.filter((e) => e.targetKind === 'indicator'), log: log.map((l) => ({ ...l, evidence: ev.filter((e) => e.targetKind === 'progress' && e.targetId === l.id) })) }
  })
}

async function validUnitIds(tx: Tx, ids: string[]): Promise<string[]> {
  const clean = ids.filter(isUuid)
  if (!clean.length) return []
  const rows = await tx.select({ id: units.id }).from(units).where(inArray(units.id, clean))
  const ok = new Set(rows.map((r) => r.id))
  return clean.filter((id) => ok.has(id))
}

export async function savePlan(ctx: UseCaseCtx, year: number, indicator: number, input: PlanInput): Promise<IndicatorPlan> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const fw = (await currentFramework(ctx.db, year))?.framework
  if (fw && !fw.indicators.some((i) => i.number === indicator)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, orgId, async (tx) => {
    const values = { ...input, unitIds: await validUnitIds(tx, input.unitIds), updatedAt: new Date() }
    const [row] = await tx
      .insert(indicatorPlans)
      .values({ orgId, fiscalYear: year, indicator, ...values })
      .onConflictDoUpdate({ target: [indicatorPlans.orgId, indicatorPlans.fiscalYear, indicatorPlans.indicator], set: values })
      .returning()
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.plan.save', entityType: 'ita_indicator_plan', entityId: row!.id, requestId: ctx.requestId, details: { fiscalYear: year, indicator, status: input.status } })
    return row!
  })
}

export async function addProgressEntry(ctx: UseCaseCtx, year: number, indicator: number, input: { entryDate: string; body: string }): Promise<PlanProgressEntry> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    let [p] = await tx.select().from(indicatorPlans).where(and(eq(indicatorPlans.fiscalYear, year), eq(indicatorPlans.indicator, indicator)))
    if (!p) [p] = await tx.insert(indicatorPlans).values({ orgId, fiscalYear: year, indicator }).returning()
    const [row] = await tx.insert(planProgress).values({ orgId, planId: p!.id, entryDate: input.entryDate, body: input.body, createdBy: actor.userId }).returning()
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.progress.add', entityType: 'ita_plan_progress', entityId: row!.id, requestId: ctx.requestId, details: { fiscalYear: year, indicator } })
    return row!
  })
}

/** Copies a year's plans (guidelines, responsibility, period) into the next, progress reset. */
export async function copyPlans(ctx: UseCaseCtx, from: number, to: number): Promise<number> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const target = (await currentFramework(ctx.db, to))?.framework
  return inOrg(ctx.db, orgId, async (tx) => {
    const src = await tx.select().from(indicatorPlans).where(eq(indicatorPlans.fiscalYear, from))
    const have = new Set((await tx.select({ i: indicatorPlans.indicator }).from(indicatorPlans).where(eq(indicatorPlans.fiscalYear, to))).map((r) => r.i))
    let n = 0
    for (const p of src) {
      if (have.has(p.indicator)) continue
      if (target && !target.indicators.some((i) => i.number === p.indicator)) continue
      await tx.insert(indicatorPlans).values({
        orgId, fiscalYear: to, indicator: p.indicator, indicatorName: p.indicatorName, strengths: '', weaknesses: '', guidelines: p.guidelines, unitIds: p.unitIds,
        responsibleText: p.responsibleText, period: p.period.replaceAll(String(from), String(to)), progress: [], status: 'not_started',
      })
      n++
    }
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.plans.copy', entityType: 'ita_indicator_plan', requestId: ctx.requestId, details: { from, to, copied: n } })
    return n
  })
}

// ── Evidence (files and URLs) ──────────────────────────────────────────────────────────────────

export type EvidenceItem = {
  id: string
  targetKind: EvidenceTarget
  targetId: string
  title: string
  url: string | null
  fileId: string | null
  fileName: string | null
  contentType: string | null
  size: number | null
}

export async function evidenceFor(tx: Tx, targets: { kind: EvidenceTarget; id: string }[]): Promise<EvidenceItem[]> {
  if (!targets.length) return []
  const ids = [...new Set(targets.map((t) => t.id))]
  const rows = await tx
    .select({ id: evidence.id, targetKind: evidence.targetKind, targetId: evidence.targetId, title: evidence.title, url: evidence.url, fileId: evidence.fileId, fileName: files.name, contentType: files.contentType, size: files.size })
    .from(evidence)
    .leftJoin(files, and(eq(files.orgId, evidence.orgId), eq(files.id, evidence.fileId)))
    .where(inArray(evidence.targetId, ids))
    .orderBy(asc(evidence.createdAt), asc(evidence.id))
  const wanted = new Set(targets.map((t) => `${t.kind}:${t.id}`))
  return rows.filter((x) => wanted.has(`${x.targetKind}:${x.targetId}`))
}

/** Evidence of the given targets (read permission of the caller's choosing). */
export async function listEvidence(ctx: UseCaseCtx, permission: Permission, targets: { kind: EvidenceTarget; id: string }[]): Promise<EvidenceItem[]> {
  assertCan(ctx.actor, permission)
  return inOrg(ctx.db, ctx.orgId!, (tx) => evidenceFor(tx, targets))
}

const editPermission = (kind: EvidenceTarget): Permission => (kind === 'activity' ? 'measure.edit' : 'assessment.edit')

export type EvidenceInput = { title: string; url?: string | undefined; file?: { name: string; bytes: Uint8Array } | undefined }

/** Attaches a file (type checked by content) or a URL to an activity, progress entry or indicator plan. */
export async function addEvidence(ctx: UseCaseCtx, target: { kind: EvidenceTarget; id: string }, input: EvidenceInput, opts: { targetExists?: (tx: Tx) => Promise<boolean> } = {}): Promise<EvidenceItem> {
  assertCan(ctx.actor, editPermission(target.kind))
  const actor = ctx.actor
  const orgId = ctx.orgId!
  if (!isUuid(target.id)) throw new AppError('not_found', 404)
  if (!input.file === !input.url) throw new AppError('bad_request', 422, { th: 'กรุณาแนบไฟล์หรือระบุลิงก์ (อย่างใดอย่างหนึ่ง)', en: 'Attach a file or give a link (one of them)' })
  if (input.url && !/^https?:\/\/[^\s]+$/i.test(input.url)) throw new AppError('bad_request', 422, { th: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://', en: 'The link must start with http:// or https://' })
  return inOrg(ctx.db, orgId, async (tx) => {
    const exists = opts.targetExists
      ? await opts.targetExists(tx)
      : target.kind === 'indicator'
        ? (await tx.select({ id: indicatorPlans.id }).from(indicatorPlans).where(eq(indicatorPlans.id, target.id))).length > 0
        : target.kind === 'progress'
          ? (await tx.select({ id: planProgress.id }).from(planProgress).where(eq(planProgress.id, target.id))).length > 0
          : false
    if (!exists) throw new AppError('not_found', 404)
    const file = input.file ? await putFile(tx, orgId, { name: input.file.name, bytes: input.file.bytes, createdBy: actor.userId }) : undefined
    const [row] = await tx.insert(evidence).values({ orgId, targetKind: target.kind, targetId: target.id, title: input.title, url: input.url ?? null, fileId: file?.id ?? null, createdBy: actor.userId }).returning()
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'evidence.add', entityType: 'ita_evidence', entityId: row!.id, requestId: ctx.requestId, details: { target, fileId: file?.id, contentType: file?.contentType, url: input.url } })
    return { id: row!.id, targetKind: target.kind, targetId: target.id, title: row!.title, url: row!.url, fileId: row!.fileId, fileName: file?.name ?? null, contentType: file?.contentType ?? null, size: file?.size ?? null }
  })
}

export async function deleteEvidence(ctx: UseCaseCtx, id: string): Promise<EvidenceItem | null> {
  if (!isUuid(id)) return null
  assertCan(ctx.actor, 'staff.dashboard')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    const [row] = await tx.select().from(evidence).where(eq(evidence.id, id))
    if (!row) return null
    assertCan(actor, editPermission(row.targetKind))
    await tx.delete(evidence).where(eq(evidence.id, id))
    if (row.fileId) await deleteFile(tx, orgId, row.fileId)
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'evidence.delete', entityType: 'ita_evidence', entityId: id, requestId: ctx.requestId })
    return { id: row.id, targetKind: row.targetKind, targetId: row.targetId, title: row.title, url: row.url, fileId: row.fileId, fileName: null, contentType: null, size: null }
  })
}

/** An evidence file for staff with read access. */
export async function evidenceFile(ctx: UseCaseCtx, evidenceId: string) {
  assertCan(ctx.actor, 'assessment.read')
  if (!isUuid(evidenceId)) return undefined
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [row] = await tx.select().from(evidence).where(eq(evidence.id, evidenceId))
    if (!row?.fileId) return undefined
    return getFile(tx, row.fileId)
  })
}
