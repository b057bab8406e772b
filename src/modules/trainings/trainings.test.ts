import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { people } from '../../platform/people/people.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { agencyStatistics, computeStatistics } from '../../platform/stats/statistics.js'
import { createSession, deleteSession, listSessions, PAGE_SIZE, publishSession, saveReport, updateSession, withdrawSession } from './sessions.js'
import { addOutside, attendanceFigures, recordAttendance, selfCheckIn, sessionFull, signUp } from './attendance.js'
import type { SessionInput } from './forms.js'
import { trainingsEvidence } from './contracts.js'
import { buildAttendee, buildPerson, buildSession } from './testing/factories.js'

const input = (o: Partial<SessionInput> = {}): SessionInput => ({
  topic: 'การป้องกันผลประโยชน์ทับซ้อน', detail: '', startsOn: '2023-02-16', endsOn: '2023-02-16', hours: 3, trainerKind: 'inside', trainerName: 'นายวิทยากร ภายใน', trainerOrg: '',
  mode: 'onsite', place: 'ห้องประชุมสำนักงาน', targetGroup: 'บุคลากรทุกคน', unitId: null, budget: null, ...o,
})
const form = (o: Record<string, string> = {}) => ({
  topic: 'อบรมจากแบบฟอร์ม', detail: 'รายละเอียดที่พิมพ์ไว้', startsOn: '16/02/2566', endsOn: '', hours: '3', trainerKind: 'inside', trainerName: 'นายวิทยากร', trainerOrg: '', mode: 'onsite', place: 'ห้องประชุม', targetGroup: 'บุคลากรทุกคน', budget: '', ...o,
})

describe('trainings: sessions and attendance (service and pages)', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let ctx: OrgUseCaseCtx
  let viewerCtx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/trainings`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    const v = await buildUser(t.deps.db, org, 'viewer')
    viewerCtx = useCaseCtx(t, org.id, v) as OrgUseCaseCtx
    const vp = await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวผู้ดู ลงชื่อเอง', kind: 'contract_employee' })
    await inOrg(t.deps.db, org.id, (tx) => tx.update(people).set({ userId: v.id }).where(eq(people.id, vp.id)))
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('creates (fiscal year from the first day), edits, publishes, withdraws; each audited; a published one is never deleted', async () => {
    const s = await createSession(ctx, input({ startsOn: '2022-10-03', endsOn: '2022-10-04' }))
    expect(s.fiscalYear).toBe(2566)
    expect(s.status).toBe('draft')
    const u = await updateSession(ctx, s.id, input({ topic: 'การป้องกันผลประโยชน์ทับซ้อน (แก้ไข)', startsOn: '2022-09-30', endsOn: '2022-09-30' }))
    expect(u.fiscalYear).toBe(2565)
    await publishSession(ctx, s.id)
    await expect(publishSession(ctx, s.id)).rejects.toMatchObject({ status: 409 })
    await expect(deleteSession(ctx, s.id)).rejects.toMatchObject({ status: 409 })
    const w = await withdrawSession(ctx, s.id)
    expect(w.status).toBe('withdrawn')
    await expect(deleteSession(ctx, s.id)).rejects.toMatchObject({ status: 409, detail: { th: expect.stringContaining('ถอนการเผยแพร่แทน') } })
    const d = await createSession(ctx, input({ topic: 'ร่างที่จะลบ' }))
    await deleteSession(ctx, d.id)
    const actions = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog))
    expect(actions.filter((a) => a.entityId === s.id).map((a) => a.action)).toEqual(['trainings.create', 'trainings.update', 'trainings.publish', 'trainings.withdraw'])
    expect(actions.filter((a) => a.entityId === d.id).map((a) => a.action)).toEqual(['trainings.create', 'trainings.delete'])
    await expect(createSession(viewerCtx, input())).rejects.toMatchObject({ status: 403 })
  })

  it('refuses a last day before the first and an outside trainer without an organisation (field errors)', async () => {
    await expect(createSession(ctx, input({ startsOn: '2023-02-16', endsOn: '2023-02-15' }))).rejects.toMatchObject({ status: 422, errors: { endsOn: { th: expect.stringContaining('ไม่ก่อนวันที่เริ่ม') } } })
    await expect(createSession(ctx, input({ trainerKind: 'outside', trainerOrg: '' }))).rejects.toMatchObject({ errors: { trainerOrg: expect.anything() } })
  })

  it('lists with search (wildcards literal), year and status filters, attendance counts, and pages of 20', async () => {
    for (let i = 0; i < PAGE_SIZE + 3; i++) await buildSession(t.deps.db, org.id, { topic: `หน้าทดสอบ ${String(i).padStart(2, '0')}`, startsOn: '2025-01-10', endsOn: '2025-01-10', fiscalYear: 2568 })
    const pct = await buildSession(t.deps.db, org.id, { topic: 'ผ่าน 100% ทุกคน', startsOn: '2025-01-11', endsOn: '2025-01-11', fiscalYear: 2568, status: 'published' })
    await buildAttendee(t.deps.db, org.id, pct.id, { status: 'present' })
    await buildAttendee(t.deps.db, org.id, pct.id)
    const p1 = await listSessions(ctx, { fiscalYear: 2568, page: 1 })
    expect(p1.total).toBe(PAGE_SIZE + 4)
    expect(p1.rows).toHaveLength(PAGE_SIZE)
    expect(p1.rows[0]).toMatchObject({ topic: 'ผ่าน 100% ทุกคน', registered: 2, present: 1 })
    const p2 = await listSessions(ctx, { fiscalYear: 2568, page: 2 })
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(PAGE_SIZE + 4)
    expect((await listSessions(ctx, { q: '100%', page: 1 })).total).toBe(1)
    expect((await listSessions(ctx, { q: '%', page: 1 })).total).toBe(1)
    expect((await listSessions(ctx, { fiscalYear: 2568, status: 'published', page: 1 })).total).toBe(1)
    const html = await (await officer.get(`${base()}?fy=๒๕๖๘&page=2`)).text()
    expect(html).toContain('หน้าทดสอบ')
    expect(html).toContain('rel="prev"')
    expect(await (await officer.get(`${base()}?q=${encodeURIComponent('100%')}&status=published`)).text()).toContain('1/2 คน')
  })

  it('bad input answers 422 with the same form, an error summary and every value kept; dates typed in พ.ศ.', async () => {
    const bad = await officer.post(`${base()}/new`, form({ topic: '', startsOn: '16/02/2023', hours: 'สาม' }))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain(`action="${base()}/new"`)
    expect(html).toContain('error-summary')
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('รายละเอียดที่พิมพ์ไว้')
    expect(html).toContain('value="16/02/2023"')
    expect(html).toContain('value="สาม"')
    expect(html).toContain('ปี ค.ศ.')
    const order = await officer.post(`${base()}/new`, form({ endsOn: '15/02/2566' }))
    expect(order.status).toBe(422)
    expect(await order.text()).toContain('วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มอบรม')
    const ok = await officer.post(`${base()}/new`, form({ topic: 'อบรมวันที่เลขไทย', startsOn: '๑๖/๐๒/๒๕๖๖', budget: '12,500.50' }))
    expect(ok.status).toBe(303)
    const made = (await listSessions(ctx, { q: 'อบรมวันที่เลขไทย', page: 1 })).rows[0]!
    expect(made).toMatchObject({ startsOn: '2023-02-16', endsOn: '2023-02-16', fiscalYear: 2566, budget: 12500.5 })
    const edit = await officer.get(`${base()}/${made.id}/edit`)
    expect(await edit.text()).toContain('value="16/02/2566"')
    const badEdit = await officer.post(`${base()}/${made.id}/edit`, form({ topic: 'แก้แล้วผิด', hours: '0' }))
    expect(badEdit.status).toBe(422)
    expect(await badEdit.text()).toContain('value="แก้แล้วผิด"')
  })

  it('signs up staff from the people directory and outside attendees, records the sheet, and QR self check-in', async () => {
    const a = await buildPerson(t.deps.db, org.id, { fullName: 'นายหนึ่ง มาอบรม' })
    const b = await buildPerson(t.deps.db, org.id, { fullName: 'นางสอง ไม่มา' })
    const s = await createSession(ctx, input({ topic: 'อบรมการเข้าอบรม' }))
    await expect(signUp(ctx, s.id, { everyone: false, personIds: [a.id] })).rejects.toMatchObject({ status: 409 })
    await publishSession(ctx, s.id)
    await expect(signUp(ctx, s.id, { everyone: false, personIds: [] })).rejects.toMatchObject({ status: 422 })
    expect(await signUp(ctx, s.id, { everyone: false, personIds: [a.id, b.id] })).toBe(2)
    expect(await signUp(ctx, s.id, { everyone: true, personIds: [] })).toBeGreaterThanOrEqual(1) // the viewer's person; a and b not twice
    await addOutside(ctx, s.id, { name: 'นายผู้ใหญ่ บ้านดี', position: 'ผู้ใหญ่บ้าน', organisation: 'หมู่ที่ 1' })
    let full = await sessionFull(ctx, s.id)
    expect(full.attendees.filter((x) => x.personId === a.id)).toHaveLength(1)
    const id = (n: string) => full.attendees.find((x) => x.name === n)!.id
    await recordAttendance(ctx, s.id, [{ id: id('นายหนึ่ง มาอบรม'), status: 'present' }, { id: id('นางสอง ไม่มา'), status: 'absent' }, { id: id('นายผู้ใหญ่ บ้านดี'), status: 'present' }])
    await selfCheckIn(viewerCtx, s.id)
    full = await sessionFull(ctx, s.id)
    expect(full.attendees.find((x) => x.name === 'นางสาวผู้ดู ลงชื่อเอง')).toMatchObject({ status: 'present', via: 'self' })
    expect(full.attendees.find((x) => x.name === 'นายหนึ่ง มาอบรม')).toMatchObject({ status: 'present', via: 'sheet' })
    const f = attendanceFigures(full.attendees)
    expect(f).toMatchObject({ registered: full.attendees.length, present: 3, absent: 1, outside: 1 })
    expect(f.percent).toBeCloseTo((3 * 100) / full.attendees.length, 10)
    await expect(selfCheckIn(ctx, s.id)).rejects.toMatchObject({ status: 409, detail: { th: expect.stringContaining('ทะเบียนบุคลากร') } })
    // The pages: the same through HTTP, bad input kept.
    const page = await officer.get(`${base()}/${s.id}/attendance`)
    expect(await page.text()).toContain('นายผู้ใหญ่ บ้านดี')
    const bad = await officer.post(`${base()}/${s.id}/attendance/outside`, { name: '', position: 'ตำแหน่งที่พิมพ์', organisation: '' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('value="ตำแหน่งที่พิมพ์"')
    const badSheet = await officer.post(`${base()}/${s.id}/attendance`, { [`s_${id('นางสอง ไม่มา')}`]: 'maybe' })
    expect(badSheet.status).toBe(422)
    expect((await officer.post(`${base()}/${s.id}/attendance`, { [`s_${id('นางสอง ไม่มา')}`]: 'present' })).status).toBe(303)
    const badSignup = await officer.post(`${base()}/${s.id}/attendance/signup`, { personIds: 'not-a-uuid' })
    expect(badSignup.status).toBe(422)
    expect(await (await officer.get(`${base()}/${s.id}/sheet`)).text()).toContain('ใบลงชื่อเข้ารับการอบรม')
    // Someone signed up by mistake is removed after confirmation; not once present.
    const extra = await buildAttendee(t.deps.db, org.id, s.id, { name: 'นายสมัครผิด ไม่ได้ตั้งใจ' })
    expect(await (await officer.get(`${base()}/${s.id}/attendance/${extra.id}/remove`)).text()).toContain('ยืนยันการนำ นายสมัครผิด ไม่ได้ตั้งใจ ออกจากผู้สมัคร')
    expect((await officer.post(`${base()}/${s.id}/attendance/${extra.id}/remove`, {})).status).toBe(303)
    expect((await sessionFull(ctx, s.id)).attendees.some((x) => x.id === extra.id)).toBe(false)
    const refused = await officer.post(`${base()}/${s.id}/attendance/${id('นายหนึ่ง มาอบรม')}/remove`, {})
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('นำออกไม่ได้')
    const detail = await (await officer.get(`${base()}/${s.id}`)).text()
    expect(detail).toContain('<svg')
    expect(detail).toContain(`/admin/trainings/${s.id}/checkin`)
  })

  it('filters by the organising unit; a unit of another agency is refused on the same form', async () => {
    const legal = await buildUnit(t.deps.db, org, 'งานนิติการทดสอบ')
    const foreign = await buildUnit(t.deps.db, other, 'กองของหน่วยงานอื่น')
    const bad = await officer.post(`${base()}/new`, form({ topic: 'อบรมหน่วยงานอื่น', unitId: foreign.id }))
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('ไม่พบหน่วยงานที่เลือก')
    expect((await officer.post(`${base()}/new`, form({ topic: 'อบรมของงานนิติการ', unitId: legal.id }))).status).toBe(303)
    const page = await listSessions(ctx, { unitId: legal.id, page: 1 })
    expect(page.rows.map((r) => r.topic)).toEqual(['อบรมของงานนิติการ'])
    const html = await (await officer.get(`${base()}?unit=${legal.id}`)).text()
    expect(html).toContain('อบรมของงานนิติการ')
    expect(html).not.toContain('อบรมวันที่เลขไทย')
    expect((await officer.get(`${base()}?unit=not-a-uuid`)).status).toBe(200)
    expect(await (await officer.get(`${base()}/${page.rows[0]!.id}`)).text()).toContain('งานนิติการทดสอบ')
  })

  it('asks before deleting; another agency cannot see or change the sessions', async () => {
    const s = await buildSession(t.deps.db, org.id, { topic: 'ลบทีหลัง' })
    expect(await (await officer.get(`${base()}/${s.id}/delete`)).text()).toContain('ยืนยันการลบ')
    expect((await officer.post(`${base()}/${s.id}/delete`, {})).status).toBe(303)
    expect((await officer.get(`${base()}/${s.id}`)).status).toBe(404)
    const published = await buildSession(t.deps.db, org.id, { topic: 'เผยแพร่แล้วลบไม่ได้', status: 'published', publishedAt: new Date() })
    const refused = await officer.post(`${base()}/${published.id}/delete`, {}, { csrfFrom: base() })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('ถอนการเผยแพร่แทน')
    const foreign = await buildSession(t.deps.db, other.id, { topic: 'ของหน่วยงานอื่น' })
    expect((await officer.get(`${base()}/${foreign.id}`)).status).toBe(404)
    expect((await officer.post(`${base()}/${foreign.id}/delete`, {}, { csrfFrom: base() })).status).toBe(404)
    expect((await officer.get(`${base()}/not-a-uuid/edit`)).status).toBe(404)
  })

  it('shows published sessions on the public page, never drafts or withdrawn ones', async () => {
    await buildSession(t.deps.db, org.id, { topic: 'อบรมที่เผยแพร่', status: 'published', publishedAt: new Date() })
    await buildSession(t.deps.db, org.id, { topic: 'อบรมฉบับร่าง' })
    await buildSession(t.deps.db, org.id, { topic: 'อบรมที่ถอนแล้ว', status: 'withdrawn', publishedAt: new Date() })
    const html = await (await new TestClient(t.app).get(`/o/${org.slug}/trainings`)).text()
    expect(html).toContain('อบรมที่เผยแพร่')
    expect(html).not.toContain('อบรมฉบับร่าง')
    expect(html).not.toContain('อบรมที่ถอนแล้ว')
  })

  it('a draft is its maker’s task to publish by its first day; published, to write the report within 30 days of its last; closed by each', async () => {
    const s = await createSession(ctx, input({ topic: 'ร่างที่ต้องเผยแพร่', startsOn: '2024-03-30', endsOn: '2024-03-31' }))
    const mine = async () => (await listTodo(ctx, 'mine')).filter((i) => i.ref === s.id)
    expect((await mine()).map((i) => [i.kind, i.dueOn])).toEqual([['publish', '2024-03-30']])
    expect((await mine())[0]!.titleTh).toContain('ร่างที่ต้องเผยแพร่')
    await publishSession(ctx, s.id)
    expect((await mine()).map((i) => [i.kind, i.dueOn, i.href])).toEqual([['report', '2024-04-30', `/trainings/${s.id}/report`]])
    await saveReport(ctx, s.id, { summary: 'สรุปผล', benefits: '', reporterName: 'นางสาวผู้รายงาน', reporterPosition: '' })
    expect(await mine()).toEqual([])
  })

  it('offers sessions as evidence that counts only when published, of the year, with someone present', async () => {
    const good = await buildSession(t.deps.db, org.id, { topic: 'อบรมที่เป็นหลักฐาน', status: 'published', publishedAt: new Date() })
    await buildAttendee(t.deps.db, org.id, good.id, { status: 'present' })
    const empty = await buildSession(t.deps.db, org.id, { topic: 'อบรมไม่มีผู้เข้า', status: 'published', publishedAt: new Date() })
    const draft = await buildSession(t.deps.db, org.id, { topic: 'อบรมร่าง' })
    const checks = await trainingsEvidence.check(ctx, [good.id, empty.id, draft.id], 2566)
    expect(checks.get(good.id)).toEqual({ ok: true, reason: null })
    expect(checks.get(empty.id)?.ok).toBe(false)
    expect(checks.get(draft.id)?.ok).toBe(false)
    expect((await trainingsEvidence.check(ctx, [good.id], 2567)).get(good.id)?.reason?.th).toContain('2566')
    const found = await trainingsEvidence.search(ctx, { text: 'เป็นหลักฐาน', limit: 10 })
    expect(found.map((r) => r.id)).toEqual([good.id])
    expect(found[0]!.publicPath).toBe(`/o/${org.slug}/trainings#s-${good.id}`)
  })

  it('counts trainings held and attendances per fiscal year', async () => {
    await computeStatistics(t.deps, { moduleId: 'trainings' })
    const figures = await agencyStatistics(t.deps.db, org.id, 2568)
    expect(figures.find((f) => f.module === 'trainings' && f.key === 'held')?.value).toBe(1)
    expect(figures.find((f) => f.module === 'trainings' && f.key === 'trained')?.value).toBe(1)
  })
})
