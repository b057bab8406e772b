import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { computeStatistics, agencyStatistics } from '../../platform/stats/statistics.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { createRisk, deleteRisk, listRisks, PAGE_SIZE, riskFull, updateRisk, type RiskInput } from './risks.service.js'
import { addControl, removeControl } from './controls.js'
import { recordRound } from './monitoring.js'
import { copyRegister } from './copy-year.js'
import { monitoringEvidence, registerEvidence } from './contracts.js'
import { levelOf, LEVEL_BANDS, scoreOf } from './rules.js'
import { riskControls, risks } from './risks.schema.js'
import { buildMeasure, buildRisk, buildRound } from './testing/factories.js'
import { bandsOfYear, saveBands } from './bands.js'
import { docxToText } from '../../platform/documents/extract.js'

// The register against the real database: scoring and level bands (data), the bad-input path of
// every form, delete and withdraw rules, lists and filters, measures as controls, monitoring rounds
// and their deadline, copying a year, the public summary, evidence and statistics.

describe('risks: register (service and pages)', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let ctx: OrgUseCaseCtx
  let unitId = ''
  let unit2 = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/risks`
  const input = (o: Partial<RiskInput> = {}): RiskInput => ({
    fiscalYear: 2566, area: 'permits', process: 'การออกใบอนุญาตก่อสร้างอาคาร', event: 'เรียกรับเงินเพื่อเร่งรัดการออกใบอนุญาต', cause: 'ใช้ดุลพินิจ', likelihood: 3, impact: 4,
    existingControls: 'คู่มือสำหรับประชาชน', indicator: '', target: '', residualLikelihood: null, residualImpact: null, ownerUnitId: unitId, reviewOn: null, status: 'draft', ...o,
  })
  const form = (o: Record<string, string> = {}) => ({
    fiscalYear: '2566', area: 'procurement', process: 'การจัดซื้อจัดจ้าง', event: 'กำหนด TOR เอื้อผู้ประกอบการ', cause: '', likelihood: '3', impact: '5', existingControls: '', indicator: '', target: '',
    residualLikelihood: '', residualImpact: '', ownerUnitId: unitId, reviewOn: '', status: 'draft', ...o,
  })
  const audits = async (id: string) => (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, id)))).map((a) => a.action)

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    unitId = (await buildUnit(t.deps.db, org, 'กองช่างทดสอบ')).id
    unit2 = (await buildUnit(t.deps.db, org, 'กองคลังทดสอบ')).id
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('scores likelihood × impact and bands the score by the data (every score 1–25 has one level)', () => {
    expect(scoreOf(3, 4)).toBe(12)
    for (let s = 1; s <= 25; s++) expect(LEVEL_BANDS.value.filter((b) => s >= b.min && s <= b.max)).toHaveLength(1)
    expect([levelOf(2), levelOf(6), levelOf(12), levelOf(20)]).toEqual(['low', 'medium', 'high', 'very_high'])
    expect(LEVEL_BANDS.confidence).toBe('?')
  })

  it('creates risks numbered per year, updates, withdraws and deletes them, each audited; a published risk is never deleted', async () => {
    const a = await createRisk(ctx, input({ fiscalYear: 2570 }))
    const b = await createRisk(ctx, input({ fiscalYear: 2570, event: 'ความเสี่ยงที่สอง' }))
    expect([a.seq, b.seq]).toEqual([1, 2])
    await updateRisk(ctx, a.id, input({ fiscalYear: 2570, likelihood: 5, residualLikelihood: 2, residualImpact: 2 }))
    await deleteRisk(ctx, a.id)
    expect(await audits(a.id)).toEqual(['risks.create', 'risks.update', 'risks.delete'])
    const p = await updateRisk(ctx, b.id, input({ fiscalYear: 2570, status: 'published' }))
    expect(p.publishedAt).not.toBeNull()
    await expect(deleteRisk(ctx, b.id)).rejects.toMatchObject({ status: 409 })
    await expect(updateRisk(ctx, b.id, input({ fiscalYear: 2570, status: 'draft' }))).rejects.toMatchObject({ status: 422, errors: { status: { th: expect.stringContaining('ถอนการเผยแพร่') } } })
    const w = await updateRisk(ctx, b.id, input({ fiscalYear: 2570, status: 'withdrawn' }))
    expect(w.withdrawnAt).not.toBeNull()
    await expect(deleteRisk(ctx, b.id)).rejects.toMatchObject({ status: 409 })
    expect(await audits(b.id)).toEqual(['risks.create', 'risks.publish', 'risks.withdraw'])
    await expect(createRisk(ctx, input({ residualLikelihood: 2 }))).rejects.toMatchObject({ status: 422, errors: { residualImpact: expect.anything() } })
    await expect(createRisk(ctx, input({ ownerUnitId: '00000000-0000-4000-8000-000000000000' }))).rejects.toMatchObject({ errors: { ownerUnitId: expect.anything() } })
  })

  it('lists with search (wildcards literal), year, unit, level and status filters, and pages of 20', async () => {
    for (let i = 0; i < PAGE_SIZE + 2; i++) await buildRisk(t.deps.db, org.id, { fiscalYear: 2568, ownerUnitId: unit2, event: `ความเสี่ยงหน้า ${i}`, likelihood: 1, impact: 2 })
    await buildRisk(t.deps.db, org.id, { fiscalYear: 2568, event: 'มี 100% ในชื่อ', likelihood: 5, impact: 5, status: 'published', publishedAt: new Date() })
    const p1 = await listRisks(ctx, { fiscalYear: 2568, page: 1 })
    expect(p1.total).toBe(PAGE_SIZE + 3)
    expect(p1.rows).toHaveLength(PAGE_SIZE)
    expect((await listRisks(ctx, { fiscalYear: 2568, page: 2 })).rows).toHaveLength(3)
    expect((await listRisks(ctx, { q: '100%', page: 1 })).total).toBe(1)
    expect((await listRisks(ctx, { q: '%', page: 1 })).total).toBe(1)
    expect((await listRisks(ctx, { fiscalYear: 2568, level: 'very_high', page: 1 })).rows.map((r) => r.event)).toEqual(['มี 100% ในชื่อ'])
    expect((await listRisks(ctx, { fiscalYear: 2568, level: 'low', page: 1 })).total).toBe(PAGE_SIZE + 2)
    expect((await listRisks(ctx, { fiscalYear: 2568, unitId: unit2, page: 1 })).total).toBe(PAGE_SIZE + 2)
    expect((await listRisks(ctx, { fiscalYear: 2568, status: 'published', page: 1 })).total).toBe(1)
    const html = await (await officer.get(`${base()}?fy=2568&level=low&page=2`)).text()
    expect(html).toContain('ความเสี่ยงหน้า')
    expect(html).toContain('rel="prev"')
  })

  it('bad input answers 422 with the same form, an error summary and every value kept', async () => {
    const bad = await officer.post(`${base()}/new`, form({ fiscalYear: '2023', event: 'เหตุการณ์ที่พิมพ์ไว้', likelihood: '9' }))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain(`action="${base()}/new"`)
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('error-summary')
    expect(html).toContain('เหตุการณ์ที่พิมพ์ไว้')
    expect(html).toContain('value="2023"')
    expect(html).toContain('ปีงบประมาณต้องเป็นปี พ.ศ.')
    const pair = await officer.post(`${base()}/new`, form({ residualLikelihood: '2' }))
    expect(pair.status).toBe(422)
    expect(await pair.text()).toContain('กรอกโอกาสและผลกระทบหลังการควบคุมให้ครบ')
    const ce = await officer.post(`${base()}/new`, form({ reviewOn: '30/09/2023' }))
    expect(ce.status).toBe(422)
    expect(await ce.text()).toContain('ปี ค.ศ.')
    const ok = await officer.post(`${base()}/new`, form({ fiscalYear: '๒๕๖๙', reviewOn: '30/09/2569' }))
    expect(ok.status).toBe(303)
    const url = ok.headers.get('location')!
    const page = await (await officer.get(url)).text()
    expect(page).toContain('R1 กำหนด TOR เอื้อผู้ประกอบการ')
    expect(page).toContain('3 × 5 = <strong>15</strong>')
    // The review date is its maker's deadline.
    const todo = (await listTodo(ctx, 'mine')).find((i) => i.ref === url.split('/').pop())
    expect(todo?.dueOn).toBe('2026-09-30')
    const edit = await officer.post(`${url}/edit`, form({ fiscalYear: '2569', event: '' }))
    expect(edit.status).toBe(422)
    expect(await edit.text()).toContain(`action="${url}/edit"`)
  })

  it('asks before deleting; another agency cannot see or change the register', async () => {
    const r = await buildRisk(t.deps.db, org.id, { event: 'ลบทีหลัง' })
    expect(await (await officer.get(`${base()}/${r.id}/delete`)).text()).toContain('ยืนยันการลบ')
    expect((await officer.post(`${base()}/${r.id}/delete`, {})).status).toBe(303)
    expect((await officer.get(`${base()}/${r.id}`)).status).toBe(404)
    const pub = await buildRisk(t.deps.db, org.id, { event: 'เผยแพร่แล้ว', status: 'published', publishedAt: new Date() })
    const refused = await officer.post(`${base()}/${pub.id}/delete`, {})
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('ถอนการเผยแพร่แทน')
    const foreign = await buildRisk(t.deps.db, other.id, { event: 'ของหน่วยงานอื่น' })
    expect((await officer.get(`${base()}/${foreign.id}`)).status).toBe(404)
    expect((await officer.post(`${base()}/${foreign.id}/delete`, {}, { csrfFrom: base() })).status).toBe(404)
    expect((await officer.get(`${base()}/not-a-uuid/edit`)).status).toBe(404)
  })

  it('links measures of the same year as controls (another year refused, twice refused), unlinks them, audited', async () => {
    const m = await buildMeasure(t.deps.db, org.id, 2566, 'มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง')
    const later = await buildMeasure(t.deps.db, org.id, 2567, 'มาตรการปีหน้า')
    const r = await buildRisk(t.deps.db, org.id, { event: 'ความเสี่ยงที่มีมาตรการควบคุม' })
    const page = await (await officer.get(`${base()}/${r.id}`)).text()
    expect(page).toContain(m.title)
    expect(page).not.toContain('มาตรการปีหน้า')
    const wrong = await officer.post(`${base()}/${r.id}/controls`, { measureId: later.id })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('เลือกมาตรการของปีงบประมาณเดียวกับความเสี่ยง')
    expect((await officer.post(`${base()}/${r.id}/controls`, { measureId: m.id })).status).toBe(303)
    await expect(addControl(ctx, r.id, m.id)).rejects.toMatchObject({ status: 409 })
    expect((await riskFull(ctx, r.id)).controls.map((c) => c.measureTitle)).toEqual([m.title])
    await removeControl(ctx, r.id, m.id)
    expect((await riskFull(ctx, r.id)).controls).toEqual([])
    expect(await audits(r.id)).toEqual(['risks.control.add', 'risks.control.remove'])
  })

  it('records both monitoring rounds (bad input 422, values kept); the 12-month round closes the review deadline', async () => {
    const r = await createRisk(ctx, input({ fiscalYear: 2567, reviewOn: '2024-09-30' }))
    expect((await listTodo(ctx, 'mine')).some((i) => i.ref === r.id)).toBe(true)
    const bad = await officer.post(`${base()}/${r.id}/monitoring/6`, { status: 'done', note: 'ผลที่พิมพ์ไว้', recordedOn: '31/03/2024' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('ผลที่พิมพ์ไว้')
    expect((await officer.post(`${base()}/${r.id}/monitoring/6`, { status: 'in_progress', note: 'อยู่ระหว่างดำเนินการ', recordedOn: '31/03/2567' })).status).toBe(303)
    expect((await officer.get(`${base()}/${r.id}/monitoring/9`)).status).toBe(404)
    await recordRound(ctx, r.id, 12, { status: 'done', note: 'ควบคุมได้', recordedOn: '2024-09-27' })
    expect((await riskFull(ctx, r.id)).monitoring.map((m) => [m.round, m.status])).toEqual([[6, 'in_progress'], [12, 'done']])
    expect((await listTodo(ctx, 'mine')).some((i) => i.ref === r.id)).toBe(false)
    const w = await updateRisk(ctx, r.id, input({ fiscalYear: 2567, status: 'withdrawn' }))
    await expect(recordRound(ctx, w.id, 6, { status: 'done', note: '', recordedOn: '2024-03-31' })).rejects.toMatchObject({ status: 409 })
    await expect(updateRisk(ctx, r.id, input({ fiscalYear: 2568, status: 'withdrawn' }))).rejects.toMatchObject({ errors: { fiscalYear: expect.anything() } })
  })

  it('makes each monitoring round of a year with published risks a deadline until every published risk has it', async () => {
    const a = await createRisk(ctx, input({ fiscalYear: 2573, status: 'published' }))
    const b = await createRisk(ctx, input({ fiscalYear: 2573, event: 'ความเสี่ยงที่สองของปี 2573', status: 'published' }))
    await createRisk(ctx, input({ fiscalYear: 2573, event: 'ฉบับร่างไม่นับ' }))
    const round = async (n: 6 | 12) => (await listTodo(ctx, 'mine', { today: '2030-01-01' })).find((i) => i.kind === `round${n}` && i.ref === '2573')
    expect(await round(6)).toMatchObject({ dueOn: '2030-03-31', titleTh: 'บันทึกผลการติดตามรอบ 6 เดือน ทะเบียนความเสี่ยงการทุจริตปี 2573 (เหลือ 2 รายการ)', href: '/risks/year/2573' })
    expect((await round(12))?.dueOn).toBe('2030-09-30')
    await recordRound(ctx, a.id, 6, { status: 'done', note: '', recordedOn: '2030-03-20' })
    expect((await round(6))?.titleTh).toContain('เหลือ 1 รายการ')
    await recordRound(ctx, b.id, 6, { status: 'in_progress', note: '', recordedOn: '2030-03-21' })
    expect(await round(6)).toBeUndefined()
    expect((await round(12))?.titleTh).toContain('เหลือ 2 รายการ')
    // Withdrawing both leaves no published risk: the rounds are no one's task.
    await updateRisk(ctx, a.id, input({ fiscalYear: 2573, status: 'withdrawn' }))
    await updateRisk(ctx, b.id, input({ fiscalYear: 2573, event: 'ความเสี่ยงที่สองของปี 2573', status: 'withdrawn' }))
    expect(await round(12)).toBeUndefined()
  })

  it('copies a register to a new year in one action, keeping the controls whose measure continues', async () => {
    const o = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, o, 'officer')
    const c2 = useCaseCtx(t, o.id, u) as OrgUseCaseCtx
    const keep = await buildMeasure(t.deps.db, o.id, 2566, 'มาตรการการกำกับดูแล และใช้ทรัพย์สินของราชการ')
    const gone = await buildMeasure(t.deps.db, o.id, 2566, 'มาตรการที่ไม่ต่อเนื่อง', 2)
    const next = await buildMeasure(t.deps.db, o.id, 2567, 'มาตรการการกำกับดูแล  และใช้ทรัพย์สินของราชการ')
    const a = await buildRisk(t.deps.db, o.id, { seq: 1, event: 'ยืมครุภัณฑ์ไปใช้ส่วนตัว', status: 'published', publishedAt: new Date(), residualLikelihood: 2, residualImpact: 2 })
    await buildRisk(t.deps.db, o.id, { seq: 2, event: 'ถอนแล้ว', status: 'withdrawn', publishedAt: new Date() })
    await addControl(c2, a.id, keep.id)
    await addControl(c2, a.id, gone.id)
    await buildRound(t.deps.db, o.id, a.id, 6)
    await expect(copyRegister(c2, 2566, 2566)).rejects.toMatchObject({ status: 422 })
    await saveBands(c2, 2566, { lowMax: 4, mediumMax: 10, highMax: 18 })
    expect(await copyRegister(c2, 2566, 2567)).toEqual({ count: 1, kept: 1, dropped: 1 })
    expect((await bandsOfYear(c2, 2567)).bands.map((b) => b.max)).toEqual([4, 10, 18, 25])
    const copied = await inOrg(t.deps.db, o.id, (tx) => tx.select().from(risks).where(eq(risks.fiscalYear, 2567)))
    expect(copied.map((r) => [r.seq, r.event, r.status, r.copiedFrom, r.residualLikelihood])).toEqual([[1, 'ยืมครุภัณฑ์ไปใช้ส่วนตัว', 'draft', a.id, 2]])
    const links = await inOrg(t.deps.db, o.id, (tx) => tx.select().from(riskControls).where(eq(riskControls.riskId, copied[0]!.id)))
    expect(links.map((l) => l.measureId)).toEqual([next.id])
    expect((await riskFull(c2, copied[0]!.id)).monitoring).toEqual([])
    await expect(copyRegister(c2, 2566, 2567)).rejects.toMatchObject({ status: 409 })
    // The page path: the year's copy form, bad input on the same page.
    const cl = new TestClient(t.app)
    expect((await cl.signIn(o.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    const badCopy = await cl.post(`/o/${o.slug}/admin/risks/year/2566/copy`, { to: '2024' })
    expect(badCopy.status).toBe(422)
    expect(await badCopy.text()).toContain('value="2024"')
    expect((await cl.post(`/o/${o.slug}/admin/risks/year/2566/copy`, { to: '2567' })).status).toBe(409)
  })

  it('shows a year on the heat maps (SVG and its table), and publishes a public summary only once published', async () => {
    const o = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, o, 'officer')
    const c2 = useCaseCtx(t, o.id, u) as OrgUseCaseCtx
    const unit = (await buildUnit(t.deps.db, o)).id
    const r = await buildRisk(t.deps.db, o.id, { seq: 7, fiscalYear: 2566, likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3, ownerUnitId: unit })
    const cl = new TestClient(t.app)
    expect((await cl.signIn(o.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    const html = await (await cl.get(`/o/${o.slug}/admin/risks/year/2566`)).text()
    expect(html).toMatch(/<g data-cell="4-5">[\s\S]*?R7<\/text>/)
    expect(html).toMatch(/<td data-cell="4-5">20 สูงมาก: <strong>R7<\/strong><\/td>/)
    expect(html).toMatch(/<td data-cell="2-3">6 ปานกลาง: <strong>R7<\/strong><\/td>/)
    expect(html).toContain('role="img"')
    const anon = new TestClient(t.app)
    expect((await anon.get(`/o/${o.slug}/risks/2566`)).status).toBe(404)
    expect(await (await anon.get(`/o/${o.slug}/risks`)).text()).toContain('ยังไม่มีการประเมินความเสี่ยงที่เผยแพร่')
    await updateRisk(c2, r.id, { ...input({ ownerUnitId: unit }), event: r.event, likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3, status: 'published' })
    const pub = await anon.get(`/o/${o.slug}/risks/2566`)
    expect(pub.status).toBe(200)
    const text = await pub.text()
    expect(text).toContain('R7 กำหนดคุณลักษณะเฉพาะเอื้อประโยชน์ผู้ประกอบการรายหนึ่ง')
    expect(text).toContain('<td data-cell="4-5">20 สูงมาก: <strong>R7</strong></td>')
    expect(await (await anon.get(`/o/${o.slug}/risks`)).text()).toContain(`/o/${o.slug}/risks/2566`)
  })

  it('lets the agency set its own level bands per year (the default is unverified): levels, the level filter, the heat map, the report and the figures follow them', async () => {
    const o = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, o, 'officer')
    const c2 = useCaseCtx(t, o.id, u) as OrgUseCaseCtx
    const r = await buildRisk(t.deps.db, o.id, { seq: 1, fiscalYear: 2571, likelihood: 3, impact: 4, status: 'published', publishedAt: new Date() })
    await buildRisk(t.deps.db, o.id, { seq: 1, fiscalYear: 2572, likelihood: 3, impact: 4 })
    expect((await listRisks(c2, { fiscalYear: 2571, level: 'high', page: 1 })).total).toBe(1)
    const cl = new TestClient(t.app)
    expect((await cl.signIn(o.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    const y = `/o/${o.slug}/admin/risks/year/2571`
    expect(await (await cl.get(`${y}/bands`)).text()).toContain('ต่ำ 1–3, ปานกลาง 4–9, สูง 10–16, สูงมาก 17–25')
    const bad = await cl.post(`${y}/bands`, { lowMax: '8', mediumMax: '6', highMax: '19' })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('ต้องเพิ่มขึ้นตามลำดับ')
    expect(badHtml).toContain('value="8"')
    expect((await cl.post(`${y}/bands`, { lowMax: '4', mediumMax: '12', highMax: '19' })).status).toBe(303)
    expect((await listRisks(c2, { fiscalYear: 2571, level: 'high', page: 1 })).total).toBe(0)
    expect((await listRisks(c2, { fiscalYear: 2571, level: 'medium', page: 1 })).rows.map((x) => x.id)).toEqual([r.id])
    // Another year keeps the default.
    expect((await listRisks(c2, { fiscalYear: 2572, level: 'high', page: 1 })).total).toBe(1)
    const page = await (await cl.get(y)).text()
    expect(page).toContain('ต่ำ 1–4, ปานกลาง 5–12, สูง 13–19, สูงมาก 20–25')
    expect(page).toContain('ช่วงคะแนนของแต่ละระดับที่หน่วยงานกำหนดสำหรับปีนี้')
    expect(page).toMatch(/<td data-cell="3-4">12 ปานกลาง: <strong>R1<\/strong><\/td>/)
    const docx = await docxToText(Buffer.from(await (await cl.get(`${y}/assessment.docx`)).arrayBuffer()))
    expect(docx).toContain('12 / ปานกลาง')
    await computeStatistics(t.deps, { moduleId: 'risks' })
    expect((await agencyStatistics(t.deps.db, o.id, 2571)).find((f) => f.module === 'risks' && f.key === 'highResidual')?.value).toBe(0)
    expect(await inOrg(t.deps.db, o.id, (tx) => tx.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.action, 'risks.bands')))).toHaveLength(1)
    await saveBands(c2, 2571, null)
    expect((await listRisks(c2, { fiscalYear: 2571, level: 'high', page: 1 })).total).toBe(1)
  })

  it('offers a year\'s register and monitoring as evidence that counts only when published, controlled or monitored, of the year; and figures', async () => {
    const o = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, o, 'officer')
    const c2 = useCaseCtx(t, o.id, u) as OrgUseCaseCtx
    const r = await buildRisk(t.deps.db, o.id, { fiscalYear: 2566, likelihood: 4, impact: 4 })
    expect((await registerEvidence.check(c2, ['2566'], 2566)).get('2566')?.reason?.th).toContain('ยังไม่มีความเสี่ยงที่เผยแพร่')
    await inOrg(t.deps.db, o.id, (tx) => tx.update(risks).set({ status: 'published', publishedAt: new Date() }).where(eq(risks.id, r.id)))
    expect((await registerEvidence.check(c2, ['2566'], 2566)).get('2566')?.reason?.th).toContain('มาตรการควบคุม')
    const m = await buildMeasure(t.deps.db, o.id, 2566, 'มาตรการป้องกันการขัดกันระหว่างผลประโยชน์')
    await addControl(c2, r.id, m.id)
    expect((await registerEvidence.check(c2, ['2566'], 2566)).get('2566')).toEqual({ ok: true, reason: null })
    expect((await registerEvidence.check(c2, ['2566'], 2567)).get('2566')?.reason?.th).toContain('2566')
    expect((await monitoringEvidence.check(c2, ['2566'], 2566)).get('2566')?.ok).toBe(false)
    await buildRound(t.deps.db, o.id, r.id, 6)
    await buildRound(t.deps.db, o.id, r.id, 12)
    expect((await monitoringEvidence.check(c2, ['2566'], 2566)).get('2566')?.ok).toBe(true)
    const [rec] = await registerEvidence.describe(c2, ['2566', 'x'])
    expect(rec).toMatchObject({ id: '2566', title: 'ทะเบียนและรายงานการประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ 2566', publicPath: `/o/${o.slug}/risks/2566` })
    expect((await registerEvidence.search(c2, { fiscalYear: 2566, limit: 5 })).map((x) => x.id)).toEqual(['2566'])
    await computeStatistics(t.deps, { moduleId: 'risks' })
    const figures = (await agencyStatistics(t.deps.db, o.id, 2566)).filter((f) => f.module === 'risks')
    expect(Object.fromEntries(figures.map((f) => [f.key, Number(f.value)]))).toEqual({ risks: 1, highResidual: 1, monitoredPercent: 100 })
  })
})
