import { and, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { isUuid } from '../../platform/http/params.js'
import { putFile, type CheckedFile } from './files.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { announcements, type AckScope, type Announcement, type AnnouncementKind, type AnnouncementStatus, type Audience } from './announcements.schema.js'
import { announcementsT } from './announcements.i18n.js'
import { localized } from '../../platform/i18n/i18n.js'

// Drafts: list, read, create, edit and delete. Publication, withdrawal and revision are in publish.ts.

export const PAGE_SIZE = 20

export type AnnouncementInput = {
  kind: AnnouncementKind
  subject: string
  body: string
  signedOn: string
  signerName: string
  signerPosition: string
  audience: Audience
  effectiveOn: string | null
  ackScope: AckScope
  ackUnitIds: string[]
  ackDueOn: string | null
}
export type AnnouncementFilter = { q?: string | undefined; fiscalYear?: number | undefined; kind?: AnnouncementKind | undefined; status?: AnnouncementStatus | undefined; page: number }
export type AnnouncementPage = { rows: Announcement[]; total: number; page: number; pages: number; years: number[] }

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

export async function listAnnouncements(ctx: OrgUseCaseCtx, f: AnnouncementFilter): Promise<AnnouncementPage> {
  assertCan(ctx.actor, 'announcements.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(ilike(announcements.subject, likePattern(f.q)))
    if (f.fiscalYear) where.push(eq(announcements.fiscalYear, f.fiscalYear))
    if (f.kind) where.push(eq(announcements.kind, f.kind))
    if (f.status) where.push(eq(announcements.status, f.status))
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(announcements).where(cond)
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx.select().from(announcements).where(cond).orderBy(desc(announcements.signedOn), desc(announcements.createdAt), announcements.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    const years = (await tx.selectDistinct({ y: announcements.fiscalYear }).from(announcements).orderBy(desc(announcements.fiscalYear))).map((r) => r.y)
    return { rows, total: n, page, pages, years }
  })
}

export async function lockAnnouncement(tx: Tx, id: string): Promise<Announcement> {
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [row] = await tx.select().from(announcements).where(eq(announcements.id, id)).for('update')
  if (!row) throw new AppError('not_found', 404)
  return row
}

export async function getAnnouncement(ctx: OrgUseCaseCtx, id: string, permission: 'announcements.read' | 'announcements.acknowledge' = 'announcements.read'): Promise<Announcement> {
  assertCan(ctx.actor, permission)
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [row] = await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(announcements).where(eq(announcements.id, id)))
  if (!row) throw new AppError('not_found', 404)
  return row
}

/** The units asked to acknowledge are this agency's (RLS hides any other), at least one when asked by unit. */
async function checkInput(tx: Tx, input: AnnouncementInput): Promise<AnnouncementInput> {
  if (input.ackScope !== 'units') return { ...input, ackUnitIds: [] }
  const ids = [...new Set(input.ackUnitIds)]
  if (ids.length === 0) throw new InputError({ ackUnitIds: localized(announcementsT, 'v.unitsNeeded') })
  const found = ids.every(isUuid) ? await tx.select({ id: units.id }).from(units).where(inArray(units.id, ids)) : []
  if (found.length !== ids.length) throw new InputError({ ackUnitIds: localized(announcementsT, 'v.unitUnknown') })
  return { ...input, ackUnitIds: ids }
}

const notDraft = () => new AppError('conflict', 409, localized(announcementsT, 'v.notDraft'))

async function storeScan(tx: Tx, ctx: OrgUseCaseCtx, scan: CheckedFile | undefined, isPublic: boolean): Promise<string | undefined> {
  if (!scan) return undefined
  return (await putFile(tx, ctx.orgId, { name: scan.name, bytes: scan.bytes, isPublic, createdBy: ctx.actor?.userId ?? null })).id
}

export async function createAnnouncement(ctx: OrgUseCaseCtx, input: AnnouncementInput, scan?: CheckedFile): Promise<Announcement> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    input = await checkInput(tx, input)
    const fileId = await storeScan(tx, ctx, scan, input.audience !== 'staff')
    const [row] = await tx
      .insert(announcements)
      .values({ orgId: ctx.orgId, ...input, fiscalYear: fiscalYearOf(input.signedOn), fileId: fileId ?? null, createdBy: actor.userId })
      .returning()
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcements.create', entityType: 'announcement', entityId: row!.id, requestId: ctx.requestId, details: { kind: input.kind, subject: input.subject, file: !!fileId } })
    return row!
  })
}

export async function updateDraft(ctx: OrgUseCaseCtx, id: string, input: AnnouncementInput, scan?: CheckedFile): Promise<Announcement> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await lockAnnouncement(tx, id)
    if (before.status !== 'draft') throw notDraft()
    input = await checkInput(tx, input)
    const fileId = await storeScan(tx, ctx, scan, input.audience !== 'staff')
    const [row] = await tx
      .update(announcements)
      .set({ ...input, fiscalYear: fiscalYearOf(input.signedOn), ...(fileId ? { fileId } : {}), updatedAt: sql`now()` })
      .where(eq(announcements.id, id))
      .returning()
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => JSON.stringify(before[k as keyof AnnouncementInput]) !== JSON.stringify(v)).map(([k, v]) => [k, { from: before[k as keyof AnnouncementInput], to: v }]))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcements.update', entityType: 'announcement', entityId: id, requestId: ctx.requestId, details: { changed, file: !!fileId } })
    return row!
  })
}

/** Deletes a draft; a published announcement is withdrawn instead (its number and page stay). */
export async function deleteDraft(ctx: OrgUseCaseCtx, id: string): Promise<Announcement> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const row = await lockAnnouncement(tx, id)
    if (row.status !== 'draft') throw new AppError('conflict', 409, localized(announcementsT, 'delete.published'))
    await tx.delete(announcements).where(eq(announcements.id, id))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcements.delete', entityType: 'announcement', entityId: id, requestId: ctx.requestId, details: { subject: row.subject } })
    return row
  })
}

export type PublicAnnouncement = Pick<Announcement, 'id' | 'kind' | 'subject' | 'body' | 'signedOn' | 'fiscalYear' | 'signerName' | 'signerPosition' | 'effectiveOn' | 'fileId' | 'status' | 'number' | 'numberYear' | 'version' | 'withdrawnOn' | 'withdrawnReason' | 'publishedAt'>
const publicColumns = {
  id: announcements.id, kind: announcements.kind, subject: announcements.subject, body: announcements.body, signedOn: announcements.signedOn, fiscalYear: announcements.fiscalYear,
  signerName: announcements.signerName, signerPosition: announcements.signerPosition, effectiveOn: announcements.effectiveOn, fileId: announcements.fileId, status: announcements.status,
  number: announcements.number, numberYear: announcements.numberYear, version: announcements.version, withdrawnOn: announcements.withdrawnOn, withdrawnReason: announcements.withdrawnReason, publishedAt: announcements.publishedAt,
}
const isPublic = sql`${announcements.status} <> 'draft' AND ${announcements.audience} <> 'staff'`

/** What the agency has published for the public (withdrawn ones stay, marked): no permission needed. */
export async function publicAnnouncements(db: Db, orgId: string, fiscalYear?: number): Promise<PublicAnnouncement[]> {
  return inOrg(db, orgId, (tx) =>
    tx
      .select(publicColumns)
      .from(announcements)
      .where(and(isPublic, fiscalYear ? eq(announcements.fiscalYear, fiscalYear) : undefined))
      .orderBy(desc(announcements.signedOn), desc(announcements.number))
      .limit(500),
  )
}

export async function publicAnnouncement(db: Db, orgId: string, id: string): Promise<PublicAnnouncement | null> {
  if (!isUuid(id)) return null
  const [row] = await inOrg(db, orgId, (tx) => tx.select(publicColumns).from(announcements).where(and(isPublic, eq(announcements.id, id))))
  return row ?? null
}
