import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { InputError } from '../../platform/http/errors.js'
import { closeDeadline, removeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { fiscalYearOf, sortThai } from '../../platform/thai/index.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { sessions, SESSION_STATUSES, type Session, type SessionStatus } from './trainings.schema.js'
import type { SessionInput } from './forms.js'
import { REPORT_DAYS_AFTER } from './rules.js'
import { audit, both, conflict, likePattern, lockSession, notFound, sessionIn } from './shared.js'

export const PAGE_SIZE = 20
export { SESSION_STATUSES }

export type SessionFilter = { q?: string | undefined; fiscalYear?: number | undefined; status?: SessionStatus | undefined; unitId?: string | undefined; page: number }
export type SessionPage = { rows: (Session & { registered: number; present: number })[]; total: number; page: number; pages: number; years: number[] }

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/**
 * A draft is its maker's task to publish (open the sign-up) by its first day; a published session is
 * their task to write the training report within REPORT_DAYS_AFTER days of its last day (the module's
 * default, unverified), closed when the report is saved.
 */
export async function syncDeadlines(tx: Tx, orgId: string, s: Session): Promise<void> {
  const publish = { orgId, module: 'trainings', kind: 'publish', ref: s.id }
  const report = { orgId, module: 'trainings', kind: 'report', ref: s.id }
  const assigneeUserIds = s.createdBy ? [s.createdBy] : []
  if (s.status === 'draft') await setDeadline(tx, { ...publish, title: both('deadline.publish', { topic: s.topic }), href: `/trainings/${s.id}`, dueOn: s.startsOn, assigneeUserIds })
  else await closeDeadline(tx, publish)
  if (s.status === 'published' && !s.reportedAt) await setDeadline(tx, { ...report, title: both('deadline.report', { topic: s.topic }), href: `/trainings/${s.id}/report`, dueOn: addDays(s.endsOn, REPORT_DAYS_AFTER.value), assigneeUserIds })
  else if (s.reportedAt || s.status === 'withdrawn') await closeDeadline(tx, report)
}

function check(input: SessionInput): void {
  if (input.endsOn < input.startsOn) throw new InputError({ endsOn: both('v.endsBeforeStart') })
  if (input.trainerKind === 'outside' && !input.trainerOrg) throw new InputError({ trainerOrg: both('v.trainerOrg') })
}

/** The unit chosen must be one of the agency's (row-level security hides the others). */
async function checkUnit(tx: Tx, unitId: string | null): Promise<void> {
  if (!unitId) return
  const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId))
  if (!u) throw new InputError({ unitId: both('v.unit') })
}

/** The agency's units, by Thai name, for the form and the list filter. */
export async function unitsOf(ctx: OrgUseCaseCtx): Promise<{ id: string; nameTh: string }[]> {
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select({ id: units.id, nameTh: units.nameTh }).from(units))
  return sortThai(rows, (u) => u.nameTh)
}

export async function listSessions(ctx: OrgUseCaseCtx, f: SessionFilter): Promise<SessionPage> {
  assertCan(ctx.actor, 'trainings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(or(ilike(sessions.topic, likePattern(f.q)), ilike(sessions.trainerName, likePattern(f.q)), ilike(sessions.place, likePattern(f.q)))!)
    if (f.fiscalYear) where.push(eq(sessions.fiscalYear, f.fiscalYear))
    if (f.status) where.push(eq(sessions.status, f.status))
    if (f.unitId) where.push(eq(sessions.unitId, f.unitId))
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(sessions).where(cond)
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx
      .select({
        session: sessions,
        registered: sql<number>`(SELECT count(*)::int FROM trainings_attendees a WHERE a.session_id = trainings_sessions.id)`,
        present: sql<number>`(SELECT count(*)::int FROM trainings_attendees a WHERE a.session_id = trainings_sessions.id AND a.status = 'present')`,
      })
      .from(sessions)
      .where(cond)
      .orderBy(desc(sessions.startsOn), sessions.id)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
    const years = (await tx.selectDistinct({ y: sessions.fiscalYear }).from(sessions).orderBy(desc(sessions.fiscalYear))).map((r) => r.y)
    return { rows: rows.map((r) => ({ ...r.session, registered: r.registered, present: r.present })), total: n, page, pages, years }
  })
}

export async function getSession(ctx: OrgUseCaseCtx, id: string): Promise<Session> {
  assertCan(ctx.actor, 'trainings.read')
  const s = await inOrg(ctx.db, ctx.orgId, (tx) => sessionIn(tx, id))
  if (!s) throw notFound()
  return s
}

export async function createSession(ctx: OrgUseCaseCtx, input: SessionInput): Promise<Session> {
  assertCan(ctx.actor, 'trainings.edit')
  check(input)
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await checkUnit(tx, input.unitId)
    const [s] = await tx.insert(sessions).values({ orgId: ctx.orgId, ...input, fiscalYear: fiscalYearOf(input.startsOn), createdBy: actor.userId }).returning()
    await syncDeadlines(tx, ctx.orgId, s!)
    await audit(tx, ctx, 'create', 'training_session', s!.id, { topic: s!.topic, startsOn: s!.startsOn, fiscalYear: s!.fiscalYear })
    return s!
  })
}

export async function updateSession(ctx: OrgUseCaseCtx, id: string, input: SessionInput): Promise<Session> {
  assertCan(ctx.actor, 'trainings.edit')
  check(input)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockSession(tx, id)
    await checkUnit(tx, input.unitId)
    const [s] = await tx.update(sessions).set({ ...input, fiscalYear: fiscalYearOf(input.startsOn), updatedAt: sql`now()` }).where(eq(sessions.id, id)).returning()
    await syncDeadlines(tx, ctx.orgId, s!)
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof SessionInput] !== v).map(([k, v]) => [k, { from: before[k as keyof SessionInput], to: v }]))
    await audit(tx, ctx, 'update', 'training_session', id, { changed })
    return s!
  })
}

/** Publishes a draft or a withdrawn session: sign-up, check-in and the tests open; it shows on the public page. */
export async function publishSession(ctx: OrgUseCaseCtx, id: string): Promise<Session> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockSession(tx, id)
    if (before.status === 'published') throw conflict('publish.already')
    const [s] = await tx.update(sessions).set({ status: 'published', publishedAt: before.publishedAt ?? sql`now()`, withdrawnAt: null, updatedAt: sql`now()` }).where(eq(sessions.id, id)).returning()
    await syncDeadlines(tx, ctx.orgId, s!)
    await audit(tx, ctx, 'publish', 'training_session', id, { topic: s!.topic })
    return s!
  })
}

/** Withdraws a published session (kept on record, off the public page; everything recorded stays). */
export async function withdrawSession(ctx: OrgUseCaseCtx, id: string): Promise<Session> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockSession(tx, id)
    if (before.status !== 'published') throw conflict('withdraw.notPublished')
    const [s] = await tx.update(sessions).set({ status: 'withdrawn', withdrawnAt: sql`now()`, updatedAt: sql`now()` }).where(eq(sessions.id, id)).returning()
    await syncDeadlines(tx, ctx.orgId, s!)
    await audit(tx, ctx, 'withdraw', 'training_session', id, { topic: s!.topic })
    return s!
  })
}

/** Deletes a session that was never published (a mistake); a published one is withdrawn instead. */
export async function deleteSession(ctx: OrgUseCaseCtx, id: string): Promise<Session> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const s = await lockSession(tx, id)
    if (s.publishedAt) throw conflict('delete.published')
    await tx.delete(sessions).where(eq(sessions.id, id))
    await removeDeadline(tx, { orgId: ctx.orgId, module: 'trainings', kind: 'publish', ref: id })
    await removeDeadline(tx, { orgId: ctx.orgId, module: 'trainings', kind: 'report', ref: id })
    await audit(tx, ctx, 'delete', 'training_session', id, { topic: s.topic, startsOn: s.startsOn })
    return s
  })
}

export type PublicSession = Pick<Session, 'id' | 'topic' | 'detail' | 'startsOn' | 'endsOn' | 'fiscalYear' | 'hours' | 'trainerKind' | 'trainerName' | 'trainerOrg' | 'mode' | 'place' | 'targetGroup'>

/** Published sessions of an agency, newest first: public data, no permission needed. */
export async function publicSessions(db: Db, orgId: string): Promise<PublicSession[]> {
  return inOrg(db, orgId, (tx) =>
    tx
      .select({ id: sessions.id, topic: sessions.topic, detail: sessions.detail, startsOn: sessions.startsOn, endsOn: sessions.endsOn, fiscalYear: sessions.fiscalYear, hours: sessions.hours, trainerKind: sessions.trainerKind, trainerName: sessions.trainerName, trainerOrg: sessions.trainerOrg, mode: sessions.mode, place: sessions.place, targetGroup: sessions.targetGroup })
      .from(sessions)
      .where(eq(sessions.status, 'published'))
      .orderBy(desc(sessions.startsOn))
      .limit(500),
  )
}

export type ReportInput = { summary: string; benefits: string; reporterName: string; reporterPosition: string }

/** What the training report says beyond the records (summary, benefits, the reporter); audited with the old and new text. */
export async function saveReport(ctx: OrgUseCaseCtx, id: string, input: ReportInput): Promise<Session> {
  assertCan(ctx.actor, 'trainings.edit')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockSession(tx, id)
    const [s] = await tx.update(sessions).set({ ...input, reportedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(sessions.id, id)).returning()
    await syncDeadlines(tx, ctx.orgId, s!)
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => before[k as keyof ReportInput] !== v).map(([k, v]) => [k, { from: before[k as keyof ReportInput], to: v }]))
    await audit(tx, ctx, 'report.save', 'training_session', id, { changed })
    return s!
  })
}
