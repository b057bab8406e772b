// The risks module's pages in a real Chromium, with JavaScript on (axe on every page) and off: an
// officer scores a risk (after a mistake), sees it placed on the heat map, links a measure as its
// control, records a monitoring round, publishes it and finds it on the public summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { buildUnit } from '../../../tests/support/factories.js'
import { buildMeasure, buildRisk } from './testing/factories.js'

describe('risks module in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  let unitId = ''
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
    unitId = (await buildUnit(s.deps.db, a.org, 'กองช่างเบราว์เซอร์')).id
    await buildMeasure(s.deps.db, a.org.id, 2566, 'มาตรการการเปิดโอกาสให้ประชาชนมีส่วนร่วม (ทดสอบ ก)')
    await buildMeasure(s.deps.db, a.org.id, 2567, 'มาตรการการเปิดโอกาสให้ประชาชนมีส่วนร่วม (ทดสอบ ข)')
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()

  for (const js of [true, false]) {
    // Each run has its own fiscal year (and measure), so each risk is R1 of its register.
    const year = js ? 2566 : 2567
    const mark = js ? 'ก' : 'ข'
    it(`an officer scores a risk, sees it on the heat map, links a measure as its control and records a monitoring round${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      const submit = (form: string) => clickAndWait(p, `main form[action$="${form}"] button[type=submit]`)
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const base = `/o/${a.org.slug}/admin/risks`
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      expect(await p.textContent('h1')).toBe('ทะเบียนความเสี่ยงการทุจริต')
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      await axe()
      const event = `เจ้าหน้าที่เรียกรับเงินเพื่อเร่งรัดการออกใบอนุญาต ${mark}`
      await p.fill('#fiscalYear', String(year - 543))
      await p.selectOption('#area', 'permits')
      await p.fill('#process', 'การออกใบอนุญาตก่อสร้างอาคาร')
      await p.fill('#event', event)
      await p.selectOption('#likelihood', '4')
      await p.selectOption('#impact', '5')
      await p.selectOption('#residualLikelihood', '2')
      await p.selectOption('#residualImpact', '3')
      await p.selectOption('#ownerUnitId', unitId)
      const bad = await submit('/new')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.textContent('.error-summary')).toContain('ปีงบประมาณ')
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.inputValue('#event')).toBe(event)
      expect(await p.inputValue('#likelihood')).toBe('4')
      expect(await p.inputValue('#ownerUnitId')).toBe(unitId)
      await axe()
      await p.fill('#fiscalYear', js ? String(year) : '๒๕๖๗')
      await submit('/new')
      const url = new URL(p.url()).pathname
      expect(url).toMatch(new RegExp(`^${base}/[0-9a-f-]{36}$`))
      expect(await p.textContent('h1')).toBe(`R1 ${event}`)
      expect(await p.textContent('main dl')).toContain('4 × 5 = 20')
      expect(await p.textContent('main dl')).toContain('สูงมาก')
      // Placed on the heat map: the SVG cell (likelihood 4, impact 5) and the same cell of its table.
      expect(await p.textContent('#heat-inherent-table td[data-cell="4-5"]')).toBe('20 สูงมาก: R1')
      expect(await p.textContent('svg g[data-cell="4-5"]')).toContain('R1')
      expect(await p.textContent('#heat-residual-table td[data-cell="2-3"]')).toBe('6 ปานกลาง: R1')
      await axe()

      // A measure of the year as its control.
      const measure = `มาตรการการเปิดโอกาสให้ประชาชนมีส่วนร่วม (ทดสอบ ${mark})`
      await p.selectOption('#measureId', { label: `1. ${measure}` })
      await submit('/controls')
      expect(await p.textContent('.notice')).toContain(measure)
      expect(await p.textContent('ul.controls')).toContain(measure)
      await axe()

      // The 6-month monitoring round: a C.E. date is refused on the same form (values kept), then saved.
      await clickAndWait(p, `a[href="${url}/monitoring/6"]`)
      await axe()
      await p.selectOption('#status', 'in_progress')
      await p.fill('#note', 'เผยแพร่ขั้นตอนและระยะเวลาการออกใบอนุญาตบนเว็บไซต์แล้ว')
      await p.fill('#recordedOn', '31/03/2023')
      const refused = await submit('/monitoring/6')
      expect(refused.status()).toBe(422)
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.inputValue('#note')).toBe('เผยแพร่ขั้นตอนและระยะเวลาการออกใบอนุญาตบนเว็บไซต์แล้ว')
      await axe()
      await p.fill('#recordedOn', `31/03/${year}`)
      await submit('/monitoring/6')
      expect(new URL(p.url()).pathname).toBe(url)
      expect(await p.textContent('tr[data-round="6"]')).toContain('อยู่ระหว่างดำเนินการ')
      expect(await p.textContent('tr[data-round="6"]')).toContain('เผยแพร่ขั้นตอน')
      expect(await p.textContent('tr[data-round="12"]')).toContain('ยังไม่ติดตาม')
      await axe()

      // The year's register: the heat map and the table; then publish and see the public summary.
      await p.goto(`${s.baseUrl}${base}/year/${year}`)
      expect(await p.textContent('h1')).toBe(`ทะเบียนความเสี่ยงการทุจริต ปีงบประมาณ ${year}`)
      expect(await p.textContent('#heat-inherent-table td[data-cell="4-5"]')).toBe('20 สูงมาก: R1')
      expect(await p.textContent('main table:not(.heat-table)')).toContain(measure)
      await axe()
      // The year's level bands page (the default is unverified); a wrong order is refused on the same form.
      await clickAndWait(p, `a[href="${base}/year/${year}/bands"]`)
      expect(await p.textContent('main')).toContain('ต่ำ 1–3, ปานกลาง 4–9, สูง 10–16, สูงมาก 17–25')
      await p.fill('#mediumMax', '2')
      expect((await submit('/bands')).status()).toBe(422)
      expect(await p.inputValue('#mediumMax')).toBe('2')
      expect(await summaryFocused(p)).toBe(true)
      await axe()
      await p.goto(`${s.baseUrl}${url}/edit`)
      await p.selectOption('#status', 'published')
      await submit('/edit')
      expect(await p.textContent('main')).toContain('เผยแพร่แล้ว')
      expect(await p.locator(`a[href="${url}/delete"]`).count()).toBe(0)
      await p.goto(`${s.baseUrl}/o/${a.org.slug}/risks/${year}`)
      expect(await p.textContent('h1')).toBe(`การประเมินความเสี่ยงการทุจริต ปีงบประมาณ ${year}`)
      expect(await p.textContent('main')).toContain(event)
      expect(await p.textContent('#heat-inherent-table td[data-cell="4-5"]')).toBe('20 สูงมาก: R1')
      await axe()
      await p.context().close()
    })
  }

  it('a draft is deleted after its confirmation page; a viewer sees the register without edit links; axe on both', { timeout: 90_000 }, async () => {
    const r = await buildRisk(s.deps.db, a.org.id, { fiscalYear: 2568, seq: 1, event: 'ความเสี่ยงที่จะลบ', ownerUnitId: unitId })
    const p = await newPage(true)
    await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
    const base = `/o/${a.org.slug}/admin/risks`
    await p.goto(`${s.baseUrl}${base}/${r.id}`)
    await clickAndWait(p, `a[href="${base}/${r.id}/delete"]`)
    expect(await p.textContent('h1')).toBe('ยืนยันการลบ "R1 ความเสี่ยงที่จะลบ"')
    await expectNoAxeViolations(p)
    await clickAndWait(p, 'main form[method=post] button.danger')
    expect(await p.textContent('.notice')).toContain('ลบความเสี่ยง')
    await p.context().close()
    const v = await newPage(true)
    await signIn(v, s.baseUrl, a.org.slug, a.users.viewer.email)
    await v.goto(`${s.baseUrl}${base}/year/2566`)
    expect(await v.locator('a[href$="/new?fy=2566"], form[action$="/copy"]').count()).toBe(0)
    await expectNoAxeViolations(v)
    await v.context().close()
  })
})
