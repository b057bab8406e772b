// A manual from draft to acknowledged in a real Chromium, with JavaScript on (axe on every page)
// and off: the officer writes it (bad input first), the executive approves it, and the unit's three
// staff acknowledge it three ways — signed in, through a single-use link, and on the paper sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { buildUnit } from '../../../tests/support/factories.js'
import { buildPerson } from './testing/factories.js'

describe('manuals in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  let unitId = ''
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
    unitId = (await buildUnit(s.deps.db, a.org, 'กองคลัง')).id
    await buildPerson(s.deps.db, a.org.id, { name: 'วิภา ปฏิบัติการ', unitIds: [unitId], userId: a.users.officer.id })
    await buildPerson(s.deps.db, a.org.id, { name: 'นายสมบัติ ขยันยิ่ง', kind: 'permanent_employee', unitIds: [unitId] })
    await buildPerson(s.deps.db, a.org.id, { name: 'นางสาวพรทิพย์ ตั้งใจ', kind: 'contract_employee', unitIds: [unitId] })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()
  const summary = (p: Page) => p.textContent('#ack-summary')

  for (const js of [true, false]) {
    it(`is written, approved, and acknowledged signed in, by link and on paper${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      const axe = async (page: Page = p) => {
        if (js) await expectNoAxeViolations(page)
      }
      const base = `/o/${a.org.slug}/admin/manuals`
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      const title = `คู่มือการปฏิบัติงาน การรับชำระค่าธรรมเนียม ${js ? 'ก' : 'ข'}`
      await p.selectOption('#kind', 'operation')
      await p.selectOption('#unitId', unitId)
      await p.fill('#title', title)
      await p.selectOption('#audience', 'staff')
      await p.fill('#body', '๑. ตรวจสอบเอกสาร\n๒. ออกใบเสร็จรับเงิน')
      await p.fill('#effectiveOn', '03/10/2022') // a Gregorian year: refused, the form kept
      await p.fill('#nextReviewOn', '29/09/2566')
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.inputValue('#title')).toBe(title)
      expect(await p.inputValue('#nextReviewOn')).toBe('29/09/2566')
      await axe()
      await p.fill('#effectiveOn', '03/10/2565')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(await p.textContent('h1')).toBe(title)
      const manualPath = new URL(p.url()).pathname
      await axe()

      // The executive approves the draft.
      const e = await newPage(js)
      await signIn(e, s.baseUrl, a.org.slug, a.users.executive.email)
      await e.goto(s.baseUrl + manualPath)
      await clickAndWait(e, 'form[action$="/approve"] button')
      expect(await e.textContent('#in-force')).toContain('ฉบับที่ 1')
      await e.context().close()

      // Person 1: signed in, one click.
      await p.goto(s.baseUrl + manualPath)
      expect(await summary(p)).toContain('0 จาก 3 คน (0.0%)')
      await axe()
      await clickAndWait(p, `main form[action$="/ack"] button`)
      expect(await summary(p)).toContain('1 จาก 3 คน (33.3%)')

      // Person 2: no account; a single-use link from the printable slips.
      await clickAndWait(p, `form[action$="/links"] button:not([name])`)
      await axe()
      expect(await p.locator('.link-slip').count()).toBe(2)
      const href = await p.getAttribute('.link-slip:has-text("นายสมบัติ ขยันยิ่ง") a', 'href')
      const path = new URL(href!).pathname
      const q = await newPage(js)
      await q.goto(s.baseUrl + path)
      expect(await q.textContent('main')).toContain('สำหรับ นายสมบัติ ขยันยิ่ง')
      expect(await q.textContent('main')).toContain('ออกใบเสร็จรับเงิน')
      await axe(q)
      await clickAndWait(q, 'main form[method=post] button[type=submit]')
      expect(await q.textContent('.notice')).toContain('บันทึกการรับทราบ')
      await axe(q)
      expect((await q.goto(s.baseUrl + path))?.status()).toBe(404)
      await q.context().close()
      await p.goto(s.baseUrl + manualPath)
      expect(await summary(p)).toContain('2 จาก 3 คน (66.7%)')

      // Person 3: signed the paper sheet; recorded back (nothing ticked first: 422, focus on the summary).
      const none = await clickAndWait(p, 'form[action$="/paper"] button[type=submit]')
      expect(none.status()).toBe(422)
      if (js) expect(await p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
      await axe()
      await p.check('label:has-text("นางสาวพรทิพย์ ตั้งใจ")')
      await clickAndWait(p, 'form[action$="/paper"] button[type=submit]')
      expect(await summary(p)).toContain('3 จาก 3 คน (100.0%)')
      expect(await p.textContent('main')).toContain('ทุกคนรับทราบแล้ว')
      await axe()
      await p.context().close()
    })
  }
})
