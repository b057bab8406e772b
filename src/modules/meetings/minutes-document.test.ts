import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { docxToHtml, docxToText, readPdf } from '../../platform/documents/extract.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { squash } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { addItem, adoptPrevious, meetingFull, recordMinutes, updateItem } from './agenda.js'
import { addOutside, invite, takeAttendance } from './attendance.js'
import { createMeeting, type MeetingInput } from './meetings.service.js'
import { buildPerson } from './testing/factories.js'

// The minutes document (รายงานการประชุม, แบบที่ 11) as DOCX and PDF: valid files whose Thai text
// reads back exactly with the project's extractor.

// HarfBuzz draws ำ as NIKHAHIT + SARA AA; pdf.js reads that back in the drawn order.
const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ')
const input = (o: Partial<MeetingInput>): MeetingInput => ({
  kind: 'monthly', title: 'การประชุมพนักงานเทศบาลประจำเดือนมกราคม 2566', heldOn: '2023-01-26', startsAt: '09:00', place: 'ห้องประชุมสำนักงานเทศบาลตำบลทดสอบ', unitId: null,
  chairName: 'นายประธาน ใจดี', chairPosition: 'นายกเทศมนตรี', secretaryName: 'นายเลขา รอบคอบ', secretaryPosition: 'ปลัดเทศบาล', quorum: null, isPublic: false, ...o,
})

describe('meetings: the minutes document', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  let url = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    await buildPerson(t.deps.db, org.id, { fullName: 'นายสมชาย มาตรงเวลา', position: 'ผู้อำนวยการกองช่าง' })
    await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวกัญญา ลาป่วย', position: 'ผู้อำนวยการกองคลัง' })
    const m = await createMeeting(ctx, input({}))
    await invite(ctx, m.id, { everyone: true, unitIds: [], mail: false }, 'http://localhost/notice')
    const full = await meetingFull(ctx, m.id)
    const id = (n: string) => full.attendees.find((a) => a.name === n)!.id
    await takeAttendance(ctx, m.id, [{ id: id('นายสมชาย มาตรงเวลา'), status: 'present', reason: '' }, { id: id('นางสาวกัญญา ลาป่วย'), status: 'leave', reason: 'ลาป่วย' }])
    await addOutside(ctx, m.id, { name: 'นายทองดี ใจงาม', position: 'ผู้ใหญ่บ้าน หมู่ที่ 5' })
    const noGift = full.items.find((i) => i.standing === 'no_gift')!
    await updateItem(ctx, m.id, noGift.id, { section: 4, title: noGift.title, detail: '', minutes: 'คู่สัญญานำกระเช้ามามอบให้ ได้ส่งมอบเป็นของเทศบาลแล้ว', resolution: 'ที่ประชุมรับทราบและชื่นชม' })
    await addItem(ctx, m.id, { section: 5, title: 'พิจารณาโครงการซ่อมแซมถนนลูกรัง หมู่ที่ 3', detail: '', minutes: '', resolution: 'ที่ประชุมมีมติเห็นชอบ' })
    await recordMinutes(ctx, m.id, { startedAt: '09:00', endedAt: '11:30', opening: 'ประธานกล่าวเปิดการประชุม', minuteTakerName: 'นางสาววิภา จดละเอียด', minuteTakerPosition: 'นักวิเคราะห์นโยบายและแผน', checkerName: 'นางพรทิพย์ ตรวจทาน', checkerPosition: 'รองปลัดเทศบาล' })
    const next = await createMeeting(ctx, input({ title: 'การประชุมพนักงานเทศบาลประจำเดือนกุมภาพันธ์ 2566', heldOn: '2023-02-24' }))
    await adoptPrevious(ctx, next.id, { corrections: 'แก้ไขตำแหน่งผู้ใหญ่บ้าน' })
    url = `/o/${org.slug}/admin/meetings/${m.id}`
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const exact = [
    'รายงานการประชุมการประชุมพนักงานเทศบาลประจำเดือนมกราคม 2566',
    'ครั้งที่ 1/2566',
    'เมื่อ 26 มกราคม 2566',
    'ณ ห้องประชุมสำนักงานเทศบาลตำบลทดสอบ',
    'ผู้มาประชุม',
    '1. นายสมชาย มาตรงเวลา ผู้อำนวยการกองช่าง',
    'ผู้ไม่มาประชุม',
    '1. นางสาวกัญญา ลาป่วย ผู้อำนวยการกองคลัง (ลา ลาป่วย)',
    'ผู้เข้าร่วมประชุม',
    '1. นายทองดี ใจงาม ผู้ใหญ่บ้าน หมู่ที่ 5',
    'เริ่มประชุมเวลา 09.00 น.',
    'ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ',
    'ระเบียบวาระที่ 3 เรื่องสืบเนื่องจากการประชุมครั้งก่อน',
    'ไม่มีเรื่องสืบเนื่อง',
    '4.3 การถ่ายทอดนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)',
    'คู่สัญญานำกระเช้ามามอบให้ ได้ส่งมอบเป็นของเทศบาลแล้ว',
    'มติที่ประชุม ที่ประชุมรับทราบและชื่นชม',
    '5.1 พิจารณาโครงการซ่อมแซมถนนลูกรัง หมู่ที่ 3',
    'มติที่ประชุม ที่ประชุมมีมติเห็นชอบ',
    'เลิกประชุมเวลา 11.30 น.',
    'ผู้จดรายงานการประชุม',
    '(นางสาววิภา จดละเอียด)',
    'ผู้ตรวจรายงานการประชุม',
    '(นางพรทิพย์ ตรวจทาน)',
    'ที่ประชุมรับรองรายงานการประชุมนี้ในการประชุมครั้งที่ 2/2566 เมื่อ 24 กุมภาพันธ์ 2566',
    'โดยมีการแก้ไข: แก้ไขตำแหน่งผู้ใหญ่บ้าน',
  ]

  it('is a valid DOCX with the Thai text exact', async () => {
    const res = await officer.get(`${url}/minutes.docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="minutes-monthly-2566-1-${org.slug}.docx"`)
    const buf = Buffer.from(await res.arrayBuffer())
    const { messages } = await docxToHtml(buf)
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([])
    const text = (await docxToText(buf)).replace(/[ \t]+/g, ' ')
    for (const s of exact) expect(text, s).toContain(s)
    expect(text.indexOf('ระเบียบวาระที่ 1')).toBeLessThan(text.indexOf('ระเบียบวาระที่ 2'))
    expect(text.indexOf('ระเบียบวาระที่ 5')).toBeLessThan(text.indexOf('ระเบียบวาระที่ 6'))
  })

  it('is an A4 PDF with embedded fonts whose Thai text extracts exactly', { timeout: 60_000 }, async () => {
    const res = await officer.get(`${url}/minutes.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const content = await readPdf(Buffer.from(await res.arrayBuffer()))
    expect(content.sizes[0]).toEqual({ width: expect.closeTo(595, 0) as number, height: expect.closeTo(842, 0) as number })
    for (const f of content.fonts) expect(f.embedded, f.name).toBe(true)
    const all = content.pages.join('\n')
    expect(all).not.toMatch(/[\u0000\ufffd]/)
    const hay = squash(canonical(all))
    for (const s of exact) expect(hay, s).toContain(squash(s))
  })
})
