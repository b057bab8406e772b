// Measures' bad-input path in a real Chromium, with JavaScript on (axe on every page) and off:
// the same form comes back with the error summary focused, inline errors and the values kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { inOrg } from '../../db/client.js'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { FAKE_EXE } from '../../../tests/support/multipart.js'
import { renderMeasuresReportDocx } from '../reports/index.js'
import { phanomrung2566 } from '../../../demo/phanomrung-2566.js'
import { measures } from './measures.schema.js'

describe('measures forms in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db, { settings: { thaiNumerals: false } })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()
  const focusedSummary = summaryFocused

  for (const js of [true, false]) {
    it(`an officer adds a measure and an activity after mistakes, edits the measure, and a repeat import is refused${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      const year = js ? 2567 : 2569
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const ita = `/o/${a.org.slug}/admin/ita`
      await p.goto(`${s.baseUrl}${ita}/${year}/measures`)

      // The add form: a range that ends before it starts.
      const title = `มาตรการเปิดเผยข้อมูล ${js ? 'ก' : 'ข'}`
      await p.fill('#title', title)
      await p.fill('#steps', '1. ประกาศ\n2. ติดตาม')
      await p.selectOption('#periodKind', 'range')
      await p.fill('#periodStart', '01/05/2567')
      await p.fill('#periodEnd', '01/01/2567')
      const bad = await clickAndWait(p, `form[action="${ita}/${year}/measures"] button[type=submit]`)
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await focusedSummary(p)).toBe(true)
      expect(await p.textContent('.error-summary')).toContain('กรุณาระบุวันเริ่มและวันสิ้นสุดให้ถูกต้อง')
      expect(await p.inputValue('#title')).toBe(title)
      expect(await p.inputValue('#steps')).toBe('1. ประกาศ\n2. ติดตาม')
      await axe()
      await p.selectOption('#periodKind', 'fiscal_year')
      await clickAndWait(p, `form[action="${ita}/${year}/measures"] button[type=submit]`)
      expect(await p.textContent('h1')).toBe(title)

      // The activity form: a disguised file is refused; everything typed stays.
      const add = 'form[action$="/activities"]'
      await p.fill(`${add} #title`, 'ประชุมชี้แจง')
      await p.fill(`${add} #note`, 'ผู้เข้าร่วม 40 คน')
      await p.setInputFiles('#evidenceFile', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(FAKE_EXE) })
      const refused = await clickAndWait(p, `${add} button[type=submit]`)
      expect(refused.status()).toBe(422)
      expect(await focusedSummary(p)).toBe(true)
      expect(await p.getAttribute('.error-summary a', 'href')).toBe('#evidenceFile')
      expect(await p.inputValue(`${add} #title`)).toBe('ประชุมชี้แจง')
      expect(await p.inputValue(`${add} #note`)).toBe('ผู้เข้าร่วม 40 คน')
      await axe()
      await clickAndWait(p, `${add} button[type=submit]`) // the file is not kept by the browser: sent without it
      expect(await p.textContent('.notice')).toContain('บันทึกกิจกรรมแล้ว')

      // An activity's evidence form: the summary links to that form's own field.
      const ev = 'form.evidence-form'
      await p.fill(`${ev} input[name=title]`, 'ข่าวประชาสัมพันธ์')
      await p.fill(`${ev} input[name=url]`, 'ftp://example.org/news')
      const badLink = await clickAndWait(p, `${ev} button[type=submit]`)
      expect(badLink.status()).toBe(422)
      const href = (await p.getAttribute('.error-summary a', 'href'))!
      expect(await p.getAttribute(href, 'name')).toBe('url')
      expect(await p.inputValue(href)).toBe('ftp://example.org/news')
      await axe()

      // The edit page.
      await clickAndWait(p, 'a[href$="/edit"]')
      await axe()
      await p.fill('#title', '')
      const noTitle = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(noTitle.status()).toBe(422)
      expect(await focusedSummary(p)).toBe(true)
      expect(await p.textContent('.error-summary')).toContain('กรุณาระบุชื่อมาตรการ')
      expect(await p.inputValue('#steps')).toBe('1. ประกาศ\n2. ติดตาม')
      await p.fill('#title', `${title} (ปรับปรุง)`)
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(await p.textContent('h1')).toBe(`${title} (ปรับปรุง)`)

      // A repeat import of a year that has measures: 409 on the upload form, year kept.
      await p.goto(`${s.baseUrl}${ita}/import`)
      await p.fill('#fiscalYear', String(year))
      await p.setInputFiles('#docx', { name: 'old.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await renderMeasuresReportDocx(phanomrung2566) })
      const repeat = await clickAndWait(p, 'form[action$="/import"] button[type=submit]')
      expect(repeat.status()).toBe(409)
      expect(await focusedSummary(p)).toBe(true)
      expect(await p.textContent('.error-summary')).toContain(`ปี ${year} มีมาตรการอยู่แล้ว`)
      expect(await p.inputValue('#fiscalYear')).toBe(String(year))
      await axe()
      const n = await inOrg(s.deps.db, a.org.id, async (tx) => (await tx.select().from(measures)).filter((m) => m.fiscalYear === year).length)
      expect(n).toBe(1)
      await p.context().close()
    })
  }
})
