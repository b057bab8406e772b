import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { Localized, UseCaseCtx } from '../module/manifest.js'
import { assertCan, type Permission } from '../auth/permissions.js'
import { toIsoDate, todayInBangkok } from '../thai/calendar.js'
import { deadlineAssignees, deadlines, type Deadline } from './deadlines.schema.js'

// The deadlines contract. A module registers a dated obligation for one of its records inside the
// transaction that changes the record (`setDeadline`), and ends it the same way (`closeDeadline`)
// when the record says the work is done; the platform shows it on งานที่ต้องทำ and in the digest.

export type DeadlineKey = { orgId: string; module: string; kind: string; ref: string }
export type DeadlineInput = DeadlineKey & {
  title: Localized
  /** Where the work is done, under /o/<slug>/admin (e.g. "/complaints/<id>"). */
  href: string
  /** ISO date (C.E.), the last day. */
  dueOn: string
  /** Accounts the work is theirs: they see it on their to-do page and get the digest. */
  assigneeUserIds: string[]
  /** Who else sees it in the agency-wide list (omit for everyone who may open that list). */
  visibleTo?: Permission
}

/** Registers or updates a deadline (reopens it if it was done); replaces its assignees. */
export async function setDeadline(tx: Tx, d: DeadlineInput): Promise<string> {
  const [row] = await tx
    .insert(deadlines)
    .values({ orgId: d.orgId, module: d.module, kind: d.kind, ref: d.ref, titleTh: d.title.th.slice(0, 300), titleEn: d.title.en.slice(0, 300), href: d.href, dueOn: d.dueOn, visibleTo: d.visibleTo ?? null })
    .onConflictDoUpdate({
      target: [deadlines.orgId, deadlines.module, deadlines.kind, deadlines.ref],
      set: { titleTh: d.title.th.slice(0, 300), titleEn: d.title.en.slice(0, 300), href: d.href, dueOn: d.dueOn, visibleTo: d.visibleTo ?? null, doneAt: null, updatedAt: sql`now()` },
    })
    .returning({ id: deadlines.id })
  const id = row!.id
  await tx.delete(deadlineAssignees).where(eq(deadlineAssignees.deadlineId, id))
  const users = [...new Set(d.assigneeUserIds)]
  if (users.length) await tx.insert(deadlineAssignees).values(users.map((userId) => ({ orgId: d.orgId, deadlineId: id, userId })))
  return id
}

/** Ends a deadline because its record says the work is done (a no-op when there is none). */
export async function closeDeadline(tx: Tx, k: DeadlineKey): Promise<void> {
  await tx
    .update(deadlines)
    .set({ doneAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(deadlines.module, k.module), eq(deadlines.kind, k.kind), eq(deadlines.ref, k.ref), isNull(deadlines.doneAt)))
}

/** Removes a deadline whose record is gone. */
export async function removeDeadline(tx: Tx, k: DeadlineKey): Promise<void> {
  await tx.delete(deadlines).where(and(eq(deadlines.module, k.module), eq(deadlines.kind, k.kind), eq(deadlines.ref, k.ref)))
}

export type TodoItem = Pick<Deadline, 'id' | 'module' | 'kind' | 'ref' | 'titleTh' | 'titleEn' | 'href' | 'dueOn' | 'doneAt'> & { overdue: boolean; daysLeft: number; mine: boolean }

const dayDiff = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000)

/**
 * The to-do list: the actor's own items, or (scope "agency", with `todo.agency`) every open item of
 * the agency the actor may see — an item with `visibleTo` only for holders of that permission.
 * Overdue first, then by due date.
 */
export async function listTodo(ctx: UseCaseCtx & { orgId: string }, scope: 'mine' | 'agency', opts: { today?: string } = {}): Promise<TodoItem[]> {
  assertCan(ctx.actor, scope === 'agency' ? 'todo.agency' : 'staff.dashboard')
  const actor = ctx.actor
  const today = opts.today ?? toIsoDate(todayInBangkok())
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const mineIds = new Set((await tx.select({ id: deadlineAssignees.deadlineId }).from(deadlineAssignees).where(eq(deadlineAssignees.userId, actor.userId))).map((r) => r.id))
    const rows = await tx
      .select()
      .from(deadlines)
      .where(and(isNull(deadlines.doneAt), scope === 'mine' ? (mineIds.size ? inArray(deadlines.id, [...mineIds]) : sql`false`) : undefined))
      .orderBy(asc(deadlines.dueOn), asc(deadlines.titleTh))
    return rows
      .filter((r) => scope === 'mine' || mineIds.has(r.id) || !r.visibleTo || actor.permissions.has(r.visibleTo))
      .map((r) => ({ id: r.id, module: r.module, kind: r.kind, ref: r.ref, titleTh: r.titleTh, titleEn: r.titleEn, href: r.href, dueOn: r.dueOn, doneAt: r.doneAt, overdue: r.dueOn < today, daysLeft: dayDiff(r.dueOn, today), mine: mineIds.has(r.id) }))
  })
}

/** Open items per assignee due within `days` (or overdue), for the digest of one agency. */
export async function dueByAssignee(tx: Tx, today: string, days: number): Promise<Map<string, (Deadline & { overdue: boolean })[]>> {
  const until = new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10)
  const rows = await tx
    .select({ d: deadlines, userId: deadlineAssignees.userId })
    .from(deadlines)
    .innerJoin(deadlineAssignees, and(eq(deadlineAssignees.orgId, deadlines.orgId), eq(deadlineAssignees.deadlineId, deadlines.id)))
    .where(and(isNull(deadlines.doneAt), lte(deadlines.dueOn, until)))
    .orderBy(asc(deadlines.dueOn))
  const out = new Map<string, (Deadline & { overdue: boolean })[]>()
  for (const r of rows) {
    const list = out.get(r.userId) ?? []
    list.push({ ...r.d, overdue: r.d.dueOn < today })
    out.set(r.userId, list)
  }
  return out
}
