import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { mailOutbox } from '../../platform/mail/mail.schema.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { computeStatistics, agencyStatistics } from '../../platform/stats/statistics.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { agendaItems, attendees, meetings } from './meetings.schema.js'
import { createMeeting, deleteMeeting, getMeeting, listMeetings, PAGE_SIZE, series, type MeetingInput } from './meetings.service.js'
import { meetingFull, recordMinutes } from './agenda.js'
import { quorum } from './attendance.js'
import { meetingsEvidence } from './contracts.js'
import { buildAttendee, buildItem, buildMeeting, buildPerson } from './testing/factories.js'

// Meetings against the real database: the standing agenda, invitation, attendance and quorum,
// minutes per item, adoption at the next meeting, the bad-input path of every form, delete rules,
// lists, the yearly series, evidence and statistics.

const input = (o: Partial<MeetingInput> = {}): MeetingInput => ({
  kind: 'monthly', title: 'การประชุมพนักงานเทศบาลประจำเดือนมกราคม 2566', heldOn: '2023-01-26', startsAt: '09:00', place: 'ห้องประชุมเทศบาล', unitId: null,
  chairName: 'นายประธาน ทดสอบ', chairPosition: 'นายกเทศมนตรี', secretaryName: 'นายเลขา ทดสอบ', secretaryPosition: 'ปลัดเทศบาล', quorum: null, isPublic: false, ...o,
})
const form = (o: Record<string, string> = {}) => ({ kind: 'monthly', title: 'การประชุมประจำเดือนทดสอบ', heldOn: '26/01/2566', startsAt: '09:00', place: 'ห้องประชุมเทศบาล', unitId: '', chairName: 'นายประธาน ทดสอบ', chairPosition: '', secretaryName: '', secretaryPosition: '', quorum: '', ...o })

describe('meetings: service and pages', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let officerUser: User
  let ctx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/meetings`
  const audits = async (entityId: string) => (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, entityId)))).map((a) => a.action)
  const count = async (table: typeof meetings | typeof agendaItems | typeof attendees) => (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(table))).length

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    officerUser = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, officerUser) as OrgUseCaseCtx
    await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวผู้ปฏิบัติ ทดสอบ', userId: officerUser.id, email: 'officer-person@example.org' })
    for (const n of ['นายหนึ่ง ทดสอบ', 'นางสองทดสอบ ดีมาก', 'นายสาม ทดสอบ']) await buildPerson(t.deps.db, org.id, { fullName: n, email: `${n.length}@example.org` })
    expect((await officer.signIn(org.slug, officerUser.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('creates a monthly meeting with the standing agenda, its number and a deadline to send the invitation', async () => {
    const m = await createMeeting(ctx, input({ heldOn: '2022-10-27', title: 'ประชุมประจำเดือนตุลาคม' }))
    expect(m.fiscalYear).toBe(2566)
    expect(m.number).toBe(1)
    const full = await meetingFull(ctx, m.id)
    expect(full.items.map((i) => [i.section, i.standing])).toEqual([[4, 'do_dont'], [4, 'spending_plan'], [4, 'no_gift'], [4, 'asset_use']])
    const todo = (await listTodo(ctx, 'mine')).find((i) => i.ref === m.id)
    expect(todo?.dueOn).toBe('2022-10-20')
    expect(todo?.titleTh).toContain('ส่งหนังสือเชิญ')
    const next = await createMeeting(ctx, input({ heldOn: '2022-11-25', title: 'ประชุมประจำเดือนพฤศจิกายน' }))
    expect(next.number).toBe(2)
    expect(next.previousId).toBe(m.id)
    const items = (await meetingFull(ctx, next.id)).items
    expect(items[0]).toMatchObject({ section: 2, title: 'รับรองรายงานการประชุมประชุมประจำเดือนตุลาคม ครั้งที่ 1/2566 เมื่อ 27 ตุลาคม 2565' })
    expect(await audits(m.id)).toEqual(['meetings.create'])
  })

  it('runs one meeting from invitation to minutes adopted at the next meeting (pages)', async () => {
    const created = await officer.post(`${base()}/new`, form({ title: 'ประชุมประจำเดือนมกราคม', heldOn: '26/01/2566' }))
    expect(created.status).toBe(303)
    const url = created.headers.get('location')!
    const id = url.split('/').pop()!
    // Invitation: everyone, mailed to those with an e-mail address.
    const inv = await officer.post(`${url}/invite`, { everyone: 'on', mail: 'on' })
    expect(inv.status).toBe(303)
    const mails = await inOrg(t.deps.db, null, (tx) => tx.select().from(mailOutbox))
    const mine = mails.filter((x) => x.subject.includes('ประชุมประจำเดือนมกราคม'))
    expect(mine).toHaveLength(4)
    expect(mine[0]!.bodyText).toContain('ระเบียบวาระที่ 4 เรื่องที่เสนอให้ที่ประชุมทราบ: การถ่ายทอดนโยบายไม่รับของขวัญ')
    expect((await getMeeting(ctx, id)).status).toBe('invited')
    expect((await listTodo(ctx, 'mine')).some((i) => i.ref === id)).toBe(false)
    const notice = await (await officer.get(`${url}/notice`)).text()
    expect(notice).toContain('นายหนึ่ง ทดสอบ')
    expect(notice).toContain('ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ')
    // Attendance at the door: 2 present, 1 on leave, 1 absent → 2 of 4, quorum 3 not met; QR self check-in makes it 3.
    const full = await meetingFull(ctx, id)
    const by = (n: string) => full.attendees.find((a) => a.name === n)!.id
    const att = await officer.post(`${url}/attendance`, { [`s_${by('นายหนึ่ง ทดสอบ')}`]: 'present', [`s_${by('นางสองทดสอบ ดีมาก')}`]: 'present', [`s_${by('นายสาม ทดสอบ')}`]: 'leave', [`r_${by('นายสาม ทดสอบ')}`]: 'ลาป่วย', [`s_${by('นางสาวผู้ปฏิบัติ ทดสอบ')}`]: 'absent' })
    expect(att.status).toBe(303)
    let q = quorum(full.meeting, (await meetingFull(ctx, id)).attendees)
    expect(q).toMatchObject({ members: 4, present: 2, leave: 1, absent: 1, required: 3, met: false })
    expect((await officer.post(`${url}/checkin`, {})).status).toBe(303)
    q = quorum(full.meeting, (await meetingFull(ctx, id)).attendees)
    expect(q).toMatchObject({ present: 3, met: true })
    expect(await (await officer.get(url)).text()).toContain('ครบองค์ประชุม')
    expect((await officer.post(`${url}/attendance/outside`, { name: 'นายผู้สังเกตการณ์ ภายนอก', position: 'ผู้ใหญ่บ้าน' }, { csrfFrom: `${url}/attendance` })).status).toBe(303)
    // Minutes per agenda item.
    const noGift = full.items.find((i) => i.standing === 'no_gift')!
    expect((await officer.post(`${url}/items/${noGift.id}`, { section: '4', title: noGift.title, detail: noGift.detail, minutes: 'ผู้อำนวยการกองช่างรายงานการส่งมอบกระเช้าเป็นของเทศบาล', resolution: 'ที่ประชุมรับทราบ' })).status).toBe(303)
    expect((await officer.post(`${url}/items/new`, { section: '5', title: 'พิจารณาโครงการซ่อมแซมถนน', detail: '', minutes: 'ที่ประชุมอภิปราย', resolution: 'ที่ประชุมมีมติเห็นชอบ' })).status).toBe(303)
    expect((await officer.post(`${url}/minutes`, { startedAt: '09.00', endedAt: '๑๑.๓๐', opening: 'ประธานกล่าวเปิดประชุม', minuteTakerName: 'นางสาวผู้ปฏิบัติ ทดสอบ', minuteTakerPosition: 'นักวิเคราะห์นโยบายและแผน', checkerName: '', checkerPosition: '' })).status).toBe(303)
    const held = await getMeeting(ctx, id)
    expect(held).toMatchObject({ status: 'held', startedAt: '09:00', endedAt: '11:30' })
    // The next meeting's item 2 adopts it, with a correction.
    const next = await officer.post(`${base()}/new`, form({ title: 'ประชุมประจำเดือนกุมภาพันธ์', heldOn: '24/02/2566' }))
    const nextUrl = next.headers.get('location')!
    const nextId = nextUrl.split('/').pop()!
    expect(await (await officer.get(nextUrl)).text()).toContain('ที่ประชุมรับรองรายงานการประชุม')
    expect((await officer.post(`${nextUrl}/adopt`, { corrections: 'แก้ไขชื่อผู้เข้าร่วมประชุมลำดับที่ 1' }, { csrfFrom: nextUrl })).status).toBe(303)
    const adopted = await getMeeting(ctx, id)
    expect(adopted).toMatchObject({ status: 'adopted', adoptedById: nextId, adoptedOn: '2023-02-24', corrections: 'แก้ไขชื่อผู้เข้าร่วมประชุมลำดับที่ 1' })
    const item2 = (await meetingFull(ctx, nextId)).items.find((i) => i.section === 2)!
    expect(item2.resolution).toBe(`ที่ประชุมมีมติรับรองรายงานการประชุมครั้งที่ ${held.number}/2566 เมื่อ 26 มกราคม 2566 โดยมีการแก้ไข ดังนี้ แก้ไขชื่อผู้เข้าร่วมประชุมลำดับที่ 1`)
    // Adopted minutes are final; adopting twice is a conflict on the same page.
    const again = await officer.post(`${nextUrl}/adopt`, { corrections: '' }, { csrfFrom: nextUrl })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('รับรองแล้ว')
    expect((await officer.post(`${url}/items/${noGift.id}`, { section: '4', title: 'เปลี่ยน', detail: '', minutes: '', resolution: '' })).status).toBe(409)
    expect(await audits(id)).toEqual(['meetings.create', 'meetings.invite', 'meetings.attendance', 'meetings.minutes.record', 'meetings.adopt'])
  })

  it('answers bad input on every form with 422, the same form, its values and a Thai summary, and writes nothing', async () => {
    const m = await createMeeting(ctx, input({ heldOn: '2023-03-28', title: 'ประชุมสำหรับทดสอบข้อผิดพลาด' }))
    const item = (await meetingFull(ctx, m.id)).items[0]!
    await buildAttendee(t.deps.db, org.id, m.id, { name: 'นายผู้ได้รับเชิญ ทดสอบ' })
    const url = `${base()}/${m.id}`
    const before = [await count(meetings), await count(agendaItems), await count(attendees)]
    const cases: [string, Record<string, string>, string, string][] = [
      [`${base()}/new`, form({ title: 'ค่าที่พิมพ์ไว้', heldOn: '26/01/2023' }), 'ค่าที่พิมพ์ไว้', 'ปี ค.ศ.'],
      [`${url}/edit`, form({ title: 'แก้ไขแล้วผิด', startsAt: '25:99' }), 'แก้ไขแล้วผิด', 'เวลาเริ่ม'],
      [`${url}/items/new`, { section: '9', title: 'เรื่องที่พิมพ์', detail: '', minutes: 'สรุปที่พิมพ์ไว้', resolution: '' }, 'สรุปที่พิมพ์ไว้', 'ระเบียบวาระ'],
      [`${url}/items/${item.id}`, { section: '4', title: '', detail: '', minutes: 'บันทึกที่พิมพ์', resolution: '' }, 'บันทึกที่พิมพ์', 'เรื่อง'],
      [`${url}/minutes`, { startedAt: '', endedAt: '', opening: 'คำกล่าวเปิดที่พิมพ์', minuteTakerName: '', minuteTakerPosition: '', checkerName: '', checkerPosition: '' }, 'คำกล่าวเปิดที่พิมพ์', 'ผู้จดรายงานการประชุม'],
      [`${url}/invite`, { mail: 'on' }, 'name="mail" type="checkbox" value="on" checked', 'เลือกผู้ได้รับเชิญ'],
      [`${url}/attendance/outside`, { name: '', position: 'ตำแหน่งที่พิมพ์' }, 'ตำแหน่งที่พิมพ์', 'ชื่อ–สกุล ผู้เข้าร่วมประชุม'],
      [`${url}/items/${item.id}/link`, { target: 'measures.activity:not-in-the-list' }, 'ใช้เป็นหลักฐานของ', 'เลือกกิจกรรมหรือตัวชี้วัดจากรายการ'],
    ]
    for (const [path, body, kept, message] of cases) {
      const res = await officer.post(path, body, { csrfFrom: `${base()}/new` })
      expect(res.status, path).toBe(422)
      const html = await res.text()
      expect(html, path).toContain('<title>ข้อผิดพลาด:')
      expect(html, path).toContain('error-summary')
      expect(html, path).toContain(kept)
      expect(html, path).toContain(message)
    }
    const attendee = (await meetingFull(ctx, m.id)).attendees[0]!
    const bad = await officer.post(`${url}/attendance`, { [`s_${attendee.id}`]: 'nonsense', [`r_${attendee.id}`]: 'เหตุผลที่พิมพ์' })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('เหตุผลที่พิมพ์')
    expect(html).toContain('เลือกการมาประชุมของ นายผู้ได้รับเชิญ ทดสอบ')
    // The adoption form: nothing to adopt yet is a conflict, shown on the same page.
    const adopt = await officer.post(`${url}/adopt`, { corrections: 'ข้อความแก้ไข' }, { csrfFrom: url })
    expect([409, 422]).toContain(adopt.status)
    expect(await adopt.text()).toContain('ข้อความแก้ไข')
    expect([await count(meetings), await count(agendaItems), await count(attendees)]).toEqual(before)
    expect(await audits(m.id)).toEqual(['meetings.create'])
  })

  it('answers bad input on the other forms too: corrections on adoption, invited units, leave reasons, outside attendees, minute times, the year of a held meeting; check-in refusals stay on the page', async () => {
    // Two meetings of one kind: the first held (minutes recorded), the second adopts it at item 2.
    const first = await createMeeting(ctx, input({ kind: 'other', heldOn: '2025-11-20', title: 'ประชุมอื่นครั้งแรก' }))
    await buildAttendee(t.deps.db, org.id, first.id, { name: 'นายผู้มาประชุม ทดสอบ', status: 'present' })
    await recordMinutes(ctx, first.id, { startedAt: '09:00', endedAt: '10:00', opening: '', minuteTakerName: 'นางสาวผู้ปฏิบัติ ทดสอบ', minuteTakerPosition: '', checkerName: '', checkerPosition: '' })
    const second = await createMeeting(ctx, input({ kind: 'other', heldOn: '2025-12-18', title: 'ประชุมอื่นครั้งที่สอง' }))
    expect(second.previousId).toBe(first.id)
    const [u1, u2] = [`${base()}/${first.id}`, `${base()}/${second.id}`]
    const attendee = (await meetingFull(ctx, first.id)).attendees[0]!
    const before = [await count(meetings), await count(agendaItems), await count(attendees)]
    const long = (kept: string, n: number) => kept + 'ก'.repeat(n - kept.length)
    const cases: [string, Record<string, string>, string, string][] = [
      [`${u2}/adopt`, { corrections: long('แก้ไขลำดับที่พิมพ์ไว้', 5001) }, 'แก้ไขลำดับที่พิมพ์ไว้', 'การแก้ไขรายงานการประชุม (ถ้ามี)ยาวเกิน 5,000 ตัวอักษร'],
      [`${u2}/invite`, { unitIds: 'not-a-unit', mail: 'on' }, 'name="mail" type="checkbox" value="on" checked', 'หรือเชิญบุคลากรของหน่วยงานไม่ถูกต้อง'],
      [`${u1}/attendance`, { [`s_${attendee.id}`]: 'leave', [`r_${attendee.id}`]: long('เหตุผลที่พิมพ์ยาว', 501) }, 'เหตุผลที่พิมพ์ยาว', 'เหตุผลของ นายผู้มาประชุม ทดสอบ ยาวเกิน 500 ตัวอักษร'],
      [`${u1}/attendance/outside`, { name: long('นายชื่อยาว', 201), position: 'ตำแหน่งที่พิมพ์ไว้' }, 'ตำแหน่งที่พิมพ์ไว้', 'ชื่อ–สกุล ผู้เข้าร่วมประชุมยาวเกิน 200 ตัวอักษร'],
      [`${u2}/minutes`, { startedAt: '10:00', endedAt: '09:30', opening: 'คำกล่าวเปิดครั้งที่สอง', minuteTakerName: 'นางสาวผู้ปฏิบัติ ทดสอบ', minuteTakerPosition: '', checkerName: '', checkerPosition: '' }, 'คำกล่าวเปิดครั้งที่สอง', 'เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม'],
      [`${u1}/edit`, form({ kind: 'other', title: 'ย้ายปีที่พิมพ์ไว้', heldOn: '20/11/2570' }), 'ย้ายปีที่พิมพ์ไว้', 'ประชุมไปแล้ว จึงเปลี่ยนปีงบประมาณหรือประเภทการประชุมไม่ได้'],
    ]
    for (const [path, body, kept, message] of cases) {
      const res = await officer.post(path, body, { csrfFrom: `${base()}/new` })
      expect(res.status, path).toBe(422)
      const html = await res.text()
      expect(html, path).toContain('<title>ข้อผิดพลาด:')
      expect(html, path).toContain('error-summary')
      expect(html, path).toContain(kept)
      expect(html, path).toContain(message)
    }
    // Nothing was written: the first meeting is still held, not adopted; the second not invited nor held.
    expect(await getMeeting(ctx, first.id)).toMatchObject({ status: 'held', corrections: '', adoptedById: null, kind: 'other', fiscalYear: 2569 })
    expect((await getMeeting(ctx, second.id)).status).toBe('planned')
    expect((await meetingFull(ctx, first.id)).attendees.find((a) => a.id === attendee.id)).toMatchObject({ status: 'present', reason: '' })
    expect([await count(meetings), await count(agendaItems), await count(attendees)]).toEqual(before)
    expect(await audits(first.id)).toEqual(['meetings.create', 'meetings.minutes.record'])
    expect(await audits(second.id)).toEqual(['meetings.create'])

    // QR check-in has no fields; its refusals (minutes closed, an account without a person) are 409 on the same page, in Thai.
    const closed = await officer.post(`${u1}/checkin`, {}, { csrfFrom: `${u1}/checkin` })
    expect(closed.status).toBe(409)
    const closedHtml = await closed.text()
    expect(closedHtml).toContain('error-summary')
    expect(closedHtml).toContain('การประชุมนี้ปิดการลงชื่อแล้ว')
    expect(closedHtml).toContain('<h1>ลงชื่อเข้าประชุม</h1>')
    const viewer = await buildUser(t.deps.db, org, 'viewer')
    const v = new TestClient({ request: (p, i) => t.app.request(p, i) })
    expect((await v.signIn(org.slug, viewer.email, TEST_PASSWORD)).status).toBe(303)
    const noPerson = await v.post(`${u2}/checkin`, {}, { csrfFrom: `${u2}/checkin` })
    expect(noPerson.status).toBe(409)
    expect(await noPerson.text()).toContain('บัญชีนี้ยังไม่ได้ผูกกับรายชื่อบุคลากร')
    expect(await count(attendees)).toBe(before[2])
  })

  it('asks before deleting; a held or published meeting is never deleted, and another agency sees nothing', async () => {
    const m = await createMeeting(ctx, input({ heldOn: '2023-05-26', title: 'ประชุมที่จะลบ' }))
    expect(await (await officer.get(`${base()}/${m.id}/delete`)).text()).toContain('ยืนยันการลบ')
    expect((await officer.post(`${base()}/${m.id}/delete`, {})).status).toBe(303)
    expect((await officer.get(`${base()}/${m.id}`)).status).toBe(404)
    expect(await audits(m.id)).toEqual(['meetings.create', 'meetings.delete'])
    const held = await buildMeeting(t.deps.db, org.id, { status: 'held' })
    const r = await officer.post(`${base()}/${held.id}/delete`, {}, { csrfFrom: `${base()}/${held.id}/delete` })
    expect(r.status).toBe(409)
    expect(await r.text()).toContain('มีรายงานการประชุมแล้ว')
    const pub = await createMeeting(ctx, input({ heldOn: '2023-06-27', title: 'ประชุมที่เปิดเผย', isPublic: true }))
    await expect(deleteMeeting(ctx, pub.id)).rejects.toMatchObject({ status: 409 })
    // Withdraw instead: not public any more, still on record.
    expect((await officer.post(`${base()}/${pub.id}/edit`, form({ title: 'ประชุมที่เปิดเผย', heldOn: '27/06/2566' }))).status).toBe(303)
    expect(await getMeeting(ctx, pub.id)).toMatchObject({ isPublic: false })
    expect((await audits(pub.id)).at(-1)).toBe('meetings.withdraw')
    const foreign = await buildMeeting(t.deps.db, other.id)
    expect((await officer.get(`${base()}/${foreign.id}`)).status).toBe(404)
    expect((await officer.post(`${base()}/${foreign.id}/delete`, {}, { csrfFrom: base() })).status).toBe(404)
    expect((await officer.get(`${base()}/not-a-uuid`)).status).toBe(404)
    const cancel = await createMeeting(ctx, input({ heldOn: '2023-07-27', title: 'ประชุมที่ยกเลิก' }))
    expect((await officer.post(`${base()}/${cancel.id}/cancel`, {}, { csrfFrom: base() })).status).toBe(303)
    expect((await getMeeting(ctx, cancel.id)).status).toBe('cancelled')
  })

  it('lists with search (wildcards literal), fiscal year, kind, status and unit filters, pages of 20 and empty states', async () => {
    const unit = await buildUnit(t.deps.db, org)
    for (let i = 0; i < PAGE_SIZE + 2; i++) await buildMeeting(t.deps.db, org.id, { title: `ประชุมคณะกรรมการหน้า ${String(i).padStart(2, '0')}`, kind: 'committee', heldOn: '2024-01-15', number: i + 1 })
    await buildMeeting(t.deps.db, org.id, { title: 'ประชุม 100% ของกอง', kind: 'committee', heldOn: '2024-02-15', number: 99, unitId: unit.id })
    const p1 = await listMeetings(ctx, { fiscalYear: 2567, kind: 'committee', page: 1 })
    expect(p1.total).toBe(PAGE_SIZE + 3)
    expect(p1.rows).toHaveLength(PAGE_SIZE)
    expect((await listMeetings(ctx, { fiscalYear: 2567, kind: 'committee', page: 2 })).rows).toHaveLength(3)
    expect((await listMeetings(ctx, { q: '100%', page: 1 })).total).toBe(1)
    expect((await listMeetings(ctx, { q: '%', page: 1 })).total).toBe(1)
    expect((await listMeetings(ctx, { unitId: unit.id, page: 1 })).rows.map((r) => r.title)).toEqual(['ประชุม 100% ของกอง'])
    expect((await listMeetings(ctx, { status: 'cancelled', page: 1 })).rows.every((r) => r.status === 'cancelled')).toBe(true)
    const html = await (await officer.get(`${base()}?fy=2567&kind=committee&page=2`)).text()
    expect(html).toContain('ประชุมคณะกรรมการหน้า')
    expect(html).toContain('rel="prev"')
    expect(await (await officer.get(`${base()}?q=ไม่มีชื่อนี้แน่นอน`)).text()).toContain('ไม่พบการประชุมที่ตรงกับการค้นหา')
    const empty = await buildOrg(t.deps.db)
    const admin = await buildUser(t.deps.db, empty, 'agency_admin')
    const c = new TestClient(t.app)
    await c.signIn(empty.slug, admin.email, TEST_PASSWORD)
    expect(await (await c.get(`/o/${empty.slug}/admin/meetings`)).text()).toContain('ยังไม่มีการประชุม')
  })

  it('shows the twelve months of a fiscal year: held, planned, missing', async () => {
    const o = await buildOrg(t.deps.db)
    for (const [heldOn, status] of [['2022-10-27', 'adopted'], ['2022-11-25', 'held'], ['2023-09-26', 'planned']] as const) await buildMeeting(t.deps.db, o.id, { heldOn, status })
    const u = await buildUser(t.deps.db, o, 'viewer')
    const months = await series(useCaseCtx(t, o.id, u) as OrgUseCaseCtx, 2566, 'monthly', '2023-09-15')
    expect(months.map((m) => m.state)).toEqual(['held', 'held', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'planned'])
    const c = new TestClient(t.app)
    await c.signIn(o.slug, u.email, TEST_PASSWORD)
    const html = await (await c.get(`/o/${o.slug}/admin/meetings/series/2566`)).text()
    expect(html).toContain('ตุลาคม 2565')
    expect(html).toContain('ไม่มีการประชุม')
  })

  it('offers agenda items as evidence that counts only when held, of the year, with minutes; links from the item page', async () => {
    const heldM = await buildMeeting(t.deps.db, org.id, { status: 'held', heldOn: '2023-08-25', isPublic: true })
    const good = await buildItem(t.deps.db, org.id, heldM.id, { title: 'No Gift Policy', minutes: 'ผู้บริหารถ่ายทอดนโยบาย No Gift Policy ให้บุคลากรทุกคน', resolution: 'ที่ประชุมรับทราบ' })
    const empty = await buildItem(t.deps.db, org.id, heldM.id, { title: 'เรื่องว่าง', position: 2 })
    const planned = await buildMeeting(t.deps.db, org.id, { heldOn: '2023-09-26' })
    const notYet = await buildItem(t.deps.db, org.id, planned.id, { minutes: 'x'.repeat(40) })
    const checks = await meetingsEvidence.check(ctx, [good.id, empty.id, notYet.id], 2566)
    expect(checks.get(good.id)).toEqual({ ok: true, reason: null })
    expect(checks.get(empty.id)?.reason?.th).toBe('ยังไม่ได้บันทึกรายงานการประชุมในเรื่องนี้')
    expect(checks.get(notYet.id)?.reason?.th).toBe('ยังไม่ได้ประชุม')
    expect((await meetingsEvidence.check(ctx, [good.id], 2567)).get(good.id)?.reason?.th).toContain('2566')
    const [rec] = await meetingsEvidence.describe(ctx, [good.id])
    expect(rec).toMatchObject({ fiscalYear: 2566, date: '2023-08-25', publicPath: `/o/${org.slug}/meetings/${heldM.id}#item-${good.id}` })
    expect(rec!.title).toContain(`วาระที่ 4.1 No Gift Policy`)
    expect((await meetingsEvidence.search(ctx, { text: 'No Gift', fiscalYear: 2566, limit: 10 })).map((r) => r.id)).toContain(good.id)
    // The public minutes page shows the item.
    const pub = await new TestClient(t.app).get(`/o/${org.slug}/meetings/${heldM.id}`)
    expect(pub.status).toBe(200)
    expect(await pub.text()).toContain('ผู้บริหารถ่ายทอดนโยบาย No Gift Policy')
    expect((await new TestClient(t.app).get(`/o/${org.slug}/meetings/${planned.id}`)).status).toBe(404)
  })

  it('counts meetings held and months with a monthly meeting for the dashboard and roll-ups', async () => {
    await computeStatistics(t.deps, { moduleId: 'meetings' })
    const figures = await agencyStatistics(t.deps.db, org.id, 2566)
    const held = (await listMeetings(ctx, { fiscalYear: 2566, status: 'held', page: 1 })).total + (await listMeetings(ctx, { fiscalYear: 2566, status: 'adopted', page: 1 })).total
    expect(figures.find((f) => f.module === 'meetings' && f.key === 'held')?.value).toBe(held)
    expect(figures.find((f) => f.module === 'meetings' && f.key === 'monthlyHeld')?.value).toBeGreaterThanOrEqual(2)
  })
})
