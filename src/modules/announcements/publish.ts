import { eq, sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { AppError } from '../../platform/http/errors.js'
import { localized } from '../../platform/i18n/i18n.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { toIsoDate, todayInBangkok } from '../../platform/thai/index.js'
import { announcements, announcementVersions, type Announcement } from './announcements.schema.js'
import { announcementsT } from './announcements.i18n.js'
import { lockAnnouncement } from './announcements.service.js'
import { nextNumber, numberYearOf } from './numbering.js'
import { snapshotRecipients, syncAckDeadline } from './acknowledgement.js'
import { putFile, type CheckedFile } from './files.js'

// A draft is published (numbered, its audience asked to acknowledge), a published one is revised
// (the old text kept, everyone asked again) or withdrawn (kept with its number, marked withdrawn).

const conflict = (key: 'v.notDraft' | 'v.notPublished') => new AppError('conflict', 409, localized(announcementsT, key))

export async function publishAnnouncement(ctx: OrgUseCaseCtx, id: string): Promise<Announcement> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  const row = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const a = await lockAnnouncement(tx, id)
    if (a.status !== 'draft') throw conflict('v.notDraft')
    if (a.ackScope === 'units' && a.ackUnitIds.length === 0) throw new AppError('conflict', 409, localized(announcementsT, 'v.unitsNeeded'))
    const numberYear = numberYearOf(a.signedOn)
    const number = await nextNumber(tx, ctx.orgId, a.kind, numberYear)
    const [p] = await tx.update(announcements).set({ status: 'published', number, numberYear, publishedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(announcements.id, id)).returning()
    const asked = await snapshotRecipients(tx, p!)
    await syncAckDeadline(tx, p!)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcements.publish', entityType: 'announcement', entityId: id, requestId: ctx.requestId, details: { number: `${number}/${numberYear}`, kind: a.kind, asked: asked.length } })
    return p!
  })
  invalidatePublicCache(ctx.orgId)
  return row
}

export type RevisionInput = { subject: string; body: string; changeNote: string }

/** A new version: the text it replaces is kept, the number stays, and everyone is asked again. */
export async function reviseAnnouncement(ctx: OrgUseCaseCtx, id: string, input: RevisionInput, scan?: CheckedFile): Promise<Announcement> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  const row = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const a = await lockAnnouncement(tx, id)
    if (a.status !== 'published') throw conflict('v.notPublished')
    await tx.insert(announcementVersions).values({ orgId: ctx.orgId, announcementId: id, version: a.version, subject: a.subject, body: a.body, fileId: a.fileId, changeNote: input.changeNote })
    const fileId = scan ? (await putFile(tx, ctx.orgId, { name: scan.name, bytes: scan.bytes, isPublic: a.audience !== 'staff', createdBy: actor.userId })).id : a.fileId
    const [p] = await tx.update(announcements).set({ subject: input.subject, body: input.body, fileId, version: a.version + 1, updatedAt: sql`now()` }).where(eq(announcements.id, id)).returning()
    const asked = await snapshotRecipients(tx, p!)
    await syncAckDeadline(tx, p!)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcements.revise', entityType: 'announcement', entityId: id, requestId: ctx.requestId, details: { version: p!.version, changeNote: input.changeNote, subjectChanged: a.subject !== input.subject, asked: asked.length } })
    return p!
  })
  invalidatePublicCache(ctx.orgId)
  return row
}

export async function withdrawAnnouncement(ctx: OrgUseCaseCtx, id: string, reason: string): Promise<Announcement> {
  assertCan(ctx.actor, 'announcements.edit')
  const actor = ctx.actor
  const row = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const a = await lockAnnouncement(tx, id)
    if (a.status !== 'published') throw conflict('v.notPublished')
    const [p] = await tx.update(announcements).set({ status: 'withdrawn', withdrawnOn: toIsoDate(todayInBangkok()), withdrawnReason: reason, updatedAt: sql`now()` }).where(eq(announcements.id, id)).returning()
    await syncAckDeadline(tx, p!)
    await appendAudit(tx, { orgId: ctx.orgId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcements.withdraw', entityType: 'announcement', entityId: id, requestId: ctx.requestId, details: { reason } })
    return p!
  })
  invalidatePublicCache(ctx.orgId)
  return row
}

export async function versionsOf(ctx: OrgUseCaseCtx, id: string) {
  assertCan(ctx.actor, 'announcements.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(announcementVersions).where(eq(announcementVersions.announcementId, id)).orderBy(announcementVersions.version))
}
