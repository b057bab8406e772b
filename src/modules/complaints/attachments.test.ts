import { describe, expect, it } from 'vitest'
import { PDFDocument } from 'pdf-lib'
import { cleanAttachments, stripJpegMetadata, stripPngMetadata, MAX_ATTACHMENTS } from './attachments.js'
import { formatReceiptCode, generateReceiptCode, hashReceiptCode, normalizeReceiptCode, verifyReceiptCode } from './receipt.js'
import { namedStaff } from './submit.js'
import { median } from './stats.js'
import { jpegWithExif, pdfWith } from './testing/fixtures.js'

function png(chunks: [string, Buffer][]): Buffer {
  const chunk = ([type, data]: [string, Buffer]) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)])
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks.map(chunk)])
}

describe('attachments', () => {
  it('strips EXIF (GPS), XMP and comments from JPEGs and keeps the image data', () => {
    const input = jpegWithExif('SECRETGPS')
    const out = stripJpegMetadata(input)
    expect(out.includes(Buffer.from('SECRETGPS'))).toBe(false)
    expect(out.includes(Buffer.from('Exif'))).toBe(false)
    expect(out.includes(Buffer.from('JFIF'))).toBe(true)
    expect(out.subarray(-5).equals(Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]))).toBe(true)
  })
  it('strips text, EXIF and time chunks from PNGs', () => {
    const input = png([
      ['IHDR', Buffer.alloc(13)],
      ['tEXt', Buffer.from('Author\0SECRETNAME')],
      ['eXIf', Buffer.from('SECRETEXIF')],
      ['IDAT', Buffer.from('pixels')],
      ['IEND', Buffer.alloc(0)],
    ])
    const out = stripPngMetadata(input)
    expect(out.includes(Buffer.from('SECRET'))).toBe(false)
    expect(out.includes(Buffer.from('pixels'))).toBe(true)
  })
  it('strips a PDF\'s document information and XMP (author, creator, producer), keeping its pages', async () => {
    const pdf = pdfWith('MARKpage', 'บุญมี ผู้แจ้งเหตุ')
    const [clean] = await cleanAttachments([{ name: 'บุญมี.pdf', bytes: pdf }])
    const raw = clean!.bytes.toString('latin1')
    for (const leak of ['Microsoft Word', 'Reporter-PC', 'xmpmeta', '/Author', Buffer.from('บุญมี').toString('latin1')]) expect(raw, leak).not.toContain(leak)
    expect(raw).toContain('MARKpage')
    const reread = await PDFDocument.load(clean!.bytes)
    expect(reread.getPageCount()).toBe(1)
    expect(reread.getAuthor()).toBeUndefined()
    // A damaged PDF is refused with a message that says so.
    await expect(cleanAttachments([{ name: 'เสีย.pdf', bytes: Buffer.from('%PDF-1.7\n garbage') }])).rejects.toMatchObject({ status: 415 })
  })
  it('accepts JPEG and PDF by content, refuses other content whatever the name, and limits the count', async () => {
    const ok = await cleanAttachments([
      { name: 'a.jpg', bytes: jpegWithExif('x') },
      { name: 'b/../../c.pdf', bytes: pdfWith('hello') },
    ])
    expect(ok.map((f) => f.contentType)).toEqual(['image/jpeg', 'application/pdf'])
    // The original names (which often carry the reporter's name) are never kept.
    expect(ok.map((f) => f.name)).toEqual(['เอกสารแนบ-1.jpg', 'เอกสารแนบ-2.pdf'])
    await expect(cleanAttachments([{ name: 'photo.jpg', bytes: Buffer.from('<html><script>alert(1)</script>') }])).rejects.toMatchObject({ status: 415 })
    await expect(cleanAttachments(Array.from({ length: MAX_ATTACHMENTS + 1 }, () => ({ name: 'a.pdf', bytes: pdfWith('x') })))).rejects.toMatchObject({ status: 422 })
  })
})

describe('receipt codes', () => {
  it('are 16 digits, grouped for reading, accepted with spaces and Thai digits', async () => {
    const code = generateReceiptCode()
    expect(code).toMatch(/^\d{16}$/)
    expect(formatReceiptCode('1234567890123456')).toBe('1234 5678 9012 3456')
    expect(normalizeReceiptCode('๑๒๓๔ ๕๖๗๘-9012 3456')).toBe('1234567890123456')
    expect(normalizeReceiptCode('12345')).toBeNull()
    const h = await hashReceiptCode(code)
    expect(h).toMatch(/^\$argon2id\$/)
    expect(await verifyReceiptCode(h, code)).toBe(true)
    expect(await verifyReceiptCode(h, '0000000000000000')).toBe(false)
  })
})

describe('need-to-know helpers', () => {
  it('finds staff named by full or first name', () => {
    const staff = [
      { id: '1', displayName: 'บุญเลิศ เรียกเงิน' },
      { id: '2', displayName: 'สมชาย ผู้บริหาร' },
      { id: '3', displayName: 'Ann Lee' },
    ]
    expect(namedStaff('คุณบุญเลิศที่กองช่างเรียกเงิน', staff)).toEqual(['1'])
    expect(namedStaff('ANN LEE asked for money', staff)).toEqual(['3'])
    expect(namedStaff('ไม่มีชื่อใคร', staff)).toEqual([])
  })
  it('computes medians', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
