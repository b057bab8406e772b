import { and, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { localized } from '../../platform/i18n/i18n.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { setDeadline, removeDeadline } from '../../platform/deadlines/deadlines.service.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { peopleFor, personOfUser, STAFF_KINDS } from '../../platform/people/directory.js'
import { fiscalYearOf, todayInBangkok, toIsoDate } from '../../platform/thai/index.js'
import { putFile, type CheckedFile } from './files.js'
import { manualsT } from './manuals.i18n.js'
import type { AckVia } from './announcements.schema.js'
import { manualAcks, manuals, manualVersions, type Manual, type ManualAudience, type ManualKind, type ManualState, type ManualVersion } from './manuals.schema.js'

// Manuals of a unit: a draft is approved by the executive and is then the version in force (public
// or staff-only); a revision is a new draft beside it, and its approval supersedes the old one (kept,
// with what changed). The next review date of the version in force is a deadline of its author;
// the unit's staff acknowledge each approved version.

export const MANUAL_PAGE_SIZE = 20
export type ManualInput = { kind: ManualKind; unitId: string; title: string; audience: ManualAudience; ackRequired: boolean; body: string; effectiveOn: string; nextReviewOn: string }
export type ManualRevisionInput = { body: string; effectiveOn: string; nextReviewOn: string; changeNote: string }
export type ManualFilter = { q?: string | undefined; unitId?: string | undefined; kind?: ManualKind | undefined; state?: ManualState | undefined; overdue?: boolean | undefined; fiscalYear?: number | undefined; page: number }
export type ManualRow = Manual & { unitName: string; state: ManualState; shown: ManualVersion }
export type ManualPage = { rows: ManualRow[]; total: number; page: number; pages: number; years: number[] }
export type ManualDetail = { m: Manual; unitName: string; current: ManualVersion | null; draft: ManualVersion | null; versions: ManualVersion[] }

const stateOf = (m: Manual, hasDraft: boolean): ManualState => (m.currentVersion === null ? 'draft' : hasDraft ? 'revision' : 'approved')
const conflict = (key: 'v.noDraft' | 'v.draftExists' | 'v.notApproved') => new AppError('conflict', 409, localized(manualsT, key))
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
const draftExists = sql`EXISTS (SELECT 1 FROM manual_versions v WHERE v.manual_id = ${manuals.id} AND v.status = 'draft')`

export async function listManuals(ctx: OrgUseCaseCtx, f: ManualFilter): Promise<ManualPage> {
  assertCan(ctx.actor, 'manuals.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(ilike(manuals.title, likePattern(f.q)))
    if (f.unitId && isUuid(f.unitId)) where.push(eq(manuals.unitId, f.unitId))
    if (f.kind) where.push(eq(manuals.kind, f.kind))
    if (f.state === 'draft') where.push(sql`${manuals.currentVersion} IS NULL`)
    if (f.state === 'approved') where.push(sql`${manuals.currentVersion} IS NOT NULL AND NOT ${draftExists}`)
    if (f.state === 'revision') where.push(sql`${manuals.currentVersion} IS NOT NULL AND ${draftExists}`)
    if (f.fiscalYear) where.push(sql`EXISTS (SELECT 1 FROM manual_versions v WHERE v.manual_id = ${manuals.id} AND v.fiscal_year = ${f.fiscalYear})`)
    // Review overdue: the version in force was due for review before today (Bangkok); drafts never approved have no review yet.
    if (f.overdue) where.push(sql`EXISTS (SELECT 1 FROM manual_versions v WHERE v.manual_id = ${manuals.id} AND v.version = ${manuals.currentVersion} AND v.next_review_on < ${toIsoDate(todayInBangkok())})`)
    const cond = where.length ? and(...where) : undefined
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(manuals).where(cond)
    const pages = Math.max(1, Math.ceil(n / MANUAL_PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx.select({ m: manuals, unitName: units.nameTh }).from(manuals).innerJoin(units, eq(units.id, manuals.unitId)).where(cond).orderBy(units.sortOrder, units.nameTh, manuals.kind, manuals.title, manuals.id).limit(MANUAL_PAGE_SIZE).offset((page - 1) * MANUAL_PAGE_SIZE)
    const versions = rows.length ? await tx.select().from(manualVersions).where(inArray(manualVersions.manualId, rows.map((r) => r.m.id))) : []
    const years = (await tx.selectDistinct({ y: manualVersions.fiscalYear }).from(manualVersions).orderBy(desc(manualVersions.fiscalYear))).map((r) => r.y)
    return {
      rows: rows.map(({ m, unitName }) => {
        const mine = versions.filter((v) => v.manualId === m.id)
        const draft = mine.find((v) => v.status === 'draft')
        return { ...m, unitName, state: stateOf(m, !!draft), shown: mine.find((v) => v.version === m.currentVersion) ?? draft! }
      }),
      total: n,
      page,
      pages,
      years,
    }
  })
}

export async function lockManual(tx: Tx, id: string): Promise<Manual> {
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [m] = await tx.select().from(manuals).where(eq(manuals.id, id)).for('update')
  if (!m) throw new AppError('not_found', 404)
  return m
}

export async function detailIn(tx: Tx, m: Manual): Promise<ManualDetail> {
  const versions = await tx.select().from(manualVersions).where(eq(manualVersions.manualId, m.id)).orderBy(desc(manualVersions.version))
  const [u] = await tx.select({ name: units.nameTh }).from(units).where(eq(units.id, m.unitId))
  return { m, unitName: u?.name ?? '', current: versions.find((v) => v.version === m.currentVersion) ?? null, draft: versions.find((v) => v.status === 'draft') ?? null, versions }
}

export async function getManual(ctx: OrgUseCaseCtx, id: string, permission: 'manuals.read' | 'announcements.acknowledge' = 'manuals.read'): Promise<ManualDetail> {
  assertCan(ctx.actor, permission)
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [m] = await tx.select().from(manuals).where(eq(manuals.id, id))
    if (!m) throw new AppError('not_found', 404)
    return detailIn(tx, m)
  })
}

async function checkUnit(tx: Tx, unitId: string): Promise<void> {
  const found = isUuid(unitId) ? await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)) : []
  if (!found.length) throw new InputError({ unitId: localized(manualsT, 'v.unitUnknown') })
}
function checkDates(v: { effectiveOn: string; nextReviewOn: string }): void {
  if (v.nextReviewOn <= v.effectiveOn) throw new InputError({ nextReviewOn: localized(manualsT, 'v.reviewAfter') })
}
async function storeFile(tx: Tx, ctx: OrgUseCaseCtx, file: CheckedFile | undefined, isPublic: boolean): Promise<string | undefined> {
  return file ? (await putFile(tx, ctx.orgId, { name: file.name, bytes: file.bytes, isPublic, createdBy: ctx.actor?.userId ?? null })).id : undefined
}

export async function createManual(ctx: OrgUseCaseCtx, input: ManualInput, file?: CheckedFile): Promise<Manual> {
  assertCan(ctx.actor, 'manuals.edit')
  const actor = ctx.actor
  checkDates(input)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await checkUnit(tx, input.unitId)
    const [m] = await tx.insert(manuals).values({ orgId: ctx.orgId, kind: input.kind, unitId: input.unitId, title: input.title, audience: input.audience, ackRequired: input.ackRequired, createdBy: actor.userId }).returning()
    const fileId = await storeFile(tx, ctx, file, input.audience === 'public')
    await tx.insert(manualVersions).values({ orgId: ctx.orgId, manualId: m!.id, version: 1, body: input.body, fileId: fileId ?? null, effectiveOn: input.effectiveOn, nextReviewOn: input.nextReviewOn, fiscalYear: fiscalYearOf(input.effectiveOn), createdBy: actor.userId })
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'manuals.create', entityType: 'manual', entityId: m!.id, requestId: ctx.requestId, details: { title: input.title, kind: input.kind, unitId: input.unitId, file: !!fileId } })
    return m!
  })
}

/** Edits the manual and its draft version (the first one, or a revision waiting for approval). */
export async function updateManualDraft(ctx: OrgUseCaseCtx, id: string, input: ManualInput, file?: CheckedFile): Promise<Manual> {
  assertCan(ctx.actor, 'manuals.edit')
  const actor = ctx.actor
  checkDates(input)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const before = await detailIn(tx, await lockManual(tx, id))
    if (!before.draft) throw conflict('v.noDraft')
    await checkUnit(tx, input.unitId)
    const fileId = await storeFile(tx, ctx, file, input.audience === 'public')
    const [m] = await tx.update(manuals).set({ kind: input.kind, unitId: input.unitId, title: input.title, audience: input.audience, ackRequired: input.ackRequired, updatedAt: sql`now()` }).where(eq(manuals.id, id)).returning()
    await tx
      .update(manualVersions)
      .set({ body: input.body, effectiveOn: input.effectiveOn, nextReviewOn: input.nextReviewOn, fiscalYear: fiscalYearOf(input.effectiveOn), ...(fileId ? { fileId } : {}) })
      .where(and(eq(manualVersions.manualId, id), eq(manualVersions.version, before.draft.version)))
    const was = { ...before.m, ...before.draft } as Record<string, unknown>
    const changed = Object.fromEntries(Object.entries(input).filter(([k, v]) => JSON.stringify(was[k]) !== JSON.stringify(v)).map(([k, v]) => [k, { from: was[k], to: v }]))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'manuals.update', entityType: 'manual', entityId: id, requestId: ctx.requestId, details: { version: before.draft.version, changed, file: !!fileId } })
    if (m!.currentVersion !== null) invalidatePublicCache(ctx.orgId)
    return m!
  })
}

/** A new version beside the one in force: a draft until the executive approves it. */
export async function reviseManual(ctx: OrgUseCaseCtx, id: string, input: ManualRevisionInput, file?: CheckedFile): Promise<ManualVersion> {
  assertCan(ctx.actor, 'manuals.edit')
  const actor = ctx.actor
  checkDates(input)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const d = await detailIn(tx, await lockManual(tx, id))
    if (!d.current) throw conflict('v.notApproved')
    if (d.draft) throw conflict('v.draftExists')
    const fileId = (await storeFile(tx, ctx, file, d.m.audience === 'public')) ?? d.current.fileId
    const version = Math.max(...d.versions.map((v) => v.version)) + 1
    const [v] = await tx
      .insert(manualVersions)
      .values({ orgId: ctx.orgId, manualId: id, version, body: input.body, fileId, effectiveOn: input.effectiveOn, nextReviewOn: input.nextReviewOn, fiscalYear: fiscalYearOf(input.effectiveOn), changeNote: input.changeNote, createdBy: actor.userId })
      .returning()
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'manuals.revise', entityType: 'manual', entityId: id, requestId: ctx.requestId, details: { version, changeNote: input.changeNote, file: !!file } })
    return v!
  })
}

const reviewKey = (orgId: string, id: string) => ({ orgId, module: 'announcements', kind: 'manual_review', ref: id })

/** The next review of the version in force is a deadline of its author (or of the manual's), seen by every reader of manuals. */
export async function setReviewDeadline(tx: Tx, m: Manual, v: ManualVersion): Promise<void> {
  const title = { th: manualsT('th', 'deadline.review', { title: m.title }), en: manualsT('en', 'deadline.review', { title: m.title }) }
  await setDeadline(tx, { ...reviewKey(m.orgId, m.id), title, href: `/manuals/${m.id}`, dueOn: v.nextReviewOn, assigneeUserIds: [v.createdBy ?? m.createdBy].filter((x): x is string => !!x), visibleTo: 'manuals.read' })
}

/** The executive approves the draft: it is in force, the one before is superseded, the review date is a deadline. */
export async function approveManual(ctx: OrgUseCaseCtx, id: string): Promise<{ m: Manual; version: ManualVersion }> {
  assertCan(ctx.actor, 'manuals.approve')
  const actor = ctx.actor
  const out = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const d = await detailIn(tx, await lockManual(tx, id))
    if (!d.draft) throw conflict('v.noDraft')
    if (d.current) await tx.update(manualVersions).set({ status: 'superseded' }).where(and(eq(manualVersions.manualId, id), eq(manualVersions.version, d.current.version)))
    const [v] = await tx.update(manualVersions).set({ status: 'approved', approvedBy: actor.userId, approvedAt: sql`now()` }).where(and(eq(manualVersions.manualId, id), eq(manualVersions.version, d.draft.version))).returning()
    const [m] = await tx.update(manuals).set({ currentVersion: d.draft.version, updatedAt: sql`now()` }).where(eq(manuals.id, id)).returning()
    await setReviewDeadline(tx, m!, v!)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'manuals.approve', entityType: 'manual', entityId: id, requestId: ctx.requestId, details: { version: v!.version, superseded: d.current?.version ?? null, nextReviewOn: v!.nextReviewOn } })
    return { m: m!, version: v! }
  })
  invalidatePublicCache(ctx.orgId)
  return out
}

/** Deletes the draft: the whole manual when it was never approved, else only the waiting revision. */
export async function deleteManualDraft(ctx: OrgUseCaseCtx, id: string): Promise<ManualDetail> {
  assertCan(ctx.actor, 'manuals.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const d = await detailIn(tx, await lockManual(tx, id))
    if (!d.draft) throw conflict('v.noDraft')
    if (d.current) await tx.delete(manualVersions).where(and(eq(manualVersions.manualId, id), eq(manualVersions.version, d.draft.version)))
    else {
      await tx.delete(manuals).where(eq(manuals.id, id))
      await removeDeadline(tx, reviewKey(ctx.orgId, id))
    }
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'manuals.delete', entityType: 'manual', entityId: id, requestId: ctx.requestId, details: { title: d.m.title, version: d.draft.version, wholeManual: !d.current } })
    return d
  })
}

export type ManualMissing = { personId: string; fullName: string; hasAccount: boolean }
export type ManualProgress = { asked: number; acknowledged: number; missing: ManualMissing[]; mine: 'asked' | 'done' | 'not_asked' | 'no_person' }

/** Who is asked to acknowledge a manual: its unit's staff today. */
export const unitStaff = (tx: Tx, m: Pick<Manual, 'unitId'>) => peopleFor(tx, { unitIds: [m.unitId], kinds: STAFF_KINDS })

/** Of the unit's staff today, who has acknowledged the version in force. */
export async function manualProgress(ctx: OrgUseCaseCtx, d: ManualDetail): Promise<ManualProgress> {
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const people = d.current && d.m.ackRequired ? await unitStaff(tx, d.m) : []
    const acks = d.current ? await tx.select({ personId: manualAcks.personId }).from(manualAcks).where(and(eq(manualAcks.manualId, d.m.id), eq(manualAcks.version, d.current.version))) : []
    const done = new Set(acks.map((a) => a.personId))
    const me = ctx.actor ? await personOfUser(tx, ctx.actor.userId) : null
    const asked = !!me && people.some((p) => p.id === me.id)
    return {
      asked: people.length,
      acknowledged: people.filter((p) => done.has(p.id)).length,
      missing: people.filter((p) => !done.has(p.id)).map((p) => ({ personId: p.id, fullName: p.fullName, hasAccount: !!p.userId })),
      mine: !me ? 'no_person' : !asked ? 'not_asked' : done.has(me.id) ? 'done' : 'asked',
    }
  })
}

export type ManualRefusal = 'ack.notAsked' | 'ack.notOpen' | 'ack.noPerson' | 'ack.linkUsed' | 'ack.revised'
export const refuseManual = (key: ManualRefusal) => new AppError('conflict', 409, localized(manualsT, key))

/** Records one "รับทราบ" of the version in force by a person of the unit (false when already recorded), audited. */
export async function recordManualAck(tx: Tx, m: Manual, personId: string, via: AckVia, by: { userId: string | null; label: string; requestId: string }): Promise<boolean> {
  if (m.currentVersion === null || !m.ackRequired) throw refuseManual('ack.notOpen')
  if (!(await unitStaff(tx, m)).some((p) => p.id === personId)) throw refuseManual('ack.notAsked')
  const rows = await tx
    .insert(manualAcks)
    .values({ orgId: m.orgId, manualId: m.id, version: m.currentVersion, personId, via, userId: via === 'account' ? by.userId : null, recordedBy: via === 'paper' ? by.userId : null })
    .onConflictDoNothing()
    .returning({ personId: manualAcks.personId })
  if (!rows.length) return false
  await appendAudit(tx, { orgId: m.orgId, actorUserId: by.userId, actorLabel: by.label, action: 'manuals.acknowledge', entityType: 'manual', entityId: m.id, requestId: by.requestId, details: { personId, version: m.currentVersion, via } })
  return true
}

/** The signed-in person of the unit acknowledges the version in force (a second click changes nothing). */
export async function acknowledgeManual(ctx: OrgUseCaseCtx, id: string): Promise<boolean> {
  assertCan(ctx.actor, 'announcements.acknowledge')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const m = await lockManual(tx, id)
    if (m.currentVersion === null || !m.ackRequired) throw refuseManual('ack.notOpen')
    const me = await personOfUser(tx, actor.userId)
    if (!me) throw refuseManual('ack.noPerson')
    return recordManualAck(tx, m, me.id, 'account', { userId: actor.userId, label: actor.email, requestId: ctx.requestId })
  })
}

export type PublicManual = { m: Manual; unitName: string; current: ManualVersion; history: ManualVersion[] }

/** The public manuals in force (approved, published to the public), by unit: no permission needed. */
export async function publicManuals(db: Db, orgId: string): Promise<PublicManual[]> {
  return inOrg(db, orgId, async (tx) => {
    const rows = await tx
      .select({ m: manuals, unitName: units.nameTh, v: manualVersions })
      .from(manuals)
      .innerJoin(units, eq(units.id, manuals.unitId))
      .innerJoin(manualVersions, and(eq(manualVersions.manualId, manuals.id), eq(manualVersions.version, manuals.currentVersion)))
      .where(eq(manuals.audience, 'public'))
      .orderBy(units.sortOrder, units.nameTh, manuals.kind, manuals.title)
      .limit(500)
    return rows.map((r) => ({ m: r.m, unitName: r.unitName, current: r.v, history: [] }))
  })
}

export async function publicManual(db: Db, orgId: string, id: string): Promise<PublicManual | null> {
  if (!isUuid(id)) return null
  return inOrg(db, orgId, async (tx) => {
    const [m] = await tx.select().from(manuals).where(and(eq(manuals.id, id), eq(manuals.audience, 'public')))
    if (!m || m.currentVersion === null) return null
    const d = await detailIn(tx, m)
    return { m, unitName: d.unitName, current: d.current!, history: d.versions.filter((v) => v.status !== 'draft') }
  })
}
