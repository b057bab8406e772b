import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { inOrg } from '../../db/client.js'
import { tinyPdf, tinyPng } from './demo.js'
import { portalPosts } from './portal.schema.js'
import { postMultipart } from '../../../tests/support/multipart.js'

describe('portal: staff publish, public reads', () => {
  let t: TestApp
  let org: Org
  let other: Org
  const staff = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  let base: string

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { slug: 'portal-town', nameTh: 'เทศบาลตำบลทดสอบเว็บ' })
    other = await buildOrg(t.deps.db, { slug: 'other-town' })
    await buildUnit(t.deps.db, org, 'กองคลัง')
    const officer = await buildUser(t.deps.db, org, 'officer')
    base = `/o/${org.slug}`
    const r = await staff.signIn(org.slug, officer.email, TEST_PASSWORD)
    expect(r.status).toBe(303)
  })
  afterAll(() => t.close())

  let postId = ''
  it('an officer publishes an announcement with a PDF attachment; it shows on the public site', async () => {
    const res = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'announcement', title: 'ประกาศผลการคัดเลือกผู้รับจ้าง', bodyMd: '**สำคัญ** รายละเอียดตามไฟล์แนบ', status: 'published', publishAt: '', fiscalYear: '2566', oitCodes: 'O20' }, [{ field: 'files', name: 'ผลการคัดเลือก.pdf', bytes: tinyPdf('result'), type: 'application/pdf' }], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(res.status).toBe(303)
    postId = /posts\/([0-9a-f-]{36})\/edit/.exec(res.headers.get('location')!)![1]!
    const page = await visitor.get(`${base}/news/${postId}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('ประกาศผลการคัดเลือกผู้รับจ้าง')
    expect(html).toContain('<strong>สำคัญ</strong>')
    const href = /href="([^"]+\/files\/[^"]+)"/.exec(html)![1]!
    const file = await visitor.get(href)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    // Listed on the home page, the category page, the feed and the open-data API.
    expect(await (await visitor.get(`${base}/`)).text()).toContain('ประกาศผลการคัดเลือกผู้รับจ้าง')
    expect(await (await visitor.get(`${base}/news/c/announcement`)).text()).toContain('ประกาศผลการคัดเลือกผู้รับจ้าง')
    expect(await (await visitor.get(`${base}/feed.rss`)).text()).toContain(`/news/${postId}`)
    const api = (await (await visitor.get(`${base}/api/posts.json`)).json()) as { data: { id: string }[] }
    expect(api.data.map((d) => d.id)).toContain(postId)
  })

  it('refuses a disguised upload (HTML named .pdf) and keeps the values', async () => {
    const res = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'pr', title: 'ข่าวทดสอบไฟล์ปลอม', bodyMd: '', status: 'published', publishAt: '', fiscalYear: '', oitCodes: '' }, [{ field: 'files', name: 'fake.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'application/pdf' }], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('ไฟล์ fake.pdf ไม่ใช่ชนิดที่รับได้ (ตรวจจากเนื้อไฟล์)')
    expect(html).toContain('value="ข่าวทดสอบไฟล์ปลอม"')
  })

  it('a scheduled post stays hidden until its time; drafts never show', async () => {
    const future = new Date(Date.now() + 3 * 86400_000 + 7 * 3600_000).toISOString().slice(0, 16)
    const r1 = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'pr', title: 'ข่าวตั้งเวลาล่วงหน้า', bodyMd: 'x', status: 'published', publishAt: future, fiscalYear: '', oitCodes: '' }, [], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(r1.status).toBe(303)
    const r2 = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'pr', title: 'ข่าวฉบับร่าง', bodyMd: 'x', status: 'draft', publishAt: '', fiscalYear: '', oitCodes: '' }, [], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(r2.status).toBe(303)
    const scheduledId = /posts\/([0-9a-f-]{36})/.exec(r1.headers.get('location')!)![1]!
    const news = await (await visitor.get(`${base}/news`)).text()
    expect(news).not.toContain('ข่าวตั้งเวลาล่วงหน้า')
    expect(news).not.toContain('ข่าวฉบับร่าง')
    expect((await visitor.get(`${base}/news/${scheduledId}`)).status).toBe(404)
    // Time passes: move the publish time into the past (as the clock would).
    await inOrg(t.deps.db, org.id, (tx) => tx.update(portalPosts).set({ publishAt: new Date(Date.now() - 1000) }).where(sql`id = ${scheduledId}`))
    const { invalidatePublicCache } = await import('../../platform/http/page-cache.js')
    invalidatePublicCache(org.id)
    expect((await visitor.get(`${base}/news/${scheduledId}`)).status).toBe(200)
  })

  it('documents carry fiscal year and category; the library lists them', async () => {
    const res = await postMultipart(t.app, staff, `${base}/admin/portal/documents`, { category: 'plan', title: 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)', descriptionMd: 'แผนห้าปี', fiscalYear: '2566', url: '', status: 'published', oitCodes: 'O4' }, [{ field: 'file', name: 'plan.pdf', bytes: tinyPdf('plan'), type: 'application/pdf' }], { csrfFrom: `${base}/admin/portal/documents/new` })
    expect(res.status).toBe(303)
    const list = await (await visitor.get(`${base}/documents/c/plan`)).text()
    expect(list).toContain('ปีงบประมาณ 2566')
    expect(list).toContain('แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)')
    const missing = await postMultipart(t.app, staff, `${base}/admin/portal/documents`, { category: 'plan', title: 'ไม่มีไฟล์', descriptionMd: '', fiscalYear: '2566', url: '', status: 'published', oitCodes: 'X9' }, [], { csrfFrom: `${base}/admin/portal/documents/new` })
    expect(missing.status).toBe(422)
    const html = await missing.text()
    expect(html).toContain('รหัสข้อ OIT ต้องเป็นรูปแบบ')
  })

  it('about pages: profile Markdown, structure from units, executives with photos, contact', async () => {
    const r = await staff.post(`${base}/admin/portal/profile`, { historyMd: 'ก่อตั้งเมื่อ พ.ศ. 2542', visionMd: '', dutiesMd: '- รักษาความสะอาด', accessibilityMd: '', privacyMd: 'นโยบาย PDPA', cookiesMd: '', mapUrl: 'https://www.openstreetmap.org/', surveyUrl: '', social: 'Facebook | https://facebook.com/x' })
    expect(r.status).toBe(303)
    const ex = await postMultipart(t.app, staff, `${base}/admin/portal/executives`, { name: 'นายทดสอบ ผู้บริหาร', position: 'นายกเทศมนตรี', branch: 'political', phone: '', email: '', sortOrder: '1' }, [{ field: 'photo', name: 'p.png', bytes: tinyPng(4, 5, [1, 2, 3]), type: 'image/png' }])
    expect(ex.status).toBe(303)
    expect(await (await visitor.get(`${base}/about/history`)).text()).toContain('ก่อตั้งเมื่อ พ.ศ. 2542')
    expect(await (await visitor.get(`${base}/about/structure`)).text()).toContain('กองคลัง')
    const execs = await (await visitor.get(`${base}/about/executives`)).text()
    expect(execs).toContain('นายทดสอบ ผู้บริหาร')
    expect(execs).toMatch(/<img src="\/o\/portal-town\/files\/[0-9a-f-]{36}" alt="รูปถ่าย นายทดสอบ ผู้บริหาร"/)
    const contact = await (await visitor.get(`${base}/about/contact`)).text()
    expect(contact).toContain('https://www.openstreetmap.org/')
    expect(contact).toContain('Facebook')
    expect(await (await visitor.get(`${base}/privacy`)).text()).toContain('นโยบาย PDPA')
  })

  it('Q&A: a public question waits for moderation, then shows with the staff answer', async () => {
    const r = await visitor.post(`${base}/qa`, { askerName: 'ชาวบ้าน', question: 'เก็บขยะวันไหน <script>alert(1)</script>' })
    expect(r.status).toBe(303)
    expect(await (await visitor.get(`${base}/qa`)).text()).not.toContain('เก็บขยะวันไหน')
    const admin = await buildUser(t.deps.db, org, 'agency_admin')
    const mod = new TestClient({ request: (p, i) => t.app.request(p, i) })
    await mod.signIn(org.slug, admin.email, TEST_PASSWORD)
    const page = await (await mod.get(`${base}/admin/portal/questions`)).text()
    const id = /questions\/([0-9a-f-]{36})/.exec(page)![1]!
    expect((await mod.post(`${base}/admin/portal/questions/${id}`, { answerMd: 'ทุกวันจันทร์', status: 'published' }, { csrfFrom: `${base}/admin/portal/questions` })).status).toBe(303)
    const qa = await (await visitor.get(`${base}/qa`)).text()
    expect(qa).toContain('ทุกวันจันทร์')
    expect(qa).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(qa).not.toContain('<script>alert(1)')
  })

  it('full-text Thai search finds words inside longer words', async () => {
    const html = await (await visitor.get(`${base}/search?q=${encodeURIComponent('คัดเลือก')}`)).text()
    expect(html).toContain('ประกาศผลการคัดเลือกผู้รับจ้าง')
    const none = await (await visitor.get(`${base}/search?q=${encodeURIComponent('ไม่มีคำนี้แน่นอน')}`)).text()
    expect(none).toContain('ไม่พบรายการ')
  })

  it('public pages send ETag and Cache-Control and answer 304 to a matching If-None-Match', async () => {
    const a = await visitor.get(`${base}/about`)
    const etag = a.headers.get('etag')!
    expect(etag).toMatch(/^W\//)
    expect(a.headers.get('cache-control')).toContain('public')
    const b = await visitor.get(`${base}/about`, { 'if-none-match': etag })
    expect(b.status).toBe(304)
    // A signed-in user never gets the shared copy.
    expect((await staff.get(`${base}/about`)).headers.get('cache-control')).toContain('private')
  })

  it('open data: CSV with BOM and Thai, DCAT catalogue, OpenAPI, sitemap.xml, Atom', async () => {
    const csv = await visitor.get(`${base}/data/documents.csv`)
    const bytes = Buffer.from(await csv.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM: spreadsheets read Thai as UTF-8
    const text = bytes.toString('utf8')
    expect(text).toContain('แผนพัฒนาท้องถิ่น')
    const dcat = (await (await visitor.get(`${base}/api/dcat.json`)).json()) as { '@type': string; 'dcat:dataset': { 'dcat:distribution': unknown[] }[] }
    expect(dcat['@type']).toBe('dcat:Catalog')
    expect(dcat['dcat:dataset'].length).toBeGreaterThanOrEqual(5)
    const oa = (await (await visitor.get(`${base}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> }
    expect(oa.openapi).toBe('3.1.0')
    expect(Object.keys(oa.paths)).toContain('/api/posts.json')
    expect(await (await visitor.get(`${base}/sitemap.xml`)).text()).toContain(`/news/${postId}`)
    expect(await (await visitor.get(`${base}/feed.atom`)).text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
  })

  it('another agency sees none of it', async () => {
    const html = await (await visitor.get(`/o/${other.slug}/news`)).text()
    expect(html).not.toContain('ประกาศผลการคัดเลือกผู้รับจ้าง')
    expect((await visitor.get(`/o/${other.slug}/news/${postId}`)).status).toBe(404)
  })

  it('a request body over the limit is refused before it is read (pages themselves skip the check)', async () => {
    const big = new Uint8Array(31 * 1024 * 1024)
    const res = await t.app.request(`${base}/qa`, { method: 'POST', body: big, headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) } })
    expect(res.status).toBe(413)
    expect((await visitor.get(`${base}/`)).status).toBe(200)
  })

  it('every staff page of the editor opens', async () => {
    for (const p of ['/admin/portal', '/admin/portal/posts', '/admin/portal/posts/new', `/admin/portal/posts/${postId}/edit`, `/admin/portal/posts/${postId}/delete`, '/admin/portal/documents', '/admin/portal/documents/new', '/admin/portal/profile', '/admin/portal/executives']) {
      const r = await staff.get(base + p)
      expect(r.status, p).toBe(200)
      expect(await r.text(), p).toContain('<h1>')
    }
    const del = await staff.post(`${base}/admin/portal/posts/${postId}/delete`, {}, { csrfFrom: `${base}/admin/portal/posts/${postId}/delete` })
    expect(del.status).toBe(303)
    expect((await visitor.get(`${base}/news/${postId}`)).status).toBe(404)
  })

  it('visitors and viewers cannot edit', async () => {
    expect((await visitor.get(`${base}/admin/portal/posts/new`)).status).toBe(303)
    const viewer = await buildUser(t.deps.db, org, 'viewer')
    const v = new TestClient({ request: (p, i) => t.app.request(p, i) })
    await v.signIn(org.slug, viewer.email, TEST_PASSWORD)
    expect((await v.get(`${base}/admin/portal/posts/new`)).status).toBe(403)
    expect((await v.post(`${base}/admin/portal/profile`, { historyMd: 'x' }, { csrfFrom: `${base}/admin/portal/posts` })).status).toBe(403)
  })
})
