import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../support/factories.js'
import { postMultipart } from '../support/multipart.js'
import { dbError } from '../support/db.js'
import { inOrg } from '../../src/db/client.js'
import { orgs, type Org, type Unit } from '../../src/platform/orgs/orgs.schema.js'
import { users, type User } from '../../src/platform/auth/auth.schema.js'
import { loadDemoIfEmpty } from '../../src/app/demo.js'
import { DEMO_PEOPLE } from '../../src/app/demo-people.js'
import { auditLog } from '../../src/platform/audit/audit.schema.js'
import { people } from '../../src/platform/people/people.schema.js'
import { accountIdsOf, headOf, peopleFor, personOfUser, STAFF_KINDS, supervisorOf } from '../../src/platform/people/directory.js'
import { createPerson, setUnitHead, updatePerson } from '../../src/platform/people/people.service.js'
import { kindFromText, parsePeopleSheet } from '../../src/platform/people/people-import.js'
import { issuePersonLinks, linkQrSvg, mailPersonLinks, openPersonLink, redeemPersonLink, usedPersonLinks } from '../../src/platform/people/person-links.js'
import { mailOutbox } from '../../src/platform/mail/mail.schema.js'
import { maskLinkSecrets } from '../../src/platform/mail/mask.js'

async function xlsx(rows: (string | Date | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('บุคลากร')
  for (const r of rows) ws.addRow(r)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
const HEADER = ['ชื่อ-สกุล', 'ตำแหน่ง', 'ประเภท', 'หน่วยงาน', 'อีเมล', 'โทรศัพท์', 'วันที่เริ่มปฏิบัติงาน']

describe('people: the agency’s personnel, unit heads and supervisors', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let admin: User
  let officer: User
  let clerkOffice: Unit
  let finance: Unit
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    admin = await buildUser(t.deps.db, org, 'agency_admin')
    officer = await buildUser(t.deps.db, org, 'officer')
    clerkOffice = await buildUnit(t.deps.db, org, 'สำนักปลัด')
    finance = await buildUnit(t.deps.db, org, 'กองคลัง')
    const ctx = useCaseCtx(t, org.id, admin)
    ids.chief = await createPerson(ctx, { fullName: 'นายธนพล รักษ์ธรรม', position: 'ปลัดเทศบาล', kind: 'local_official', unitIds: [clerkOffice.id] })
    ids.director = await createPerson(ctx, { fullName: 'นางสาวกัญญา พูนผล', position: 'ผู้อำนวยการกองคลัง', kind: 'local_official', unitIds: [finance.id], supervisorId: ids.chief })
    ids.clerk = await createPerson(ctx, { fullName: 'นางมานี ขยัน', position: 'เจ้าพนักงานการเงินและบัญชี', kind: 'local_official', unitIds: [finance.id], userId: officer.id })
    ids.driver = await createPerson(ctx, { fullName: 'นายสมบัติ ขยันยิ่ง', position: 'พนักงานขับรถยนต์', kind: 'permanent_employee', unitIds: [clerkOffice.id] })
    ids.left = await createPerson(ctx, { fullName: 'นายย้าย ไปแล้ว', kind: 'contract_employee', unitIds: [finance.id], activeFrom: '2020-01-01', activeUntil: '2024-09-30' })
    ids.mayor = await createPerson(ctx, { fullName: 'นายสมชาย ผู้บริหาร', position: 'นายกเทศมนตรี', kind: 'executive', unitIds: [] })
    await setUnitHead(ctx, clerkOffice.id, ids.chief)
    await setUnitHead(ctx, finance.id, ids.director)
  })
  afterAll(() => t.close())

  const tx = <T>(fn: Parameters<typeof inOrg<T>>[2]) => inOrg(t.deps.db, org.id, fn)

  it('answers the audiences modules ask for: every staff member, a unit, the unit heads, on a given day', async () => {
    const staff = await tx((x) => peopleFor(x, { all: true, kinds: STAFF_KINDS }))
    expect(staff.map((p) => p.fullName).sort()).toEqual(['นางมานี ขยัน', 'นางสาวกัญญา พูนผล', 'นายธนพล รักษ์ธรรม', 'นายสมบัติ ขยันยิ่ง'].sort())
    const everyone = await tx((x) => peopleFor(x, { all: true }))
    expect(everyone.map((p) => p.id)).toContain(ids.mayor)
    const inFinance = await tx((x) => peopleFor(x, { unitIds: [finance.id] }))
    expect(inFinance.map((p) => p.id).sort()).toEqual([ids.director, ids.clerk].sort())
    // Someone who left counts on a day they were still serving.
    const inFinance2023 = await tx((x) => peopleFor(x, { unitIds: [finance.id] }, { on: '2023-06-01' }))
    expect(inFinance2023.map((p) => p.id)).toContain(ids.left)
    const heads = await tx((x) => peopleFor(x, { unitHeads: true }))
    expect(heads.map((p) => p.id).sort()).toEqual([ids.chief, ids.director].sort())
    expect(accountIdsOf(inFinance)).toEqual([officer.id])
  })

  it('finds the head of a unit, the supervisor of a person (set, or the unit head), and the person of an account', async () => {
    expect((await tx((x) => headOf(x, finance.id)))?.id).toBe(ids.director)
    expect((await tx((x) => supervisorOf(x, ids.clerk!)))?.id).toBe(ids.director)
    expect((await tx((x) => supervisorOf(x, ids.director!)))?.id).toBe(ids.chief) // set explicitly
    expect(await tx((x) => supervisorOf(x, ids.chief!))).toBeNull() // heads their own unit: the top
    expect((await tx((x) => personOfUser(x, officer.id)))?.id).toBe(ids.clerk)
  })

  it('keeps people to their agency: another agency sees none and cannot point at them', async () => {
    const seen = await inOrg(t.deps.db, other.id, (x) => peopleFor(x, { all: true }))
    expect(seen).toEqual([])
    const foreignAdmin = await buildUser(t.deps.db, other, 'agency_admin')
    await expect(createPerson(useCaseCtx(t, other.id, foreignAdmin), { fullName: 'x', kind: 'executive', unitIds: [finance.id] })).rejects.toMatchObject({ status: 422 })
    await expect(createPerson(useCaseCtx(t, other.id, foreignAdmin), { fullName: 'x', kind: 'executive', unitIds: [], supervisorId: ids.chief })).rejects.toMatchObject({ status: 422 })
    // In the database itself: a row for another agency is refused by row-level security.
    expect(await dbError(inOrg(t.deps.db, other.id, (x) => x.insert(people).values({ orgId: org.id, fullName: 'แทรก', kind: 'executive' })))).toMatch(/row-level security/)
  })

  it('refuses what the schema cannot see: an account linked twice, a self-supervisor, an end before the start', async () => {
    const ctx = useCaseCtx(t, org.id, admin)
    await expect(createPerson(ctx, { fullName: 'ซ้ำ', kind: 'executive', unitIds: [], userId: officer.id })).rejects.toMatchObject({ errors: { userId: { th: expect.stringContaining('นางมานี ขยัน') } } })
    await expect(updatePerson(ctx, ids.driver!, { fullName: 'นายสมบัติ ขยันยิ่ง', kind: 'permanent_employee', unitIds: [], supervisorId: ids.driver })).rejects.toMatchObject({ status: 422 })
    await expect(createPerson(ctx, { fullName: 'วันที่กลับหัว', kind: 'executive', unitIds: [], activeFrom: '2024-01-01', activeUntil: '2023-01-01' })).rejects.toMatchObject({ errors: { activeUntil: expect.anything() } })
    await expect(createPerson(useCaseCtx(t, org.id, officer), { fullName: 'ไม่มีสิทธิ์', kind: 'executive', unitIds: [] })).rejects.toMatchObject({ status: 403 })
  })

  it('reads the kind column as clerks write it', () => {
    expect(kindFromText('พนักงานเทศบาล')).toBe('local_official')
    expect(kindFromText('พนักงานส่วนตำบล')).toBe('local_official')
    expect(kindFromText('ลูกจ้างประจำ')).toBe('permanent_employee')
    expect(kindFromText('พนักงานจ้างตามภารกิจ')).toBe('contract_employee')
    expect(kindFromText('รองนายกเทศมนตรี')).toBe('executive')
    expect(kindFromText('ประธานสภาเทศบาล')).toBe('council_member')
    expect(kindFromText('อื่น ๆ')).toBeNull()
  })

  it('checks every row of a sheet and names the row of each problem', () => {
    const units = new Set(['สำนักปลัด', 'กองคลัง'])
    const r = parsePeopleSheet(
      [
        ['รายชื่อบุคลากร ปีงบประมาณ ๒๕๖๗'],
        HEADER,
        ['นายก ข', 'นักจัดการงานทั่วไป', 'พนักงานเทศบาล', 'กองคลัง', '', '', '๐๑/๑๐/๒๕๖๖'],
        ['', '', '', '', '', '', ''],
        ['นายค ง', '', 'ไม่รู้จัก', 'กองคลัง', '', '', ''],
        ['นายจ ฉ', '', 'ลูกจ้างประจำ', 'กองที่ไม่มี', '', '', ''],
        ['นายช ซ', '', 'พนักงานจ้าง', 'สำนักปลัด', 'not-an-email', '', ''],
        ['นายฌ ญ', '', 'พนักงานจ้าง', 'สำนักปลัด, กองคลัง', '', '', '2024-10-01T00:00:00.000Z'],
        ['นายด ต', '', 'พนักงานจ้าง', '', '', '', '2024-10-01'],
        ['นายก ข', '', 'พนักงานจ้าง', '', '', '', ''],
      ],
      units,
    )
    expect(r.rows.map((x) => [x.line, x.fullName, x.activeFrom])).toEqual([
      [3, 'นายก ข', '2023-10-01'],
      [8, 'นายฌ ญ', '2024-10-01'],
    ])
    expect(r.rows[1]!.unitNames).toEqual(['สำนักปลัด', 'กองคลัง'])
    expect(r.problems.map((p) => p.line)).toEqual([5, 6, 7, 9, 10])
    expect(r.problems[0]!.message.th).toContain('ไม่รู้จักประเภท "ไม่รู้จัก"')
    expect(r.problems[1]!.message.th).toContain('ไม่มีหน่วยงาน "กองที่ไม่มี"')
    expect(r.problems[3]!.message.th).toContain('วันที่เริ่ม "2024-10-01" ดูเป็นปี ค.ศ.') // a typed Gregorian year is refused
    expect(r.problems[4]!.message.th).toContain('ซ้ำกับแถว 3')
    expect(parsePeopleSheet([['ชื่อ', 'ตำแหน่ง']], units).problems[0]!.message.th).toContain('ไม่พบแถวหัวตาราง')
  })

  it('imports from XLSX through a preview that changes nothing, applies once on confirmation, audited', async () => {
    const c = new TestClient(t.app)
    await c.signIn(org.slug, admin.email, TEST_PASSWORD)
    const base = `/o/${org.slug}/admin/people`
    const bytes = await xlsx([HEADER, ['นางมานี ขยัน', 'นักวิชาการเงินและบัญชีชำนาญการ', 'พนักงานเทศบาล', 'กองคลัง', '', '', ''], ['นายใหม่ มาทำงาน', 'พนักงานจ้างทั่วไป', 'พนักงานจ้าง', 'สำนักปลัด', 'mai@example.go.th', '081-000-0000', '01/11/2567'], ['นายสมบัติ ขยันยิ่ง', 'พนักงานขับรถยนต์', 'ลูกจ้างประจำ', 'สำนักปลัด', '', '', '']])
    const before = await tx((x) => x.select().from(people))
    const up = await postMultipart(t.app, c, `${base}/import`, {}, [{ field: 'file', name: 'บุคลากร.xlsx', bytes }])
    expect(up.status).toBe(303)
    const previewUrl = up.headers.get('location')!
    const preview = await (await c.get(previewUrl)).text()
    expect(preview).toContain('เพิ่มใหม่ 1 คน · แก้ไข 1 คน · ไม่เปลี่ยนแปลง 1 คน')
    expect(preview).toContain('ตำแหน่ง: เจ้าพนักงานการเงินและบัญชี → นักวิชาการเงินและบัญชีชำนาญการ')
    expect(await tx((x) => x.select().from(people))).toEqual(before) // the preview changed nothing
    const done = await c.post(previewUrl, {})
    expect(done.status).toBe(303)
    const after = await tx((x) => x.select().from(people))
    expect(after).toHaveLength(before.length + 1)
    const added = after.find((p) => p.fullName === 'นายใหม่ มาทำงาน')!
    expect(added).toMatchObject({ kind: 'contract_employee', email: 'mai@example.go.th', activeFrom: '2024-11-01' })
    expect(after.find((p) => p.id === ids.clerk)!.position).toBe('นักวิชาการเงินและบัญชีชำนาญการ')
    expect(after.find((p) => p.id === ids.clerk)!.userId).toBe(officer.id) // an import never unlinks
    // Confirming again (a second tab) does nothing more.
    const again = await c.post(previewUrl, {}, { csrfFrom: base })
    expect(again.status).toBe(303)
    expect(await tx((x) => x.select().from(people))).toHaveLength(after.length)
    const audit = await tx((x) => x.select().from(auditLog).where(eq(auditLog.action, 'person.import')))
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).toMatchObject({ added: 1, updated: 1 })
  })

  it('refuses a bad file with the form and row numbers, never half an import', async () => {
    const c = new TestClient(t.app)
    await c.signIn(org.slug, admin.email, TEST_PASSWORD)
    const base = `/o/${org.slug}/admin/people`
    const count = (await tx((x) => x.select().from(people))).length
    const bad = await postMultipart(t.app, c, `${base}/import`, {}, [{ field: 'file', name: 'x.xlsx', bytes: await xlsx([HEADER, ['นายดี ดี', '', 'พนักงานจ้าง', 'สำนักปลัด', '', '', ''], ['นายผิด ผิด', '', 'ใครก็ไม่รู้', '', '', '', '']]) }])
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('แถว 3: ไม่รู้จักประเภท')
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('enctype="multipart/form-data"')
    const notXlsx = await postMultipart(t.app, c, `${base}/import`, {}, [{ field: 'file', name: 'x.xlsx', bytes: new TextEncoder().encode('ชื่อ,ตำแหน่ง\n') }])
    expect(notXlsx.status).toBe(422)
    expect((await tx((x) => x.select().from(people))).length).toBe(count)
  })

  it('serves the staff pages with role checks, the same form on bad input, and confirmation before deleting', async () => {
    const c = new TestClient(t.app)
    await c.signIn(org.slug, admin.email, TEST_PASSWORD)
    const base = `/o/${org.slug}/admin/people`
    const list = await (await c.get(`${base}?unit=${finance.id}`)).text()
    expect(list).toContain('นางสาวกัญญา พูนผล')
    expect(list).toContain('หัวหน้าของ กองคลัง')
    expect(list).not.toContain('นายสมบัติ ขยันยิ่ง')
    const former = await (await c.get(`${base}?status=former`)).text()
    expect(former).toContain('นายย้าย ไปแล้ว')
    const bad = await c.post(base, { fullName: 'นางสาวทดสอบ กรอกผิด', kind: '', activeFrom: '2024-01-01', email: 'ไม่ใช่อีเมล' }, { csrfFrom: `${base}/new` })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('value="นางสาวทดสอบ กรอกผิด"')
    expect(html).toContain('ปี ค.ศ.')
    expect(html).toContain('รูปแบบอีเมลไม่ถูกต้อง')
    const ok = await c.post(base, { fullName: 'นางสาวทดสอบ ถูกต้อง', kind: 'contract_employee', unitIds: clerkOffice.id, activeFrom: '๐๑/๑๐/๒๕๖๗' }, { csrfFrom: `${base}/new` })
    expect(ok.status).toBe(303)
    const made = (await tx((x) => x.select().from(people).where(eq(people.fullName, 'นางสาวทดสอบ ถูกต้อง'))))[0]!
    expect(made.activeFrom).toBe('2024-10-01')
    const confirm = await (await c.get(`${base}/${made.id}/delete`)).text()
    expect(confirm).toContain('ลบรายชื่อ นางสาวทดสอบ ถูกต้อง ใช่หรือไม่')
    expect((await c.post(`${base}/${made.id}/delete`, {}, { csrfFrom: `${base}/${made.id}/delete` })).status).toBe(303)
    expect(await tx((x) => x.select().from(people).where(eq(people.id, made.id)))).toEqual([])
    // An officer may read the list but not change it.
    const o = new TestClient(t.app)
    await o.signIn(org.slug, officer.email, TEST_PASSWORD)
    expect((await o.get(base)).status).toBe(200)
    expect((await o.get(`${base}/new`)).status).toBe(403)
    const details = await (await o.get(`${base}/${ids.chief}`)).text()
    expect(details).toContain('<dd>ปลัดเทศบาล</dd>')
    expect(details).not.toContain('name="fullName"')
    expect((await o.get(`/o/${org.slug}/admin/units/${finance.id}/head`)).status).toBe(403)
  })

  it('sets a unit head on the units page', async () => {
    const c = new TestClient(t.app)
    await c.signIn(org.slug, admin.email, TEST_PASSWORD)
    const path = `/o/${org.slug}/admin/units/${clerkOffice.id}/head`
    expect((await c.post(path, { headPersonId: ids.driver! })).status).toBe(303)
    expect((await tx((x) => headOf(x, clerkOffice.id)))?.id).toBe(ids.driver)
    const units = await (await c.get(`/o/${org.slug}/admin/units`)).text()
    expect(units).toContain('นายสมบัติ ขยันยิ่ง')
    expect((await c.post(path, { headPersonId: '00000000-0000-0000-0000-000000000000' })).status).toBe(422)
    expect((await c.post(path, { headPersonId: ids.chief! })).status).toBe(303)
  })

  it('gives people without an account single-use links that expire and cannot be replayed', async () => {
    const [link] = await tx((x) => issuePersonLinks(x, { orgId: org.id, purpose: 'announcements.ack', ref: 'ann-1', personIds: [ids.driver!], expiresAt: new Date(Date.now() + 86_400_000) }))
    expect(link!.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await tx((x) => openPersonLink(x, link!.token, 'announcements.ack')))?.personId).toBe(ids.driver)
    expect(await tx((x) => openPersonLink(x, link!.token, 'gifts.nil-return'))).toBeNull() // another purpose
    expect(await inOrg(t.deps.db, other.id, (x) => openPersonLink(x, link!.token, 'announcements.ack'))).toBeNull() // another agency
    const [a, b] = await Promise.all([tx((x) => redeemPersonLink(x, link!.token, 'announcements.ack')), tx((x) => redeemPersonLink(x, link!.token, 'announcements.ack'))])
    expect([a, b].filter(Boolean)).toHaveLength(1)
    expect(await tx((x) => usedPersonLinks(x, 'announcements.ack', 'ann-1', [ids.driver!, ids.chief!]))).toEqual(new Set([ids.driver]))
    // Re-issuing does not reopen a used link; an expired one opens nothing.
    await tx((x) => issuePersonLinks(x, { orgId: org.id, purpose: 'announcements.ack', ref: 'ann-1', personIds: [ids.driver!], expiresAt: new Date(Date.now() + 86_400_000) }))
    expect(await tx((x) => usedPersonLinks(x, 'announcements.ack', 'ann-1', [ids.driver!]))).toEqual(new Set([ids.driver]))
    const [old] = await tx((x) => issuePersonLinks(x, { orgId: org.id, purpose: 'announcements.ack', ref: 'ann-2', personIds: [ids.chief!], expiresAt: new Date(Date.now() - 1000) }))
    expect(await tx((x) => redeemPersonLink(x, old!.token, 'announcements.ack'))).toBeNull()
  })
  it('an invitation can be for a person without an account, and links them', async () => {
    const c = new TestClient(t.app)
    await c.signIn(org.slug, admin.email, TEST_PASSWORD)
    const usersPage = `/o/${org.slug}/admin/users`
    const page = await (await c.get(usersPage)).text()
    expect(page).toContain('นายสมบัติ ขยันยิ่ง (พนักงานขับรถยนต์)')
    expect(page).not.toContain('นางมานี ขยัน (') // already has an account
    const ok = await c.post(usersPage, { email: 'sombat@example.go.th', displayName: 'สมบัติ ขยันยิ่ง', role: 'viewer', personId: ids.driver! })
    expect(ok.status).toBe(303)
    const [u] = await tx((x) => x.select().from(users).where(eq(users.email, 'sombat@example.go.th')))
    expect((await tx((x) => personOfUser(x, u!.id)))?.id).toBe(ids.driver)
    const again = await c.post(usersPage, { email: 'other@example.go.th', displayName: 'ผู้อื่น', role: 'viewer', personId: ids.driver! })
    expect(again.status).toBe(422)
    const html = await again.text()
    expect(html).toContain('มีบัญชีผู้ใช้งานแล้ว')
    expect(html).toContain('value="other@example.go.th"')
    expect(await tx((x) => x.select().from(users).where(eq(users.email, 'other@example.go.th')))).toEqual([]) // nothing half-written
  })

  it('mails each person their own link, and names those without e-mail for a printed QR sheet', async () => {
    const links = await tx((x) => issuePersonLinks(x, { orgId: org.id, purpose: 'gifts.nil-return', ref: '2567-h1', personIds: [ids.clerk!, ids.driver!], expiresAt: new Date(Date.now() + 86_400_000) }))
    const url = (token: string) => `https://prongsai.example/o/${org.slug}/gifts/answer/${token}`
    const r = await tx((x) =>
      mailPersonLinks(x, {
        orgId: org.id,
        links,
        recipients: [
          { personId: ids.clerk!, fullName: 'นางมานี ขยัน', email: 'manee@example.go.th' },
          { personId: ids.driver!, fullName: 'นายสมบัติ ขยันยิ่ง', email: null },
        ],
        subject: 'แจ้งการรับทรัพย์สินหรือประโยชน์อื่นใด ครึ่งปีแรก ๒๕๖๗',
        text: (name, u) => `เรียน ${name}\nกรุณาแจ้งที่ ${u}`,
        url,
      }),
    )
    expect(r.mailed).toBe(1)
    expect(r.withoutEmail.map((w) => w.fullName)).toEqual(['นายสมบัติ ขยันยิ่ง'])
    const [mail] = await tx((x) => x.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'manee@example.go.th')))
    const mine = links.find((l) => l.personId === ids.clerk)!
    expect(mail!.bodyText).toContain(url(mine.token))
    expect(maskLinkSecrets(mail!.bodyText)).not.toContain(mine.token) // the outbox never shows it to others
    const svg = await linkQrSvg(url(mine.token))
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).not.toMatch(/<script|on\w+=/i)
  })
})

describe('people: the demo agencies', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    await loadDemoIfEmpty(t.deps)
  })
  afterAll(() => t.close())

  it('has a realistic personnel list with unit heads, and every demo account linked to its person', async () => {
    const [org] = await t.deps.db.select().from(orgs).where(eq(orgs.slug, 'phanomrung'))
    await inOrg(t.deps.db, org!.id, async (x) => {
      const all = await peopleFor(x, { all: true })
      expect(all).toHaveLength(DEMO_PEOPLE.phanomrung!.length)
      expect(new Set(all.map((p) => p.kind))).toEqual(new Set(['executive', 'council_member', 'local_official', 'permanent_employee', 'contract_employee']))
      const heads = await peopleFor(x, { unitHeads: true })
      expect(heads.map((p) => p.position)).toContain('ปลัดเทศบาล')
      const accounts = await x.select().from(users).where(eq(users.orgId, org!.id))
      for (const u of accounts) expect((await personOfUser(x, u.id))?.fullName, u.email).toBeTruthy()
      const admin = accounts.find((u) => u.role === 'agency_admin')!
      expect((await supervisorOf(x, (await personOfUser(x, admin.id))!.id))?.position).toBe('ปลัดเทศบาล')
    })
  })
})
