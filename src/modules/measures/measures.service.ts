import { asc, eq, inArray, max } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { currentFramework, evidenceFor, type EvidenceItem, type Framework } from '../assessment/index.js'
import { isUuid } from '../../platform/http/params.js'
import { activities, measures, reportSettings, type Activity, type ActivityStatus, type Measure, type ReportSettings } from './measures.schema.js'
import { mtAll } from './measures.i18n.js'
import { removeActivityDeadlines, syncActivityDeadlines } from './activity-deadline.js'
import { removeDeadline } from '../../platform/deadlines/deadlines.service.js'
import { RETURN_DEADLINE } from './review.schema.js'

export type MeasureInput = {
  title: string
  indicatorNumbers: number[]
  oitCodes: string[]
  steps: string[]
  periodKind: 'fiscal_year' | 'range'
  periodStart: string | null
  periodEnd: string | null
  periodText: string
  unitIds: string[]
  responsibleText: string
  resultSummary: string[]
  outcome: string[]
}
export type ActivityInput = { title: string; startsOn: string | null; endsOn: string | null; status: ActivityStatus; note: string; responsibleUserId?: string | null }

export type ActivityView = Activity & { evidence: EvidenceItem[] }
export type MeasureView = Measure & { activities: ActivityView[]; progress: number | null; unitNames: string[] }

/** Progress from activity statuses: done counts fully, in progress half; null without activities. */
export function progressOf(list: Pick<Activity, 'status'>[]): number | null {
  if (!list.length) return null
  const points = list.reduce((s, a) => s + (a.status === 'done' ? 2 : a.status === 'in_progress' ? 1 : 0), 0)
  return Math.round((points / (2 * list.length)) * 100)
}

/** The period as printed: the agency's own wording, else the fiscal year or the date range. */
export function periodLabel(m: Pick<Measure, 'periodKind' | 'periodStart' | 'periodEnd' | 'periodText' | 'fiscalYear'>): string {
  if (m.periodText.trim()) return m.periodText
  if (m.periodKind === 'range' && m.periodStart && m.periodEnd) return `${formatThaiDate(m.periodStart)} – ${formatThaiDate(m.periodEnd)}`
  return `ปีงบประมาณ ${m.fiscalYear}`
}

/** Responsibility as printed: the free text when given, else the linked units' names. */
export function responsibleLabel(m: { responsibleText: string }, unitNames: string[]): string {
  return m.responsibleText.trim() ? m.responsibleText : unitNames.join('\n')
}

async function unitNameMap(tx: Tx): Promise<Map<string, string>> {
  return new Map((await tx.select({ id: units.id, nameTh: units.nameTh }).from(units)).map((u) => [u.id, u.nameTh]))
}

/** Measures of a year inside the caller's agency transaction. */
export function measuresIn(tx: Tx, year: number): Promise<MeasureView[]> {
  return loadMeasures(tx, eq(measures.fiscalYear, year))
}

/** Measures (with activities, evidence, progress and unit names) matching `where`, in their order. */
export async function loadMeasures(tx: Tx, where: ReturnType<typeof eq>): Promise<MeasureView[]> {
  const ms = await tx.select().from(measures).where(where).orderBy(asc(measures.sortOrder), asc(measures.createdAt))
  if (!ms.length) return []
  const acts = await tx.select().from(activities).where(inArray(activities.measureId, ms.map((m) => m.id))).orderBy(asc(activities.sortOrder), asc(activities.createdAt))
  const ev = await evidenceFor(tx, acts.map((a) => ({ kind: 'activity' as const, id: a.id })))
  const names = await unitNameMap(tx)
  return ms.map((m) => {
    const list = acts.filter((a) => a.measureId === m.id).map((a) => ({ ...a, evidence: ev.filter((e) => e.targetId === a.id) }))
    return { ...m, activities: list, progress: progressOf(list), unitNames: m.unitIds.map((id) => names.get(id)).filter((n): n is string => !!n) }
  })
}

export async function listMeasures(ctx: UseCaseCtx, year: number): Promise<MeasureView[]> {
  assertCan(ctx.actor, 'measure.read')
  return inOrg(ctx.db, ctx.orgId!, (tx) => loadMeasures(tx, eq(measures.fiscalYear, year)))
}

export async function getMeasure(ctx: UseCaseCtx, id: string): Promise<MeasureView> {
  assertCan(ctx.actor, 'measure.read')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [m] = await inOrg(ctx.db, ctx.orgId!, (tx) => loadMeasures(tx, eq(measures.id, id)))
  if (!m) throw new AppError('not_found', 404)
  return m
}

async function cleanInput(tx: Tx, fw: Framework | undefined, input: MeasureInput): Promise<MeasureInput> {
  const ids = input.unitIds.filter(isUuid)
  const valid = ids.length ? new Set((await tx.select({ id: units.id }).from(units).where(inArray(units.id, ids))).map((u) => u.id)) : new Set<string>()
  const indicators = fw ? input.indicatorNumbers.filter((n) => fw.indicators.some((i) => i.number === n)) : input.indicatorNumbers
  const oit = fw ? input.oitCodes.filter((c) => fw.oitItems.some((o) => o.code === c)) : input.oitCodes
  return { ...input, unitIds: ids.filter((id) => valid.has(id)), indicatorNumbers: [...new Set(indicators)].sort((a, b) => a - b), oitCodes: [...new Set(oit)] }
}

export async function createMeasure(ctx: UseCaseCtx, year: number, input: MeasureInput): Promise<Measure> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const fw = (await currentFramework(ctx.db, year))?.framework
  return inOrg(ctx.db, orgId, async (tx) => {
    const [{ last } = { last: null }] = await tx.select({ last: max(measures.sortOrder) }).from(measures).where(eq(measures.fiscalYear, year))
    const [row] = await tx.insert(measures).values({ orgId, fiscalYear: year, sortOrder: (last ?? 0) + 1, ...(await cleanInput(tx, fw, input)) }).returning()
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'measure.create', entityType: 'ita_measure', entityId: row!.id, requestId: ctx.requestId, details: { fiscalYear: year, title: input.title } })
    return row!
  })
}

/** Edits a measure; an approved measure goes back to draft and needs approval again. */
export async function updateMeasure(ctx: UseCaseCtx, id: string, input: MeasureInput): Promise<Measure> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  const current = await getMeasure(ctx, id)
  const fw = (await currentFramework(ctx.db, current.fiscalYear))?.framework
  return inOrg(ctx.db, orgId, async (tx) => {
    const [row] = await tx
      .update(measures)
      .set({ ...(await cleanInput(tx, fw, input)), status: 'draft', approvedBy: null, approvedAt: null, updatedAt: new Date() })
      .where(eq(measures.id, id))
      .returning()
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'measure.update', entityType: 'ita_measure', entityId: id, requestId: ctx.requestId, details: { wasApproved: current.status === 'approved' } })
    // Its activities' deadlines carry its title and go to its units' officers.
    await syncActivityDeadlines(tx, orgId, current.activities.map((a) => a.id))
    return row!
  })
}

export async function deleteMeasure(ctx: UseCaseCtx, id: string): Promise<void> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  const m = await getMeasure(ctx, id)
  await inOrg(ctx.db, ctx.orgId!, async (tx) => {
    await removeActivityDeadlines(tx, ctx.orgId!, id)
    await removeDeadline(tx, { orgId: ctx.orgId!, ...RETURN_DEADLINE, ref: id }) // a send-back's to-do item
    await tx.delete(measures).where(eq(measures.id, id))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: 'measure.delete', entityType: 'ita_measure', entityId: id, requestId: ctx.requestId, details: { title: m.title } })
  })
}

/** Moves a measure one place up or down in its year's order. */
export async function moveMeasure(ctx: UseCaseCtx, id: string, direction: 'up' | 'down'): Promise<void> {
  assertCan(ctx.actor, 'measure.edit')
  const actor = ctx.actor
  const m = await getMeasure(ctx, id)
  await inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const list = await tx.select({ id: measures.id }).from(measures).where(eq(measures.fiscalYear, m.fiscalYear)).orderBy(asc(measures.sortOrder), asc(measures.createdAt))
    const i = list.findIndex((x) => x.id === id)
    const j = direction === 'up' ? i - 1 : i + 1
    if (i < 0 || j < 0 || j >= list.length) return
    ;[list[i], list[j]] = [list[j]!, list[i]!]
    for (const [k, x] of list.entries()) await tx.update(measures).set({ sortOrder: k + 1 }).where(eq(measures.id, x.id))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: 'measure.move', entityType: 'ita_measure', entityId: id, requestId: ctx.requestId, details: { direction } })
  })
}

/** The version an approval refers to: a measure's content changes only with `updatedAt`. */
export const measureVersion = (m: Pick<Measure, 'updatedAt'>): string => m.updatedAt.toISOString()

/**
 * An executive approves a measure for publication (the public documents show approved ones only).
 * `version` is the one the executive saw: approving content edited since then is refused (409).
 */
export async function approveMeasure(ctx: UseCaseCtx, id: string, approve = true, version?: string): Promise<void> {
  assertCan(ctx.actor, 'measure.approve')
  const actor = ctx.actor
  const current = await getMeasure(ctx, id)
  if (approve && version !== measureVersion(current)) throw new InputError({ _form: mtAll('m.stale') }, 409)
  await inOrg(ctx.db, ctx.orgId!, async (tx) => {
    await tx
      .update(measures)
      .set(approve ? { status: 'approved', approvedBy: actor.userId, approvedAt: new Date() } : { status: 'draft', approvedBy: null, approvedAt: null })
      .where(eq(measures.id, id))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, action: approve ? 'measure.approve' : 'measure.unapprove', entityType: 'ita_measure', entityId: id, requestId: ctx.requestId })
  })
}

// ── Report settings ───────────────────────────────────────────────────────────────────────────

export type ReportSettingsInput = Omit<ReportSettings, 'orgId' | 'fiscalYear' | 'updatedAt'>

export async function reportSettingsOf(db: Db, orgId: string, year: number): Promise<ReportSettings | undefined> {
  const [row] = await inOrg(db, orgId, (tx) => tx.select().from(reportSettings).where(eq(reportSettings.fiscalYear, year)))
  return row
}

export async function saveReportSettings(ctx: UseCaseCtx, year: number, input: ReportSettingsInput): Promise<void> {
  assertCan(ctx.actor, 'report.generate')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  await inOrg(ctx.db, orgId, async (tx) => {
    await tx.insert(reportSettings).values({ orgId, fiscalYear: year, ...input }).onConflictDoUpdate({ target: [reportSettings.orgId, reportSettings.fiscalYear], set: { ...input, updatedAt: new Date() } })
    await appendAudit(tx, { orgId, actorUserId: actor.userId, action: 'report.settings', entityType: 'ita_report', requestId: ctx.requestId, details: { fiscalYear: year } })
  })
}
