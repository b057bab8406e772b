import { and, count, eq, max } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { assertCan } from '../../platform/auth/permissions.js'
import { deleteFile, getFile, putFile } from '../../platform/files/files.service.js'
import type { StoredFile } from '../../platform/files/files.schema.js'
import type { CheckedFile } from '../../platform/http/forms.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { isUuid } from '../../platform/http/params.js'
import { meetingPhotos, type Meeting, type MeetingPhoto } from './meetings.schema.js'
import { audit, conflict, lockMeeting, meetingIn, notFound } from './shared.js'

// Photos of a meeting (issue 17, item 4), stored like the gifts module's photos: the bytes through
// the platform files service (type checked from the content, never public there), a row here with
// the caption (also the image's alt text) and the order. Staff with meetings.read see them; the
// public meeting page shows them only while the meeting is public (and not cancelled).

/** JPEG, PNG or WebP, at most 10 MB (the type is checked from the content). */
export const PHOTO_RULE = { maxBytes: 10 * 1024 * 1024, types: { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' }, required: true, max: 1 } as const
/** Photos a meeting may hold (the module's own limit). */
export const MAX_PHOTOS = 30

export type PhotoInput = { caption: string }

/** A meeting's photos in their order. */
export const photosOf = (tx: Tx, meetingId: string): Promise<MeetingPhoto[]> => tx.select().from(meetingPhotos).where(eq(meetingPhotos.meetingId, meetingId)).orderBy(meetingPhotos.position, meetingPhotos.createdAt)

export async function listPhotos(ctx: OrgUseCaseCtx, meetingId: string): Promise<MeetingPhoto[]> {
  assertCan(ctx.actor, 'meetings.read')
  if (!isUuid(meetingId)) throw notFound()
  return inOrg(ctx.db, ctx.orgId, (tx) => photosOf(tx, meetingId))
}

async function photoIn(tx: Tx, meetingId: string, photoId: string): Promise<MeetingPhoto> {
  if (!isUuid(meetingId) || !isUuid(photoId)) throw notFound()
  const [row] = await tx.select().from(meetingPhotos).where(and(eq(meetingPhotos.id, photoId), eq(meetingPhotos.meetingId, meetingId)))
  if (!row) throw notFound()
  return row
}

export async function getPhoto(ctx: OrgUseCaseCtx, meetingId: string, photoId: string): Promise<MeetingPhoto> {
  assertCan(ctx.actor, 'meetings.read')
  return inOrg(ctx.db, ctx.orgId, (tx) => photoIn(tx, meetingId, photoId))
}

const shownPublicly = (m: Pick<Meeting, 'isPublic' | 'status'>) => m.isPublic && m.status !== 'cancelled'

/** Adds a photo at the end; refused (409) for a cancelled meeting or past MAX_PHOTOS. */
export async function addPhoto(ctx: OrgUseCaseCtx, meetingId: string, input: PhotoInput, file: CheckedFile): Promise<MeetingPhoto> {
  assertCan(ctx.actor, 'meetings.edit')
  const actor = ctx.actor
  const { photo, meeting } = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId)
    if (meeting.status === 'cancelled') throw conflict('photo.cancelled')
    const [{ n, last } = { n: 0, last: 0 }] = await tx.select({ n: count(), last: max(meetingPhotos.position) }).from(meetingPhotos).where(eq(meetingPhotos.meetingId, meetingId))
    if (n >= MAX_PHOTOS) throw conflict('photo.tooMany', { max: MAX_PHOTOS })
    const stored = await putFile(tx, ctx.orgId, { name: file.name, bytes: file.bytes, isPublic: false, createdBy: actor.userId, allowed: PHOTO_RULE.types, maxBytes: PHOTO_RULE.maxBytes })
    const [photo] = await tx.insert(meetingPhotos).values({ orgId: ctx.orgId, meetingId, fileId: stored.id, caption: input.caption, position: (last ?? 0) + 1, createdBy: actor.userId }).returning()
    await audit(tx, ctx, 'photo.add', 'meeting_photo', photo!.id, { meetingId, caption: input.caption, fileId: stored.id, name: stored.name, contentType: stored.contentType, size: stored.size, sha256: stored.sha256 })
    return { photo: photo!, meeting }
  })
  if (shownPublicly(meeting)) invalidatePublicCache(ctx.orgId)
  return photo
}

/** Deletes a photo and its file (after the confirmation page). */
export async function deletePhoto(ctx: OrgUseCaseCtx, meetingId: string, photoId: string): Promise<MeetingPhoto> {
  assertCan(ctx.actor, 'meetings.edit')
  const { photo, meeting } = await inOrg(ctx.db, ctx.orgId, async (tx) => {
    const meeting = await lockMeeting(tx, meetingId)
    const photo = await photoIn(tx, meetingId, photoId)
    await tx.delete(meetingPhotos).where(eq(meetingPhotos.id, photo.id))
    await deleteFile(tx, ctx.orgId, photo.fileId)
    await audit(tx, ctx, 'photo.delete', 'meeting_photo', photo.id, { meetingId, caption: photo.caption, fileId: photo.fileId })
    return { photo, meeting }
  })
  if (shownPublicly(meeting)) invalidatePublicCache(ctx.orgId)
  return photo
}

/** Removes the files of a meeting's photos (before the meeting itself is deleted; the rows cascade). */
export async function deletePhotoFiles(tx: Tx, orgId: string, meetingId: string): Promise<number> {
  const rows = await tx.select({ fileId: meetingPhotos.fileId }).from(meetingPhotos).where(eq(meetingPhotos.meetingId, meetingId))
  for (const r of rows) await deleteFile(tx, orgId, r.fileId)
  return rows.length
}

/** The image of a photo, for staff with meetings.read (404 for another agency's or another meeting's). */
export async function photoFile(ctx: OrgUseCaseCtx, meetingId: string, photoId: string): Promise<StoredFile> {
  assertCan(ctx.actor, 'meetings.read')
  return inOrg(ctx.db, ctx.orgId, async (tx) => {
    const photo = await photoIn(tx, meetingId, photoId)
    const file = await getFile(tx, photo.fileId)
    if (!file) throw notFound()
    return file
  })
}

/** The image of a photo of a public meeting, for anyone (404 unless the meeting is public and not cancelled). */
export async function publicPhotoFile(db: Db, orgId: string, meetingId: string, photoId: string): Promise<StoredFile> {
  return inOrg(db, orgId, async (tx) => {
    const m = await meetingIn(tx, meetingId)
    if (!m || !shownPublicly(m)) throw notFound()
    const photo = await photoIn(tx, meetingId, photoId)
    const file = await getFile(tx, photo.fileId)
    if (!file) throw notFound()
    return file
  })
}
