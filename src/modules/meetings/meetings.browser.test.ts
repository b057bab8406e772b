// The meetings module's pages in a real Chromium, with JavaScript on (axe on every page) and off:
// one meeting from the invitation to its minutes (with a photo) adopted at the next meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { FAKE_EXE } from '../../../tests/support/multipart.js'
import { buildPerson, TINY_PNG } from './testing/factories.js'

describe('meetings module in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
    for (const [fullName, position] of [['นายสมปอง ตั้งใจ', 'ผู้อำนวยการกองช่าง'], ['นางสาวมาลัย ลาพักร้อน', 'นักวิชาการเงินและบัญชี'], ['นายวิชัย มาทุกครั้ง', 'เจ้าพนักงานธุรการ']]) await buildPerson(s.deps.db, a.org.id, { fullName, position })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()

  for (const js of [true, false]) {
    // Each run has its own kind, so each adopts its own first meeting.
    const kind = js ? 'monthly' : 'committee'
    it(`an officer runs one meeting from invitation to minutes adopted at the next${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      const submit = (form: string) => clickAndWait(p, `main form[action$="${form}"] button[type=submit]`)
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const base = `/o/${a.org.slug}/admin/meetings`
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      expect(await p.textContent('h1')).toBe('การประชุม')
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      await axe()
      const title = `การประชุมทดสอบเบราว์เซอร์ ${js ? 'ก' : 'ข'}`
      await p.selectOption('#kind', kind)
      await p.fill('#title', title)
      await p.fill('#heldOn', '26/01/2023')
      await p.fill('#startsAt', '09.30')
      await p.fill('#place', 'ห้องประชุมสำนักงานเทศบาล')
      await p.fill('#chairName', 'นายประธาน ทดสอบ')
      const bad = await submit('/new')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.textContent('.error-summary')).toContain('ปี ค.ศ.')
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.inputValue('#title')).toBe(title)
      expect(await p.inputValue('#place')).toBe('ห้องประชุมสำนักงานเทศบาล')
      expect(await p.inputValue('#kind')).toBe(kind)
      await axe()
      await p.fill('#heldOn', '26/01/2566')
      await submit('/new')
      const url = new URL(p.url()).pathname
      expect(url).toMatch(new RegExp(`^${base}/[0-9a-f-]{36}$`))
      expect(await p.textContent('.notice')).toContain(title)
      expect(await p.textContent('main')).toContain('ระเบียบวาระที่ 1 เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ')
      await axe()

      // The invitation with the agenda, then attendance at the door.
      await clickAndWait(p, `a[href="${url}/invite"]`)
      await axe()
      await submit('/invite')
      expect(await p.textContent('.notice')).toContain('เชิญเพิ่ม')
      await clickAndWait(p, `a[href="${url}/notice"]`)
      expect(await p.textContent('main')).toContain('นายสมปอง ตั้งใจ')
      await axe()
      await p.goto(s.baseUrl + `${url}/attendance`)
      await axe()
      await p.check('tr:has-text("นายสมปอง ตั้งใจ") input[value="present"]')
      await p.check('tr:has-text("นายวิชัย มาทุกครั้ง") input[value="present"]')
      await p.check('tr:has-text("นางสาวมาลัย ลาพักร้อน") input[value="leave"]')
      await p.fill('tr:has-text("นางสาวมาลัย ลาพักร้อน") input[name^="r_"]', 'ลาพักผ่อน')
      await submit('/attendance')
      expect(await p.textContent('.quorum')).toContain('ครบองค์ประชุม')
      expect(await p.textContent('.quorum')).toContain('มาประชุม 2 จาก 3 คน')

      // A matter with its minutes and resolution, then the minutes' frame.
      await p.goto(s.baseUrl + url)
      await clickAndWait(p, `a[href="${url}/items/new"]`)
      await axe()
      await p.selectOption('#section', '5')
      await p.fill('#title', 'พิจารณาแผนการซ่อมแซมถนน')
      await p.fill('#minutes', 'ที่ประชุมอภิปรายลำดับความสำคัญของถนนที่ชำรุด')
      await p.fill('#resolution', 'ที่ประชุมมีมติเห็นชอบ')
      await submit('/items/new')
      expect(await p.textContent('main')).toContain('5.1 พิจารณาแผนการซ่อมแซมถนน')
      await clickAndWait(p, `a[href="${url}/minutes"]`)
      await axe()
      await p.fill('#endedAt', '11:00')
      await p.fill('#minuteTakerName', 'นางสาวผู้จด รายงาน')
      await submit('/minutes')
      expect(await p.textContent('main')).toContain('ประชุมแล้ว (รอรับรองรายงาน)')
      await axe()

      // A photo of the meeting: a renamed executable is refused on the same form (caption kept), then a real image shows with its caption.
      await clickAndWait(p, `a[href="${url}/photos/new"]`)
      await axe()
      const caption = `บรรยากาศการประชุม ${js ? 'ก' : 'ข'}`
      await p.setInputFiles('#photo', { name: 'ภาพประชุม.png', mimeType: 'image/png', buffer: Buffer.from(FAKE_EXE) })
      await p.fill('#caption', caption)
      const refused = await submit('/photos/new')
      expect(refused.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.textContent('.error-summary')).toContain('JPEG, PNG, WebP')
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.inputValue('#caption')).toBe(caption)
      await axe()
      await p.setInputFiles('#photo', { name: 'ภาพประชุม.png', mimeType: 'image/png', buffer: Buffer.from(TINY_PNG) })
      await submit('/photos/new')
      expect(new URL(p.url()).pathname).toBe(url)
      expect(await p.textContent('.notice')).toContain(caption)
      const img = p.locator(`#photos ~ ul img[alt="${caption}"]`)
      expect(await img.count()).toBe(1)
      await img.scrollIntoViewIfNeeded()
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1)
      expect(await p.textContent('#photos ~ ul figcaption')).toBe(caption)
      await axe()

      // The next meeting of the kind adopts the minutes at agenda item 2, with a correction.
      await p.goto(s.baseUrl + `${base}/new`)
      await p.selectOption('#kind', kind)
      await p.fill('#title', `${title} ครั้งถัดไป`)
      await p.fill('#heldOn', '24/02/2566')
      await p.fill('#place', 'ห้องประชุมสำนักงานเทศบาล')
      await p.fill('#chairName', 'นายประธาน ทดสอบ')
      await submit('/new')
      expect(await p.textContent('#section-2 ~ article h4')).toContain(`รับรองรายงานการประชุม${title}`)
      await p.fill('#corrections', 'แก้ไขเวลาเลิกประชุมเป็น 11.15 น.')
      await submit('/adopt')
      expect(await p.textContent('.notice')).toContain('รับรองรายงาน')
      expect(await p.textContent('main')).toContain('โดยมีการแก้ไข ดังนี้ แก้ไขเวลาเลิกประชุมเป็น 11.15 น.')
      await axe()
      await p.goto(s.baseUrl + url)
      expect(await p.textContent('main')).toContain('รับรองรายงานการประชุมแล้ว')
      expect(await p.textContent('main')).toContain('แก้ไข: แก้ไขเวลาเลิกประชุมเป็น 11.15 น.')
      expect(await p.locator(`a[href="${url}/edit"]`).count()).toBe(0)
      await axe()
      await p.context().close()
    })
  }

  it('a planned meeting is deleted only after confirmation; the series and public pages pass axe; a viewer cannot edit', { timeout: 90_000 }, async () => {
    const p = await newPage(true)
    await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
    const base = `/o/${a.org.slug}/admin/meetings`
    const plan = async (title: string, isPublic: boolean) => {
      await p.goto(`${s.baseUrl}${base}/new`)
      await p.selectOption('#kind', 'other')
      await p.fill('#title', title)
      await p.fill('#heldOn', '15/08/2566')
      await p.fill('#place', 'ห้องประชุม')
      await p.fill('#chairName', 'นายประธาน ทดสอบ')
      if (isPublic) await p.check('#isPublic')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      return new URL(p.url()).pathname
    }
    // Published once: never deleted, only withdrawn (made non-public).
    const published = await plan('การประชุมที่เผยแพร่แล้ว', true)
    expect(await p.locator(`a[href="${published}/delete"]`).count()).toBe(0)
    await p.goto(`${s.baseUrl}${published}/edit`)
    await p.uncheck('#isPublic')
    await clickAndWait(p, 'main form[method=post] button[type=submit]')
    expect(await p.textContent('main')).not.toContain('เปิดเผยต่อสาธารณะ')
    expect(await p.locator(`a[href="${published}/delete"]`).count()).toBe(0)
    // Never published: deleted after the confirmation page.
    const url = await plan('การประชุมที่จะลบ', false)
    await clickAndWait(p, `a[href="${url}/delete"]`)
    expect(await p.textContent('h1')).toBe('ยืนยันการลบ "การประชุมที่จะลบ"')
    await expectNoAxeViolations(p)
    await clickAndWait(p, 'main form[method=post] button.danger')
    expect(await p.textContent('.notice')).toContain('ลบการประชุม')
    await p.goto(`${s.baseUrl}${base}/series/2566`)
    expect(await p.textContent('h1')).toBe('ประชุมประจำเดือน ปีงบประมาณ 2566')
    await expectNoAxeViolations(p)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/meetings`)
    expect(await p.textContent('h1')).toBe('การประชุมและรายงานการประชุม')
    await expectNoAxeViolations(p)
    await p.context().close()
    const v = await newPage(true)
    await signIn(v, s.baseUrl, a.org.slug, a.users.viewer.email)
    await v.goto(`${s.baseUrl}${base}`)
    expect(await v.locator('a[href$="/new"]').count()).toBe(0)
    await expectNoAxeViolations(v)
    await v.context().close()
  })
})
