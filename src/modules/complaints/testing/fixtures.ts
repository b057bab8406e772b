// Fixtures for the complaints tests (files with hidden metadata, receipt codes, database dumps); not used by the app.
import pg from 'pg'


/** A tiny JPEG whose EXIF (APP1) segment and comment carry `marker`, like a phone photo with GPS. */
export function jpegWithExif(marker: string): Buffer {
  const seg = (m: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, m]), Buffer.from([(body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(`GPSLatitude=14.5312;GPSLongitude=102.9442;${marker}`)])),
    seg(0xfe, Buffer.from(`comment ${marker}`)),
    seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
  ])
}

/** A small PDF whose text is `text`. */
/**
 * A one-page PDF whose page draws `text`, with document information and XMP naming `author`
 * (a reporter's name, as word processors write it).
 */
export function pdfWith(text: string, author = 'สมชาย ผู้แจ้ง'): Buffer {
  const hex = (s: string) => `<FEFF${Buffer.from(s, 'utf16le').swap16().toString('hex')}>`
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${author}</dc:creator></x:xmpmeta>`
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    `<</Type/Catalog/Pages 2 0 R/Metadata 6 0 R>>`,
    `<</Type/Pages/Kids[3 0 R]/Count 1>>`,
    `<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<<>>>>`,
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
    `<</Author ${hex(author)}/Creator (Microsoft Word)/Producer (Reporter-PC)/Title ${hex(text)}>>`,
    `<</Type/Metadata/Subtype/XML/Length ${Buffer.byteLength(xmp)}>>stream\n${xmp}\nendstream`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj${o}endobj\n`
  })
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R/Info 5 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body)
}

export const receiptFrom = (html: string) => html.match(/data-receipt-code="(\d{16})"/)?.[1] ?? null

/**
 * Every row of every table in the database, as text, read as the owner (no RLS): what a dump
 * would contain. bytea columns come out as hex, so callers search for both forms of a marker.
 */
export async function dumpAllText(ownerUrl: string): Promise<{ text: string; tables: number; rows: number }> {
  const c = new pg.Client({ connectionString: ownerUrl })
  await c.connect()
  try {
    const tables = (await c.query<{ t: string }>(`SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog','information_schema')`)).rows
    const parts: string[] = []
    let rows = 0
    for (const { t } of tables) {
      const r = await c.query<{ row: string }>(`SELECT x::text AS row FROM ${t} x`)
      rows += r.rows.length
      for (const x of r.rows) parts.push(x.row)
    }
    return { text: parts.join('\n'), tables: tables.length, rows }
  } finally {
    await c.end()
  }
}

/** True when `marker` appears in `dump` as text or as the hex of its UTF-8 bytes (bytea output). */
export function dumpContains(dump: string, marker: string): boolean {
  return dump.includes(marker) || dump.toLowerCase().includes(Buffer.from(marker, 'utf8').toString('hex'))
}
