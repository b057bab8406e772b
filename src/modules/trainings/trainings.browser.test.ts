// The trainings module's pages in a real Chromium, with JavaScript on (axe on every page) and off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { inOrg } from '../../db/client.js'
import { people } from '../../platform/people/people.schema.js'
import { buildPerson } from './testing/factories.js'

describe('trainings module in a real browser', () => {
  let s: TestServer
  let a: SeededAgency
  const browser = browserPerFile()
  beforeAll(async () => {
    s = await startTestServer()
    a = await seedAgency(s.deps.db)
    await buildPerson(s.deps.db, a.org.id, { fullName: 'นายสมหมาย ตั้งใจ', position: 'นายช่างโยธา' })
    const viewer = await buildPerson(s.deps.db, a.org.id, { fullName: 'นางสาวมานี ผู้ติดตาม', position: 'ผู้ช่วยเจ้าหน้าที่ธุรการ', kind: 'contract_employee' })
    await inOrg(s.deps.db, a.org.id, (tx) => tx.update(people).set({ userId: a.users.viewer.id }).where(eq(people.id, viewer.id)))
  })
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })
  const newPage = async (js: boolean, width = 1280): Promise<Page> => (await (await browser.get()).newContext({ javaScriptEnabled: js, viewport: { width, height: 800 } })).newPage()

  for (const js of [true, false]) {
    it(`an officer adds a training (after a mistake), publishes it, signs people up and records the sheet${js ? '' : ' (JavaScript off)'}`, { timeout: 120_000 }, async () => {
      const p = await newPage(js)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      await signIn(p, s.baseUrl, a.org.slug, a.users.officer.email)
      const base = `/o/${a.org.slug}/admin/trainings`
      await p.goto(s.baseUrl + `/o/${a.org.slug}/admin`)
      await clickAndWait(p, `nav a[href="${base}"]`)
      expect(await p.textContent('h1')).toBe('การฝึกอบรม')
      await axe()
      await clickAndWait(p, `a[href="${base}/new"]`)
      await axe()
      const topic = `การป้องกันผลประโยชน์ทับซ้อน ${js ? 'ก' : 'ข'}`
      await p.fill('#topic', topic)
      await p.fill('#startsOn', '16/02/2023')
      await p.fill('#hours', '3')
      await p.fill('#trainerName', 'นายวิทยากร ภายใน')
      await p.fill('#place', 'ห้องประชุมสำนักงาน')
      await p.fill('#targetGroup', 'บุคลากรทุกคน')
      const bad = await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.title()).toMatch(/^ข้อผิดพลาด:/)
      expect(await p.inputValue('#topic')).toBe(topic)
      expect(await p.textContent('.error-summary')).toContain('ค.ศ.')
      expect(await p.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
      await axe()
      await p.fill('#startsOn', '๑๖/๐๒/๒๕๖๖')
      await clickAndWait(p, 'main form[method=post] button[type=submit]')
      expect(await p.textContent('h1')).toBe(topic)
      expect(await p.textContent('.notice')).toContain(topic)
      await axe()
      await clickAndWait(p, 'main form[action$="/publish"] button')
      expect(await p.textContent('.notice')).toContain('เผยแพร่')
      expect(await p.locator('main [role=img] svg').count()).toBe(1)
      await axe()
      await clickAndWait(p, 'main a[href$="/attendance"]')
      await p.check('#everyone')
      await clickAndWait(p, 'main form[action$="/attendance/signup"] button')
      expect(await p.textContent('.notice')).toContain('เพิ่มผู้สมัคร')
      await p.fill('#name', 'นายบุญมี ใจซื่อ')
      await p.fill('#organisation', 'บ้านตาเป็ก หมู่ที่ 1')
      await clickAndWait(p, 'main form[action$="/attendance/outside"] button')
      await axe()
      const row = p.locator('tr', { hasText: 'นายสมหมาย ตั้งใจ' })
      await row.locator('input[value="present"]').check()
      await p.locator('tr', { hasText: 'นายบุญมี ใจซื่อ' }).locator('input[value="present"]').check()
      await clickAndWait(p, 'main form[action$="/attendance"] button[type=submit]')
      expect(await p.textContent('.quorum')).toContain('เข้าอบรม 2 คน')
      await p.context().close()
    })
  }

  it('a staff member checks in by the QR page on a 360 px phone; the public page passes axe', { timeout: 90_000 }, async () => {
    const p = await newPage(true, 360)
    await signIn(p, s.baseUrl, a.org.slug, a.users.viewer.email)
    const list = await p.goto(`${s.baseUrl}/o/${a.org.slug}/admin/trainings`)
    expect(list?.status()).toBe(200)
    expect(await p.locator('a[href$="/new"]').count()).toBe(0)
    const href = await p.locator('main table a').first().getAttribute('href')
    await p.goto(`${s.baseUrl}${href}/checkin`)
    await expectNoAxeViolations(p)
    await clickAndWait(p, 'main form button[type=submit]')
    expect(await p.textContent('main [role=status]')).toContain('ลงชื่อเข้ารับการอบรมแล้ว')
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await p.goto(`${s.baseUrl}/o/${a.org.slug}/trainings`)
    expect(await p.textContent('h1')).toBe('การฝึกอบรมของหน่วยงาน')
    await expectNoAxeViolations(p)
    await p.context().close()
  })
})
