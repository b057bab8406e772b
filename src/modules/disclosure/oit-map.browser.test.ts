// The assessor's OIT map on a phone (issue 13, item 5): at 390 px the index by O-number is a few
// rows of chips, not a page-long list; nothing scrolls sideways; a chip jumps to its item; the
// "not ready" filter works with JavaScript on and off; axe finds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoIfEmpty } from '../../app/demo.js'
import { browserPerFile, expectNoAxeViolations, startTestServer, type TestServer } from '../../../tests/support/browser.js'

describe('OIT map on a phone', () => {
  let s: TestServer
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    await loadDemoIfEmpty(s.deps)
  }, 180_000)
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })

  for (const js of [true, false]) {
    it(`390 px, JavaScript ${js ? 'on' : 'off'}: a compact index, no sideways scroll, the filter and the jumps work`, async () => {
      const ctx = await (await browser.get()).newContext({ javaScriptEnabled: js, viewport: { width: 390, height: 844 } })
      const p = await ctx.newPage()
      await p.goto(`${s.baseUrl}/o/phanomrung/oit/2566`)
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)

      const chips = p.locator('#oit-index li a')
      const count = await chips.count()
      const items = await p.locator('.oit-item').count()
      expect(count).toBe(items)
      expect(count).toBeGreaterThan(30)
      // Several chips share a row, each a comfortable touch target.
      const boxes = await chips.evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), height: r.height, width: r.width })))
      const rows = new Set(boxes.map((b) => b.top)).size
      expect(rows).toBeLessThanOrEqual(Math.ceil(count / 5))
      for (const b of boxes) expect(b.height).toBeGreaterThanOrEqual(44)
      if (js) await expectNoAxeViolations(p)

      // A chip takes the reader to its item.
      const code = (await chips.nth(3).textContent())!.trim().split(/\s/)[0]!
      await chips.nth(3).click()
      expect(new URL(p.url()).hash).toBe(`#${code}`)
      expect(await p.locator(`.oit-item#${code}`).isVisible()).toBe(true)

      // "Not ready" lists only the items that are not, and their chips only.
      await p.click('.oit-filter a[href*="show=not-ready"]')
      await p.waitForURL(/show=not-ready/)
      const statuses = await p.locator('.oit-item').evaluateAll((lis) => lis.map((li) => li.className))
      expect(statuses.length).toBeLessThan(items)
      for (const c of statuses) expect(c).not.toContain('status-yes')
      expect(await p.locator('#oit-index li a').count()).toBe(statuses.length)
      expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      if (js) await expectNoAxeViolations(p)
      await ctx.close()
    })
  }
})
