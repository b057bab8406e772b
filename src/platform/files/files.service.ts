import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { fileTypeFromBuffer } from 'file-type'
import type { Tx } from '../../db/client.js'
import { AppError } from '../http/errors.js'
import { files, type StoredFile } from './files.schema.js'

// One interface for stored files (evidence, attachments). Bytes live in the `files` table under
// row-level security, so a file is only ever visible inside its agency's transaction. The type is
// read from the content (magic numbers via file-type), never from the name or the browser's claim.

export const MAX_FILE_BYTES = 10 * 1024 * 1024

/** Evidence: PDF, images and Office documents (OOXML and the older OLE formats). */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/x-cfb': 'doc',
}

export type FileMeta = Omit<StoredFile, 'data'>
export type PutFileInput = {
  name: string
  bytes: Uint8Array
  isPublic?: boolean
  createdBy?: string | null
  /** Accepted content types (detected); default EVIDENCE_TYPES. */
  allowed?: Readonly<Record<string, string>>
  maxBytes?: number
}

/** The detected content type of some bytes, or undefined when it is not recognisable. */
export async function detectContentType(bytes: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(bytes))?.mime
}

/** Checks size and detected type; throws a Thai AppError (413 / 415). Returns the content type. */
export async function checkFile(input: Pick<PutFileInput, 'name' | 'bytes' | 'allowed' | 'maxBytes'>): Promise<string> {
  const max = input.maxBytes ?? MAX_FILE_BYTES
  if (input.bytes.byteLength === 0) throw new AppError('bad_request', 422, { th: `ไฟล์ ${input.name} ว่างเปล่า`, en: `${input.name} is empty` })
  if (input.bytes.byteLength > max) {
    const mb = Math.round(max / 1024 / 1024)
    throw new AppError('payload_too_large', 413, { th: `ไฟล์ ${input.name} ใหญ่เกิน ${mb} MB`, en: `${input.name} is larger than ${mb} MB` })
  }
  const type = await detectContentType(input.bytes)
  const allowed = input.allowed ?? EVIDENCE_TYPES
  if (!type || !(type in allowed)) {
    const kinds = [...new Set(Object.values(allowed))].join(', ')
    throw new AppError('unsupported_media_type', 415, {
      th: `ไฟล์ ${input.name} ไม่ใช่ชนิดที่รับได้ (ตรวจจากเนื้อไฟล์) รับเฉพาะ ${kinds}`,
      en: `${input.name} is not an accepted type (checked by content); accepted: ${kinds}`,
    })
  }
  return type
}

function safeName(name: string): string {
  const base = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f]/g, '').trim()
  return (base || 'file').slice(0, 255)
}

/** Stores a file in the caller's agency transaction (the change commits with the caller's). */
export async function putFile(tx: Tx, orgId: string, input: PutFileInput): Promise<FileMeta> {
  const contentType = await checkFile(input)
  const sha256 = createHash('sha256').update(input.bytes).digest('hex')
  const [row] = await tx
    .insert(files)
    .values({ orgId, name: safeName(input.name), contentType, size: input.bytes.byteLength, sha256, data: Buffer.from(input.bytes), isPublic: input.isPublic ?? false, createdBy: input.createdBy ?? null })
    .returning({ orgId: files.orgId, id: files.id, name: files.name, contentType: files.contentType, size: files.size, sha256: files.sha256, isPublic: files.isPublic, createdBy: files.createdBy, createdAt: files.createdAt })
  return row!
}

/** A file with its bytes, if it belongs to the transaction's agency. */
export async function getFile(tx: Tx, id: string): Promise<StoredFile | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const [row] = await tx.select().from(files).where(eq(files.id, id))
  return row
}

export async function getFileMeta(tx: Tx, id: string): Promise<FileMeta | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const [row] = await tx
    .select({ orgId: files.orgId, id: files.id, name: files.name, contentType: files.contentType, size: files.size, sha256: files.sha256, isPublic: files.isPublic, createdBy: files.createdBy, createdAt: files.createdAt })
    .from(files)
    .where(eq(files.id, id))
  return row
}

export async function deleteFile(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const r = await tx.delete(files).where(and(eq(files.orgId, orgId), eq(files.id, id))).returning({ id: files.id })
  return r.length > 0
}

/** Response headers for serving a stored file: never sniffed, downloaded unless it is safe inline. */
export function fileHeaders(f: Pick<FileMeta, 'name' | 'contentType' | 'size'>): Record<string, string> {
  const inline = f.contentType === 'application/pdf' || f.contentType.startsWith('image/')
  return {
    'Content-Type': f.contentType,
    'Content-Length': String(f.size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    'Cache-Control': 'private, no-store',
  }
}
