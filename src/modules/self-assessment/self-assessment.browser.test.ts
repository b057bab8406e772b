// A self-assessment round in a real Chromium, with JavaScript on (axe on every page) and off: an
// officer opens an IIT round (after a mistake), issues single-use links from its survey, two
// people answer — no estimate yet — then three more, and the estimates appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'

describe('self-assessment in a real browser', () => {
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
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()

  for (const [js, year] of [[true, '2567'], [false, '2568']] as const) {
    it(`runs a round and shows estimates only from five answers on${js ? '' : ' (JavaScript off)'}`, { timeout: 240_000 }, async () => {
      const p = await newPage(js)
      const axe = async (page: Page = p) => {
        if (js) await expectNoAxeViolations(page)
      }
      const base = `/o/${a.org.slug}/admin/self-assessment`
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      await axe()
      await p.fill('#fiscalYear', year)
      await p.selectOption('#tool', 'iit')
      await p.fill('#target', '')
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.inputValue('#fiscalYear')).toBe(year)
      expect(await p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
      await axe()
      await p.fill('#target', '20')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(await p.textContent('h1')).toBe(`ประเมินตนเอง IIT ปีงบประมาณ ${year}`)
      const roundUrl = p.url()
      await axe()

      // Links from the round's survey: printable slips, one per person.
      await clickAndWait(p, 'main a[href*="/admin/surveys/"]')
      await p.fill('#label', 'บุคลากรทั้งหมด')
      await p.fill('#count', '5')
      await clickAndWait(p, 'form[action$="/links"] button:not([name])')
      const hrefs = await p.locator('.link-slip a').evaluateAll((as) => as.map((x) => (x as HTMLAnchorElement).href))
      expect(hrefs).toHaveLength(5)

      const answer = async (href: string, level: number, clicking = true) => {
        const q = await newPage(js)
        // The slip's address carries the deployment's public origin; this test server listens elsewhere.
        await q.goto(s.baseUrl + new URL(href).pathname)
        if (clicking)
          for (const fs of await q.locator('main fieldset.radios').all()) {
            const radios = fs.locator('input[type=radio]')
            await radios.nth(Math.min(level, (await radios.count()) - 1)).check()
          }
        // The last three people: the same form, filled at once (the first two click every answer).
        else
          await q.evaluate((l) => {
            for (const fs of document.querySelectorAll('main fieldset.radios')) {
              const radios = fs.querySelectorAll<HTMLInputElement>('input[type=radio]')
              radios[Math.min(l, radios.length - 1)]!.checked = true
            }
          }, level)
        await clickAndWait(q, 'main form[method=post] button[type=submit]')
        expect(await q.textContent('main')).toContain('ขอบคุณที่ตอบแบบสำรวจ')
        return q
      }
      const first = await answer(hrefs[0]!, 3)
      await axe(first)
      await first.context().close()
      await (await answer(hrefs[1]!, 2)).context().close()
      await p.goto(roundUrl)
      expect(await p.textContent('#prediction-suppressed')).toContain('ผู้ตอบ 2 คน น้อยกว่า 5 คน')
      expect(await p.locator('#predictions').count()).toBe(0)
      await axe()
      for (const [i, href] of hrefs.slice(2).entries()) await (await answer(href, i, false)).context().close()
      await p.goto(roundUrl)
      expect(await p.textContent('#round-progress')).toContain('ผู้ตอบ 5 คน จากเป้าหมาย 20 คน')
      expect(await p.locator('#predictions tbody tr').count()).toBe(5)
      expect(await p.textContent('#estimate-label')).toContain('ค่าประมาณ')
      expect(await p.locator('#weakest li').count()).toBe(3)
      await axe()
      await p.context().close()
    })
  }
})
