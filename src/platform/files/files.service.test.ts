import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { createTestDatabase, type TestDatabase } from '../../../tests/support/db.js'
import { buildOrg } from '../../../tests/support/factories.js'
import type { Org } from '../orgs/orgs.schema.js'
import { AppError } from '../http/errors.js'
import { checkFile, deleteFile, fileHeaders, getFile, getFileMeta, putFile } from './files.service.js'

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89])
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, ...new Array(64).fill(0)])

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a rejection')
}

describe('files service: one interface over the files table, type by content, under RLS', () => {
  let t: TestDatabase
  let a: Org
  let b: Org
  beforeAll(async () => {
    t = await createTestDatabase()
    a = await buildOrg(t.db)
    b = await buildOrg(t.db)
  })
  afterAll(() => t.drop())

  it('detects the type from the bytes, not the name', async () => {
    expect(await checkFile({ name: 'scan.jpg', bytes: PDF })).toBe('application/pdf')
    expect(await checkFile({ name: 'x', bytes: PNG })).toBe('image/png')
    const e = await rejection(checkFile({ name: 'report.pdf', bytes: EXE }))
    expect(e.status).toBe(415)
    expect(e.detail?.th).toContain('ตรวจจากเนื้อไฟล์')
    expect((await rejection(checkFile({ name: 'notes.txt', bytes: new TextEncoder().encode('hello') }))).status).toBe(415)
  })

  it('enforces the size limit and refuses empty files', async () => {
    expect((await rejection(checkFile({ name: 'big.pdf', bytes: PDF, maxBytes: 10 }))).status).toBe(413)
    expect((await rejection(checkFile({ name: 'empty.pdf', bytes: new Uint8Array() }))).status).toBe(422)
  })

  it('puts, gets and deletes inside the agency; another agency cannot see or delete it', async () => {
    const meta = await inOrg(t.db, a.id, (tx) => putFile(tx, a.id, { name: 'folder/minutes.pdf', bytes: PDF }))
    expect(meta).toMatchObject({ name: 'folder_minutes.pdf', contentType: 'application/pdf', size: PDF.length })
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/)
    const got = await inOrg(t.db, a.id, (tx) => getFile(tx, meta.id))
    expect(Buffer.from(got!.data).equals(Buffer.from(PDF))).toBe(true)
    expect(await inOrg(t.db, b.id, (tx) => getFile(tx, meta.id))).toBeUndefined()
    expect(await inOrg(t.db, b.id, (tx) => deleteFile(tx, b.id, meta.id))).toBe(false)
    expect(await inOrg(t.db, a.id, (tx) => getFileMeta(tx, meta.id))).toBeDefined()
    expect(await inOrg(t.db, a.id, (tx) => deleteFile(tx, a.id, meta.id))).toBe(true)
    expect(await inOrg(t.db, a.id, (tx) => getFile(tx, meta.id))).toBeUndefined()
    expect(await inOrg(t.db, a.id, (tx) => getFile(tx, 'not-a-uuid'))).toBeUndefined()
  })

  it('a rejected file writes nothing, and a failing transaction takes its file with it', async () => {
    await rejection(inOrg(t.db, a.id, (tx) => putFile(tx, a.id, { name: 'x.pdf', bytes: EXE })))
    await inOrg(t.db, a.id, async (tx) => {
      await putFile(tx, a.id, { name: 'y.pdf', bytes: PDF })
      throw new Error('rollback')
    }).catch(() => {})
    const rows = await inOrg(t.db, a.id, (tx) => tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM files`))
    expect(rows.rows[0]!.n).toBe(0)
  })

  it('serves with nosniff; inline only for PDF and images', () => {
    expect(fileHeaders({ name: 'a.pdf', contentType: 'application/pdf', size: 3 })['Content-Disposition']).toMatch(/^inline/)
    const h = fileHeaders({ name: 'รายงาน.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 3 })
    expect(h['Content-Disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('รายงาน.docx')}`)
    expect(h['X-Content-Type-Options']).toBe('nosniff')
  })
})
