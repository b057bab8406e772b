// Publishing an announcement and acknowledging it as two people (one signed in, one through a
// single-use link) in a real Chromium, with JavaScript on (axe on every page) and off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { buildUnit } from '../../../tests/support/factories.js'
import { buildPerson } from './testing/factories.js'

describe('announcements in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
    const unit = await buildUnit(s.deps.db, a.org, 'กองคลัง')
    await buildPerson(s.deps.db, a.org.id, { name: 'วิภา ปฏิบัติการ', unitIds: [unit.id], userId: a.users.officer.id })
    await buildPerson(s.deps.db, a.org.id, { name: 'นายสมบัติ ขยันยิ่ง', kind: 'permanent_employee', unitIds: [unit.id] })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()
  const unitPct = (p: Page) => p.textContent('#ack-units tbody tr:has-text("กองคลัง") td:last-child')

  for (const js of [true, false]) {
    it(`publishes, is acknowledged signed in and by a single-use link, and a revision asks again${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      const axe = async (page: Page = p) => {
        if (js) await expectNoAxeViolations(page)
      }
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const base = `/o/${a.org.slug}/admin/announcements`
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      await axe()
      const subject = `มาตรการ Do & Don't ${js ? 'ก' : 'ข'}`
      await p.selectOption('#kind', 'measure')
      await p.fill('#subject', subject)
      await p.fill('#body', 'ข้อ ๑ ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต')
      await p.fill('#signedOn', '09/01/2023')
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.inputValue('#subject')).toBe(subject)
      expect(await p.inputValue('#body')).toBe('ข้อ ๑ ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต')
      expect(await p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
      await axe()
      await p.fill('#signedOn', '09/01/2566')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(await p.textContent('h1')).toBe(subject)
      await clickAndWait(p, `form[action$="/publish"] button`)
      expect(await p.textContent('.notice')).toContain('เลขที่')
      expect(await unitPct(p)).toBe('0.0%')
      await axe()

      // Person 1: signed in, one click.
      await clickAndWait(p, `main form[action$="/ack"] button`)
      expect(await unitPct(p)).toBe('50.0%')

      // Person 2: no account; a single-use link from the printable sheet.
      await clickAndWait(p, `form[action$="/links"] button:not([name])`)
      await axe()
      const href = await p.getAttribute('.link-slip a', 'href')
      const path = new URL(href!).pathname
      const q = await newPage(js)
      await q.goto(s.baseUrl + path)
      expect(await q.textContent('main')).toContain('สำหรับ นายสมบัติ ขยันยิ่ง')
      await axe(q)
      await clickAndWait(q, 'main form[method=post] button[type=submit]')
      expect(await q.textContent('.notice')).toContain('บันทึกการรับทราบ')
      await axe(q)
      const reuse = await q.goto(s.baseUrl + path)
      expect(reuse?.status()).toBe(404)
      await q.context().close()

      await p.goto(s.baseUrl + new URL(p.url()).pathname.replace(/\/links$/, ''))
      expect(await unitPct(p)).toBe('100.0%')

      // A revision asks everyone again.
      await clickAndWait(p, 'a[href$="/revise"]')
      await axe()
      await p.fill('#body', 'ข้อ ๑ ปฏิบัติหน้าที่ด้วยความซื่อสัตย์สุจริต\n\nข้อ ๒ ไม่รับของขวัญทุกชนิด (No Gift Policy)')
      await p.fill('#changeNote', 'เพิ่มข้อ ๒ เรื่องของขวัญ')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(await unitPct(p)).toBe('0.0%')
      expect(await p.textContent('main')).toContain('เพิ่มข้อ ๒ เรื่องของขวัญ')
      await p.context().close()
    })
  }

  it('the public list and page pass axe', { timeout: 60_000 }, async () => {
    const p = await newPage(true)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/announcements`)
    expect(await p.textContent('h1')).toBe('ประกาศและคำสั่ง')
    await expectNoAxeViolations(p)
    await clickAndWait(p, 'main .item-list a')
    expect(await p.textContent('main')).toContain('ไม่รับของขวัญทุกชนิด')
    await expectNoAxeViolations(p)
    await p.context().close()
  })
})
