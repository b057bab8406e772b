import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { HtmlValidate } from 'html-validate'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../support/browser.js'
import { buildUnit } from '../support/factories.js'
import { portalModule } from '../../src/modules/portal/module.js'
import { tinyPdf } from '../../src/modules/portal/demo.js'

const SLUG = 'phanomrung'
const B = `/o/${SLUG}`

describe('public portal and OIT disclosure in a real browser', () => {
  let s: TestServer
  let agency: SeededAgency
  const browser = browserPerFile()
  let publicPaths: string[] = []

  beforeAll(async () => {
    s = await startTestServer()
    agency = await seedAgency(s.deps.db, { slug: SLUG, nameTh: 'เทศบาลตำบลพนมรุ้ง', nameEn: 'Phanom Rung', settings: { thaiNumerals: true, contact: { phone: '044-000-000', email: 'saraban@phanomrung.example', address: 'ตำบลตาเป๊ก อำเภอเฉลิมพระเกียรติ จังหวัดบุรีรัมย์ 31110', officeHours: 'จันทร์–ศุกร์ 08.30–16.30 น.' } } })
    for (const u of ['สำนักปลัดเทศบาล', 'กองคลัง', 'กองช่าง']) await buildUnit(s.deps.db, agency.org, u)
    await portalModule.demo(s.deps, { id: agency.org.id, slug: SLUG })
    mkdirSync('test-output', { recursive: true })
    // Every public page kind, with real ids from the demo content.
    const api = async (p: string) => (await (await fetch(`${s.baseUrl}${B}${p}`)).json()) as { data: { id: string }[] }
    const post = (await api('/api/posts.json')).data[0]!.id
    const doc = (await api('/api/documents.json')).data[0]!.id
    publicPaths = [
      '/', '/about', '/about/history', '/about/vision', '/about/structure', '/about/executives', '/about/duties', '/about/contact',
      '/accessibility', '/privacy', '/cookies', '/news', '/news/c/announcement', '/news/c/procurement', '/news/c/pr', `/news/${post}`,
      '/documents', '/documents/c/plan', '/documents/c/report', '/documents/c/law', `/documents/${doc}`, '/qa', `/search?q=${encodeURIComponent('จัดซื้อ')}`,
      '/sitemap', '/opendata', '/oit', '/oit/2566', '/oit/2566/O1', '/oit/2566/O4', '/oit/2566/O41',
    ].map((p) => B + p)
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })

  async function open(opts: { js?: boolean; width?: number } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
    const b = await browser.get()
    const ctx = await b.newContext({ javaScriptEnabled: opts.js ?? true, locale: 'th-TH', viewport: { width: opts.width ?? 1280, height: 800 } })
    return { ctx, page: await ctx.newPage() }
  }

  it('a visitor finds an item\'s evidence from the home page by following the steps shown for it', async () => {
    const { ctx, page } = await open({ js: false })
    for (const code of ['O1', 'O4', 'O20', 'O31', 'O39']) {
      await page.goto(`${s.baseUrl}${B}/oit/2566/${code}`)
      const first = page.locator('.evidence > li').first()
      const target = await first.locator('a').first().getAttribute('href')
      const steps = (await first.locator('.steps').textContent())!.split(' → ')
      expect(steps[0], code).toBe('หน้าหลัก')
      await page.goto(`${s.baseUrl}${B}/`)
      for (const step of steps.slice(1)) {
        const link = page.getByRole('link', { name: step, exact: true }).first()
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()])
      }
      expect(new URL(page.url()).pathname, `${code}: ${steps.join(' → ')}`).toBe(target)
    }
    await ctx.close()
  })

  it('an editor publishes an announcement with an attachment; it appears on the item\'s page', async () => {
    const { ctx, page } = await open()
    await signIn(page, s.baseUrl, SLUG, agency.users.officer.email)
    await page.goto(`${s.baseUrl}${B}/admin/portal/posts/new`)
    await page.selectOption('#category', 'procurement')
    await page.fill('#title', 'ประกาศผู้ชนะการเสนอราคาจัดซื้อครุภัณฑ์คอมพิวเตอร์')
    await page.fill('#bodyMd', 'ผู้ได้รับการคัดเลือก **บริษัท ตัวอย่าง จำกัด**')
    await page.fill('#fiscalYear', '2566')
    await page.fill('#oitCodes', 'O20')
    await page.setInputFiles('#files', { name: 'ประกาศผู้ชนะ-คอมพิวเตอร์.pdf', mimeType: 'application/pdf', buffer: tinyPdf('winner') })
    const res = await clickAndWait(page, 'form[enctype] button[type=submit]')
    expect(res.status()).toBe(200)
    expect(await page.textContent('[role=status]')).toContain('บันทึกแล้ว')
    await page.goto(`${s.baseUrl}${B}/oit/2566/O20`)
    const evidence = await page.textContent('.evidence')
    expect(evidence).toContain('ประกาศผู้ชนะการเสนอราคาจัดซื้อครุภัณฑ์คอมพิวเตอร์')
    expect(evidence).toContain('ประกาศผู้ชนะ-คอมพิวเตอร์.pdf')
    const [download] = await Promise.all([page.waitForResponse((r) => r.url().includes('/files/')), page.click('.evidence a:has-text("ประกาศผู้ชนะ-คอมพิวเตอร์.pdf")')])
    expect(download.status()).toBe(200)
    expect(download.headers()['content-type']).toBe('application/pdf')
    await ctx.close()
  })

  it('a refused attachment brings the same form back (422) with the file named and every value kept; then it saves', async () => {
    const { ctx, page } = await open()
    await signIn(page, s.baseUrl, SLUG, agency.users.officer.email)
    await page.goto(`${s.baseUrl}${B}/admin/portal/posts/new`)
    await page.selectOption('#category', 'announcement')
    await page.fill('#title', 'ประกาศรับสมัครพนักงานจ้าง')
    await page.fill('#bodyMd', 'รายละเอียดตามประกาศแนบ')
    await page.fill('#oitCodes', 'O10')
    await page.setInputFiles('#files', { name: 'ประกาศ.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>ไม่ใช่ PDF</html>') })
    const form = `form[action="${B}/admin/portal/posts"]`
    const res = await clickAndWait(page, `${form} button[type=submit]`)
    expect(res.status()).toBe(422)
    expect(await page.title()).toMatch(/^ข้อผิดพลาด:/)
    expect(await summaryFocused(page)).toBe(true)
    expect(await page.textContent('.error-summary li')).toContain('ไฟล์ ประกาศ.pdf ไม่ใช่ชนิดที่รับได้')
    expect(await page.getAttribute('.error-summary li a', 'href')).toBe('#files')
    expect(await page.textContent('#files-error')).toContain('ประกาศ.pdf')
    expect(await page.inputValue('#title')).toBe('ประกาศรับสมัครพนักงานจ้าง')
    expect(await page.inputValue('#bodyMd')).toBe('รายละเอียดตามประกาศแนบ')
    expect(await page.inputValue('#oitCodes')).toBe('O10')
    await expectNoAxeViolations(page)
    await page.setInputFiles('#files', { name: 'ประกาศ.pdf', mimeType: 'application/pdf', buffer: tinyPdf('jobs') })
    const saved = await clickAndWait(page, `${form} button[type=submit]`)
    expect(saved.status()).toBe(200)
    expect(await page.textContent('[role=status]')).toContain('บันทึกแล้ว')
    await ctx.close()
  })

  it('the public Q&A form without JavaScript: a too-short question comes back with the name kept', async () => {
    const { ctx, page } = await open({ js: false })
    await page.goto(`${s.baseUrl}${B}/qa`)
    await page.fill('#askerName', 'ผู้ถามสั้น')
    await page.fill('#question', 'ถาม')
    const res = await clickAndWait(page, 'form[action$="/qa"] button[type=submit]')
    expect(res.status()).toBe(422)
    expect(await page.textContent('.error-summary li')).toBe('คำถามต้องมีอย่างน้อย 5 ตัวอักษร')
    expect(await page.inputValue('#askerName')).toBe('ผู้ถามสั้น')
    expect(await page.inputValue('#question')).toBe('ถาม')
    await ctx.close()
  })

  it('every public page works with JavaScript off (and the Q&A form submits)', async () => {
    const { ctx, page } = await open({ js: false })
    for (const p of publicPaths) {
      const r = await page.goto(s.baseUrl + p)
      expect(r?.status(), p).toBe(200)
      expect(await page.locator('h1').count(), p).toBe(1)
    }
    await page.goto(`${s.baseUrl}${B}/qa`)
    await page.fill('#askerName', 'ผู้ทดสอบ')
    await page.fill('#question', 'ขอทราบเวลาเปิดทำการวันเสาร์')
    await clickAndWait(page, 'form[action$="/qa"] button[type=submit]')
    expect(await page.textContent('[role=status]')).toContain('ได้รับคำถามแล้ว')
    await page.goto(`${s.baseUrl}${B}/search`)
    await page.fill('#q', 'งบประมาณ')
    await clickAndWait(page, 'form[role=search] button')
    expect(await page.textContent('main h2')).toMatch(/ผลการค้นหา "งบประมาณ" \(\d+ รายการ\)/)
    await ctx.close()
  })

  it('every public page kind answers compressed when asked and carries its link-preview tags', async () => {
    for (const path of publicPaths) {
      const res = await fetch(`${s.baseUrl}${path}`, { headers: { 'accept-encoding': 'br, gzip' } })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-encoding'), path).toMatch(/^(br|gzip)$/)
      const head = (await res.text()).split('</head>')[0]!
      for (const tag of ['property="og:title"', 'property="og:description"', 'property="og:url"', 'property="og:image"', 'name="description"', 'rel="canonical"']) expect(head, `${path} ${tag}`).toContain(tag)
    }
  })

  it('the copy link of a news page copies its address with JavaScript and says so', async () => {
    const { ctx, page } = await open()
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.baseUrl })
    const news = publicPaths.find((p) => /\/news\/[0-9a-f-]{36}$/.test(p))!
    await page.goto(`${s.baseUrl}${news}`)
    const href = await page.getAttribute('a[data-copy-link]', 'href')
    await page.click('a[data-copy-link]')
    await page.waitForFunction(() => document.getElementById('share-status')?.textContent !== '')
    expect(await page.textContent('#share-status')).toBe('คัดลอกลิงก์แล้ว')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href)
    expect(new URL(page.url()).pathname).toBe(news) // stayed on the page
    await ctx.close()
  })

  it('axe reports no WCAG 2.1 AA violations on any public page', { timeout: 240_000 }, async () => {
    const { ctx, page } = await open()
    for (const p of publicPaths) {
      await page.goto(s.baseUrl + p)
      await expectNoAxeViolations(page)
    }
    await ctx.close()
  })

  for (const js of [true, false]) {
    it(`on a 360 × 640 phone the first screen shows the agency, the menu button and the content; the menu opens${js ? '' : ' (JavaScript off)'}`, async () => {
      const b = await browser.get()
      const ctx = await b.newContext({ javaScriptEnabled: js, locale: 'th-TH', viewport: { width: 360, height: 640 } })
      const page = await ctx.newPage()
      await page.goto(`${s.baseUrl}${B}/news/c/procurement`)
      const inFirstScreen = async (sel: string) => {
        const box = await page.locator(sel).first().boundingBox()
        return !!box && box.y >= 0 && box.y + Math.min(box.height, 40) <= 640
      }
      expect(await inFirstScreen('.brand'), 'agency name').toBe(true)
      expect(await inFirstScreen('.nav-phone summary'), 'menu button').toBe(true)
      expect(await inFirstScreen('main h1'), 'start of the content').toBe(true)
      expect(await page.locator('.nav-wide').isVisible()).toBe(false)
      const news = page.locator('.nav-phone a', { hasText: 'ข่าวและประกาศ' })
      expect(await news.isVisible()).toBe(false)
      await page.click('.nav-phone summary')
      expect(await news.isVisible()).toBe(true)
      if (js) await expectNoAxeViolations(page)
      await ctx.close()
    })
  }

  it('public pages fit a 360 px phone screen (screenshots in test-output/)', async () => {
    const { ctx, page } = await open({ width: 360 })
    for (const p of publicPaths) {
      await page.goto(s.baseUrl + p)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, p).toBeLessThanOrEqual(0)
    }
    for (const [name, p] of [['home', '/'], ['oit-2566', '/oit/2566'], ['oit-2566-O4', '/oit/2566/O4'], ['news', '/news/c/procurement']] as const) {
      await page.goto(`${s.baseUrl}${B}${p}`)
      await page.screenshot({ path: `test-output/portal-360-${name}.png`, fullPage: true })
    }
    await ctx.close()
  })

  it('stored script in user text never runs (post body and title, Q&A question and answer)', async () => {
    const { ctx, page } = await open()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await signIn(page, s.baseUrl, SLUG, agency.users.agency_admin.email)
    await page.goto(`${s.baseUrl}${B}/admin/portal/posts/new`)
    await page.selectOption('#category', 'pr')
    await page.fill('#title', 'ข่าว <script>window.__xss="title"</script><img src=x onerror="window.__xss=\'img\'">')
    await page.fill('#bodyMd', '<script>window.__xss="body";alert(1)</script>\n\n<img src=x onerror="window.__xss=\'onerror\'">\n\n[คลิกที่นี่](javascript:window.__xss=\'link\') [อีกลิงก์](JaVaScRiPt:alert(2)) <a href="javascript:alert(3)">html</a>\n\n<svg onload="window.__xss=\'svg\'"></svg>')
    await clickAndWait(page, 'form[enctype] button[type=submit]')
    const id = /posts\/([0-9a-f-]{36})/.exec(page.url())![1]!
    // The visitor's question, answered and published by staff.
    const visitor = await ctx.browser()!.newContext()
    const vp = await visitor.newPage()
    await vp.goto(`${s.baseUrl}${B}/qa`)
    await vp.fill('#askerName', '<img src=x onerror=alert(4)>')
    await vp.fill('#question', '<script>alert(5)</script> ถามหน่อย')
    await clickAndWait(vp, 'form[action$="/qa"] button[type=submit]')
    await page.goto(`${s.baseUrl}${B}/admin/portal/questions`)
    const form = page.locator('form', { hasText: 'ตอบ' }).filter({ has: page.locator('textarea') }).first()
    await form.locator('textarea').fill('<script>alert(6)</script>[x](javascript:alert(7))')
    await form.locator('select').selectOption('published')
    await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()])
    for (const p of [`${B}/news/${id}`, `${B}/news/c/pr`, `${B}/`, `${B}/qa`, `${B}/search?q=${encodeURIComponent('ข่าว')}`]) {
      await vp.goto(s.baseUrl + p)
      await vp.waitForLoadState('load')
      for (const text of ['คลิกที่นี่', 'อีกลิงก์', 'x']) {
        const link = vp.locator(`main a:text-is("${text}")`)
        expect(await link.count(), `${p} ${text}`).toBe(0)
      }
      expect(await vp.evaluate(() => (window as unknown as { __xss?: string }).__xss), p).toBeUndefined()
      expect(await vp.locator('main script, main img[src="x"], main svg, main [onerror], main [onload], main a[href^="javascript" i]').count(), p).toBe(0)
    }
    await vp.goto(`${s.baseUrl}${B}/qa`)
    expect(await vp.textContent('main')).toContain('<script>alert(5)</script> ถามหน่อย') // shown as text
    expect(dialogs).toEqual([])
    await visitor.close()
    await ctx.close()
  })

  it('the HTML of every public page passes html-validate', async () => {
    // hono/jsx writes void elements self-closed (<meta/>) and boolean attributes as required="",
    // consistently; the two style rules are told which (valid) style to expect.
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'void-style': ['error', { style: 'selfclosing' }], 'attribute-boolean-style': ['error', { style: 'empty' }] },
    })
    const problems: string[] = []
    for (const p of publicPaths) {
      const html = await (await fetch(s.baseUrl + p)).text()
      const report = await validator.validateString(html, p)
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) problems.push(`${p}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
    }
    expect(problems).toEqual([])
  })
})
