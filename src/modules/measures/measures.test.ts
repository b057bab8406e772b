import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { Document, Packer, Paragraph } from 'docx'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { files } from '../../platform/files/files.schema.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { docxToText } from '../../platform/documents/extract.js'
import { htmlToText, squash } from '../../platform/documents/text.js'
import { FAKE_EXE, TINY_PDF, postMultipart } from '../../../tests/support/multipart.js'
import { activities, measures } from './measures.schema.js'
import { progressOf } from './measures.service.js'
import { remapOitCodes } from './copy-year.js'

describe('ITA measures: CRUD, activities with evidence, approval, documents', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let exec: TestClient
  let anon: TestClient
  let measureId: string
  const base = () => `/o/${org.slug}/admin/ita`
  /** Approves as the executive, naming the version the measure page shows (as the browser does). */
  const approve = async (id: string) => {
    const page = `${base()}/measures/${id}`
    const version = (await (await exec.get(page)).text()).match(/name="version" value="([^"]+)"/)![1]!
    return exec.post(`${page}/approve`, { version }, { csrfFrom: page })
  }

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { settings: { thaiNumerals: false } })
    await buildUnit(t.deps.db, org, 'งานนิติการ')
    const o = await buildUser(t.deps.db, org, 'officer')
    const e = await buildUser(t.deps.db, org, 'executive')
    officer = new TestClient(t.app)
    exec = new TestClient(t.app)
    anon = new TestClient(t.app)
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
    expect((await exec.signIn(org.slug, e.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  it('progress derives from activity statuses', () => {
    expect(progressOf([])).toBeNull()
    expect(progressOf([{ status: 'done' }, { status: 'in_progress' }, { status: 'not_started' }, { status: 'done' }])).toBe(63)
  })

  it('an officer creates a measure with ordered steps, indicators, OIT items and a date range', async () => {
    const r = await officer.post(`${base()}/2567/measures`, {
      title: 'มาตรการป้องกันการรับสินบน',
      indicatorNumbers: ['10', '5'],
      oitCodes: 'O1, o2, X9',
      steps: '1. จัดทำประกาศ\n2. จัดอบรม',
      periodKind: 'range',
      periodStart: '01/10/2566',
      periodEnd: '31/03/2567',
      responsibleText: 'งานนิติการ สำนักปลัดฯ',
      resultSummary: 'ประกาศแล้ว',
      outcome: 'บุคลากรตื่นตัว',
    })
    expect(r.status).toBe(303)
    const [m] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(measures))
    measureId = m!.id
    expect(m!.steps).toEqual(['1. จัดทำประกาศ', '2. จัดอบรม'])
    expect(m!.indicatorNumbers).toEqual([5, 10])
    expect(m!.oitCodes).toEqual(['O1', 'O2'])
    expect(m!.status).toBe('draft')
    const bad = await officer.post(`${base()}/2567/measures`, { title: '', periodKind: 'range', periodStart: '01/05/2567', periodEnd: '01/01/2567' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('กรุณาระบุชื่อมาตรการ')
  })

  it('an officer records an activity with a PDF (checked by content); a disguised file is refused and nothing is written', async () => {
    const page = `${base()}/measures/${measureId}`
    const r = await postMultipart(t.app, officer, `${page}/activities`, { title: 'จัดอบรมเรื่องผลประโยชน์ทับซ้อน', status: 'done', startsOn: '15/01/2567', evidenceTitle: 'ภาพการอบรม' }, [{ field: 'evidenceFile', name: 'training.pdf', bytes: TINY_PDF }], { csrfFrom: page })
    expect(r.status).toBe(303)
    const bad = await postMultipart(t.app, officer, `${page}/activities`, { title: 'กิจกรรมปลอม', status: 'done', evidenceTitle: 'x' }, [{ field: 'evidenceFile', name: 'photo.jpg', bytes: FAKE_EXE }], { csrfFrom: page })
    expect(bad.status).toBe(422) // the same form again, values kept (was a bare 415 page)
    const badHtml = await bad.text()
    expect(badHtml).toContain('ไม่ใช่ชนิดที่รับได้')
    expect(badHtml).toContain('value="กิจกรรมปลอม"')
    const acts = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(activities))
    expect(acts.map((a) => a.title)).toEqual(['จัดอบรมเรื่องผลประโยชน์ทับซ้อน'])
    expect(await inOrg(t.deps.db, org.id, (tx) => tx.select({ t: files.contentType }).from(files))).toEqual([{ t: 'application/pdf' }])
    await officer.post(`${page}/activities`, { title: 'ติดตามผล', status: 'in_progress' }, { csrfFrom: page })
    const urlEv = await postMultipart(t.app, officer, `${base()}/activities/${acts[0]!.id}/evidence`, { title: 'ข่าวบนเว็บไซต์', url: 'https://example.org/news/1' }, [], { csrfFrom: page })
    expect(urlEv.status).toBe(303)
    const html = await (await officer.get(page)).text()
    expect(html).toContain('ภาพการอบรม')
    expect(html).toContain('75%')
  })

  it('only an executive approves; the public report shows approved measures only; editing needs approval again', async () => {
    const page = `${base()}/measures/${measureId}`
    const report = `/o/${org.slug}/ita/2567/measures-report.html`
    const reportText = async () => squash(htmlToText(await (await anon.get(report)).text()))
    expect(await reportText()).toContain(squash('รายงานผลการดำเนินการตามมาตรการ'))
    expect(await reportText()).not.toContain('มาตรการป้องกันการรับสินบน')
    expect((await officer.post(`${page}/approve`, {}, { csrfFrom: page })).status).toBe(403)
    const stale = await exec.post(`${page}/approve`, { version: '2000-01-01T00:00:00.000Z' }, { csrfFrom: page })
    expect(stale.status).toBe(409) // approving content other than what the executive saw
    expect(await stale.text()).toContain('ถูกแก้ไขหลังจากที่เปิดหน้านี้')
    expect((await approve(measureId)).status).toBe(303)
    const [m] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(measures).where(eq(measures.id, measureId)))
    expect(m!.status).toBe('approved')
    const html = await (await anon.get(report)).text()
    expect(squash(htmlToText(html))).toContain('มาตรการป้องกันการรับสินบน') // words are wrapped for line breaking
    expect(html).toContain('https://example.org/news/1') // URL evidence listed in the appendix
    const form = { title: 'มาตรการป้องกันการรับสินบน (ปรับปรุง)', steps: 'จัดทำประกาศ', periodKind: 'fiscal_year' }
    expect((await officer.post(page, form)).status).toBe(303)
    expect(await reportText()).not.toContain('ปรับปรุง')
  })

  it('serves the three report formats and the companion documents with the right content types, under the strict CSP', async () => {
    const y = `/o/${org.slug}/ita/2567`
    const html = await anon.get(`${y}/measures-report.html`)
    expect(html.headers.get('content-type')).toContain('text/html')
    expect(html.headers.get('content-security-policy')).toContain("style-src 'self'")
    const body = await html.text()
    expect(body).not.toMatch(/<style|\sstyle=|<script/)
    const cssHref = body.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!
    const css = await anon.get(cssHref)
    expect(css.headers.get('content-type')).toContain('text/css')
    expect(await css.text()).toContain('.mr table')
    const docx = await anon.get(`${y}/measures-report.docx`)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(new Uint8Array(await docx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]))
    const pdf = await anon.get(`${y}/measures-report.pdf`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    const plan = await anon.get(`${y}/measures-plan.html`)
    expect(plan.headers.get('content-type')).toContain('text/html')
    expect(await plan.text()).toContain('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน')
    const analysis = await anon.get(`${y}/assessment-analysis.html`)
    expect(await analysis.text()).toContain('การวิเคราะห์ผลการประเมิน')
  }, 120_000)

  it('starts the next year from this one: measures and plans copied, OIT codes remapped through the frameworks', async () => {
    await officer.post(`${base()}/2567/plans/10`, { guidelines: 'ประกาศ No Gift Policy', period: 'ปีงบประมาณ 2567', status: 'done' }, { csrfFrom: `${base()}/2567/plans/10` })
    const r = await officer.post(`${base()}/2567/copy`, {}, { csrfFrom: `${base()}/2567/measures` })
    expect(r.status).toBe(303)
    const next = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(measures).where(eq(measures.fiscalYear, 2568)))
    expect(next).toHaveLength(1)
    expect(next[0]!.status).toBe('draft')
    const html = await (await officer.get(`${base()}/2568/plans/10`)).text()
    expect(html).toContain('ประกาศ No Gift Policy')
    expect(html).toContain('ปีงบประมาณ 2568')
    expect((await officer.post(`${base()}/2567/copy`, {}, { csrfFrom: `${base()}/2567/measures` })).status).toBe(409)
  })

  it('remaps OIT codes by title, keeps codes whose item is unchanged, and drops the rest', () => {
    const item = (code: string, titleTh: string | null) => ({ code, titleTh, indicator: null, subIndicator: null, evidence: { notes: [] }, confidence: 'high' as const, source: 's' })
    const from = { oitItems: [item('O1', 'โครงสร้าง'), item('O2', 'ข้อมูลผู้บริหาร'), item('O9', 'แผนการใช้จ่าย')] }
    const to = { oitItems: [item('O1', 'โครงสร้างและอำนาจหน้าที่'), item('O3', 'ข้อมูลผู้บริหาร'), item('O9', 'อื่น ๆ')] }
    type Fw = Parameters<typeof remapOitCodes>[1]
    const r = remapOitCodes(['O1', 'O2', 'O9'], from as unknown as Fw, to as unknown as Fw)
    expect(r).toEqual({ codes: ['O3'], dropped: ['O1', 'O9'] })
  })

  it('imports a DOCX: preview, confirm, saved; clear errors for non-DOCX and DOCX without the tables', async () => {
    expect((await approve(measureId)).status).toBe(303)
    const docx = new Uint8Array(await (await anon.get(`/o/${org.slug}/ita/2567/measures-report.docx`)).arrayBuffer())
    const preview = await postMultipart(t.app, officer, `${base()}/import`, { fiscalYear: '2560' }, [{ field: 'docx', name: 'old.docx', bytes: docx }], { csrfFrom: `${base()}/import` })
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('ตรวจสอบข้อมูลก่อนบันทึก')
    const form: Record<string, string> = {}
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) if (m[1] !== '_csrf') form[m[1]!] = m[2]!
    for (const m of html.matchAll(/<textarea id="([^"]+)" name="[^"]+"[^>]*>([\s\S]*?)<\/textarea>/g)) form[m[1]!] = htmlToText(m[2]!)
    for (const m of html.matchAll(/<input id="([^"]+)" name="[^"]+" type="text" value="([^"]*)"/g)) form[m[1]!] = htmlToText(m[2]!)
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!
    const saved = await officer.post(`${base()}/import/confirm`, form, { csrf })
    expect(saved.status).toBe(303)
    const got = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(measures).where(eq(measures.fiscalYear, 2560)))
    expect(got.map((m) => [m.title, m.steps])).toEqual([['มาตรการป้องกันการรับสินบน (ปรับปรุง)', ['จัดทำประกาศ']]])
    const notDocx = await postMultipart(t.app, officer, `${base()}/import`, { fiscalYear: '2561' }, [{ field: 'docx', name: 'x.docx', bytes: TINY_PDF }], { csrfFrom: `${base()}/import` })
    expect(notDocx.status).toBe(422) // the upload form again (was a bare 415 page)
    expect(await notDocx.text()).toContain('ไม่ใช่ชนิดที่รับได้ (ตรวจจากเนื้อไฟล์) รับเฉพาะ docx')
    const plain = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('บันทึกข้อความ ไม่มีตาราง')] }] }))
    const noTable = await postMultipart(t.app, officer, `${base()}/import`, { fiscalYear: '2561' }, [{ field: 'docx', name: 'memo.docx', bytes: new Uint8Array(plain) }], { csrfFrom: `${base()}/import` })
    expect(noTable.status).toBe(422)
    expect(await noTable.text()).toContain('ไม่พบตารางมาตรการหรือตารางตัวชี้วัด')
  }, 60_000)
})

describe('demo FY2566: the generated report holds every cell of the seed', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
    const { loadDemoIfEmpty } = await import('../../app/demo.js')
    await loadDemoIfEmpty(t.deps)
  }, 120_000)
  afterAll(() => t.close())

  // The seed's tables: tab-separated lines; cells hold text or <p> paragraphs and checkboxes.
  async function seedCells(): Promise<{ headers: string[]; data: string[] }> {
    const { readFile } = await import('node:fs/promises')
    const seed = await readFile(new URL('../../../demo/seed/phanomrung-2566-report.txt', import.meta.url), 'utf8')
    const rows = seed.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t').map((c) => squash(htmlToText(c))))
    const isHeader = (r: string[]) => /^(ลำดับ|ตัวชี้วัด)$/.test(r[0] ?? '')
    return { headers: [...new Set(rows.filter(isHeader).flat())], data: rows.filter((r) => !isHeader(r)).flatMap((r) => r.map((c, i) => (i === 0 ? c.replace(/\.$/, '') : c))) }
  }
  function expectAllInOrder(text: string, cells: { headers: string[]; data: string[] }) {
    const hay = squash(text)
    for (const h of cells.headers) expect(hay, `header ${h}`).toContain(h)
    let at = 0
    for (const c of cells.data) {
      const found = hay.indexOf(c, at)
      expect(found, `cell not found in order: ${c}`).toBeGreaterThanOrEqual(0)
      at = found + c.length
    }
  }

  it('HTML and DOCX at the public URLs contain every seed cell (both tables), in order', async () => {
    const cells = await seedCells()
    expect(cells.data.length).toBe(6 * 7 + 10 * 5)
    const anon = new TestClient(t.app)
    const html = await anon.get('/o/phanomrung/ita/2566/measures-report.html')
    expect(html.status).toBe(200)
    expectAllInOrder(htmlToText(await html.text()), cells)
    const docx = await anon.get('/o/phanomrung/ita/2566/measures-report.docx')
    expect(docx.status).toBe(200)
    expectAllInOrder(await docxToText(new Uint8Array(await docx.arrayBuffer())), cells)
  })

  it('FY2566 scores compare with FY2565', async () => {
    const c = new TestClient(t.app)
    await c.signIn('phanomrung', 'officer@phanomrung.example', 'prongsai-demo-2566')
    const html = await (await c.get('/o/phanomrung/admin/ita/2566/scores')).text()
    expect(html).toContain('เปรียบเทียบกับปี 2565')
    expect(html).toContain('93.59')
    const hub = await c.get('/o/phanomrung/admin/ita/2565')
    expect(hub.status).toBe(200)
    expect(await hub.text()).toContain('ยังไม่มีกรอบการประเมิน ITA ของปี 2565')
  })
})
