import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { generate } from 'otplib'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import type { Role } from '../../src/platform/auth/auth.schema.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../support/factories.js'
import { clickAndWait, expectNoAxeViolations, launchBrowser, signInWithBrowser, startTestServer, type TestServer } from '../support/browser.js'

describe('foundation in a real browser', () => {
  let s: TestServer
  let browser: Browser
  let org: Org
  const emails = new Map<Role, string>()
  beforeAll(async () => {
    s = await startTestServer()
    browser = await launchBrowser()
    org = await buildOrg(s.deps.db, { slug: 'e2e-town', nameTh: 'เทศบาลตำบลทดสอบ', nameEn: 'Test Town' })
    await buildUnit(s.deps.db, org, 'สำนักปลัดเทศบาล')
    for (const role of ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer', 'platform_admin'] as Role[]) {
      const u = await buildUser(s.deps.db, role === 'platform_admin' ? null : org, role)
      emails.set(role, u.email)
    }
    mkdirSync('test-output', { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await s?.close()
  })

  async function page(js = true): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ javaScriptEnabled: js, locale: 'th-TH' })
    return { ctx, page: await ctx.newPage() }
  }

  for (const role of ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] as Role[]) {
    it(`${role} signs in and lands on the Thai dashboard`, async () => {
      const { ctx, page: p } = await page()
      await signInWithBrowser(p, s.baseUrl, org.slug, emails.get(role)!, TEST_PASSWORD)
      expect(await p.textContent('h1')).toBe('แผงควบคุม')
      expect(await p.textContent('main')).toContain('ปีงบประมาณปัจจุบัน พ.ศ.')
      await ctx.close()
    })
  }

  for (const js of [true, false]) {
    it(`shows form errors in Thai and keeps the values (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const { ctx, page: p } = await page(js)
      await signInWithBrowser(p, s.baseUrl, org.slug, emails.get('agency_admin')!, TEST_PASSWORD)
      await p.goto(`${s.baseUrl}/o/${org.slug}/admin/units`)
      await p.fill('#nameEn', 'Kept English name')
      await p.selectOption('#kind', 'division')
      const [res] = await Promise.all([p.waitForResponse((r) => r.request().method() === 'POST'), p.click('form[action$="/admin/units"] button[type=submit]')])
      expect(res.status()).toBe(422)
      expect(await p.textContent('.error-summary')).toContain('กรุณากรอกชื่อหน่วยงานภายใน (ภาษาไทย)')
      expect(await p.textContent('#nameTh-error')).toContain('กรุณากรอก')
      expect(await p.getAttribute('#nameTh', 'aria-invalid')).toBe('true')
      expect(await p.inputValue('#nameEn')).toBe('Kept English name')
      expect(await p.inputValue('#kind')).toBe('division')
      if (js) await expectNoAxeViolations(p) // axe runs as a script, so only with JavaScript on
      // Correct it and save.
      await p.fill('#nameTh', js ? 'กองคลัง' : 'กองช่าง')
      await clickAndWait(p, 'form[action$="/admin/units"] button[type=submit]')
      expect(await p.textContent('[role=status]')).toContain('เพิ่มหน่วยงานภายในแล้ว')
      expect(await p.textContent('table')).toContain(js ? 'กองคลัง' : 'กองช่าง')
      await ctx.close()
    })
  }

  it('can be used with the keyboard only: skip link first, visible focus, sign-in by keys', async () => {
    const { ctx, page: p } = await page()
    await p.goto(`${s.baseUrl}/o/${org.slug}/login`)
    await p.keyboard.press('Tab')
    expect(await p.evaluate(() => document.activeElement?.className)).toBe('skip-link')
    const outline = await p.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).toBe('solid')
    await p.keyboard.press('Enter')
    expect(p.url()).toMatch(/#main$/)
    // Tab into the form: email, password, submit.
    await p.focus('#email')
    await p.keyboard.type(emails.get('officer')!)
    await p.keyboard.press('Tab')
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('password')
    await p.keyboard.type(TEST_PASSWORD)
    await Promise.all([p.waitForURL(/\/admin$/), p.keyboard.press('Enter')])
    expect(await p.textContent('h1')).toBe('แผงควบคุม')
    await ctx.close()
  })

  it('has no axe violations on any page of the shell (Thai and English), and fits a 360 px phone', async () => {
    const anon = await page()
    const publicPages = ['/', `/o/${org.slug}/`, `/o/${org.slug}/login`, `/o/${org.slug}/forgot`, '/login', `/o/${org.slug}/no-such-page`]
    for (const path of publicPages) {
      await anon.page.goto(s.baseUrl + path)
      await expectNoAxeViolations(anon.page)
    }
    // A 422 page.
    await anon.page.goto(`${s.baseUrl}/o/${org.slug}/login`)
    await anon.page.click('button[type=submit]:has-text("เข้าสู่ระบบ")')
    expect(await anon.page.textContent('.error-summary')).toContain('กรุณากรอก')
    await expectNoAxeViolations(anon.page)
    await anon.page.goto(`${s.baseUrl}/o/${org.slug}/?lang=en`)
    await expectNoAxeViolations(anon.page)
    await anon.ctx.close()

    const admin = await page()
    await signInWithBrowser(admin.page, s.baseUrl, org.slug, emails.get('agency_admin')!, TEST_PASSWORD)
    for (const sub of ['', '/units', '/users', '/audit', '/settings', '/account']) {
      await admin.page.goto(`${s.baseUrl}/o/${org.slug}/admin${sub}`)
      expect(admin.page.url()).toContain(`/admin${sub}`)
      await expectNoAxeViolations(admin.page)
    }
    await admin.page.setViewportSize({ width: 360, height: 740 })
    await admin.page.goto(`${s.baseUrl}/o/${org.slug}/admin`)
    const overflow = await admin.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await admin.page.screenshot({ path: 'test-output/dashboard-360.png', fullPage: true })
    await admin.page.goto(`${s.baseUrl}/o/${org.slug}/`)
    await admin.page.screenshot({ path: 'test-output/agency-home-360.png', fullPage: true })
    await admin.ctx.close()

    const platform = await page()
    await signInWithBrowser(platform.page, s.baseUrl, null, emails.get('platform_admin')!, TEST_PASSWORD)
    for (const path of ['/admin', '/admin/outbox', '/admin/audit', '/admin/account']) {
      await platform.page.goto(s.baseUrl + path)
      await expectNoAxeViolations(platform.page)
    }
    await platform.ctx.close()
  })

  it('switches to English and back', async () => {
    const { ctx, page: p } = await page()
    await p.goto(`${s.baseUrl}/o/${org.slug}/`)
    await clickAndWait(p, 'a[hreflang=en]')
    expect(await p.getAttribute('html', 'lang')).toBe('en')
    expect(await p.textContent('h1')).toContain('Welcome to the website of Test Town')
    await p.goto(`${s.baseUrl}/o/${org.slug}/login`) // remembered by cookie
    expect(await p.textContent('h1')).toBe('Staff sign-in')
    await ctx.close()
  })

  it('enrols in TOTP and then signs in with a code; signs out', async () => {
    const u = await buildUser(s.deps.db, org, 'officer')
    const { ctx, page: p } = await page()
    await signInWithBrowser(p, s.baseUrl, org.slug, u.email, TEST_PASSWORD)
    await p.goto(`${s.baseUrl}/o/${org.slug}/admin/account`)
    await clickAndWait(p, 'button:has-text("เปิดใช้งาน")')
    const secret = (await p.textContent('#totp-secret'))!.trim()
    expect(await p.getAttribute('img[alt^="QR code"]', 'src')).toMatch(/^data:image\/png;base64,/)
    await p.fill('#code', await generate({ secret }))
    await clickAndWait(p, 'button:has-text("เปิดใช้งาน")')
    expect(await p.textContent('[role=status]')).toContain('เปิดใช้งานการยืนยันตัวตนสองขั้นตอนแล้ว')
    await clickAndWait(p, 'button:has-text("ออกจากระบบ (")')
    expect(await p.textContent('[role=status]')).toContain('ออกจากระบบแล้ว')
    await p.fill('#email', u.email)
    await p.fill('#password', TEST_PASSWORD)
    await clickAndWait(p, 'button[type=submit]:has-text("เข้าสู่ระบบ")')
    await p.fill('#code', await generate({ secret }))
    await clickAndWait(p, 'main button[type=submit]')
    expect(await p.textContent('h1')).toBe('แผงควบคุม')
    await ctx.close()
  })
})
