import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { readFile } from 'node:fs/promises'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { files } from '../../platform/files/files.schema.js'
import { assessments, evidence, indicatorPlans, indicatorScores } from './assessment.schema.js'
import { FAKE_EXE, TINY_PDF, postMultipart } from '../../../tests/support/multipart.js'

const SEED_2566 = [93.59, 75.23, 88.15, 79.8, 81.65, 95.64, 92.38, 87.99, 90.0, 71.25]

describe('ITA assessment: scores, import, plans, evidence, frameworks', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let viewer: TestClient
  let admin: TestClient
  const base = () => `/o/${org.slug}/admin/ita`

  const scoreRows = () => inOrg(t.deps.db, org.id, (tx) => tx.select().from(indicatorScores))

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const o = await buildUser(t.deps.db, org, 'officer')
    const v = await buildUser(t.deps.db, org, 'viewer')
    const p = await buildUser(t.deps.db, null, 'platform_admin')
    officer = new TestClient(t.app)
    viewer = new TestClient(t.app)
    admin = new TestClient(t.app)
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, v.email, TEST_PASSWORD)).status).toBe(303)
    expect((await admin.signIn(null, p.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  /** A read sheet answers with its preview (changes nothing yet); confirming it applies it. */
  const confirmPreview = async (r: Response) => {
    const preview = r.headers.get('location')!
    expect(preview).toMatch(/\/scores\/import\/[0-9a-f-]{36}$/)
    const seen = /name="seen" value="([^"]+)"/.exec(await (await officer.get(preview)).text())![1]!
    expect((await officer.post(`${preview}/confirm`, { seen }, { csrfFrom: preview })).status).toBe(303)
  }

  it('records scores by form and computes tool scores, total, level and rating', async () => {
    const form = Object.fromEntries(SEED_2566.map((s, i) => [`s${i + 1}`, s.toFixed(2)]))
    const r = await officer.post(`${base()}/2566/scores`, form)
    expect(r.status).toBe(303)
    const rows = await scoreRows()
    expect(rows).toHaveLength(10)
    const html = await (await officer.get(`${base()}/2566/scores`)).text()
    // IIT = mean(1–5) = 83.68, EIT = mean(6–8) = 92.00, OIT = mean(9–10) = 80.63 → 30/30/40.
    expect(html).toContain('83.68')
    expect(html).toContain('92.00')
    expect(html).toMatch(/id="total">\d+\.\d\d</)
    expect(html).toMatch(/id="level">[A-F]{1,2}</)
    // Below 85 highlighted, weakest first; the chart is an SVG image with a text alternative.
    expect(html).toMatch(/id="below">[\s\S]*ตัวชี้วัดที่ 10[\s\S]*ตัวชี้วัดที่ 2[\s\S]*ตัวชี้วัดที่ 4/)
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="score-chart-title score-chart-desc"/)
    expect(html).toContain('<desc id="score-chart-desc">')
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('rejects a bad form score in Thai and writes nothing', async () => {
    const before = await scoreRows()
    const r = await officer.post(`${base()}/2566/scores`, { s1: '101', s2: '70.123', s3: 'abc' })
    expect(r.status).toBe(422)
    const html = await r.text()
    expect(html).toContain('คะแนนต้องเป็นตัวเลข 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง')
    expect(await scoreRows()).toEqual(before)
  })

  it('shows year-over-year changes per indicator', async () => {
    const form = Object.fromEntries(SEED_2566.map((s, i) => [`s${i + 1}`, (s + 1).toFixed(2)]))
    expect((await officer.post(`${base()}/2567/scores`, form)).status).toBe(303)
    const html = await (await officer.get(`${base()}/2567/scores`)).text()
    expect(html).toContain('เปรียบเทียบกับปี 2566')
    expect(html).toContain('+1.00')
  })

  it('CSV import: row-numbered Thai errors and nothing written on any error', async () => {
    const before = await scoreRows()
    const csv = 'ตัวชี้วัดที่,ชื่อตัวชี้วัด,คะแนน\n1,การปฏิบัติหน้าที่,50\n2,การใช้งบประมาณ,101\n11,ไม่มี,80\n3,การใช้อำนาจ,80.555\n1,ซ้ำ,60\n'
    const r = await postMultipart(t.app, officer, `${base()}/2566/scores/import`, {}, [{ field: 'sheet', name: 'scores.csv', bytes: new TextEncoder().encode(csv), type: 'text/csv' }], { csrfFrom: `${base()}/2566/scores` })
    expect(r.status).toBe(422)
    const html = await r.text()
    expect(html).toContain('แถวที่ 3: คะแนนของตัวชี้วัดที่ 2 ต้องเป็นตัวเลข 0–100')
    expect(html).toContain('แถวที่ 4: ไม่มีตัวชี้วัดที่ 11 ในกรอบการประเมินปี 2566')
    expect(html).toContain('แถวที่ 5: คะแนนของตัวชี้วัดที่ 3')
    expect(html).toContain('แถวที่ 6: 1 ซ้ำกับแถวที่ 2')
    expect(await scoreRows()).toEqual(before) // row 2 was valid, still not written
  })

  it('CSV import of a good sheet replaces the scores', async () => {
    const csv = '\uFEFFตัวชี้วัดที่,ชื่อตัวชี้วัด,คะแนน\r\n' + SEED_2566.map((s, i) => `${i + 1},"ชื่อ, ${i + 1}",${s === 90 ? '๙๐.๐๐' : s}`).join('\r\n') + '\r\nO1,โครงสร้าง,มี\r\n'
    const r = await postMultipart(t.app, officer, `${base()}/2566/scores/import`, {}, [{ field: 'sheet', name: 'scores.csv', bytes: new TextEncoder().encode(csv) }], { csrfFrom: `${base()}/2566/scores` })
    expect(r.status).toBe(303)
    await confirmPreview(r)
    const [a] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(assessments).where(eq(assessments.fiscalYear, 2566)))
    expect(a!.oitAnswers).toEqual({ O1: true })
  })

  it('XLSX: the template downloads, and an import with a bad row writes nothing', async () => {
    const tpl = await officer.get(`${base()}/2566/scores/template.xlsx`)
    expect(tpl.headers.get('content-type')).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await tpl.arrayBuffer()) as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(1).getCell(1).value).toBe('ตัวชี้วัดที่')
    expect(ws.getRow(2).getCell(3).value).toBe(93.59) // current scores prefilled
    ws.getRow(3).getCell(3).value = 'เก้าสิบ'
    ws.getRow(4).getCell(3).value = 12.5
    const bad = new Uint8Array(await wb.xlsx.writeBuffer())
    const before = await scoreRows()
    const r = await postMultipart(t.app, officer, `${base()}/2566/scores/import`, {}, [{ field: 'sheet', name: 'scores.xlsx', bytes: bad }], { csrfFrom: `${base()}/2566/scores` })
    expect(r.status).toBe(422)
    expect(await r.text()).toContain('แถวที่ 3: คะแนนของตัวชี้วัดที่ 2')
    expect(await scoreRows()).toEqual(before)
    ws.getRow(3).getCell(3).value = 75.23
    const good = new Uint8Array(await wb.xlsx.writeBuffer())
    const ok = await postMultipart(t.app, officer, `${base()}/2566/scores/import`, {}, [{ field: 'sheet', name: 'scores.xlsx', bytes: good }], { csrfFrom: `${base()}/2566/scores` })
    expect(ok.status).toBe(303)
    await confirmPreview(ok)
    expect((await scoreRows()).find((x) => x.indicator === 3)?.score).toBe(12.5)
  })

  it('a viewer reads scores but cannot change them', async () => {
    expect((await viewer.get(`${base()}/2566/scores`)).status).toBe(200)
    const r = await viewer.post(`${base()}/2566/scores`, { s1: '50' }, { csrfFrom: `${base()}/2566/scores` })
    expect(r.status).toBe(403)
  })

  it('saves an analysis and improvement plan with ordered guidelines, units, status and a dated log', async () => {
    const r = await officer.post(`${base()}/2566/plans/2`, {
      strengths: 'มีการประชุมประจำเดือน',
      weaknesses: 'บุคลากรไม่ทราบการใช้งบประมาณ',
      guidelines: 'ชี้แจงงบประมาณทุกเดือน\nเปิดช่องทางแจ้งเบาะแส',
      responsibleText: 'ทุกกอง/ สำนักปลัดฯ',
      period: 'ปีงบประมาณ 2566',
      progress: '- ประชุมแล้ว',
      status: 'in_progress',
    })
    expect(r.status).toBe(303)
    const [p] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(indicatorPlans).where(eq(indicatorPlans.indicator, 2)))
    expect(p!.guidelines).toEqual(['ชี้แจงงบประมาณทุกเดือน', 'เปิดช่องทางแจ้งเบาะแส'])
    expect(p!.status).toBe('in_progress')
    expect((await officer.post(`${base()}/2566/plans/2/progress`, { entryDate: '01/03/2566', body: 'จัดประชุมชี้แจงงบประมาณ' }, { csrfFrom: `${base()}/2566/plans/2` })).status).toBe(303)
    const html = await (await officer.get(`${base()}/2566/plans/2`)).text()
    expect(html).toContain('จัดประชุมชี้แจงงบประมาณ')
    expect(html).toContain('1 มีนาคม 2566')
  })

  it('evidence: a PDF attaches to a plan; a file whose content is not an accepted type is refused and nothing is stored', async () => {
    const [p] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(indicatorPlans).where(eq(indicatorPlans.indicator, 2)))
    const page = `${base()}/2566/plans/2`
    const ok = await postMultipart(t.app, officer, `${page}/evidence`, { title: 'รายงานการประชุม', target: 'indicator', targetId: p!.id }, [{ field: 'file', name: 'minutes.pdf', bytes: TINY_PDF, type: 'application/pdf' }], { csrfFrom: page })
    expect(ok.status).toBe(303)
    const stored = await inOrg(t.deps.db, org.id, (tx) => tx.select({ contentType: files.contentType, name: files.name }).from(files))
    expect(stored).toEqual([{ contentType: 'application/pdf', name: 'minutes.pdf' }])
    const bad = await postMultipart(t.app, officer, `${page}/evidence`, { title: 'ไฟล์ปลอม', target: 'indicator', targetId: p!.id }, [{ field: 'file', name: 'report.pdf', bytes: FAKE_EXE, type: 'application/pdf' }], { csrfFrom: page })
    // Refused on the bad-input path: the same form again, 422, its title kept.
    expect(bad.status).toBe(422)
    const again = await bad.text()
    expect(again).toContain('ไม่ใช่ชนิดที่รับได้')
    expect(again).toContain('value="ไฟล์ปลอม"')
    expect(await inOrg(t.deps.db, org.id, (tx) => tx.select().from(files))).toHaveLength(1)
    expect(await inOrg(t.deps.db, org.id, (tx) => tx.select().from(evidence))).toHaveLength(1)
    const [ev] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(evidence))
    const dl = await officer.get(`${base()}/evidence/${ev!.id}`)
    expect(dl.headers.get('content-type')).toBe('application/pdf')
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff')
    const url = await postMultipart(t.app, officer, `${page}/evidence`, { title: 'เว็บไซต์', url: 'https://example.org/a', target: 'indicator', targetId: p!.id }, [], { csrfFrom: page })
    expect(url.status).toBe(303)
    expect(await (await officer.get(page)).text()).toContain('href="https://example.org/a"')
  })

  it('frameworks: a platform admin adds 2569 by JSON upload and corrects 2568; assessments keep their version', async () => {
    const json2568 = await readFile(new URL('../../domain/ita/frameworks/2568.json', import.meta.url), 'utf8')
    expect((await officer.post(`${base()}/2568/scores`, { s1: '90' })).status).toBe(303)
    const fw2569 = JSON.stringify({ ...JSON.parse(json2568), fiscalYear: 2569 })
    const up = await postMultipart(t.app, admin, '/admin/frameworks', { note: 'ปี 2569' }, [{ field: 'file', name: '2569.json', bytes: new TextEncoder().encode(fw2569), type: 'application/json' }], { csrfFrom: '/admin/frameworks' })
    expect(up.status).toBe(303)
    const fix = await admin.post('/admin/frameworks', { json: json2568, note: 'แก้ไข' })
    expect(fix.status).toBe(303)
    const list = await (await admin.get('/admin/frameworks')).text()
    expect(list).toContain('/admin/frameworks/2569/2.json')
    expect(list).toContain('/admin/frameworks/2568/2.json')
    const bad = await admin.post('/admin/frameworks', { json: JSON.stringify({ ...JSON.parse(json2568), levels: [] }) })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('levels')
    expect(await (await officer.get(`${base()}/2568/scores`)).text()).toContain('กรอบการประเมินปี 2568 ฉบับที่ 1')
    expect(await (await officer.get(`${base()}/2569/scores`)).text()).toContain('กรอบการประเมินปี 2569 ฉบับที่ 2')
    // Agency staff cannot reach the platform page.
    expect((await officer.get('/admin/frameworks')).status).toBeGreaterThanOrEqual(300)
  })
})
