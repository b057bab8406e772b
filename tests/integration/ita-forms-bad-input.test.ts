// Every form of the ITA cycle, given bad input, answers 422 (409 for a stale approval) with the same
// form, the values typed and Thai messages in an error summary that takes focus (issue 15): the year
// opening, scores and score import, plans and progress entries, measures, activities, the report
// settings and approval. Text over a field's limit says the limit and keeps the text; dates are พ.ศ.
// (a C.E. year refused, a date outside the fiscal year asks to confirm); Thai digits are numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { inOrg } from '../../src/db/client.js'
import { indicatorScores, planProgress } from '../../src/modules/assessment/assessment.schema.js'
import { activities, measures } from '../../src/modules/measures/measures.schema.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../support/factories.js'
import { postMultipart } from '../support/multipart.js'

const LONG = 'ก'.repeat(100_000)
const THAI = /[\u0E01-\u0E5B]/

type Case = {
  name: string
  /** The form's own address (its `action`). */
  action: () => string
  send: () => Promise<Response>
  status?: 409 | 422
  /** What the answer must contain: the values typed and the reason in Thai. */
  echoes: () => (string | RegExp)[]
}

describe('ITA cycle forms: bad input answers with the same form, its values and Thai messages', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let exec: TestClient
  let measureId = ''
  const ita = () => `/o/${org.slug}/admin/ita`
  const plan = () => `${ita()}/2567/plans/1`
  const measure = () => `${ita()}/measures/${measureId}`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    officer = new TestClient(t.app)
    exec = new TestClient(t.app)
    expect((await officer.signIn(org.slug, (await buildUser(t.deps.db, org, 'officer')).email, TEST_PASSWORD)).status).toBe(303)
    expect((await exec.signIn(org.slug, (await buildUser(t.deps.db, org, 'executive')).email, TEST_PASSWORD)).status).toBe(303)
    expect((await officer.post(`${ita()}/2567/measures`, { title: 'มาตรการทดสอบ', periodKind: 'fiscal_year' })).status).toBe(303)
    measureId = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(measures)))[0]!.id
  })
  afterAll(() => t.close())

  const cases: Case[] = [
    // เปิดปีงบประมาณ (a GET form: refused the same way)
    ...(['', 'abc', '2024', '9999'] as const).map((fy): Case => ({
      name: `year opening: "${fy}"`,
      action: () => ita(),
      send: () => officer.get(`${ita()}?fy=${encodeURIComponent(fy)}`),
      echoes: () => [`value="${fy}"`, fy === '' ? 'กรุณากรอกปีงบประมาณ' : fy === 'abc' ? 'ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก' : fy === '2024' ? 'หมายถึงปีงบประมาณ 2567 ใช่ไหม' : 'อยู่นอกช่วงที่เปิดได้', 'ปีที่เปิดได้', /ปี พ.ศ. 4 หลัก ระหว่าง \d{4} ถึง \d{4}/],
    })),
    {
      name: 'scores: over 100 and not a number (Thai digits are fine)',
      action: () => `${ita()}/2567/scores`,
      send: () => officer.post(`${ita()}/2567/scores`, { s1: '๙๐.๕', s2: '101', s3: 'สูง' }),
      echoes: () => ['value="๙๐.๕"', 'value="101"', 'value="สูง"', 'ต้องเป็นตัวเลข 0–100'],
    },
    {
      name: 'score import: a CSV neither UTF-8 nor Windows-874',
      action: () => `${ita()}/2567/scores/import`,
      send: () => postMultipart(t.app, officer, `${ita()}/2567/scores/import`, {}, [{ field: 'sheet', name: 'scores.csv', bytes: Uint8Array.from([0xff, 0xfe, 0x31, 0x00, 0x2c, 0x00]) }], { csrfFrom: `${ita()}/2567/scores` }),
      echoes: () => ['บันทึกเป็น UTF-8', 'CSV UTF-8'],
    },
    {
      name: 'plan: a 100,000-character text',
      action: () => plan(),
      send: () => officer.post(plan(), { strengths: LONG, weaknesses: 'จุดอ่อนที่พิมพ์ไว้' }),
      echoes: () => [`>${LONG}</textarea>`, '>จุดอ่อนที่พิมพ์ไว้</textarea>', 'ยาวเกิน 5,000 ตัวอักษร (กรอกไว้ 100,000 ตัวอักษร)'],
    },
    {
      name: 'progress entry: a C.E. year',
      action: () => `${plan()}/progress`,
      send: () => officer.post(`${plan()}/progress`, { entryDate: '2024-03-15', body: 'ประชุมชี้แจง' }, { csrfFrom: plan() }),
      echoes: () => ['value="2024-03-15"', 'ประชุมชี้แจง', 'ถ้าหมายถึง 15/03/2567'],
    },
    {
      name: 'progress entry: a date outside fiscal year 2567 asks to confirm',
      action: () => `${plan()}/progress`,
      send: () => officer.post(`${plan()}/progress`, { entryDate: '15/10/2567', body: 'ติดตามผล' }, { csrfFrom: plan() }),
      echoes: () => ['value="15/10/2567"', 'ติดตามผล', 'อยู่นอกปีงบประมาณ 2567', 'name="entryDate_confirm" type="checkbox" value="2024-10-15"'],
    },
    {
      name: 'progress entry: a 100,000-character text',
      action: () => `${plan()}/progress`,
      send: () => officer.post(`${plan()}/progress`, { entryDate: '15/03/2567', body: LONG }, { csrfFrom: plan() }),
      echoes: () => ['value="15/03/2567"', `>${LONG}</textarea>`, 'ยาวเกิน 5,000 ตัวอักษร'],
    },
    {
      name: 'measure: a 100,000-character name and a day that does not exist',
      action: () => `${ita()}/2567/measures`,
      send: () => officer.post(`${ita()}/2567/measures`, { title: LONG, periodKind: 'range', periodStart: '30/02/2567', periodEnd: '31/03/2567', responsibleText: 'กองคลัง' }),
      echoes: () => [`>${LONG}</textarea>`, 'value="30/02/2567"', 'value="กองคลัง"', 'ยาวเกิน 1,000 ตัวอักษร', 'ไม่มีวันที่นี้ในเดือนที่กรอก'],
    },
    {
      name: 'measure edit: a period outside the fiscal year asks to confirm',
      action: () => measure(),
      send: () => officer.post(measure(), { title: 'มาตรการทดสอบ', periodKind: 'range', periodStart: '01/10/2567', periodEnd: '31/12/2567' }, { csrfFrom: `${measure()}/edit` }),
      echoes: () => ['value="01/10/2567"', 'value="31/12/2567"', 'อยู่นอกปีงบประมาณ 2567'],
    },
    {
      name: 'activity: a C.E. end date and a start outside the year',
      action: () => `${measure()}/activities`,
      send: () => postMultipart(t.app, officer, `${measure()}/activities`, { title: 'อบรมเจ้าหน้าที่', status: 'done', startsOn: '1/1/2568', endsOn: '2025-01-02', note: 'บันทึกที่พิมพ์ไว้' }, [], { csrfFrom: measure() }),
      echoes: () => ['value="อบรมเจ้าหน้าที่"', 'value="1/1/2568"', 'value="2025-01-02"', 'บันทึกที่พิมพ์ไว้', 'อยู่นอกปีงบประมาณ 2567', 'ปี 2025 เป็นปี ค.ศ.'],
    },
    {
      name: 'report settings: a 100,000-character name',
      action: () => `${ita()}/2567/report-settings`,
      send: () => officer.post(`${ita()}/2567/report-settings`, { reporterName: LONG, reporterPosition: 'ปลัดเทศบาล' }, { csrfFrom: `${ita()}/2567/measures` }),
      echoes: () => [`value="${LONG}"`, 'value="ปลัดเทศบาล"', 'ยาวเกิน 200 ตัวอักษร'],
    },
    {
      name: 'approval of a version the executive did not see',
      action: () => `${measure()}/approve`,
      send: () => exec.post(`${measure()}/approve`, { version: '2000-01-01T00:00:00.000Z' }, { csrfFrom: measure() }),
      status: 409,
      echoes: () => ['ถูกแก้ไขหลังจากที่เปิดหน้านี้'],
    },
  ]

  it.each(cases)('$name', async ({ action, send, status, echoes }) => {
    const count = () => inOrg(t.deps.db, org.id, async (tx) => [(await tx.select().from(indicatorScores)).length, (await tx.select().from(planProgress)).length, (await tx.select().from(activities)).length, (await tx.select().from(measures)).length])
    const before = await count()
    const r = await send()
    expect(r.status).toBe(status ?? 422)
    const html = await r.text()
    expect(html).toContain(`action="${action()}"`)
    expect(html).toMatch(/<div class="error-summary"[^>]*autofocus/)
    expect(html).toMatch(/<title>ข้อผิดพลาด: /)
    const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)![0]
    expect(summary).toMatch(THAI)
    expect(summary).not.toContain('คำขอไม่ถูกต้อง')
    for (const e of echoes()) {
      if (typeof e === 'string') expect(html).toContain(e)
      else expect(html).toMatch(e)
    }
    expect(await count()).toEqual(before)
  })

  it('the limits are stated next to the fields before anything goes wrong', async () => {
    const planPage = await (await officer.get(plan())).text()
    expect(planPage).toContain('ไม่เกิน 5,000 ตัวอักษร')
    expect(planPage).toContain('วว/ดด/ปปปป พ.ศ.')
    const measurePage = await (await officer.get(`${ita()}/2567/measures`)).text()
    expect(measurePage).toContain('ไม่เกิน 1,000 ตัวอักษร')
  })

  it('what is accepted: Thai digits in a score, ๒๕๖๗ opens the year, a confirmed date outside the year, 2567-03-15 stored as 2024-03-15', async () => {
    expect((await officer.post(`${ita()}/2567/scores`, { s1: '๙๐.๕' })).status).toBe(303)
    expect((await inOrg(t.deps.db, org.id, (tx) => tx.select().from(indicatorScores).where(eq(indicatorScores.indicator, 1))))[0]!.score).toBe(90.5)
    const open = await officer.get(`${ita()}?fy=${encodeURIComponent('๒๕๖๗')}`)
    expect(open.status).toBe(303)
    expect(open.headers.get('location')).toBe(`${ita()}/2567`)
    expect((await officer.post(`${plan()}/progress`, { entryDate: '15/10/2567', entryDate_confirm: '2024-10-15', body: 'ยืนยันแล้ว' }, { csrfFrom: plan() })).status).toBe(303)
    expect((await officer.post(`${plan()}/progress`, { entryDate: '2567-03-15', body: 'แบบ ISO พ.ศ.' }, { csrfFrom: plan() })).status).toBe(303)
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select({ d: planProgress.entryDate, b: planProgress.body }).from(planProgress))
    expect(rows.map((r) => [r.b, r.d]).sort()).toEqual([['ยืนยันแล้ว', '2024-10-15'], ['แบบ ISO พ.ศ.', '2024-03-15']])
    expect(await (await officer.get(plan())).text()).toContain('15 มีนาคม 2567')
  })
})
