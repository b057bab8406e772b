import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { people } from '../../platform/people/people.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { createQuestion, deleteQuestion, listQuestions, updateQuestion } from './questions.js'
import { issueAnswerLinks, myAnswering, openAnswerLink, sessionResults, setTest, submitByLink, submitMine } from './answers.js'
import { recordAttendance, signUp } from './attendance.js'
import { reportFigures } from './figures.js'
import { buildAttendee, buildPerson, buildSession } from './testing/factories.js'
import type { Question } from './trainings.schema.js'

// The hand-worked example (also in the README): four questions; five signed up, four present.
//   pre:  A 1/4, B 2/4, C 0/4            → average 1 of 4 = 25 %
//   post: A 3/4, B 4/4, C 2/4, D 3/4     → average 3 of 4 = 75 %   → improvement 50 points; 3 took both, 3 improved
//   evaluation: A 5 4 4 3 5 · B 4 4 5 4 4 · C 5 5 3 4 5 → 14/3, 13/3, 4, 11/3, 14/3; all 64/15
//   attendance: 4 of 5 = 80 %
const PRE = { A: 1, B: 2, C: 0 } as const
const POST = { A: 3, B: 4, C: 2, D: 3 } as const
const EVAL = { A: [5, 4, 4, 3, 5], B: [4, 4, 5, 4, 4], C: [5, 5, 3, 4, 5] } as const

describe('trainings: question bank, pre/post-test, evaluation and the report figures', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  let viewerCtx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const viewer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/trainings`
  const qs: Question[] = []

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    const v = await buildUser(t.deps.db, org, 'viewer')
    viewerCtx = useCaseCtx(t, org.id, v) as OrgUseCaseCtx
    const vp = await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวผู้ดู ตอบเอง', kind: 'contract_employee' })
    await inOrg(t.deps.db, org.id, (tx) => tx.update(people).set({ userId: v.id }).where(eq(people.id, vp.id)))
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, v.email, TEST_PASSWORD)).status).toBe(303)
    for (const [i, text] of ['ผลประโยชน์ทับซ้อนคืออะไร', 'ข้อใดเป็นการรับงานนอกที่ขัดกัน', 'ของขวัญมูลค่าเท่าใดรับได้', 'ผู้ใดรับเรื่องร้องเรียนการทุจริต'].entries())
      qs.push(await createQuestion(ctx, { subject: 'ผลประโยชน์ทับซ้อน', text, choices: ['ก', 'ข', 'ค', 'ง'], correct: i % 4 }))
  })
  afterAll(() => t.close())

  it('the figures of a hand-worked example, exactly (pure)', () => {
    const people = ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, kind: 'staff' as const, status: id === 'E' ? ('absent' as const) : ('present' as const) }))
    const answers = [...Object.entries(PRE).map(([id, score]) => ({ attendeeId: id, phase: 'pre' as const, score, total: 4 })), ...Object.entries(POST).map(([id, score]) => ({ attendeeId: id, phase: 'post' as const, score, total: 4 }))]
    const f = reportFigures(people, answers, Object.values(EVAL).map((r) => ({ ratings: [...r], comment: '' })))
    expect(f.attendance).toEqual({ registered: 5, present: 4, absent: 1, outside: 0, percent: 80 })
    expect(f.pre).toEqual({ takers: 3, averageScore: 1, averagePercent: 25, total: 4 })
    expect(f.post).toEqual({ takers: 4, averageScore: 3, averagePercent: 75, total: 4 })
    expect(f.improvement).toBe(50)
    expect([f.paired, f.improved]).toEqual([3, 3])
    expect(f.evaluation.items.map((i) => i.average)).toEqual([14 / 3, 13 / 3, 4, 11 / 3, 14 / 3])
    expect(f.evaluation.overall).toBe(64 / 15)
  })

  it('the question bank: bad input 422 with values kept; a question answered cannot change, one in a test cannot be deleted', async () => {
    const bad = await officer.post(`${base()}/questions/new`, { subject: 'หมวดที่พิมพ์', text: 'คำถามที่พิมพ์', choices: 'ตัวเลือกเดียว', correct: '3' })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('คำถามที่พิมพ์')
    expect(html).toContain('ตัวเลือกต้องมี 2 ถึง 6 ข้อ')
    const wrong = await officer.post(`${base()}/questions/new`, { subject: '', text: 'คำถามเฉลยผิด', choices: 'ก\nข', correct: '๓' })
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('ตัวเลือกที่ 1 ถึง 2')
    expect((await officer.post(`${base()}/questions/new`, { subject: '', text: 'คำถามใหม่ที่ถูกต้อง', choices: 'ใช่\nไม่ใช่', correct: '๑' })).status).toBe(303)
    const made = (await listQuestions(ctx, { q: 'คำถามใหม่ที่ถูกต้อง', page: 1 })).rows[0]!
    expect(made).toMatchObject({ choices: ['ใช่', 'ไม่ใช่'], correct: 0, uses: 0 })
    expect(await (await officer.get(`${base()}/questions/${made.id}/delete`)).text()).toContain('ยืนยันการลบข้อสอบ')
    expect((await officer.post(`${base()}/questions/${made.id}/delete`, {})).status).toBe(303)
    await expect(listQuestions(viewerCtx, { page: 1 })).rejects.toMatchObject({ status: 403 })
  })

  it('runs the example end to end: the test from the bank, answers by single-use links, the figures equal the hand-worked ones', async () => {
    const s = await buildSession(t.deps.db, org.id, { topic: 'อบรมตัวอย่างคำนวณ', status: 'published', publishedAt: new Date() })
    const p: Record<string, string> = {}
    for (const n of ['A', 'B', 'C', 'D', 'E']) p[n] = (await buildPerson(t.deps.db, org.id, { fullName: `นาย${n} ผู้เข้าอบรม` })).id
    await signUp(ctx, s.id, { everyone: false, personIds: Object.values(p) })
    const r0 = await sessionResults(ctx, s.id)
    await recordAttendance(ctx, s.id, r0.attendees.map((a) => ({ id: a.id, status: a.personId === p.E ? 'absent' : 'present' })))
    await expect(issueAnswerLinks(ctx, s.id, 'pre')).rejects.toMatchObject({ status: 409 }) // no test yet
    await expect(setTest(ctx, s.id, [])).rejects.toMatchObject({ status: 422 })
    expect(await setTest(ctx, s.id, qs.map((q) => q.id))).toBe(4)
    // Choices: the first `score` questions answered right, the rest wrong.
    const values = (score: number) => Object.fromEntries(qs.map((q, i) => [`q_${q.id}`, String(i < score ? q.correct : (q.correct + 1) % 4)]))
    const tokenOf = async (form: 'pre' | 'post' | 'eval') => new Map((await issueAnswerLinks(ctx, s.id, form)).map((l) => [l.attendee.personId!, l.token]))
    const pre = await tokenOf('pre')
    expect(pre.size).toBe(5) // every signed-up person without an account
    const first = await openAnswerLink(t.deps.db, org.id, pre.get(p.A!)!)
    expect(first?.questions.map((q) => q.id)).toEqual(qs.map((q) => q.id))
    for (const [n, score] of Object.entries(PRE)) expect(await submitByLink(t.deps.db, org.id, pre.get(p[n]!)!, values(score), 'th', 'test')).toMatchObject({ form: 'pre', score, total: 4 })
    expect(await submitByLink(t.deps.db, org.id, pre.get(p.A!)!, values(4), 'th', 'test')).toBeNull() // spent
    const post = await tokenOf('post')
    expect(post.size).toBe(5)
    for (const [n, score] of Object.entries(POST)) expect(await submitByLink(t.deps.db, org.id, post.get(p[n]!)!, values(score), 'th', 'test')).toMatchObject({ form: 'post', score })
    // D took the post-test: its pre-test link is refused now (409), not scored.
    await expect(openAnswerLink(t.deps.db, org.id, pre.get(p.D!)!)).rejects.toMatchObject({ status: 409 })
    const ev = await tokenOf('eval')
    for (const [n, r] of Object.entries(EVAL)) {
      const v = Object.fromEntries(['content', 'trainer', 'materials', 'venue', 'overall'].map((k, i) => [`r_${k}`, String(r[i])]))
      await submitByLink(t.deps.db, org.id, ev.get(p[n]!)!, { ...v, comment: n === 'A' ? 'อยากให้จัดอบรมทุกปี' : '' }, 'th', 'test')
    }
    const r = await sessionResults(ctx, s.id)
    expect(r.figures.attendance.percent).toBe(80)
    expect(r.figures.pre).toEqual({ takers: 3, averageScore: 1, averagePercent: 25, total: 4 })
    expect(r.figures.post).toEqual({ takers: 4, averageScore: 3, averagePercent: 75, total: 4 })
    expect(r.figures.improvement).toBe(50)
    expect(r.figures.evaluation.items.map((i) => i.average)).toEqual([14 / 3, 13 / 3, 4, 11 / 3, 14 / 3])
    expect(r.figures.evaluation.overall).toBe(64 / 15)
    expect(r.figures.evaluation.comments).toEqual(['อยากให้จัดอบรมทุกปี'])
    const html = await (await officer.get(`${base()}/${s.id}/results`)).text()
    expect(html).toContain('ความรู้เพิ่มขึ้นเฉลี่ย 50.00 จุดร้อยละ (หลังอบรม 75.00 − ก่อนอบรม 25.00)')
    expect(html).toContain('4.27')
    // The bank: a question in an answered test keeps its text and answer; it is never deleted.
    await expect(updateQuestion(ctx, qs[0]!.id, { subject: qs[0]!.subject, text: 'เปลี่ยนคำถาม', choices: qs[0]!.choices, correct: qs[0]!.correct })).rejects.toMatchObject({ status: 409 })
    await updateQuestion(ctx, qs[0]!.id, { subject: 'หมวดใหม่', text: qs[0]!.text, choices: qs[0]!.choices, correct: qs[0]!.correct })
    await expect(deleteQuestion(ctx, qs[0]!.id)).rejects.toMatchObject({ status: 409 })
    await expect(setTest(ctx, s.id, [qs[0]!.id])).rejects.toMatchObject({ status: 409 })
    const audit = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action, label: auditLog.actorLabel }).from(auditLog))
    expect(audit.filter((a) => a.action === 'trainings.test.pre')).toHaveLength(3)
    expect(audit.find((a) => a.action === 'trainings.evaluate')?.label).toMatch(/^person-link:/)
  })

  it('the public link page: the form only, 422 with answers kept and the link unused, then scored once; 410 after', async () => {
    const s = await buildSession(t.deps.db, org.id, { topic: 'อบรมลิงก์สาธารณะ', status: 'published', publishedAt: new Date() })
    const pid = (await buildPerson(t.deps.db, org.id, { fullName: 'นายลิงก์ ไม่มีบัญชี' })).id
    await signUp(ctx, s.id, { everyone: false, personIds: [pid] })
    await setTest(ctx, s.id, qs.slice(0, 2).map((q) => q.id))
    const [link] = await issueAnswerLinks(ctx, s.id, 'pre')
    const anon = new TestClient(t.app)
    const url = `/o/${org.slug}/trainings/answer/${link!.token}`
    const page = await anon.get(url)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('นายลิงก์ ไม่มีบัญชี')
    expect(html).toContain(qs[0]!.text)
    const half = await anon.post(url, { [`q_${qs[0]!.id}`]: String(qs[0]!.correct) })
    expect(half.status).toBe(422)
    const halfHtml = await half.text()
    expect(halfHtml).toContain('กรุณาเลือกคำตอบข้อ 2')
    expect(halfHtml).toMatch(new RegExp(`value="${qs[0]!.correct}" checked`))
    const done = await anon.post(url, { [`q_${qs[0]!.id}`]: String(qs[0]!.correct), [`q_${qs[1]!.id}`]: String(qs[1]!.correct) })
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('ได้ 2 จาก 2 คะแนน')
    expect((await anon.get(url)).status).toBe(410)
    expect((await anon.get(`/o/${org.slug}/trainings/answer/not-a-token`)).status).toBe(410)
  })

  it('staff type in the paper answers of an outside attendee: 422 with the choices kept, scored once, counted in the figures', async () => {
    const s = await buildSession(t.deps.db, org.id, { topic: 'อบรมคำตอบจากกระดาษ', status: 'published', publishedAt: new Date() })
    await setTest(ctx, s.id, qs.slice(0, 2).map((q) => q.id))
    const a = await buildAttendee(t.deps.db, org.id, s.id, { name: 'นายผู้ใหญ่ ตอบบนกระดาษ', status: 'present' })
    const url = `${base()}/${s.id}/paper/${a.id}`
    const results = await (await officer.get(`${base()}/${s.id}/results`)).text()
    expect(results).toContain(`href="${url}/pre"`)
    const half = await officer.post(`${url}/pre`, { [`q_${qs[0]!.id}`]: String(qs[0]!.correct) })
    expect(half.status).toBe(422)
    expect(await half.text()).toMatch(new RegExp(`value="${qs[0]!.correct}" checked`))
    expect((await officer.post(`${url}/pre`, { [`q_${qs[0]!.id}`]: String(qs[0]!.correct), [`q_${qs[1]!.id}`]: String((qs[1]!.correct + 1) % 4) })).status).toBe(303)
    expect((await officer.get(`${url}/pre`)).status).toBe(409)
    expect((await officer.post(`${url}/post`, { [`q_${qs[0]!.id}`]: String(qs[0]!.correct), [`q_${qs[1]!.id}`]: String(qs[1]!.correct) })).status).toBe(303)
    const ratings = Object.fromEntries(['content', 'trainer', 'materials', 'venue', 'overall'].map((k) => [`r_${k}`, '4']))
    expect((await officer.post(`${url}/eval`, { ...ratings, comment: 'เขียนไว้ในแบบประเมินกระดาษ' })).status).toBe(303)
    const r = await sessionResults(ctx, s.id)
    expect(r.answers.map((x) => [x.phase, x.score, x.via])).toEqual([['pre', 1, 'paper'], ['post', 2, 'paper']])
    expect(r.figures.improvement).toBe(50)
    expect(r.evaluations[0]).toMatchObject({ ratings: [4, 4, 4, 4, 4], comment: 'เขียนไว้ในแบบประเมินกระดาษ', via: 'paper' })
    expect((await officer.get(`${base()}/${s.id}/paper/${s.id}/pre`)).status).toBe(404)
    expect((await viewer.get(`${url}/eval`)).status).toBe(403)
  })

  it('the signed-in person answers on their own page: 409 until signed up, 422 with choices kept, once only', async () => {
    const s = await buildSession(t.deps.db, org.id, { topic: 'อบรมตอบเอง', status: 'published', publishedAt: new Date() })
    await setTest(ctx, s.id, qs.slice(0, 2).map((q) => q.id))
    const url = `${base()}/${s.id}/answer`
    const notYet = await viewer.get(`${url}/pre`)
    expect(notYet.status).toBe(409)
    expect(await notYet.text()).toContain('ยังไม่ได้สมัคร')
    expect((await viewer.post(`${base()}/${s.id}/checkin`, {})).status).toBe(303)
    const bad = await viewer.post(`${url}/eval`, { r_content: '5', r_trainer: '9', comment: 'ความเห็นที่พิมพ์ไว้' })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('ความเห็นที่พิมพ์ไว้')
    expect(badHtml).toContain('กรุณาให้คะแนนข้อ 2')
    const ok = await viewer.post(`${url}/pre`, { [`q_${qs[0]!.id}`]: String(qs[0]!.correct), [`q_${qs[1]!.id}`]: String((qs[1]!.correct + 1) % 4) })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('ได้ 1 จาก 2 คะแนน')
    await expect(myAnswering(viewerCtx, s.id, 'pre')).rejects.toMatchObject({ status: 409 })
    await expect(submitMine(viewerCtx, s.id, 'pre', {})).rejects.toMatchObject({ status: 409 })
    expect((await viewer.get(`${url}/nonsense`)).status).toBe(404)
  })
})
