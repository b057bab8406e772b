// The coi module's pages in a real Chromium, with JavaScript on (axe on every page) and off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { buildDeclaration, buildPerson } from './testing/factories.js'

describe('coi module in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  let declarant = { id: '', fullName: '' }
  let chair = { id: '', fullName: '' }
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
    await buildPerson(s.deps.db, a.org.id, { fullName: 'นายผู้บริหาร ทดสอบ', position: 'นายกเทศมนตรี', kind: 'executive', userId: a.users.executive.id })
    declarant = await buildPerson(s.deps.db, a.org.id, { fullName: 'นายสมบัติ ขยันยิ่ง', position: 'พนักงานขับรถยนต์', kind: 'permanent_employee', userId: a.users.officer.id })
    await buildPerson(s.deps.db, a.org.id, { fullName: 'นางมานี ผู้ดู', userId: a.users.viewer.id })
    chair = await buildPerson(s.deps.db, a.org.id, { fullName: 'นายอนุชา สร้างงาม', position: 'ผู้อำนวยการกองช่าง' })
    await buildDeclaration(s.deps.db, a.org.id, chair.id, [{ kind: 'family', relation: 'sibling', holderName: 'นายวิชิต สร้างงาม', partyName: 'ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา', juristicId: '0313556001234', detail: 'น้องชายเป็นหุ้นส่วนผู้จัดการ' }], { declaredOn: '2022-10-20' })
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js })).newPage()

  for (const js of [true, false]) {
    const day = js ? '15/11/2565' : '16/11/2565'
    it(`a person declares outside work (after a mistake), the executive acknowledges it in the register${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const p = await newPage(js)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      const base = `/o/${a.org.slug}/admin/coi`
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}/mine"]`)
      expect(await p.textContent('h1')).toBe('แบบเปิดเผยส่วนได้เสียของฉัน')
      await axe()
      await clickAndWait(p, `a[href="${base}/declare?kind=annual"]`)
      expect(await p.textContent('h1')).toBe('แบบเปิดเผยส่วนได้เสีย')
      await axe()
      await p.fill('#declaredOn', day)
      await p.selectOption('#i0_kind', 'outside_work')
      await p.fill('#i0_partyName', 'ผู้ปกครองนักเรียนโรงเรียนบ้านโคกเจริญ')
      await p.fill('#i0_detail', 'รับจ้างขับรถรับส่งนักเรียนช่วงเช้าและเย็น')
      await p.fill('#i0_juristicId', '12345')
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.textContent('.error-summary')).toContain('เลขทะเบียนนิติบุคคลต้องมี 13 หลัก')
      expect(await summaryFocused(p)).toBe(true)
      expect(await p.inputValue('#i0_partyName')).toBe('ผู้ปกครองนักเรียนโรงเรียนบ้านโคกเจริญ')
      expect(await p.inputValue('#i0_kind')).toBe('outside_work')
      expect(await p.inputValue('#declaredOn')).toBe(day)
      await axe()
      await p.fill('#i0_juristicId', '')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(new URL(p.url()).pathname).toBe(`${base}/mine`)
      expect(await p.textContent('.notice')).toContain('ยื่นแบบเปิดเผยส่วนได้เสียแล้ว')
      expect(await p.textContent('main table')).toContain('รอพิจารณา')
      await p.context().close()

      const e = await newPage(js)
      await signIn(e, s.baseUrl, a.org.slug, a.users.executive.email)
      await e.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(e, `nav a[href="${base}"]`)
      expect(await e.textContent('h1')).toBe('ทะเบียนการเปิดเผยส่วนได้เสีย ปีงบประมาณ 2566')
      expect(await e.textContent('#missing')).toContain('ยังไม่ยื่นแบบประจำปี')
      if (js) await expectNoAxeViolations(e)
      await clickAndWait(e, `main table a:has-text("${declarant.fullName}")`)
      expect(await e.textContent('main')).toContain('รับจ้างขับรถรับส่งนักเรียนช่วงเช้าและเย็น')
      if (js) await expectNoAxeViolations(e)
      await e.selectOption('#decision', 'more_info')
      const noNote = await clickAndWait(e, 'main form[method=post] button[type=submit]')
      expect(noNote.status()).toBe(422)
      expect(await e.textContent('.error-summary')).toContain('ให้ระบุข้อมูลที่ต้องการเพิ่มเติม')
      expect(await e.inputValue('#decision')).toBe('more_info')
      if (js) await expectNoAxeViolations(e)
      await e.selectOption('#decision', 'acknowledged')
      await clickAndWait(e, 'main form[method=post] button[type=submit]')
      expect(await e.textContent('.notice')).toContain('รับทราบแบบแล้ว')
      expect(await e.textContent('main dl')).toContain('ผู้บริหารรับทราบแล้ว')
      await e.context().close()
    })

    it(`an officer checks bidders against a committee and finds the chair’s brother’s partnership${js ? '' : ' (JavaScript off)'}`, { timeout: 120_000 }, async () => {
      const p = await newPage(js)
      const base = `/o/${a.org.slug}/admin/coi`
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      await p.goto(s.baseUrl + base)
      await clickAndWait(p, `a[href="${base}/check"]`)
      if (js) await expectNoAxeViolations(p)
      await p.fill('#project', 'โครงการก่อสร้างถนน คสล. หมู่ 5')
      await p.fill('#parties', 'บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด\nหจก. ส. สร้างงาม การโยธา')
      const bad = await clickAndWait(p, 'button[name=record][value="0"]')
      expect(bad.status()).toBe(422)
      expect(await p.textContent('.error-summary')).toContain('ให้เลือกกรรมการอย่างน้อยหนึ่งคน')
      expect(await p.inputValue('#parties')).toContain('หจก. ส. สร้างงาม การโยธา')
      await p.check(`input[name=personIds][value="${chair.id}"]`)
      const ok = await clickAndWait(p, 'button[name=record][value="0"]')
      expect(ok.status()).toBe(200)
      expect(await p.textContent('#result')).toContain('พบ 1 รายการ')
      expect(await p.textContent('main table')).toContain('นายอนุชา สร้างงาม')
      if (js) await expectNoAxeViolations(p)
      await p.context().close()
    })
  }

  it('a viewer has no register link and cannot open it; the public summary passes axe', { timeout: 60_000 }, async () => {
    const p = await newPage(true)
    await signIn(p, s.baseUrl, a.org.slug, a.users.viewer.email)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/admin`)
    expect(await p.locator(`nav a[href="/o/${a.org.slug}/admin/coi"]`).count()).toBe(0)
    expect((await p.goto(`${s.baseUrl}/o/${a.org.slug}/admin/coi`))?.status()).toBe(403)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/coi`)
    expect(await p.textContent('h1')).toBe('การป้องกันผลประโยชน์ทับซ้อน')
    expect(await p.textContent('main')).not.toContain('สร้างงาม')
    await expectNoAxeViolations(p)
    await p.context().close()
  })
})
