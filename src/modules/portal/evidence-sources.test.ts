import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { putFile } from '../../platform/files/files.service.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { documentEvidence, MIN_FILE_BYTES, postEvidence } from './evidence-sources.js'
import { portalDocuments, portalPosts } from './portal.schema.js'

/** A valid PDF of about `bytes` bytes (padding inside a comment). */
const pdf = (bytes: number) => new TextEncoder().encode(`%PDF-1.4\n%${'x'.repeat(Math.max(0, bytes - 60))}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`)

describe('portal documents and posts as evidence', () => {
  let t: TestApp
  let org: Org
  let ctx: Parameters<typeof documentEvidence.check>[0]
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = { deps: t.deps, db: t.deps.db, orgId: org.id, requestId: 't', lang: 'th', actor: { userId: u.id, orgId: org.id, role: 'officer', displayName: u.displayName, email: u.email, unitIds: [], permissions: t.deps.registry.permissionsOf('officer') } }
    await inOrg(t.deps.db, org.id, async (tx) => {
      const big = await putFile(tx, org.id, { name: 'รายงานผล.pdf', bytes: pdf(MIN_FILE_BYTES + 2000) })
      const tiny = await putFile(tx, org.id, { name: 'ตัวอย่าง.pdf', bytes: pdf(400) })
      const doc = (title: string, v: Partial<typeof portalDocuments.$inferInsert>) => tx.insert(portalDocuments).values({ orgId: org.id, category: 'report', title, fiscalYear: 2566, ...v }).returning({ id: portalDocuments.id })
      ids.report = (await doc('รายงานผลการดำเนินงานประจำปี 2566', { fileId: big.id }))[0]!.id
      ids.placeholder = (await doc('เอกสารตัวอย่าง', { fileId: tiny.id }))[0]!.id
      ids.link = (await doc('แผนพัฒนาท้องถิ่น (ลิงก์)', { url: 'https://example.go.th/plan.pdf' }))[0]!.id
      ids.draft = (await doc('ร่างรายงาน', { fileId: big.id, status: 'draft' }))[0]!.id
      ids.old = (await doc('รายงานปีก่อน', { fileId: big.id, fiscalYear: 2565 }))[0]!.id
      const post = (title: string, body: string) => tx.insert(portalPosts).values({ orgId: org.id, category: 'pr', title, bodyMd: body, fiscalYear: 2566 }).returning({ id: portalPosts.id })
      ids.story = (await post('จัดอบรมคุณธรรมจริยธรรม', 'เทศบาลจัดอบรมคุณธรรมจริยธรรมให้แก่พนักงานและลูกจ้าง จำนวน 45 คน ณ ห้องประชุมสำนักงานเทศบาล โดยมีวิทยากรจากสำนักงาน ป.ป.ช. ประจำจังหวัด บรรยายเรื่องผลประโยชน์ทับซ้อน'))[0]!.id
      ids.headline = (await post('ประชาสัมพันธ์', 'ดูรายละเอียด'))[0]!.id
    })
  })
  afterAll(() => t.close())

  it('counts a document only when published, of the year, with a real file or a link', async () => {
    const m = await documentEvidence.check(ctx, Object.values(ids), 2566)
    expect(m.get(ids.report!)).toEqual({ ok: true, reason: null })
    expect(m.get(ids.link!)?.ok).toBe(true)
    expect(m.get(ids.placeholder!)?.reason?.th).toContain('ไฟล์เล็กเกินกว่าจะเป็นเอกสารจริง')
    expect(m.get(ids.draft!)?.reason?.th).toBe('ยังไม่เผยแพร่บนเว็บไซต์')
    expect(m.get(ids.old!)?.reason?.th).toBe('เป็นเอกสารของปีงบประมาณ 2565')
  })

  it('counts a news post only with an account of the work (text or an attachment)', async () => {
    const m = await postEvidence.check(ctx, [ids.story!, ids.headline!], 2566)
    expect(m.get(ids.story!)?.ok).toBe(true)
    expect(m.get(ids.headline!)?.reason?.th).toContain('ไม่ถึง 100 ตัวอักษร')
  })

  it('is found by the picker’s search and describes itself with public and staff links', async () => {
    const found = await documentEvidence.search(ctx, { text: 'รายงานผล', limit: 10 })
    expect(found.map((r) => r.id)).toContain(ids.report)
    const [d] = await documentEvidence.describe(ctx, [ids.report!])
    expect(d).toMatchObject({ publicPath: `/o/${org.slug}/documents/${ids.report}`, staffPath: `/o/${org.slug}/admin/portal/documents/${ids.report}/edit`, fiscalYear: 2566 })
    expect((await documentEvidence.describe(ctx, [ids.draft!]))[0]?.publicPath).toBeNull()
  })
})
