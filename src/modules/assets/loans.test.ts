import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { assetItems, assetLoans } from './assets.schema.js'
import { deleteAsset } from './assets.service.js'
import { checkOutLoan, decideLoan, requestPublicLoan, requestStaffLoan, returnLoan, trackLoan } from './loans.js'
import { buildAsset } from './testing/factories.js'
import ExcelJS from 'exceljs'

describe('assets: loans (request → approval before use → check-out → return)', () => {
  let t: TestApp
  let org: Org
  let officerCtx: OrgUseCaseCtx
  let execCtx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const exec = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/assets`
  const ctxFor = (u: { id: string; displayName: string; email: string }, role: 'officer' | 'executive'): OrgUseCaseCtx => ({ deps: t.deps, db: t.deps.db, orgId: org.id, requestId: 'test', lang: 'th', actor: { userId: u.id, orgId: org.id, role, displayName: u.displayName, email: u.email, unitIds: [], permissions: t.deps.registry.permissionsOf(role) } })
  const req = (assetId: string, startOn: string, endOn: string) => ({ assetId, startOn, endOn, purpose: 'ใช้ในงานบุญประจำปีของวัด', place: 'วัดบ้านโคกเมือง', borrowerName: 'คณะกรรมการวัดบ้านโคกเมือง', borrowerContact: '081 234 5678' })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const o = await buildUser(t.deps.db, org, 'officer')
    const e = await buildUser(t.deps.db, org, 'executive')
    officerCtx = ctxFor(o, 'officer')
    execCtx = ctxFor(e, 'executive')
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
    expect((await exec.signIn(org.slug, e.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('runs a public request through every step, each dated and by whom, audited; hand-over only after approval', async () => {
    const tent = await buildAsset(t.deps.db, org.id, { name: 'เต็นท์ผ้าใบ', lendPublic: true })
    const loan = await requestPublicLoan(t.deps.db, org.id, req(tent.id, '2024-03-01', '2024-03-03'), 'test')
    expect(loan.code).toMatch(/^[A-Z2-9]{8}$/)
    await expect(checkOutLoan(officerCtx, loan.id, 'สภาพดี')).rejects.toMatchObject({ status: 409, detail: { th: expect.stringContaining('ต้องได้รับอนุมัติ') } })
    await expect(decideLoan(officerCtx, loan.id, true, '')).rejects.toMatchObject({ status: 403 })
    const approved = await decideLoan(execCtx, loan.id, true, 'อนุมัติตามระเบียบ')
    expect(approved.decidedByLabel).toBe(execCtx.actor!.displayName)
    const out = await checkOutLoan(officerCtx, loan.id, 'ผ้าใบสมบูรณ์ ครบ 8 เสา')
    expect(out.checkedOutAt!.getTime()).toBeGreaterThanOrEqual(out.decidedAt!.getTime())
    await expect(returnLoan(officerCtx, loan.id, { condition: '', damaged: true, damageNote: '' })).rejects.toMatchObject({ status: 422, errors: { damageNote: expect.anything() } })
    const back = await returnLoan(officerCtx, loan.id, { condition: 'คืนครบ', damaged: true, damageNote: 'ผ้าใบขาด 1 จุด ผู้ยืมรับซ่อม' })
    expect(back).toMatchObject({ status: 'returned', damaged: true, returnedByLabel: officerCtx.actor!.displayName })
    const [asset] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(assetItems).where(eq(assetItems.id, tent.id)))
    expect(asset!.status).toBe('damaged')
    const actions = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, loan.id)))).map((a) => a.action)
    expect(actions).toEqual(['assets.loan.request', 'assets.loan.approve', 'assets.loan.checkout', 'assets.loan.return'])
    expect(await trackLoan(t.deps.db, org.id, loan.code.toLowerCase())).toMatchObject({ status: 'returned', assetName: 'เต็นท์ผ้าใบ' })
    expect(await trackLoan(t.deps.db, org.id, 'ZZZZZZZZ')).toBeNull()
    await expect(deleteAsset(officerCtx, tent.id)).rejects.toMatchObject({ status: 409, detail: { th: expect.stringContaining('ประวัติการยืม') } })
  })

  it('never double-books: overlapping dates are refused, touching dates too (both days count), a refusal frees them', async () => {
    const van = await buildAsset(t.deps.db, org.id, { name: 'รถตู้', lendPublic: true, lendStaff: true })
    const first = await requestPublicLoan(t.deps.db, org.id, req(van.id, '2024-04-10', '2024-04-12'), 'test')
    await expect(requestPublicLoan(t.deps.db, org.id, req(van.id, '2024-04-12', '2024-04-14'), 'test')).rejects.toMatchObject({ status: 409, errors: { startOn: expect.anything() } })
    await expect(requestStaffLoan(officerCtx, req(van.id, '2024-04-09', '2024-04-10'))).rejects.toMatchObject({ status: 409 })
    expect((await requestStaffLoan(officerCtx, req(van.id, '2024-04-13', '2024-04-13'))).status).toBe('requested')
    await decideLoan(execCtx, first.id, false, 'รถติดภารกิจ')
    expect((await requestPublicLoan(t.deps.db, org.id, req(van.id, '2024-04-11', '2024-04-11'), 'test')).status).toBe('requested')
  })

  it('twenty simultaneous requests for the last free dates produce exactly one reservation', async () => {
    const chairs = await buildAsset(t.deps.db, org.id, { name: 'เก้าอี้พลาสติก', lendPublic: true })
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => requestPublicLoan(t.deps.db, org.id, req(chairs.id, '2024-05-01', '2024-05-02'), 'test')))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.status === 409)).toBe(true)
    expect(await inOrg(t.deps.db, org.id, (tx) => tx.select().from(assetLoans).where(eq(assetLoans.assetId, chairs.id)))).toHaveLength(1)
  })

  it('refuses assets not lendable to that borrower, and a return date before the start', async () => {
    const laptop = await buildAsset(t.deps.db, org.id, { name: 'โน้ตบุ๊ก', lendStaff: true })
    await expect(requestPublicLoan(t.deps.db, org.id, req(laptop.id, '2024-06-01', '2024-06-02'), 'test')).rejects.toMatchObject({ status: 422, errors: { assetId: expect.anything() } })
    await expect(requestStaffLoan(officerCtx, req(laptop.id, '2024-06-05', '2024-06-01'))).rejects.toMatchObject({ status: 422, errors: { endOn: expect.anything() } })
    const staffLoan = await requestStaffLoan(officerCtx, req(laptop.id, '2024-06-01', '2024-06-02'))
    expect(staffLoan).toMatchObject({ borrowerKind: 'staff', borrowerUserId: officerCtx.actor!.userId })
  })

  it('a handed-over loan is due on the to-do list of the lenders until it is returned (overdue shows as such)', async () => {
    const sound = await buildAsset(t.deps.db, org.id, { name: 'ชุดเครื่องเสียง', lendPublic: true })
    const loan = await requestPublicLoan(t.deps.db, org.id, req(sound.id, '2023-01-10', '2023-01-11'), 'test')
    await decideLoan(execCtx, loan.id, true, '')
    await checkOutLoan(officerCtx, loan.id, '')
    const item = (await listTodo(officerCtx, 'mine')).find((i) => i.ref === loan.id)
    expect(item).toMatchObject({ dueOn: '2023-01-11' })
    expect(item!.titleTh).toContain(sound.assetNo)
    await returnLoan(officerCtx, loan.id, { condition: 'ครบ', damaged: false, damageNote: '' })
    expect((await listTodo(officerCtx, 'mine')).some((i) => i.ref === loan.id)).toBe(false)
  })

  it('pages: the public form (422 keeps values; a code to follow), staff approve, hand over and take back', async () => {
    const tables = await buildAsset(t.deps.db, org.id, { name: 'โต๊ะพับอเนกประสงค์', lendPublic: true })
    const anon = new TestClient({ request: (p, i) => t.app.request(p, i) })
    const form = await anon.get(`/o/${org.slug}/assets/request`)
    expect(form.status).toBe(200)
    const values = { assetId: tables.id, startOn: '01/07/2024', endOn: '02/07/2567', purpose: 'จัดงานประเพณีบุญบั้งไฟ', place: 'ศาลาประชาคมหมู่ 3', borrowerName: 'ผู้ใหญ่บ้านหมู่ 3', borrowerContact: '' }
    const bad = await anon.post(`/o/${org.slug}/assets/request`, values, { csrfFrom: `/o/${org.slug}/assets/request` })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('<title>ข้อผิดพลาด:')
    expect(badHtml).toContain('จัดงานประเพณีบุญบั้งไฟ')
    expect(badHtml).toContain('ค.ศ.')
    const ok = await anon.post(`/o/${org.slug}/assets/request`, { ...values, startOn: '01/07/2567', borrowerContact: '089 111 2222' }, { csrfFrom: `/o/${org.slug}/assets/request` })
    expect(ok.status).toBe(200)
    const code = /<strong class="code">([A-Z0-9]{8})<\/strong>/.exec(await ok.text())![1]!
    expect(await (await anon.get(`/o/${org.slug}/assets/track?code=${code}`)).text()).toContain('รออนุมัติ')
    const [loan] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(assetLoans).where(eq(assetLoans.code, code)))
    const page = `${base()}/loans/${loan!.id}`
    expect((await officer.post(`${page}/checkout`, { condition: '' })).status).toBe(409)
    expect((await exec.post(`${page}/decide`, { decision: 'approve', note: '' })).status).toBe(303)
    expect((await exec.post(`${page}/decide`, { decision: 'approve', note: '' })).status).toBe(409)
    expect((await officer.post(`${page}/checkout`, { condition: 'ครบ 1 ตัว' })).status).toBe(303)
    const noNote = await officer.post(`${page}/return`, { condition: 'ขาหัก', damaged: 'on', damageNote: '' })
    expect(noNote.status).toBe(422)
    expect(await noNote.text()).toContain('ขาหัก')
    expect((await officer.post(`${page}/return`, { condition: 'ครบ', damageNote: '' })).status).toBe(303)
    expect(await (await anon.get(`/o/${org.slug}/assets/track?code=${code}`)).text()).toContain('คืนแล้ว')
    const list = await (await officer.get(`${base()}/loans?status=returned`)).text()
    expect(list).toContain(code)
  })

  it('exports the loan register of a fiscal year as XLSX with the Thai text exact', async () => {
    const res = await exec.get(`${base()}/loans/register/2567/register.xlsx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('ทะเบียนคุมการยืม')
    expect(ws.getRow(1).getCell(1).text).toBe('ทะเบียนคุมการยืมครุภัณฑ์ ปีงบประมาณ 2567')
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['ลำดับ', 'เลขครุภัณฑ์', 'ครุภัณฑ์', 'ผู้ยืม', 'ประเภทผู้ยืม', 'วัตถุประสงค์ในการยืม', 'สถานที่นำไปใช้', 'วันที่เริ่มยืม', 'วันที่กำหนดคืน', 'อนุมัติเมื่อ (ผู้อนุมัติ)', 'ส่งมอบเมื่อ (ผู้ส่งมอบ)', 'คืนเมื่อ (ผู้รับคืน)', 'สภาพเมื่อคืน', 'สถานะ'])
    const rows: string[][] = []
    ws.eachRow((r, n) => {
      if (n > 4) rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')))
    })
    const tent = rows.find((r) => r[2] === 'เต็นท์ผ้าใบ')!
    expect(tent.slice(3, 9)).toEqual(['คณะกรรมการวัดบ้านโคกเมือง', 'ประชาชน/ชุมชน', 'ใช้ในงานบุญประจำปีของวัด', 'วัดบ้านโคกเมือง', '1 มี.ค. 2567', '3 มี.ค. 2567'])
    expect(tent[9]).toContain(`(${execCtx.actor!.displayName})`)
    expect(tent[12]).toBe('คืนครบ — ผ้าใบขาด 1 จุด ผู้ยืมรับซ่อม')
    expect(tent[13]).toBe('คืนแล้ว')
    expect(rows.some((r) => r[8] === '11 ม.ค. 2566')).toBe(false) // FY2566's loan is not in FY2567's register
    expect((await officer.get(`${base()}/loans/register/2024/register.xlsx`)).status).toBe(404)
  })
})
