import { and, asc, count, eq, gte, ilike, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import { appendAudit } from '../audit/audit.js'
import { assertCan } from '../auth/permissions.js'
import { users } from '../auth/auth.schema.js'
import { AppError, InputError } from '../http/errors.js'
import type { UseCaseCtx } from '../http/context.js'
import { units } from '../orgs/orgs.schema.js'
import { toIsoDate, todayInBangkok } from '../thai/calendar.js'
import { personById, type Person } from './directory.js'
import { people, personUnits, type PersonKind } from './people.schema.js'

// The staff pages' use cases for the agency's people (platform/people): browse, add, edit, end,
// delete, and set unit heads. Every change is audited in the same transaction.

export const PEOPLE_PAGE_SIZE = 50
export type PeopleStatus = 'active' | 'former' | 'all'
export type PeopleQuery = { q?: string | undefined; unitId?: string | undefined; kind?: PersonKind | undefined; status: PeopleStatus; page: number }

const isUuid = (s: string | undefined): s is string => !!s && /^[0-9a-f-]{36}$/i.test(s)

export async function browsePeople(ctx: UseCaseCtx, q: PeopleQuery): Promise<{ rows: (Person & { account: string | null })[]; total: number }> {
  assertCan(ctx.actor, 'people.read')
  const today = toIsoDate(todayInBangkok())
  const active = and(or(isNull(people.activeFrom), lte(people.activeFrom, today)), or(isNull(people.activeUntil), gte(people.activeUntil, today)))
  const where = and(
    q.q ? ilike(people.fullName, `%${q.q.replace(/[%_\\]/g, '')}%`) : undefined,
    q.kind ? eq(people.kind, q.kind) : undefined,
    isUuid(q.unitId) ? inArray(people.id, ctx.db.select({ id: personUnits.personId }).from(personUnits).where(eq(personUnits.unitId, q.unitId))) : undefined,
    q.status === 'active' ? active : q.status === 'former' ? lt(people.activeUntil, today) : undefined,
  )
  return inOrg(ctx.db, ctx.orgId!, async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(people).where(where)
    const rows = await tx
      .select({ p: people, account: users.email })
      .from(people)
      .leftJoin(users, eq(users.id, people.userId))
      .where(where)
      .orderBy(asc(people.fullName), asc(people.id))
      .limit(PEOPLE_PAGE_SIZE)
      .offset((q.page - 1) * PEOPLE_PAGE_SIZE)
    const links = rows.length ? await tx.select().from(personUnits).where(inArray(personUnits.personId, rows.map((r) => r.p.id))) : []
    return {
      total: n,
      rows: rows.map((r) => ({ ...r.p, account: r.account, unitIds: links.filter((l) => l.personId === r.p.id).map((l) => l.unitId) })),
    }
  })
}

export async function getPerson(ctx: UseCaseCtx, id: string): Promise<Person> {
  assertCan(ctx.actor, 'people.read')
  const p = await inOrg(ctx.db, ctx.orgId!, (tx) => personById(tx, id))
  if (!p) throw new AppError('not_found', 404)
  return p
}

/** Every person of the agency, for pickers (supervisor, unit head); small agencies have dozens, large ones hundreds. */
export async function listPeopleBrief(ctx: UseCaseCtx): Promise<{ id: string; fullName: string; position: string | null; activeUntil: string | null }[]> {
  assertCan(ctx.actor, 'people.read')
  return inOrg(ctx.db, ctx.orgId!, (tx) =>
    tx.select({ id: people.id, fullName: people.fullName, position: people.position, activeUntil: people.activeUntil }).from(people).orderBy(asc(people.fullName)),
  )
}

/** Accounts of the agency with the person each is linked to (if any), for the account picker. */
export async function listAccountsForLinking(ctx: UseCaseCtx): Promise<{ id: string; email: string; displayName: string; personId: string | null }[]> {
  assertCan(ctx.actor, 'people.manage')
  return inOrg(ctx.db, ctx.orgId!, (tx) =>
    tx
      .select({ id: users.id, email: users.email, displayName: users.displayName, personId: people.id })
      .from(users)
      .leftJoin(people, eq(people.userId, users.id))
      .where(isNull(users.disabledAt))
      .orderBy(asc(users.displayName)),
  )
}

export type PersonInput = {
  fullName: string
  position?: string | undefined
  kind: PersonKind
  email?: string | undefined
  phone?: string | undefined
  unitIds: string[]
  supervisorId?: string | undefined
  userId?: string | undefined
  activeFrom?: string | undefined
  activeUntil?: string | undefined
}

const msg = (th: string, en: string) => ({ th, en })

/** Checks what the schema cannot: units, supervisor and account belong to this agency; dates in order. */
async function checkRefs(tx: Tx, input: PersonInput, selfId: string | null): Promise<void> {
  const errors: Record<string, { th: string; en: string }> = {}
  if (input.unitIds.length) {
    const found = await tx.select({ id: units.id }).from(units).where(inArray(units.id, input.unitIds.filter((u) => isUuid(u))))
    if (found.length !== new Set(input.unitIds).size) errors.unitIds = msg('หน่วยงานภายในที่เลือกไม่มีในระบบ', 'A chosen unit does not exist')
  }
  if (input.supervisorId) {
    if (input.supervisorId === selfId) errors.supervisorId = msg('ผู้บังคับบัญชาต้องไม่ใช่บุคคลเดียวกัน', 'A person cannot supervise themselves')
    else if (!(await personById(tx, input.supervisorId))) errors.supervisorId = msg('ไม่พบผู้บังคับบัญชาที่เลือก', 'The chosen supervisor does not exist')
  }
  if (input.userId) {
    const [u] = isUuid(input.userId) ? await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)) : []
    if (!u) errors.userId = msg('ไม่พบบัญชีผู้ใช้ที่เลือก', 'The chosen account does not exist')
    else {
      const [other] = await tx.select({ id: people.id, fullName: people.fullName }).from(people).where(and(eq(people.userId, input.userId), selfId ? sql`${people.id} <> ${selfId}` : undefined))
      if (other) errors.userId = msg(`บัญชีนี้ผูกกับ ${other.fullName} อยู่แล้ว`, `This account is already linked to ${other.fullName}`)
    }
  }
  if (input.activeFrom && input.activeUntil && input.activeUntil < input.activeFrom) errors.activeUntil = msg('วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่ม', 'The end date cannot be before the start date')
  if (Object.keys(errors).length) throw new InputError(errors)
}

const columns = (input: PersonInput) => ({
  fullName: input.fullName,
  position: input.position ?? null,
  kind: input.kind,
  email: input.email ?? null,
  phone: input.phone ?? null,
  supervisorId: input.supervisorId ?? null,
  userId: input.userId ?? null,
  activeFrom: input.activeFrom ?? null,
  activeUntil: input.activeUntil ?? null,
})

export async function createPerson(ctx: UseCaseCtx, input: PersonInput): Promise<string> {
  assertCan(ctx.actor, 'people.manage')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  return inOrg(ctx.db, orgId, async (tx) => {
    await checkRefs(tx, input, null)
    const [row] = await tx.insert(people).values({ orgId, ...columns(input) }).returning({ id: people.id })
    const id = row!.id
    if (input.unitIds.length) await tx.insert(personUnits).values([...new Set(input.unitIds)].map((unitId) => ({ orgId, personId: id, unitId })))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'person.create', entityType: 'person', entityId: id, requestId: ctx.requestId, details: { fullName: input.fullName, kind: input.kind } })
    return id
  })
}

export async function updatePerson(ctx: UseCaseCtx, id: string, input: PersonInput): Promise<void> {
  assertCan(ctx.actor, 'people.manage')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  await inOrg(ctx.db, orgId, async (tx) => {
    const before = await personById(tx, id)
    if (!before) throw new AppError('not_found', 404)
    await checkRefs(tx, input, id)
    await tx.update(people).set({ ...columns(input), updatedAt: new Date() }).where(eq(people.id, id))
    await tx.delete(personUnits).where(eq(personUnits.personId, id))
    if (input.unitIds.length) await tx.insert(personUnits).values([...new Set(input.unitIds)].map((unitId) => ({ orgId, personId: id, unitId })))
    const changed: Record<string, unknown> = Object.fromEntries(Object.entries(columns(input)).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v))
    if ([...before.unitIds].sort().join() !== [...new Set(input.unitIds)].sort().join()) changed.unitIds = input.unitIds
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'person.update', entityType: 'person', entityId: id, requestId: ctx.requestId, details: { changed } })
  })
}

/** Deletes a person entered by mistake (people who left are ended with a date instead). */
export async function deletePerson(ctx: UseCaseCtx, id: string): Promise<string> {
  assertCan(ctx.actor, 'people.manage')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, orgId, async (tx) => {
    const [row] = await tx.delete(people).where(eq(people.id, id)).returning()
    if (!row) throw new AppError('not_found', 404)
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'person.delete', entityType: 'person', entityId: id, requestId: ctx.requestId, details: { fullName: row.fullName } })
    return row.fullName
  })
}

/** Sets (or clears, with null) the head of a unit. */
export async function setUnitHead(ctx: UseCaseCtx, unitId: string, personId: string | null): Promise<void> {
  assertCan(ctx.actor, 'unit.manage')
  const actor = ctx.actor
  const orgId = ctx.orgId!
  if (!isUuid(unitId)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, orgId, async (tx) => {
    if (personId && !(await personById(tx, personId))) throw new InputError({ headPersonId: msg('ไม่พบบุคคลที่เลือก', 'The chosen person does not exist') })
    const [u] = await tx.update(units).set({ headPersonId: personId, updatedAt: new Date() }).where(eq(units.id, unitId)).returning({ id: units.id })
    if (!u) throw new AppError('not_found', 404)
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'unit.head', entityType: 'unit', entityId: unitId, requestId: ctx.requestId, details: { headPersonId: personId } })
  })
}

/** How many active people and how many of them have no account: the people page's summary line. */
export async function peopleSummary(ctx: UseCaseCtx): Promise<{ active: number; withoutAccount: number }> {
  assertCan(ctx.actor, 'people.read')
  const today = toIsoDate(todayInBangkok())
  const [r] = await inOrg(ctx.db, ctx.orgId!, (tx) =>
    tx
      .select({ active: count(), withAccount: count(people.userId) })
      .from(people)
      .where(and(or(isNull(people.activeFrom), lte(people.activeFrom, today)), or(isNull(people.activeUntil), gte(people.activeUntil, today)))),
  )
  return { active: r?.active ?? 0, withoutAccount: (r?.active ?? 0) - (r?.withAccount ?? 0) }
}

