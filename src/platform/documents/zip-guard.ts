import { AppError } from '../http/errors.js'

// XLSX and DOCX are zip files; a few hundred kilobytes can unpack to gigabytes ("zip bombs"). Before
// any parser sees an upload, its central directory is read and the declared entry count and
// uncompressed size are checked; the parse itself then runs in a worker with a memory and time
// limit (parse-in-worker.ts), which also stops a zip that lies about its sizes.

export type ZipLimits = { maxEntries: number; maxUncompressedBytes: number }
export const OFFICE_LIMITS: ZipLimits = { maxEntries: 500, maxUncompressedBytes: 30 * 1024 * 1024 }

const refuse = (th: string, en: string) => new AppError('bad_request', 422, { th, en })

/** Reads a zip's central directory: entries and their declared uncompressed sizes. Throws a Thai 422 when over the limits. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = OFFICE_LIMITS): { entries: number; uncompressed: number } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) throw refuse('ไฟล์นี้ไม่ใช่ไฟล์ Office (.xlsx / .docx) ที่อ่านได้', 'This is not a readable Office file (.xlsx / .docx)')
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw refuse('ไฟล์เสียหรือไม่สมบูรณ์ (อ่านสารบัญของไฟล์ไม่ได้)', 'The file is damaged or incomplete')
  const total = b.readUInt16LE(eocd + 10)
  const dirSize = b.readUInt32LE(eocd + 12)
  const dirOffset = b.readUInt32LE(eocd + 16)
  if (total === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > b.length) {
    throw refuse('ไฟล์มีโครงสร้างที่ระบบไม่รับ (ZIP64 หรือสารบัญเสีย)', 'The file structure is not accepted (ZIP64 or a damaged directory)')
  }
  if (total > limits.maxEntries) throw refuse(`ไฟล์มีส่วนประกอบ ${total} ส่วน มากเกินกว่าที่รับได้ (${limits.maxEntries})`, `The file has ${total} parts, more than ${limits.maxEntries}`)
  let p = dirOffset
  let uncompressed = 0
  for (let n = 0; n < total; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw refuse('ไฟล์เสียหรือไม่สมบูรณ์ (สารบัญของไฟล์ไม่ตรงกัน)', 'The file is damaged (its directory is inconsistent)')
    const size = b.readUInt32LE(p + 24)
    if (size === 0xffffffff) throw refuse('ไฟล์มีโครงสร้างที่ระบบไม่รับ (ZIP64)', 'The file structure is not accepted (ZIP64)')
    uncompressed += size
    if (uncompressed > limits.maxUncompressedBytes) {
      const mb = Math.round(limits.maxUncompressedBytes / 1024 / 1024)
      throw refuse(`ไฟล์เมื่อคลายออกมีขนาดเกิน ${mb} MB จึงไม่ได้นำเข้า (อาจเป็นไฟล์ที่สร้างขึ้นเพื่อโจมตีระบบ) กรุณาตรวจสอบไฟล์`, `Unpacked, the file is over ${mb} MB, so it was not imported`)
    }
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32)
  }
  return { entries: total, uncompressed }
}
