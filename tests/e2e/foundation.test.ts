// The foundation (shell, sign-in, forms, account) in a real Chromium against the real app over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { generate } from 'otplib'
import {
  AGENCY_ROLES,
  browserPerFile,
  clickAndWait,
  expectNoAxeViolations,
  seedAgency,
  signIn,
  startTestServer,
  TEST_PASSWORD,
  type SeededAgency,
  type TestServer,
} from '../support/browser.js'

const OUT = 'test-output'
/** axe needs a few seconds a page on a busy machine; these tests visit many pages. */
const MANY_PAGES = { timeout: 240_000 }

describe('foundation in a real browser', () => {
  let s: TestServer
  const browser = browserPerFile()
  let a: SeededAgency
  let slug: string

  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db, { slug: 'e2e-town', nameTh: 'เทศบาลตำบลทดสอบ', nameEn: 'Test Town' })
    slug = a.org.slug
    mkdirSync(OUT, { recursive: true })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })

  /** A fresh browser profile (no cookies, no cache); fails the test when Chromium cannot start. */
  async function newPage(opts: { js?: boolean; width?: number } = {}): Promise<Page> {
    const ctx = await (await browser.get()).newContext({ javaScriptEnabled: opts.js ?? true, ...(opts.width ? { viewport: { width: opts.width, height: 800 } } : {}) })
    return ctx.newPage()
  }
  const text = async (p: Page, selector: string) => ((await p.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim()
  const path = (p: Page) => new URL(p.url()).pathname

  for (const js of [true, false]) {
    const mode = js ? '' : ' (JavaScript off)'

    for (const role of AGENCY_ROLES) {
      it(`${role} signs in in Thai and lands on the staff dashboard${mode}`, async () => {
        const p = await newPage({ js })
        await p.goto(`${s.baseUrl}/o/${slug}/login`)
        expect(await p.getAttribute('html', 'lang')).toBe('th')
        expect(await text(p, 'h1')).toBe('เข้าสู่ระบบสำหรับเจ้าหน้าที่')
        expect(await text(p, 'label[for=email]')).toBe('อีเมล')
        const res = await signIn(p, s.baseUrl, slug, a.users[role].email)
        expect(res.status()).toBe(200)
        expect(path(p)).toBe(`/o/${slug}/admin`)
        expect(await text(p, 'h1')).toBe('แผงควบคุม')
        expect(await text(p, 'main')).toContain(`สวัสดี ${a.users[role].displayName}`)
        expect(await text(p, 'main')).toMatch(/ปีงบประมาณปัจจุบัน พ\.ศ\. 25\d\d/)
        expect(await text(p, 'header')).toContain(`ออกจากระบบ (${a.users[role].displayName})`)
        expect(await p.isVisible('nav[aria-label="เมนูหลัก"] a[aria-current=page]')).toBe(true)
      })
    }

    it(`the platform admin signs in and lands on the platform admin area${mode}`, async () => {
      const p = await newPage({ js })
      const res = await signIn(p, s.baseUrl, null, a.platformAdmin.email)
      expect(res.status()).toBe(200)
      expect(path(p)).toBe('/admin')
      expect(await text(p, 'h1')).toBe('หน่วยงานทั้งหมด')
      expect(await text(p, 'table')).toContain('เทศบาลตำบลทดสอบ')
    })

    it(`wrong password: 401, Thai message, e-mail kept, password not echoed${mode}`, async () => {
      const p = await newPage({ js })
      const res = await signIn(p, s.baseUrl, slug, a.users.officer.email, 'not the password')
      expect(res.status()).toBe(401)
      expect(await text(p, '.error-summary')).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง')
      expect(await p.inputValue('#email')).toBe(a.users.officer.email)
      expect(await p.inputValue('#password')).toBe('')
    })

    it(`a form error is shown in Thai, in the summary and at the field, with the other values kept${mode}`, async () => {
      const p = await newPage({ js })
      await signIn(p, s.baseUrl, slug, a.users.agency_admin.email)
      await p.goto(`${s.baseUrl}/o/${slug}/admin/units`)
      await p.fill('#nameEn', 'Kept English name')
      await p.selectOption('#kind', 'division')
      await p.fill('#sortOrder', '7')
      const form = `form[action="/o/${slug}/admin/units"]`
      const res = await clickAndWait(p, `${form} button[type=submit]`)
      expect(res.status()).toBe(422)
      expect(await text(p, '.error-summary h2')).toBe('กรุณาแก้ไขข้อมูล 1 รายการ')
      expect(await text(p, '.error-summary li')).toBe('กรุณากรอกชื่อหน่วยงานภายใน (ภาษาไทย)')
      expect(await p.getAttribute('.error-summary li a', 'href')).toBe('#nameTh')
      expect(await text(p, '#nameTh-error')).toBe('กรุณากรอกชื่อหน่วยงานภายใน (ภาษาไทย)')
      expect(await p.getAttribute('#nameTh', 'aria-invalid')).toBe('true')
      expect(await p.getAttribute('#nameTh', 'aria-describedby')).toContain('nameTh-error')
      expect(await p.inputValue('#nameEn')).toBe('Kept English name')
      expect(await p.inputValue('#kind')).toBe('division')
      expect(await p.inputValue('#sortOrder')).toBe('7')
      if (js) await expectNoAxeViolations(p)

      // The link in the summary leads to the field; then correct it and save.
      await p.click('.error-summary li a')
      if (js) expect(await p.evaluate(() => document.activeElement?.id)).toBe('nameTh')
      const name = js ? 'กองคลัง' : 'กองช่าง'
      await p.fill('#nameTh', name)
      const saved = await clickAndWait(p, `${form} button[type=submit]`)
      expect(saved.status()).toBe(200)
      expect(path(p)).toBe(`/o/${slug}/admin/units`)
      expect(await text(p, '[role=status]')).toBe('เพิ่มหน่วยงานภายในแล้ว')
      expect(await text(p, 'table')).toContain(name)
    })

    it(`signs out${mode}`, async () => {
      const p = await newPage({ js })
      await p.goto(`${s.baseUrl}/o/${slug}/`) // seen once signed out (and maybe cached)
      expect(await p.isVisible(`header a[href="/o/${slug}/login"]`)).toBe(true)
      await signIn(p, s.baseUrl, slug, a.users.viewer.email)
      // Back on the public home page, the header knows who is signed in.
      await clickAndWait(p, 'header a.brand')
      expect(path(p)).toBe(`/o/${slug}/`)
      const signOut = `header form[action="/o/${slug}/logout"] button`
      expect(await text(p, signOut)).toBe(`ออกจากระบบ (${a.users.viewer.displayName})`)
      await clickAndWait(p, signOut)
      expect(path(p)).toBe(`/o/${slug}/login`)
      expect(await text(p, '[role=status]')).toBe('ออกจากระบบแล้ว')
      expect(await p.isVisible('header form button')).toBe(false)
      // The staff area is closed again.
      await p.goto(`${s.baseUrl}/o/${slug}/admin/units`)
      expect(path(p)).toBe(`/o/${slug}/login`)
      expect(new URL(p.url()).searchParams.get('next')).toBe(`/o/${slug}/admin/units`)
    })
  }

  it('can be used with the keyboard only: skip link first, focus moves to main, visible focus, sign-in by keys', async () => {
    const p = await newPage()
    await p.goto(`${s.baseUrl}/o/${slug}/login`)
    const focused = () =>
      p.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const st = getComputedStyle(el)
        const r = el.getBoundingClientRect()
        return { tag: el.tagName, id: el.id, cls: el.className, focusVisible: el.matches(':focus-visible'), outline: `${st.outlineStyle} ${st.outlineWidth}`, onScreen: r.bottom > 0 && r.right > 0 && r.width > 0 && r.height > 0 }
      })

    await p.keyboard.press('Tab')
    const skip = await focused()
    expect(skip).toMatchObject({ tag: 'A', cls: 'skip-link', focusVisible: true, outline: 'solid 3px', onScreen: true })
    expect(await text(p, '.skip-link')).toBe('ข้ามไปยังเนื้อหาหลัก')
    await p.keyboard.press('Enter')
    expect((await focused()).id).toBe('main')
    expect(new URL(p.url()).hash).toBe('#main')

    // From main, the next Tab stops are the form's fields and its button.
    await p.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ id: 'email', focusVisible: true, outline: 'solid 3px' })
    await p.keyboard.type(a.users.officer.email)
    await p.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ id: 'password', focusVisible: true, outline: 'solid 3px' })
    await p.keyboard.type(TEST_PASSWORD)
    await p.keyboard.press('Tab')
    expect(await focused()).toMatchObject({ tag: 'BUTTON', focusVisible: true, outline: 'solid 3px', onScreen: true })
    await Promise.all([p.waitForURL(`${s.baseUrl}/o/${slug}/admin`), p.keyboard.press('Enter')])
    expect(await text(p, 'h1')).toBe('แผงควบคุม')

    // Every link and button of the signed-in shell shows where the focus is.
    await p.keyboard.press('Tab')
    expect((await focused()).cls).toBe('skip-link')
    const seen = new Set<string>()
    for (let i = 0; i < 30; i++) {
      await p.keyboard.press('Tab')
      const f = await focused()
      if (f.tag === 'BODY') break
      expect(f, `focus ring on ${f.tag} #${f.id} .${f.cls}`).toMatchObject({ focusVisible: true, outline: 'solid 3px', onScreen: true })
      seen.add(f.tag)
    }
    expect([...seen].sort()).toEqual(['A', 'BUTTON'])
  })

  async function visit(p: Page, url: string, status = 200): Promise<void> {
    const res = await p.goto(s.baseUrl + url)
    expect(res?.status(), url).toBe(status)
    await expectNoAxeViolations(p)
  }

  it('axe (WCAG 2.1 AA): no violations on the public pages, sign-in pages, 404 and 422 pages', MANY_PAGES, async () => {
    const anon = await newPage()
    for (const url of ['/', `/o/${slug}/`, `/o/${slug}/login`, `/o/${slug}/forgot`, '/login', '/forgot']) await visit(anon, url)
    await visit(anon, `/o/${slug}/no-such-page`, 404)
    expect(await text(anon, 'h1')).toBe('ไม่พบหน้าที่ต้องการ')
    await visit(anon, '/no-such-page', 404)
    // 422: the sign-in form sent empty.
    await anon.goto(`${s.baseUrl}/o/${slug}/login`)
    expect((await clickAndWait(anon, `form[action="/o/${slug}/login"] button[type=submit]`)).status()).toBe(422)
    expect(await text(anon, '.error-summary h2')).toBe('กรุณาแก้ไขข้อมูล 2 รายการ')
    expect(await text(anon, '#password-error')).toBe('กรุณากรอกรหัสผ่าน')
    await expectNoAxeViolations(anon)
    // The "reset link sent" page (this also puts a message in the platform outbox).
    await anon.goto(`${s.baseUrl}/forgot`)
    await anon.fill('#email', a.platformAdmin.email)
    expect((await clickAndWait(anon, 'form[action="/forgot"] button[type=submit]')).status()).toBe(200)
    expect(await anon.isVisible('main [role=status]')).toBe(true)
    await expectNoAxeViolations(anon)
    // English pages too.
    const en = await newPage()
    for (const url of [`/o/${slug}/?lang=en`, `/o/${slug}/login`, '/', `/o/${slug}/no-such-page`]) await visit(en, url, url.includes('no-such') ? 404 : 200)
    expect(await en.getAttribute('html', 'lang')).toBe('en')
  })

  it('axe (WCAG 2.1 AA): no violations on every page of the agency staff area, as agency admin', MANY_PAGES, async () => {
    const admin = await newPage()
    await signIn(admin, s.baseUrl, slug, a.users.agency_admin.email)
    for (const sub of ['', '/units', '/users', '/audit', '/settings', '/account']) await visit(admin, `/o/${slug}/admin${sub}`)
    // 422 on the invitation form (with the unit checkboxes).
    await admin.goto(`${s.baseUrl}/o/${slug}/admin/users`)
    await admin.fill('#email', 'not-an-email')
    expect((await clickAndWait(admin, `form[action="/o/${slug}/admin/users"] button[type=submit]`)).status()).toBe(422)
    expect(await admin.getAttribute('#email', 'aria-invalid')).toBe('true')
    await expectNoAxeViolations(admin)
    await visit(admin, `/o/${slug}/admin/no-such-page`, 404)
  })

  it('axe (WCAG 2.1 AA): no violations on the platform admin pages', MANY_PAGES, async () => {
    const platform = await newPage()
    await signIn(platform, s.baseUrl, null, a.platformAdmin.email)
    await platform.goto(`${s.baseUrl}/forgot`) // a message for the outbox page to show
    await platform.fill('#email', a.platformAdmin.email)
    await clickAndWait(platform, 'form[action="/forgot"] button[type=submit]')
    for (const url of ['/admin', '/admin/outbox', '/admin/audit', '/admin/account']) {
      await visit(platform, url)
      if (url === '/admin/outbox') expect(await platform.locator('main article.card').count()).toBeGreaterThan(0)
    }
    // 422 on the new-agency form.
    await platform.goto(`${s.baseUrl}/admin`)
    await platform.fill('#slug', 'Not A Slug!')
    expect((await clickAndWait(platform, 'form[action="/admin/orgs"] button[type=submit]')).status()).toBe(422)
    expect(await platform.getAttribute('#slug', 'aria-invalid')).toBe('true')
    await expectNoAxeViolations(platform)
  })

  it('fits a 360 px phone screen: no sideways scrolling, axe-clean (wide tables scroll by keyboard too); screenshots', MANY_PAGES, async () => {
    const p = await newPage({ width: 360 })
    const noSideScroll = async (url: string) => {
      await p.goto(s.baseUrl + url)
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, `sideways scroll on ${url} at 360 px`).toBeLessThanOrEqual(0)
      await expectNoAxeViolations(p)
    }
    await noSideScroll(`/o/${slug}/`)
    await p.screenshot({ path: `${OUT}/agency-home-360.png`, fullPage: true })
    await noSideScroll(`/o/${slug}/login`)
    await signIn(p, s.baseUrl, slug, a.users.agency_admin.email)
    await noSideScroll(`/o/${slug}/admin`)
    await p.screenshot({ path: `${OUT}/dashboard-360.png`, fullPage: true })
    for (const sub of ['/units', '/users', '/audit', '/settings', '/account']) await noSideScroll(`/o/${slug}/admin${sub}`)
    // The header's text keeps the same margin from the screen edge as the page content.
    const left = (sel: string) => p.evaluate((q) => document.querySelector(q)!.getBoundingClientRect().left, sel)
    expect(await left('header .brand')).toBe(await left('main h1'))

    const platform = await newPage({ width: 360 })
    await signIn(platform, s.baseUrl, null, a.platformAdmin.email)
    const overflow = await platform.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expectNoAxeViolations(platform)
  })

  it('switches to English (?lang=en) and back, and remembers the choice', async () => {
    const p = await newPage()
    await p.goto(`${s.baseUrl}/o/${slug}/`)
    expect(await text(p, 'h1')).toContain('เทศบาลตำบลทดสอบ')
    await clickAndWait(p, 'header a[hreflang=en]')
    expect(new URL(p.url()).searchParams.get('lang')).toBe('en')
    expect(await p.getAttribute('html', 'lang')).toBe('en')
    expect(await text(p, 'h1')).toContain('Test Town')
    expect(await text(p, '.skip-link')).toBe('Skip to main content')
    // Other pages follow, without ?lang=.
    await clickAndWait(p, 'header a.brand')
    expect(p.url()).toBe(`${s.baseUrl}/o/${slug}/`)
    expect(await text(p, 'h1')).toContain('Test Town')
    await clickAndWait(p, `header a[href="/o/${slug}/login"]`)
    expect(await text(p, 'h1')).toBe('Staff sign-in')
    expect(await text(p, 'label[for=password]')).toBe('Password')
    await clickAndWait(p, `form[action="/o/${slug}/login"] button[type=submit]`)
    expect(await text(p, '.error-summary h2')).toBe('Please correct 2 field(s)')
    expect(await text(p, '#password-error')).toBe('Please enter Password')
    await signIn(p, s.baseUrl, slug, a.users.executive.email)
    expect(await text(p, 'h1')).toBe('Dashboard')
    expect(await text(p, 'nav[aria-label="Main menu"]')).toContain('Units')
    // And back to Thai.
    await clickAndWait(p, 'header a[hreflang=th]')
    expect(await p.getAttribute('html', 'lang')).toBe('th')
    expect(await text(p, 'h1')).toBe('แผงควบคุม')
  })

  it('enrols in two-step sign-in (TOTP) from the account page, then signs in with a code', MANY_PAGES, async () => {
    const p = await newPage()
    const email = a.users.complaints_officer.email
    await signIn(p, s.baseUrl, slug, email)
    const account = `/o/${slug}/admin/account`
    await clickAndWait(p, `nav a[href="${account}"]`)
    expect(await text(p, 'h1')).toBe('บัญชีของฉัน')
    const totpForm = `form[action="${account}"]:has(input[name=op][value^=totp])`
    await clickAndWait(p, `${totpForm} button`)
    const secret = await text(p, '#totp-secret')
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    expect(await p.getAttribute('main img', 'src')).toMatch(/^data:image\/png;base64,/)
    await expectNoAxeViolations(p)

    // A wrong code: 422 in Thai, still enrolling.
    await p.fill('#code', '000000')
    expect((await clickAndWait(p, `${totpForm} button`)).status()).toBe(422)
    expect(await text(p, '#code-error')).toBe('รหัสยืนยันไม่ถูกต้องหรือหมดอายุ')
    expect(await text(p, '#totp-secret')).toBe(secret)
    await expectNoAxeViolations(p)

    await p.fill('#code', await generate({ secret }))
    expect((await clickAndWait(p, `${totpForm} button`)).status()).toBe(200)
    expect(path(p)).toBe(account)
    expect(await text(p, '[role=status]')).toBe('เปิดใช้งานการยืนยันตัวตนสองขั้นตอนแล้ว')

    // Sign out and in again: now a code is asked for.
    await clickAndWait(p, 'header form button')
    const res = await signIn(p, s.baseUrl, slug, email)
    expect(path(p)).toBe(`/o/${slug}/login/totp`)
    expect(res.status()).toBe(200)
    expect(await text(p, 'h1')).toBe('ยืนยันตัวตนสองขั้นตอน')
    await p.goto(`${s.baseUrl}/o/${slug}/admin`) // not yet
    expect(path(p)).toBe(`/o/${slug}/login/totp`)
    await expectNoAxeViolations(p)
    // The enrolment code is spent (codes are single-use): the next step's code, within the window.
    await p.fill('#code', await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
    await clickAndWait(p, `form[action="/o/${slug}/login/totp"] button[type=submit]`)
    expect(path(p)).toBe(`/o/${slug}/admin`)
    expect(await text(p, 'h1')).toBe('แผงควบคุม')
  })
})
