// Surveys in a real Chromium, with JavaScript on (axe on every page) and off: an officer builds a
// survey from the standard form (after a mistake), adds a service point and opens it; a citizen
// answers through the point's QR address on a 360 px phone; the officer sees the results and
// downloads them as XLSX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { resetSpamLimit } from './answer.routes.js'

describe('surveys in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean, phone = false): Promise<Page> =>
    (await (await browser.get()).newContext({ javaScriptEnabled: js, acceptDownloads: true, ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {}) })).newPage()

  for (const js of [true, false]) {
    it(`is built, answered by QR on a phone, and its results exported${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      resetSpamLimit()
      const p = await newPage(js)
      const axe = async (page: Page = p) => {
        if (js) await expectNoAxeViolations(page)
      }
      const base = `/o/${a.org.slug}/admin/surveys`
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      expect(await p.textContent('h1')).toBe('แบบสำรวจความพึงพอใจ')
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      await axe()
      const title = `ความพึงพอใจต่อการให้บริการ ${js ? 'ก' : 'ข'}`
      await p.selectOption('#template', 'service-satisfaction')
      await p.fill('#title', title)
      await p.fill('#fiscalYear', '2023') // a Gregorian year: refused, the form kept
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.inputValue('#title')).toBe(title)
      expect(await p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
      await axe()
      await p.fill('#fiscalYear', '๒๕๖๖')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(await p.textContent('h1')).toBe(title)
      expect(await p.locator('#question-list tbody tr').count()).toBe(11)
      await p.fill('#name', 'งานทะเบียนราษฎร')
      await clickAndWait(p, `form[action$="/points"] button`)
      await clickAndWait(p, `form[action$="/open"] button`)
      expect(await p.textContent('#survey-state')).toContain('เปิดรับคำตอบ')
      await axe()
      const href = await p.getAttribute('#answer-links li:has-text("งานทะเบียนราษฎร") a[href*="/surveys/r/"]', 'href')
      const answerPath = new URL(href!).pathname + new URL(href!).search

      // A citizen on a cheap phone: the QR code's address, no account.
      const phone = await newPage(js, true)
      await phone.goto(s.baseUrl + answerPath)
      expect(await phone.textContent('main')).toContain('จุดบริการ: งานทะเบียนราษฎร')
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await axe(phone)
      // Forgot the questions: told which, the one answered kept.
      await phone.check('fieldset:has(legend:has-text("1.")) label:has-text("มากที่สุด")')
      const miss = await clickAndWait(phone, 'main form[method=post] button[type=submit]')
      expect(miss.status()).toBe(422)
      expect(await phone.textContent('.error-summary')).toContain('ข้อ 2: โปรดตอบข้อนี้')
      expect(await phone.isChecked('fieldset:has(legend:has-text("1.")) label:has-text("มากที่สุด")')).toBe(true)
      await axe(phone)
      for (let n = 2; n <= 10; n++) await phone.check(`fieldset:has(legend:has-text("${n}.")) label:has-text("${n % 2 ? 'มากที่สุด' : 'มาก'}") >> nth=0`)
      await phone.fill('textarea', 'ที่นั่งรอไม่เพียงพอช่วงเช้า')
      const done = await clickAndWait(phone, 'main form[method=post] button[type=submit]')
      expect(done.status()).toBe(200)
      expect(await phone.textContent('main')).toContain('ขอบคุณที่ตอบแบบสำรวจ')
      await axe(phone)
      await phone.context().close()

      // The officer's results: one sheet is fewer than five, so only its count shows.
      await p.goto(s.baseUrl + `${new URL(p.url()).pathname}/results`)
      expect(await p.textContent('#results-total')).toContain('ผู้ตอบ 1 คน')
      expect(await p.textContent('#results-suppressed')).toContain('น้อยกว่า 5 คน')
      await axe()
      const [download] = await Promise.all([p.waitForEvent('download'), p.click('a[href*="results.xlsx"]')])
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile((await download.path())!)
      expect(wb.getWorksheet('สรุปผล')!.getRow(2).values).toEqual([undefined, 'ผู้ตอบทั้งหมด', 1])
      await p.context().close()
    })
  }

  it('the public list and results pass axe', { timeout: 60_000 }, async () => {
    const p = await newPage(true)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/surveys`)
    expect(await p.textContent('h1')).toBe('แบบสำรวจความพึงพอใจ')
    await expectNoAxeViolations(p)
    await clickAndWait(p, 'main a:has-text("ดูผลสำรวจ") >> nth=0')
    expect(await p.textContent('h1')).toContain('ผลสำรวจ:')
    await expectNoAxeViolations(p)
    await p.context().close()
  })
})
