import { and, asc, count, desc, eq, ilike, inArray, isNotNull, max, or, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { closeDeadline, removeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { sortThai } from '../../platform/thai/index.js'
import { both, risksT } from './risks.i18n.js'
import { riskControls, riskMonitoring, risks, type Risk, type RiskControl, type RiskMonitoring, type RiskStatus } from './risks.schema.js'
import { DEFAULT_LIMITS, roundEnd, ROUNDS, type Area, type Level, type YearBands } from './rules.js'
import { bandsIn } from './bands.js'
import { audit, conflict, likePattern, lockRisk, notFound, riskIn, riskTitle } from './shared.js'

export const PAGE_SIZE = 20

export type RiskInput = {
  fiscalYear: number
  area: Area
  process: string
  event: string
  cause: string
  likelihood: number
  impact: number
  existingControls: string
  indicator: string
  target: string
  residualLikelihood: number | null
  residualImpact: number | null
  ownerUnitId: string
  reviewOn: string | null
  status: RiskStatus
}
export type RiskFilter = { q?: string | undefined; fiscalYear?: number | undefined; unitId?: string | undefined; level?: Level | undefined; status?: RiskStatus | undefined; page: number }
export type RiskPage = { rows: Risk[]; total: number; page: number; pages: number; years: number[]; bands: Map<number, YearBands> }
export type Unit = { id: string; nameTh: string }

/** The review date is a deadline of whoever made the risk until its 12-month round is recorded (or it is withdrawn). */
export async function syncReviewDeadline(tx: Tx, orgId: string, r: Risk): Promise<void> {
  const key = { orgId, module: 'risks', kind: 'review', ref: r.id }
  const [done] = await tx.select({ n: count() }).from(riskMonitoring).where(and(eq(riskMonitoring.riskId, r.id), eq(riskMonitoring.round, 12)))
  if (!r.reviewOn || r.status === 'withdrawn' || (done?.n ?? 0) > 0) return closeDeadline(tx, key)
  await setDeadline(tx, { ...key, title: both('deadline.review', { n: r.seq, event: r.event.slice(0, 200), year: r.fiscalYear }), href: `/risks/${r.id}`, dueOn: r.reviewOn, assigneeUserIds: r.createdBy ? [r.createdBy] : [] })
}

/**
 * Each monitoring round of a year with published risks is a deadline (the round's last day, rules.ts
 * `roundEnd`) of the people who entered those risks, until every published risk has that round.
 */
export async function syncRoundDeadlines(tx: Tx, orgId: string, fiscalYear: number): Promise<void> {
  const rows = await tx.select({ id: risks.id, createdBy: risks.createdBy }).from(risks).where(and(eq(risks.fiscalYear, fiscalYear), eq(risks.status, 'published')))
  const done = rows.length ? await tx.select({ riskId: riskMonitoring.riskId, round: riskMonitoring.round }).from(riskMonitoring).where(inArray(riskMonitoring.riskId, rows.map((r) => r.id))) : []
  for (const round of ROUNDS) {
    const key = { orgId, module: 'risks', kind: `round${round}`, ref: String(fiscalYear) }
    if (!rows.length) {
      await removeDeadline(tx, key)
      continue
    }
    const left = rows.filter((r) => !done.some((d) => d.riskId === r.id && d.round === round)).length
    if (left === 0) {
      await closeDeadline(tx, key)
      continue
    }
    await setDeadline(tx, { ...key, title: both('deadline.round', { round: risksT('th', `round.${round}`), year: fiscalYear, left }), href: `/risks/year/${fiscalYear}`, dueOn: roundEnd(fiscalYear, round), assigneeUserIds: rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])) })
  }
}

/** The level filter in SQL: the score against the year's own limits when the agency set them, else the default (rules.ts). */
const levelWhere = (level: Level): SQL => {
  const limit = (col: 'low_max' | 'medium_max' | 'high_max', fallback: number) =>
    sql`coalesce((SELECT b.${sql.raw(col)} FROM risks_bands b WHERE b.org_id = ${risks.orgId} AND b.fiscal_year = ${risks.fiscalYear}), ${fallback})`
  const score = sql`${risks.likelihood} * ${risks.impact}`
  const low = limit('low_max', DEFAULT_LIMITS.lowMax)
  const medium = limit('medium_max', DEFAULT_LIMITS.mediumMax)
  const high = limit('high_max', DEFAULT_LIMITS.highMax)
  if (level === 'low') return sql`${score} <= ${low}`
  if (level === 'medium') return sql`${score} > ${low} AND ${score} <= ${medium}`
  if (level === 'high') return sql`${score} > ${medium} AND ${score} <= ${high}`
  return sql`${score} > ${high}`
}

export async function listRisks(ctx: OrgUseCaseCtx, f: RiskFilter): Promise<RiskPage> {
  assertCan(ctx.actor, 'risks.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(or(ilike(risks.process, likePattern(f.q)), ilike(risks.event, likePattern(f.q)), ilike(risks.cause, likePattern(f.q)))!)
    if (f.fiscalYear) where.push(eq(risks.fiscalYear, f.fiscalYear))
    if (f.unitId) where.push(eq(risks.ownerUnitId, f.unitId))
    if (f.level) where.push(levelWhere(f.level))
    if (f.status) where.push(eq(risks.status, f.status))
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(risks).where(cond)
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx.select().from(risks).where(cond).orderBy(desc(risks.fiscalYear), asc(risks.seq), risks.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    const years = (await tx.selectDistinct({ y: risks.fiscalYear }).from(risks).orderBy(desc(risks.fiscalYear))).map((r) => r.y)
    return { rows, total: n, page, pages, years, bands: await bandsIn(tx, rows.map((r) => r.fiscalYear)) }
  })
}

export type RiskFull = { risk: Risk; controls: RiskControl[]; monitoring: RiskMonitoring[]; unitName: string | null; bands: YearBands }

export async function riskFull(ctx: OrgUseCaseCtx, id: string): Promise<RiskFull> {
  assertCan(ctx.actor, 'risks.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const risk = await riskIn(tx, id)
    if (!risk) throw notFound()
    const controls = await tx.select().from(riskControls).where(eq(riskControls.riskId, id)).orderBy(riskControls.measureTitle)
    const monitoring = await tx.select().from(riskMonitoring).where(eq(riskMonitoring.riskId, id)).orderBy(riskMonitoring.round)
    const [u] = risk.ownerUnitId ? await tx.select({ nameTh: units.nameTh }).from(units).where(eq(units.id, risk.ownerUnitId)) : []
    return { risk, controls, monitoring, unitName: u?.nameTh ?? null, bands: (await bandsIn(tx, [risk.fiscalYear])).get(risk.fiscalYear)! }
  })
}

export async function getRisk(ctx: OrgUseCaseCtx, id: string): Promise<Risk> {
  return (await riskFull(ctx, id)).risk
}

/** The agency's units, by Thai name (owner units and the unit filter). */
export async function unitsOf(ctx: OrgUseCaseCtx): Promise<Unit[]> {
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select({ id: units.id, nameTh: units.nameTh }).from(units))
  return sortThai(rows, (u) => u.nameTh)
}

async function checkInput(tx: Tx, input: RiskInput): Promise<void> {
  if ((input.residualLikelihood == null) !== (input.residualImpact == null)) {
    throw new InputError({ [input.residualLikelihood == null ? 'residualLikelihood' : 'residualImpact']: both('v.residualPair') })
  }
  const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.ownerUnitId))
  if (!u) throw new InputError({ ownerUnitId: both('v.unit') })
}

const stamps = (before: Pick<Risk, 'publishedAt' | 'withdrawnAt'> | null, status: RiskStatus) => ({
  publishedAt: status === 'published' ? (before?.publishedAt ?? sql`now()`) : (before?.publishedAt ?? null),
  withdrawnAt: status === 'withdrawn' ? (before?.withdrawnAt ?? sql`now()`) : null,
})

export async function createRisk(ctx: OrgUseCaseCtx, input: RiskInput): Promise<Risk> {
  assertCan(ctx.actor, 'risks.edit')
  const actor = ctx.actor
  const r = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    await checkInput(tx, input)
    // One register per year: numbers R1, R2 … in order of entry (locked so two entries never share one).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`risks:${ctx.orgId}:${input.fiscalYear}`}))`)
    const [{ last } = { last: 0 }] = await tx.select({ last: max(risks.seq) }).from(risks).where(eq(risks.fiscalYear, input.fiscalYear))
    const [r] = await tx.insert(risks).values({ orgId: ctx.orgId, ...input, seq: (last ?? 0) + 1, ...stamps(null, input.status), createdBy: actor.userId }).returning()
    await syncReviewDeadline(tx, ctx.orgId, r!)
    await syncRoundDeadlines(tx, ctx.orgId, r!.fiscalYear)
    await audit(tx, ctx, 'create', 'risk', r!.id, { title: riskTitle(r!), fiscalYear: r!.fiscalYear, likelihood: r!.likelihood, impact: r!.impact, status: r!.status })
    return r!
  })
  if (r.publishedAt) invalidatePublicCache(ctx.orgId)
  return r
}

export async function updateRisk(ctx: OrgUseCaseCtx, id: string, input: RiskInput): Promise<Risk> {
  assertCan(ctx.actor, 'risks.edit')
  const r = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockRisk(tx, id)
    await checkInput(tx, input)
    if (before.publishedAt && input.status === 'draft') throw new InputError({ status: both('v.unpublish') })
    let seq = before.seq
    if (input.fiscalYear !== before.fiscalYear) {
      const [m] = await tx.select({ n: count() }).from(riskMonitoring).where(eq(riskMonitoring.riskId, id))
      if ((m?.n ?? 0) > 0) throw new InputError({ fiscalYear: both('v.yearFixed') })
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`risks:${ctx.orgId}:${input.fiscalYear}`}))`)
      const [{ last } = { last: 0 }] = await tx.select({ last: max(risks.seq) }).from(risks).where(eq(risks.fiscalYear, input.fiscalYear))
      seq = (last ?? 0) + 1
      // Controls are measures of the risk's year: they do not move with it.
      await tx.delete(riskControls).where(eq(riskControls.riskId, id))
    }
    const [r] = await tx.update(risks).set({ ...input, seq, ...stamps(before, input.status), updatedAt: sql`now()` }).where(eq(risks.id, id)).returning()
    await syncReviewDeadline(tx, ctx.orgId, r!)
    await syncRoundDeadlines(tx, ctx.orgId, r!.fiscalYear)
    if (before.fiscalYear !== r!.fiscalYear) await syncRoundDeadlines(tx, ctx.orgId, before.fiscalYear)
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof RiskInput] !== v).map(([k, v]) => [k, { from: before[k as keyof RiskInput], to: v }]))
    const action = input.status === 'withdrawn' && before.status !== 'withdrawn' ? 'withdraw' : input.status === 'published' && before.status !== 'published' ? 'publish' : 'update'
    await audit(tx, ctx, action, 'risk', id, { title: riskTitle(r!), changed })
    return r!
  })
  // A published (or once published) risk shows on the public summary.
  if (r.publishedAt) invalidatePublicCache(ctx.orgId)
  return r
}

/** Deletes a risk that was never published; a published one is withdrawn instead (its page may be cited). */
export async function deleteRisk(ctx: OrgUseCaseCtx, id: string): Promise<Risk> {
  assertCan(ctx.actor, 'risks.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const r = await lockRisk(tx, id)
    if (r.publishedAt || r.status !== 'draft') throw conflict('delete.published')
    await tx.delete(risks).where(eq(risks.id, id))
    await removeDeadline(tx, { orgId: ctx.orgId, module: 'risks', kind: 'review', ref: id })
    await audit(tx, ctx, 'delete', 'risk', id, { title: riskTitle(r), fiscalYear: r.fiscalYear })
    return r
  })
}

export type YearRisk = Risk & { controls: RiskControl[]; monitoring: RiskMonitoring[]; unitName: string | null }

/** Every risk of a year (published only, or all) with its controls, monitoring and owner unit name, in register order. */
export async function risksOfYear(tx: Tx, fiscalYear: number, opts: { publishedOnly: boolean }): Promise<YearRisk[]> {
  const where = opts.publishedOnly ? and(eq(risks.fiscalYear, fiscalYear), eq(risks.status, 'published')) : eq(risks.fiscalYear, fiscalYear)
  const rows = await tx.select().from(risks).where(where).orderBy(asc(risks.seq))
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const controls = await tx.select().from(riskControls).where(inArray(riskControls.riskId, ids)).orderBy(riskControls.measureTitle)
  const monitoring = await tx.select().from(riskMonitoring).where(inArray(riskMonitoring.riskId, ids)).orderBy(riskMonitoring.round)
  const names = new Map((await tx.select({ id: units.id, nameTh: units.nameTh }).from(units)).map((u) => [u.id, u.nameTh]))
  return rows.map((r) => ({ ...r, controls: controls.filter((c) => c.riskId === r.id), monitoring: monitoring.filter((m) => m.riskId === r.id), unitName: r.ownerUnitId ? (names.get(r.ownerUnitId) ?? null) : null }))
}

export type Register = { rows: YearRisk[]; bands: YearBands }

export async function yearRegister(ctx: OrgUseCaseCtx, fiscalYear: number): Promise<Register> {
  assertCan(ctx.actor, 'risks.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => ({ rows: await risksOfYear(tx, fiscalYear, { publishedOnly: false }), bands: (await bandsIn(tx, [fiscalYear])).get(fiscalYear)! }))
}

/** Fiscal years with at least one published risk, newest first: public data. */
export async function publishedYears(db: OrgUseCaseCtx['db'], orgId: string): Promise<{ fiscalYear: number; count: number }[]> {
  return inOrg(db, orgId, (tx) => tx.select({ fiscalYear: risks.fiscalYear, count: count() }).from(risks).where(and(eq(risks.status, 'published'), isNotNull(risks.publishedAt))).groupBy(risks.fiscalYear).orderBy(desc(risks.fiscalYear)))
}

/** The published risks of a year for the public summary (404 when none is published). */
export async function publishedRegister(db: OrgUseCaseCtx['db'], orgId: string, fiscalYear: number): Promise<Register> {
  const r = await inOrg(db, orgId, async (tx) => ({ rows: await risksOfYear(tx, fiscalYear, { publishedOnly: true }), bands: (await bandsIn(tx, [fiscalYear])).get(fiscalYear)! }))
  if (!r.rows.length) throw notFound()
  return r
}
