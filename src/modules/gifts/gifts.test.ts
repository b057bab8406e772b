import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { deadlineAssignees, deadlines } from '../../platform/deadlines/deadlines.schema.js'
import { docxToHtml, docxToText, readPdf } from '../../platform/documents/extract.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { squash } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { createGift, deleteGift, getGift, listGifts, updateGift, type GiftInput } from './register.js'
import { fileNilReturnFor, fileOwnNilReturn, issueNilLinks, openRound, roundStatus } from './returns.js'
import { halfReport, publishedReports, saveReport, withdrawReport } from './reports.js'
import { giftsEvidence } from './contracts.js'
import { buildPerson } from './testing/factories.js'

// The register, nil returns, the over-limit route to the supervisor with its 30-day deadline, the
// six-monthly report as DOCX / PDF / XLSX, and the public summary — against the real database.

const input = (o: Partial<GiftInput> & Pick<GiftInput, 'personId'>): GiftInput => ({
  receivedOn: '2023-01-03', giver: 'ร้านทดสอบพาณิชย์', relation: 'public', generalGiving: false, occasion: 'วันขึ้นปีใหม่ 2566', customary: true, description: 'กระเช้าผลไม้',
  valueBaht: 1000, action: 'kept', handedTo: null, handedOn: null, reportedTo: null, reportedOn: null, decision: null, note: '', ...o,
})
// HarfBuzz draws ำ as NIKHAHIT + SARA AA; pdf.js reads that back in the drawn order.
const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ')

describe('gifts: register, nil returns, reports and the public summary', () => {
  let t: TestApp
  let org: Org
  let officerUser: User
  let execUser: User
  let ctx: OrgUseCaseCtx
  let viewerCtx: OrgUseCaseCtx
  let boss = { id: '', fullName: '' }
  let recipient = { id: '', fullName: '' }
  let second = { id: '', fullName: '' }
  let noAccount = { id: '', fullName: '' }
  let council = { id: '', fullName: '' }
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/gifts`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    officerUser = await buildUser(t.deps.db, org, 'officer')
    execUser = await buildUser(t.deps.db, org, 'executive')
    const viewer = await buildUser(t.deps.db, org, 'viewer')
    ctx = useCaseCtx(t, org.id, officerUser) as OrgUseCaseCtx
    viewerCtx = useCaseCtx(t, org.id, viewer) as OrgUseCaseCtx
    boss = await buildPerson(t.deps.db, org.id, { fullName: 'นายผู้บังคับ บัญชาดี', position: 'ปลัดเทศบาล', userId: execUser.id })
    recipient = await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวผู้รับ ของขวัญ', position: 'นักวิชาการพัสดุ', supervisorId: boss.id, userId: officerUser.id })
    second = await buildPerson(t.deps.db, org.id, { fullName: 'นายคนที่สอง ทดสอบ', kind: 'permanent_employee', supervisorId: boss.id })
    noAccount = await buildPerson(t.deps.db, org.id, { fullName: 'นางไม่มี บัญชี', kind: 'contract_employee' })
    council = await buildPerson(t.deps.db, org.id, { fullName: 'นายสมาชิก สภา', kind: 'council_member' })
    expect((await officer.signIn(org.slug, officerUser.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const deadlineOf = (ref: string) =>
    inOrg(t.deps.db, org.id, async (tx) => {
      const [d] = await tx.select().from(deadlines).where(and(eq(deadlines.module, 'gifts'), eq(deadlines.ref, ref)))
      const who = d ? (await tx.select({ userId: deadlineAssignees.userId }).from(deadlineAssignees).where(eq(deadlineAssignees.deadlineId, d.id))).map((r) => r.userId) : []
      return d ? { ...d, assignees: who.sort() } : null
    })

  it('judges at 2,999.99 / 3,000 / 3,000.01 baht, adds up one giver on one occasion, and never adds other givers or occasions', async () => {
    const a = await createGift(ctx, input({ personId: second.id, giver: 'ผู้ให้ ก', valueBaht: 2999.99 }))
    const b = await createGift(ctx, input({ personId: second.id, giver: 'ผู้ให้ ข', valueBaht: 3000 }))
    const c = await createGift(ctx, input({ personId: second.id, giver: 'ผู้ให้ ค', valueBaht: 3000.01 }))
    expect([a.assessment, b.assessment, c.assessment]).toEqual(['within', 'within', 'over'])
    expect([a.valueBaht, b.valueBaht, c.valueBaht]).toEqual(['2999.99', '3000.00', '3000.01'])
    // The same giver and occasion (spelt with other spaces and case) adds up: 3,000.00 + 0.01 is over, both records.
    const b2 = await createGift(ctx, input({ personId: second.id, giver: '  ผู้ให้ ข ', valueBaht: 0.01, description: 'บัตรอวยพร' }))
    expect(b2.assessment).toBe('over')
    expect((await getGift(ctx, b.id)).assessment).toBe('over')
    // Another occasion of the same giver, or another person, starts again.
    expect((await createGift(ctx, input({ personId: second.id, giver: 'ผู้ให้ ก', occasion: 'วันสงกรานต์ 2566', receivedOn: '2023-04-13', valueBaht: 100 }))).assessment).toBe('within')
    expect((await getGift(ctx, a.id)).assessment).toBe('within')
    // Relatives: allowed at any value; declined gifts do not add up with the rest.
    expect((await createGift(ctx, input({ personId: second.id, giver: 'พี่สาว', relation: 'relative', valueBaht: 3000.01 }))).assessment).toBe('relative')
    expect((await createGift(ctx, input({ personId: second.id, giver: 'ผู้ให้ ก', valueBaht: 500, action: 'declined' }))).assessment).toBe('within')
    expect((await getGift(ctx, a.id)).assessment).toBe('within')
    // Deleting one of an over-limit pair brings the other back within.
    await deleteGift(ctx, b2.id)
    expect((await getGift(ctx, b.id)).assessment).toBe('within')
    const actions = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, b2.id)))
    expect(actions.map((x) => x.action)).toEqual(['gifts.create', 'gifts.delete'])
  })

  it('places a gift in its half-year by its date: 31 Mar / 1 Apr and 30 Sep / 1 Oct', async () => {
    const days = [['2023-03-31', 2566, 1], ['2023-04-01', 2566, 2], ['2023-09-30', 2566, 2], ['2023-10-01', 2567, 1]] as const
    for (const [receivedOn, fy, half] of days) {
      const g = await createGift(ctx, input({ personId: noAccount.id, giver: `ผู้ให้วันที่ ${receivedOn}`, receivedOn, valueBaht: 10 }))
      expect([g.fiscalYear, g.half]).toEqual([fy, half])
    }
    const h2 = await listGifts(ctx, { fiscalYear: 2566, half: 2, q: 'ผู้ให้วันที่', page: 1 })
    expect(h2.rows.map((r) => r.receivedOn).sort()).toEqual(['2023-04-01', '2023-09-30'])
  })

  it('routes an over-limit gift to the supervisor with a 30-day deadline for recipient, supervisor and recorder; the report date closes it', async () => {
    const g = await createGift(ctx, input({ personId: recipient.id, giver: 'บริษัท ผู้รับเหมา จำกัด', relation: 'stakeholder', valueBaht: 4500, description: 'กระเช้าและบัตรกำนัล', action: 'handed_over', handedTo: 'สำนักปลัดเทศบาล', handedOn: '2023-01-05' }))
    expect(g.assessment).toBe('over')
    expect(g.reportedTo).toBe(boss.id)
    const d = await deadlineOf(g.id)
    expect(d).toMatchObject({ kind: 'report30', dueOn: '2023-02-02', doneAt: null, visibleTo: 'gifts.read' })
    expect(d!.assignees).toEqual([officerUser.id, execUser.id].sort())
    expect(d!.titleTh).toContain('บริษัท ผู้รับเหมา จำกัด')
    const same: GiftInput = { personId: g.personId, receivedOn: g.receivedOn, giver: g.giver, relation: g.relation, generalGiving: g.generalGiving, occasion: g.occasion, customary: g.customary, description: g.description, valueBaht: 4500, action: g.action, handedTo: g.handedTo, handedOn: g.handedOn, reportedTo: g.reportedTo, reportedOn: '2023-01-06', decision: 'ให้ส่งมอบเป็นของหน่วยงาน', note: '' }
    await updateGift(ctx, g.id, same)
    expect((await deadlineOf(g.id))!.doneAt).not.toBeNull()
    // Declined: over the limit, but nothing to report.
    const declined = await createGift(ctx, input({ personId: recipient.id, giver: 'ผู้เสนอราคา', valueBaht: 9000, action: 'declined' }))
    expect(declined.assessment).toBe('over')
    expect(declined.reportedTo).toBeNull()
    expect((await deadlineOf(declined.id))?.doneAt ?? 'none').not.toBeNull()
  })

  it('bad input answers 422 with the same form and every value kept, never a 500', async () => {
    const form = { personId: '-'.repeat(36), receivedOn: '03/01/2566', giver: 'ผู้ให้ทดสอบฟอร์ม', relation: 'public', occasion: 'ปีใหม่', description: 'ของขวัญ', valueBaht: '1,500', action: 'handed_over', customary: 'on' }
    const res = await officer.post(`${base()}/new`, form)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/<title>ข้อผิดพลาด:/)
    expect(html).toContain('เลือกบุคลากรจากรายชื่อ')
    expect(html).toContain('ระบุผู้รับมอบเมื่อส่งมอบเป็นของหน่วยงาน')
    expect(html).toContain('value="ผู้ให้ทดสอบฟอร์ม"')
    expect(html).toContain('value="1,500"')
    const bads: Record<string, string>[] = [{ valueBaht: 'abc' }, { receivedOn: '03/01/2023' }, { relation: 'x' }, { giver: '' }, { reportedTo: 'not-a-uuid' }, { reportedTo: '-'.repeat(36) }]
    for (const bad of bads) {
      const r = await officer.post(`${base()}/new`, { ...form, personId: recipient.id, action: 'kept', ...bad })
      expect(r.status, JSON.stringify(bad)).toBe(422)
    }
    expect((await officer.get(`${base()}/00000000-0000-0000-0000-000000000000/edit`)).status).toBe(404)
    expect((await officer.get(`${base()}/returns/9999/1`)).status).toBe(404)
    expect((await officer.get(`${base()}/reports/2566/3`)).status).toBe(404)
    // A year without a rule file is a page that says so, not an error.
    const noRule = await officer.get(`${base()}/returns/2599/1`)
    expect(noRule.status).toBe(200)
    expect(await noRule.text()).toContain('ไม่มีไฟล์เกณฑ์ของปีงบประมาณ 2599')
    const open = await officer.post(`${base()}/returns/2599/1/open`, {}, { csrfFrom: `${base()}/returns/2599/1` })
    expect(open.status).toBe(409)
    expect(await open.text()).toContain('ไม่มีไฟล์เกณฑ์ของปีงบประมาณ 2599')
  })

  it('takes nil returns (own, on paper, by single-use link), refuses one with gifts on record, and lists who has not answered', async () => {
    let s = await roundStatus(ctx, 2566, 2)
    // Council members are not asked; the recipient has gifts in half 1 only.
    expect(s.respondents.map((r) => r.person.id).sort()).toEqual([boss.id, recipient.id, second.id, noAccount.id].sort())
    expect(s.respondents.some((r) => r.person.id === council.id)).toBe(false)
    await fileOwnNilReturn(ctx, 2566, 2)
    await expect(fileNilReturnFor(ctx, second.id, 2566, 2)).rejects.toMatchObject({ status: 409 }) // has a gift in half 2
    await expect(fileNilReturnFor(ctx, boss.id, 2571, 1)).rejects.toMatchObject({ status: 422 }) // not begun
    await expect(fileNilReturnFor(viewerCtx, boss.id, 2566, 2)).rejects.toMatchObject({ status: 403 })
    const { assigned } = await openRound(ctx, 2566, 2)
    expect(assigned).toBe(1) // the boss: the only unanswered respondent with an account
    expect(await deadlineOf(`2566-2:${boss.id}`)).toMatchObject({ kind: 'nil', dueOn: '2023-10-15', doneAt: null })
    expect(await deadlineOf('2566-2')).toMatchObject({ kind: 'report6m', dueOn: '2023-10-30' })
    const paper = await officer.post(`${base()}/returns/2566/2/paper`, { personId: boss.id }, { csrfFrom: `${base()}/returns/2566/2` })
    expect(paper.status).toBe(303)
    expect((await deadlineOf(`2566-2:${boss.id}`))!.doneAt).not.toBeNull()
    // noAccount has a gift in half 2 (1 Apr), so no link; in half 1 a link is issued for them.
    const links = await issueNilLinks(ctx, 2566, 1)
    expect(links.map((l) => l.personName)).toEqual([])
    s = await roundStatus(ctx, 2567, 1)
    expect(s.respondents.find((r) => r.person.id === noAccount.id)?.answer).toBe('gifts')
    const sheet = await issueNilLinks(ctx, 2567, 2)
    expect(sheet.map((l) => l.personName).sort()).toEqual([noAccount.fullName, second.fullName].sort())
    const url = `/o/${org.slug}/gifts/return/${sheet.find((l) => l.personName === noAccount.fullName)!.token}`
    const page = await visitor.get(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const csrf = await visitor.csrfFrom(url)
    expect((await visitor.post(url, {}, { csrf })).status).toBe(422)
    const done = await visitor.post(url, { confirm: 'on' }, { csrf })
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('ได้รับการแจ้งแล้ว')
    expect((await visitor.post(url, { confirm: 'on' }, { csrf })).status).toBe(404)
    s = await roundStatus(ctx, 2567, 2)
    expect(s.respondents.find((r) => r.person.id === noAccount.id)?.nil?.via).toBe('link')
    expect(s.unanswered).toBe(3)
    s = await roundStatus(ctx, 2566, 2)
    expect([s.nil, s.withGifts, s.unanswered]).toEqual([2, 2, 0])
  })

  it('makes the report as DOCX, PDF and XLSX with the Thai text exact', async () => {
    await saveReport(ctx, 2566, 1, { note: 'ถ่ายทอดนโยบาย No Gift Policy ในการประชุมประจำเดือนทุกเดือน', publish: false })
    const exact = [
      'รายงานผลการรับของขวัญ ของกำนัล รอบที่ 1 ปีงบประมาณ 2566',
      `หน่วยงาน ${org.nameTh}`,
      'ระหว่างวันที่ 1 ตุลาคม 2565 ถึงวันที่ 31 มีนาคม 2566',
      'บริษัท ผู้รับเหมา จำกัด',
      'กระเช้าและบัตรกำนัล',
      recipient.fullName,
      'นักวิชาการพัสดุ',
      '4,500.00',
      'ส่งมอบเป็นของหน่วยงาน ส่งมอบให้ สำนักปลัดเทศบาล เมื่อ 5 ม.ค. 2566',
      `เกินเกณฑ์ ต้องรายงาน รายงาน ${boss.fullName} เมื่อ 6 ม.ค. 2566 คำวินิจฉัย: ให้ส่งมอบเป็นของหน่วยงาน`,
      'ถ่ายทอดนโยบาย No Gift Policy ในการประชุมประจำเดือนทุกเดือน',
    ]
    const docx = await officer.get(`${base()}/reports/2566/1/report.docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(docx.headers.get('content-disposition')).toBe(`attachment; filename="gifts-2566-1-${org.slug}.docx"`)
    const docxBuf = Buffer.from(await docx.arrayBuffer())
    const { messages } = await docxToHtml(docxBuf)
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([])
    const text = (await docxToText(docxBuf)).replace(/\s+/g, ' ')
    for (const s of exact) expect(text, s).toContain(s)
    expect(text).toContain('ลำดับ วัน เดือน ปี ชื่อ–สกุล ผู้รับ ตำแหน่ง ผู้ให้ ความสัมพันธ์ รายการ มูลค่าโดยประมาณ (บาท) โอกาส การดำเนินการ หมายเหตุ')

    const pdf = await officer.get(`${base()}/reports/2566/1/report.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const content = await readPdf(Buffer.from(await pdf.arrayBuffer()))
    expect(content.sizes[0]).toEqual({ width: expect.closeTo(842, 0) as number, height: expect.closeTo(595, 0) as number })
    for (const f of content.fonts) expect(f.embedded, f.name).toBe(true)
    const all = content.pages.join('\n')
    expect(all).not.toMatch(/[\u0000\ufffd]/)
    const hay = squash(canonical(all))
    for (const s of exact) expect(hay, s).toContain(squash(s))

    const xlsx = await officer.get(`${base()}/reports/2566/1/report.xlsx`)
    expect(xlsx.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await xlsx.arrayBuffer())
    const ws = wb.worksheets[0]!
    expect(ws.getCell('A1').value).toBe(exact[0])
    expect(ws.getCell('A2').value).toBe(exact[1])
    expect(ws.getCell('A3').value).toBe(exact[2])
    const rows: string[][] = []
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    const head = rows.findIndex((r) => r[0] === 'ลำดับ')
    expect(rows[head]).toEqual(['ลำดับ', 'วัน เดือน ปี', 'ชื่อ–สกุล ผู้รับ', 'ตำแหน่ง', 'ผู้ให้', 'ความสัมพันธ์', 'รายการ', 'มูลค่าโดยประมาณ (บาท)', 'โอกาส', 'การดำเนินการ', 'หมายเหตุ'])
    const row = rows.find((r) => r[4] === 'บริษัท ผู้รับเหมา จำกัด')!
    expect(row.slice(1, 9)).toEqual(['3 ม.ค. 2566', recipient.fullName, 'นักวิชาการพัสดุ', 'บริษัท ผู้รับเหมา จำกัด', 'ผู้มีส่วนได้เสีย', 'กระเช้าและบัตรกำนัล', '4,500.00', 'วันขึ้นปีใหม่ 2566'])
    // Documents name people: staff with gifts.read only.
    expect((await visitor.get(`${base()}/reports/2566/1/report.xlsx`)).status).toBe(303)
  })

  it('publishing freezes the figures, locks the half, ends the deadline; withdrawing opens it again', async () => {
    await expect(saveReport(ctx, 2571, 1, { note: '', publish: true })).rejects.toMatchObject({ status: 409 })
    const r = await saveReport(ctx, 2566, 2, { note: 'สรุปผลรอบที่ 2', publish: true })
    expect(r.status).toBe('published')
    expect((await deadlineOf('2566-2'))!.doneAt).not.toBeNull()
    const g = (await listGifts(ctx, { fiscalYear: 2566, half: 2, page: 1 })).rows[0]!
    await expect(deleteGift(ctx, g.id)).rejects.toMatchObject({ status: 409 })
    await expect(createGift(ctx, input({ personId: second.id, receivedOn: '2023-05-01' }))).rejects.toMatchObject({ status: 409 })
    await expect(saveReport(ctx, 2566, 2, { note: 'แก้', publish: false })).rejects.toMatchObject({ status: 409 })
    const frozen = (await halfReport(ctx, 2566, 2)).summary
    expect(frozen).toEqual(r.summary)
    await withdrawReport(ctx, 2566, 2)
    expect((await publishedReports(t.deps.db, org.id)).map((x) => `${x.fiscalYear}-${x.half}`)).toEqual([])
    const late = await createGift(ctx, input({ personId: second.id, receivedOn: '2023-05-01', giver: 'ผู้ให้หลังถอน' }))
    expect(late.half).toBe(2)
    await deleteGift(ctx, late.id)
    // Evidence: only a published report of the year counts.
    const check = await giftsEvidence.check(ctx, [r.id], 2566)
    expect(check.get(r.id)?.ok).toBe(false)
  })

  it('the public summary carries no personal data in any field, and hides counts under 5', async () => {
    // Half 1 of 2568: six gifts from the public kept (shown), one from a stakeholder declined (hidden).
    for (let i = 0; i < 6; i++) await createGift(ctx, input({ personId: i % 2 ? second.id : recipient.id, receivedOn: '2024-11-0' + (i + 1), giver: `ร้านลับเฉพาะ ${i}`, description: `ของลับ ${i}`, valueBaht: 100 }))
    await createGift(ctx, input({ personId: noAccount.id, receivedOn: '2024-12-01', giver: 'ผู้เสนอราคาลับ', relation: 'stakeholder', valueBaht: 5000, action: 'declined', description: 'ซองเงินสด' }))
    await fileNilReturnFor(ctx, boss.id, 2568, 1)
    const r1 = await saveReport(ctx, 2568, 1, { note: 'ไม่มีการรับของขวัญเกินเกณฑ์', publish: true })
    await saveReport(ctx, 2566, 1, { note: 'ถ่ายทอดนโยบาย', publish: true })

    const secrets = [boss, recipient, second, noAccount, council].map((p) => p.fullName).concat(['ร้านลับเฉพาะ', 'ของลับ', 'ผู้เสนอราคาลับ', 'ซองเงินสด', 'บริษัท ผู้รับเหมา จำกัด', 'กระเช้าและบัตรกำนัล', 'นักวิชาการพัสดุ', 'ปลัดเทศบาล', officerUser.email, recipient.id, boss.id])
    const rows = await publishedReports(t.deps.db, org.id)
    expect(rows.map((r) => `${r.fiscalYear}-${r.half}`)).toEqual(['2568-1', '2566-1'])
    // Every field, at every depth: keys and values.
    const walk = (v: unknown, path: string): void => {
      if (v && typeof v === 'object' && !(v instanceof Date)) {
        for (const [k, x] of Object.entries(v)) {
          walk(k, `${path}.${k} (key)`)
          walk(x, `${path}.${k}`)
        }
      } else for (const s of secrets) expect(String(v), `${path}: ${s}`).not.toContain(s)
    }
    walk(rows, 'rows')
    expect(Object.keys(rows[0]!).sort()).toEqual(['fiscalYear', 'half', 'id', 'note', 'publishedAt', 'summary'])
    expect(Object.keys(rows[0]!.summary).sort()).toEqual(['byRelation', 'nilReturns', 'overLimit', 'overLimitHandedOver', 'respondents', 'totalValueBaht', 'withGifts'])
    expect(rows[0]!.id).toBe(r1.id)

    const res = await visitor.get(`/o/${org.slug}/gifts`)
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const s of secrets) expect(html, s).not.toContain(s)
    const section = html.slice(html.indexOf('id="h-2568-1"'), html.indexOf('id="h-2566-1"'))
    const cells = [...section.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!)
    expect(cells).toHaveLength(5 * 5)
    // No shown count between 1 and 4; the public row's 6 and the total of 7 are shown; the 1 declined is "< 5".
    expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([])
    expect(cells).toContain('6')
    expect(cells).toContain('7')
    expect(cells).toContain('&lt; 5')
    // 4 asked (a count of staff, not of people named), all 4 answered: shown as "< 5".
    expect(section).toContain('บุคลากรที่ต้องแจ้ง 4 คน')
    expect(section).toContain('มูลค่ารวมที่รับไว้หรือส่งมอบ 600.00 บาท')
  })
})
