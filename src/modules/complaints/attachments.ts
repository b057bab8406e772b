import { fileTypeFromBuffer } from 'file-type'
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib'
import { AppError } from '../../platform/http/errors.js'

// Attachments: JPEG, PNG and PDF only, recognised from their content (never the name or the
// browser's claim). Image metadata (EXIF with GPS position, camera serial, XMP, IPTC, comments,
// PNG text chunks) is removed before the bytes are encrypted.

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]
export const MAX_ATTACHMENTS = 5
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024

export type CleanFile = { name: string; contentType: AttachmentType; bytes: Buffer }

// JPEG markers kept: APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe colour transform).
const KEEP_APP = new Set([0xe0, 0xe2, 0xee])

/** Removes APPn metadata segments (EXIF/GPS, XMP, IPTC, …) and comments from a JPEG. */
export function stripJpegMetadata(input: Buffer): Buffer {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== 0xd8) throw new Error('not a JPEG')
  const out: Buffer[] = [input.subarray(0, 2)]
  let i = 2
  while (i < input.length) {
    if (input[i] !== 0xff) throw new Error('malformed JPEG')
    let j = i
    while (input[j] === 0xff && j < input.length) j++ // fill bytes
    const marker = input[j]!
    const start = j + 1
    if (marker === 0xd9) {
      out.push(Buffer.from([0xff, 0xd9]))
      break
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(Buffer.from([0xff, marker]))
      i = start
      continue
    }
    if (start + 2 > input.length) throw new Error('malformed JPEG')
    const len = input.readUInt16BE(start)
    const end = start + len
    if (len < 2 || end > input.length) throw new Error('malformed JPEG')
    if (marker === 0xda) {
      // Start of scan: the compressed image and everything after it are kept as they are.
      out.push(Buffer.from([0xff, 0xda]), input.subarray(start))
      break
    }
    const isApp = marker >= 0xe0 && marker <= 0xef
    const drop = (isApp && !KEEP_APP.has(marker)) || marker === 0xfe
    if (!drop) out.push(Buffer.from([0xff, marker]), input.subarray(start, end))
    i = end
  }
  return Buffer.concat(out)
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'])

/** Removes text, EXIF and time chunks from a PNG. */
export function stripPngMetadata(input: Buffer): Buffer {
  if (!input.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG')
  const out: Buffer[] = [PNG_SIGNATURE]
  let i = 8
  while (i + 12 <= input.length) {
    const len = input.readUInt32BE(i)
    const type = input.subarray(i + 4, i + 8).toString('latin1')
    const end = i + 12 + len
    if (end > input.length) throw new Error('malformed PNG')
    if (!PNG_DROP.has(type)) out.push(input.subarray(i, end))
    i = end
    if (type === 'IEND') break
  }
  return Buffer.concat(out)
}

export function safeFileName(name: string): string {
  const base = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return (base || 'file').slice(0, 200)
}

const tooMany = () =>
  new AppError('bad_request', 422, { th: `แนบไฟล์ได้ไม่เกิน ${MAX_ATTACHMENTS} ไฟล์`, en: `At most ${MAX_ATTACHMENTS} files` })

/**
 * A PDF without its document information (Author, Creator, Producer, Title, Subject, Keywords,
 * dates) and without XMP metadata, which name the reporter or their computer. An encrypted or
 * broken PDF throws (it is refused as not a readable PDF).
 */
export async function stripPdfMetadata(bytes: Uint8Array): Promise<Buffer> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false })
  // Unreferenced objects are still written out, so each metadata object itself is deleted.
  const drop = (dict: PDFDict) => {
    const ref = dict.get(PDFName.of('Metadata'))
    if (ref instanceof PDFRef) doc.context.delete(ref)
    dict.delete(PDFName.of('Metadata'))
  }
  drop(doc.catalog)
  for (const page of doc.getPages()) drop(page.node)
  const info = doc.context.trailerInfo.Info
  if (info instanceof PDFRef) doc.context.delete(info)
  doc.context.trailerInfo.Info = undefined
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }))
}

const EXTENSION: Record<AttachmentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }

/** A name that says nothing of the reporter ("เอกสารแนบ-2.jpg"): original names often carry one. */
export const neutralFileName = (index: number, type: AttachmentType) => `เอกสารแนบ-${index}.${EXTENSION[type]}`

/**
 * Checks count, size and detected type of uploads, strips image and PDF metadata, and gives each a
 * neutral name (the original is never stored). Throws AppError 413/415/422.
 */
export async function cleanAttachments(files: { name: string; bytes: Uint8Array }[]): Promise<CleanFile[]> {
  if (files.length > MAX_ATTACHMENTS) throw tooMany()
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0)
  if (total > MAX_TOTAL_BYTES) throw new AppError('payload_too_large', 413, { th: 'ไฟล์แนบรวมกันใหญ่เกิน 20 MB', en: 'Attachments exceed 20 MB in total' })
  const out: CleanFile[] = []
  for (const f of files) {
    const name = safeFileName(f.name)
    if (f.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', 413, { th: `ไฟล์ ${name} ใหญ่เกิน 10 MB`, en: `${name} is larger than 10 MB` })
    const bytes = Buffer.from(f.bytes)
    const type = (await fileTypeFromBuffer(bytes))?.mime
    const unsupported = new AppError('unsupported_media_type', 415, {
      th: `ไฟล์ ${name} ไม่ใช่รูปภาพ JPEG/PNG หรือ PDF (ตรวจจากเนื้อไฟล์)`,
      en: `${name} is not a JPEG/PNG image or a PDF (checked by content)`,
    })
    try {
      const n = out.length + 1
      if (type === 'image/jpeg') out.push({ name: neutralFileName(n, type), contentType: type, bytes: stripJpegMetadata(bytes) })
      else if (type === 'image/png') out.push({ name: neutralFileName(n, type), contentType: type, bytes: stripPngMetadata(bytes) })
      else if (type === 'application/pdf') out.push({ name: neutralFileName(n, type), contentType: type, bytes: await stripPdfMetadata(bytes) })
      else throw unsupported
    } catch (e) {
      if (e instanceof AppError) throw e
      if (type === 'application/pdf') throw new AppError('unsupported_media_type', 415, { th: `ไฟล์ ${name} เป็น PDF ที่เปิดอ่านไม่ได้ (เสียหรือตั้งรหัสผ่านไว้) โปรดบันทึกเป็น PDF ใหม่แล้วแนบอีกครั้ง`, en: `${name} is a PDF that cannot be read (damaged or password-protected). Please save it as a new PDF and attach it again` })
      throw unsupported
    }
  }
  return out
}
