// The gifts module's pages in a real Chromium, with JavaScript on and off. axe runs on every page
// visited with JavaScript on (it is a script itself); the JavaScript-off runs visit the same pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { buildGift, buildPerson } from './testing/factories.js'

describe('gifts module in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  let boss = { id: '', fullName: '' }
  let recipient = { id: '', fullName: '' }
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
    boss = await buildPerson(s.deps.db, a.org.id, { fullName: 'นายหัวหน้า กองทดสอบ', position: 'ผู้อำนวยการกองคลัง', userId: a.users.executive.id })
    recipient = await buildPerson(s.deps.db, a.org.id, { fullName: 'นางสาวผู้รับ ทดสอบ', position: 'นักวิชาการเงินและบัญชี', supervisorId: boss.id, userId: a.users.officer.id })
    await buildPerson(s.deps.db, a.org.id, { fullName: 'นายผู้ดู ทดสอบ', userId: a.users.viewer.id })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()

  for (const js of [true, false]) {
    // JavaScript on works in FY2566, off in FY2567: each run publishes its own half.
    const fy = js ? 2566 : 2567
    const day = js ? '03/01/2566' : '04/01/2567'
    it(`an officer records an over-limit gift (after a mistake), it goes to the supervisor, the report is published${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const base = `/o/${a.org.slug}/admin/gifts`
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      expect(await p.textContent('h1')).toBe('ทะเบียนการรับของขวัญและประโยชน์อื่นใด')
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      expect(await p.textContent('h1')).toBe('บันทึกการรับของขวัญ')
      await axe()
      const giver = `บริษัท คู่สัญญาทดสอบ ${js ? 'ก' : 'ข'} จำกัด`
      await p.selectOption('#personId', recipient.id)
      await p.fill('#receivedOn', day)
      await p.fill('#giver', giver)
      await p.selectOption('#relation', 'stakeholder')
      await p.fill('#occasion', 'วันขึ้นปีใหม่')
      await p.fill('#description', 'กระเช้าสินค้าและบัตรกำนัล')
      await p.fill('#valueBaht', '4,500')
      await p.selectOption('#action', 'handed_over')
      // Handed over, but to whom and when is missing.
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.textContent('.error-summary')).toContain('ระบุผู้รับมอบเมื่อส่งมอบเป็นของหน่วยงาน')
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.inputValue('#giver')).toBe(giver)
      expect(await p.inputValue('#valueBaht')).toBe('4,500')
      expect(await p.inputValue('#receivedOn')).toBe(day)
      expect(await p.inputValue('#personId')).toBe(recipient.id)
      expect(await p.inputValue('#action')).toBe('handed_over')
      await axe()
      await p.fill('#handedTo', 'สำนักปลัดเทศบาล')
      await p.fill('#handedOn', day)
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      // Over the limit: the edit page, routed to the recipient's supervisor, with the 30-day date.
      expect(new URL(p.url()).pathname).toMatch(new RegExp(`^${base}/[0-9a-f-]{36}/edit$`))
      expect(await p.textContent('.notice')).toContain(giver)
      expect(await p.textContent('main .card')).toContain('เกินเกณฑ์ ต้องรายงาน')
      expect(await p.textContent('main .card')).toContain('ต้องรายงานภายใน')
      expect(await p.inputValue('#reportedTo')).toBe(boss.id)
      await axe()
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(new URL(p.url()).pathname).toBe(base)
      expect(await p.textContent('main table')).toContain(giver)

      // Nil returns of the half, then the half's report: published, it shows on the public page without names.
      await p.goto(`${s.baseUrl}${base}/returns/${fy}/1`)
      expect(await p.textContent('h1')).toContain('การแจ้งไม่ได้รับของขวัญ')
      await axe()
      await p.goto(`${s.baseUrl}${base}/reports/${fy}/1`)
      expect(await p.textContent('main table')).toContain(giver)
      expect(await p.locator(`a[href$="/reports/${fy}/1/report.pdf"]`).count()).toBe(1)
      await axe()
      await p.fill('#note', 'ถ่ายทอดนโยบาย No Gift Policy ทุกเดือน')
      await clickAndWait(p, 'main form[method=post] button[name=publish][value="1"]')
      expect(await p.textContent('.notice')).toContain('เผยแพร่สรุปผลแล้ว')
      await axe()
      await p.goto(`${s.baseUrl}/o/${a.org.slug}/gifts`)
      expect(await p.textContent('h1')).toBe('รายงานผลการรับของขวัญ ของกำนัล ตามนโยบาย No Gift Policy')
      const section = (await p.textContent(`#h-${fy}-1`))!
      expect(section).toContain('ถ่ายทอดนโยบาย No Gift Policy ทุกเดือน')
      expect(section).toContain('< 5')
      for (const secret of [giver, recipient.fullName, boss.fullName, 'กระเช้าสินค้า']) expect(await p.textContent('main')).not.toContain(secret)
      await axe()
      await p.context().close()
    })

    it(`an officer deletes a mistaken record after confirming${js ? '' : ' (JavaScript off)'}`, { timeout: 90_000 }, async () => {
      const giver = `ผู้ให้บันทึกผิด ${js ? 'ก' : 'ข'}`
      await buildGift(s.deps.db, a.org.id, recipient.id, { giver, receivedOn: '2024-05-02', fiscalYear: 2567, half: 2 })
      const p = await newPage(js)
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      await p.goto(`${s.baseUrl}/o/${a.org.slug}/admin/gifts?q=${encodeURIComponent(giver)}`)
      await axe()
      await clickAndWait(p, `a[href$="/delete"]:has-text("${giver}")`)
      expect(await p.textContent('h1')).toContain(giver)
      await axe()
      await clickAndWait(p, 'main form[method=post] button.danger')
      expect(await p.textContent('.notice')).toContain(`ลบรายการจาก "${giver}" แล้ว`)
      expect(await p.locator(`main table :text("${giver}")`).count()).toBe(0)
      await p.context().close()
    })
  }

  it('an executive reads the register with no edit links; a viewer files a nil return but cannot open the register', { timeout: 90_000 }, async () => {
    const p = await newPage(true)
    await signIn(p, s.baseUrl, a.org.slug, a.users.executive.email)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/admin/gifts`)
    expect(await p.textContent('h1')).toBe('ทะเบียนการรับของขวัญและประโยชน์อื่นใด')
    expect(await p.locator('main table tbody tr').count()).toBeGreaterThan(0)
    expect(await p.locator('a[href$="/new"], a[href$="/edit"], a[href$="/delete"]').count()).toBe(0)
    await expectNoAxeViolations(p)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/admin/gifts/rules`)
    expect(await p.textContent('main')).toContain('ยังไม่ยืนยันกับแหล่งต้นฉบับ')
    await expectNoAxeViolations(p)
    await p.context().close()

    const v = await newPage(true)
    await signIn(v, s.baseUrl, a.org.slug, a.users.viewer.email)
    expect((await v.goto(`${s.baseUrl}/o/${a.org.slug}/admin/gifts`))!.status()).toBe(403)
    await v.goto(`${s.baseUrl}/o/${a.org.slug}/admin`)
    await clickAndWait(v, `nav a[href="/o/${a.org.slug}/admin/gifts/mine"]`)
    expect(await v.textContent('h1')).toBe('การแจ้งรับของขวัญของฉัน')
    await expectNoAxeViolations(v)
    await clickAndWait(v, 'main form[method=post] button[type=submit]')
    expect(await v.textContent('.notice')).toContain('บันทึกการแจ้งไม่ได้รับแล้ว')
    expect(await v.locator('main .card .badge.ok').count()).toBe(1)
    await expectNoAxeViolations(v)
    await v.context().close()
  })

  it('the public summary page (empty and published) shows to a visitor with JavaScript on (axe) and off', { timeout: 60_000 }, async () => {
    const other = await seedAgency(s.deps.db)
    for (const js of [true, false]) {
      const p = await newPage(js)
      const res = await p.goto(`${s.baseUrl}/o/${other.org.slug}/gifts`)
      expect(res!.status()).toBe(200)
      expect(await p.textContent('main')).toContain('ยังไม่มีรายงานที่เผยแพร่')
      if (js) await expectNoAxeViolations(p)
      await p.goto(`${s.baseUrl}/o/${a.org.slug}/gifts`)
      expect(await p.locator('main section[id^="h-"]').count()).toBe(2)
      if (js) await expectNoAxeViolations(p)
      await p.context().close()
    }
  })
})
