import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { computeStatistics, agencyStatistics } from '../../platform/stats/statistics.js'
import { createAnnouncement, deleteDraft, getAnnouncement, type AnnouncementInput } from './announcements.service.js'
import { publishAnnouncement, reviseAnnouncement, withdrawAnnouncement } from './publish.js'
import { ackProgress, issueAckLinks, recordPaperAcks } from './acknowledgement.js'
import { announcementsEvidence } from './contracts.js'
import { buildAnnouncement, buildPerson } from './testing/factories.js'
import { announcements } from './announcements.schema.js'

const input = (o: Partial<AnnouncementInput> = {}): AnnouncementInput => ({
  kind: 'announcement', subject: 'มาตรการทดสอบ', body: 'ข้อความของมาตรการ', signedOn: '2023-01-09', signerName: 'นายทดสอบ ใจดี', signerPosition: 'นายกเทศมนตรี',
  audience: 'both', effectiveOn: null, ackScope: 'staff', ackUnitIds: [], ackDueOn: '2023-02-28', ...o,
})

describe('announcements: numbering, acknowledgement, revisions (service and pages)', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let ctx: OrgUseCaseCtx
  let unitA = ''
  let unitB = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/announcements`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    unitA = (await buildUnit(t.deps.db, org, 'กองคลัง')).id
    unitB = (await buildUnit(t.deps.db, org, 'กองช่าง')).id
    await buildPerson(t.deps.db, org.id, { name: 'ก เจ้าหน้าที่มีบัญชี', unitIds: [unitA], userId: u.id })
    await buildPerson(t.deps.db, org.id, { name: 'ข พนักงานไม่มีบัญชี', kind: 'permanent_employee', unitIds: [unitA] })
    await buildPerson(t.deps.db, org.id, { name: 'ค พนักงานจ้าง', kind: 'contract_employee', unitIds: [unitB] })
    await buildPerson(t.deps.db, org.id, { name: 'ง สมาชิกสภา', kind: 'council_member' })
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('numbers on publication per kind and calendar year, never reusing a withdrawn number; every step audited', async () => {
    const a1 = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ kind: 'order', ackScope: 'none', ackDueOn: null }))).id)
    const a2 = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ kind: 'order', ackScope: 'none', ackDueOn: null, subject: 'คำสั่งที่สอง' }))).id)
    expect([a1.number, a1.numberYear, a2.number]).toEqual([1, 2566, 2])
    // 20 Dec 2022 is fiscal year 2566 but calendar year 2565: numbering restarts on 1 January.
    const dec = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ kind: 'order', ackScope: 'none', ackDueOn: null, signedOn: '2022-12-20' }))).id)
    expect([dec.number, dec.numberYear, dec.fiscalYear]).toEqual([1, 2565, 2566])
    await withdrawAnnouncement(ctx, a2.id, 'ออกคำสั่งใหม่แทน')
    const a3 = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ kind: 'order', ackScope: 'none', ackDueOn: null, subject: 'คำสั่งที่สาม' }))).id)
    expect(a3.number).toBe(3)
    const w = await getAnnouncement(ctx, a2.id)
    expect([w.status, w.number]).toEqual(['withdrawn', 2])
    await expect(deleteDraft(ctx, a1.id)).rejects.toMatchObject({ status: 409 })
    await expect(publishAnnouncement(ctx, a1.id)).rejects.toMatchObject({ status: 409 })
    const actions = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, a2.id)))
    expect(actions.map((a) => a.action)).toEqual(['announcements.create', 'announcements.publish', 'announcements.withdraw'])
  })

  it('asks every staff member (not council members), shows % per unit, and takes "รับทราบ" signed in and by a single-use link', async () => {
    const a = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ subject: 'Do and Don’t ทดสอบ' }))).id)
    let g = await ackProgress(ctx, a)
    expect(g.asked).toBe(3)
    expect(g.units.map((u) => [u.unitName, u.asked, u.acknowledged])).toEqual([['กองคลัง', 2, 0], ['กองช่าง', 1, 0]])
    expect(g.mine).toBe('asked')
    // The due date is a deadline of the accounts still missing (the officer's).
    expect((await listTodo(ctx, 'mine')).some((i) => i.ref === a.id && i.kind === 'ack')).toBe(true)

    const signedIn = await officer.post(`${base()}/${a.id}/ack`, {}, { csrfFrom: `${base()}/${a.id}` })
    expect(signedIn.status).toBe(303)
    g = await ackProgress(ctx, a)
    expect(g.units[0]).toMatchObject({ asked: 2, acknowledged: 1 })
    expect(g.mine).toBe('done')
    expect((await listTodo(ctx, 'mine')).some((i) => i.ref === a.id)).toBe(false)

    const links = await issueAckLinks(ctx, a.id)
    expect(links.map((l) => l.person.fullName).sort()).toEqual(['ข พนักงานไม่มีบัญชี', 'ค พนักงานจ้าง'])
    const link = `/o/${org.slug}/announcements/ack/${links.find((l) => l.person.fullName.startsWith('ข'))!.token}`
    const anon = new TestClient(t.app)
    const page = await anon.get(link)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('สำหรับ ข พนักงานไม่มีบัญชี')
    expect(html).toContain('Do and Don’t ทดสอบ')
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!
    expect((await anon.post(link, {}, { csrf: null })).status).toBe(403) // CSRF-protected
    const done = await anon.post(link, {})
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('บันทึกการรับทราบ')
    g = await ackProgress(ctx, a)
    expect(g.units[0]).toMatchObject({ asked: 2, acknowledged: 2 })
    expect(g.missing.map((m) => m.fullName)).toEqual(['ค พนักงานจ้าง'])
    // Single use: the same link neither opens nor answers again.
    expect((await anon.get(link)).status).toBe(404)
    const again = await anon.post(link, {}, { csrf })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('ลิงก์นี้ใช้ไปแล้ว')
    const audits = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, a.id)))
    expect(audits.filter((x) => x.action === 'announcements.acknowledge').map((x) => (x.details as { via: string }).via)).toEqual(['account', 'link'])

    // The staff page shows the table per unit.
    const staff = await (await officer.get(`${base()}/${a.id}`)).text()
    expect(staff).toContain('รับทราบแล้ว 2 จาก 3 คน (66.7%)')
    expect(staff).toContain('100.0%')

    // A revision keeps the old text and asks everyone again; links of the old version stop working.
    const old = links.find((l) => l.person.fullName.startsWith('ค'))!.token
    const r = await reviseAnnouncement(ctx, a.id, { subject: 'Do and Don’t ทดสอบ (ฉบับปรับปรุง)', body: 'ข้อความใหม่', changeNote: 'เพิ่มข้อ ๖' })
    expect(r.version).toBe(2)
    g = await ackProgress(ctx, r)
    expect([g.asked, g.acknowledged, g.mine]).toEqual([3, 0, 'asked'])
    expect((await anon.post(`/o/${org.slug}/announcements/ack/${old}`, {}, { csrf })).status).toBe(409)
    const revised = await (await officer.get(`${base()}/${a.id}`)).text()
    expect(revised).toContain('เพิ่มข้อ ๖')
    expect(revised).toContain('ข้อความของมาตรการ')
    // The printable sheet: one slip with a link and its QR code per person without an account.
    const sheet = await officer.post(`${base()}/${a.id}/links`, {}, { csrfFrom: `${base()}/${a.id}` })
    expect(sheet.status).toBe(200)
    const slips = await sheet.text()
    expect(slips.match(/class="link-slip"/g)).toHaveLength(2)
    expect(slips).toContain('<svg')
  })

  it('asks only the chosen units', async () => {
    const a = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ ackScope: 'units', ackUnitIds: [unitB] }))).id)
    const g = await ackProgress(ctx, a)
    expect(g.units.map((u) => u.unitName)).toEqual(['กองช่าง'])
    await expect(createAnnouncement(ctx, input({ ackScope: 'units', ackUnitIds: [] }))).rejects.toMatchObject({ status: 422 })
  })

  it('bad input answers 422 with the same form, an error summary and every value kept', async () => {
    const bad = await officer.post(`${base()}/new`, { kind: 'measure', subject: '', body: 'ข้อความที่พิมพ์ไว้', signedOn: '09/01/2023', signerName: 'นายสมชาย', signerPosition: '', audience: 'both', ackScope: 'units', ackDueOn: '' }, { csrfFrom: `${base()}/new` })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('error-summary')
    expect(html).toContain('ข้อความที่พิมพ์ไว้')
    expect(html).toContain('value="09/01/2023"')
    expect(html).toContain('ปี ค.ศ.')
    expect(html).toContain('value="นายสมชาย"')
    // The use case's check (units) comes back on the same form too.
    const noUnit = await officer.post(`${base()}/new`, { kind: 'measure', subject: 'มาตรการเฉพาะกอง', body: 'ข้อความ', signedOn: '09/01/2566', audience: 'both', ackScope: 'units', ackDueOn: '' }, { csrfFrom: `${base()}/new` })
    expect(noUnit.status).toBe(422)
    expect(await noUnit.text()).toContain('เลือกกอง/งานที่ต้องรับทราบ')
    const ok = await officer.post(`${base()}/new`, { kind: 'measure', subject: 'มาตรการจากแบบฟอร์ม', body: 'ข้อความ', signedOn: '๐๙/๐๑/๒๕๖๖', audience: 'both', ackScope: 'none', ackDueOn: '' }, { csrfFrom: `${base()}/new` })
    expect(ok.status).toBe(303)
    const withdrawBad = await officer.post(`${base()}/${(await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ ackScope: 'none' }))).id)).id}/withdraw`, { reason: '' }, { csrfFrom: `${base()}` })
    expect(withdrawBad.status).toBe(422)
  })

  it('publishes public announcements on the agency site (not staff-only ones, not drafts) and keeps other agencies out', async () => {
    const pub = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ subject: 'ประกาศสาธารณะ', ackScope: 'none' }))).id)
    await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ subject: 'ประกาศภายในเท่านั้น', audience: 'staff', ackScope: 'none' }))).id)
    await buildAnnouncement(t.deps.db, org.id, { subject: 'ร่างที่ยังไม่เผยแพร่' })
    const anon = new TestClient(t.app)
    const list = await (await anon.get(`/o/${org.slug}/announcements`)).text()
    expect(list).toContain('ประกาศสาธารณะ')
    expect(list).not.toContain('ประกาศภายในเท่านั้น')
    expect(list).not.toContain('ร่างที่ยังไม่เผยแพร่')
    const feed = await anon.get(`/o/${org.slug}/announcements/feed.rss`)
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=UTF-8')
    const rss = await feed.text()
    expect(rss).toContain(`<title>ประกาศ ที่ ${pub.number}/2566 เรื่อง ประกาศสาธารณะ</title>`)
    expect(rss).toContain(`/o/${org.slug}/announcements/${pub.id}</link>`)
    expect(rss).not.toContain('ประกาศภายในเท่านั้น')
    expect(rss).not.toContain('ร่างที่ยังไม่เผยแพร่')
    expect(list).toContain(`href="/o/${org.slug}/announcements/feed.rss"`)
    const page = await (await anon.get(`/o/${org.slug}/announcements/${pub.id}`)).text()
    expect(page).toContain(`เลขที่ ${pub.number}/2566`)
    expect(page).toContain('9 มกราคม 2566')
    // Row-level security: another agency sees nothing of it.
    expect((await anon.get(`/o/${other.slug}/announcements/${pub.id}`)).status).toBe(404)
    const otherCtx = useCaseCtx(t, other.id, await buildUser(t.deps.db, other, 'officer')) as OrgUseCaseCtx
    await expect(getAnnouncement(otherCtx, pub.id)).rejects.toMatchObject({ status: 404 })
    expect(await inOrg(t.deps.db, other.id, (tx) => tx.select().from(announcements))).toEqual([])
    const foreign = await buildAnnouncement(t.deps.db, other.id, { subject: 'ของหน่วยงานอื่น' })
    expect((await officer.get(`${base()}/${foreign.id}`)).status).toBe(404)
    expect((await officer.post(`${base()}/${foreign.id}/publish`, {}, { csrfFrom: base() })).status).toBe(404)
  })

  it('counts as evidence only when published, of the year, with a text or a file', async () => {
    const good = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ ackScope: 'none' }))).id)
    const draft = await buildAnnouncement(t.deps.db, org.id)
    const empty = await buildAnnouncement(t.deps.db, org.id, { body: '', status: 'published', number: 99, numberYear: 2566 })
    const checks = await announcementsEvidence.check(ctx, [good.id, draft.id, empty.id], 2566)
    expect(checks.get(good.id)).toEqual({ ok: true, reason: null })
    expect(checks.get(draft.id)?.reason?.th).toBe('ยังไม่เผยแพร่')
    expect(checks.get(empty.id)?.reason?.th).toContain('ไม่มีข้อความ')
    expect((await announcementsEvidence.check(ctx, [good.id], 2567)).get(good.id)?.reason?.th).toContain('2566')
  })

  it('computes published counts and the % acknowledged for every agency in one query each', async () => {
    const a = await publishAnnouncement(ctx, (await createAnnouncement(ctx, input({ subject: 'สถิติ' }))).id)
    const [c] = (await ackProgress(ctx, a)).missing.filter((m) => m.fullName.startsWith('ค'))
    expect(await recordPaperAcks(ctx, a.id, [c!.personId])).toBe(1)
    await computeStatistics(t.deps, { moduleId: 'announcements' })
    const figures = await agencyStatistics(t.deps.db, org.id, 2566)
    const published = figures.find((f) => f.key === 'published')!.value
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(announcements))
    expect(published).toBe(rows.filter((r) => r.status !== 'draft' && r.audience !== 'staff' && r.fiscalYear === 2566).length)
    const pct = figures.find((f) => f.key === 'ack_percent')!.value
    const totals = { asked: 0, done: 0 }
    for (const r of rows.filter((x) => x.status === 'published' && x.fiscalYear === 2566)) {
      const g = await ackProgress(ctx, r)
      totals.asked += g.asked
      totals.done += g.acknowledged
    }
    expect(totals.done).toBeGreaterThan(0)
    expect(pct).toBe(Math.round((1000 * totals.done) / totals.asked) / 10)
  })
})
