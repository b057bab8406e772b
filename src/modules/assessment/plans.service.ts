import { and, asc, eq, inArray } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { isUuid } from '../../platform/http/params.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { evidence, indicatorPlans, planProgress, type IndicatorPlan, type PlanProgressEntry, type ProgressStatus } from './assessment.schema.js'
import { currentFramework } from './frameworks.service.js'
import { evidenceFor, type EvidenceItem } from './evidence.service.js'

// The analysis and improvement plan of each indicator, and its dated progress log.

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

/** The progress entry `entryId` of the year's plan for `indicator`, locked for change; 404 when it is not that plan's. */
async function progressEntryOf(tx: Tx, year: number, indicator: number, entryId: string): Promise<PlanProgressEntry> {
  if (!isUuid(entryId)) throw new AppError('not_found', 404)
  const [row] = await tx
    .select({ entry: planProgress })
    .from(planProgress)
    .innerJoin(indicatorPlans, and(eq(indicatorPlans.orgId, planProgress.orgId), eq(indicatorPlans.id, planProgress.planId)))
    .where(and(eq(planProgress.id, entryId), eq(indicatorPlans.fiscalYear, year), eq(indicatorPlans.indicator, indicator)))
    .for('update', { of: planProgress })
  if (!row) throw new AppError('not_found', 404)
  return row.entry
}

/** Corrects a progress entry's date or text; the audit entry keeps what it said before. */
export async function updateProgressEntry(ctx: UseCaseCtx, year: number, indicator: number, entryId: string, input: { entryDate: string; body: string }): Promise<PlanProgressEntry> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    const old = await progressEntryOf(tx, year, indicator, entryId)
    const [row] = await tx.update(planProgress).set({ entryDate: input.entryDate, body: input.body }).where(eq(planProgress.id, entryId)).returning()
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.progress.update', entityType: 'ita_plan_progress', entityId: entryId, requestId: ctx.requestId, details: { fiscalYear: year, indicator, before: { entryDate: old.entryDate, body: old.body }, after: { entryDate: input.entryDate, body: input.body } } })
    return row!
  })
}

/** Deletes a progress entry with the evidence attached to it; the audit entry keeps its text. */
export async function deleteProgressEntry(ctx: UseCaseCtx, year: number, indicator: number, entryId: string): Promise<void> {
  assertCan(ctx.actor, 'assessment.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  await inOrg(ctx.db, orgId, async (tx) => {
    const old = await progressEntryOf(tx, year, indicator, entryId)
    const gone = await tx.delete(evidence).where(and(eq(evidence.targetKind, 'progress'), eq(evidence.targetId, entryId))).returning({ id: evidence.id, title: evidence.title })
    await tx.delete(planProgress).where(eq(planProgress.id, entryId))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'assessment.progress.delete', entityType: 'ita_plan_progress', entityId: entryId, requestId: ctx.requestId, details: { fiscalYear: year, indicator, entryDate: old.entryDate, body: old.body, evidence: gone } })
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
