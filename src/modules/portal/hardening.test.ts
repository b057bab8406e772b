import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { postMultipart } from '../../../tests/support/multipart.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { inOrg } from '../../db/client.js'
import { invalidatePublicCache } from '../../platform/http/page-cache.js'
import { forgetOrg } from '../../platform/http/middleware.js'
import { tinyPdf } from './demo.js'
import { portalDocuments, portalPosts } from './portal.schema.js'
import { QA_MAX_PER_WINDOW } from './questions.routes.js'

// Issue 11 (portal part): draft attachments, the Q&A rate limit, search?q=%00. Each test fails on
// the code before the fix (attachments were served as soon as uploaded, /qa took every POST, a NUL
// in the query reached PostgreSQL and answered 500).

describe('portal hardening', () => {
  let t: TestApp
  let org: Org
  const staff = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  let base: string

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'on' })
    org = await buildOrg(t.deps.db, { slug: 'hardening-town' })
    base = `/o/${org.slug}`
    const officer = await buildUser(t.deps.db, org, 'officer')
    expect((await staff.signIn(org.slug, officer.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  const fileHrefs = async (postId: string) => {
    const r = await inOrg(t.deps.db, org.id, (tx) => tx.execute<{ id: string; name: string }>(sql`SELECT f.id, f.name FROM portal_post_files pf JOIN files f ON f.id = pf.file_id WHERE pf.post_id = ${postId}`))
    return r.rows.map((f) => `${base}/files/${f.id}/${encodeURIComponent(f.name)}`)
  }

  it('a draft post\'s attachment is not public until the post is; a scheduled one not before its time', async () => {
    const draft = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'procurement', title: 'ร่างประกาศผู้ชนะ', bodyMd: 'ยังไม่เผยแพร่', status: 'draft', publishAt: '', fiscalYear: '2567', oitCodes: '' }, [{ field: 'files', name: 'ผู้ชนะ.pdf', bytes: tinyPdf('winner-draft'), type: 'application/pdf' }], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(draft.status).toBe(303)
    const id = /posts\/([0-9a-f-]{36})/.exec(draft.headers.get('location')!)![1]!
    const [href] = await fileHrefs(id)
    expect(href, 'the attachment is stored').toBeTruthy()
    expect((await visitor.get(href!)).status).toBe(404)
    expect((await visitor.get(href!.replace(/\/[^/]+$/, ''))).status).toBe(404) // the short form too

    // Scheduled: published, due tomorrow.
    await inOrg(t.deps.db, org.id, (tx) => tx.update(portalPosts).set({ status: 'published', publishAt: new Date(Date.now() + 86400_000) }).where(sql`id = ${id}`))
    invalidatePublicCache(org.id)
    expect((await visitor.get(href!)).status).toBe(404)

    // Due: the post and its attachment are out together.
    await inOrg(t.deps.db, org.id, (tx) => tx.update(portalPosts).set({ publishAt: new Date(Date.now() - 1000) }).where(sql`id = ${id}`))
    invalidatePublicCache(org.id)
    expect((await visitor.get(`${base}/news/${id}`)).status).toBe(200)
    const file = await visitor.get(href!)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')

    // Taken back to draft: the file goes with it.
    await inOrg(t.deps.db, org.id, (tx) => tx.update(portalPosts).set({ status: 'draft' }).where(sql`id = ${id}`))
    expect((await visitor.get(href!)).status).toBe(404)
  })

  it('a draft document\'s file is not public either', async () => {
    const res = await postMultipart(t.app, staff, `${base}/admin/portal/documents`, { category: 'report', title: 'รายงานฉบับร่าง', descriptionMd: '', fiscalYear: '2567', url: '', status: 'draft', oitCodes: '' }, [{ field: 'file', name: 'ร่างรายงาน.pdf', bytes: tinyPdf('report-draft'), type: 'application/pdf' }], { csrfFrom: `${base}/admin/portal/documents/new` })
    expect(res.status).toBe(303)
    const [doc] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(portalDocuments).where(sql`title = 'รายงานฉบับร่าง'`))
    expect(doc!.fileId).toBeTruthy()
    expect((await visitor.get(`${base}/files/${doc!.fileId}`)).status).toBe(404)
    await inOrg(t.deps.db, org.id, (tx) => tx.update(portalDocuments).set({ status: 'published' }).where(sql`id = ${doc!.id}`))
    expect((await visitor.get(`${base}/files/${doc!.fileId}`)).status).toBe(200)
  })

  it('the public Q&A form is rate limited per address (in PostgreSQL), with the wait in Thai', async () => {
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } })
    const asker = new TestClient({ request: (p, i) => t.app.request(p, i) })
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await asker.post(`${base}/qa`, { askerName: 'ผู้ถาม', question: `คำถามที่ ${i} เรื่องเวลาทำการ` }, from('198.51.100.7'))).status)
    expect(statuses.filter((s) => s === 303).length).toBe(QA_MAX_PER_WINDOW)
    expect(statuses.slice(QA_MAX_PER_WINDOW).every((s) => s === 429)).toBe(true)
    const refused = await asker.post(`${base}/qa`, { askerName: 'ผู้ถาม', question: 'อีกคำถามหนึ่งครับ' }, from('198.51.100.7'))
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.text()).toMatch(/กรุณารออีกประมาณ \d+ นาที/)
    const [{ n }] = (await inOrg(t.deps.db, org.id, (tx) => tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM portal_questions`))).rows as [{ n: number }]
    expect(n).toBe(QA_MAX_PER_WINDOW)
    // Another address (and another /64) is not affected; addresses in one IPv6 /64 share a budget.
    expect((await asker.post(`${base}/qa`, { askerName: 'อีกคน', question: 'ขอทราบวันเก็บขยะ' }, from('198.51.100.8'))).status).toBe(303)
    for (let i = 0; i < QA_MAX_PER_WINDOW; i++) await asker.post(`${base}/qa`, { askerName: 'v6', question: `คำถาม IPv6 ที่ ${i}` }, from(`2001:db8:1:2::${i + 1}`))
    expect((await asker.post(`${base}/qa`, { askerName: 'v6', question: 'คำถามจากเครื่องข้าง ๆ' }, from('2001:db8:1:2:ffff::9'))).status).toBe(429)
  })

  it('search answers a NUL, other control characters and broken encodings with a page, never 5xx', async () => {
    for (const q of ['%00', 'abc%00def', '%00%00%00', '%01%1f%7f', '%ff%fe', '%ED%A0%80', '%E0%B8', 'x'.repeat(2000), '%25%5F%5C', "'%20OR%201=1--"]) {
      const res = await visitor.get(`${base}/search?q=${q}`)
      expect(res.status, q).toBe(200)
      expect(await res.text(), q).toContain('<h1>')
    }
  })

  it('search matches Thai and Arabic digits alike, and finds the agency\'s own pages (contact, about)', async () => {
    const made = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'pr', title: 'สรุปผลการประเมิน ITA ประจำปีงบประมาณ ๒๕๖๖', bodyMd: 'ผลคะแนนรวม ๙๒.๔๕ คะแนน', status: 'published', publishAt: '', fiscalYear: '2566', oitCodes: '' }, [], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(made.status).toBe(303)
    invalidatePublicCache(org.id)
    for (const q of ['๒๕๖๖', '2566', '92.45', '๙๒.๔๕']) {
      const html = await (await visitor.get(`${base}/search?q=${encodeURIComponent(q)}`)).text()
      expect(html, q).toContain('สรุปผลการประเมิน ITA')
    }
    await t.deps.db.execute(sql`UPDATE orgs SET settings = jsonb_set(settings, '{contact}', '{"phone": "044-123456", "address": "ถนนพนมรุ้ง"}') WHERE id = ${org.id}`)
    forgetOrg(org.slug)
    invalidatePublicCache(org.id)
    const contact = await (await visitor.get(`${base}/search?q=${encodeURIComponent('044-123456')}`)).text()
    expect(contact).toContain(`href="${base}/about/contact"`)
    // The page's own label finds it too, as a citizen looking for a phone number types it.
    const byLabel = await (await visitor.get(`${base}/search?q=${encodeURIComponent('โทรศัพท์')}`)).text()
    expect(byLabel).toContain(`href="${base}/about/contact"`)
  })

  it('suggests the title a one-letter typo meant when nothing matches', async () => {
    const made = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'procurement', title: 'ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก', bodyMd: 'หมู่ที่ ๓', status: 'published', publishAt: '', fiscalYear: '2566', oitCodes: '' }, [], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(made.status).toBe(303)
    invalidatePublicCache(org.id)
    const html = await (await visitor.get(`${base}/search?q=${encodeURIComponent('คอนกรีดเสริมเหล็ก')}`)).text()
    const suggestion = /<p class="suggestion">[\s\S]*?<a href="([^"]+)">([^<]+)<\/a>/.exec(html)
    expect(suggestion, 'a "did you mean" link').not.toBeNull()
    expect(suggestion![2]).toMatch(/คอนกรีต/)
    const followed = await (await visitor.get(suggestion![1]!.replace(/&amp;/g, '&'))).text()
    expect(followed).toContain('ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก')
  })

  it('a news page previews its own text and offers LINE sharing and a copy link that are plain links', async () => {
    const made = await postMultipart(t.app, staff, `${base}/admin/portal/posts`, { category: 'announcement', title: 'ประกาศรับสมัครอาสาสมัครป้องกันภัยฝ่ายพลเรือน', bodyMd: 'เทศบาลรับสมัคร **อปพร.** จำนวน ๒๐ คน ตั้งแต่บัดนี้ถึง ๓๐ พฤศจิกายน ๒๕๖๖', status: 'published', publishAt: '', fiscalYear: '2567', oitCodes: '' }, [], { csrfFrom: `${base}/admin/portal/posts/new` })
    expect(made.status).toBe(303)
    const id = /posts\/([0-9a-f-]{36})/.exec(made.headers.get('location')!)![1]!
    invalidatePublicCache(org.id)
    const list = await (await visitor.get(`${base}/news`)).text()
    const href = new RegExp(`href="(${base}/news/[^"]*${id.slice(0, 8)}[^"]*)"`).exec(list)?.[1] ?? new RegExp(`href="(${base}/news/[^"]+)"[^>]*>ประกาศรับสมัครอาสาสมัคร`).exec(list)?.[1]
    expect(href, 'the post is listed').toBeTruthy()
    const html = await (await visitor.get(href!)).text()
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)![1]!
    expect(canonical).toMatch(new RegExp(`^http://localhost:3000${base}/news/`))
    expect(html).toMatch(/<meta property="og:description" content="เทศบาลรับสมัคร อปพร\. จำนวน ๒๐ คน/)
    const line = /<a href="(https:\/\/social-plugins\.line\.me\/lineit\/share\?url=[^"]+)"/.exec(html)![1]!
    expect(decodeURIComponent(new URL(line.replace(/&amp;/g, '&')).searchParams.get('url')!)).toBe(canonical)
    expect(html).toContain(`<a href="${canonical}" data-copy-link=""`)
    expect(html).toMatch(/<script src="\/static\/app\.js\?v=[\w-]{10}" defer=""><\/script>/)
  })
})
