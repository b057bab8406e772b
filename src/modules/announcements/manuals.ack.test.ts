import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { docxToHtml, docxToText, readPdf } from '../../platform/documents/extract.js'
import { htmlToText, normalizeSpace, squash } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { personLinks, personUnits } from '../../platform/people/people.schema.js'
import { mailOutbox } from '../../platform/mail/mail.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { approveManual, createManual, getManual, manualProgress, reviseManual, type ManualInput } from './manuals.js'
import { issueManualAckLinks } from './manuals.ack.js'
import { buildPerson } from './testing/factories.js'

// "รับทราบ" of a manual by those without an account, "as above" for announcements: a single-use
// link (with its QR slip) and the paper sheet (ใบรับทราบ) whose signatures staff record back.

const TITLE = 'คู่มือการปฏิบัติงาน การรับชำระภาษีที่ดินและสิ่งปลูกสร้าง'
// HarfBuzz draws ำ as NIKHAHIT + SARA AA; pdf.js reads that back as "ํ" "า" (as the report tests note).
const canonical = (s: string) => s.replace(/ํ([่-๋]?)า/g, '$1ำ')
const BLANK_ROW = '......../......../........ ..............................'

describe('manuals: acknowledgement by single-use link and on paper', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  let execCtx: OrgUseCaseCtx
  let finance = ''
  let works = ''
  let id = ''
  let clerk = '' // no account
  let collector = '' // no account
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/manuals`
  const input = (o: Partial<ManualInput> = {}): ManualInput => ({ kind: 'operation', unitId: finance, title: TITLE, audience: 'staff', ackRequired: true, body: '๑. ตรวจสอบใบแจ้งการประเมิน\n๒. ออกใบเสร็จรับเงิน', effectiveOn: '2022-10-03', nextReviewOn: '2023-09-29', ...o })
  const text = async (c: TestClient, path: string) => normalizeSpace(htmlToText(await (await c.get(path)).text()))
  const tokenOf = (html: string, name: string) => {
    const slip = html.split('class="link-slip"').find((s) => s.includes(`<strong>${name}</strong>`))
    return slip!.match(/\/manuals\/ack\/([A-Za-z0-9_-]+)/)![1]!
  }

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    finance = (await buildUnit(t.deps.db, org, 'กองคลัง')).id
    works = (await buildUnit(t.deps.db, org, 'กองช่าง')).id
    const u = await buildUser(t.deps.db, org, 'officer')
    const e = await buildUser(t.deps.db, org, 'executive')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    execCtx = useCaseCtx(t, org.id, e) as OrgUseCaseCtx
    await buildPerson(t.deps.db, org.id, { name: 'นางสาวกนกวรรณ ศรีสุข', position: 'นักวิชาการเงินและบัญชี', unitIds: [finance], userId: u.id })
    clerk = await buildPerson(t.deps.db, org.id, { name: 'นายประเสริฐ ทองดี', position: 'เจ้าพนักงานจัดเก็บรายได้', kind: 'permanent_employee', unitIds: [finance], email: 'prasert@example.test' })
    collector = await buildPerson(t.deps.db, org.id, { name: 'นางมาลี ใจงาม', position: 'ผู้ช่วยเจ้าพนักงานการเงิน', kind: 'contract_employee', unitIds: [finance] })
    await buildPerson(t.deps.db, org.id, { name: 'นายธีระพงษ์ มั่นคง', position: 'นายช่างโยธา', unitIds: [works] })
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    id = (await createManual(ctx, input())).id
    await approveManual(execCtx, id)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  it('issues links with QR slips for the unit staff without an account; one link acknowledges once, then 404/409', async () => {
    const page = await (await officer.get(`${base()}/${id}`)).text()
    expect(page).toContain(`action="${base()}/${id}/links"`)
    expect(page).toContain(`href="${base()}/${id}/sheet.pdf"`)
    const sheet = await officer.post(`${base()}/${id}/links`, {}, { csrfFrom: `${base()}/${id}` })
    expect(sheet.status).toBe(200)
    const slips = await sheet.text()
    expect(slips.match(/class="link-slip"/g)).toHaveLength(2) // the two without an account, not the officer, not กองช่าง
    expect(slips).toContain('<svg')
    expect(normalizeSpace(htmlToText(slips))).toContain(`คู่มือการปฏิบัติงาน ${TITLE} (ฉบับที่ 1 มีผลใช้ 3 ตุลาคม 2565)`)
    const link = `/o/${org.slug}/manuals/ack/${tokenOf(slips, 'นายประเสริฐ ทองดี')}`
    // The one with an address in the directory also gets the link by mail (the same link).
    expect(normalizeSpace(htmlToText(slips))).toContain('ส่งลิงก์ทางอีเมลถึง prasert@example.test แล้ว')
    const mails = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'prasert@example.test')))
    expect(mails.map((x) => x.subject)).toEqual([`โปรดรับทราบ: ${TITLE}`])
    expect(mails[0]!.bodyText).toContain(`เรียน นายประเสริฐ ทองดี`)
    expect(mails[0]!.bodyText).toContain(`${link}\n`)

    const anon = new TestClient(t.app)
    const open = await anon.get(link)
    expect(open.status).toBe(200)
    expect(open.headers.get('referrer-policy')).toBe('no-referrer')
    const html = await open.text()
    const shown = normalizeSpace(htmlToText(html))
    expect(shown).toContain('สำหรับ นายประเสริฐ ทองดี')
    expect(shown).toContain('๒. ออกใบเสร็จรับเงิน')
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!
    expect((await anon.post(link, {}, { csrf: null })).status).toBe(403)
    const done = await anon.post(link, {})
    expect(done.status).toBe(200)
    expect(normalizeSpace(htmlToText(await done.text()))).toContain(`ขอบคุณ นายประเสริฐ ทองดี บันทึกการรับทราบ "${TITLE}" ฉบับที่ 1 แล้ว`)
    expect(await manualProgress(ctx, await getManual(ctx, id))).toMatchObject({ asked: 3, acknowledged: 1 })
    expect(await text(officer, `${base()}/${id}`)).toContain('รับทราบฉบับที่ใช้บังคับแล้ว 1 จาก 3 คน (33.3%)')

    // Single use: neither opens nor answers again.
    expect((await anon.get(link)).status).toBe(404)
    const again = await anon.post(link, {}, { csrf })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('ลิงก์นี้ใช้ไปแล้วหรือหมดอายุ')
    const audits = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, id)))
    expect(audits.filter((a) => a.action === 'manuals.acknowledge').map((a) => a.details as { via: string; personId: string })).toEqual([expect.objectContaining({ via: 'link', personId: clerk })])
    expect(audits.filter((a) => a.action === 'manuals.links_issued')).toHaveLength(1)
  })

  it('an expired link, a forged one and one of another agency open nothing', async () => {
    const { links } = await issueManualAckLinks(ctx, id)
    const mine = links.find((l) => l.person.id === collector)!
    const other = await buildOrg(t.deps.db)
    const anon = new TestClient(t.app)
    // The same token under another agency's address is not found (the link belongs to its agency).
    expect((await anon.get(`/o/${other.slug}/manuals/ack/${mine.token}`)).status).toBe(404)
    expect((await anon.get(`/o/${org.slug}/manuals/ack/not-a-real-token`)).status).toBe(404)
    await inOrg(t.deps.db, org.id, (tx) => tx.update(personLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(personLinks.personId, collector), eq(personLinks.purpose, 'manuals.ack'))))
    const expired = await anon.get(`/o/${org.slug}/manuals/ack/${mine.token}`)
    expect(expired.status).toBe(404)
    expect(await expired.text()).toContain('ลิงก์นี้ใช้ไปแล้วหรือหมดอายุ')
    const post = await anon.post(`/o/${org.slug}/manuals/ack/${mine.token}`, {}, { csrfFrom: `/o/${org.slug}/login` })
    expect(post.status).toBe(409)
  })

  it('a person who left the unit cannot acknowledge with an old link', async () => {
    const { links } = await issueManualAckLinks(ctx, id)
    const mine = links.find((l) => l.person.id === collector)!
    await inOrg(t.deps.db, org.id, (tx) => tx.update(personUnits).set({ unitId: works }).where(eq(personUnits.personId, collector)))
    const anon = new TestClient(t.app)
    const res = await anon.post(`/o/${org.slug}/manuals/ack/${mine.token}`, {}, { csrfFrom: `/o/${org.slug}/login` })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('ท่านไม่ได้อยู่ในกอง/งานเจ้าของคู่มือนี้')
    await inOrg(t.deps.db, org.id, (tx) => tx.update(personUnits).set({ unitId: finance }).where(eq(personUnits.personId, collector)))
    expect(await manualProgress(ctx, await getManual(ctx, id))).toMatchObject({ acknowledged: 1 })
  })

  it('records signatures from the paper sheet (422 when none is chosen, 409 for someone of another unit); the sheet shows them', async () => {
    const bad = await officer.post(`${base()}/${id}/paper`, {}, { csrfFrom: `${base()}/${id}` })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('<title>ข้อผิดพลาด:')
    expect(badHtml).toContain('ผู้ที่ลงชื่อรับทราบในใบรับทราบแล้ว')
    const outsider = await buildPerson(t.deps.db, org.id, { name: 'นายสมชาย นอกกอง', unitIds: [works] })
    const wrong = await officer.post(`${base()}/${id}/paper`, { personIds: outsider }, { csrfFrom: `${base()}/${id}` })
    expect(wrong.status).toBe(409)
    expect(await wrong.text()).toContain('ท่านไม่ได้อยู่ในกอง/งานเจ้าของคู่มือนี้')
    expect(await manualProgress(ctx, await getManual(ctx, id))).toMatchObject({ acknowledged: 1 })

    const ok = await officer.post(`${base()}/${id}/paper`, { personIds: collector }, { csrfFrom: `${base()}/${id}` })
    expect(ok.status).toBe(303)
    expect(await text(officer, `${base()}/${id}`)).toContain('รับทราบฉบับที่ใช้บังคับแล้ว 2 จาก 3 คน (66.7%)')

    const docx = await officer.get(`${base()}/${id}/sheet.docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-disposition')).toContain('ack-sheet-manual-')
    const bytes = new Uint8Array(await docx.arrayBuffer())
    expect((await docxToHtml(bytes)).messages.filter((m) => m.startsWith('error'))).toEqual([])
    const doc = normalizeSpace(await docxToText(bytes))
    const today = formatThaiDate(new Date(), { style: 'short' })
    const lines = [
      `ใบรับทราบ คู่มือการปฏิบัติงาน (กองคลัง) เรื่อง ${TITLE}`,
      'ฉบับที่ 1 มีผลใช้ 3 ตุลาคม 2565',
      `รับทราบแล้ว 2 จาก 3 คน ข้อมูล ณ วันที่ ${formatThaiDate(new Date())}`,
      `นายประเสริฐ ทองดี เจ้าพนักงานจัดเก็บรายได้ กองคลัง ${today} รับทราบผ่านลิงก์`,
      `นางมาลี ใจงาม ผู้ช่วยเจ้าพนักงานการเงิน กองคลัง ${today} ลงชื่อในใบรับทราบ`,
      `นางสาวกนกวรรณ ศรีสุข นักวิชาการเงินและบัญชี กองคลัง ${BLANK_ROW}`,
    ]
    for (const line of lines) expect(doc, line).toContain(line)
    expect(doc).not.toContain('นายธีระพงษ์') // another unit's staff are not asked

    const pdfRes = await officer.get(`${base()}/${id}/sheet.pdf`)
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf')
    const pdf = await readPdf(new Uint8Array(await pdfRes.arrayBuffer()))
    for (const f of pdf.fonts) expect([f.name, f.embedded]).toEqual([expect.stringMatching(/Laksaman/), true])
    const all = squash(canonical(pdf.pages.join('\n')))
    for (const line of lines) expect(all, line).toContain(squash(line))
  })

  it('a new version asks again: old links answer that a new version is in force', async () => {
    const { links } = await issueManualAckLinks(ctx, id)
    expect(links.map((l) => l.person.id)).toEqual([]) // both without an account have acknowledged version 1
    const fresh = await issueManualAckLinks(ctx, id, { withAccounts: true })
    expect(fresh.links.map((l) => l.person.fullName)).toEqual(['นางสาวกนกวรรณ ศรีสุข'])
    await reviseManual(ctx, id, { body: '๑. ตรวจสอบใบแจ้งการประเมิน\n๒. รับชำระผ่าน QR Code', effectiveOn: '2023-04-03', nextReviewOn: '2024-03-29', changeNote: 'เพิ่มการรับชำระผ่าน QR Code' })
    await approveManual(execCtx, id)
    const anon = new TestClient(t.app)
    const old = await anon.post(`/o/${org.slug}/manuals/ack/${fresh.links[0]!.token}`, {}, { csrfFrom: `/o/${org.slug}/login` })
    expect(old.status).toBe(409)
    expect(await old.text()).toContain('คู่มือนี้มีฉบับใหม่ใช้บังคับแล้ว')
    expect(await manualProgress(ctx, await getManual(ctx, id))).toMatchObject({ asked: 3, acknowledged: 0 })
    const slips = await (await officer.post(`${base()}/${id}/links`, {}, { csrfFrom: `${base()}/${id}` })).text()
    expect(slips.match(/class="link-slip"/g)).toHaveLength(2)
    expect((await anon.post(`/o/${org.slug}/manuals/ack/${tokenOf(slips, 'นางมาลี ใจงาม')}`, {}, { csrfFrom: `/o/${org.slug}/login` })).status).toBe(200)
    expect(await manualProgress(ctx, await getManual(ctx, id))).toMatchObject({ acknowledged: 1 })
  })

  it('a manual that needs no acknowledgement has no sheet and issues no links (404 / 409)', async () => {
    const none = (await createManual(ctx, input({ title: 'คู่มือไม่ต้องรับทราบ', ackRequired: false }))).id
    await approveManual(execCtx, none)
    expect((await officer.get(`${base()}/${none}/sheet.pdf`)).status).toBe(404)
    expect((await officer.post(`${base()}/${none}/links`, {}, { csrfFrom: `${base()}/${none}` })).status).toBe(409)
    expect((await officer.get(`${base()}/${none}`)).status).toBe(200)
  })
})
