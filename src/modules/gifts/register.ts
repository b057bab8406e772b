import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import { inOrg, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError, InputError } from '../../platform/http/errors.js'
import { isUuid } from '../../platform/http/params.js'
import { people, personUnits } from '../../platform/people/people.schema.js'
import { personById, supervisorOf, accountIdsOf } from '../../platform/people/directory.js'
import { closeDeadline, removeDeadline, setDeadline } from '../../platform/deadlines/deadlines.service.js'
import { fiscalHalfOf, toSatang } from '../../platform/thai/index.js'
import { deleteFile, getFile, putFile } from '../../platform/files/files.service.js'
import type { StoredFile } from '../../platform/files/files.schema.js'
import type { CheckedFile } from '../../platform/http/forms.js'
import { giftsRecords, giftsReports, type GiftRecord } from './gifts.schema.js'
import { giftsT } from './gifts.i18n.js'
import { assessGift, reportDueOn, type Assessment, type GiftAction, type Relation } from './rules.js'
import { nilDeadlineKey } from './returns.js'

// The gift register: one record per gift or benefit offered to a person of the agency, judged by
// the rule file of its fiscal year when saved; an over-limit gift that was not declined must be
// reported to the head within the rule's days, and that is a deadline until the report date is set.

export const PAGE_SIZE = 20

export type GiftInput = {
  personId: string
  receivedOn: string
  giver: string
  relation: Relation
  generalGiving: boolean
  occasion: string
  customary: boolean
  description: string
  valueBaht: number
  action: GiftAction
  handedTo: string | null
  handedOn: string | null
  reportedTo: string | null
  reportedOn: string | null
  decision: string | null
  note: string
}
/** A photo or receipt of the gift, and the signed hand-over form (each optional; a new one replaces the old). */
export type GiftFiles = { photo?: CheckedFile | undefined; handover?: CheckedFile | undefined }
/** PDF or an image, at most 10 MB (the type is checked from the content). */
export const ATTACHMENT_RULE = { maxBytes: 10 * 1024 * 1024, types: { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' } } as const
export const ATTACHMENTS = { photo: 'photoFileId', handover: 'handoverFileId' } as const
export type AttachmentKind = keyof typeof ATTACHMENTS

/** Stores the given files (never public) and returns the columns to set, removing the files they replace. */
async function storeFiles(tx: Tx, orgId: string, userId: string, files: GiftFiles, before?: GiftRecord): Promise<Partial<Pick<GiftRecord, 'photoFileId' | 'handoverFileId'>>> {
  const set: Partial<Pick<GiftRecord, 'photoFileId' | 'handoverFileId'>> = {}
  for (const kind of Object.keys(ATTACHMENTS) as AttachmentKind[]) {
    const f = files[kind]
    if (!f) continue
    set[ATTACHMENTS[kind]] = (await putFile(tx, orgId, { name: f.name, bytes: f.bytes, isPublic: false, createdBy: userId, allowed: ATTACHMENT_RULE.types, maxBytes: ATTACHMENT_RULE.maxBytes })).id
    const old = before?.[ATTACHMENTS[kind]]
    if (old) await deleteFile(tx, orgId, old)
  }
  return set
}

export type GiftFilter = { q?: string | undefined; fiscalYear?: number | undefined; half?: 1 | 2 | undefined; action?: GiftAction | undefined; assessment?: Assessment | undefined; unitId?: string | undefined; page: number }
export type GiftRow = GiftRecord & { personName: string; personPosition: string | null }
export type GiftPage = { rows: GiftRow[]; total: number; page: number; pages: number; years: number[] }

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
const msg = (key: Parameters<typeof giftsT>[1], params?: Record<string, string | number>) => ({ th: giftsT('th', key, params), en: giftsT('en', key, params) })

/** Whole satang as the numeric(12,2) text PostgreSQL stores. */
export function satangToDecimal(s: bigint): string {
  const abs = s < 0n ? -s : s
  return `${s < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

export async function listGifts(ctx: OrgUseCaseCtx, f: GiftFilter): Promise<GiftPage> {
  assertCan(ctx.actor, 'gifts.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const where: SQL[] = []
    if (f.q) where.push(or(ilike(giftsRecords.giver, likePattern(f.q)), ilike(giftsRecords.description, likePattern(f.q)), ilike(people.fullName, likePattern(f.q)))!)
    if (f.fiscalYear) where.push(eq(giftsRecords.fiscalYear, f.fiscalYear))
    if (f.half) where.push(eq(giftsRecords.half, f.half))
    if (f.action) where.push(eq(giftsRecords.action, f.action))
    if (f.assessment) where.push(eq(giftsRecords.assessment, f.assessment))
    // A gift is in a unit when its recipient belongs to it (people contract: one person, several units).
    if (f.unitId) where.push(sql`exists (select 1 from ${personUnits} where ${personUnits.personId} = ${giftsRecords.personId} and ${personUnits.unitId} = ${f.unitId})`)
    const cond = where.length ? and(...where) : undefined
    const join = and(eq(people.orgId, giftsRecords.orgId), eq(people.id, giftsRecords.personId))
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(giftsRecords).innerJoin(people, join).where(cond)
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE))
    const page = Math.min(f.page, pages)
    const rows = await tx
      .select({ g: giftsRecords, personName: people.fullName, personPosition: people.position })
      .from(giftsRecords)
      .innerJoin(people, join)
      .where(cond)
      .orderBy(desc(giftsRecords.receivedOn), desc(giftsRecords.createdAt), giftsRecords.id)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
    const years = (await tx.selectDistinct({ y: giftsRecords.fiscalYear }).from(giftsRecords).orderBy(desc(giftsRecords.fiscalYear))).map((r) => r.y)
    return { rows: rows.map((r) => ({ ...r.g, personName: r.personName, personPosition: r.personPosition })), total: n, page, pages, years }
  })
}

export async function getGift(ctx: OrgUseCaseCtx, id: string): Promise<GiftRow> {
  assertCan(ctx.actor, 'gifts.read')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  const [row] = await inOrg(ctx.db, ctx.orgId, (tx) =>
    tx
      .select({ g: giftsRecords, personName: people.fullName, personPosition: people.position })
      .from(giftsRecords)
      .innerJoin(people, and(eq(people.orgId, giftsRecords.orgId), eq(people.id, giftsRecords.personId)))
      .where(eq(giftsRecords.id, id)),
  )
  if (!row) throw new AppError('not_found', 404)
  return { ...row.g, personName: row.personName, personPosition: row.personPosition }
}

async function isReportPublished(tx: Tx, fiscalYear: number, half: 1 | 2): Promise<boolean> {
  const [r] = await tx.select({ status: giftsReports.status }).from(giftsReports).where(and(eq(giftsReports.fiscalYear, fiscalYear), eq(giftsReports.half, half)))
  return r?.status === 'published'
}

/**
 * Judges every gift of one giver to one person on one occasion of a year together (the rule's
 * "per giver per occasion" adds them up) and stores each one's assessment.
 */
async function reassessGroup(tx: Tx, g: Pick<GiftRecord, 'personId' | 'giver' | 'occasion' | 'fiscalYear'>): Promise<void> {
  const group = await tx
    .select()
    .from(giftsRecords)
    .where(and(eq(giftsRecords.personId, g.personId), eq(giftsRecords.fiscalYear, g.fiscalYear), sql`lower(btrim(${giftsRecords.giver})) = lower(btrim(${g.giver}))`, sql`lower(btrim(${giftsRecords.occasion})) = lower(btrim(${g.occasion}))`))
  for (const r of group) {
    // Gifts kept add up; a declined gift is judged on its own value, so the register shows what was refused.
    const others = r.action === 'declined' ? [] : group.filter((o) => o.id !== r.id && o.action !== 'declined').map((o) => o.valueBaht)
    const own = assessGift({ fiscalYear: r.fiscalYear, relation: r.relation, generalGiving: r.generalGiving, value: r.valueBaht, sameOccasionOthers: others }).assessment
    // Over the limit and kept: it goes to the recipient's supervisor (people contract) unless someone else is named.
    const reportedTo = own === 'over' && r.action !== 'declined' && !r.reportedTo ? ((await supervisorOf(tx, r.personId))?.id ?? null) : r.reportedTo
    if (own !== r.assessment || reportedTo !== r.reportedTo) await tx.update(giftsRecords).set({ assessment: own, reportedTo }).where(eq(giftsRecords.id, r.id))
    await syncReportDeadline(tx, { ...r, assessment: own, reportedTo })
  }
}

/** An over-limit gift that was not declined is the recipient's (and the recorder's) deadline until it is reported. */
async function syncReportDeadline(tx: Tx, r: GiftRecord): Promise<void> {
  const key = { orgId: r.orgId, module: 'gifts', kind: 'report30', ref: r.id }
  const due = reportDueOn(r.receivedOn, r.fiscalYear)
  if (r.assessment !== 'over' || r.action === 'declined' || r.reportedOn || !due) return closeDeadline(tx, key)
  const person = await personById(tx, r.personId)
  const reportee = r.reportedTo ? await personById(tx, r.reportedTo) : null
  // The recipient reports, the supervisor decides, the recorder follows it up.
  const users = [...new Set([...accountIdsOf([person, reportee].filter((p) => p !== null)), ...(r.createdBy ? [r.createdBy] : [])])]
  await setDeadline(tx, { ...key, title: msg('deadline.report30', { giver: r.giver.slice(0, 80), person: person?.fullName ?? '' }), href: `/gifts/${r.id}/edit`, dueOn: due, assigneeUserIds: users, visibleTo: 'gifts.read' })
}

async function checkInput(tx: Tx, input: GiftInput): Promise<void> {
  const errors: Record<string, { th: string; en: string }> = {}
  if (!isUuid(input.personId) || !(await personById(tx, input.personId))) errors.personId = msg('v.person')
  if (input.reportedTo && (!isUuid(input.reportedTo) || !(await personById(tx, input.reportedTo)))) errors.reportedTo = msg('v.person')
  if (input.action === 'handed_over') {
    if (!input.handedTo) errors.handedTo = msg('v.handedTo')
    if (!input.handedOn) errors.handedOn = msg('v.handedOn')
  }
  if (input.handedOn && input.handedOn < input.receivedOn) errors.handedOn = msg('v.beforeReceived')
  if (input.reportedOn && input.reportedOn < input.receivedOn) errors.reportedOn = msg('v.beforeReceived')
  if (Object.keys(errors).length) throw new InputError(errors)
}

function rowValues(input: GiftInput) {
  const { fiscalYear, half } = fiscalHalfOf(input.receivedOn)
  return {
    ...input,
    fiscalYear,
    half,
    valueBaht: satangToDecimal(toSatang(input.valueBaht)),
    // the first judgement; reassessGroup replaces it with the group's
    assessment: assessGift({ fiscalYear, relation: input.relation, generalGiving: input.generalGiving, value: input.valueBaht }).assessment,
  }
}

export async function createGift(ctx: OrgUseCaseCtx, input: GiftInput, files: GiftFiles = {}): Promise<GiftRecord> {
  assertCan(ctx.actor, 'gifts.edit')
  const actor = ctx.actor
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    await checkInput(tx, input)
    const values = rowValues(input)
    if (await isReportPublished(tx, values.fiscalYear, values.half)) throw new InputError({ receivedOn: msg('v.halfPublished') }, 409)
    const attached = await storeFiles(tx, ctx.orgId, actor.userId, files)
    const [row] = await tx.insert(giftsRecords).values({ orgId: ctx.orgId, ...values, ...attached, createdBy: actor.userId }).returning()
    await reassessGroup(tx, row!)
    // A gift on record answers the person's return for the half.
    await closeDeadline(tx, nilDeadlineKey(ctx.orgId, row!.fiscalYear, row!.half, row!.personId))
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.create', entityType: 'gifts_record', entityId: row!.id, requestId: ctx.requestId, details: { personId: input.personId, giver: input.giver, valueBaht: values.valueBaht, action: input.action, fiscalYear: values.fiscalYear, half: values.half } })
    const [after] = await tx.select().from(giftsRecords).where(eq(giftsRecords.id, row!.id))
    return after!
  })
}

export async function updateGift(ctx: OrgUseCaseCtx, id: string, input: GiftInput, files: GiftFiles = {}): Promise<GiftRecord> {
  assertCan(ctx.actor, 'gifts.edit')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [before] = await tx.select().from(giftsRecords).where(eq(giftsRecords.id, id)).for('update')
    if (!before) throw new AppError('not_found', 404)
    await checkInput(tx, input)
    const values = rowValues(input)
    if ((await isReportPublished(tx, before.fiscalYear, before.half)) || (await isReportPublished(tx, values.fiscalYear, values.half))) throw new InputError({ receivedOn: msg('v.halfPublished') }, 409)
    const attached = await storeFiles(tx, ctx.orgId, actor.userId, files, before)
    const [row] = await tx.update(giftsRecords).set({ ...values, ...attached, updatedAt: sql`now()` }).where(eq(giftsRecords.id, id)).returning()
    await reassessGroup(tx, row!)
    if (before.giver !== row!.giver || before.occasion !== row!.occasion || before.personId !== row!.personId) await reassessGroup(tx, before)
    const changed = Object.fromEntries(
      Object.entries({ ...values, ...attached })
        .filter(([k, v]) => String(before[k as keyof typeof values] ?? '') !== String(v ?? ''))
        .map(([k, v]) => [k, { from: before[k as keyof typeof values] ?? null, to: v }]),
    )
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.update', entityType: 'gifts_record', entityId: id, requestId: ctx.requestId, details: { changed } })
    const [after] = await tx.select().from(giftsRecords).where(eq(giftsRecords.id, id))
    return after!
  })
}

/** Deletes a record entered by mistake; not once its half's report is published (withdraw the report first). */
export async function deleteGift(ctx: OrgUseCaseCtx, id: string): Promise<GiftRecord> {
  assertCan(ctx.actor, 'gifts.edit')
  const actor = ctx.actor
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [row] = await tx.select().from(giftsRecords).where(eq(giftsRecords.id, id)).for('update')
    if (!row) throw new AppError('not_found', 404)
    if (await isReportPublished(tx, row.fiscalYear, row.half)) throw new AppError('conflict', 409, msg('delete.published'))
    await tx.delete(giftsRecords).where(eq(giftsRecords.id, id))
    for (const fileId of [row.photoFileId, row.handoverFileId]) if (fileId) await deleteFile(tx, ctx.orgId, fileId)
    await removeDeadline(tx, { orgId: ctx.orgId, module: 'gifts', kind: 'report30', ref: id })
    await reassessGroup(tx, row)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'gifts.delete', entityType: 'gifts_record', entityId: id, requestId: ctx.requestId, details: { personId: row.personId, giver: row.giver, valueBaht: row.valueBaht, receivedOn: row.receivedOn } })
    return row
  })
}

/** A gift's photo or hand-over form (staff with gifts.read; the file names a person). */
export async function giftAttachment(ctx: OrgUseCaseCtx, id: string, kind: AttachmentKind): Promise<StoredFile> {
  assertCan(ctx.actor, 'gifts.read')
  if (!isUuid(id)) throw new AppError('not_found', 404)
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const [row] = await tx.select().from(giftsRecords).where(eq(giftsRecords.id, id))
    const fileId = row?.[ATTACHMENTS[kind]]
    const file = fileId ? await getFile(tx, fileId) : undefined
    if (!file) throw new AppError('not_found', 404)
    return file
  })
}

/** The people one may pick as recipient or reportee (active today, by name). */
export async function pickablePeople(ctx: OrgUseCaseCtx): Promise<{ id: string; fullName: string; position: string | null }[]> {
  assertCan(ctx.actor, 'gifts.read')
  return inOrg(ctx.db, ctx.orgId, (tx) =>
    tx
      .select({ id: people.id, fullName: people.fullName, position: people.position })
      .from(people)
      .where(sql`(${people.activeUntil} IS NULL OR ${people.activeUntil} >= (now() AT TIME ZONE 'Asia/Bangkok')::date - 400)`)
      .orderBy(people.fullName),
  )
}
