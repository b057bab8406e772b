// ความคืบหน้าประจำปี and previous/next in a real Chromium, JavaScript on (axe) and off: the
// progress page changes when a plan is saved on its own page; previous/next walks all 10
// indicators (keyboard and clicks) and the measures of a year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { inOrg } from '../../db/client.js'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { measures } from './measures.schema.js'

describe('the year progress page and previous/next in a real browser', () => {
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
  const statusOf = (p: Page, id: string) => p.textContent(`#${id}-status`)

  for (const js of [true, false]) {
    it(`the progress page follows a plan saved on its page; previous/next walks the 10 indicators and the measures${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const year = js ? 2567 : 2568
      const p = await newPage(js)
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const ita = `/o/${a.org.slug}/admin/ita`

      // The year page leads to the progress page; indicator 3 is not started.
      await p.goto(`${s.baseUrl}${ita}/${year}`)
      await clickAndWait(p, '#progress-link')
      expect(await p.textContent('h1')).toBe(`ความคืบหน้าประจำปี ${year}`)
      expect(await statusOf(p, 'task-plan-3')).toBe('ยังไม่เริ่ม')
      const summary = (await p.textContent('#progress-summary'))!
      expect(await p.getAttribute('#task-plan-3 a', 'aria-describedby')).toBe('task-plan-3-status task-plan-3-hint')
      expect(await p.$$eval('.task-list > li', (li) => li.length)).toBeGreaterThanOrEqual(1 + 10 + 1 + 1 + 2)
      if (js) await expectNoAxeViolations(p)

      // The line leads to the plan page; an analysis with guidelines is saved there.
      await clickAndWait(p, '#task-plan-3 a')
      expect(await p.textContent('h1')).toContain('ตัวชี้วัดที่ 3')
      await p.fill('#strengths', 'มีคำสั่งมอบหมายงานชัดเจน')
      await p.fill('#guidelines', 'ประกาศขั้นตอนการใช้อำนาจ\nเปิดช่องทางสอบถาม')
      const saved = await clickAndWait(p, `form[action="${ita}/${year}/plans/3"] button[type=submit]`)
      expect(saved.status()).toBe(200)
      await p.goto(`${s.baseUrl}${ita}/${year}/progress`)
      expect(await statusOf(p, 'task-plan-3')).toBe('เสร็จแล้ว')
      expect(await p.textContent('#task-plan-3-hint')).toBe('วิเคราะห์แล้ว · แนวทาง 2 ข้อ')
      expect(await p.textContent('#progress-summary')).not.toBe(summary)
      // Only the guidelines: in progress.
      await p.goto(`${s.baseUrl}${ita}/${year}/plans/4`)
      await p.fill('#guidelines', 'ทบทวนคู่มือ')
      await clickAndWait(p, `form[action="${ita}/${year}/plans/4"] button[type=submit]`)
      await p.goto(`${s.baseUrl}${ita}/${year}/progress`)
      expect(await statusOf(p, 'task-plan-4')).toBe('กำลังทำ')

      // Previous/next: forward through all 10 with the keyboard, back with clicks.
      await p.goto(`${s.baseUrl}${ita}/${year}/plans/1`)
      expect(await p.$('a[rel="prev"]')).toBeNull()
      for (let n = 2; n <= 10; n++) {
        await p.focus('a[rel="next"]')
        await Promise.all([p.waitForNavigation({ waitUntil: 'load' }), p.keyboard.press('Enter')])
        expect(new URL(p.url()).pathname).toBe(`${ita}/${year}/plans/${n}`)
        expect(await p.textContent('h1')).toContain(`ตัวชี้วัดที่ ${n}`)
      }
      expect(await p.$('a[rel="next"]')).toBeNull()
      for (let n = 9; n >= 1; n--) {
        await clickAndWait(p, 'a[rel="prev"]')
        expect(await p.textContent('h1')).toContain(`ตัวชี้วัดที่ ${n}`)
      }
      if (js) await expectNoAxeViolations(p)

      // Between the measures of a year, in their order.
      const ids = await inOrg(s.deps.db, a.org.id, async (tx) => {
        const rows = await tx
          .insert(measures)
          .values(['มาตรการที่หนึ่ง', 'มาตรการที่สอง', 'มาตรการที่สาม'].map((title, i) => ({ orgId: a.org.id, fiscalYear: year, sortOrder: i + 1, title })))
          .returning({ id: measures.id })
        return rows.map((r) => r.id)
      })
      await p.goto(`${s.baseUrl}${ita}/measures/${ids[0]}`)
      expect(await p.$('a[rel="prev"]')).toBeNull()
      await clickAndWait(p, 'a[rel="next"]')
      expect(await p.textContent('h1')).toBe('มาตรการที่สอง')
      await clickAndWait(p, 'a[rel="next"]')
      expect(await p.textContent('h1')).toBe('มาตรการที่สาม')
      expect(await p.$('a[rel="next"]')).toBeNull()
      await clickAndWait(p, 'a[rel="prev"]')
      expect(await p.textContent('h1')).toBe('มาตรการที่สอง')
      // The measures show on the progress page, not started until they have activities.
      await p.goto(`${s.baseUrl}${ita}/${year}/progress`)
      expect(await statusOf(p, `task-measure-${ids[1]}`)).toBe('ยังไม่เริ่ม')
      expect(await p.textContent(`#task-measure-${ids[1]}-hint`)).toContain('รออนุมัติ')
      await p.close()
    })
  }
})
