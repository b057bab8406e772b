// Safe score changes (issue 15): a score sheet is previewed (old → new per cell) and changes
// nothing until confirmed; every change is kept (who, when, old → new); the last import can be
// undone. And the scores page: this year beside last year, tool and total rows, an empty year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { postMultipart } from '../../../tests/support/multipart.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { assessments, indicatorScores, scoreChanges, scoreImports } from './assessment.schema.js'

const SEED = [93.59, 75.23, 88.15, 79.8, 81.65, 95.64, 92.38, 87.99, 90.0, 71.25]
const csvOf = (rows: [string, string][]) => new TextEncoder().encode('ตัวชี้วัดที่,ชื่อตัวชี้วัด,คะแนน\r\n' + rows.map(([n, v]) => `${n},ชื่อ,${v}`).join('\r\n') + '\r\n')

describe('score imports: preview, confirm, history, undo', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let other: TestClient
  let stranger: TestClient
  const base = (slug = org.slug) => `/o/${slug}/admin/ita`
  const scores = (year: number) => `${base()}/${year}/scores`
  const state = () =>
    inOrg(t.deps.db, org.id, async (tx) => ({
      scores: (await tx.select().from(indicatorScores)).map((r) => [r.assessmentId, r.indicator, r.score]).sort(),
      assessments: (await tx.select().from(assessments)).map((a) => [a.fiscalYear, a.oitAnswers, a.toolScores]),
      changes: (await tx.select().from(scoreChanges)).length,
    }))
  const scoreOf = async (year: number, n: number) =>
    inOrg(t.deps.db, org.id, async (tx) => {
      const [a] = await tx.select().from(assessments).where(eq(assessments.fiscalYear, year))
      return (await tx.select().from(indicatorScores).where(eq(indicatorScores.assessmentId, a!.id))).find((r) => r.indicator === n)?.score
    })
  const upload = (client: TestClient, year: number, bytes: Uint8Array, name = 'scores.csv') => postMultipart(t.app, client, `${scores(year)}/import`, {}, [{ field: 'sheet', name, bytes }], { csrfFrom: scores(year) })
  const seenOf = (html: string) => /name="seen" value="([^"]+)"/.exec(html)?.[1]

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const o = await buildUser(t.deps.db, org, 'officer')
    const o2 = await buildUser(t.deps.db, org, 'officer')
    const elsewhere = await buildOrg(t.deps.db)
    const s = await buildUser(t.deps.db, elsewhere, 'officer')
    officer = new TestClient(t.app)
    other = new TestClient(t.app)
    stranger = new TestClient(t.app)
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
    expect((await other.signIn(org.slug, o2.email, TEST_PASSWORD)).status).toBe(303)
    expect((await stranger.signIn(elsewhere.slug, s.email, TEST_PASSWORD)).status).toBe(303)
    const form = Object.fromEntries(SEED.map((v, i) => [`s${i + 1}`, v.toFixed(2)]))
    expect((await officer.post(scores(2566), form)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('a 1-row file shows exactly one change in the preview, and the preview changes nothing', async () => {
    const before = await state()
    const r = await upload(officer, 2566, csvOf([['1', '๘๐.๕']]))
    expect(r.status).toBe(303)
    const preview = r.headers.get('location')!
    expect(preview).toMatch(/\/scores\/import\/[0-9a-f-]{36}$/)
    const page = await officer.get(preview)
    expect(page.status).toBe(200)
    const html = await page.text()
    const table = /<table id="preview-changes">[\s\S]*?<\/table>/.exec(html)![0]
    expect(table.match(/<tr>/g)).toHaveLength(2) // the header and one change
    expect(table).toMatch(/ตัวชี้วัดที่ 1[\s\S]*93\.59[\s\S]*80\.50/)
    expect(html).toContain('จะเปลี่ยน 1 รายการ')
    expect(html).toContain('ยืนยันนำเข้า 1 รายการ')
    // Reading the sheet and opening its preview (twice) changed no score and no history.
    await officer.get(preview)
    expect(await state()).toEqual(before)
    // The pending import is this account's only: a colleague and another agency cannot open it.
    expect((await other.get(preview)).status).toBe(303)
    expect((await other.post(`${preview}/confirm`, { seen: seenOf(html)! }, { csrfFrom: scores(2566) })).status).toBe(409)
    expect((await stranger.get(preview.replace(base(), `/o/x/admin/ita`))).status).not.toBe(200)
    expect(await state()).toEqual(before)
  })

  it('confirm applies the change, records who/when/old → new, and undo restores it (audited)', async () => {
    const r = await upload(officer, 2566, csvOf([['1', '80.50'], ['2', '75.23'], ['O1', 'มี']]))
    const preview = r.headers.get('location')!
    const html = await (await officer.get(preview)).text()
    expect(html).toContain('จะเปลี่ยน 2 รายการ · ค่าเท่าเดิม 1 รายการ') // indicator 2 already holds 75.23
    const ok = await officer.post(`${preview}/confirm`, { seen: seenOf(html)! }, { csrfFrom: preview })
    expect(ok.status).toBe(303)
    expect(await scoreOf(2566, 1)).toBe(80.5)
    const page = await (await officer.get(scores(2566))).text()
    expect(page).toContain('นำเข้าคะแนนแล้ว เปลี่ยน 2 รายการ')
    const history = /<table id="score-history">[\s\S]*?<\/table>/.exec(page)![0]
    expect(history).toContain('นำเข้าไฟล์')
    expect(history).toMatch(/ตัวชี้วัดที่ 1 [^:]*: 93\.59 → 80\.50/)
    expect(history).toMatch(/O1[^:]*: \(ว่าง\) → มี/)
    // Confirming the same preview again does nothing more.
    expect((await officer.post(`${preview}/confirm`, { seen: seenOf(html)! }, { csrfFrom: scores(2566) })).status).toBe(409)

    const id = preview.split('/').pop()!
    const undo = await officer.post(`${scores(2566)}/imports/${id}/undo`, {}, { csrfFrom: scores(2566) })
    expect(undo.status).toBe(303)
    expect(await scoreOf(2566, 1)).toBe(93.59)
    const [a] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(assessments).where(eq(assessments.fiscalYear, 2566)))
    expect(a!.oitAnswers).toEqual({})
    const after = await (await officer.get(scores(2566))).text()
    expect(after).toContain('ยกเลิกการนำเข้าแล้ว คืนค่าเดิม 2 รายการ')
    expect(after).toContain('ยกเลิกแล้ว')
    const actions = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog))).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['assessment.scores.import.read', 'assessment.scores.import', 'assessment.scores.import.undo']))
    // Undone once; a second undo is refused.
    expect((await officer.post(`${scores(2566)}/imports/${id}/undo`, {}, { csrfFrom: scores(2566) })).status).toBe(409)
  })

  it('undo is refused once the scores changed after the import; a preview made before a change is refused on confirm', async () => {
    const r = await upload(officer, 2566, csvOf([['3', '50']]))
    const preview = r.headers.get('location')!
    const html = await (await officer.get(preview)).text()
    expect((await officer.post(`${preview}/confirm`, { seen: seenOf(html)! }, { csrfFrom: preview })).status).toBe(303)
    const id = preview.split('/').pop()!
    const form = Object.fromEntries(SEED.map((v, i) => [`s${i + 1}`, (i === 3 ? 60 : i === 2 ? 50 : v).toFixed(2)]))
    expect((await officer.post(scores(2566), form)).status).toBe(303)
    const refused = await officer.post(`${scores(2566)}/imports/${id}/undo`, {}, { csrfFrom: scores(2566) })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('ยกเลิกได้เฉพาะการนำเข้าครั้งล่าสุด')
    expect(await scoreOf(2566, 3)).toBe(50)

    // A preview, then someone saves the form, then confirm: nothing written, the preview again.
    const r2 = await upload(officer, 2566, csvOf([['5', '99']]))
    const p2 = r2.headers.get('location')!
    const seen = seenOf(await (await officer.get(p2)).text())!
    expect((await other.post(scores(2566), { ...form, s6: '10.00' })).status).toBe(303)
    const stale = await officer.post(`${p2}/confirm`, { seen }, { csrfFrom: p2 })
    expect(stale.status).toBe(409)
    const staleHtml = await stale.text()
    expect(staleHtml).toContain('คะแนนถูกแก้ไขหลังจากแสดงตัวอย่าง')
    expect(staleHtml).toContain('id="preview-changes"')
    expect(await scoreOf(2566, 5)).toBe(81.65)
    // Cancel drops it.
    expect((await officer.post(`${p2}/cancel`, {}, { csrfFrom: p2 })).status).toBe(303)
    expect((await officer.get(p2)).status).toBe(303)
  })

  it('an expired preview cannot be confirmed', async () => {
    const r = await upload(officer, 2566, csvOf([['1', '10']]))
    const preview = r.headers.get('location')!
    const seen = seenOf(await (await officer.get(preview)).text())!
    await inOrg(t.deps.db, org.id, (tx) => tx.update(scoreImports).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(scoreImports.id, preview.split('/').pop()!)))
    const before = await state()
    const r2 = await officer.post(`${preview}/confirm`, { seen }, { csrfFrom: scores(2566) })
    expect(r2.status).toBe(409)
    expect(await r2.text()).toContain('การนำเข้านี้ใช้ไม่ได้แล้ว')
    expect(await state()).toEqual(before)
  })

  it('the scores page: this year beside last year with a labelled 85 line and a legend, tool and total rows', async () => {
    const form = Object.fromEntries(SEED.map((v, i) => [`s${i + 1}`, Math.min(100, v + 2).toFixed(2)]))
    expect((await officer.post(scores(2567), form)).status).toBe(303)
    const html = await (await officer.get(scores(2567))).text()
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0]
    expect(svg).toContain('<title id="score-chart-title">แผนภูมิคะแนนรายตัวชี้วัด ปี 2567 เทียบกับปี 2566</title>')
    expect(svg).toMatch(/<desc id="score-chart-desc">[^<]*1 การปฏิบัติหน้าที่ ปี 2566 93\.59, ปี 2567 95\.59/)
    expect(svg.match(/>เกณฑ์ 85</g)!.length).toBeGreaterThanOrEqual(2) // in the legend and beside the line
    expect(svg).toMatch(/class="chart-legend"[\s\S]*>ปี 2566<[\s\S]*>ปี 2567</)
    expect(svg.match(/<rect /g)!.length).toBeGreaterThanOrEqual(20 + 2) // both years' bars and the legend's
    expect(html).toMatch(/<tr class="tool-row"><th scope="row">[^<]*\(IIT\)<\/th><td>[\d.]+<\/td><td>[\d.]+/)
    expect(html).toMatch(/<tr class="total-row"><th scope="row">คะแนนรวม<\/th><td>[\d.]+<\/td><td><strong>[\d.]+<\/strong><\/td><td>\+[\d.]+<\/td>/)
  })

  it('an empty year says ยังไม่มีคะแนน in a neutral style, not the success style', async () => {
    const html = await (await officer.get(scores(2569))).text()
    expect(html).toContain('<p class="empty-state" id="no-scores">ยังไม่มีคะแนน</p>')
    expect(html).not.toContain('ไม่มีตัวชี้วัดที่ต่ำกว่า')
    expect(html).not.toMatch(/class="notice"[^>]*>[^<]*คะแนน/)
  })
})
