import { and, count, eq, inArray } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { peopleFor, personById, personOfUser, type Person } from '../../platform/people/directory.js'
import { issuePersonLinks, openPersonLink, redeemPersonLink } from '../../platform/people/person-links.js'
import { closeDeadline, setDeadline, type DeadlineKey } from '../../platform/deadlines/deadlines.service.js'
import { currentFiscalHalf, fiscalHalfRange, toIsoDate, todayInBangkok, type FiscalHalf } from '../../platform/thai/index.js'
import { giftsNilReturns, giftsRecords, giftsReports, type NilReturn } from './gifts.schema.js'
import { giftsT } from './gifts.i18n.js'
import { respondentKinds, roundDueDates } from './rules.js'

// Nil returns ("ไม่ได้รับ"): each respondent answers each half-year either by having gifts on the
// register or by filing a nil return — signed in, through a single-use link (people without an
// account), or on paper entered by the officer. Opening a round makes the answers deadlines.

export const NIL_LINK = 'gifts.nil' as const
const msg = (key: Parameters<typeof giftsT>[1], params?: Record<string, string | number>) => ({ th: giftsT('th', key, params), en: giftsT('en', key, params) })

export const halfRef = (fy: number, half: 1 | 2) => `${fy}-${half}`
export function parseHalfRef(ref: string): FiscalHalf | null {
  const m = /^(\d{4})-([12])$/.exec(ref)
  return m ? { fiscalYear: Number(m[1]), half: Number(m[2]) as 1 | 2 } : null
}
export const nilDeadlineKey = (orgId: string, fy: number, half: 1 | 2, personId: string): DeadlineKey => ({ orgId, module: 'gifts', kind: 'nil', ref: `${halfRef(fy, half)}:${personId}` })
export const reportDeadlineKey = (orgId: string, fy: number, half: 1 | 2): DeadlineKey => ({ orgId, module: 'gifts', kind: 'report6m', ref: halfRef(fy, half) })

/** A half can be answered once it has begun (Bangkok time); a future half cannot. */
export function halfHasBegun(fy: number, half: 1 | 2, today = toIsoDate(todayInBangkok())): boolean {
  return fiscalHalfRange(fy, half).start <= today
}

export type RespondentStatus = { person: Person; answer: 'nil' | 'gifts' | 'none'; nil: NilReturn | null; gifts: number }
export type RoundStatus = { fiscalYear: number; half: 1 | 2; respondents: RespondentStatus[]; nil: number; withGifts: number; unanswered: number }

/** The people asked for the half: the rule's kinds, active at the end of the half (or today, if sooner). */
export async function respondentsOf(tx: Tx, fy: number, half: 1 | 2): Promise<Person[]> {
  const today = toIsoDate(todayInBangkok())
  const end = fiscalHalfRange(fy, half).end
  return peopleFor(tx, { all: true, kinds: respondentKinds(fy) }, { on: end < today ? end : today })
}

export async function roundStatusIn(tx: Tx, fy: number, half: 1 | 2): Promise<RoundStatus> {
  const list = await respondentsOf(tx, fy, half)
  const ids = list.map((p) => p.id)
  const nils = ids.length ? await tx.select().from(giftsNilReturns).where(and(eq(giftsNilReturns.fiscalYear, fy), eq(giftsNilReturns.half, half), inArray(giftsNilReturns.personId, ids))) : []
  const gifts = ids.length
    ? await tx
        .select({ personId: giftsRecords.personId, n: count() })
        .from(giftsRecords)
        .where(and(eq(giftsRecords.fiscalYear, fy), eq(giftsRecords.half, half), inArray(giftsRecords.personId, ids)))
        .groupBy(giftsRecords.personId)
    : []
  const nilOf = new Map(nils.map((n) => [n.personId, n]))
  const giftsOf = new Map(gifts.map((g) => [g.personId, g.n]))
  const respondents = list.map((person): RespondentStatus => {
    const g = giftsOf.get(person.id) ?? 0
    const nil = nilOf.get(person.id) ?? null
    return { person, nil, gifts: g, answer: g > 0 ? 'gifts' : nil ? 'nil' : 'none' }
  })
  return {
    fiscalYear: fy,
    half,
    respondents,
    nil: respondents.filter((r) => r.answer === 'nil').length,
    withGifts: respondents.filter((r) => r.answer === 'gifts').length,
    unanswered: respondents.filter((r) => r.answer === 'none').length,
  }
}

export async function roundStatus(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2): Promise<RoundStatus> {
  assertCan(ctx.actor, 'gifts.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => roundStatusIn(tx, fy, half))
}

/** Records a nil return in the caller's transaction (idempotent) and ends the person's deadline. */
async function recordNil(tx: Tx, orgId: string, personId: string, fy: number, half: 1 | 2, via: NilReturn['via'], filedBy: string | null): Promise<boolean> {
  if (!halfHasBegun(fy, half)) throw new InputError({ half: msg('v.halfFuture') })
  const [g] = await tx.select({ n: count() }).from(giftsRecords).where(and(eq(giftsRecords.personId, personId), eq(giftsRecords.fiscalYear, fy), eq(giftsRecords.half, half)))
  if ((g?.n ?? 0) > 0) throw new AppError('conflict', 409, msg('nil.hasGifts'))
  const inserted = await tx.insert(giftsNilReturns).values({ orgId, personId, fiscalYear: fy, half, via, filedBy }).onConflictDoNothing().returning()
  await closeDeadline(tx, nilDeadlineKey(orgId, fy, half, personId))
  return inserted.length > 0
}

/** The signed-in person files "ไม่ได้รับ" for a half. */
export async function fileOwnNilReturn(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2): Promise<void> {
  assertCan(ctx.actor, 'gifts.self')
  const actor = ctx.actor
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const me = await personOfUser(tx, actor.userId)
    if (!me) throw new AppError('conflict', 409, msg('mine.noPerson'))
    const created = await recordNil(tx, ctx.orgId, me.id, fy, half, 'account', actor.userId)
    if (created) await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.nil_return', entityType: 'person', entityId: me.id, requestId: ctx.requestId, details: { fiscalYear: fy, half, via: 'account' } })
  })
}

/** The officer enters a nil return handed in on paper. */
export async function fileNilReturnFor(ctx: OrgUseCaseCtx, personId: string, fy: number, half: 1 | 2): Promise<string> {
  assertCan(ctx.actor, 'gifts.edit')
  const actor = ctx.actor
  if (!isUuid(personId)) throw new InputError({ personId: msg('v.person') })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const person = await personById(tx, personId)
    if (!person) throw new InputError({ personId: msg('v.person') })
    const created = await recordNil(tx, ctx.orgId, personId, fy, half, 'officer', actor.userId)
    if (created) await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.nil_return', entityType: 'person', entityId: personId, requestId: ctx.requestId, details: { fiscalYear: fy, half, via: 'officer' } })
    return person.fullName
  })
}

export type LinkView = { personName: string; fiscalYear: number; half: 1 | 2 }

/** What a single-use link opens (for the form), or null when it is used, expired or unknown. */
export async function openNilLink(db: Db, orgId: string, token: string): Promise<LinkView | null> {
  return inOrg(db, orgId, async (tx) => {
    const link = await openPersonLink(tx, token, NIL_LINK)
    const h = link && parseHalfRef(link.ref)
    const person = link && (await personById(tx, link.personId))
    return h && person ? { personName: person.fullName, ...h } : null
  })
}

/** Files the nil return a link is for, using the link in the same transaction (a second submit gets null). */
export async function fileNilReturnByLink(db: Db, orgId: string, token: string, requestId: string): Promise<LinkView | null> {
  return inOrg(db, orgId, async (tx) => {
    const link = await redeemPersonLink(tx, token, NIL_LINK)
    const h = link && parseHalfRef(link.ref)
    const person = link && (await personById(tx, link.personId))
    if (!link || !h || !person) return null
    await recordNil(tx, orgId, person.id, h.fiscalYear, h.half, 'link', null)
    await appendAudit(tx, { orgId, actorLabel: `link:${link.id}`, action: 'gifts.nil_return', entityType: 'person', entityId: person.id, requestId, details: { fiscalYear: h.fiscalYear, half: h.half, via: 'link' } })
    return { personName: person.fullName, ...h }
  })
}

/**
 * Opens a half's round: every respondent with an account who has not answered gets a deadline,
 * and the six-monthly report (a draft, made if missing) is the opener's deadline.
 */
export async function openRound(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2): Promise<{ assigned: number }> {
  assertCan(ctx.actor, 'gifts.report')
  const actor = ctx.actor
  const due = roundDueDates(fy, half)
  if (!due) throw new AppError('conflict', 409, msg('round.noRule', { year: fy }))
  if (!halfHasBegun(fy, half)) throw new AppError('conflict', 409, msg('v.halfFuture'))
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const status = await roundStatusIn(tx, fy, half)
    let assigned = 0
    for (const r of status.respondents) {
      const key = nilDeadlineKey(ctx.orgId, fy, half, r.person.id)
      if (r.answer !== 'none' || !r.person.userId) {
        await closeDeadline(tx, key)
        continue
      }
      await setDeadline(tx, { ...key, title: msg('deadline.nil', { half, year: fy }), href: '/gifts/mine', dueOn: due.nilReturns, assigneeUserIds: [r.person.userId], visibleTo: 'gifts.read' })
      assigned++
    }
    const [report] = await tx
      .insert(giftsReports)
      .values({ orgId: ctx.orgId, fiscalYear: fy, half, responsible: actor.userId })
      .onConflictDoUpdate({ target: [giftsReports.orgId, giftsReports.fiscalYear, giftsReports.half], set: { responsible: actor.userId } })
      .returning()
    if (report!.status !== 'published') await setDeadline(tx, { ...reportDeadlineKey(ctx.orgId, fy, half), title: msg('deadline.report6m', { half, year: fy }), href: `/gifts/reports/${fy}/${half}`, dueOn: due.report, assigneeUserIds: [actor.userId], visibleTo: 'gifts.read' })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.round_open', entityType: 'gifts_report', entityId: report!.id, requestId: ctx.requestId, details: { fiscalYear: fy, half, assigned, nilDue: due.nilReturns, reportDue: due.report } })
    return { assigned }
  })
}

export type IssuedSheet = { personName: string; position: string | null; token: string }[]

/** Single-use links for the respondents without an account who have not answered (earlier unused links stop working). */
export async function issueNilLinks(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2): Promise<IssuedSheet> {
  assertCan(ctx.actor, 'gifts.report')
  const actor = ctx.actor
  if (!halfHasBegun(fy, half)) throw new AppError('conflict', 409, msg('v.halfFuture'))
  const due = roundDueDates(fy, half)
  // Links live until 60 days after the due date (or 90 days from now without a rule), never less than 30 days.
  const until = Math.max(Date.now() + 30 * 86_400_000, due ? Date.parse(`${due.nilReturns}T23:59:59+07:00`) + 60 * 86_400_000 : Date.now() + 90 * 86_400_000)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const status = await roundStatusIn(tx, fy, half)
    const targets = status.respondents.filter((r) => r.answer === 'none' && !r.person.userId).map((r) => r.person)
    const links = await issuePersonLinks(tx, { orgId: ctx.orgId, purpose: NIL_LINK, ref: halfRef(fy, half), personIds: targets.map((p) => p.id), expiresAt: new Date(until) })
    const byId = new Map(targets.map((p) => [p.id, p]))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.links_issue', entityType: 'gifts_round', entityId: null, requestId: ctx.requestId, details: { fiscalYear: fy, half, count: links.length } })
    return links.map((l) => ({ personName: byId.get(l.personId)!.fullName, position: byId.get(l.personId)!.position, token: l.token }))
  })
}

export type MyHalf = { fiscalYear: number; half: 1 | 2; answer: 'nil' | 'gifts' | 'none'; gifts: number; filedAt: Date | null }

/** The signed-in person's answers for the current and the previous half (null when the account has no person). */
export async function myReturns(ctx: OrgUseCaseCtx): Promise<{ personName: string; halves: MyHalf[] } | null> {
  assertCan(ctx.actor, 'gifts.self')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const me = await personOfUser(tx, actor.userId)
    if (!me) return null
    const cur = currentFiscalHalf()
    const prev: FiscalHalf = cur.half === 2 ? { fiscalYear: cur.fiscalYear, half: 1 } : { fiscalYear: cur.fiscalYear - 1, half: 2 }
    const halves: MyHalf[] = []
    for (const h of [prev, cur]) {
      const [nil] = await tx.select().from(giftsNilReturns).where(and(eq(giftsNilReturns.personId, me.id), eq(giftsNilReturns.fiscalYear, h.fiscalYear), eq(giftsNilReturns.half, h.half)))
      const [g] = await tx.select({ n: count() }).from(giftsRecords).where(and(eq(giftsRecords.personId, me.id), eq(giftsRecords.fiscalYear, h.fiscalYear), eq(giftsRecords.half, h.half)))
      halves.push({ ...h, answer: (g?.n ?? 0) > 0 ? 'gifts' : nil ? 'nil' : 'none', gifts: g?.n ?? 0, filedAt: nil?.filedAt ?? null })
    }
    return { personName: me.fullName, halves }
  })
}
