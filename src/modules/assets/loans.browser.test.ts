// The loan flow in a real Chromium: a citizen asks for tables on a 360 px phone (no account), the
// authorised person approves, the officer hands them over and takes them back — JavaScript on (axe
// on every page) and off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { buildAsset } from './testing/factories.js'

describe('assets: a loan in a real browser', () => {
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
  const newPage = async (js: boolean, phone = false): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js, ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true } : {}) })).newPage()

  for (const js of [true, false]) {
    it(`a citizen asks for tables on a phone; staff approve, hand over and take back${js ? '' : ' (JavaScript off)'}`, { timeout: 150_000 }, async () => {
      const tables = await buildAsset(s.deps.db, a.org.id, { name: `โต๊ะพับอเนกประสงค์ ${js ? 'ก' : 'ข'}`, lendPublic: true })
      const axe = async (p: Page) => {
        if (js) await expectNoAxeViolations(p)
      }
      // The citizen, on a 360 px phone, without an account.
      const phone = await newPage(js, true)
      await phone.goto(`${s.baseUrl}/o/${a.org.slug}/assets`)
      expect(await phone.textContent('main')).toContain(tables.name)
      await axe(phone)
      await clickAndWait(phone, `main a[href="/o/${a.org.slug}/assets/request"]`)
      await axe(phone)
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await phone.selectOption('#assetId', tables.id)
      await phone.fill('#startOn', '12/04/2567')
      await phone.fill('#endOn', '13/04/2567')
      await phone.fill('#purpose', 'จัดงานสงกรานต์ของหมู่บ้าน')
      await phone.fill('#place', 'ศาลาประชาคมหมู่ 5')
      await phone.fill('#borrowerName', 'ผู้ใหญ่บ้านหมู่ 5')
      const bad = await clickAndWait(phone, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await phone.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await phone.inputValue('#purpose')).toBe('จัดงานสงกรานต์ของหมู่บ้าน')
      await axe(phone)
      await phone.fill('#borrowerContact', '081 234 5678')
      const sent = await clickAndWait(phone, 'main form[method=post] button[type=submit]')
      expect(sent.status()).toBe(200)
      const code = (await phone.textContent('strong.code'))!.trim()
      expect(code).toMatch(/^[A-Z0-9]{8}$/)
      await axe(phone)
      await clickAndWait(phone, `main a[href$="/track?code=${code}"]`)
      expect(await phone.textContent('main [role=status]')).toContain('รออนุมัติ')
      await axe(phone)

      // The authorised person approves before use.
      const exec = await newPage(js)
      await signIn(exec, s.baseUrl, a.org.slug, a.users.executive.email)
      await exec.goto(`${s.baseUrl}/o/${a.org.slug}/admin/assets/loans?status=requested`)
      await axe(exec)
      await clickAndWait(exec, `main a:has-text("${code}")`)
      await axe(exec)
      await clickAndWait(exec, 'button[value=approve]')
      expect(await exec.textContent('.notice')).toContain(code)

      // The officer hands the tables over, then takes them back with a damage note.
      const officer = await newPage(js)
      await signIn(officer, s.baseUrl, a.org.slug, a.users.officer.email)
      await officer.goto(exec.url())
      await officer.fill('#condition', 'โต๊ะสมบูรณ์ ขาพับได้ปกติ')
      await clickAndWait(officer, `form[action$="/checkout"] button[type=submit]`)
      expect(await officer.textContent('main dl')).toContain('ส่งมอบแล้ว')
      await axe(officer)
      await officer.check('#damaged')
      const noNote = await clickAndWait(officer, `form[action$="/return"] button[type=submit]`)
      expect(noNote.status()).toBe(422)
      await officer.fill('#damageNote', 'หน้าโต๊ะมีรอยแตก 1 จุด ผู้ยืมรับซ่อม')
      await clickAndWait(officer, `form[action$="/return"] button[type=submit]`)
      expect(await officer.textContent('main dl')).toContain('คืนแล้ว')
      expect(await officer.textContent('main')).toContain('หน้าโต๊ะมีรอยแตก')
      await axe(officer)

      await phone.reload()
      expect(await phone.textContent('main [role=status]')).toContain('คืนแล้ว')
      for (const p of [phone, exec, officer]) await p.context().close()
    })
  }
})
