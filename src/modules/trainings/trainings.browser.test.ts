// The trainings module's pages in a real Chromium, with JavaScript on (axe on every page) and off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { browserPerFile, clickAndWait, expectNoAxeViolations, seedAgency, signIn, startTestServer, type SeededAgency, type TestServer } from '../../../tests/support/browser.js'
import { inOrg } from '../../db/client.js'
import { people } from '../../platform/people/people.schema.js'
import { buildPerson, buildQuestion, buildSession } from './testing/factories.js'
import { useCaseCtx } from '../../../tests/support/app.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { issueAnswerLinks, setTest } from './answers.js'
import { signUp } from './attendance.js'

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
  const officerCtx = () => useCaseCtx({ deps: s.deps } as Parameters<typeof useCaseCtx>[0], a.org.id, a.users.officer) as OrgUseCaseCtx
  /** A published session with a two-question test. */
  const withTest = async (topic: string) => {
    const session = await buildSession(s.deps.db, a.org.id, { topic, status: 'published', publishedAt: new Date() })
    const q1 = await buildQuestion(s.deps.db, a.org.id, { text: 'การรับงานนอกเวลาราชการที่ขัดกับหน้าที่เรียกว่าอะไร', choices: ['ผลประโยชน์ทับซ้อน', 'การลาพักผ่อน', 'การปฏิบัติราชการตามปกติ'], correct: 0 })
    const q2 = await buildQuestion(s.deps.db, a.org.id, { text: 'พบการเรียกรับสินบน ควรแจ้งช่องทางใด', choices: ['ไม่ต้องแจ้ง', 'ช่องทางร้องเรียนของเทศบาล'], correct: 1 })
    await setTest(officerCtx(), session.id, [q1.id, q2.id])
    return { session, q1, q2 }
  }
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

  for (const js of [false, true]) {
    it(`on a 360 px phone a staff member checks in, answers the pre-test (a mistake first), the post-test and the evaluation${js ? '' : ' (JavaScript off)'}`, { timeout: 120_000 }, async () => {
      const { session, q1, q2 } = await withTest(`อบรมบนโทรศัพท์ ${js ? 'ก' : 'ข'}`)
      const p = await newPage(js, 360)
      const axe = async () => {
        if (js) await expectNoAxeViolations(p)
      }
      await signIn(p, s.baseUrl, a.org.slug, a.users.viewer.email)
      const url = `${s.baseUrl}/o/${a.org.slug}/admin/trainings/${session.id}`
      await p.goto(`${url}/checkin`)
      await clickAndWait(p, 'main form button[type=submit]')
      await clickAndWait(p, 'main a[href$="/answer/pre"]')
      expect(await p.textContent('h1')).toBe('แบบทดสอบก่อนอบรม (Pre-test)')
      await axe()
      await p.check(`#q_${q1.id}-1`)
      const bad = await clickAndWait(p, 'main form button[type=submit]')
      expect(bad.status()).toBe(422)
      expect(await p.textContent('.error-summary')).toContain('กรุณาเลือกคำตอบข้อ 2')
      expect(await p.isChecked(`#q_${q1.id}-1`)).toBe(true)
      await axe()
      await p.check(`#q_${q2.id}-1`)
      await clickAndWait(p, 'main form button[type=submit]')
      expect(await p.textContent('main [role=status]')).toContain('ได้ 1 จาก 2 คะแนน')
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await p.goto(`${url}/answer/post`)
      await p.check(`#q_${q1.id}-0`)
      await p.check(`#q_${q2.id}-1`)
      await clickAndWait(p, 'main form button[type=submit]')
      expect(await p.textContent('main [role=status]')).toContain('ได้ 2 จาก 2 คะแนน')
      await p.goto(`${url}/answer/eval`)
      await axe()
      for (const item of ['content', 'trainer', 'materials', 'venue', 'overall']) await p.check(`#r_${item}-5`)
      await p.fill('#comment', 'ได้ความรู้ที่นำไปใช้ได้จริง')
      await clickAndWait(p, 'main form button[type=submit]')
      expect(await p.textContent('main [role=status]')).toContain('ขอบคุณ')
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await p.context().close()
    })
  }

  it('on a 360 px phone someone without an account answers the pre-test by a single-use link; the link is spent after', { timeout: 90_000 }, async () => {
    const { session, q1, q2 } = await withTest('อบรมลิงก์บนโทรศัพท์')
    const person = await buildPerson(s.deps.db, a.org.id, { fullName: 'นายสมบัติ ไม่มีบัญชี', position: 'พนักงานขับรถยนต์', kind: 'permanent_employee' })
    await signUp(officerCtx(), session.id, { everyone: false, personIds: [person.id] })
    const [link] = await issueAnswerLinks(officerCtx(), session.id, 'pre')
    const p = await newPage(true, 360)
    const res = await p.goto(`${s.baseUrl}/o/${a.org.slug}/trainings/answer/${link!.token}`)
    expect(res?.status()).toBe(200)
    expect(await p.textContent('main')).toContain('นายสมบัติ ไม่มีบัญชี')
    await expectNoAxeViolations(p)
    await p.check(`#q_${q1.id}-0`)
    await p.check(`#q_${q2.id}-0`)
    await clickAndWait(p, 'main form button[type=submit]')
    expect(await p.textContent('main [role=status]')).toContain('ได้ 1 จาก 2 คะแนน')
    await expectNoAxeViolations(p)
    expect((await p.goto(`${s.baseUrl}/o/${a.org.slug}/trainings/answer/${link!.token}`))?.status()).toBe(410)
    await p.context().close()
  })

  for (const js of [true, false]) {
    it(`one session from sign-up to certificate: the bank and the test by the officer, the pre/post test on a 360 px phone, the certificate checked publicly${js ? '' : ' (JavaScript off)'}`, { timeout: 180_000 }, async () => {
      const tag = js ? 'ค' : 'ง'
      const desk = await newPage(js)
      const axe = async (p: Page) => {
        if (js) await expectNoAxeViolations(p)
      }
      await signIn(desk, s.baseUrl, a.org.slug, a.users.officer.email)
      const base = `/o/${a.org.slug}/admin/trainings`
      // The bank: two questions (one mistake first).
      await desk.goto(`${s.baseUrl}${base}/questions/new`)
      await desk.fill('#text', `ผลประโยชน์ทับซ้อนคืออะไร ${tag}`)
      await desk.fill('#choices', 'ผลประโยชน์ส่วนตนขัดกับส่วนรวม\nการทำงานล่วงเวลา')
      await desk.fill('#correct', '3')
      expect((await clickAndWait(desk, 'main form[method=post] button[type=submit]')).status()).toBe(422)
      expect(await desk.inputValue('#text')).toBe(`ผลประโยชน์ทับซ้อนคืออะไร ${tag}`)
      await axe(desk)
      await desk.fill('#correct', '1')
      await clickAndWait(desk, 'main form[method=post] button[type=submit]')
      await desk.goto(`${s.baseUrl}${base}/questions/new`)
      await desk.fill('#text', `พบการเรียกรับสินบนควรแจ้งที่ใด ${tag}`)
      await desk.fill('#choices', 'ไม่ต้องแจ้ง\nช่องทางร้องเรียนของเทศบาล')
      await desk.fill('#correct', '2')
      await clickAndWait(desk, 'main form[method=post] button[type=submit]')
      expect(await desk.textContent('main')).toContain(`พบการเรียกรับสินบนควรแจ้งที่ใด ${tag}`)
      await axe(desk)
      // The session: created, published, everyone signed up, the test set.
      await desk.goto(`${s.baseUrl}${base}/new`)
      const topic = `อบรมครบวงจร ${tag}`
      await desk.fill('#topic', topic)
      await desk.fill('#startsOn', '20/03/2566')
      await desk.fill('#hours', '3')
      await desk.fill('#trainerName', 'นายวิทยากร ภายใน')
      await desk.fill('#place', 'ห้องประชุมสำนักงาน')
      await desk.fill('#targetGroup', 'บุคลากรทุกคน')
      await clickAndWait(desk, 'main form[method=post] button[type=submit]')
      const sessionUrl = desk.url()
      await clickAndWait(desk, 'main form[action$="/publish"] button')
      await desk.goto(`${sessionUrl}/attendance`)
      await desk.check('#everyone')
      await clickAndWait(desk, 'main form[action$="/attendance/signup"] button')
      await desk.goto(`${sessionUrl}/test`)
      await desk.locator('label', { hasText: `ผลประโยชน์ทับซ้อนคืออะไร ${tag}` }).click()
      await desk.locator('label', { hasText: `พบการเรียกรับสินบนควรแจ้งที่ใด ${tag}` }).click()
      await axe(desk)
      await clickAndWait(desk, 'main form[method=post] button[type=submit]')
      expect(await desk.textContent('.notice')).toContain('2 ข้อ')

      // The attendee on a 360 px phone: check in, the pre-test, the post-test, the evaluation.
      const phone = await newPage(js, 360)
      await signIn(phone, s.baseUrl, a.org.slug, a.users.viewer.email)
      await phone.goto(`${sessionUrl}/checkin`)
      await clickAndWait(phone, 'main form button[type=submit]')
      await clickAndWait(phone, 'main a[href$="/answer/pre"]')
      await axe(phone)
      const answer = async (picks: string[]) => {
        for (const text of picks) await phone.locator('main label', { hasText: text }).click()
        await clickAndWait(phone, 'main form button[type=submit]')
        return phone.textContent('main [role=status]')
      }
      expect(await answer(['การทำงานล่วงเวลา', 'ไม่ต้องแจ้ง'])).toContain('ได้ 0 จาก 2 คะแนน')
      await phone.goto(`${sessionUrl}/answer/post`)
      expect(await answer(['ผลประโยชน์ส่วนตนขัดกับส่วนรวม', 'ช่องทางร้องเรียนของเทศบาล'])).toContain('ได้ 2 จาก 2 คะแนน')
      await phone.goto(`${sessionUrl}/answer/eval`)
      for (const item of ['content', 'trainer', 'materials', 'venue', 'overall']) await phone.locator(`label[for="r_${item}-4"]`).click()
      await clickAndWait(phone, 'main form button[type=submit]')
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
      await phone.goto(`${s.baseUrl}${base}/mine`)
      expect(await phone.textContent('main')).toContain(topic)
      await axe(phone)
      await phone.context().close()

      // The officer: the results, the certificates, and a visitor checks the code.
      await desk.goto(`${sessionUrl}/results`)
      expect(await desk.textContent('main')).toContain('ความรู้เพิ่มขึ้นเฉลี่ย 100.00 จุดร้อยละ')
      await axe(desk)
      await desk.goto(`${sessionUrl}/certificates`)
      await desk.fill('#signerName', 'นายสมชาย ผู้บริหาร')
      await clickAndWait(desk, 'main form[method=post] button[type=submit]')
      expect(await desk.textContent('.notice')).toContain('ออกเกียรติบัตร 1 ฉบับ')
      await axe(desk)
      const code = (await desk.textContent('main table code'))!
      expect(await desk.textContent('main table')).toContain('นางสาวมานี ผู้ติดตาม')
      await desk.context().close()
      const visitor = await newPage(js, 360)
      await visitor.goto(`${s.baseUrl}/o/${a.org.slug}/trainings/verify`)
      await visitor.fill('#code', code.toLowerCase())
      await clickAndWait(visitor, 'main form button[type=submit]')
      expect(await visitor.textContent('main')).toContain('นางสาวมานี ผู้ติดตาม')
      expect(await visitor.textContent('main')).toContain(topic)
      await axe(visitor)
      await visitor.context().close()
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
