import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { htmlToText, normalizeSpace } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { bankQuestions } from '../../domain/ita/self-assessment.js'
import { loadFramework } from '../../domain/ita/framework.load.js'
import { saveScores } from '../assessment/index.js'
import { getSurvey } from '../surveys/index.js'
import { roundQuestions } from './self-assessment.schema.js'
import { createRound, roundView } from './self-assessment.service.js'
import { issueLinkPaths } from './testing/factories.js'

describe('self-assessment: rounds, answers through the survey, estimates', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/self-assessment`
  const text = async (c: TestClient, path: string) => normalizeSpace(htmlToText(await (await c.get(path)).text()))

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('bad input answers 422 with the form and its values; EIT says no bank was found; nothing is written', async () => {
    const bad = await officer.post(base(), { fiscalYear: '2024', tool: 'iit', target: 'สามสิบ' }, { csrfFrom: base() })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('value="2024"')
    expect(html).toContain('value="สามสิบ"')
    const eit = await officer.post(base(), { fiscalYear: '2567', tool: 'eit', target: '100' }, { csrfFrom: base() })
    expect(eit.status).toBe(422)
    expect(await eit.text()).toContain('ยังไม่พบข้อคำถาม EIT จากแหล่งข้อมูลหลัก')
    const none = await officer.post(base(), { fiscalYear: '2569', tool: 'iit', target: '30' }, { csrfFrom: base() })
    expect(none.status).toBe(422)
    expect(await none.text()).toContain('ยังไม่มีชุดคำถาม IIT')
    expect(await text(officer, base())).toContain('ยังไม่มีรอบการประเมินตนเอง')
  })

  it('opens an IIT round as a link-only survey of the bank, atomically; a second one of the year is refused', async () => {
    const res = await officer.post(base(), { fiscalYear: '2568', tool: 'iit', target: '25' }, { csrfFrom: base() })
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!
    const v = await roundView(ctx, id)
    const d = await getSurvey(ctx, v.round.surveyId)
    const fw = await loadFramework(2568)
    expect(d.s).toMatchObject({ access: 'link', status: 'open', fiscalYear: 2568 })
    expect(d.questions).toHaveLength(bankQuestions(fw, 'iit').length)
    expect(d.questions[0]).toMatchObject({ kind: 'single', section: 'I1 (ตัวชี้วัดที่ 1)', choices: fw.answerScales!.four_level!.labelsTh.map((th) => ({ th, en: '' })) })
    const map = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(roundQuestions).where(eq(roundQuestions.roundId, id)))
    expect(map).toHaveLength(d.questions.length)
    const dup = await officer.post(base(), { fiscalYear: '2568', tool: 'iit', target: '25' }, { csrfFrom: base() })
    expect(dup.status).toBe(409)
    expect(await dup.text()).toContain('มีรอบการประเมินตนเองของแบบวัดนี้ในปีนี้แล้ว')
    const audits = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id)))
    expect(audits.map((a) => a.action)).toEqual(['self-assessment.create'])
  })

  it('estimates only from five sheets on; the estimate equals the hand computation; last year beside it; a weak item opens its plan quoted', async () => {
    await saveScores(ctx, 2566, { scores: { 1: 90.12, 2: 88, 3: 79.5, 4: 91, 5: 84.25, 6: 90, 7: 85, 8: 87.99, 9: 70, 10: 80 } })
    const r = await createRound(ctx, { fiscalYear: 2567, tool: 'iit', target: 10 })
    const d = await getSurvey(ctx, r.surveyId)
    const links = await issueLinkPaths(officer, org.slug, r.surveyId, 6)
    // Every sheet answers every question; indicator 1's questions: i1 ×2, i2, i3 ×3 (4-level), i4–i6 ×3 (มี/ไม่มี).
    const sheet = (four: number, yesNo: number) => Object.fromEntries(d.questions.map((q) => [`q-${q.id}`, String(q.choices.length === 2 ? yesNo : four)]))
    const answer = async (path: string, four: number, yesNo: number) => expect((await new TestClient(t.app).post(path, sheet(four, yesNo))).status).toBe(200)
    for (const [i, path] of links.slice(0, 4).entries()) await answer(path, i % 2 ? 3 : 2, 1) // มากที่สุด / มาก; ไม่มี
    let page = await text(officer, `${base()}/${r.id}`)
    expect(page).toContain('ผู้ตอบ 4 คน น้อยกว่า 5 คน จึงยังไม่แสดงคะแนนโดยประมาณ')
    expect(page).toContain('ค่าประมาณจากกลุ่มตัวอย่างภายในหน่วยงาน ไม่ใช่ผลการประเมินของ ป.ป.ช.')
    await answer(links[4]!, 0, 0) // น้อยที่สุด; มี
    const v = await roundView(ctx, r.id)
    expect(v.responses).toBe(5)
    // Indicator 1 by hand: four-level items (i1, i2, i3) score (67+100+67+100+0)/5 = 66.8 each;
    // yes/no items i4–i6 (มี = 0, ไม่มี = 100) score (100·4 + 0)/5 = 80 each → (3·66.8 + 3·80)/6 = 73.4.
    const ind1 = v.predictions.find((p) => p.indicator === 1)!
    expect(ind1.items.map((i) => [i.code, i.score])).toEqual([['i1', 66.8], ['i2', 66.8], ['i3', 66.8], ['i4', 80], ['i5', 80], ['i6', 80]])
    expect(ind1.score).toBe(73.4)
    expect(ind1.respondents).toBe(5)
    page = await text(officer, `${base()}/${r.id}`)
    expect(page).toContain('ตัวชี้วัดที่ 1')
    expect(page).toMatch(/73\.40 ± \d+\.\d\d 90\.12 11\.60/)
    // The weakest item links to its indicator's plan with the item quoted into the weaknesses.
    const html = await (await officer.get(`${base()}/${r.id}`)).text()
    const href = html.match(/href="([^"]*\/ita\/2567\/plans\/\d+\?quote=[^"]+)"/)![1]!.replaceAll('&amp;', '&')
    const plan = await (await officer.get(href)).text()
    expect(plan).toContain('ผลการประเมินตนเองปี 2567 ข้อ')
    expect(plan).toContain('ได้คะแนนโดยประมาณ')
    // The spent links are gone; the sixth still works once.
    expect((await new TestClient(t.app).get(links[0]!)).status).toBe(410)
    expect((await new TestClient(t.app).get(links[5]!)).status).toBe(200)
  })

  it('another agency sees none of it', async () => {
    const r = await createRound(ctx, { fiscalYear: 2566, tool: 'iit', target: 5 })
    const other = await buildOrg(t.deps.db)
    const admin = await buildUser(t.deps.db, other, 'agency_admin')
    const c = new TestClient(t.app)
    await c.signIn(other.slug, admin.email, TEST_PASSWORD)
    expect((await c.get(`/o/${other.slug}/admin/self-assessment/${r.id}`)).status).toBe(404)
    expect(await text(c, `/o/${other.slug}/admin/self-assessment`)).toContain('ยังไม่มีรอบการประเมินตนเอง')
  })
})
