// The people pages (บุคลากร) in a real Chromium against the real app over HTTP: adding a person with
// bad input and then good, the XLSX import's preview and confirmation, and setting a unit head.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, summaryFocused, type SeededAgency, type TestServer } from '../support/browser.js'
import { buildUnit } from '../support/factories.js'
import { inOrg } from '../../src/db/client.js'
import { peopleFor, headOf } from '../../src/platform/people/directory.js'

describe('people pages in a real browser', () => {
  let s: TestServer
  const browser = browserPerFile()
  let a: SeededAgency
  let base: string
  let unitId: string

  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db, { slug: 'e2e-people', nameTh: 'เทศบาลตำบลบุคลากร', nameEn: 'People Town' })
    base = `${s.baseUrl}/o/${a.org.slug}/admin`
    unitId = (await buildUnit(s.deps.db, a.org, 'กองคลัง')).id
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })

  async function adminPage(js: boolean): Promise<Page> {
    const ctx = await (await browser.get()).newContext({ javaScriptEnabled: js })
    const p = await ctx.newPage()
    await signIn(p, s.baseUrl, a.org.slug, a.users.agency_admin.email)
    return p
  }
  const people = () => inOrg(s.deps.db, a.org.id, (tx) => peopleFor(tx, { all: true }))

  for (const js of [true, false]) {
    const mode = js ? '' : ' (JavaScript off)'
    it(`adds a person: bad input keeps the form filled and focuses the summary, then พ.ศ. dates are stored as C.E.${mode}`, async () => {
      const p = await adminPage(js)
      await p.goto(`${base}/people`)
      await clickAndWait(p, `a[href$="/people/new"]`)
      const name = js ? 'นางสาวพิมพ์ใจ ตั้งใจ' : 'นายมั่นคง ตั้งใจ'
      await p.fill('#fullName', name)
      await p.fill('#position', 'นักวิชาการเงินและบัญชี')
      await p.fill('#activeFrom', '2024-10-01') // a Gregorian year: refused with a message
      const bad = await clickAndWait(p, 'main button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด: /)
      if (js) expect(await summaryFocused(p)).toBe(true)
      expect(await p.inputValue('#fullName')).toBe(name)
      expect(await p.textContent('.error-summary')).toContain('ประเภทบุคลากร')
      expect(await p.textContent('.error-summary')).toContain('ปี ค.ศ.')
      if (js) await expectNoAxeViolations(p)
      await p.selectOption('#kind', 'local_official')
      await p.check(`input[name=unitIds][value="${unitId}"]`)
      await p.fill('#activeFrom', '๐๑/๑๐/๒๕๖๗')
      const ok = await clickAndWait(p, 'main button[type=submit]')
      expect(ok.status()).toBe(200)
      expect(new URL(p.url()).pathname).toBe(`/o/${a.org.slug}/admin/people`)
      expect(await p.textContent('main')).toContain(`เพิ่ม ${name} แล้ว`)
      const saved = (await people()).find((x) => x.fullName === name)!
      expect(saved).toMatchObject({ activeFrom: '2024-10-01', kind: 'local_official', unitIds: [unitId] })
      if (js) await expectNoAxeViolations(p)
    }, 120_000)
  }

  it('imports an XLSX: the preview lists the changes and saves nothing until confirmed', async () => {
    const p = await adminPage(true)
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('บุคลากร')
    ws.addRow(['ชื่อ-สกุล', 'ตำแหน่ง', 'ประเภท', 'หน่วยงาน', 'อีเมล', 'โทรศัพท์', 'วันที่เริ่มปฏิบัติงาน'])
    ws.addRow(['นายสมบัติ ขยันยิ่ง', 'พนักงานขับรถยนต์', 'ลูกจ้างประจำ', 'กองคลัง', '', '', '01/07/2548'])
    ws.addRow(['นางบุษบา อ่อนละมุน', 'ผู้ช่วยเจ้าพนักงานการเงินและบัญชี', 'พนักงานจ้างตามภารกิจ', 'กองคลัง', '', '', ''])
    const file = join(mkdtempSync(join(tmpdir(), 'people-')), 'บุคลากร.xlsx')
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()))
    const before = (await people()).length
    await p.goto(`${base}/people/import`)
    await p.setInputFiles('#file', file)
    await clickAndWait(p, 'main button[type=submit]')
    expect(await p.textContent('h1')).toBe('ตรวจสอบก่อนนำเข้า')
    expect(await p.textContent('[role=status]')).toContain('เพิ่มใหม่ 2 คน')
    expect((await people()).length).toBe(before)
    await expectNoAxeViolations(p)
    await clickAndWait(p, 'main form button[type=submit]')
    expect(await p.textContent('main')).toContain('นำเข้าแล้ว: เพิ่มใหม่ 2 คน แก้ไข 0 คน')
    expect((await people()).length).toBe(before + 2)
  }, 120_000)

  it('sets the head of a unit from the units page, keyboard only', async () => {
    const p = await adminPage(true)
    await p.goto(`${base}/units`)
    await p.focus(`a[href$="/units/${unitId}/head"]`)
    await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')])
    const driver = (await people()).find((x) => x.fullName === 'นายสมบัติ ขยันยิ่ง')!
    await p.selectOption('#headPersonId', driver.id)
    await clickAndWait(p, 'main button[type=submit]')
    expect(await p.textContent('main')).toContain('บันทึกหัวหน้าของ กองคลัง แล้ว')
    expect(await p.textContent('table')).toContain('นายสมบัติ ขยันยิ่ง')
    expect((await inOrg(s.deps.db, a.org.id, (tx) => headOf(tx, unitId)))?.id).toBe(driver.id)
    await expectNoAxeViolations(p)
  }, 120_000)
})
