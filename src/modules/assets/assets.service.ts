import { and, asc, count, eq, ilike, like, or, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { peopleFor, STAFF_KINDS } from '../../platform/people/directory.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { assetItems, assetLoans, type AssetItem, type AssetStatus } from './assets.schema.js'
import { assetsT } from './assets.i18n.js'
import { ASSET_NUMBER_FORMAT, normaliseAssetNumber, type AssetCategory } from './rules.js'

export const PAGE_SIZE = 20

export type AssetInput = {
  /** As typed: a full number (416-59-0001) or its category–year prefix (416-59), which takes the next running number. */
  assetNo: string
  category: AssetCategory
  name: string
  brandModel: string
  serial: string
  acquiredOn: string | null
  price: number | null
  budgetSource: string
  custodianUnitId: string | null
  custodianPersonId: string | null
  location: string
  condition: string
  status: AssetStatus
  lendStaff: boolean
  lendPublic: boolean
}
export type AssetFilter = { q?: string | undefined; category?: AssetCategory | undefined; unitId?: string | undefined; status?: AssetStatus | undefined; page: number }
export type AssetPage = { rows: AssetItem[]; total: number; page: number; pages: number }
export type AssetChoices = { units: { id: string; name: string }[]; people: { id: string; name: string }[] }

/** "%" and "_" typed by a user are literal characters in the search, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
const field = (name: keyof AssetInput, key: 'v.assetNo' | 'v.duplicate' | 'v.unit' | 'v.person') => new InputError({ [name]: { th: assetsT('th', key), en: assetsT('en', key) } }, key === 'v.duplicate' ? 409 : 422)
const isUniqueViolation = (e: unknown) => (e as { cause?: { code?: string } }).cause?.code === '23505'

export async function listAssets(ctx: OrgUseCaseCtx, f: AssetFilter): Promise<AssetPage> {
  assertCan(ctx.actor, 'assets.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) {
      const p = likePattern(f.q)
      const no = normaliseAssetNumber(f.q)
      where.push(or(ilike(assetItems.name, p), ilike(assetItems.serial, p), ilike(assetItems.brandModel, p), like(assetItems.assetNo, no ? `${no.value}%` : p))!)
    }
    if (f.category) where.push(eq(assetItems.category, f.category))
    if (f.unitId && isUuid(f.unitId)) where.push(eq(assetItems.custodianUnitId, f.unitId))
    if (f.status) where.push(eq(assetItems.status, f.status))
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(assetItems).where(cond)
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx.select().from(assetItems).where(cond).orderBy(asc(assetItems.assetNo), assetItems.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    return { rows, total: n, page, pages }
  })
}

export async function getAsset(ctx: OrgUseCaseCtx, id: string): Promise<AssetItem> {
  assertCan(ctx.actor, 'assets.read')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [row] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(assetItems).where(eq(assetItems.id, id)))
  if (!row) throw new AppError('not_found', 404)
  return row
}

/** The agency's units and staff for the custodian fields (platform people, active today). */
export async function assetChoices(ctx: OrgUseCaseCtx): Promise<AssetChoices> {
  assertCan(ctx.actor, 'assets.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => ({
    units: (await tx.select({ id: units.id, name: units.nameTh }).from(units).orderBy(asc(units.sortOrder), asc(units.nameTh))),
    people: (await peopleFor(tx, { all: true, kinds: STAFF_KINDS })).map((p) => ({ id: p.id, name: p.position ? `${p.fullName} (${p.position})` : p.fullName })),
  }))
}

/** The number to store: a full number as typed, or the prefix with the next running number (under a lock on the prefix). */
async function assetNumberFor(tx: Tx, orgId: string, typed: string, currentId?: string): Promise<string> {
  const n = normaliseAssetNumber(typed)
  if (!n) throw field('assetNo', 'v.assetNo')
  if (n.kind === 'full') return n.value
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`assets:${orgId}:${n.value}`}))`)
  const [row] = await tx
    .select({ max: sql<string | null>`max(substring(${assetItems.assetNo} from 8 for 4))` })
    .from(assetItems)
    .where(and(like(assetItems.assetNo, `${n.value}-%`), currentId ? sql`${assetItems.id} <> ${currentId}` : undefined))
  const next = Number(row?.max ?? '0') + 1
  if (next >= 10 ** ASSET_NUMBER_FORMAT.value.runningDigits) throw field('assetNo', 'v.assetNo')
  return `${n.value}-${String(next).padStart(ASSET_NUMBER_FORMAT.value.runningDigits, '0')}`
}

async function checkCustodian(tx: Tx, input: AssetInput): Promise<void> {
  if (input.custodianUnitId) {
    const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.custodianUnitId))
    if (!u) throw field('custodianUnitId', 'v.unit')
  }
  if (input.custodianPersonId && !(await peopleFor(tx, { personIds: [input.custodianPersonId] })).length) throw field('custodianPersonId', 'v.person')
}

const toRow = (input: AssetInput, assetNo: string) => ({ ...input, assetNo, price: input.price === null ? null : input.price.toFixed(2) })

export async function createAsset(ctx: OrgUseCaseCtx, input: AssetInput): Promise<AssetItem> {
  assertCan(ctx.actor, 'assets.edit')
  const actor = ctx.actor
  try {
    return await inOrg(ctx.db, ctx.orgId, async (tx) => {
      await checkCustodian(tx, input)
      const assetNo = await assetNumberFor(tx, ctx.orgId, input.assetNo)
      const [row] = await tx.insert(assetItems).values({ orgId: ctx.orgId, ...toRow(input, assetNo), createdBy: actor.userId }).returning()
      await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'assets.create', entityType: 'asset_item', entityId: row!.id, requestId: ctx.requestId, details: { assetNo, name: input.name, category: input.category, status: input.status } })
      return row!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw field('assetNo', 'v.duplicate')
    throw e
  }
}

export async function updateAsset(ctx: OrgUseCaseCtx, id: string, input: AssetInput): Promise<AssetItem> {
  assertCan(ctx.actor, 'assets.edit')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  try {
    return await inOrg(ctx.db, ctx.orgId, async (tx) => {
      const [before] = await tx.select().from(assetItems).where(eq(assetItems.id, id)).for('update')
      if (!before) throw new AppError('not_found', 404)
      await checkCustodian(tx, input)
      const assetNo = await assetNumberFor(tx, ctx.orgId, input.assetNo, id)
      const values = toRow(input, assetNo)
      const [row] = await tx.update(assetItems).set({ ...values, updatedAt: sql`now()` }).where(eq(assetItems.id, id)).returning()
      const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => before[k as keyof typeof values] !== v).map(([k, v]) => [k, { from: before[k as keyof typeof values], to: v }]))
      await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'assets.update', entityType: 'asset_item', entityId: id, requestId: ctx.requestId, details: { changed } })
      return row!
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw field('assetNo', 'v.duplicate')
    throw e
  }
}

/** Deletes an asset entered by mistake; a disposed asset, or one ever lent, stays in the register (dispose of it instead). */
export async function deleteAsset(ctx: OrgUseCaseCtx, id: string): Promise<AssetItem> {
  assertCan(ctx.actor, 'assets.edit')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [row] = await tx.select().from(assetItems).where(eq(assetItems.id, id)).for('update')
    if (!row) throw new AppError('not_found', 404)
    if (row.status === 'disposed') throw new AppError('conflict', 409, { th: assetsT('th', 'delete.disposed'), en: assetsT('en', 'delete.disposed') })
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(assetLoans).where(eq(assetLoans.assetId, id))
    if (n > 0) throw new AppError('conflict', 409, { th: assetsT('th', 'delete.hasLoans'), en: assetsT('en', 'delete.hasLoans') })
    await tx.delete(assetItems).where(eq(assetItems.id, id))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'assets.delete', entityType: 'asset_item', entityId: id, requestId: ctx.requestId, details: { assetNo: row.assetNo, name: row.name } })
    return row
  })
}

export type PublicAsset = Pick<AssetItem, 'id' | 'assetNo' | 'name' | 'category' | 'brandModel'>
/** What the community may borrow: assets in use and marked lendable to the public. Public data, no permission needed. */
export async function publicLendable(db: Db, orgId: string): Promise<PublicAsset[]> {
  return inOrg(db, orgId, (tx) =>
    tx
      .select({ id: assetItems.id, assetNo: assetItems.assetNo, name: assetItems.name, category: assetItems.category, brandModel: assetItems.brandModel })
      .from(assetItems)
      .where(and(eq(assetItems.lendPublic, true), eq(assetItems.status, 'in_use')))
      .orderBy(asc(assetItems.category), asc(assetItems.name), asc(assetItems.assetNo))
      .limit(1000),
  )
}
