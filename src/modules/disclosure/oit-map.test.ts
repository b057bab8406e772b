import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { currentFiscalYear } from '../../platform/thai/fiscal-year.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { ANSWERS, sheetRows } from './answer-sheet.js'
import { loadOitFramework, oitMapYears } from './framework.js'
import type { ItemReadiness } from './readiness.js'

// The public OIT map up to the current fiscal year, its navigation for assessors, and the ITAS
// answer sheet giving exactly the map's links.

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')

/** Item code → [status, links (permanent page first, then evidence)] as the map page shows them. */
function mapItems(html: string): Map<string, { status: string; links: string[] }> {
  const out = new Map<string, { status: string; links: string[] }>()
  const re = /<li class="oit-item status-(\w+)" id="(O\d+)" data-code="\2">([\s\S]*?)<a class="oit-top/g
  for (const m of html.matchAll(re)) {
    const body = m[3]!
    const title = /class="oit-item-title" href="([^"]+)"/.exec(body)![1]!
    const list = /<ul class="oit-links">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? ''
    const links = [...list.matchAll(/href="([^"]+)"/g)].map((x) => decode(x[1]!))
    out.set(m[2]!, { status: m[1]!, links: [decode(title), ...links] })
  }
  return out
}

describe('OIT map: every year up to the current one, navigation, and the answer sheet', () => {
  let t: TestApp
  let org: Org
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const admin = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const current = currentFiscalYear()

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { slug: 'phanomrung', nameTh: 'เทศบาลตำบลพนมรุ้ง', settings: { contact: { phone: '044-000-000', address: 'ตำบลตาเป๊ก' } } })
    for (const u of ['สำนักปลัดเทศบาล', 'กองคลัง']) await buildUnit(t.deps.db, org, u)
    await t.deps.registry.modules.find((m) => m.id === 'portal')!.demo!(t.deps, { id: org.id, slug: org.slug })
    const a = await buildUser(t.deps.db, org, 'agency_admin')
    expect((await admin.signIn(org.slug, a.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it(`answers 200 for every fiscal year from 2566 to the current one (${current}, from today's date)`, async () => {
    expect(current).toBeGreaterThanOrEqual(2570)
    for (let y = 2566; y <= current; y++) {
      const res = await visitor.get(`/o/phanomrung/oit/${y}`)
      expect([y, res.status]).toEqual([y, 200])
      const html = await res.text()
      expect(html).toContain(`ปีงบประมาณ ${y}`)
      const res2 = await visitor.get(`/o/phanomrung/oit/${y}/O1`)
      expect([y, 'O1', res2.status]).toEqual([y, 'O1', 200])
      const json = await visitor.get(`/o/phanomrung/api/oit/${y}.json`)
      expect([y, 'json', json.status]).toEqual([y, 'json', 200])
    }
    const years = await oitMapYears(t.deps.db)
    expect(years[0]).toBe(current)
    const index = await (await visitor.get('/o/phanomrung/oit')).text()
    for (let y = 2566; y <= current; y++) expect(index).toContain(`/o/phanomrung/oit/${y}"`)
  })

  it('a year without a framework of its own offers the latest and says so; later or earlier years are a 404 page that offers the latest', async () => {
    const newest = 2569
    const fw = (await loadOitFramework(t.deps.db, current))!
    expect([fw.fiscalYear, fw.basedOnFiscalYear]).toEqual([current, newest])
    const html = await (await visitor.get(`/o/phanomrung/oit/${current}`)).text()
    expect(html).toContain(`ปีงบประมาณ ${current} ยังไม่มีกรอบการประเมินของตนเอง`)
    expect(html).toContain(`href="/o/phanomrung/oit/${newest}"`)
    const json = JSON.parse(await (await visitor.get(`/o/phanomrung/api/oit/${current}.json`)).text()) as { fiscalYear: number; frameworkFiscalYear: number }
    expect([json.fiscalYear, json.frameworkFiscalYear]).toEqual([current, newest])
    expect(await (await visitor.get(`/o/phanomrung/oit/${newest}`)).text()).not.toContain('ยังไม่มีกรอบการประเมินของตนเอง')
    for (const y of [current + 1, 2565]) {
      const res = await visitor.get(`/o/phanomrung/oit/${y}`)
      expect([y, res.status]).toEqual([y, 404])
      const page = await res.text()
      expect(page).toContain(`ยังไม่มีกรอบการประเมินของปีงบประมาณ ${y}`)
      expect(page).toContain(`href="/o/phanomrung/oit/${current === newest ? newest : newest}"`)
    }
  })

  it('has an index by O-number pointing at every item, and a "not ready" filter that works without JavaScript', async () => {
    const html = await (await visitor.get('/o/phanomrung/oit/2566')).text()
    const items = mapItems(html)
    expect(items.size).toBe(43)
    const index = /<nav id="oit-index"[\s\S]*?<\/nav>/.exec(html)![0]
    expect([...index.matchAll(/href="#(O\d+)"/g)].map((m) => m[1])).toEqual([...items.keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))))
    const notReady = [...items].filter(([, v]) => v.status !== 'yes').map(([k]) => k)
    expect(notReady.length).toBeGreaterThan(0)
    expect(html).toContain(`href="/o/phanomrung/oit/2566?show=not-ready#oit-index"`)

    const filtered = await visitor.get('/o/phanomrung/oit/2566?show=not-ready')
    expect(filtered.status).toBe(200)
    const fhtml = await filtered.text()
    const shown = mapItems(fhtml)
    expect([...shown.keys()].sort()).toEqual([...notReady].sort())
    for (const v of shown.values()) expect(v.status).not.toBe('yes')
    expect(fhtml).toContain(`แสดง ${notReady.length} ข้อที่ยังไม่พร้อม จาก 43 ข้อ`)
    expect(fhtml).toMatch(/aria-current="page"[^>]*>เฉพาะข้อที่ยังไม่พร้อม/)
    expect(fhtml).toContain('เหตุที่ยังไม่พร้อม')
    // Any other value shows every item (never an error)
    expect(mapItems(await (await visitor.get('/o/phanomrung/oit/2566?show=%00x')).text()).size).toBe(43)
  })

  it('the answer sheet gives every item the same links as the map, one URL per line, as real hyperlinks, and keeps ไม่ครบถ้วน', async () => {
    for (const year of [2566, 2568, current]) {
      const map = mapItems(await (await visitor.get(`/o/phanomrung/oit/${year}`)).text())
      const res = await admin.get(`/o/phanomrung/admin/oit/${year}/answer-sheet.xlsx`)
      expect(res.status).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(await res.arrayBuffer())
      const ws = wb.worksheets[0]!
      const head = (ws.getRow(1).values as unknown[]).slice(1)
      expect(head.slice(0, 5)).toEqual(['ข้อ', 'หัวข้อ', 'มี/ไม่มี', 'URL', 'คำอธิบายเพิ่มเติม'])
      expect(head.slice(5).every((h, i) => h === `ลิงก์ ${i + 1}`)).toBe(true)
      expect(ws.rowCount - 1).toBe(map.size)
      let origin = ''
      for (let r = 2; r <= ws.rowCount; r++) {
        const row = ws.getRow(r)
        const code = String(row.getCell(1).value)
        const urls = String(row.getCell(4).value).split('\n')
        origin ||= urls[0]!.slice(0, urls[0]!.indexOf('/o/phanomrung/'))
        const onMap = map.get(code)!
        expect([code, urls]).toEqual([code, onMap.links.map((h) => (h.startsWith('/') ? origin + h : h))])
        const hyperlinks = urls.map((_, i) => row.getCell(6 + i).value as { text: string; hyperlink: string })
        expect([code, hyperlinks.map((h) => h.hyperlink)]).toEqual([code, urls])
        expect(row.getCell(3).value).toBe(ANSWERS[onMap.status as keyof typeof ANSWERS])
      }
      if (year === 2566) {
        const o41 = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === 'O41')!
        expect(map.get('O41')!.status).toBe('incomplete')
        expect(o41.getCell(3).value).toBe('ไม่ครบถ้วน')
      }
    }
    const csv = Buffer.from(await (await admin.get('/o/phanomrung/admin/oit/2566/answer-sheet.csv')).arrayBuffer()).toString('utf8')
    expect(csv).toMatch(/\nO1,โครงสร้าง,มี,"http[^"\s]+\/o\/phanomrung\/oit\/2566\/O1\n/)
    expect(csv).toContain('O41,การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ,ไม่ครบถ้วน')
  })

  it('answers มี / ไม่มี / ไม่ครบถ้วน from the status and leaves out links that do not count', () => {
    const item = (status: ItemReadiness["status"], evidence: Partial<ItemReadiness["evidence"][number]>[]): ItemReadiness =>
      ({
      code: 'O9',
      titleTh: 'ข้อ',
      subIndicator: null,
      notes: [],
      status,
      evidence: evidence.map((e) => ({ kind: 'url', label: 'x', href: 'https://example.org/a', trail: null, fiscalYear: null, stale: false, broken: false, ...e })) as ItemReadiness['evidence'],
      explanation: '',
      autoExplanation: '',
      ownerUnitId: null,
      dueDate: null,
      url: '/o/a/oit/2566/O9',
    }) as unknown as ItemReadiness
    const rows = sheetRows(
      [
        item('yes', [{ href: '/o/a/news/1' }, { href: 'https://example.org/b' }, { href: 'https://example.org/b' }]),
        item('incomplete', [{ href: '/o/a/documents/2', stale: true }, { href: 'https://example.org/c', broken: true }, { href: '#internal' }]),
        item('no', []),
      ],
      'https://town.example',
    )
    expect(rows.map((r) => [r.answer, r.urls])).toEqual([
      ['มี', ['https://town.example/o/a/oit/2566/O9', 'https://town.example/o/a/news/1', 'https://example.org/b']],
      ['ไม่ครบถ้วน', ['https://town.example/o/a/oit/2566/O9']],
      ['ไม่มี', ['https://town.example/o/a/oit/2566/O9']],
    ])
  })
})
