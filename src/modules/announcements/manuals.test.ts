import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { htmlToText, normalizeSpace } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { manualsEvidence } from './contracts.js'
import { approveManual, createManual, getManual, manualProgress, reviseManual, type ManualInput } from './manuals.js'
import { manuals } from './manuals.schema.js'
import { buildPerson } from './testing/factories.js'

const TITLE = 'คู่มือการให้บริการ การชำระภาษีที่ดินและสิ่งปลูกสร้าง'

describe('manuals: drafts, executive approval, versions, review deadline, acknowledgement, public list', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let ctx: OrgUseCaseCtx
  let execCtx: OrgUseCaseCtx
  let finance = ''
  let works = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const executive = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/manuals`
  const input = (o: Partial<ManualInput> = {}): ManualInput => ({ kind: 'service', unitId: finance, title: TITLE, audience: 'public', ackRequired: true, body: '1. ยื่นหนังสือแจ้งการประเมิน\n2. ชำระเงิน', effectiveOn: '2022-10-03', nextReviewOn: '2023-09-29', ...o })
  const text = async (c: TestClient, path: string) => normalizeSpace(htmlToText(await (await c.get(path)).text()))

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    finance = (await buildUnit(t.deps.db, org, 'กองคลัง')).id
    works = (await buildUnit(t.deps.db, org, 'กองช่าง')).id
    const u = await buildUser(t.deps.db, org, 'officer')
    const e = await buildUser(t.deps.db, org, 'executive')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    execCtx = useCaseCtx(t, org.id, e) as OrgUseCaseCtx
    await buildPerson(t.deps.db, org.id, { name: 'ก เจ้าหน้าที่การเงิน', unitIds: [finance], userId: u.id })
    await buildPerson(t.deps.db, org.id, { name: 'ข เจ้าพนักงานจัดเก็บรายได้', kind: 'permanent_employee', unitIds: [finance] })
    await buildPerson(t.deps.db, org.id, { name: 'ค นายช่าง', unitIds: [works], userId: e.id })
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    expect((await executive.signIn(org.slug, e.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('bad input answers 422 with the same form, a Thai error summary and every value kept; nothing is written', async () => {
    const form = { kind: 'service', unitId: finance, title: '', audience: 'public', ackRequired: 'on', body: 'เนื้อหาที่พิมพ์ไว้', effectiveOn: '03/10/2022', nextReviewOn: '29/09/2566' }
    const bad = await officer.post(`${base()}/new`, form, { csrfFrom: `${base()}/new` })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('error-summary')
    expect(html).toContain('เนื้อหาที่พิมพ์ไว้')
    expect(html).toContain('value="03/10/2022"')
    expect(html).toContain('ปี ค.ศ.')
    // The use case's checks come back on the same form: review after the effective date, a unit of this agency.
    const early = await officer.post(`${base()}/new`, { ...form, title: TITLE, effectiveOn: '03/10/2565', nextReviewOn: '01/10/2565' }, { csrfFrom: `${base()}/new` })
    expect(early.status).toBe(422)
    expect(await early.text()).toContain('วันที่ต้องทบทวนต้องอยู่หลังวันที่มีผลใช้')
    const foreignUnit = (await buildUnit(t.deps.db, other, 'กองคลัง')).id
    const unit = await officer.post(`${base()}/new`, { ...form, title: TITLE, effectiveOn: '03/10/2565', unitId: foreignUnit }, { csrfFrom: `${base()}/new` })
    expect(unit.status).toBe(422)
    expect(await unit.text()).toContain('กอง/งานที่เลือกไม่มีในหน่วยงานนี้')
    expect(await inOrg(t.deps.db, org.id, (tx) => tx.select().from(manuals))).toEqual([])
  })

  it('a draft is approved by the executive only; then it is public, its review date is its author\'s deadline, and the unit acknowledges', async () => {
    const res = await officer.post(`${base()}/new`, { kind: 'service', unitId: finance, title: TITLE, audience: 'public', ackRequired: 'on', body: '1. ยื่นหนังสือแจ้งการประเมิน', effectiveOn: '03/10/2565', nextReviewOn: '29/09/2566' }, { csrfFrom: `${base()}/new` })
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!
    const anon = new TestClient(t.app)
    expect(await text(anon, `/o/${org.slug}/manuals`)).not.toContain(TITLE)
    expect((await anon.get(`/o/${org.slug}/manuals/${id}`)).status).toBe(404)
    expect((await officer.post(`${base()}/${id}/approve`, {}, { csrfFrom: `${base()}/${id}` })).status).toBe(403)
    expect(await text(executive, `${base()}/${id}`)).toContain('อนุมัติฉบับที่ 1')
    expect((await executive.post(`${base()}/${id}/approve`, {}, { csrfFrom: `${base()}/${id}` })).status).toBe(303)
    // Approving again: no draft is waiting (409 on the manual's page).
    const again = await executive.post(`${base()}/${id}/approve`, {}, { csrfFrom: `${base()}/${id}` })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('ไม่มีร่างที่รออนุมัติ')

    const list = await text(anon, `/o/${org.slug}/manuals`)
    expect(list).toContain(`กองคลัง คู่มือการให้บริการ: ${TITLE} ฉบับที่ 1 มีผลใช้ 3 ตุลาคม 2565 ทบทวนภายใน 29 กันยายน 2566`)
    const todo = await listTodo(ctx, 'mine')
    expect(todo.find((i) => i.ref === id)).toMatchObject({ kind: 'manual_review', dueOn: '2023-09-29', titleTh: `ทบทวนคู่มือ "${TITLE}"` })

    // The unit's staff (two in กองคลัง) are asked; the executive, of กองช่าง, is not.
    let d = await getManual(ctx, id)
    expect(await manualProgress(ctx, d)).toMatchObject({ asked: 2, acknowledged: 0, missing: [{ fullName: 'ก เจ้าหน้าที่การเงิน', hasAccount: true }, { fullName: 'ข เจ้าพนักงานจัดเก็บรายได้', hasAccount: false }], mine: 'asked' })
    expect((await officer.post(`${base()}/${id}/ack`, {}, { csrfFrom: `${base()}/${id}` })).status).toBe(303)
    const notAsked = await executive.post(`${base()}/${id}/ack`, {}, { csrfFrom: `${base()}/${id}` })
    expect(notAsked.status).toBe(409)
    expect(await notAsked.text()).toContain('ท่านไม่ได้อยู่ในกอง/งานเจ้าของคู่มือนี้')
    d = await getManual(ctx, id)
    expect(await manualProgress(ctx, d)).toMatchObject({ asked: 2, acknowledged: 1, missing: [{ fullName: 'ข เจ้าพนักงานจัดเก็บรายได้' }], mine: 'done' })
    expect(await text(officer, `${base()}/${id}`)).toContain('รับทราบฉบับที่ใช้บังคับแล้ว 1 จาก 2 คน (50.0%)')

    // A revision is a draft beside the version in force: the public still sees version 1 until approval.
    const badRevision = await officer.post(`${base()}/${id}/revise`, { body: 'ใหม่', effectiveOn: '03/04/2566', nextReviewOn: '29/03/2567', changeNote: '' }, { csrfFrom: `${base()}/${id}/revise` })
    expect(badRevision.status).toBe(422)
    expect(await badRevision.text()).toContain('value="03/04/2566"')
    const revised = await officer.post(`${base()}/${id}/revise`, { body: '1. ยื่นหนังสือแจ้งการประเมิน หรือสแกน QR Code', effectiveOn: '03/04/2566', nextReviewOn: '29/03/2567', changeNote: 'เพิ่มช่องทางชำระผ่าน QR Code' }, { csrfFrom: `${base()}/${id}/revise` })
    expect(revised.status).toBe(303)
    await expect(reviseManual(ctx, id, { body: 'อีกฉบับ', effectiveOn: '2023-05-01', nextReviewOn: '2024-05-01', changeNote: 'ซ้ำ' })).rejects.toMatchObject({ status: 409 })
    expect(await text(anon, `/o/${org.slug}/manuals/${id}`)).not.toContain('QR Code')
    await approveManual(execCtx, id)
    const page = await text(anon, `/o/${org.slug}/manuals/${id}`)
    expect(page).toContain('QR Code')
    expect(page).toContain('ฉบับที่ 2 มีผลใช้ 3 เมษายน 2566')
    expect(page).toContain('ฉบับที่ 1 มีผลใช้ 3 ตุลาคม 2565 (ถูกแทนที่แล้ว)')
    expect(page).toContain('ฉบับที่ 2 มีผลใช้ 3 เมษายน 2566 (ใช้บังคับ) เพิ่มช่องทางชำระผ่าน QR Code')
    // The new version asks again; the review deadline moves to the new date.
    d = await getManual(ctx, id)
    expect(await manualProgress(ctx, d)).toMatchObject({ asked: 2, acknowledged: 0 })
    expect((await listTodo(ctx, 'mine')).find((i) => i.ref === id)?.dueOn).toBe('2024-03-29')
    const actions = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)))
    expect(actions.map((a) => a.action)).toEqual(['manuals.create', 'manuals.approve', 'manuals.acknowledge', 'manuals.revise', 'manuals.approve'])
  })

  it('deletes a never-approved manual whole, a waiting revision alone, only after confirmation', async () => {
    const m = await createManual(ctx, input({ title: 'คู่มือที่จะลบ', unitId: works, kind: 'operation' }))
    expect(await text(officer, `${base()}/${m.id}/delete`)).toContain('การลบจะลบคู่มือทั้งรายการ')
    expect((await officer.post(`${base()}/${m.id}/delete`, {}, { csrfFrom: `${base()}/${m.id}/delete` })).status).toBe(303)
    expect((await officer.get(`${base()}/${m.id}`)).status).toBe(404)
    const kept = await createManual(ctx, input({ title: 'คู่มือที่ใช้บังคับ', unitId: works, kind: 'operation' }))
    await approveManual(execCtx, kept.id)
    const nothing = await officer.post(`${base()}/${kept.id}/delete`, {}, { csrfFrom: `${base()}/${kept.id}/delete` })
    expect(nothing.status).toBe(409)
    await reviseManual(ctx, kept.id, { body: 'ร่างใหม่', effectiveOn: '2023-06-01', nextReviewOn: '2024-06-01', changeNote: 'ทดลอง' })
    expect(await text(officer, `${base()}/${kept.id}/delete`)).toContain('จะลบเฉพาะร่างฉบับที่ 2')
    expect((await officer.post(`${base()}/${kept.id}/delete`, {}, { csrfFrom: `${base()}/${kept.id}/delete` })).status).toBe(303)
    const d = await getManual(ctx, kept.id)
    expect([d.current?.version, d.draft, d.versions.length]).toEqual([1, null, 1])
  })

  it('filters the staff list by unit, kind, state and fiscal year', async () => {
    await createManual(ctx, input({ title: 'คู่มือร่างกองช่าง', unitId: works, kind: 'operation', effectiveOn: '2023-11-01', nextReviewOn: '2024-10-31' }))
    const byUnit = await text(officer, `${base()}?unit=${works}`)
    expect(byUnit).toContain('คู่มือร่างกองช่าง')
    expect(byUnit).not.toContain(TITLE)
    const drafts = await text(officer, `${base()}?state=draft`)
    expect(drafts).toContain('คู่มือร่างกองช่าง')
    expect(drafts).not.toContain('คู่มือที่ใช้บังคับ')
    const y2567 = await text(officer, `${base()}?fy=2567`)
    expect(y2567).toContain('คู่มือร่างกองช่าง')
    expect(y2567).not.toContain('คู่มือที่ใช้บังคับ')
    expect(await text(officer, `${base()}?kind=service`)).toContain(TITLE)
    // Review overdue (before today, Bangkok): the version in force due 29 September 2566; a never-approved draft has no review yet.
    const overdue = await text(officer, `${base()}?review=overdue`)
    expect(overdue).toContain('คู่มือที่ใช้บังคับ')
    expect(overdue).not.toContain('คู่มือร่างกองช่าง')
  })

  it('counts as OIT evidence only when approved, public, in force by the year, with content; other agencies see nothing', async () => {
    const pub = await createManual(ctx, input({ title: 'คู่มือสาธารณะ' }))
    const staff = await createManual(ctx, input({ title: 'คู่มือภายใน', audience: 'staff' }))
    const draft = await createManual(ctx, input({ title: 'คู่มือยังไม่อนุมัติ' }))
    await approveManual(execCtx, pub.id)
    await approveManual(execCtx, staff.id)
    const checks = await manualsEvidence.check(ctx, [pub.id, staff.id, draft.id], 2566)
    expect(checks.get(pub.id)).toEqual({ ok: true, reason: null })
    expect(checks.get(staff.id)?.reason?.th).toBe('ไม่ได้เผยแพร่ต่อสาธารณะ')
    expect(checks.get(draft.id)?.reason?.th).toBe('ยังไม่ได้รับอนุมัติ')
    expect((await manualsEvidence.check(ctx, [pub.id], 2565)).get(pub.id)?.reason?.th).toBe('มีผลใช้หลังปีงบประมาณ 2565')
    const [rec] = await manualsEvidence.describe(ctx, [pub.id])
    expect(rec).toMatchObject({ title: 'คู่มือการให้บริการ: คู่มือสาธารณะ (กองคลัง)', fiscalYear: 2566, publicPath: `/o/${org.slug}/manuals/${pub.id}` })
    const anon = new TestClient(t.app)
    expect((await anon.get(`/o/${other.slug}/manuals/${pub.id}`)).status).toBe(404)
    expect(await text(anon, `/o/${org.slug}/manuals`)).not.toContain('คู่มือภายใน')
    const otherCtx = useCaseCtx(t, other.id, await buildUser(t.deps.db, other, 'officer')) as OrgUseCaseCtx
    await expect(getManual(otherCtx, pub.id)).rejects.toMatchObject({ status: 404 })
  })
})
