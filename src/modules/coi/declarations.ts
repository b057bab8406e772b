import { and, asc, count, desc, eq, ilike, inArray, lte, ne, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError, type Localized } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { closeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { peopleFor, personById, personOfUser, type Person } from '../../platform/people/directory.js'
import { people, personUnits } from '../../platform/people/people.schema.js'
import { fiscalYearOf, fiscalYearRange } from '../../platform/thai/index.js'
import { coiT, type CoiKey } from './coi.i18n.js'
import { coiDeclarations, coiInterests, coiRounds, type Committee, type CommitteeRole, type Declaration, type DeclarationKind, type DeclarationStatus, type DeclarationVia, type InterestRow } from './coi.schema.js'
import { normalizeJuristicId, type DeclaredInterest, type InterestKind, type Relation } from './matcher.js'

// Declarations of interest: filed by the person (or recorded from paper by an officer), reviewed by
// the executive, superseded by the next one the person files. Personal data: every read is audited.

export const PAGE_SIZE = 20
export const INTEREST_ROWS = 4
const msg = (key: CoiKey, params?: Record<string, string | number>): Localized => ({ th: coiT('th', key, params), en: coiT('en', key, params) })

export type InterestInput = { kind: InterestKind; relation: Relation; holderName: string; partyName: string; juristicId: string | null; detail: string }
export type DeclarationInput = {
  kind: DeclarationKind
  declaredOn: string
  committee: Committee | null
  committeeRole: CommitteeRole | null
  project: string | null
  bidders: string
  noInterest: boolean
  note: string
  interests: InterestInput[]
}
export type DeclarationView = Declaration & { person: Pick<Person, 'id' | 'fullName' | 'position' | 'userId'>; interests: InterestRow[] }

type ActorOf = NonNullable<OrgUseCaseCtx['actor']>
const audit = (tx: Tx, ctx: OrgUseCaseCtx, actor: ActorOf, action: string, entityId: string | null, details: Record<string, unknown>) =>
  appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action, entityType: 'coi_declaration', entityId, requestId: ctx.requestId, details })

/** Checks what the form schema cannot: the committee fields of an appointment, each interest row, a statement either way. */
export function checkInput(input: DeclarationInput): void {
  const errors: Record<string, Localized> = {}
  if (input.kind === 'appointment') {
    if (!input.committee) errors.committee = msg('v.committee')
    if (!input.committeeRole) errors.committeeRole = msg('v.committeeRole')
    if (!input.project) errors.project = msg('v.project')
  }
  if (input.interests.length === 0 && !input.noInterest) errors.noInterest = msg('v.statement')
  if (input.interests.length > 0 && input.noInterest) errors.noInterest = msg('v.statementBoth')
  if (Object.keys(errors).length) throw new InputError(errors)
}

const ANNUAL = 'annual'
const annualKey = (orgId: string, fy: number, personId: string) => ({ orgId, module: 'coi', kind: ANNUAL, ref: `${fy}:${personId}` })
const moreKey = (orgId: string, id: string) => ({ orgId, module: 'coi', kind: 'more_info', ref: id })

/** Who files a declaration, for its row and its audit entry: an account, or a single-use link (no account). */
export type FiledBy = { orgId: string; requestId: string | null; userId: string | null; label: string | null; via: DeclarationVia }
const byActor = (ctx: OrgUseCaseCtx, actor: ActorOf, via: DeclarationVia): FiledBy => ({ orgId: ctx.orgId, requestId: ctx.requestId ?? null, userId: actor.userId, label: actor.email, via })

/** Files a declaration for a person in the caller's transaction: closes their annual and "more information" to-do items; audited. */
export async function insertDeclaration(tx: Tx, by: FiledBy, person: Person, input: DeclarationInput): Promise<Declaration> {
  const { orgId, via } = by
  const fiscalYear = fiscalYearOf(input.declaredOn)
  const appointment = input.kind === 'appointment'
  const [row] = await tx
    .insert(coiDeclarations)
    .values({
      orgId, personId: person.id, kind: input.kind, fiscalYear, declaredOn: input.declaredOn,
      committee: appointment ? input.committee : null, committeeRole: appointment ? input.committeeRole : null, project: appointment ? input.project : null,
      bidders: appointment ? input.bidders : '', noInterest: input.noInterest, note: input.note, via, createdBy: by.userId,
    })
    .returning()
  if (input.interests.length)
    await tx.insert(coiInterests).values(input.interests.map((i, position) => ({ orgId, declarationId: row!.id, position, ...i, juristicId: normalizeJuristicId(i.juristicId) })))
  // A new declaration answers the year's annual round and any "more information" asked of earlier ones.
  if (input.kind !== 'appointment') {
    await closeDeadline(tx, annualKey(orgId, fiscalYear, person.id))
    await syncRoundDeadline(tx, orgId, fiscalYear)
  }
  const asked = await tx.select({ id: coiDeclarations.id }).from(coiDeclarations).where(and(eq(coiDeclarations.personId, person.id), eq(coiDeclarations.status, 'more_info')))
  for (const a of asked) await closeDeadline(tx, moreKey(orgId, a.id))
  await appendAudit(tx, { orgId, actorUserId: by.userId, actorLabel: by.label, action: 'coi.declare', entityType: 'coi_declaration', entityId: row!.id, requestId: by.requestId, details: { personId: person.id, kind: input.kind, fiscalYear, interests: input.interests.length, via } })
  return row!
}

/** The signed-in person files a declaration of their own. */
export async function fileOwnDeclaration(ctx: OrgUseCaseCtx, input: DeclarationInput): Promise<Declaration> {
  assertCan(ctx.actor, 'coi.self')
  const actor = ctx.actor
  checkInput(input)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const me = await personOfUser(tx, actor.userId)
    if (!me) throw new AppError('conflict', 409, msg('mine.noPerson'))
    return insertDeclaration(tx, byActor(ctx, actor, 'self'), me, input)
  })
}

/** An officer records a declaration a person signed on paper. */
export async function recordDeclarationFor(ctx: OrgUseCaseCtx, personId: string, input: DeclarationInput): Promise<Declaration> {
  assertCan(ctx.actor, 'coi.manage')
  const actor = ctx.actor
  checkInput(input)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const person = await personById(tx, personId)
    if (!person) throw new AppError('not_found', 404)
    return insertDeclaration(tx, byActor(ctx, actor, 'officer'), person, input)
  })
}

/** The person a form is for (officer route), without reading any declaration. */
export async function declarantOf(ctx: OrgUseCaseCtx, personId: string): Promise<Person> {
  assertCan(ctx.actor, 'coi.manage')
  if (!isUuid(personId)) throw new AppError('not_found', 404)
  const p = await inOrg(ctx.db, ctx.orgId, (tx) => personById(tx, personId))
  if (!p) throw new AppError('not_found', 404)
  return p
}

async function loadView(tx: Tx, id: string): Promise<DeclarationView | null> {
  const [row] = await tx.select({ d: coiDeclarations, p: { id: people.id, fullName: people.fullName, position: people.position, userId: people.userId } }).from(coiDeclarations).innerJoin(people, and(eq(people.orgId, coiDeclarations.orgId), eq(people.id, coiDeclarations.personId))).where(eq(coiDeclarations.id, id))
  if (!row) return null
  const interests = await tx.select().from(coiInterests).where(eq(coiInterests.declarationId, id)).orderBy(asc(coiInterests.position))
  return { ...row.d, person: row.p, interests }
}

/** Who may open a declaration: its declarant, and holders of coi.register. Anyone else gets 404 (not even its existence). */
const mayRead = (actor: ActorOf, d: DeclarationView) => d.person.userId === actor.userId || actor.permissions.has('coi.register')

/** One declaration with its interests; the read is audited. */
export async function getDeclaration(ctx: OrgUseCaseCtx, id: string): Promise<DeclarationView> {
  assertCan(ctx.actor, 'coi.self')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const d = await loadView(tx, id)
    if (!d || !mayRead(actor, d)) throw new AppError('not_found', 404)
    await audit(tx, ctx, actor, 'coi.read', id, { personId: d.personId })
    return d
  })
}

export type RegisterFilter = { q?: string | undefined; fiscalYear: number; unitId?: string | undefined; status?: DeclarationStatus | undefined; kind?: DeclarationKind | undefined; page: number }
export type RegisterRow = Pick<Declaration, 'id' | 'kind' | 'declaredOn' | 'status' | 'project' | 'noInterest' | 'via'> & { personName: string; position: string | null; interests: number }
export type Missing = Pick<Person, 'id' | 'fullName' | 'position'>
export type RegisterPage = { rows: RegisterRow[]; total: number; page: number; pages: number; missing: Missing[]; people: number; dueOn: string | null }

/** The register the executive sees: declarations of a fiscal year (search, unit, status, kind, pages) and who has not declared. Audited. */
export async function listRegister(ctx: OrgUseCaseCtx, f: RegisterFilter): Promise<RegisterPage> {
  assertCan(ctx.actor, 'coi.register')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = [eq(coiDeclarations.fiscalYear, f.fiscalYear)]
    if (f.q) where.push(ilike(people.fullName, `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`))
    if (f.unitId && isUuid(f.unitId)) where.push(inArray(coiDeclarations.personId, tx.select({ id: personUnits.personId }).from(personUnits).where(eq(personUnits.unitId, f.unitId))))
    if (f.status) where.push(eq(coiDeclarations.status, f.status))
    if (f.kind) where.push(eq(coiDeclarations.kind, f.kind))
    const from = () => tx.select({ n: count() }).from(coiDeclarations).innerJoin(people, and(eq(people.orgId, coiDeclarations.orgId), eq(people.id, coiDeclarations.personId)))
    const [{ n } = { n: 0 }] = await from().where(and(...where))
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(Math.max(1, f.page), pages)
    const rows = await tx
      .select({ id: coiDeclarations.id, kind: coiDeclarations.kind, declaredOn: coiDeclarations.declaredOn, status: coiDeclarations.status, project: coiDeclarations.project, noInterest: coiDeclarations.noInterest, via: coiDeclarations.via, personName: people.fullName, position: people.position, interests: sql<number>`(SELECT count(*)::int FROM coi_interests i WHERE i.org_id = ${coiDeclarations.orgId} AND i.declaration_id = ${coiDeclarations.id})` })
      .from(coiDeclarations)
      .innerJoin(people, and(eq(people.orgId, coiDeclarations.orgId), eq(people.id, coiDeclarations.personId)))
      .where(and(...where))
      .orderBy(desc(coiDeclarations.declaredOn), asc(people.fullName), coiDeclarations.id)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
    const { everyone, missing } = await missingIn(tx, f.fiscalYear, f.unitId)
    const [round] = await tx.select().from(coiRounds).where(eq(coiRounds.fiscalYear, f.fiscalYear))
    await audit(tx, ctx, actor, 'coi.register.read', null, { fiscalYear: f.fiscalYear, q: f.q ?? null, unitId: f.unitId ?? null, status: f.status ?? null, kind: f.kind ?? null, page })
    return { rows, total: n, page, pages, missing, people: everyone, dueOn: round?.dueOn ?? null }
  })
}

/** Everyone who must declare in a fiscal year (active at its end or today, whichever is earlier) and has no annual or change declaration in it. */
export async function missingIn(tx: Tx, fiscalYear: number, unitId?: string): Promise<{ everyone: number; missing: Missing[] }> {
  const range = fiscalYearRange(fiscalYear)
  const today = new Date().toISOString().slice(0, 10)
  const on = range.end < today ? range.end : today < range.start ? range.start : today
  const all = await peopleFor(tx, unitId && isUuid(unitId) ? { unitIds: [unitId] } : { all: true }, { on })
  const filed = await tx.selectDistinct({ id: coiDeclarations.personId }).from(coiDeclarations).where(and(eq(coiDeclarations.fiscalYear, fiscalYear), ne(coiDeclarations.kind, 'appointment'), ne(coiDeclarations.status, 'withdrawn')))
  const done = new Set(filed.map((r) => r.id))
  return { everyone: all.length, missing: all.filter((p) => !done.has(p.id)).map((p) => ({ id: p.id, fullName: p.fullName, position: p.position })) }
}

/** The signed-in person's own declarations, newest first (null when the account is not linked to a person). Audited. */
export async function myDeclarations(ctx: OrgUseCaseCtx): Promise<{ person: Person; rows: Declaration[] } | null> {
  assertCan(ctx.actor, 'coi.self')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const me = await personOfUser(tx, actor.userId)
    if (!me) return null
    const rows = await tx.select().from(coiDeclarations).where(eq(coiDeclarations.personId, me.id)).orderBy(desc(coiDeclarations.declaredOn), desc(coiDeclarations.createdAt)).limit(200)
    await audit(tx, ctx, actor, 'coi.mine.read', null, { personId: me.id, count: rows.length })
    return { person: me, rows }
  })
}

/** The interests of one's latest declaration, to start an update from. */
export async function latestOwnInterests(ctx: OrgUseCaseCtx): Promise<InterestRow[]> {
  assertCan(ctx.actor, 'coi.self')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const me = await personOfUser(tx, actor.userId)
    if (!me) return []
    const [last] = await tx.select({ id: coiDeclarations.id }).from(coiDeclarations).where(and(eq(coiDeclarations.personId, me.id), ne(coiDeclarations.status, 'withdrawn'))).orderBy(desc(coiDeclarations.declaredOn), desc(coiDeclarations.createdAt)).limit(1)
    return last ? tx.select().from(coiInterests).where(eq(coiInterests.declarationId, last.id)).orderBy(asc(coiInterests.position)) : []
  })
}

/** The executive acknowledges a declaration, or asks for more (a note, and a to-do item for the declarant). */
export async function reviewDeclaration(ctx: OrgUseCaseCtx, id: string, r: { decision: 'acknowledged' | 'more_info'; note: string }): Promise<Declaration> {
  assertCan(ctx.actor, 'coi.review')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  if (r.decision === 'more_info' && !r.note) throw new InputError({ reviewNote: msg('v.reviewNote') })
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const d = await loadView(tx, id)
    if (!d) throw new AppError('not_found', 404)
    if (d.status === 'withdrawn') throw new AppError('conflict', 409, msg('review.withdrawn'))
    const [row] = await tx.update(coiDeclarations).set({ status: r.decision, reviewNote: r.note, reviewedBy: actor.userId, reviewedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(coiDeclarations.id, id)).returning()
    if (r.decision === 'more_info' && d.person.userId) {
      const title = { th: coiT('th', 'deadline.more'), en: coiT('en', 'deadline.more') }
      const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
      await setDeadline(tx, { ...moreKey(ctx.orgId, id), title, href: `/coi/declare?kind=change`, dueOn: due, assigneeUserIds: [d.person.userId], visibleTo: 'coi.register' })
    } else await closeDeadline(tx, moreKey(ctx.orgId, id))
    await audit(tx, ctx, actor, 'coi.review', id, { decision: r.decision, from: d.status })
    return row!
  })
}

/**
 * Removes a mistake: a declaration not yet reviewed is deleted (by its declarant or an officer);
 * one the executive has reviewed is withdrawn instead and stays on record.
 */
export async function removeDeclaration(ctx: OrgUseCaseCtx, id: string): Promise<'deleted' | 'withdrawn'> {
  assertCan(ctx.actor, 'coi.self')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const d = await loadView(tx, id)
    if (!d || !mayRead(actor, d)) throw new AppError('not_found', 404)
    const own = d.person.userId === actor.userId
    if (!own && !actor.permissions.has('coi.manage')) throw new AppError('forbidden', 403)
    if (d.status === 'withdrawn') throw new AppError('conflict', 409, msg('delete.already'))
    if (d.status === 'submitted') {
      await tx.delete(coiDeclarations).where(eq(coiDeclarations.id, id))
      await closeDeadline(tx, moreKey(ctx.orgId, id))
      await syncRoundDeadline(tx, ctx.orgId, d.fiscalYear)
      await audit(tx, ctx, actor, 'coi.delete', id, { personId: d.personId, kind: d.kind, fiscalYear: d.fiscalYear })
      return 'deleted'
    }
    await tx.update(coiDeclarations).set({ status: 'withdrawn', updatedAt: sql`now()` }).where(eq(coiDeclarations.id, id))
    await closeDeadline(tx, moreKey(ctx.orgId, id))
    await syncRoundDeadline(tx, ctx.orgId, d.fiscalYear)
    await audit(tx, ctx, actor, 'coi.withdraw', id, { personId: d.personId, from: d.status })
    return 'withdrawn'
  })
}

const roundKey = (orgId: string, fy: number) => ({ orgId, module: 'coi', kind: 'round', ref: String(fy) })

/** The officer who opened a round follows up who has not declared until nobody is left (a to-do item with the count). */
async function syncRoundDeadline(tx: Tx, orgId: string, fiscalYear: number): Promise<void> {
  const [round] = await tx.select().from(coiRounds).where(eq(coiRounds.fiscalYear, fiscalYear))
  if (!round) return
  const { missing } = await missingIn(tx, fiscalYear)
  if (missing.length === 0) return closeDeadline(tx, roundKey(orgId, fiscalYear))
  const params = { year: fiscalYear, count: missing.length }
  await setDeadline(tx, { ...roundKey(orgId, fiscalYear), title: { th: coiT('th', 'deadline.round', params), en: coiT('en', 'deadline.round', params) }, href: `/coi?fy=${fiscalYear}`, dueOn: round.dueOn, assigneeUserIds: round.openedBy ? [round.openedBy] : [], visibleTo: 'coi.register' })
}

/** Opens a fiscal year's annual round: a due date, and a to-do item for everyone with an account who has not declared. */
export async function openRound(ctx: OrgUseCaseCtx, fiscalYear: number, dueOn: string): Promise<number> {
  assertCan(ctx.actor, 'coi.manage')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await tx.insert(coiRounds).values({ orgId: ctx.orgId, fiscalYear, dueOn, openedBy: actor.userId }).onConflictDoUpdate({ target: [coiRounds.orgId, coiRounds.fiscalYear], set: { dueOn, openedBy: actor.userId, openedAt: sql`now()` } })
    const { missing } = await missingIn(tx, fiscalYear)
    const withAccount = missing.length ? await tx.select({ id: people.id, userId: people.userId }).from(people).where(inArray(people.id, missing.map((m) => m.id))) : []
    let n = 0
    for (const p of withAccount) {
      if (!p.userId) continue
      await setDeadline(tx, { ...annualKey(ctx.orgId, fiscalYear, p.id), title: { th: coiT('th', 'deadline.annual', { year: fiscalYear }), en: coiT('en', 'deadline.annual', { year: fiscalYear }) }, href: '/coi/declare', dueOn, assigneeUserIds: [p.userId], visibleTo: 'coi.register' })
      n++
    }
    await syncRoundDeadline(tx, ctx.orgId, fiscalYear)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'coi.round', entityType: 'coi_round', entityId: null, requestId: ctx.requestId, details: { fiscalYear, dueOn, reminded: n } })
    return n
  })
}

/**
 * The read API for procurement: each person's interests as of a day — those of their latest
 * declaration filed on or before it that is not withdrawn (every declaration states all current interests).
 */
export async function declaredInterests(db: Db, orgId: string, personIds: readonly string[], at: string): Promise<DeclaredInterest[]> {
  const ids = personIds.filter(isUuid)
  if (!ids.length) return []
  return inOrg(db, orgId, (tx) => interestsIn(tx, ids, at))
}

export async function interestsIn(tx: Tx, personIds: readonly string[], at: string): Promise<DeclaredInterest[]> {
  if (!personIds.length) return []
  const latest = await tx
    .selectDistinctOn([coiDeclarations.personId], { id: coiDeclarations.id, personId: coiDeclarations.personId })
    .from(coiDeclarations)
    .where(and(inArray(coiDeclarations.personId, [...personIds]), lte(coiDeclarations.declaredOn, at), ne(coiDeclarations.status, 'withdrawn')))
    .orderBy(coiDeclarations.personId, desc(coiDeclarations.declaredOn), desc(coiDeclarations.createdAt))
  if (!latest.length) return []
  const personOf = new Map(latest.map((l) => [l.id, l.personId]))
  const rows = await tx.select().from(coiInterests).where(inArray(coiInterests.declarationId, latest.map((l) => l.id))).orderBy(asc(coiInterests.declarationId), asc(coiInterests.position))
  return rows.map((r) => ({ personId: personOf.get(r.declarationId)!, declarationId: r.declarationId, kind: r.kind, relation: r.relation, holderName: r.holderName, partyName: r.partyName, juristicId: r.juristicId, detail: r.detail }))
}

/** The fiscal years the register offers: those with declarations, and the current one. */
export async function declarationYears(ctx: OrgUseCaseCtx, current: number): Promise<{ years: number[]; latest: number }> {
  assertCan(ctx.actor, 'coi.register')
  const rows = await inOrg(ctx.db, ctx.orgId, (tx) => tx.selectDistinct({ y: coiDeclarations.fiscalYear }).from(coiDeclarations))
  const withData = rows.map((r) => r.y).filter((y) => y <= current)
  return { years: [...new Set([current, ...rows.map((r) => r.y)])].sort((a, b) => b - a), latest: withData.length ? Math.max(...withData) : current }
}
