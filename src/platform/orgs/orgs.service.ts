import { and, asc, desc, eq, ilike, lt, sql } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import { appendAudit } from '../audit/audit.js'
import { auditLog } from '../audit/audit.schema.js'
import { assertCan } from '../auth/permissions.js'
import { AppError } from '../http/errors.js'
import type { UseCaseCtx } from '../http/context.js'
import { orgs, units, type OrgKind, type OrgSettings, type UnitKind } from './orgs.schema.js'
import { users, userUnits } from '../auth/auth.schema.js'

export async function listOrgs(db: Db) {
  return db.select().from(orgs).orderBy(asc(orgs.province), asc(orgs.nameTh))
}

export type CreateOrgInput = {
  slug: string
  nameTh: string
  nameEn?: string | undefined
  kind: OrgKind
  province: string
  district: string
  subdistrict?: string | undefined
}

export async function createOrg(ctx: UseCaseCtx, input: CreateOrgInput): Promise<{ id: string } | { slugTaken: true }> {
  assertCan(ctx.actor, 'platform.manage')
  const actor = ctx.actor
  return inOrg(ctx.db, null, async (tx) => {
    const [taken] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.slug, input.slug))
    if (taken) return { slugTaken: true as const }
    const [org] = await tx
      .insert(orgs)
      .values({ ...input, nameEn: input.nameEn ?? null, subdistrict: input.subdistrict ?? null, settings: { thaiNumerals: true } })
      .returning()
    if (!org) throw new Error('insert returned no row')
    await appendAudit(tx, { orgId: null, actorUserId: actor.userId, actorLabel: actor.email, action: 'org.create', entityType: 'org', entityId: org.id, requestId: ctx.requestId, details: { slug: org.slug } })
    return { id: org.id }
  })
}

export async function updateOrgSettings(ctx: UseCaseCtx, settings: OrgSettings): Promise<void> {
  assertCan(ctx.actor, 'org.settings')
  const orgId = ctx.orgId!
  const actor = ctx.actor
  await inOrg(ctx.db, orgId, async (tx) => {
    await tx.update(orgs).set({ settings, updatedAt: new Date() }).where(eq(orgs.id, orgId))
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'org.settings', entityType: 'org', entityId: orgId, requestId: ctx.requestId, details: { settings } })
  })
}

export async function listUnits(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'unit.read')
  return listUnitsOf(ctx.db, ctx.orgId!)
}

/** Units are public information (the structure chart), so this reader needs no actor. */
export async function listUnitsOf(db: Db, orgId: string) {
  return inOrg(db, orgId, (tx) => tx.select().from(units).orderBy(asc(units.sortOrder), asc(units.nameTh)))
}

export type UnitInput = { nameTh: string; nameEn?: string | undefined; kind: UnitKind; sortOrder: number }

export async function createUnit(ctx: UseCaseCtx, input: UnitInput): Promise<{ id: string } | { duplicate: true }> {
  assertCan(ctx.actor, 'unit.manage')
  const orgId = ctx.orgId!
  const actor = ctx.actor
  return inOrg(ctx.db, orgId, async (tx) => {
    const [dup] = await tx.select({ id: units.id }).from(units).where(eq(units.nameTh, input.nameTh))
    if (dup) return { duplicate: true as const }
    const [u] = await tx.insert(units).values({ orgId, nameTh: input.nameTh, nameEn: input.nameEn ?? null, kind: input.kind, sortOrder: input.sortOrder }).returning()
    if (!u) throw new Error('insert returned no row')
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'unit.create', entityType: 'unit', entityId: u.id, requestId: ctx.requestId, details: { nameTh: u.nameTh } })
    return { id: u.id }
  })
}

export async function deleteUnit(ctx: UseCaseCtx, unitId: string): Promise<string> {
  assertCan(ctx.actor, 'unit.manage')
  const orgId = ctx.orgId!
  const actor = ctx.actor
  if (!/^[0-9a-f-]{36}$/.test(unitId)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, orgId, async (tx) => {
    const [u] = await tx.delete(units).where(eq(units.id, unitId)).returning()
    if (!u) throw new AppError('not_found', 404)
    await appendAudit(tx, { orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'unit.delete', entityType: 'unit', entityId: u.id, requestId: ctx.requestId, details: { nameTh: u.nameTh } })
    return u.nameTh
  })
}

export async function listUsers(ctx: UseCaseCtx) {
  assertCan(ctx.actor, 'user.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const rows = await tx.select().from(users).orderBy(asc(users.displayName))
    const links = await tx.select().from(userUnits)
    return rows.map((u) => ({ ...u, unitIds: links.filter((l) => l.userId === u.id).map((l) => l.unitId) }))
  })
}

export const AUDIT_PAGE_SIZE = 50

/** Newest first, keyset-paginated by id; filter by action prefix. */
export async function browseAudit(ctx: UseCaseCtx, opts: { action?: string | undefined; before?: number | undefined }) {
  assertCan(ctx.actor, ctx.orgId ? 'audit.read' : 'platform.manage')
  return inOrg(ctx.db, ctx.orgId, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(opts.action ? ilike(auditLog.action, `${opts.action.replace(/[%_\\]/g, '')}%`) : undefined, opts.before ? lt(auditLog.id, opts.before) : undefined))
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE + 1),
  )
}

export async function countOrgUsers(db: Db, orgId: string): Promise<number> {
  const [r] = await inOrg(db, orgId, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(users))
  return r?.n ?? 0
}

const slugs = new Map<string, string>()
/** An agency's URL slug by id (slugs never change once made), for building its public links. */
export async function orgSlugOf(db: Db, orgId: string): Promise<string> {
  const hit = slugs.get(orgId)
  if (hit) return hit
  const [o] = await db.select({ slug: orgs.slug }).from(orgs).where(eq(orgs.id, orgId))
  if (!o) throw new Error(`no agency ${orgId}`)
  slugs.set(orgId, o.slug)
  return o.slug
}
