import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { linkEvidence } from '../../platform/evidence/evidence.service.js'
import { oitMap, type OitMap } from './disclosure.service.js'
import { itemRef, OIT_ITEM_TARGET } from './evidence-target.js'

// Honest readiness (issue 13 item 4): an item counts only when its evidence has real content for
// the year — the evidence contract's check — and the map says why not. Other modules' tables are
// written here as fixtures through SQL; the modules themselves are not imported.
describe('OIT readiness checks what is behind the evidence', () => {
  let t: TestApp
  let org: Org
  let admin: User
  const staff = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const modules = async (p: string) => /^\/complaints\/stats\?fy=\d{4}$|^\/ita\/\d{4}\/measures-report\.html$/.test(p)
  const map = async (year: number, internal = false) => (await oitMap(t.deps, org, year, 'th', modules, { internal }))!
  const item = (m: OitMap, title: string) => m.items.find((i) => i.titleTh.startsWith(title))!
  const STATS = 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริต'
  const REPORT = 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส'
  const SERVICE = 'ข้อมูลเชิงสถิติการให้บริการ'
  const doc = async (title: string, fy: number, opts: { bytes?: number; url?: string; oit?: string[] } = {}) =>
    inOrg(t.deps.db, org.id, async (tx) => {
      let fileId: string | null = null
      if (opts.bytes) {
        const f = await tx.execute<{ id: string }>(sql`INSERT INTO files (org_id, name, content_type, size, sha256, data, is_public) VALUES (${org.id}, 'stat.pdf', 'application/pdf', ${opts.bytes}, ${'0'.repeat(64)}, ${Buffer.alloc(opts.bytes, 32)}, true) RETURNING id`)
        fileId = f.rows[0]!.id
      }
      const d = await tx.execute<{ id: string }>(
        sql`INSERT INTO portal_documents (org_id, category, title, fiscal_year, file_id, url, oit_codes, published_at) VALUES (${org.id}, 'report', ${title}, ${fy}, ${fileId}, ${opts.url ?? null}, ${`{${(opts.oit ?? []).join(',')}}`}::text[], now() - interval '1 day') RETURNING id`,
      )
      return d.rows[0]!.id
    })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { slug: 'phanomrung', nameTh: 'เทศบาลตำบลพนมรุ้ง', settings: { contact: { phone: '044-000-000' } } })
    await buildUnit(t.deps.db, org, 'สำนักปลัดเทศบาล')
    admin = await buildUser(t.deps.db, org, 'agency_admin')
    expect((await staff.signIn(org.slug, admin.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('an item whose only evidence is empty for the year is not ready, and the map says why', async () => {
    const code = item(await map(2566), SERVICE).code
    expect(item(await map(2566), SERVICE).status).toBe('no')
    // Tagged with the item and the year, but a 1 KB placeholder: present, not counted.
    await doc('สถิติการให้บริการ ปี 2566', 2566, { bytes: 1024, oit: [code] })
    let it = item(await map(2566), SERVICE)
    expect(it.status).toBe('incomplete')
    expect(it.reason).toContain('เอกสารที่เชื่อมไว้ไม่มีเนื้อหาของปีงบประมาณ ๒๕๖๖')
    expect(it.evidence[0]!.problem).toMatch(/ไฟล์/)

    // Linked through the platform picker's contract: an empty record for the year does not count ...
    const ctx = useCaseCtx(t, org.id, admin)
    const empty = await doc('ตารางสถิติผู้รับบริการ (ยังไม่กรอก)', 2566)
    await linkEvidence(ctx, { type: 'portal.document', id: empty }, { type: OIT_ITEM_TARGET, id: itemRef(2566, code) }, 2566)
    it = item(await map(2566), SERVICE)
    expect(it.status).toBe('incomplete')
    expect(it.evidence.map((e) => [e.kind, e.problem === null])).toContainEqual(['linked', false])
    // ... a record with real content of the year does; the link carries the year: not for 2567.
    const real = await doc('รายงานสถิติการให้บริการประชาชน ปีงบประมาณ 2566', 2566, { url: 'https://phanomrung.example/stat-2566.pdf' })
    await linkEvidence(ctx, { type: 'portal.document', id: real }, { type: OIT_ITEM_TARGET, id: itemRef(2566, code) }, 2566)
    it = item(await map(2566), SERVICE)
    expect(it.status).toBe('yes')
    expect(it.reason).toBeNull()
    expect(it.evidence.find((e) => e.kind === 'linked' && e.problem === null)!.href).toBe(`/o/phanomrung/documents/${real}`)

    // The staff item page shows why the empty one does not count and offers the picker (no JS).
    const page = await (await staff.get(`/o/phanomrung/admin/oit/2566/${code}`)).text()
    expect(page).toContain('ไม่นับเป็นหลักฐานของปีนี้')
    expect(page).toContain(`target=${encodeURIComponent(`${OIT_ITEM_TARGET}:${itemRef(2566, code)}`)}`)
    const picker = await staff.get(`/o/phanomrung/admin/evidence/pick?target=${encodeURIComponent(`${OIT_ITEM_TARGET}:${itemRef(2566, code)}`)}`)
    expect(picker.status).toBe(200)
    expect(await picker.text()).toContain(`${code} ${SERVICE}`)
    expect((await staff.get(`/o/phanomrung/admin/evidence/pick?target=${encodeURIComponent(`${OIT_ITEM_TARGET}:2566:O999`)}`)).status).toBe(404)
    // The public item page says why an item is not ready.
    const other = (await map(2566)).items.find((i) => i.status !== 'yes')!
    expect(await (await visitor.get(other.url)).text()).toContain(other.reason!.slice(0, 20))
  })

  it('the complaint statistics item follows the year’s complaint data', async () => {
    let it = item(await map(2566), STATS)
    expect(it.evidence[0]!.href).toBe('/o/phanomrung/complaints/stats?fy=2566')
    expect(it.status).toBe('incomplete')
    expect(it.reason).toContain('ยังไม่มีข้อมูลเรื่องร้องเรียนของปีงบประมาณ 2566')
    // Two reports received in FY 2566 (one in October 2565, the fiscal year's first month), none in 2567.
    await t.deps.registry.modules.find((m) => m.id === 'complaints')!.demo!(t.deps, { id: org.id, slug: org.slug })
    await inOrg(t.deps.db, org.id, (tx) => tx.execute(sql`UPDATE complaint_cases SET received_at = CASE WHEN ctid = (SELECT min(ctid) FROM complaint_cases) THEN timestamptz '2022-10-01 08:00+07' ELSE timestamptz '2023-05-15 10:00+07' END`))
    it = item(await map(2566), STATS)
    expect(it.status).toBe('yes')
    const y2567 = item(await map(2567), STATS)
    expect(y2567.status).toBe('incomplete')
    expect(y2567.evidence[0]!.href).toBe('/o/phanomrung/complaints/stats?fy=2567')
  })

  it('the report item follows the year’s report content', async () => {
    expect(item(await map(2567), REPORT).reason).toContain('ยังไม่มีมาตรการที่อนุมัติแล้ว')
    const measureId = await inOrg(t.deps.db, org.id, async (tx) => {
      const m = await tx.execute<{ id: string }>(sql`INSERT INTO ita_measures (org_id, fiscal_year, title, status, approved_at) VALUES (${org.id}, 2567, 'มาตรการป้องกันการรับสินบน', 'approved', now()) RETURNING id`)
      await tx.execute(sql`INSERT INTO ita_measures (org_id, fiscal_year, title) VALUES (${org.id}, 2566, 'มาตรการร่าง (ยังไม่อนุมัติ)')`)
      return m.rows[0]!.id
    })
    await inOrg(t.deps.db, org.id, (tx) => tx.execute(sql`INSERT INTO ita_activities (org_id, measure_id, title, status) VALUES (${org.id}, ${measureId}, 'อบรมเจ้าหน้าที่', 'not_started')`))
    let it = item(await map(2567), REPORT)
    expect(it.status).toBe('incomplete')
    expect(it.reason).toContain('ยังไม่มีกิจกรรมที่ดำเนินการแล้ว')
    await inOrg(t.deps.db, org.id, (tx) => tx.execute(sql`UPDATE ita_activities SET status = 'done'`))
    it = item(await map(2567), REPORT)
    expect(it.status).toBe('yes')
    expect(it.evidence[0]!.href).toBe('/o/phanomrung/ita/2567/measures-report.html')
    // A draft measure is not in the public report: 2566's report is still empty.
    expect(item(await map(2566), REPORT).reason).toContain('ยังไม่มีมาตรการที่อนุมัติแล้ว')
  })
})
