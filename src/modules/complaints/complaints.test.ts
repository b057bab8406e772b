import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import pg from 'pg'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { mailOutbox } from '../../platform/mail/mail.schema.js'
import { generateMasterKeyEntry, parseMasterKeys } from '../../platform/crypto/index.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { complaintCases } from './complaints.schema.js'
import { changeStatus } from './workflow.js'
import { getCase } from './cases.js'
import { openByReceipt, reporterView } from './reporter.js'
import { submitReport } from './submit.js'
import { runMaintenance } from './maintenance.js'
import { complaintsModule } from './module.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { publicStats } from './stats.js'
import { rotateDataKeys } from './keys.js'
import { forgetDataKeys } from './vault.js'
import { dumpAllText, dumpContains, jpegWithExif, pdfWith, receiptFrom } from './testing/fixtures.js'
import { postMultipart } from '../../../tests/support/multipart.js'

const marker = (what: string) => `MARK${what}${randomBytes(5).toString('hex')}`

describe('complaints channel (HTTP, real database)', () => {
  let t: TestApp
  let org: Org
  let other: Org
  const u = {} as Record<'officer2' | 'co' | 'admin' | 'exec' | 'staff' | 'named' | 'otherCo' | 'platform', User>
  const m = { subject: marker('SUBJ'), details: marker('DETAIL'), contact: marker('CONTACT'), pdf: marker('PDF'), exif: marker('EXIF'), ip: '203.0.113.77', ua: `MarkerAgent/${randomBytes(4).toString('hex')}` }
  let code = ''
  let caseId = ''

  const signedIn = async (user: User, slug: string | null) => {
    const c = new TestClient(t.app)
    const r = await c.signIn(slug, user.email, TEST_PASSWORD)
    expect(r.status).toBe(303)
    return c
  }
  const ctxFor = (actor: User | null) => useCaseCtx(t, org.id, actor)

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'on' })
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    u.co = await buildUser(t.deps.db, org, 'complaints_officer', { displayName: 'ประเสริฐ ตรวจสอบ' })
    u.officer2 = await buildUser(t.deps.db, org, 'complaints_officer', { displayName: 'กนกพร รับเรื่อง' })
    u.admin = await buildUser(t.deps.db, org, 'agency_admin', { displayName: 'สมศรี ดูแลระบบ' })
    u.exec = await buildUser(t.deps.db, org, 'executive', { displayName: 'สมชาย ผู้บริหาร' })
    u.staff = await buildUser(t.deps.db, org, 'officer', { displayName: 'วิภา ปฏิบัติการ' })
    u.named = await buildUser(t.deps.db, org, 'officer', { displayName: 'บุญเลิศ เรียกเงิน' })
    u.otherCo = await buildUser(t.deps.db, other, 'complaints_officer', { displayName: 'วิชัย ต่างหน่วย' })
    u.platform = await buildUser(t.deps.db, null, 'platform_admin', { displayName: 'ผู้ดูแลกลาง' })
  })
  afterAll(() => t.close())

  it('takes an anonymous report with attachments and shows a 16-digit receipt code once, with a QR code', async () => {
    const c = new TestClient(t.app)
    const path = `/o/${org.slug}/complaints/new`
    const page = await c.get(path)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('PDPA')
    const res = await postMultipart(
      t.app,
      c,
      path,
      { category: 'bribery', subject: m.subject, details: `${m.details} เจ้าหน้าที่ บุญเลิศ เรียกเงิน 3,000 บาท`, whenWhere: 'หน้าห้องกองช่าง', who: 'กองช่าง', contactName: m.contact, contactPhone: '0812345678', consent: 'on', nonce: randomBytes(16).toString('hex') },
      [
        { field: 'files', name: 'photo.jpg', type: 'image/jpeg', bytes: jpegWithExif(m.exif) },
        { field: 'files', name: 'evidence.pdf', type: 'application/pdf', bytes: pdfWith(m.pdf) },
      ],
      { headers: { 'x-forwarded-for': m.ip, 'user-agent': m.ua } },
    )
    const body = await res.text()
    expect(res.status, body.slice(0, 500)).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    code = receiptFrom(body)!
    expect(code).toMatch(/^\d{16}$/)
    expect(body).toContain(code.replace(/(\d{4})(?=\d)/g, '$1 '))
    expect(body).toMatch(/<img src="data:image\/png;base64,/)
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(complaintCases))
    expect(rows).toHaveLength(1)
    caseId = rows[0]!.id
    expect(rows[0]!.channel).toBe('web')
    expect(rows[0]!.attachmentCount).toBe(2)
    // The report names a staff member: they are excluded from it automatically.
    expect(rows[0]!.excludedUserIds).toEqual([u.named.id])
  })

  it('rejects a missing consent and a non-image, non-PDF file checked by content (422, values kept)', async () => {
    const c = new TestClient(t.app)
    const path = `/o/${org.slug}/complaints/new`
    const noConsent = await postMultipart(t.app, c, path, { category: 'other', subject: 'ทดสอบ', details: 'ทดสอบ' })
    expect(noConsent.status).toBe(422)
    expect(await noConsent.text()).toContain('คำประกาศเกี่ยวกับข้อมูลส่วนบุคคล')
    const exe = await postMultipart(t.app, c, path, { category: 'other', subject: 'ทดสอบไฟล์', details: 'ทดสอบ', consent: 'on' }, [{ field: 'files', name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('MZ\x90\x00not really a jpeg') }])
    expect(exe.status).toBe(422)
    const html = await exe.text()
    expect(html).toContain('ตรวจจากเนื้อไฟล์')
    expect(html).toContain('ทดสอบไฟล์')
  })

  it('stores no IP address, user agent or account with the report (every column of every row)', async () => {
    const dump = await dumpAllText(t.database.ownerUrl)
    expect(dump.rows).toBeGreaterThan(10)
    expect(dumpContains(dump.text, m.ip)).toBe(false)
    expect(dumpContains(dump.text, m.ua)).toBe(false)
    const c = new pg.Client({ connectionString: t.database.ownerUrl })
    await c.connect()
    try {
      const cols = await c.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name LIKE 'complaint_%'`)
      expect(cols.rows.length).toBeGreaterThan(30)
      expect(cols.rows.map((r) => r.column_name).filter((n) => /(^|_)(ip|ip_address|addr|address|user_agent|agent|session|reporter_user)(_|$)/.test(n))).toEqual([])
      const audit = await c.query(`SELECT actor_user_id, actor_label, details FROM audit_log WHERE action = 'complaint.submit'`)
      expect(audit.rows).toEqual([{ actor_user_id: null, actor_label: 'anonymous', details: { category: 'bribery', channel: 'web', attachments: 2 } }])
    } finally {
      await c.end()
    }
  })

  it('keeps no plaintext of report text, contact details or attachments anywhere in the database', async () => {
    const dump = await dumpAllText(t.database.ownerUrl)
    for (const [k, v] of Object.entries({ subject: m.subject, details: m.details, contact: m.contact, pdf: m.pdf, exif: m.exif })) expect(dumpContains(dump.text, v), k).toBe(false)
  })

  it('shows the report to complaints officers only; admins, platform admins and other agencies get 403/404', async () => {
    const path = `/o/${org.slug}/admin/complaints/${caseId}`
    const co = await signedIn(u.co, org.slug)
    const page = await co.get(path)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(m.subject)
    expect(html).toContain(m.contact)
    // The JPEG's EXIF (GPS) was stripped before encryption.
    // Shown by a neutral name: "photo.jpg" (or "IMG_…_สมชาย.jpg") is never kept.
    expect(html).not.toContain('photo.jpg')
    const file = html.match(new RegExp(`${path}/files/([0-9a-f-]{36})">เอกสารแนบ-\\d\\.jpg`))
    expect(file).not.toBeNull()
    const jpg = Buffer.from(await (await co.get(`${path}/files/${file![1]}`)).arrayBuffer())
    expect(jpg.subarray(0, 2).toString('hex')).toBe('ffd8')
    expect(jpg.includes(Buffer.from(m.exif))).toBe(false)
    expect(jpg.includes(Buffer.from('GPSLatitude'))).toBe(false)

    const admin = await signedIn(u.admin, org.slug)
    expect((await admin.get(path)).status).toBe(403)
    expect((await admin.get(`/o/${org.slug}/admin/complaints`)).status).toBe(403)
    const platform = await signedIn(u.platform, null)
    expect([403, 404]).toContain((await platform.get(path)).status)
    const otherCo = await signedIn(u.otherCo, other.slug)
    expect((await otherCo.get(path)).status).toBe(403)
    // Even inside their own agency's area, another agency's case does not exist.
    expect((await otherCo.get(`/o/${other.slug}/admin/complaints/${caseId}`)).status).toBe(404)
    const staff = await signedIn(u.staff, org.slug)
    expect((await staff.get(path)).status).toBe(404)
    await expect(getCase(ctxFor(u.admin), caseId)).rejects.toMatchObject({ status: 403 })
  })

  it('lets an executive see a case only once assigned, and never the staff member it names', async () => {
    const path = `/o/${org.slug}/admin/complaints/${caseId}`
    const exec = await signedIn(u.exec, org.slug)
    expect((await exec.get(path)).status).toBe(404)
    const co = await signedIn(u.co, org.slug)
    expect((await co.post(`${path}/assign`, { userId: u.exec.id, role: 'executive' }, { csrfFrom: path })).status).toBe(303)
    const seen = await exec.get(path)
    expect(seen.status).toBe(200)
    // The report yes, the reporter's contact details no: they are for the complaints officers only.
    const execHtml = await seen.text()
    expect(execHtml).toContain(m.subject)
    expect(execHtml).not.toContain(m.contact)
    expect(execHtml).toContain('เปิดเผยเฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน')
    expect(await (await exec.get(`${path}/export.html`)).text()).not.toContain(m.contact)
    // The named officer cannot be assigned, and cannot see it.
    const refused = await co.post(`${path}/assign`, { userId: u.named.id, role: 'committee' }, { csrfFrom: path })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('ถูกกล่าวถึง')
    const named = await signedIn(u.named, org.slug)
    expect((await named.get(path)).status).toBe(404)
    expect(await (await named.get(`/o/${org.slug}/admin/complaints?status=all`)).text()).not.toContain(caseId)
    // Marking a complaints officer as named removes their access too.
    expect((await co.post(`${path}/named`, { namedUserId: u.officer2.id }, { csrfFrom: path })).status).toBe(303)
    const o2 = await signedIn(u.officer2, org.slug)
    expect((await o2.get(path)).status).toBe(404)
  })

  it('records every read, export and change in the audit log', async () => {
    const before = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, caseId)))
    const co = await signedIn(u.co, org.slug)
    await co.get(`/o/${org.slug}/admin/complaints/${caseId}`)
    await co.get(`/o/${org.slug}/admin/complaints/${caseId}/export.html`)
    await co.get(`/o/${org.slug}/admin/complaints`)
    const after = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, org.id)))
    const newer = after.filter((a) => !before.some((b) => b.id === a.id))
    const actions = newer.filter((a) => a.actorUserId === u.co.id).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['complaint.read', 'complaint.export', 'complaint.list']))
    const list = newer.find((a) => a.action === 'complaint.list')!
    expect((list.details as { caseIds: string[] }).caseIds).toContain(caseId)
    const all = after.map((a) => a.action)
    expect(all).toEqual(expect.arrayContaining(['complaint.submit', 'complaint.assign', 'complaint.named', 'complaint.file_read']))
    // The audit log itself holds no report content.
    expect(JSON.stringify(after)).not.toContain(m.subject)
  })

  it('lets the reporter follow the case with the code and exchange messages with the officer, anonymously', async () => {
    const reporter = new TestClient(t.app)
    const track = `/o/${org.slug}/complaints/track`
    const opened = await reporter.post(track, { code: code.replace(/(\d{4})(?=\d)/g, '$1 ') })
    expect(opened.status).toBe(303)
    const page = await (await reporter.get(`${track}/case`)).text()
    expect(page).toContain(m.subject)
    expect(page).toContain('รับเรื่องแล้ว')
    const co = await signedIn(u.co, org.slug)
    const reply = marker('REPLY')
    expect((await co.post(`/o/${org.slug}/admin/complaints/${caseId}/messages`, { body: `${reply} ขอบคุณสำหรับข้อมูล` }, { csrfFrom: `/o/${org.slug}/admin/complaints/${caseId}` })).status).toBe(303)
    const again = await (await reporter.get(`${track}/case`)).text()
    expect(again).toContain(reply)
    const answer = marker('ANSWER')
    expect((await postMultipart(t.app, reporter, `${track}/case/messages`, { body: answer }, [{ field: 'files', name: 'more.pdf', type: 'application/pdf', bytes: pdfWith('more') }], { csrfFrom: `${track}/case` })).status).toBe(303)
    expect(await (await co.get(`/o/${org.slug}/admin/complaints/${caseId}`)).text()).toContain(answer)
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(complaintCases))
    expect(rows[0]!.acknowledgedAt).not.toBeNull()
    const dump = await dumpAllText(t.database.ownerUrl)
    expect(dumpContains(dump.text, reply) || dumpContains(dump.text, answer)).toBe(false)
    const actions = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, caseId)))).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['complaint.receipt_open', 'complaint.reporter_read', 'complaint.reporter_message', 'complaint.message']))
  })

  it('throttles receipt-code guessing per address in PostgreSQL, without locking out other reporters', async () => {
    const track = `/o/${org.slug}/complaints/track`
    const from = (ip: string, body: Record<string, string>) => new TestClient(t.app).post(track, body, { headers: { 'x-forwarded-for': ip } })
    const failed = async () => (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(sql`action = 'complaint.receipt_failed'`))).length
    const failedBefore = await failed()
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await from('198.51.100.9', { code: String(1e15 + i) })).status)
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422))
    expect(statuses.slice(10)).toEqual([429, 429])
    const blocked = await from('198.51.100.9', { code })
    expect(blocked.status, 'every attempt counts, a right one too').toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await blocked.text()).toMatch(/รออีกประมาณ [0-9๐-๙]+ นาที/)
    expect(await failed()).toBe(failedBefore + 10)

    // One IPv6 /64 is one address; parallel guesses are counted before the lookup.
    const v6 = await Promise.all(Array.from({ length: 30 }, (_, i) => from(`2001:db8:77:1::${(i + 1).toString(16)}`, { code: String(2e15 + i) })))
    expect(v6.filter((r) => r.status === 422)).toHaveLength(10)
    expect(v6.filter((r) => r.status === 429)).toHaveLength(20)

    // Malformed codes are refused without a lookup and count for nothing.
    for (let i = 0; i < 12; i++) {
      const r = await from('198.51.100.20', { code: `12ab${i}` })
      expect(r.status).toBe(422)
      expect(await r.text()).toContain('ต้องเป็นตัวเลข 16 หลัก')
    }
    expect((await from('198.51.100.20', { code })).status).toBe(303)

    // Many addresses guessing do not lock the agency's real reporters out.
    for (let a = 0; a < 25; a++) for (let i = 0; i < 11; i++) await from(`192.0.2.${a + 1}`, { code: String(3e15 + a * 100 + i) })
    expect((await from('198.51.100.10', { code })).status).toBe(303)
    const throttledAudits = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(sql`action LIKE 'complaint.receipt_%'`))
    expect(throttledAudits.filter((a) => a.action === 'complaint.receipt_throttled').length).toBeGreaterThanOrEqual(3)
    expect(JSON.stringify(throttledAudits)).not.toMatch(/198\.51\.100|2001:db8|192\.0\.2/)
  })

  it('runs the workflow: screening → investigating → closed, with reason, and refuses skipping back', async () => {
    const co = ctxFor(u.co)
    // While open, the case is on its responsible officer's to-do list, by number only.
    const [row] = await inOrg(t.deps.db, org.id, (tx) => tx.select({ caseNo: complaintCases.caseNo, closeDueOn: complaintCases.closeDueOn }).from(complaintCases).where(eq(complaintCases.id, caseId)))
    const todoOf = async (who: User, scope: 'mine' | 'agency') => (await listTodo({ ...ctxFor(who), orgId: org.id }, scope)).filter((i) => i.module === 'complaints' && i.ref === caseId)
    const [item] = await todoOf(u.co, 'mine')
    expect(item).toMatchObject({ kind: 'close', dueOn: row!.closeDueOn, href: `/complaints/${caseId}` })
    expect(item!.titleTh).toContain(String(row!.caseNo))
    expect(item!.titleTh).not.toContain(m.subject)
    expect(await todoOf(u.exec, 'mine'), 'not an executive\'s unless assigned').toHaveLength(0)
    expect(await todoOf(u.admin, 'agency'), 'the agency-wide list hides cases from who may not read them').toHaveLength(0)
    await changeStatus(co, caseId, { to: 'screening', reason: 'รับไว้พิจารณา' })
    await changeStatus(co, caseId, { to: 'investigating', reason: 'ตั้งกรรมการ' })
    await expect(changeStatus(co, caseId, { to: 'screening', reason: 'ย้อน' })).rejects.toMatchObject({ status: 409 })
    await expect(changeStatus(co, caseId, { to: 'closed', reason: 'x' })).rejects.toMatchObject({ status: 422 })
    await expect(changeStatus(ctxFor(u.exec), caseId, { to: 'closed', outcome: 'substantiated', reason: 'x' })).rejects.toMatchObject({ status: 403 })
    await changeStatus(co, caseId, { to: 'closed', outcome: 'substantiated', reason: 'มีมูล ส่งดำเนินการทางวินัย' })
    const v = await getCase(co, caseId)
    expect(v.meta.status).toBe('closed')
    expect(v.meta.outcome).toBe('substantiated')
    expect(v.events.map((e) => e.toStatus).filter(Boolean)).toEqual(['received', 'screening', 'investigating', 'closed'])
    expect(v.events.at(-1)!.note).toBe('มีมูล ส่งดำเนินการทางวินัย')
    expect(await todoOf(u.co, 'mine'), 'a closed case leaves the to-do list').toHaveLength(0)
  })

  it('runs its overdue reminders and retention on the platform job runner, daily', () => {
    const job = complaintsModule.jobs?.find((j) => j.name === 'complaints.maintenance')
    expect(job?.schedule).toBe('15 1 * * *')
    expect(t.deps.registry.jobs.map((j) => j.name)).toContain('complaints.maintenance')
  })

  it('records staff intake with its channel; only complaints officers may do it', async () => {
    const co = await signedIn(u.co, org.slug)
    const path = `/o/${org.slug}/admin/complaints/new`
    const res = await postMultipart(t.app, co, path, { channel: 'phone', receivedOn: '1/10/2568', category: 'service', subject: 'ไฟถนนดับ (รับทางโทรศัพท์)', details: 'ผู้แจ้งโทรมาแจ้ง' })
    const html = await res.text()
    expect(res.status, html.slice(0, 300)).toBe(200)
    expect(receiptFrom(html)).toMatch(/^\d{16}$/)
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(complaintCases).where(eq(complaintCases.channel, 'phone')))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.receivedAt.toISOString().slice(0, 10)).toBe('2025-10-01')
    expect(rows[0]!.ackDueOn).toBe('2025-10-16')
    expect(rows[0]!.closeDueOn).toBe('2025-11-30')
    const admin = await signedIn(u.admin, org.slug)
    expect((await admin.get(path)).status).toBe(403)
    await expect(submitReport(ctxFor(u.admin), { category: 'other', subject: 'x', details: 'x', channel: 'paper' })).rejects.toMatchObject({ status: 403 })
  })

  it('publishes statistics without content, cacheable', async () => {
    const res = await new TestClient(t.app).get(`/o/${org.slug}/complaints/stats?fy=2569`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toMatch(/public/)
    const html = await res.text()
    expect(html).not.toContain(m.subject)
    // One report this year: too few to show (small-count suppression), and its category with it.
    expect(html).toMatch(/data-stat="total">&lt; [5๕]</)
    expect(html).toMatch(/data-stat="cat-service">&lt; [5๕]</)
    expect(html).toMatch(/data-stat="cat-bribery">[0๐]</) // zeros point at nobody
    const s = await publicStats(t.deps.db, org.id, 2569)
    expect(s.byCategory.service).toBe(1) // the intake dated 1 Oct 2025 = FY 2569
    expect(s.byStatus.received).toBe(1)
  })

  it('emails overdue digests (no content) and purges content after the retention period, keeping a tombstone', async () => {
    const later = new Date(Date.now() + 90 * 86400_000)
    const r1 = await runMaintenance(t.deps, later)
    expect(r1.reminders).toBeGreaterThan(0)
    const mails = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.orgId, org.id)))
    expect(mails.map((x) => x.toAddress)).toContain(u.co.email)
    expect(JSON.stringify(mails)).not.toContain('ไฟถนนดับ')
    expect((await runMaintenance(t.deps, later)).reminders).toBe(0) // once a day
    const r2 = await runMaintenance(t.deps, new Date(Date.now() + 11 * 366 * 86400_000))
    expect(r2.purged).toBe(1)
    const [tomb] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(complaintCases).where(eq(complaintCases.id, caseId)))
    expect(tomb!.content).toBeNull()
    expect(tomb!.contact).toBeNull()
    expect(tomb!.category).toBe('bribery')
    expect(tomb!.closedAt).not.toBeNull()
    expect(await openByReceipt(t.deps, org.id, code, null)).toBeNull()
  })

  it('rotates the master key: every data key is re-wrapped and reports still open under the new key only', async () => {
    const r = await submitReport(ctxFor(null), { category: 'misconduct', subject: 'หลังหมุนกุญแจ', details: 'ข้อความทดสอบ' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const oldSpec = [...t.deps.masterKeys.keys].map(([id, k]) => `${id}:${k.toString('base64')}`).join(',')
    const during = parseMasterKeys(`${generateMasterKeyEntry('k2')},${oldSpec}`)
    const res = await rotateDataKeys(t.database.ownerUrl, during)
    expect(res.rewrapped).toBeGreaterThanOrEqual(1)
    const onlyNew = parseMasterKeys(`k2:${during.keys.get('k2')!.toString('base64')}`)
    forgetDataKeys()
    const deps = { ...t.deps, masterKeys: onlyNew }
    const caseOpened = await openByReceipt(deps, org.id, r.code, null)
    expect(caseOpened).toBe(r.caseId)
    expect((await reporterView(deps, org.id, r.caseId, null)).subject).toBe('หลังหมุนกุญแจ')
    expect((await rotateDataKeys(t.database.ownerUrl, onlyNew)).rewrapped).toBe(0)
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(complaintCases).where(and(eq(complaintCases.id, r.caseId))))
    expect(rows).toHaveLength(1)
  })
})
