import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { readPdf } from '../../platform/documents/extract.js'
import { htmlToText, normalizeSpace, squash } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { computeStatistics, agencyStatistics } from '../../platform/stats/statistics.js'
import { resetSpamLimit, SPAM_LIMIT } from './answer.routes.js'
import { readAnswers } from './answering.js'
import { surveysEvidence } from './contracts.js'
import { questionResult, surveyResults } from './results.js'
import { surveyResponses, type Question } from './surveys.schema.js'
import { addQuestion, copySurvey, createSurvey, getSurvey, listSurveys, openSurvey, type SurveyInput } from './surveys.service.js'
import { buildPoint, buildQuestions, buildSurvey } from './testing/factories.js'

const canonical = (s: string) => s.replace(/ํ([่-๋]?)า/g, '$1ำ')

describe('surveys: build, answer, results', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const viewer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/surveys`
  const input = (o: Partial<SurveyInput> = {}): SurveyInput => ({ title: 'ความพึงพอใจต่อการให้บริการ งานทะเบียนราษฎร', intro: '', fiscalYear: 2566, unitId: null, access: 'open', closesOn: null, ...o })
  const text = async (c: TestClient, path: string) => normalizeSpace(htmlToText(await (await c.get(path)).text()))

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    const v = await buildUser(t.deps.db, org, 'viewer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, v.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  it('bad input answers 422 with the same form, a Thai error summary and every value kept; nothing is written', async () => {
    const res = await officer.post(`${base()}/new`, { template: 'service-satisfaction', title: 'แบบสำรวจ ก', intro: 'คำชี้แจง', fiscalYear: '2023', access: 'open', closesOn: '30/09/2023' }, { csrfFrom: `${base()}/new` })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('value="แบบสำรวจ ก"')
    expect(html).toContain('value="30/09/2023"')
    expect(html).toMatch(/พ\.ศ\./)
    expect((await listSurveys(ctx, { page: 1 })).total).toBe(0)
    const badQ = await buildSurvey(t.deps.db, org.id, { status: 'draft' })
    const q = await officer.post(`${base()}/${badQ.id}/questions/new`, { kind: 'single', textTh: 'มาติดต่อเรื่องใด', choices: 'ภาษี', required: 'on' }, { csrfFrom: `${base()}/${badQ.id}/questions/new` })
    expect(q.status).toBe(422)
    const qh = await q.text()
    expect(qh).toContain('ตัวเลือกต้องมี 2–20 บรรทัด')
    expect(qh).toContain('มาติดต่อเรื่องใด')
  })

  it('creates from the standard template, builds in draft only, opens, copies to next year; every step audited', async () => {
    const res = await officer.post(`${base()}/new`, { template: 'service-satisfaction', title: 'ความพึงพอใจ กองคลัง', intro: '', fiscalYear: '2566', access: 'open', closesOn: '30/09/2566' }, { csrfFrom: `${base()}/new` })
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!
    let d = await getSurvey(ctx, id)
    expect(d.questions).toHaveLength(11)
    expect(d.questions.map((q) => q.section)).toContain('ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ')
    expect(d.s.closesOn).toBe('2023-09-30')
    // A draft cannot be answered.
    expect((await new TestClient(t.app).get(`/o/${org.slug}/surveys/r/${id}`)).status).toBe(404)
    expect((await officer.post(`${base()}/${id}/points`, { name: 'กองคลัง งานจัดเก็บรายได้' }, { csrfFrom: `${base()}/${id}` })).status).toBe(303)
    const dup = await officer.post(`${base()}/${id}/points`, { name: 'กองคลัง งานจัดเก็บรายได้' }, { csrfFrom: `${base()}/${id}` })
    expect(dup.status).toBe(409)
    expect(await dup.text()).toContain('มีจุดบริการชื่อนี้แล้ว')
    expect((await officer.post(`${base()}/${id}/open`, {}, { csrfFrom: `${base()}/${id}` })).status).toBe(303)
    // Once open, the questions are fixed.
    const late = await officer.post(`${base()}/${id}/questions/new`, { kind: 'likert', textTh: 'ข้อใหม่', required: 'on' }, { csrfFrom: `${base()}/${id}` })
    expect(late.status).toBe(409)
    expect(await late.text()).toContain('ทำได้เฉพาะฉบับร่าง')
    const del = await officer.post(`${base()}/${id}/delete`, {}, { csrfFrom: `${base()}/${id}` })
    expect(del.status).toBe(409)
    const page = await text(officer, `${base()}/${id}`)
    expect(page).toContain('ปีงบประมาณ 2566 · เปิดรับคำตอบ · ทุกคนที่มีลิงก์หรือ QR · ผู้ตอบ 0 คน')
    expect(page).toContain(`/o/${org.slug}/surveys/r/${id}?p=`)
    const copy = await copySurvey(ctx, id)
    expect([copy.fiscalYear, copy.status]).toEqual([2567, 'draft'])
    d = await getSurvey(ctx, copy.id)
    expect([d.questions.length, d.points.map((p) => p.name)]).toEqual([11, ['กองคลัง งานจัดเก็บรายได้']])
    await expect(copySurvey(ctx, id)).rejects.toMatchObject({ status: 409 })
    const actions = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)))
    expect(actions.map((a) => a.action)).toEqual(['surveys.create', 'surveys.point.add', 'surveys.open'])
    // Delete a draft only after the confirmation page.
    expect(await text(officer, `${base()}/${copy.id}/delete`)).toContain('คำถาม 11 ข้อ และจุดบริการ 1 จุด')
    expect((await officer.post(`${base()}/${copy.id}/delete`, {}, { csrfFrom: `${base()}/${copy.id}/delete` })).status).toBe(303)
    await expect(getSurvey(ctx, copy.id)).rejects.toMatchObject({ status: 404 })
  })

  it('takes an answer on the public link: 422 keeps the values, then thanks; a closed survey takes none', async () => {
    resetSpamLimit()
    const s = await buildSurvey(t.deps.db, org.id, { title: 'แบบสำรวจหน้าเว็บ' })
    const qs = await buildQuestions(t.deps.db, org.id, s.id)
    const p = await buildPoint(t.deps.db, org.id, s.id, 'งานทะเบียน')
    const anon = new TestClient(t.app)
    const path = `/o/${org.slug}/surveys/r/${s.id}?p=${p.id}`
    const form = await text(anon, path)
    expect(form).toContain('จุดบริการ: งานทะเบียน')
    expect(form).toContain('มากที่สุด')
    const bad = await anon.post(path, { [`q-${qs[2]!.id}`]: '1', [`q-${qs[3]!.id}`]: 'ที่จอดรถไม่พอ' })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('ข้อ 1: โปรดตอบข้อนี้')
    expect(badHtml).toContain('ข้อ 2: โปรดตอบข้อนี้')
    expect(badHtml).toContain('ที่จอดรถไม่พอ')
    expect(badHtml).toMatch(new RegExp(`value="1" checked=""`))
    const wrong = await anon.post(path, { [`q-${qs[0]!.id}`]: '6', [`q-${qs[1]!.id}`]: '9' })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('ข้อ 1: โปรดเลือกจากตัวเลือกที่มี')
    const ok = await anon.post(path, { [`q-${qs[0]!.id}`]: '๕', [`q-${qs[1]!.id}`]: '1' })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('ขอบคุณที่ตอบแบบสำรวจ')
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id)))
    expect(rows.map((r) => [r.pointId, r.via, r.answers])).toEqual([[p.id, 'web', { [qs[0]!.id]: 5, [qs[1]!.id]: 1 }]])
    // A point of another survey, or a survey of another agency, is not found.
    const other = await buildSurvey(t.deps.db, org.id)
    expect((await anon.get(`/o/${org.slug}/surveys/r/${other.id}?p=${p.id}`)).status).toBe(404)
    const foreign = await buildOrg(t.deps.db)
    expect((await anon.get(`/o/${foreign.slug}/surveys/r/${s.id}`)).status).toBe(404)
    // Closed by date: the page says so.
    const past = await buildSurvey(t.deps.db, org.id, { closesOn: '2023-09-30' })
    const closed = await anon.get(`/o/${org.slug}/surveys/r/${past.id}`)
    expect(closed.status).toBe(409)
    expect(await closed.text()).toContain('ปิดรับคำตอบแล้ว')
  })

  it('one answer per device is a cookie (best effort); a link-only survey needs its link; spam is limited in memory', async () => {
    resetSpamLimit()
    const s = await buildSurvey(t.deps.db, org.id, { access: 'device' })
    const qs = await buildQuestions(t.deps.db, org.id, s.id)
    const phone = new TestClient(t.app)
    const path = `/o/${org.slug}/surveys/r/${s.id}`
    expect((await phone.post(path, { [`q-${qs[0]!.id}`]: '4', [`q-${qs[1]!.id}`]: '0' })).status).toBe(200)
    const again = await phone.get(path)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('เครื่องนี้ตอบแบบสำรวจนี้แล้ว')
    const linkOnly = await buildSurvey(t.deps.db, org.id, { access: 'link' })
    const needs = await phone.get(`/o/${org.slug}/surveys/r/${linkOnly.id}`)
    expect(needs.status).toBe(403)
    expect(await needs.text()).toContain('ตอบได้ด้วยลิงก์ที่หน่วยงานแจกให้เท่านั้น')
    expect((await phone.get(`/o/${org.slug}/surveys/r/${linkOnly.id}/t/${'x'.repeat(43)}`)).status).toBe(410)
    const open = await buildSurvey(t.deps.db, org.id)
    const oq = await buildQuestions(t.deps.db, org.id, open.id)
    const sheet = { [`q-${oq[0]!.id}`]: '3', [`q-${oq[1]!.id}`]: '0' }
    resetSpamLimit()
    for (let i = 0; i < SPAM_LIMIT; i++) expect((await phone.post(`/o/${org.slug}/surveys/r/${open.id}`, sheet)).status).toBe(200)
    const spam = await phone.post(`/o/${org.slug}/surveys/r/${open.id}`, sheet)
    expect(spam.status).toBe(429)
    expect(await spam.text()).toContain('มากเกินไป')
    resetSpamLimit()
  })

  it('issues single-use links as slips or CSV, shown once; staff key in paper sheets, marked and audited', async () => {
    resetSpamLimit()
    const s = await buildSurvey(t.deps.db, org.id, { access: 'link', title: 'แบบสำรวจบุคลากร' })
    const qs = await buildQuestions(t.deps.db, org.id, s.id)
    const slips = await officer.post(`${base()}/${s.id}/links`, { label: 'กองคลัง', count: '3' }, { csrfFrom: `${base()}/${s.id}` })
    expect(slips.status).toBe(200)
    const html = await slips.text()
    expect(html.match(/class="link-slip"/g)).toHaveLength(3)
    const csv = await officer.post(`${base()}/${s.id}/links`, { label: 'กองช่าง', count: '2', format: 'csv' }, { csrfFrom: `${base()}/${s.id}` })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const urls = (await csv.text()).trim().split(/\r\n/).slice(1)
    expect(urls).toHaveLength(2)
    const tooMany = await officer.post(`${base()}/${s.id}/links`, { label: 'ทั้งหมด', count: '5000' }, { csrfFrom: `${base()}/${s.id}` })
    expect(tooMany.status).toBe(422)
    expect(await tooMany.text()).toContain('value="ทั้งหมด"')
    const anon = new TestClient(t.app)
    const path = new URL(urls[0]!).pathname
    expect((await anon.get(path)).status).toBe(200)
    expect((await anon.post(path, { [`q-${qs[0]!.id}`]: '5', [`q-${qs[1]!.id}`]: '0' })).status).toBe(200)
    expect(await text(officer, `${base()}/${s.id}`)).toContain('กองช่าง: ออก 2 ลิงก์ ยังไม่ได้ใช้ 1 ลิงก์')

    const paperPath = `${base()}/${s.id}/paper`
    const badPaper = await officer.post(paperPath, { answeredOn: '01/05/2566', [`q-${qs[1]!.id}`]: '1' }, { csrfFrom: paperPath })
    expect(badPaper.status).toBe(422)
    expect(await badPaper.text()).toContain('value="01/05/2566"')
    const future = await officer.post(paperPath, { answeredOn: '01/05/2600', [`q-${qs[0]!.id}`]: '4', [`q-${qs[1]!.id}`]: '1' }, { csrfFrom: paperPath })
    expect(future.status).toBe(422)
    const next = await officer.post(paperPath, { answeredOn: '01/05/2566', [`q-${qs[0]!.id}`]: '4', [`q-${qs[1]!.id}`]: '1', next: '1' }, { csrfFrom: paperPath })
    expect(next.status).toBe(200)
    expect(await next.text()).toContain('value="01/05/2566"') // the day stays for the next sheet
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s.id)))
    expect(rows.map((r) => [r.via, r.answeredOn]).sort()).toEqual([['paper', '2023-05-01'], ['web', expect.any(String) as string]].sort())
    const audits = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, s.id)))
    expect(audits.map((a) => a.action)).toEqual(['surveys.links', 'surveys.links', 'surveys.paper'])
    // The viewer may see but not build.
    expect((await viewer.post(`${base()}/${s.id}/links`, { label: 'x', count: '1' }, { csrfFrom: `${base()}/${s.id}` })).status).toBe(403)
  })

  it('reads answers: Thai digits, multi choices, long text limits (pure)', () => {
    const q = (o: Partial<Question>): Question => ({ orgId: 'o', id: 'a', surveyId: 's', position: 1, section: '', kind: 'likert', textTh: 'ข้อ', textEn: '', choices: [], required: true, ...o })
    const qs = [q({ id: 'l' }), q({ id: 'm', position: 2, kind: 'multi', choices: [{ th: 'ก', en: '' }, { th: 'ข', en: '' }], required: false }), q({ id: 't', position: 3, kind: 'long', required: false })]
    expect(readAnswers(qs, { 'q-l': '๔', 'q-m': ['1', '0', '1'] }, 'th')).toEqual({ ok: true, answers: { l: 4, m: [0, 1] } })
    expect(readAnswers(qs, { 'q-l': '4', 'q-t': 'ก'.repeat(3001) }, 'th')).toEqual({ ok: false, errors: { 'q-t': 'ข้อ 3: ยาวได้ไม่เกิน 3,000 ตัวอักษร (ตอนนี้ 3,001) ข้อความยังอยู่ในช่อง' } })
    expect(readAnswers(qs, { 'q-m': '2' }, 'en')).toEqual({ ok: false, errors: { 'q-l': 'Question 1: please answer', 'q-m': 'Question 2: choose one of the choices given' } })
  })

  it('results: the mean and distribution equal a hand count; groups under 5 are suppressed; XLSX, poster PDF, evidence and statistics agree', async () => {
    const s = await buildSurvey(t.deps.db, org.id, { title: 'ผลสำรวจทดสอบ', fiscalYear: 2566 })
    const qs = await buildQuestions(t.deps.db, org.id, s.id)
    const a = await buildPoint(t.deps.db, org.id, s.id, 'จุด ก')
    const b = await buildPoint(t.deps.db, org.id, s.id, 'จุด ข')
    // Seven sheets at ก (levels 5 5 4 4 4 3 2 → mean 27/7 = 3.857 → 3.86), two at ข (5, 1).
    const sheets = [
      [a.id, 5, '2023-05-02'], [a.id, 5, '2023-05-03'], [a.id, 4, '2023-05-09'], [a.id, 4, '2023-06-01'], [a.id, 4, '2023-06-02'], [a.id, 3, '2023-06-05'], [a.id, 2, '2023-06-06'],
      [b.id, 5, '2023-06-07'], [b.id, 1, '2023-06-08'],
    ] as const
    await inOrg(t.deps.db, org.id, (tx) => tx.insert(surveyResponses).values(sheets.map(([pointId, v, day], i) => ({ orgId: org.id, surveyId: s.id, pointId, answeredOn: day, via: 'web' as const, answers: { [qs[0]!.id]: v, [qs[1]!.id]: i % 2, ...(i === 0 ? { [qs[3]!.id]: 'ขอบคุณเจ้าหน้าที่' } : {}) }, sealed: true }))))
    const all = await surveyResults(ctx, s.id)
    expect(all.total).toBe(9)
    // (5+5+4+4+4+3+2+5+1)/9 = 33/9 = 3.666… → 3.67; distribution of levels 1..5.
    expect(all.questions[0]).toMatchObject({ answered: 9, mean: 3.67, dist: [1, 1, 1, 3, 3] })
    expect(all.questions[1]!.dist).toEqual([5, 4])
    expect(all.questions[3]!.texts).toEqual(['ขอบคุณเจ้าหน้าที่'])
    expect(all.byPoint).toEqual([{ pointId: a.id, n: 7 }, { pointId: b.id, n: 2 }])
    expect(all.byMonth).toEqual([{ month: '2023-05', n: 3 }, { month: '2023-06', n: 6 }])
    expect((await surveyResults(ctx, s.id, { pointId: a.id })).questions[0]).toMatchObject({ mean: 3.86 })
    const small = await surveyResults(ctx, s.id, { pointId: b.id })
    expect([small.total, small.suppressed, small.questions[0]!.answered]).toEqual([2, true, 0])
    expect(questionResult(qs[0]!, [{ [qs[0]!.id]: 2 }, { [qs[0]!.id]: 3 }], false)).toMatchObject({ mean: 2.5, dist: [0, 1, 1, 0, 0] })

    const staff = await text(officer, `${base()}/${s.id}/results`)
    expect(staff).toContain('ค่าเฉลี่ย 3.67 จาก 5')
    expect(staff).toContain('ขอบคุณเจ้าหน้าที่')
    expect(await text(viewer, `${base()}/${s.id}/results`)).not.toContain('ขอบคุณเจ้าหน้าที่') // free texts need surveys.comments
    expect(await text(officer, `${base()}/${s.id}/results?point=${b.id}`)).toContain('ผู้ตอบในกลุ่มนี้น้อยกว่า 5 คน')
    const pub = await text(new TestClient(t.app), `/o/${org.slug}/surveys/${s.id}/results`)
    expect(pub).toContain('ค่าเฉลี่ย 3.67 จาก 5')
    expect(pub).toContain('จุด ข น้อยกว่า 5')
    expect(pub).not.toContain('ขอบคุณเจ้าหน้าที่')

    const xlsx = await officer.get(`${base()}/${s.id}/results.xlsx`)
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer)
    const ws = wb.getWorksheet('สรุปผล')!
    const rowOf = (text: string) => ws.getSheetValues().find((r) => Array.isArray(r) && r.includes(text)) as unknown[]
    expect(rowOf('เจ้าหน้าที่สุภาพ เต็มใจให้บริการ').slice(1)).toEqual([1, 'ด้านเจ้าหน้าที่', 'เจ้าหน้าที่สุภาพ เต็มใจให้บริการ', 9, 3.67, 1, 1, 1, 3, 3])
    expect(wb.getWorksheet('ข้อเสนอแนะ')!.getRow(2).values).toEqual([undefined, 'ข้อเสนอแนะ', 'ขอบคุณเจ้าหน้าที่'])

    const poster = await officer.get(`${base()}/${s.id}/poster.pdf?point=${a.id}`)
    expect(poster.headers.get('content-type')).toBe('application/pdf')
    const pdf = await readPdf(new Uint8Array(await poster.arrayBuffer()))
    const ptext = squash(canonical(pdf.pages.join('\n')))
    for (const line of ['ประเมินความพึงพอใจ', 'ผลสำรวจทดสอบ', 'จุดบริการ: จุด ก', 'สแกน QR ด้วยกล้องโทรศัพท์ ไม่ต้องระบุชื่อ']) expect(ptext, line).toContain(squash(line))
    for (const f of pdf.fonts) expect([f.name, f.embedded]).toEqual([expect.stringMatching(/Laksaman/), true])

    const checks = await surveysEvidence.check(ctx, [s.id], 2566)
    expect(checks.get(s.id)).toEqual({ ok: true, reason: null })
    expect((await surveysEvidence.check(ctx, [s.id], 2567)).get(s.id)?.ok).toBe(false)
    const [rec] = await surveysEvidence.describe(ctx, [s.id])
    expect(rec).toMatchObject({ title: 'ผลสำรวจ: ผลสำรวจทดสอบ', publicPath: `/o/${org.slug}/surveys/${s.id}/results` })
    await computeStatistics(t.deps, { moduleId: 'surveys' })
    const figures = (await agencyStatistics(t.deps.db, org.id, 2566)).filter((f) => f.module === 'surveys')
    const responses = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(surveyResponses))
    expect(figures.find((f) => f.key === 'responses')?.value).toBe(responses.length)
  })

  it('adds questions to a draft in order and refuses to open an empty one', async () => {
    const s = await createSurvey(ctx, input({ title: 'แบบสำรวจว่าง', fiscalYear: 2567 }))
    await expect(openSurvey(ctx, s.id)).rejects.toMatchObject({ status: 409 })
    await addQuestion(ctx, s.id, { section: '', kind: 'likert', textTh: 'ข้อหนึ่ง', textEn: '', choices: [], required: true })
    const q2 = await addQuestion(ctx, s.id, { section: '', kind: 'short', textTh: 'ข้อสอง', textEn: '', choices: [], required: false })
    expect(q2.position).toBe(2)
    expect((await officer.post(`${base()}/${s.id}/questions/${q2.id}/move`, { dir: 'up' }, { csrfFrom: `${base()}/${s.id}` })).status).toBe(303)
    expect((await getSurvey(ctx, s.id)).questions.map((q) => q.textTh)).toEqual(['ข้อสอง', 'ข้อหนึ่ง'])
    expect((await openSurvey(ctx, s.id)).status).toBe('open')
    const list = await text(officer, `${base()}?fy=2567&status=open`)
    expect(list).toContain('แบบสำรวจว่าง')
    expect(await text(officer, `${base()}?q=ไม่มีชื่อนี้`)).toContain('ไม่พบแบบสำรวจที่ตรงกับการค้นหา')
  })
})
