import { asc, eq } from 'drizzle-orm'
import { inOrg, type Db } from '../../db/client.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { AppError } from '../../platform/http/errors.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { isUuid } from '../../platform/http/params.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { portalExecutives, type PortalExecutive } from './portal.schema.js'
import { PHOTO_TYPES, storePublicFiles, type Upload } from './files.js'
import { audit } from './audit.js'

// The agency's executives (political and permanent), shown on /about/executives with photos.

export async function listExecutives(db: Db, orgId: string): Promise<PortalExecutive[]> {
  return inOrg(db, orgId, (tx) => tx.select().from(portalExecutives).orderBy(asc(portalExecutives.sortOrder), asc(portalExecutives.name)))
}

export async function getExecutive(ctx: UseCaseCtx, id: string): Promise<PortalExecutive> {
  assertCan(ctx.actor, 'portal.edit')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [e] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(portalExecutives).where(eq(portalExecutives.id, id)))
  if (!e) throw new AppError('not_found', 404)
  return e
}

export type ExecutiveInput = { name: string; position: string; branch: 'political' | 'permanent'; phone: string | null; email: string | null; sortOrder: number }

export async function addExecutive(ctx: UseCaseCtx, input: ExecutiveInput, photo?: Upload): Promise<string> {
  assertCan(ctx.actor, 'portal.edit')
  const orgId = ctx.orgId!
  const actor = ctx.actor
  const id = await inOrg(ctx.db, orgId, async (tx) => {
    const [photoFileId] = photo ? await storePublicFiles(tx, orgId, actor.userId, [photo], PHOTO_TYPES) : []
    const [e] = await tx.insert(portalExecutives).values({ orgId, ...input, photoFileId: photoFileId ?? null }).returning({ id: portalExecutives.id })
    await audit(tx, ctx, 'portal.executive.create', 'portal_executive', e!.id, { name: input.name })
    return e!.id
  })
  invalidatePublicCache(orgId)
  return id
}

export async function deleteExecutive(ctx: UseCaseCtx, id: string): Promise<void> {
  assertCan(ctx.actor, 'portal.edit')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [e] = await tx.delete(portalExecutives).where(eq(portalExecutives.id, id)).returning()
    if (!e) throw new AppError('not_found', 404)
    await audit(tx, ctx, 'portal.executive.delete', 'portal_executive', id, { name: e.name })
  })
  invalidatePublicCache(ctx.orgId!)
}
