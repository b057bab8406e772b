// The complaint channel in a real Chromium: anonymous report with an attachment → receipt code →
// officer reply → the reporter reads the reply with the code; with and without JavaScript; axe.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../support/browser.js'
import { jpegWithExif } from '../../src/modules/complaints/testing/fixtures.js'

const LONG = { timeout: 240_000 }

describe('complaints in a real browser', () => {
  let s: TestServer
  const browser = browserPerFile()
  let a: SeededAgency
  let slug: string

  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db, { slug: `e2e-complaints-${randomBytes(2).toString('hex')}`, nameTh: 'เทศบาลตำบลร้องเรียนทดสอบ', nameEn: 'Complaint Town' })
    slug = a.org.slug
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })

  async function newPage(js: boolean, width?: number): Promise<Page> {
    const ctx = await (await browser.get()).newContext({ javaScriptEnabled: js, ...(width ? { viewport: { width, height: 900 } } : {}) })
    return ctx.newPage()
  }

  for (const js of [true, false]) {
    const mode = js ? '' : ' (JavaScript off)'
    it(`anonymous report with an attachment → receipt → officer reply → reporter reads it with the code${mode}`, LONG, async () => {
        const subject = `ถนนชำรุดหน้าตลาด ${randomBytes(3).toString('hex')}`
        const reply = `เจ้าหน้าที่รับทราบแล้ว กำลังตรวจสอบ ${randomBytes(3).toString('hex')}`

        // 1. The reporter, on a phone-sized screen, without an account.
        const r = await newPage(js, 390)
        await r.goto(`${s.baseUrl}/o/${slug}/complaints/new`)
        expect(await r.textContent('h1')).toContain('แจ้งเรื่องร้องเรียน')
        if (js) await expectNoAxeViolations(r)
        await r.selectOption('#category', 'misconduct')
        await r.fill('#subject', subject)
        await r.fill('#details', 'มีการเทวัสดุก่อสร้างขวางทางเท้ามาหลายสัปดาห์ ผู้สูงอายุเดินผ่านไม่ได้')
        await r.fill('#whenWhere', 'หน้าตลาดสด ทุกวันตั้งแต่ต้นเดือน')
        await r.setInputFiles('#files', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpegWithExif('GPS') })
        await r.check('#consent')
        const sent = await clickAndWait(r, `form[action="/o/${slug}/complaints/new"] button[type=submit]`)
        expect(sent.status()).toBe(200)
        const code = (await r.getAttribute('[data-receipt-code]', 'data-receipt-code'))!
        expect(code).toMatch(/^\d{16}$/)
        expect(await r.getAttribute('.receipt img', 'src')).toMatch(/^data:image\/png;base64,/)
        if (js) await expectNoAxeViolations(r)

        // 2. The complaints officer opens it and replies.
        const o = await newPage(js)
        await signIn(o, s.baseUrl, slug, a.users.complaints_officer.email)
        await o.goto(`${s.baseUrl}/o/${slug}/admin/complaints`)
        if (js) await expectNoAxeViolations(o)
        await clickAndWait(o, `a:has-text("${subject}")`)
        expect(await o.textContent('main')).toContain('เอกสารแนบ-1.jpg') // a neutral name, never the reporter's file name
        expect(await o.textContent('main')).not.toContain('photo.jpg')
        if (js) await expectNoAxeViolations(o)
        await o.fill('#body', reply)
        const replied = await clickAndWait(o, 'form[action$="/messages"] button[type=submit]')
        expect(replied.status()).toBe(200)
        expect(await o.textContent('main')).toContain(reply)

        // 3. The reporter comes back with the code (grouped, as printed) and reads the reply.
        const r2 = await newPage(js, 390)
        await r2.goto(`${s.baseUrl}/o/${slug}/complaints/track`)
        if (js) await expectNoAxeViolations(r2)
        await r2.fill('#code', code.replace(/(\d{4})(?=\d)/g, '$1 '))
        const opened = await clickAndWait(r2, `form[action="/o/${slug}/complaints/track"] button[type=submit]`)
        expect(opened.status()).toBe(200)
        const main = (await r2.textContent('main'))!
        expect(main).toContain(subject)
        expect(main).toContain(reply)
        expect(main).toContain('รับเรื่องแล้ว')
        if (js) await expectNoAxeViolations(r2)
        await r2.fill('#body', 'ขอบคุณค่ะ')
        await clickAndWait(r2, 'form[action$="/track/case/messages"] button[type=submit]')
        expect(await r2.textContent('main')).toContain('ขอบคุณค่ะ')

        // 4. The agency admin cannot open it.
        const admin = await newPage(js)
        await signIn(admin, s.baseUrl, slug, a.users.agency_admin.email)
        const denied = await admin.goto(`${s.baseUrl}/o/${slug}/admin/complaints`)
        expect(denied!.status()).toBe(403)
        for (const p of [r, o, r2, admin]) await p.context().close()
    })
  }

  for (const js of [true, false]) {
    it(`a report without consent and with a refused file comes back with every value kept and the errors in Thai${js ? '' : ' (JavaScript off)'}`, LONG, async () => {
      const r = await newPage(js, 390)
      await r.goto(`${s.baseUrl}/o/${slug}/complaints/new`)
      const subject = `ทางเท้าชำรุด ${randomBytes(3).toString('hex')}`
      await r.selectOption('#category', 'service')
      await r.fill('#subject', subject)
      await r.fill('#details', 'ทางเท้าหน้าตลาดแตกเป็นหลุม')
      await r.setInputFiles('#files', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ not really a photo') })
      const sent = await clickAndWait(r, `form[action="/o/${slug}/complaints/new"] button[type=submit]`)
      expect(sent.status()).toBe(422)
      expect(await r.title()).toMatch(/^ข้อผิดพลาด: /)
      const summary = (await r.textContent('.error-summary'))!
      expect(summary).toContain('คำประกาศเกี่ยวกับข้อมูลส่วนบุคคล')
      expect(summary).toContain('ตรวจจากเนื้อไฟล์')
      expect(summary).not.toContain('v.consent')
      expect(await r.getAttribute('#consent', 'aria-invalid')).toBe('true')
      expect(await r.inputValue('#subject')).toBe(subject)
      expect(await r.inputValue('#category')).toBe('service')
      if (js) {
        expect(await summaryFocused(r)).toBe(true)
        await expectNoAxeViolations(r)
      }
      // Corrected, the same form (same nonce) goes through.
      await r.setInputFiles('#files', [])
      await r.check('#consent')
      expect((await clickAndWait(r, `form[action="/o/${slug}/complaints/new"] button[type=submit]`)).status()).toBe(200)
      expect(await r.getAttribute('[data-receipt-code]', 'data-receipt-code')).toMatch(/^\d{16}$/)
      await r.context().close()
    })
  }

  it('public statistics, intake and settings pages pass axe; the case file exports as PDF', LONG, async () => {
    const p = await newPage(true)
    await p.goto(`${s.baseUrl}/o/${slug}/complaints/stats`)
    expect(await p.textContent('h1')).toContain('สถิติ')
    await expectNoAxeViolations(p)
    await signIn(p, s.baseUrl, slug, a.users.complaints_officer.email)
    for (const path of ['new', 'settings']) {
      await p.goto(`${s.baseUrl}/o/${slug}/admin/complaints/${path}`)
      await expectNoAxeViolations(p)
    }
    await p.goto(`${s.baseUrl}/o/${slug}/admin/complaints?status=all`)
    const href = (await p.getAttribute('main table a', 'href'))!
    const pdf = await p.request.get(`${s.baseUrl}${href}/export.pdf`)
    expect(pdf.status()).toBe(200)
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    await p.context().close()
  })
})
