import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { people } from '../../platform/people/people.schema.js'
import { closeDeadline } from '../../platform/deadlines/deadlines.service.js'
import { fiscalHalfRange, toIsoDate, todayInBangkok, toSatang } from '../../platform/thai/index.js'
import { giftsRecords, giftsReports, type GiftReport, type ReportSummary } from './gifts.schema.js'
import { giftsT } from './gifts.i18n.js'
import { ACTIONS, RELATIONS, giftRuleFor, type GiftRule } from './rules.js'
import { reportDeadlineKey, roundStatusIn, type RoundStatus } from './returns.js'
import { satangToDecimal, type GiftRow } from './register.js'

// The six-monthly report (รายงานผลการรับของขวัญ ราย 6 เดือน): the register's rows of the half in
// the report's columns, the nil returns, and the agency's own words; publishing freezes the public
// figures (counts and totals only — no names) and ends the report's deadline.

const msg = (key: Parameters<typeof giftsT>[1], params?: Record<string, string | number>) => ({ th: giftsT('th', key, params), en: giftsT('en', key, params) })

export type HalfReport = { fiscalYear: number; half: 1 | 2; report: GiftReport | null; round: RoundStatus; gifts: GiftRow[]; summary: ReportSummary; rule: GiftRule | null; ended: boolean }

async function halfGifts(tx: Tx, fy: number, half: 1 | 2): Promise<GiftRow[]> {
  const rows = await tx
    .select({ g: giftsRecords, personName: people.fullName, personPosition: people.position })
    .from(giftsRecords)
    .innerJoin(people, and(eq(people.orgId, giftsRecords.orgId), eq(people.id, giftsRecords.personId)))
    .where(and(eq(giftsRecords.fiscalYear, fy), eq(giftsRecords.half, half)))
    .orderBy(asc(giftsRecords.receivedOn), asc(giftsRecords.createdAt))
  return rows.map((r) => ({ ...r.g, personName: r.personName, personPosition: r.personPosition }))
}

export function summarize(gifts: readonly Pick<GiftRow, 'relation' | 'action' | 'assessment' | 'valueBaht'>[], round: Pick<RoundStatus, 'respondents' | 'nil' | 'withGifts'>): ReportSummary {
  const byRelation = Object.fromEntries(RELATIONS.map((r) => [r, Object.fromEntries(ACTIONS.map((a) => [a, 0]))])) as ReportSummary['byRelation']
  let total = 0n
  for (const g of gifts) {
    byRelation[g.relation][g.action]++
    if (g.action !== 'declined') total += toSatang(g.valueBaht)
  }
  return {
    byRelation,
    overLimit: gifts.filter((g) => g.assessment === 'over').length,
    overLimitHandedOver: gifts.filter((g) => g.assessment === 'over' && g.action === 'handed_over').length,
    totalValueBaht: satangToDecimal(total),
    respondents: round.respondents.length,
    nilReturns: round.nil,
    withGifts: round.withGifts,
  }
}

const ended = (fy: number, half: 1 | 2) => fiscalHalfRange(fy, half).end < toIsoDate(todayInBangkok())

export async function halfReport(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2): Promise<HalfReport> {
  assertCan(ctx.actor, 'gifts.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [report] = await tx.select().from(giftsReports).where(and(eq(giftsReports.fiscalYear, fy), eq(giftsReports.half, half)))
    const round = await roundStatusIn(tx, fy, half)
    const gifts = await halfGifts(tx, fy, half)
    return { fiscalYear: fy, half, report: report ?? null, round, gifts, summary: report?.status === 'published' && report.summary ? report.summary : summarize(gifts, round), rule: giftRuleFor(fy), ended: ended(fy, half) }
  })
}

/** Every half that has a report row, newest first (the reports page). */
export async function listReports(ctx: OrgUseCaseCtx): Promise<GiftReport[]> {
  assertCan(ctx.actor, 'gifts.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(giftsReports).orderBy(desc(giftsReports.fiscalYear), desc(giftsReports.half)))
}

async function upsertReport(tx: Tx, orgId: string, fy: number, half: 1 | 2, set: Partial<typeof giftsReports.$inferInsert>): Promise<GiftReport> {
  const [row] = await tx
    .insert(giftsReports)
    .values({ orgId, fiscalYear: fy, half, ...set })
    .onConflictDoUpdate({ target: [giftsReports.orgId, giftsReports.fiscalYear, giftsReports.half], set: { ...set, updatedAt: sql`now()` } })
    .returning()
  return row!
}

/** Saves the agency's words and, when asked, publishes: the figures are frozen as they are now. */
export async function saveReport(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2, input: { note: string; publish: boolean }): Promise<GiftReport> {
  assertCan(ctx.actor, 'gifts.report')
  const actor = ctx.actor
  const out = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [before] = await tx.select().from(giftsReports).where(and(eq(giftsReports.fiscalYear, fy), eq(giftsReports.half, half))).for('update')
    if (before?.status === 'published') throw new AppError('conflict', 409, msg('report.alreadyPublished'))
    if (input.publish && !ended(fy, half)) throw new AppError('conflict', 409, msg('report.notEnded'))
    const set: Partial<typeof giftsReports.$inferInsert> = { note: input.note, responsible: before?.responsible ?? actor.userId }
    if (input.publish) {
      const round = await roundStatusIn(tx, fy, half)
      Object.assign(set, { status: 'published', summary: summarize(await halfGifts(tx, fy, half), round), publishedAt: new Date() })
    } else if (before?.status === 'withdrawn') set.status = 'draft'
    const row = await upsertReport(tx, ctx.orgId, fy, half, set)
    if (input.publish) await closeDeadline(tx, reportDeadlineKey(ctx.orgId, fy, half))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: input.publish ? 'gifts.report_publish' : 'gifts.report_save', entityType: 'gifts_report', entityId: row.id, requestId: ctx.requestId, details: { fiscalYear: fy, half, summary: row.summary } })
    return row
  })
  if (input.publish) invalidatePublicCache(ctx.orgId)
  return out
}

/** Withdraws a published report (it is never deleted): the public page stops showing it, the register opens again. */
export async function withdrawReport(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2): Promise<void> {
  assertCan(ctx.actor, 'gifts.report')
  const actor = ctx.actor
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [before] = await tx.select().from(giftsReports).where(and(eq(giftsReports.fiscalYear, fy), eq(giftsReports.half, half))).for('update')
    if (before?.status !== 'published') throw new AppError('conflict', 409, msg('report.notPublished'))
    await tx.update(giftsReports).set({ status: 'withdrawn', updatedAt: sql`now()` }).where(eq(giftsReports.id, before.id))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.report_withdraw', entityType: 'gifts_report', entityId: before.id, requestId: ctx.requestId, details: { fiscalYear: fy, half } })
  })
  invalidatePublicCache(ctx.orgId)
}

export type PublicHalf = { id: string; fiscalYear: number; half: 1 | 2; note: string; summary: ReportSummary; publishedAt: Date }

/** The published reports of an agency: public data (counts only), no permission needed. */
export async function publishedReports(db: Db, orgId: string): Promise<PublicHalf[]> {
  const rows = await inOrg(db, orgId, (tx) =>
    tx
      .select({ id: giftsReports.id, fiscalYear: giftsReports.fiscalYear, half: giftsReports.half, note: giftsReports.note, summary: giftsReports.summary, publishedAt: giftsReports.publishedAt })
      .from(giftsReports)
      .where(eq(giftsReports.status, 'published'))
      .orderBy(desc(giftsReports.fiscalYear), desc(giftsReports.half))
      .limit(100),
  )
  return rows.filter((r) => r.summary && r.publishedAt).map((r) => ({ ...r, summary: r.summary!, publishedAt: r.publishedAt! }))
}
