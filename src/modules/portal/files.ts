import { and, eq, sql } from 'drizzle-orm'
import { inOrg, type Db, type Tx } from '../../db/client.js'
import { files } from '../../platform/files/files.schema.js'
import { putFile } from '../../platform/files/files.service.js'
import { isUuid } from '../../platform/http/params.js'

// The portal's files are public (attachments, documents, photos). Their type is checked from the
// content; the form rules (portal.forms.ts) and the store below use the same limits.

/** The largest file the portal accepts (each). */
export const MAX_PORTAL_FILE_BYTES = 20 * 1024 * 1024
/** Attachments and documents: PDF, images, Word and Excel (OOXML and the older OLE formats). */
export const PORTAL_FILE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/x-cfb': 'doc/xls',
}
/** Executives' photos. */
export const PHOTO_TYPES: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }

export type FileMeta = { id: string; name: string; contentType: string; size: number }
/** A file as the form sent it (already checked by the form's file rules). */
export type Upload = { name: string; bytes: Uint8Array }

/** Stores public files in the caller's transaction; returns their ids in order. */
export async function storePublicFiles(tx: Tx, orgId: string, userId: string, list: Upload[], allowed = PORTAL_FILE_TYPES): Promise<string[]> {
  const ids: string[] = []
  for (const f of list) ids.push((await putFile(tx, orgId, { name: f.name, bytes: f.bytes, isPublic: true, createdBy: userId, allowed, maxBytes: MAX_PORTAL_FILE_BYTES })).id)
  return ids
}

/**
 * A public file of the agency, only while something live shows it: an attachment of a published
 * post that is due, the file of a published document, an executive's photo, the agency's logo.
 * Files are stored public when uploaded, so without this check a draft's or a scheduled post's
 * attachment could be read (its id is in the editor) before the post itself is out.
 */
export async function getPublicFile(db: Db, orgId: string, fileId: string) {
  if (!isUuid(fileId)) return null
  const shown = sql`(
    EXISTS (SELECT 1 FROM portal_post_files pf JOIN portal_posts p ON p.org_id = pf.org_id AND p.id = pf.post_id
             WHERE pf.file_id = ${files.id} AND p.status = 'published' AND p.publish_at <= now())
    OR EXISTS (SELECT 1 FROM portal_documents d WHERE d.file_id = ${files.id} AND d.status = 'published' AND d.published_at <= now())
    OR EXISTS (SELECT 1 FROM portal_executives e WHERE e.photo_file_id = ${files.id})
    OR EXISTS (SELECT 1 FROM orgs o WHERE o.id = ${files.orgId} AND o.logo_file_id = ${files.id}))`
  const [f] = await inOrg(db, orgId, (tx) => tx.select().from(files).where(and(eq(files.id, fileId), eq(files.isPublic, true), shown)))
  return f ?? null
}
