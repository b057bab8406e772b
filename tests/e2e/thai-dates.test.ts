// Thai dates in a real Chromium, JavaScript on and off (issue 15): a progress entry typed
// 15/03/2567 is stored 2024-03-15 and shown ๑๕ มีนาคม ๒๕๖๗; a date outside the plan's fiscal year
// comes back asking to confirm that date (values kept); a C.E. year is refused with the พ.ศ. day
// suggested; with JavaScript the field reads the date back as typed and a keyboard calendar in
// พ.ศ. fills it; there is never a native (Gregorian) date input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { inOrg } from '../../src/db/client.js'
import { planProgress } from '../../src/modules/assessment/assessment.schema.js'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../support/browser.js'

describe('Thai dates in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db, { settings: { thaiNumerals: true } })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()
  const storedDate = async (body: string) => (await inOrg(s.deps.db, a.org.id, (tx) => tx.select({ d: planProgress.entryDate }).from(planProgress).where(eq(planProgress.body, body)))).map((r) => r.d)

  for (const js of [true, false]) {
    it(`progress entry: 15/03/2567 is stored 2024-03-15 and shown ๑๕ มีนาคม ๒๕๖๗; a date outside the year asks to confirm${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const plan = `/o/${a.org.slug}/admin/ita/2567/plans/3`
      const submit = `form[action="${plan}/progress"] button[type=submit]`
      await p.goto(s.baseUrl + plan)
      expect(await p.locator('input[type=date]').count()).toBe(0)
      expect(await p.getAttribute('#entryDate', 'type')).toBe('text')
      expect(await p.textContent('#entryDate-hint')).toContain('วว/ดด/ปปปป พ.ศ.')
      const tag = js ? 'ก' : 'ข'

      // 1. Typed as staff type it.
      await p.fill('#entryDate', '15/03/2567')
      if (js) expect(await p.textContent('#entryDate-reads')).toBe('วันที่ที่กรอก: ๑๕ มีนาคม ๒๕๖๗')
      await p.fill('#body', `ประชุมชี้แจงมาตรการ ${tag}`)
      expect((await clickAndWait(p, submit)).status()).toBe(200)
      expect(await storedDate(`ประชุมชี้แจงมาตรการ ${tag}`)).toEqual(['2024-03-15'])
      expect(await p.locator('ol.log').textContent()).toContain(`๑๕ มีนาคม ๒๕๖๗: ประชุมชี้แจงมาตรการ ${tag}`)

      // 2. A Christian-era year is refused, with the same day in พ.ศ. suggested; values kept.
      await p.fill('#entryDate', '15/03/2024')
      await p.fill('#body', `ติดตามผล ${tag}`)
      expect((await clickAndWait(p, submit)).status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.textContent('.error-summary')).toContain('ถ้าหมายถึง 15/03/2567')
      expect(await p.inputValue('#body')).toBe(`ติดตามผล ${tag}`)

      // 3. A date outside fiscal year 2567 (1 ต.ค. 2566 – 30 ก.ย. 2567) asks to confirm it.
      await p.fill('#entryDate', '1/10/2567')
      expect((await clickAndWait(p, submit)).status()).toBe(422)
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.textContent('.error-summary')).toContain('อยู่นอกปีงบประมาณ ๒๕๖๗')
      expect(await p.inputValue('#entryDate')).toBe('1/10/2567')
      expect(await p.inputValue('#body')).toBe(`ติดตามผล ${tag}`)
      expect(await p.textContent('label[for=entryDate_confirm]')).toContain('๑ ตุลาคม ๒๕๖๗')
      if (js) await expectNoAxeViolations(p)
      expect(await storedDate(`ติดตามผล ${tag}`)).toEqual([])
      await p.check('#entryDate_confirm')
      expect((await clickAndWait(p, submit)).status()).toBe(200)
      expect(await storedDate(`ติดตามผล ${tag}`)).toEqual(['2024-10-01'])

      if (js) {
        // 4. The calendar in พ.ศ., by keyboard: it opens on the typed day; → a day, Page Down a month, Enter picks.
        expect(await p.locator('.date-toggle').count()).toBe(1)
        await p.fill('#entryDate', '15/03/2567')
        await p.focus('.date-toggle')
        await p.keyboard.press('Enter')
        expect(await p.getAttribute('.date-toggle', 'aria-expanded')).toBe('true')
        expect(await p.textContent('.date-cal-title')).toBe('มีนาคม ๒๕๖๗')
        expect(await p.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('๑๕ มีนาคม ๒๕๖๗')
        await expectNoAxeViolations(p)
        await p.keyboard.press('ArrowRight')
        await p.keyboard.press('PageDown')
        expect(await p.textContent('.date-cal-title')).toBe('เมษายน ๒๕๖๗')
        await p.keyboard.press('Enter')
        expect(await p.inputValue('#entryDate')).toBe('16/04/2567')
        expect(await p.isHidden('.date-cal')).toBe(true)
        expect(await p.evaluate(() => document.activeElement?.id)).toBe('entryDate')
        expect(await p.textContent('#entryDate-reads')).toBe('วันที่ที่กรอก: ๑๖ เมษายน ๒๕๖๗')
        // Escape closes and gives the focus back to the button.
        await p.focus('.date-toggle')
        await p.keyboard.press('Enter')
        await p.keyboard.press('Escape')
        expect(await p.isHidden('.date-cal')).toBe(true)
        expect(await p.evaluate(() => document.activeElement?.classList.contains('date-toggle'))).toBe(true)
      } else {
        expect(await p.locator('.date-toggle').count()).toBe(0)
      }
      await p.context().close()
    })
  }
})
