import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { htmlToText, squash } from '../../platform/documents/text.js'
import { savePlan, saveScores } from '../assessment/index.js'
import { loadReportData } from './report.js'

// Issue 14, item 5: a year whose indicators have scores but no analysis printed indicator 10
// only. Every scored indicator is printed, its empty cells marked, and staff are told first.

describe('measures report: scored indicators without a plan', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  const year = 2567

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { settings: { thaiNumerals: false } })
    const o = await buildUser(t.deps.db, org, 'officer')
    officer = new TestClient(t.app)
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
    // Through the assessment module's API, as its own forms do.
    const ctx = useCaseCtx(t, org.id, o)
    await saveScores(ctx, year, { scores: Object.fromEntries(Array.from({ length: 10 }, (_, k) => [k + 1, 70 + k])) })
    await savePlan(ctx, year, 10, { strengths: '', weaknesses: '', guidelines: ['1. จัดทำช่องทางร้องเรียน'], unitIds: [], responsibleText: 'งานนิติการ', period: 'ปีงบประมาณ 2567', progress: ['ดำเนินการแล้ว'], status: 'done' })
  })
  afterAll(async () => {
    await t.close()
  })

  it('the report model holds every scored indicator, in order; the unplanned ones empty', async () => {
    const { report } = await loadReportData(t.deps.db, org, year)
    expect(report.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(report.indicators[0]).toMatchObject({ score: 70, improvementGuidelines: [], progress: [], status: null })
    expect(report.indicators[0]!.name).not.toBe('')
    expect(report.indicators[9]).toMatchObject({ score: 79, improvementGuidelines: ['1. จัดทำช่องทางร้องเรียน'], status: 'done' })
  })

  it('the public report prints all ten and marks what is missing', async () => {
    const anon = new TestClient(t.app)
    const r = await anon.get(`/o/${org.slug}/ita/${year}/measures-report.html`)
    expect(r.status).toBe(200)
    const text = squash(htmlToText(await r.text()))
    for (let n = 1; n <= 10; n++) expect(text).toContain(squash(`ตัวชี้วัดที่ ${n} `))
    expect(text).toContain(squash('(ยังไม่ได้บันทึก)'))
  })

  it('the staff year page warns before publishing, naming the indicators and the empty fields', async () => {
    const r = await officer.get(`/o/${org.slug}/admin/ita/${year}/measures`)
    expect(r.status).toBe(200)
    const html = await r.text()
    const note = /<div class="notice" role="note" id="report-gaps">([^]*?)<\/div>/.exec(html)?.[1]
    expect(note).toBeTruthy()
    expect(note).toContain('ก่อนเผยแพร่รายงานผลการดำเนินการ ปี 2567')
    expect(note).toContain('ตัวชี้วัดที่ 1 ')
    expect(note).toContain('แนวทางในการยกระดับการประเมิน')
    expect(note).not.toContain('ตัวชี้วัดที่ 10 ')
    expect(note).toContain(`/admin/ita/${year}/plans`)
  })
})
