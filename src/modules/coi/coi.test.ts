import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { deadlineAssignees, deadlines } from '../../platform/deadlines/deadlines.schema.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { docxToHtml, docxToText, readPdf } from '../../platform/documents/extract.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { squash } from '../../platform/documents/text.js'
import { personUnits } from '../../platform/people/people.schema.js'
import { computeStatistics, agencyStatistics } from '../../platform/stats/statistics.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { coiDeclarations, coiInterests, coiMatters } from './coi.schema.js'
import { declaredInterests, listRegister, PAGE_SIZE, removeDeclaration, reviewDeclaration } from './declarations.js'
import { coiEvidence } from './contracts.js'
import { buildDeclaration, buildPerson } from './testing/factories.js'

// Declarations, review, the register and who has not declared, the party check and matters, the
// annual report as DOCX/PDF, the public summary — against the real database, through the pages.

// HarfBuzz draws ำ as NIKHAHIT + SARA AA; pdf.js reads that back in the drawn order.
const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ')
const BROTHER = { kind: 'family' as const, relation: 'sibling' as const, holderName: 'นายวิชิต สร้างงาม', partyName: 'ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา', juristicId: '0313556001234', detail: 'น้องชายเป็นหุ้นส่วนผู้จัดการ' }

describe('coi: declarations, review, register, checks and report', () => {
  let t: TestApp
  let org: Org
  let officerUser: User
  let execUser: User
  let viewerUser: User
  let execCtx: OrgUseCaseCtx
  let officerCtx: OrgUseCaseCtx
  let me = { id: '', fullName: '' }
  let boss = { id: '', fullName: '' }
  let chair = { id: '', fullName: '' }
  let viewerPerson = { id: '', fullName: '' }
  let unitId = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const exec = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const viewer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/coi`
  const audits = async (action: string) => (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, action)))).length
  const declarations = async () => (await inOrg(t.deps.db, org.id, (tx) => tx.select({ n: count() }).from(coiDeclarations)))[0]!.n

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    officerUser = await buildUser(t.deps.db, org, 'officer')
    execUser = await buildUser(t.deps.db, org, 'executive')
    viewerUser = await buildUser(t.deps.db, org, 'viewer')
    execCtx = useCaseCtx(t, org.id, execUser) as OrgUseCaseCtx
    officerCtx = useCaseCtx(t, org.id, officerUser) as OrgUseCaseCtx
    boss = await buildPerson(t.deps.db, org.id, { fullName: 'นายผู้บริหาร ทดสอบ', position: 'นายกเทศมนตรี', kind: 'executive', userId: execUser.id })
    me = await buildPerson(t.deps.db, org.id, { fullName: 'นางสาววิภา ปฏิบัติ', position: 'นักวิเคราะห์นโยบายและแผน', userId: officerUser.id })
    chair = await buildPerson(t.deps.db, org.id, { fullName: 'นายอนุชา สร้างงาม', position: 'ผู้อำนวยการกองช่าง' })
    viewerPerson = await buildPerson(t.deps.db, org.id, { fullName: 'นางมานี ผู้ติดตาม', kind: 'contract_employee', userId: viewerUser.id })
    const unit = await buildUnit(t.deps.db, org, 'กองช่าง')
    unitId = unit.id
    await inOrg(t.deps.db, org.id, (tx) => tx.insert(personUnits).values({ orgId: org.id, personId: chair.id, unitId }))
    for (const [c, u] of [[officer, officerUser], [exec, execUser], [viewer, viewerUser]] as const) expect((await c.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const annualForm = (o: Record<string, string> = {}) => ({ kind: 'annual', declaredOn: '15/11/2565', committee: '', committeeRole: '', project: '', bidders: '', note: '', i0_kind: 'outside_work', i0_relation: 'self', i0_holderName: '', i0_partyName: 'ผู้ปกครองนักเรียนบ้านโคกเจริญ', i0_juristicId: '', i0_detail: 'รับจ้างขับรถรับส่งนักเรียน', ...o })

  it('a person files their own declaration with interests; the form starts from the last one; filed and read are audited', async () => {
    const res = await officer.post(`${base()}/declare`, annualForm({ i1_kind: 'shareholding', i1_relation: 'spouse', i1_holderName: 'นายสมพงษ์ ปฏิบัติ', i1_partyName: 'บริษัท ข้าวหอมพนมรุ้ง จำกัด', i1_juristicId: '๐-๓๑๕๕-๖๐๐๐๐-๔๕-๖', i1_detail: 'ถือหุ้นร้อยละ 10' }))
    expect(res.status).toBe(303)
    const [d] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiDeclarations).where(eq(coiDeclarations.personId, me.id)))
    expect(d).toMatchObject({ kind: 'annual', fiscalYear: 2566, declaredOn: '2022-11-15', via: 'self', status: 'submitted', noInterest: false })
    const interests = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiInterests).where(eq(coiInterests.declarationId, d!.id)))
    expect(interests.map((i) => i.juristicId)).toEqual([null, '0315560000456'])
    expect(await audits('coi.declare')).toBe(1)
    const update = await (await officer.get(`${base()}/declare?kind=change`)).text()
    expect(update).toContain('value="บริษัท ข้าวหอมพนมรุ้ง จำกัด"')
    const mine = await (await officer.get(`${base()}/mine`)).text()
    expect(mine).toContain(`${base()}/d/${d!.id}`)
    const before = await audits('coi.read')
    expect((await officer.get(`${base()}/d/${d!.id}`)).status).toBe(200)
    expect(await audits('coi.read')).toBe(before + 1)
  })

  it.each([
    ['a half-filled interest row', { i0_kind: '' }, 'i0_kind', 'รายการที่ 1: ให้เลือกประเภทส่วนได้เสีย'],
    ['a juristic ID that is not 13 digits', { i0_juristicId: '031355600' }, 'i0_juristicId', 'เลขทะเบียนนิติบุคคลต้องมี 13 หลัก'],
    ['a relative without a name', { i0_relation: 'spouse' }, 'i0_holderName', 'ให้ระบุชื่อคู่สมรสหรือญาติ'],
    ['an appointment without committee, role and project', { kind: 'appointment' }, 'project', 'ให้ระบุโครงการที่ได้รับแต่งตั้งเป็นกรรมการ'],
    ['no interest and no statement', { i0_kind: '', i0_partyName: '', i0_detail: '' }, 'noInterest', 'หรือรับรองว่าไม่มีส่วนได้เสีย'],
    ['interests and the no-interest statement', { noInterest: 'on' }, 'noInterest', 'รับรองว่าไม่มีส่วนได้เสียไม่ได้'],
    ['a Gregorian year', { declaredOn: '15/11/2022' }, 'declaredOn', 'ปี ค.ศ.'],
    ['a detail over its limit', { i0_detail: 'ก'.repeat(1001) }, 'i0_detail', 'ไม่เกิน'],
  ] as [string, Record<string, string>, string, string][])('bad input (%s) answers 422 with the same form, values kept, a Thai summary, nothing written', async (_name, patch, field, message) => {
    const n = await declarations()
    const res = await officer.post(`${base()}/declare`, annualForm(patch))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('class="error-summary"')
    expect(html).toContain(`href="#${field}"`)
    expect(html).toContain(message)
    expect(html).toContain(`action="${base()}/declare"`)
    if (patch.i0_partyName !== '') expect(html).toContain('value="ผู้ปกครองนักเรียนบ้านโคกเจริญ"')
    expect(await declarations()).toBe(n)
  })

  it('the executive reviews: asking for more needs a note and gives the declarant a to-do item, closed when they file again', async () => {
    const [d] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiDeclarations).where(eq(coiDeclarations.personId, me.id)))
    const bad = await exec.post(`${base()}/d/${d!.id}/review`, { decision: 'more_info', reviewNote: '' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('ให้ระบุข้อมูลที่ต้องการเพิ่มเติม')
    expect((await exec.post(`${base()}/d/${d!.id}/review`, { decision: 'more_info', reviewNote: 'ขอให้ระบุเวลาที่รับจ้าง' })).status).toBe(303)
    const open = async () => inOrg(t.deps.db, org.id, (tx) => tx.select({ done: deadlines.doneAt, user: deadlineAssignees.userId }).from(deadlines).innerJoin(deadlineAssignees, eq(deadlineAssignees.deadlineId, deadlines.id)).where(and(eq(deadlines.module, 'coi'), eq(deadlines.ref, d!.id))))
    expect(await open()).toEqual([{ done: null, user: officerUser.id }])
    expect(await (await officer.get(`${base()}/mine`)).text()).toContain('ขอให้ระบุเวลาที่รับจ้าง')
    expect((await officer.post(`${base()}/declare`, annualForm({ kind: 'change', declaredOn: '01/03/2566', i0_kind: '', i0_partyName: '', i0_detail: '', noInterest: 'on', note: 'ยุติการรับงานนอกแล้ว' }))).status).toBe(303)
    expect((await open())[0]!.done).not.toBeNull()
    await reviewDeclaration(execCtx, d!.id, { decision: 'acknowledged', note: '' })
    expect(await audits('coi.review')).toBe(2)
    // The latest declaration is what counts: after the change, no outside work is declared.
    expect(await declaredInterests(t.deps.db, org.id, [me.id], '2023-01-01')).toHaveLength(2)
    expect(await declaredInterests(t.deps.db, org.id, [me.id], '2023-03-02')).toEqual([])
    expect(await declaredInterests(t.deps.db, org.id, [me.id], '2022-11-14')).toEqual([])
  })

  it('who may read whose: the declarant and the register’s readers; a viewer gets 404 for another’s declaration and 403 for the register', async () => {
    const other = await buildDeclaration(t.deps.db, org.id, chair.id, [BROTHER])
    const own = await buildDeclaration(t.deps.db, org.id, viewerPerson.id)
    expect((await viewer.get(`${base()}/d/${other.id}`)).status).toBe(404)
    expect((await viewer.get(`${base()}/d/${other.id}/delete`)).status).toBe(404)
    expect((await viewer.get(base())).status).toBe(403)
    expect((await viewer.get(`${base()}/d/${own.id}`)).status).toBe(200)
    const html = await (await exec.get(`${base()}/d/${other.id}`)).text()
    expect(html).toContain('ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา')
    expect(html).toContain('0313556001234')
    const reads = await inOrg(t.deps.db, org.id, (tx) => tx.select({ actor: auditLog.actorUserId }).from(auditLog).where(and(eq(auditLog.action, 'coi.read'), eq(auditLog.entityId, other.id))))
    expect(reads.map((r) => r.actor)).toEqual([execUser.id])
  })

  it('the register: fiscal year, search, unit, status and type filters, pages of 20, who has not declared, every read audited', async () => {
    for (let i = 0; i < PAGE_SIZE + 2; i++) {
      const p = await buildPerson(t.deps.db, org.id, { fullName: `นายหน้าทดสอบ ${String(i).padStart(2, '0')}` })
      await buildDeclaration(t.deps.db, org.id, p.id, [], { fiscalYear: 2567, declaredOn: '2023-11-01' })
    }
    const p1 = await listRegister(execCtx, { fiscalYear: 2567, page: 1 })
    expect(p1.total).toBe(PAGE_SIZE + 2)
    expect(p1.rows).toHaveLength(PAGE_SIZE)
    expect((await listRegister(execCtx, { fiscalYear: 2567, page: 2 })).rows).toHaveLength(2)
    expect((await listRegister(execCtx, { fiscalYear: 2567, q: 'หน้าทดสอบ 07', page: 1 })).total).toBe(1)
    expect((await listRegister(execCtx, { fiscalYear: 2567, q: '%', page: 1 })).total).toBe(0)
    const fy66 = await listRegister(execCtx, { fiscalYear: 2566, unitId, page: 1 })
    expect(fy66.rows.map((r) => r.personName)).toEqual(['นายอนุชา สร้างงาม'])
    expect((await listRegister(execCtx, { fiscalYear: 2566, kind: 'change', page: 1 })).rows.map((r) => r.personName)).toEqual([me.fullName])
    expect((await listRegister(execCtx, { fiscalYear: 2566, status: 'acknowledged', page: 1 })).total).toBe(1)
    const all66 = await listRegister(execCtx, { fiscalYear: 2566, page: 1 })
    expect(all66.missing.map((m) => m.fullName)).toContain(boss.fullName)
    expect(all66.missing.map((m) => m.fullName)).not.toContain(me.fullName)
    const html = await (await exec.get(`${base()}?fy=๒๕๖๗&page=2`)).text()
    expect(html).toContain('rel="prev"')
    expect(html).toContain('ยังไม่ยื่นแบบประจำปี')
    expect(await audits('coi.register.read')).toBeGreaterThanOrEqual(8)
  })

  it('an officer opens the annual round (bad date → 422): people with accounts who have not declared get a to-do item', async () => {
    const bad = await officer.post(`${base()}/round/2568`, { dueOn: '31/10/2025' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('ปี ค.ศ.')
    expect((await officer.post(`${base()}/round/2568`, { dueOn: '31/10/2567' })).status).toBe(303)
    const items = await inOrg(t.deps.db, org.id, (tx) => tx.select({ ref: deadlines.ref, dueOn: deadlines.dueOn }).from(deadlines).where(and(eq(deadlines.module, 'coi'), eq(deadlines.kind, 'annual'))))
    expect(items.map((i) => i.ref).sort()).toEqual([`2568:${boss.id}`, `2568:${me.id}`, `2568:${viewerPerson.id}`].sort())
    expect(items[0]!.dueOn).toBe('2024-10-31')
    // The officer who opened it follows up the count until nobody is left.
    const round = async () => (await listTodo(officerCtx, 'mine')).find((i) => i.kind === 'round' && i.ref === '2568')
    const missing = (await listRegister(execCtx, { fiscalYear: 2568, page: 1 })).missing.length
    expect(missing).toBeGreaterThan(3)
    expect((await round())?.titleTh).toBe(`ติดตามผู้ที่ยังไม่ยื่นแบบเปิดเผยส่วนได้เสีย ปีงบประมาณ 2568 (${missing} คน)`)
    expect((await officer.post(`${base()}/declare`, annualForm({ declaredOn: '01/11/2567' }))).status).toBe(303)
    expect((await round())?.titleTh).toContain(`(${missing - 1} คน)`)
    expect((await listTodo(officerCtx, 'mine')).some((i) => i.kind === 'annual' && i.ref === `2568:${me.id}`)).toBe(false)
    expect((await listTodo(execCtx, 'agency')).some((i) => i.module === 'coi')).toBe(true)
  })

  it('an officer records a paper declaration on appointment; the check finds the chair’s brother’s partnership among bidders and records a matter', async () => {
    const paper = `${base()}/people/${chair.id}/declare`
    const noProject = await officer.post(paper, { kind: 'appointment', declaredOn: '14/02/2566', committee: 'inspection', committeeRole: 'chair', project: '', bidders: 'หจก. ส. สร้างงาม การโยธา', i0_kind: 'family', i0_relation: 'sibling', i0_holderName: BROTHER.holderName, i0_partyName: BROTHER.partyName, i0_juristicId: BROTHER.juristicId, i0_detail: BROTHER.detail })
    expect(noProject.status).toBe(422)
    expect(await noProject.text()).toContain('value="นายวิชิต สร้างงาม"')
    const ok = await officer.post(paper, { kind: 'appointment', declaredOn: '14/02/2566', committee: 'inspection', committeeRole: 'chair', project: 'ถนน คสล. หมู่ 5', bidders: 'หจก. ส. สร้างงาม การโยธา', i0_kind: 'family', i0_relation: 'sibling', i0_holderName: BROTHER.holderName, i0_partyName: BROTHER.partyName, i0_juristicId: BROTHER.juristicId, i0_detail: BROTHER.detail })
    expect(ok.status).toBe(303)
    const [d] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiDeclarations).where(and(eq(coiDeclarations.personId, chair.id), eq(coiDeclarations.kind, 'appointment'))))
    expect(d).toMatchObject({ via: 'officer', committee: 'inspection', committeeRole: 'chair', project: 'ถนน คสล. หมู่ 5' })

    const noMembers = await officer.post(`${base()}/check`, { project: 'ถนน คสล. หมู่ 5', on: '15/02/2566', parties: 'บริษัท ใดๆ จำกัด' })
    expect(noMembers.status).toBe(422)
    expect(await noMembers.text()).toContain('ให้เลือกกรรมการอย่างน้อยหนึ่งคน')
    const parties = 'บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด 0315558000789\nหจก. ส. สร้างงาม การโยธา\nห้างหุ้นส่วนจำกัด ส.สร้างงามวิศวกรรม'
    const checked = await officer.post(`${base()}/check`, { project: 'ถนน คสล. หมู่ 5', on: '15/02/2566', personIds: [chair.id, boss.id], parties, record: '0' })
    expect(checked.status).toBe(200)
    const html = await checked.text()
    expect(html).toContain('พบ 1 รายการที่ตรงกับส่วนได้เสียที่เปิดเผย')
    expect(html).toContain(`${boss.fullName} ยังไม่เคยยื่นแบบ`)
    expect(html).toContain('ห้างหุ้นส่วนจำกัด ส.สร้างงามวิศวกรรม</textarea>')
    expect(await audits('coi.check')).toBe(1)
    expect((await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiMatters))).length).toBe(0)
    expect((await officer.post(`${base()}/check`, { project: 'ถนน คสล. หมู่ 5', on: '15/02/2566', personIds: [chair.id], parties, record: '1' })).status).toBe(200)
    const [m] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiMatters))
    expect(m).toMatchObject({ personId: chair.id, matchedBy: 'name', partyName: 'หจก. ส. สร้างงาม การโยธา', status: 'open', fiscalYear: 2566 })

    const early = await officer.post(`${base()}/matters/${m!.id}`, { resolution: 'replaced', resolvedOn: '01/02/2566', note: 'เปลี่ยนประธานกรรมการตรวจรับพัสดุ' })
    expect(early.status).toBe(422)
    expect(await early.text()).toContain('วันที่ดำเนินการต้องไม่ก่อนวันที่พบเรื่อง')
    expect((await officer.post(`${base()}/matters/${m!.id}`, { resolution: 'replaced', resolvedOn: '16/02/2566', note: 'เปลี่ยนประธานกรรมการตรวจรับพัสดุตามคำสั่งที่ 45/2566' })).status).toBe(303)
    expect(await audits('coi.matter.resolve')).toBe(1)
    expect((await exec.post(`${base()}/matters/${m!.id}`, { resolution: 'recused', resolvedOn: '16/02/2566', note: '' })).status).toBe(403)
  })

  it('the annual report opens as valid DOCX and PDF with the Thai text exact', async () => {
    const exact = [
      'รายงานผลการดำเนินการป้องกันผลประโยชน์ทับซ้อน ปีงบประมาณ 2566',
      `หน่วยงาน ${org.nameTh}`,
      'ระหว่างวันที่ 1 ตุลาคม 2565 ถึงวันที่ 30 กันยายน 2566',
      'แบบประจำปีที่ได้รับ',
      'ผู้ที่ยังไม่ยื่นแบบประจำปี',
      `${boss.fullName} (นายกเทศมนตรี)`,
      'หจก. ส. สร้างงาม การโยธา',
      'นายอนุชา สร้างงาม (ผู้อำนวยการกองช่าง)',
      'เปลี่ยนตัวกรรมการ 16 ก.พ. 2566 เปลี่ยนประธานกรรมการตรวจรับพัสดุตามคำสั่งที่ 45/2566',
    ]
    const docx = await exec.get(`${base()}/report/2566/report.docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="coi-2566-${org.slug}.docx"`)
    const buf = Buffer.from(await docx.arrayBuffer())
    expect((await docxToHtml(buf)).messages.filter((m) => m.startsWith('error'))).toEqual([])
    const text = (await docxToText(buf)).replace(/\s+/g, ' ')
    for (const s of exact) expect(text, s).toContain(s)

    const pdf = await exec.get(`${base()}/report/2566/report.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const content = await readPdf(Buffer.from(await pdf.arrayBuffer()))
    expect(content.sizes[0]).toEqual({ width: expect.closeTo(595, 0) as number, height: expect.closeTo(842, 0) as number })
    for (const f of content.fonts) expect(f.embedded, f.name).toBe(true)
    const all = content.pages.join('\n')
    expect(all).not.toMatch(/[\u0000\ufffd]/)
    const hay = squash(canonical(all))
    for (const s of exact) expect(hay, s).toContain(squash(s))

    const xlsx = await exec.get(`${base()}/report/2566/report.xlsx`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await xlsx.arrayBuffer())
    const ws = wb.worksheets[0]!
    expect(ws.getCell('A1').value).toBe(exact[0])
    expect(ws.getCell('A2').value).toBe(exact[1])
    expect(ws.getCell('A3').value).toBe(exact[2])
    const rows: string[][] = []
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    const head = rows.findIndex((r) => r[0] === 'ลำดับ')
    expect(rows[head]).toEqual(['ลำดับ', 'วันที่พบ', 'โครงการ', 'กรรมการ', 'ผู้เสนอราคา', 'ตรงกันโดย', 'การดำเนินการ'])
    expect(rows[head + 1]).toEqual(['1', '15 ก.พ. 2566', 'ถนน คสล. หมู่ 5', 'นายอนุชา สร้างงาม (ผู้อำนวยการกองช่าง)', 'หจก. ส. สร้างงาม การโยธา', 'ชื่อ', 'เปลี่ยนตัวกรรมการ 16 ก.พ. 2566 เปลี่ยนประธานกรรมการตรวจรับพัสดุตามคำสั่งที่ 45/2566'])
    const annual = (await inOrg(t.deps.db, org.id, (tx) => tx.select({ n: count() }).from(coiDeclarations).where(and(eq(coiDeclarations.fiscalYear, 2566), eq(coiDeclarations.kind, 'annual')))))[0]!.n
    expect(annual).toBeGreaterThan(1)
    expect(rows.find((r) => r[0] === 'แบบประจำปีที่ได้รับ')?.[1]).toBe(String(annual))
    expect(await audits('coi.report.read')).toBe(3)
  })

  it('removing: an unreviewed declaration is deleted after confirmation, a reviewed one is withdrawn and stops counting', async () => {
    const mistaken = await buildDeclaration(t.deps.db, org.id, me.id, [], { declaredOn: '2023-05-01' })
    const confirm = await officer.get(`${base()}/d/${mistaken.id}/delete`)
    expect(await confirm.text()).toContain('ยืนยันการลบ')
    expect((await officer.post(`${base()}/d/${mistaken.id}/delete`, {})).status).toBe(303)
    expect((await officer.get(`${base()}/d/${mistaken.id}`)).status).toBe(404)
    const chairs = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiDeclarations).where(eq(coiDeclarations.personId, chair.id)))
    const reviewed = chairs.find((c) => c.kind === 'appointment')!
    await reviewDeclaration(execCtx, reviewed.id, { decision: 'acknowledged', note: '' })
    expect(await (await officer.get(`${base()}/d/${reviewed.id}/delete`)).text()).toContain('ยืนยันการถอน')
    expect(await removeDeclaration(officerCtx, reviewed.id)).toBe('withdrawn')
    const [after] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiDeclarations).where(eq(coiDeclarations.id, reviewed.id)))
    expect(after!.status).toBe('withdrawn')
    await expect(removeDeclaration(officerCtx, reviewed.id)).rejects.toMatchObject({ status: 409 })
    expect((await declaredInterests(t.deps.db, org.id, [chair.id], '2023-03-01')).map((i) => i.declarationId)).not.toContain(reviewed.id)
    expect(await audits('coi.delete')).toBe(1)
    expect(await audits('coi.withdraw')).toBe(1)
  })

  it('the public summary shows counts only, small ones hidden, and no name', async () => {
    const html = await (await new TestClient(t.app).get(`/o/${org.slug}/coi`)).text()
    expect(html).toContain('id="y-2566"')
    expect(html).toContain('&lt; 5')
    for (const name of [me.fullName, chair.fullName, boss.fullName, 'ส.สร้างงาม']) expect(html).not.toContain(name)
  })

  it('offers the year’s register as evidence (counts with an acknowledged declaration) and figures for the dashboard', async () => {
    const checks = await coiEvidence.check(officerCtx, ['2566', '2567', 'x'], 2566)
    expect(checks.get('2566')).toEqual({ ok: true, reason: null })
    expect(checks.get('2567')?.reason?.th).toContain('2567')
    expect((await coiEvidence.describe(officerCtx, ['2566']))[0]).toMatchObject({ title: 'ทะเบียนการเปิดเผยส่วนได้เสียของบุคลากร ปีงบประมาณ 2566', publicPath: `/o/${org.slug}/coi#y-2566` })
    expect((await coiEvidence.search(officerCtx, { text: 'ผลประโยชน์ทับซ้อน', limit: 10 })).map((e) => e.id)).toContain('2566')
    await computeStatistics(t.deps, { moduleId: 'coi' })
    const figures = await agencyStatistics(t.deps.db, org.id, 2566)
    const expected = (await inOrg(t.deps.db, org.id, (tx) => tx.select({ n: count() }).from(coiDeclarations).where(and(eq(coiDeclarations.fiscalYear, 2566)))))[0]!.n - 1
    expect(figures.find((f) => f.module === 'coi' && f.key === 'declarations')?.value).toBe(expected)
    expect(figures.find((f) => f.module === 'coi' && f.key === 'mattersResolved')?.value).toBe(1)
  })
})
