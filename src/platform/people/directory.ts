import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { units } from '../orgs/orgs.schema.js'
import { toIsoDate, todayInBangkok } from '../thai/calendar.js'
import { people, personUnits, type PersonKind, type PersonRow } from './people.schema.js'

// The people contract for modules: who the agency's personnel are, which unit they belong to, who
// heads a unit and who supervises whom. Every reader takes the caller's transaction (already inside
// the agency's row-level security), so a module asks inside the transaction that uses the answer.

export type Person = PersonRow & { unitIds: string[] }

/**
 * Who a module addresses: every active person (optionally of some kinds), the people of some
 * units, the heads of units, or named people. "Every staff member" is `{ all: true, kinds: STAFF_KINDS }`.
 */
export type Audience =
  | { all: true; kinds?: readonly PersonKind[] }
  | { unitIds: readonly string[]; kinds?: readonly PersonKind[] }
  | { unitHeads: true }
  | { personIds: readonly string[] }

/** The agency's staff, without its political office holders (executives and council members). */
export const STAFF_KINDS: readonly PersonKind[] = ['local_official', 'permanent_employee', 'contract_employee']

/** A person is active on a day when it falls within their active dates (open ends count). */
const activeOn = (isoDay: string) =>
  and(or(isNull(people.activeFrom), lte(people.activeFrom, isoDay)), or(isNull(people.activeUntil), gte(people.activeUntil, isoDay)))

async function withUnits(tx: Tx, rows: PersonRow[]): Promise<Person[]> {
  if (rows.length === 0) return []
  const links = await tx.select().from(personUnits).where(inArray(personUnits.personId, rows.map((r) => r.id)))
  const byPerson = new Map<string, string[]>()
  for (const l of links) byPerson.set(l.personId, [...(byPerson.get(l.personId) ?? []), l.unitId])
  return rows.map((r) => ({ ...r, unitIds: byPerson.get(r.id) ?? [] }))
}

const todayIso = () => toIsoDate(todayInBangkok())

/** The people an audience means on a day (default today, Bangkok time), sorted by name. */
export async function peopleFor(tx: Tx, audience: Audience, opts: { on?: string } = {}): Promise<Person[]> {
  const on = opts.on ?? todayIso()
  let where
  if ('personIds' in audience) {
    if (audience.personIds.length === 0) return []
    where = inArray(people.id, [...audience.personIds])
  } else if ('unitHeads' in audience) {
    where = inArray(people.id, tx.select({ id: units.headPersonId }).from(units).where(isNotNull(units.headPersonId)))
  } else if ('unitIds' in audience) {
    if (audience.unitIds.length === 0) return []
    where = inArray(people.id, tx.select({ id: personUnits.personId }).from(personUnits).where(inArray(personUnits.unitId, [...audience.unitIds])))
  } else where = undefined
  const kinds = 'kinds' in audience && audience.kinds?.length ? inArray(people.kind, [...audience.kinds]) : undefined
  const rows = await tx.select().from(people).where(and(where, kinds, activeOn(on))).orderBy(asc(people.fullName))
  return withUnits(tx, rows)
}

export async function personById(tx: Tx, personId: string): Promise<Person | null> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null
  const [row] = await tx.select().from(people).where(eq(people.id, personId))
  return row ? ((await withUnits(tx, [row]))[0] ?? null) : null
}

/** The person an account belongs to (null when the account is not linked to one). */
export async function personOfUser(tx: Tx, userId: string): Promise<Person | null> {
  const [row] = await tx.select().from(people).where(eq(people.userId, userId))
  return row ? ((await withUnits(tx, [row]))[0] ?? null) : null
}

/** The head of a unit, when one is set and still active. */
export async function headOf(tx: Tx, unitId: string, opts: { on?: string } = {}): Promise<Person | null> {
  const [row] = await tx
    .select({ p: people })
    .from(units)
    .innerJoin(people, and(eq(people.orgId, units.orgId), eq(people.id, units.headPersonId)))
    .where(and(eq(units.id, unitId), activeOn(opts.on ?? todayIso())))
  return row ? ((await withUnits(tx, [row.p]))[0] ?? null) : null
}

/**
 * Who supervises a person: the supervisor set on the person, else the head of the first of the
 * person's units that is headed by someone else; null for the top of the agency.
 */
export async function supervisorOf(tx: Tx, personId: string, opts: { on?: string } = {}): Promise<Person | null> {
  const p = await personById(tx, personId)
  if (!p) return null
  const on = opts.on ?? todayIso()
  if (p.supervisorId) {
    const [s] = await tx.select().from(people).where(and(eq(people.id, p.supervisorId), activeOn(on)))
    if (s) return (await withUnits(tx, [s]))[0] ?? null
  }
  if (p.unitIds.length === 0) return null
  const heads = await tx
    .select({ p: people, sortOrder: units.sortOrder })
    .from(units)
    .innerJoin(people, and(eq(people.orgId, units.orgId), eq(people.id, units.headPersonId)))
    .where(and(inArray(units.id, p.unitIds), sql`${people.id} <> ${p.id}`, activeOn(on)))
    .orderBy(asc(units.sortOrder))
  return heads[0] ? ((await withUnits(tx, [heads[0].p]))[0] ?? null) : null
}

/** The login accounts of some people (to assign deadlines or mail them); people without one are left out. */
export function accountIdsOf(list: readonly Pick<Person, 'userId'>[]): string[] {
  return [...new Set(list.map((p) => p.userId).filter((u): u is string => !!u))]
}
