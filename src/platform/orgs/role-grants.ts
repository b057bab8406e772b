import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { inOrg, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../module/manifest.js'
import { assertCan } from '../auth/permissions.js'
import { appendAudit } from '../audit/audit.js'
import { AppError } from '../http/errors.js'
import { queueMail } from '../mail/mail.js'
import { users } from '../auth/auth.schema.js'
import { t } from '../i18n/messages.js'
import { closeDeadline, setDeadline } from '../deadlines/deadlines.service.js'
import { toIsoDate, todayInBangkok } from '../thai/calendar.js'

// Separation of duties for sensitive roles (docs/security.md): the admin's request waits for a
// second person — an executive, or a holder of the role — to confirm it; until then the account
// has the role it was invited with as a stand-in (viewer). Every grant is announced to the holders.

export const roleGrants = pgTable(
  'role_grants',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<'pending' | 'confirmed' | 'refused'>().notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (x) => [primaryKey({ columns: [x.orgId, x.id] })],
)
export type RoleGrant = typeof roleGrants.$inferSelect

/** The role an account holds while its sensitive role waits for confirmation. */
export const STAND_IN_ROLE = 'viewer'
const CONFIRM_DAYS = 3

/** Who may confirm a grant of `role`: executives and current holders of the role (active accounts). */
async function confirmers(tx: Tx, role: string, exclude: string[]) {
  const rows = await tx
    .select({ id: users.id, email: users.email, lang: users.lang, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), sql`${users.passwordHash} IS NOT NULL`, inArray(users.role, ['executive', role])))
  return rows.filter((r) => !exclude.includes(r.id))
}

/** Records the request (inside the invitation's transaction) and tells the confirmers. */
export async function requestSensitiveGrant(tx: Tx, ctx: OrgUseCaseCtx & { actor: NonNullable<OrgUseCaseCtx['actor']> }, input: { userId: string; email: string; role: string; orgName: string; link: string }): Promise<void> {
  const [g] = await tx.insert(roleGrants).values({ orgId: ctx.orgId, userId: input.userId, role: input.role, requestedBy: ctx.actor.userId }).returning()
  const label = ctx.deps.registry.roles.get(input.role)?.label
  const who = await confirmers(tx, input.role, [ctx.actor.userId, input.userId])
  for (const w of who) {
    await queueMail(tx, {
      orgId: ctx.orgId,
      to: w.email,
      subject: t(w.lang, 'grants.requestSubject', { role: label?.[w.lang] ?? input.role, org: input.orgName }),
      text: t(w.lang, 'grants.requestBody', { email: input.email, role: label?.[w.lang] ?? input.role, by: ctx.actor.email, link: input.link }),
    })
  }
  const due = new Date(Date.now() + CONFIRM_DAYS * 86_400_000)
  await setDeadline(tx, {
    orgId: ctx.orgId,
    module: 'platform',
    kind: 'role-grant',
    ref: g!.id,
    title: { th: t('th', 'grants.deadline', { email: input.email, role: label?.th ?? input.role }), en: t('en', 'grants.deadline', { email: input.email, role: label?.en ?? input.role }) },
    href: '/users/grants',
    dueOn: toIsoDate(todayInBangkok(due)),
    assigneeUserIds: who.map((w) => w.id),
  })
  await appendAudit(tx, { orgId: ctx.orgId, actorUserId: ctx.actor.userId, actorLabel: ctx.actor.email, action: 'role.grant_requested', entityType: 'user', entityId: input.userId, requestId: ctx.requestId, details: { role: input.role } })
}

export type PendingGrant = RoleGrant & { email: string; displayName: string; requesterEmail: string | null; mayDecide: boolean }

const mayDecide = (actor: { userId: string; role: string }, g: RoleGrant) => (actor.role === 'executive' || actor.role === g.role) && actor.userId !== g.requestedBy && actor.userId !== g.userId

/** Grants waiting for a second person, as the actor sees them (an admin sees its own requests too). */
export async function listPendingGrants(ctx: OrgUseCaseCtx): Promise<PendingGrant[]> {
  assertCan(ctx.actor, 'staff.dashboard')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const grants = await tx.select().from(roleGrants).where(eq(roleGrants.status, 'pending')).orderBy(roleGrants.requestedAt)
    const people = grants.length ? await tx.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users).where(inArray(users.id, [...new Set(grants.flatMap((g) => [g.userId, g.requestedBy]))])) : []
    const byId = new Map(people.map((p) => [p.id, p]))
    return grants
      .filter((g) => mayDecide(actor, g) || g.requestedBy === actor.userId || actor.permissions.has('user.manage'))
      .map((g) => ({ ...g, email: byId.get(g.userId)?.email ?? '', displayName: byId.get(g.userId)?.displayName ?? '', requesterEmail: byId.get(g.requestedBy)?.email ?? null, mayDecide: mayDecide(actor, g) }))
  })
}

/** A second person confirms (the account gets the role) or refuses; holders are told of every grant. */
export async function decideGrant(ctx: OrgUseCaseCtx, grantId: string, confirm: boolean): Promise<RoleGrant> {
  assertCan(ctx.actor, 'staff.dashboard')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [g] = await tx.select().from(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.status, 'pending'))).for('update')
    if (!g) throw new AppError('not_found', 404)
    if (!mayDecide(actor, g)) throw new AppError('forbidden', 403, { th: t('th', 'grants.notYou'), en: t('en', 'grants.notYou') })
    const [done] = await tx.update(roleGrants).set({ status: confirm ? 'confirmed' : 'refused', decidedBy: actor.userId, decidedAt: sql`now()` }).where(eq(roleGrants.id, grantId)).returning()
    const [u] = await tx.select().from(users).where(eq(users.id, g.userId))
    if (confirm && u) await tx.update(users).set({ role: g.role, updatedAt: new Date() }).where(eq(users.id, g.userId))
    await closeDeadline(tx, { orgId: ctx.orgId, module: 'platform', kind: 'role-grant', ref: g.id })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: confirm ? 'role.grant_confirmed' : 'role.grant_refused', entityType: 'user', entityId: g.userId, requestId: ctx.requestId, details: { role: g.role, requestedBy: g.requestedBy } })
    const label = ctx.deps.registry.roles.get(g.role)?.label
    const tell = confirm ? await confirmers(tx, g.role, [g.userId]) : await tx.select({ id: users.id, email: users.email, lang: users.lang, role: users.role }).from(users).where(eq(users.id, g.requestedBy))
    for (const w of tell) {
      await queueMail(tx, {
        orgId: ctx.orgId,
        to: w.email,
        subject: t(w.lang, confirm ? 'grants.grantedSubject' : 'grants.refusedSubject', { role: label?.[w.lang] ?? g.role }),
        text: t(w.lang, confirm ? 'grants.grantedBody' : 'grants.refusedBody', { email: u?.email ?? '', role: label?.[w.lang] ?? g.role, by: actor.email }),
      })
    }
    return done!
  })
}
