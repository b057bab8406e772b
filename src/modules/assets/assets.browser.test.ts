// The assets module's pages in a real Chromium, with JavaScript on (axe on every page) and off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'

describe('assets module in a real browser', () => {
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

  for (const js of [true, false]) {
    it(`an officer registers an asset (after a mistake), edits it and deletes it${js ? '' : ' (JavaScript off)'}`, { timeout: 120_000 }, async () => {
      const p = await newPage(js)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const base = `/o/${a.org.slug}/admin/assets`
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      expect(await p.textContent('h1')).toBe('ทะเบียนครุภัณฑ์')
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      await axe()
      const name = `เต็นท์ผ้าใบ ${js ? 'ก' : 'ข'}`
      await p.fill('#assetNo', '400-59')
      await p.fill('#name', name)
      await p.fill('#location', 'โกดังพัสดุ')
      await p.fill('#acquiredOn', '10/03/2016')
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.inputValue('#name')).toBe(name)
      expect(await p.inputValue('#location')).toBe('โกดังพัสดุ')
      expect(await p.textContent('.error-summary')).toContain('ค.ศ.')
      expect(await p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
      await axe()
      await p.fill('#acquiredOn', '10/03/2559')
      await p.check('#lendPublic')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(new URL(p.url()).pathname).toBe(base)
      expect(await p.textContent('.notice')).toContain(name)
      await p.fill('#q', name)
      await clickAndWait(p, 'form[role=search] button[type=submit]')
      const no = (await p.textContent('main table tbody td'))!.trim()
      expect(no).toMatch(/^[๔4][๐0][๐0]-[๕5][๙9]-[๐-๙0-9]{4}$/)
      await clickAndWait(p, 'main table a[href$="/edit"]')
      await p.fill('#name', `${name} (แก้ไข)`)
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      await p.goto(`${s.baseUrl}/o/${a.org.slug}/assets`)
      expect(await p.textContent('main')).toContain(`${name} (แก้ไข)`)
      await axe()
      await p.goto(`${s.baseUrl}${base}?q=${encodeURIComponent(name)}`)
      await clickAndWait(p, 'main table a[href$="/delete"]')
      await axe()
      await clickAndWait(p, 'main form[method=post] button.danger')
      expect(await p.textContent('.notice')).toContain('ลบครุภัณฑ์')
      await p.context().close()
    })
  }

  it('a viewer sees the register but no edit links', { timeout: 60_000 }, async () => {
    const p = await newPage(true)
    await signIn(p, s.baseUrl, a.org.slug, a.users.viewer.email)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/admin/assets`)
    expect(await p.textContent('h1')).toBe('ทะเบียนครุภัณฑ์')
    expect(await p.locator('a[href$="/new"]').count()).toBe(0)
    await expectNoAxeViolations(p)
    await p.context().close()
  })
})
