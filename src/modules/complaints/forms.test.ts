// Every complaints form on the one bad-input path: a bad submission answers 422 (409 for a
// conflict) with the same form, an error summary, the "ข้อผิดพลาด:" title and the values kept —
// except a receipt code, which is never echoed back.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, postMultipart, type UploadSpec } from '../../../tests/support/multipart.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { CATEGORIES } from './complaints.schema.js'
import { submitReport } from './submit.js'
import { assignCase } from './workflow.js'

const tag = (what: string) => `ECHO${what}${randomBytes(4).toString('hex')}`
const exe: UploadSpec = { field: 'files', name: 'photo.jpg', type: 'image/jpeg', bytes: FAKE_EXE }

type Row = {
  who: 'anonymous' | 'reporter' | 'officer'
  /** The POST path under /o/<slug>; `page` is where the form is shown (its CSRF token), default the same. */
  path: string
  page?: string
  fields: Record<string, string | string[]>
  files?: UploadSpec[]
  multipart?: boolean
  status?: number
  /** Texts or patterns of the submitted values that the page must show again. */
  echo: (string | RegExp)[]
  /** Texts the page must not contain. */
  absent?: string[]
  check?: (html: string) => void
}

describe('complaints forms: one bad-input path', () => {
  let t: TestApp
  let org: Org
  let co: User
  let exec: User
  let caseId = ''
  let code = ''
  const client = {} as Record<Row['who'], TestClient>
  const caseUrl = () => `/admin/complaints/${caseId}`

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'on' })
    org = await buildOrg(t.deps.db)
    co = await buildUser(t.deps.db, org, 'complaints_officer', { displayName: 'ประเสริฐ ตรวจสอบ' })
    exec = await buildUser(t.deps.db, org, 'executive', { displayName: 'สมชาย ผู้บริหาร' })
    const ctx = (actor: User | null) => useCaseCtx(t, org.id, actor)
    const r = await submitReport(ctx(null), { category: 'service', subject: 'ไฟถนนดับ', details: 'หน้าโรงเรียน' })
    if (!r.ok) throw new Error('no case')
    caseId = r.caseId
    code = r.code
    // An assignment, so the case page has an unassign button.
    await assignCase(ctx(co), caseId, exec.id, 'executive')

    client.anonymous = new TestClient(t.app)
    client.reporter = new TestClient(t.app)
    expect((await client.reporter.post(`/o/${org.slug}/complaints/track`, { code }, { headers: { 'x-forwarded-for': '192.0.2.1' } })).status).toBe(303)
    client.officer = new TestClient(t.app)
    expect((await client.officer.signIn(org.slug, co.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t?.close())

  const settings: Record<string, string> = Object.fromEntries([...CATEGORIES.flatMap((k) => [[`ack_${k}`, '15'], [`close_${k}`, '77']]), ['retentionYears', '0']])
  const subject = tag('SUBJ')
  // [form, row]: rows are built inside the test, once beforeAll has made the case.
  const rows: [form: string, row: () => Row][] = [
    [
      'public report (no consent, no details)',
      () => ({
        who: 'anonymous',
        path: '/complaints/new',
        multipart: true,
        fields: { category: 'bribery', subject, details: '' },
        echo: [/<option value="bribery" selected/],
        absent: ['v.consent'],
        check: (html) => {
          expect(html).toContain('โปรดยืนยันว่าได้อ่านคำประกาศเกี่ยวกับข้อมูลส่วนบุคคล')
          expect(html).toMatch(/<input id="consent" name="consent" type="checkbox" value="on" aria-invalid="true" aria-describedby="consent-error"/)
        },
      }),
    ],
    [
      'public report (file refused by its content)',
      () => ({
        who: 'anonymous',
        path: '/complaints/new',
        multipart: true,
        fields: { category: 'other', subject, details: 'รายละเอียดที่พิมพ์ไว้', consent: 'on' },
        files: [exe],
        echo: ['รายละเอียดที่พิมพ์ไว้', /<input id="consent" name="consent" type="checkbox" value="on" checked/],
        check: (html) => expect(html).toMatch(/id="files-error">[^<]*ตรวจจากเนื้อไฟล์/),
      }),
    ],
    [
      'public report (file over 10 MB)',
      () => ({
        who: 'anonymous',
        path: '/complaints/new',
        multipart: true,
        fields: { category: 'other', subject, details: 'รายละเอียดที่พิมพ์ไว้', consent: 'on' },
        files: [{ field: 'files', name: 'big.pdf', type: 'application/pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]) }],
        echo: ['รายละเอียดที่พิมพ์ไว้'],
        check: (html) => expect(html).toMatch(/id="files-error">[^<]*10 MB/),
      }),
    ],
    [
      // Never echoed: a wrong receipt code comes back as an empty field (see views/track.tsx).
      'tracking code (wrong code)',
      () => ({
        who: 'anonymous',
        path: '/complaints/track',
        fields: { code: '1111 2222 3333 4444' },
        echo: [],
        absent: ['1111 2222 3333 4444', '1111222233334444'],
        check: (html) => {
          expect(html).toContain('ไม่พบเรื่องตามรหัสนี้')
          expect(html).toMatch(/<input id="code" name="code" type="text" value=""/)
        },
      }),
    ],
    [
      'reporter message (file refused)',
      () => ({ who: 'reporter', path: '/complaints/track/case/messages', page: '/complaints/track/case', multipart: true, fields: { body: tag('REPORTER') }, files: [exe], echo: [] }),
    ],
    [
      'staff intake (bad date)',
      () => ({
        who: 'officer',
        path: '/admin/complaints/new',
        multipart: true,
        fields: { channel: 'phone', receivedOn: '32/13/2568', category: 'service', subject, details: 'ผู้แจ้งโทรมา' },
        echo: ['value="32/13/2568"', /<option value="phone" selected/, 'ผู้แจ้งโทรมา'],
        check: (html) => expect(html).toContain('รูปแบบวันที่ไม่ถูกต้อง'),
      }),
    ],
    ['assign (no person)', () => ({ who: 'officer', path: `${caseUrl()}/assign`, page: caseUrl(), fields: { userId: '', role: 'committee' }, echo: [/<option value="committee" selected/] })],
    // A button per assignment whose only field is a hidden id: there is nothing else to echo.
    ['unassign (not a person)', () => ({ who: 'officer', path: `${caseUrl()}/unassign`, page: caseUrl(), fields: { userId: 'nobody' }, echo: [], check: (html) => expect(html).toContain('เลือกผู้ที่จะยกเลิกการมอบหมาย') })],
    ['committee (bad deadline)', () => ({ who: 'officer', path: `${caseUrl()}/committee`, page: caseUrl(), fields: { members: [exec.id], deadline: 'พรุ่งนี้' }, echo: [`value="${exec.id}" checked`, 'value="พรุ่งนี้"'] })],
    [
      'status change (closed without an outcome, refused by the use case)',
      () => ({
        who: 'officer',
        path: `${caseUrl()}/status`,
        page: caseUrl(),
        fields: { to: 'closed', outcome: '', referredTo: '', reason: tag('REASON') },
        echo: [/<option value="closed" selected/],
        check: (html) => expect(html).toMatch(/id="outcome-error">กรุณาเลือกผลการพิจารณา/),
      }),
    ],
    ['status change (not allowed from here: a conflict)', () => ({ who: 'officer', path: `${caseUrl()}/status`, page: caseUrl(), fields: { to: 'investigating', reason: tag('REASON') }, status: 409, echo: [] })],
    // A lone select: an empty choice leaves nothing to echo.
    ['named staff (no person)', () => ({ who: 'officer', path: `${caseUrl()}/named`, page: caseUrl(), fields: { namedUserId: '' }, echo: [] })],
    ['staff message (file refused)', () => ({ who: 'officer', path: `${caseUrl()}/messages`, page: caseUrl(), multipart: true, fields: { body: tag('STAFF') }, files: [exe], echo: [] })],
    ['case file (none chosen)', () => ({ who: 'officer', path: `${caseUrl()}/files`, page: caseUrl(), multipart: true, fields: { kind: 'findings' }, echo: [/<option value="findings" selected/], check: (html) => expect(html).toContain('กรุณาเลือกไฟล์') })],
    ['settings (retention 0 years)', () => ({ who: 'officer', path: '/admin/complaints/settings', fields: settings, echo: ['value="77"'] })],
  ]

  for (const [form, make] of rows) {
    it(`${form}: ${/conflict/.test(form) ? 409 : 422}, the same form, an error summary, the values kept`, async () => {
      const row = make()
      const c = client[row.who]
      const path = `/o/${org.slug}${row.path}`
      const csrfFrom = `/o/${org.slug}${row.page ?? row.path}`
      const res = row.multipart ? await postMultipart(t.app, c, path, row.fields, row.files ?? [], { csrfFrom }) : await c.post(path, row.fields, { csrfFrom })
      const html = await res.text()
      expect(res.status, html.slice(0, 400)).toBe(row.status ?? 422)
      expect(html).toContain(`action="${path}"`)
      expect(html).toContain('class="error-summary"')
      expect(html).toMatch(/<title>ข้อผิดพลาด: /)
      expect(html).not.toMatch(/>\s*v\.[a-z]\w*\s*</i) // a raw message key instead of a message
      // Every typed text comes back (tagged values), and the choices made.
      for (const [k, v] of Object.entries(row.fields)) if (typeof v === 'string' && v.startsWith('ECHO')) expect(html, k).toContain(v)
      for (const e of row.echo) expect(html).toMatch(typeof e === 'string' ? new RegExp(e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : e)
      for (const a of row.absent ?? []) expect(html).not.toContain(a)
      row.check?.(html)
    })
  }

  it('still takes the good submissions of the forms whose bad input echoes nothing', async () => {
    const c = client.officer
    const page = `/o/${org.slug}${caseUrl()}`
    expect((await c.post(`${page}/unassign`, { userId: exec.id }, { csrfFrom: page })).status).toBe(303)
    expect((await c.post(`${page}/named`, { namedUserId: exec.id }, { csrfFrom: page })).status).toBe(303)
    expect(await (await c.get(page)).text()).toMatch(/id="named-title">[^<]*<\/h2><p>สมชาย ผู้บริหาร<\/p>/)
  })
})
