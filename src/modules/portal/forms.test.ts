import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, postMultipart, type UploadSpec } from '../../../tests/support/multipart.js'
import { sql } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { tinyPdf, tinyPng } from './demo.js'
import { portalExecutives, portalPosts, portalQuestions } from './portal.schema.js'

// One bad-input path for every portal form: a bad submission answers 422 with the same form
// (its action), an error summary, the error in Thai and every submitted value kept — also when a
// file is refused for its size or for its type (read from the content, not the name).

const MB = 1024 * 1024
/** A real PDF padded past the portal's 20 MB limit (but under the reader's 25 MB). */
const pdfOf = (bytes: number) => Buffer.concat([tinyPdf('big'), Buffer.alloc(bytes)])

type Row = {
  form: string
  who: 'staff' | 'visitor'
  path: () => string
  csrfFrom?: () => string
  fields: Record<string, string>
  files?: UploadSpec[]
  /** The form's action on the page that answers. */
  action: () => string
  /** Submitted values the answer must show again. */
  echoes: string[]
  /** The Thai message that says what is wrong. */
  message: string
}

describe('portal forms: bad input answers 422 with the same form, values kept', () => {
  let t: TestApp
  let base = ''
  let orgId = ''
  let postId = ''
  let docId = ''
  let questionId = ''
  const staff = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const admin = (p: string) => `${base}/admin/portal${p}`

  const post = { category: 'pr', title: 'ข่าวทดสอบแบบฟอร์ม', bodyMd: 'เนื้อหาข่าวที่พิมพ์ไว้', status: 'published', publishAt: '', fiscalYear: '2567', oitCodes: 'O20' }
  const doc = { category: 'plan', title: 'แผนทดสอบแบบฟอร์ม', descriptionMd: 'คำอธิบายที่พิมพ์ไว้', fiscalYear: '2567', url: '', status: 'published', oitCodes: 'O4' }
  const profile = { historyMd: 'ประวัติที่พิมพ์ไว้', visionMd: '', dutiesMd: '', accessibilityMd: '', privacyMd: '', cookiesMd: '', mapUrl: '', surveyUrl: '', social: '' }
  const exec = { name: 'นางทดสอบ แบบฟอร์ม', position: 'ปลัดเทศบาล', branch: 'permanent', phone: '044-111-222', email: '', sortOrder: '2' }

  beforeAll(async () => {
    t = await createTestApp()
    const org = await buildOrg(t.deps.db, { slug: 'forms-town' })
    base = `/o/${org.slug}`
    orgId = org.id
    const officer = await buildUser(t.deps.db, org, 'officer')
    expect((await staff.signIn(org.slug, officer.email, TEST_PASSWORD)).status).toBe(303)
    const p = await postMultipart(t.app, staff, admin('/posts'), post, [], { csrfFrom: admin('/posts/new') })
    postId = /posts\/([0-9a-f-]{36})\/edit/.exec(p.headers.get('location') ?? '')![1]!
    const d = await postMultipart(t.app, staff, admin('/documents'), doc, [{ field: 'file', name: 'plan.pdf', bytes: tinyPdf('plan'), type: 'application/pdf' }], { csrfFrom: admin('/documents/new') })
    docId = /documents\/([0-9a-f-]{36})\/edit/.exec(d.headers.get('location') ?? '')![1]!
    expect((await visitor.post(`${base}/qa`, { askerName: 'ชาวบ้าน', question: 'ถนนหน้าบ้านจะซ่อมเมื่อไร' })).status).toBe(303)
    questionId = /questions\/([0-9a-f-]{36})/.exec(await (await staff.get(admin('/questions'))).text())![1]!
  })
  afterAll(() => t.close())

  const rows: Row[] = [
    { form: 'new post: no title', who: 'staff', path: () => admin('/posts'), csrfFrom: () => admin('/posts/new'), fields: { ...post, title: '' }, action: () => admin('/posts'), echoes: ['เนื้อหาข่าวที่พิมพ์ไว้', 'value="O20"'], message: 'กรุณากรอกหัวเรื่อง' },
    { form: 'new post: bad OIT codes and date', who: 'staff', path: () => admin('/posts'), csrfFrom: () => admin('/posts/new'), fields: { ...post, oitCodes: 'X9', publishAt: 'พรุ่งนี้' }, action: () => admin('/posts'), echoes: ['value="ข่าวทดสอบแบบฟอร์ม"', 'value="X9"', 'value="พรุ่งนี้"'], message: 'รหัสข้อ OIT ต้องเป็นรูปแบบ O1, O2' },
    { form: 'new post: attachment of the wrong type', who: 'staff', path: () => admin('/posts'), csrfFrom: () => admin('/posts/new'), fields: post, files: [{ field: 'files', name: 'setup.pdf', bytes: FAKE_EXE, type: 'application/pdf' }], action: () => admin('/posts'), echoes: ['value="ข่าวทดสอบแบบฟอร์ม"', 'เนื้อหาข่าวที่พิมพ์ไว้'], message: 'ไฟล์ setup.pdf ไม่ใช่ชนิดที่รับได้ (ตรวจจากเนื้อไฟล์)' },
    { form: 'new post: attachment over 20 MB', who: 'staff', path: () => admin('/posts'), csrfFrom: () => admin('/posts/new'), fields: post, files: [{ field: 'files', name: 'big.pdf', bytes: pdfOf(21 * MB), type: 'application/pdf' }], action: () => admin('/posts'), echoes: ['value="ข่าวทดสอบแบบฟอร์ม"'], message: 'ไฟล์ big.pdf ใหญ่เกิน 20 MB' },
    { form: 'new post: attachment over the reader’s limit (dropped while streaming)', who: 'staff', path: () => admin('/posts'), csrfFrom: () => admin('/posts/new'), fields: post, files: [{ field: 'files', name: 'huge.pdf', bytes: pdfOf(26 * MB), type: 'application/pdf' }], action: () => admin('/posts'), echoes: ['value="ข่าวทดสอบแบบฟอร์ม"', 'เนื้อหาข่าวที่พิมพ์ไว้'], message: 'ไฟล์ huge.pdf ใหญ่เกิน 20 MB จึงไม่ได้รับไว้' },
    { form: 'edit post: bad category, bad file', who: 'staff', path: () => admin(`/posts/${postId}`), csrfFrom: () => admin(`/posts/${postId}/edit`), fields: { ...post, category: 'gossip', title: 'หัวเรื่องที่แก้แล้ว' }, files: [{ field: 'files', name: 'page.pdf', bytes: Buffer.from('<html>not a pdf</html>'), type: 'application/pdf' }], action: () => admin(`/posts/${postId}`), echoes: ['value="หัวเรื่องที่แก้แล้ว"'], message: 'ไฟล์ page.pdf ไม่ใช่ชนิดที่รับได้' },
    { form: 'new document: neither file nor link', who: 'staff', path: () => admin('/documents'), csrfFrom: () => admin('/documents/new'), fields: doc, action: () => admin('/documents'), echoes: ['value="แผนทดสอบแบบฟอร์ม"', 'คำอธิบายที่พิมพ์ไว้'], message: 'กรุณาแนบไฟล์หรือใส่ลิงก์ของเอกสาร' },
    { form: 'new document: fiscal year not a number', who: 'staff', path: () => admin('/documents'), csrfFrom: () => admin('/documents/new'), fields: { ...doc, fiscalYear: 'ปีนี้' }, files: [{ field: 'file', name: 'plan.pdf', bytes: tinyPdf('plan'), type: 'application/pdf' }], action: () => admin('/documents'), echoes: ['value="ปีนี้"', 'value="แผนทดสอบแบบฟอร์ม"'], message: 'ปีงบประมาณ (พ.ศ.)ต้องเป็นตัวเลข' },
    { form: 'new document: file of the wrong type', who: 'staff', path: () => admin('/documents'), csrfFrom: () => admin('/documents/new'), fields: doc, files: [{ field: 'file', name: 'plan.docx', bytes: FAKE_EXE, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }], action: () => admin('/documents'), echoes: ['value="แผนทดสอบแบบฟอร์ม"'], message: 'ไฟล์ plan.docx ไม่ใช่ชนิดที่รับได้' },
    { form: 'new document: file over 20 MB', who: 'staff', path: () => admin('/documents'), csrfFrom: () => admin('/documents/new'), fields: doc, files: [{ field: 'file', name: 'scan.pdf', bytes: pdfOf(21 * MB), type: 'application/pdf' }], action: () => admin('/documents'), echoes: ['value="แผนทดสอบแบบฟอร์ม"'], message: 'ไฟล์ scan.pdf ใหญ่เกิน 20 MB' },
    { form: 'edit document: link not http(s)', who: 'staff', path: () => admin(`/documents/${docId}`), csrfFrom: () => admin(`/documents/${docId}/edit`), fields: { ...doc, url: 'ftp://files.example/plan.pdf' }, action: () => admin(`/documents/${docId}`), echoes: ['value="ftp://files.example/plan.pdf"'], message: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://' },
    { form: 'profile: bad map link and social line', who: 'staff', path: () => admin('/profile'), fields: { ...profile, mapUrl: 'javascript:alert(1)', social: 'เฟซบุ๊กของเรา' }, action: () => admin('/profile'), echoes: ['ประวัติที่พิมพ์ไว้', 'value="javascript:alert(1)"', 'เฟซบุ๊กของเรา'], message: 'แต่ละบรรทัดต้องเป็น' },
    { form: 'add executive: no name', who: 'staff', path: () => admin('/executives'), fields: { ...exec, name: '' }, files: [{ field: 'photo', name: 'p.png', bytes: tinyPng(4, 5, [1, 2, 3]), type: 'image/png' }], action: () => admin('/executives'), echoes: ['value="ปลัดเทศบาล"', 'value="044-111-222"'], message: 'กรุณากรอกชื่อ-นามสกุล' },
    { form: 'add executive: a PDF as the photo', who: 'staff', path: () => admin('/executives'), fields: exec, files: [{ field: 'photo', name: 'photo.pdf', bytes: tinyPdf('x'), type: 'application/pdf' }], action: () => admin('/executives'), echoes: ['value="นางทดสอบ แบบฟอร์ม"', 'value="ปลัดเทศบาล"'], message: 'ไฟล์ photo.pdf ไม่ใช่ชนิดที่รับได้' },
    { form: 'add executive: photo over 20 MB', who: 'staff', path: () => admin('/executives'), fields: exec, files: [{ field: 'photo', name: 'photo.png', bytes: Buffer.concat([tinyPng(4, 5, [1, 2, 3]), Buffer.alloc(21 * MB)]), type: 'image/png' }], action: () => admin('/executives'), echoes: ['value="นางทดสอบ แบบฟอร์ม"'], message: 'ไฟล์ photo.png ใหญ่เกิน 20 MB' },
    { form: 'answer a question: unknown status', who: 'staff', path: () => admin(`/questions/${questionId}`), csrfFrom: () => admin('/questions'), fields: { answerMd: 'จะซ่อมในเดือนหน้า', status: 'archived' }, action: () => admin(`/questions/${questionId}`), echoes: ['จะซ่อมในเดือนหน้า'], message: 'กรุณาเลือกการเผยแพร่' },
    { form: 'ask a question (public): question too short', who: 'visitor', path: () => `${base}/qa`, fields: { askerName: 'ผู้ถามทดสอบ', question: 'ถาม' }, action: () => `${base}/qa`, echoes: ['value="ผู้ถามทดสอบ"', '>ถาม</textarea>'], message: 'คำถามต้องมีอย่างน้อย 5 ตัวอักษร' },
  ]

  it.each(rows)('$form', async (row) => {
    const client = row.who === 'staff' ? staff : visitor
    const opts = { csrfFrom: (row.csrfFrom ?? row.path)() }
    const multipart = row.files !== undefined || /\/(posts|documents|executives)/.test(row.path())
    const res = multipart ? await postMultipart(t.app, client, row.path(), row.fields, row.files ?? [], opts) : await client.post(row.path(), row.fields, opts)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain(`action="${row.action()}"`)
    expect(html).toContain('class="error-summary"')
    expect(html).toMatch(/<title>ข้อผิดพลาด:/)
    expect(html).toContain(row.message)
    for (const v of row.echoes) expect(html, v).toContain(v)
  })

  it('nothing was stored by the bad submissions', async () => {
    const count = async (table: typeof portalPosts | typeof portalExecutives | typeof portalQuestions) => (await inOrg(t.deps.db, orgId, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(table)))[0]!.n
    expect(await count(portalPosts)).toBe(1) // the one made in setup
    expect(await count(portalExecutives)).toBe(0)
    expect(await count(portalQuestions)).toBe(1)
  })

  it('delete confirmations: each asks on its own page, then deletes through the same form', async () => {
    const e = await postMultipart(t.app, staff, admin('/executives'), exec, [])
    expect(e.status).toBe(303)
    const execId = /executives\/([0-9a-f-]{36})\/delete/.exec(await (await staff.get(admin('/executives'))).text())![1]!
    for (const [page, gone] of [
      [`/posts/${postId}/delete`, `/posts/${postId}/edit`],
      [`/documents/${docId}/delete`, `/documents/${docId}/edit`],
      [`/executives/${execId}/delete`, `/executives/${execId}/delete`],
    ] as const) {
      const confirm = await staff.get(admin(page))
      expect(confirm.status, page).toBe(200)
      expect(await confirm.text(), page).toContain(`action="${admin(page)}"`)
      expect((await staff.post(admin(page), {}, { csrfFrom: admin(page) })).status, page).toBe(303)
      expect((await staff.get(admin(gone))).status, page).toBe(404)
    }
  })
})
