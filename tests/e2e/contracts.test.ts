// The platform contracts as staff meet them, in a real Chromium on the demo agency (Phanom Rung):
// evidence linked from one module's record to another module's activity and OIT item shows up in
// the report's appendix and on the public OIT map; งานที่ต้องทำ shows each person their own work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq, sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { inOrg } from '../../src/db/client.js'
import { orgs } from '../../src/platform/orgs/orgs.schema.js'
import { measures } from '../../src/modules/measures/measures.schema.js'
import { loadDemoIfEmpty, DEMO_PASSWORD, demoEmail } from '../../src/app/demo.js'
import { browserPerFile, clickAndWait, expectNoAxeViolations, signIn, startTestServer, type TestServer } from '../support/browser.js'

const SLOW = { timeout: 240_000 }
const slug = 'phanomrung'

describe('platform contracts in a real browser', SLOW, () => {
  let s: TestServer
  const browser = browserPerFile()
  let orgId: string
  let measureId: string
  const doc = 'รายงานสรุปผลการเผยแพร่ประกาศเจตจำนงสุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'
  const oldDoc = 'ประกาศเจตจำนงสุจริตของผู้บริหาร ฉบับปีงบประมาณ พ.ศ. ๒๕๖๕'

  beforeAll(async () => {
    s = await startTestServer()
    await loadDemoIfEmpty(s.deps)
    const [o] = await s.deps.db.select().from(orgs).where(eq(orgs.slug, slug))
    orgId = o!.id
    const [m] = await inOrg(s.deps.db, orgId, (tx) => tx.select().from(measures).where(and(eq(measures.fiscalYear, 2566), eq(measures.sortOrder, 1))))
    measureId = m!.id
    // Two published portal documents, as the web admin would have put them up: one of the year,
    // with its address, and one of the year before (which cannot count for 2566).
    await inOrg(s.deps.db, orgId, async (tx) => {
      await tx.execute(sql`INSERT INTO portal_documents (org_id, category, title, fiscal_year, url, search_text) VALUES (${orgId}, 'report', ${doc}, 2566, 'https://www.phanomrung.go.th/files/itp-2566.pdf', ${doc})`)
      await tx.execute(sql`INSERT INTO portal_documents (org_id, category, title, fiscal_year, url, search_text) VALUES (${orgId}, 'report', ${oldDoc}, 2565, 'https://www.phanomrung.go.th/files/itp-2565.pdf', ${oldDoc})`)
    })
  }, 120_000)
  afterAll(async () => {
    await browser.close()
    await s?.close()
  })

  async function pageAs(role: Parameters<typeof demoEmail>[0]): Promise<Page> {
    const p = await (await (await browser.get()).newContext()).newPage()
    expect((await signIn(p, s.baseUrl, slug, demoEmail(role, slug), DEMO_PASSWORD)).status()).toBe(200)
    return p
  }

  /** Follows a "link evidence" link, searches the picker for `title` and links the result. */
  async function linkThroughPicker(p: Page, linkSelector: string, title: string, anyYear = false): Promise<void> {
    await clickAndWait(p, linkSelector)
    expect(new URL(p.url()).pathname).toBe(`/o/${slug}/admin/evidence/pick`)
    await p.fill('input[name=q]', title)
    // The picker offers records of the target's year; another year's record is found with the year cleared.
    if (anyYear) await p.fill('input[name=fy]', '')
    await clickAndWait(p, 'form[role=search] button[type=submit]')
    await expectNoAxeViolations(p)
    const row = p.locator('main h2 + ul.evidence li', { hasText: title }).last()
    await Promise.all([p.waitForNavigation(), row.locator('form button[type=submit]').click()])
    expect(await p.locator('.notice').textContent()).toContain(title)
  }

  it('links a portal document to a measure activity and an OIT item; the report appendix and the OIT map list it; another year’s document does not count', async () => {
    const p = await pageAs('officer')
    const measurePage = `${s.baseUrl}/o/${slug}/admin/ita/measures/${measureId}`
    await p.goto(measurePage)
    const heading = p.locator('main section.card h3[id^="act-"]').first()
    const card = `main section.card[aria-labelledby="${await heading.getAttribute('id')}"]`
    const pickLink = `${card} a[href*="/admin/evidence/pick"]`
    await linkThroughPicker(p, pickLink, doc)
    await p.goto(measurePage)
    const linked = p.locator(card)
    expect(await linked.textContent()).toContain(doc)
    expect(await linked.textContent()).toContain('นับเป็นหลักฐานของปี 2566')

    // The year before's document is listed, but says why it does not count for 2566.
    await linkThroughPicker(p, pickLink, oldDoc, true)
    await p.goto(measurePage)
    const item = p.locator(`${card} li`, { hasText: oldDoc })
    expect(await item.textContent()).toContain('ไม่นับเป็นหลักฐานของปี 2566')
    expect(await item.textContent()).toContain('เป็นเอกสารของปีงบประมาณ 2565')
    await expectNoAxeViolations(p)

    // The OIT item on the integrity plan (O10 in the 2566 framework's numbering).
    await p.goto(`${s.baseUrl}/o/${slug}/admin/oit/2566/O10`)
    await linkThroughPicker(p, 'main a[href*="/admin/evidence/pick"]', doc)
    await p.goto(`${s.baseUrl}/o/${slug}/admin/oit/2566/O10`)
    expect(await p.locator('main').textContent()).toContain(doc)

    // The public report's appendix and the public OIT item page, as a citizen or assessor sees them.
    const citizen = await (await (await browser.get()).newContext()).newPage()
    await citizen.goto(`${s.baseUrl}/o/${slug}/ita/2566/measures-report.html`)
    const appendix = citizen.locator('.mr-appendix')
    expect(await appendix.textContent()).toContain(doc)
    // A linked record is listed at its public page on this site.
    expect(await appendix.locator('a', { hasText: `/o/${slug}/documents/` }).count()).toBeGreaterThan(0)
    // Under the measure it proves (the demo agency prints Thai digits).
    expect(await appendix.locator('tr', { hasText: doc }).textContent()).toContain('มาตรการที่ ๑')
    expect(await appendix.textContent()).not.toContain(oldDoc)
    await citizen.goto(`${s.baseUrl}/o/${slug}/oit/2566/O10`)
    expect(await citizen.locator('main').textContent()).toContain(doc)
    await expectNoAxeViolations(citizen)
  })

  it('an uploaded activity file is listed in the report appendix', async () => {
    const p = await pageAs('officer')
    await p.goto(`${s.baseUrl}/o/${slug}/admin/ita/measures/${measureId}`)
    const form = p.locator(`form[action$="/measures/${measureId}/activities"]`)
    await form.locator('input[name=title]').fill('ประชุมชี้แจงประกาศเจตจำนงสุจริตแก่พนักงาน')
    await form.locator('input[name=startsOn]').fill('12/01/2566')
    await form.locator('select[name=status]').selectOption('done')
    await form.locator('input[name=evidenceTitle]').fill('ภาพการประชุมชี้แจงและรายชื่อผู้เข้าร่วม')
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
    await form.locator('input[name=evidenceFile]').setInputFiles({ name: 'meeting.pdf', mimeType: 'application/pdf', buffer: pdf })
    await Promise.all([p.waitForNavigation(), form.locator('button[type=submit]').click()])
    expect(await p.locator('.notice').textContent()).toContain('บันทึกกิจกรรมแล้ว')
    await p.goto(`${s.baseUrl}/o/${slug}/ita/2566/measures-report.html`)
    const row = p.locator('.mr-appendix tr', { hasText: 'ภาพการประชุมชี้แจงและรายชื่อผู้เข้าร่วม' })
    expect(await row.textContent()).toContain('มาตรการที่ ๑')
    // The file is public at the address the report prints, and only files the report lists are.
    const path = new URL((await row.locator('a').getAttribute('href'))!).pathname
    expect(path).toMatch(new RegExp(`^/o/${slug}/ita/2566/evidence/[0-9a-f-]{36}$`))
    const file = await p.request.get(s.baseUrl + path)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toBe('application/pdf')
    expect((await p.request.get(`${s.baseUrl}/o/${slug}/ita/2566/evidence/00000000-0000-4000-8000-000000000000`)).status()).toBe(404)
    expect((await p.request.get(`${s.baseUrl}/o/${slug}/ita/2567/evidence/${path.split('/').pop()}`)).status()).toBe(404)
    expect((await p.request.get(`${s.baseUrl}/o/tapek/ita/2566/evidence/${path.split('/').pop()}`)).status()).toBe(404)
  })

  it('งานที่ต้องทำ shows a complaint’s close-by date to the complaints officer and an activity’s end date to its officer, each to the right person only', async () => {
    // An activity with an end date, made the officer's.
    const o = await pageAs('officer')
    await o.goto(`${s.baseUrl}/o/${slug}/admin/ita/measures/${measureId}`)
    const form = o.locator(`form[action$="/measures/${measureId}/activities"]`)
    const task = 'จัดทำสื่อประชาสัมพันธ์ประกาศเจตจำนงสุจริตติดบอร์ดทุกกอง'
    await form.locator('input[name=title]').fill(task)
    // Dates of the measure's year (2566): long past, so the item is overdue and listed first.
    await form.locator('input[name=startsOn]').fill('01/09/2566')
    await form.locator('input[name=endsOn]').fill('30/09/2566')
    const [me] = (await inOrg(s.deps.db, orgId, (tx) => tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE email = ${demoEmail('officer', slug)}`))).rows
    await form.locator('select[name=responsibleUserId]').selectOption(me!.id)
    await form.locator('select[name=status]').selectOption('in_progress')
    await Promise.all([o.waitForNavigation(), form.locator('button[type=submit]').click()])
    expect(await o.locator('.notice').textContent()).toContain('บันทึกกิจกรรมแล้ว')

    // A citizen's complaint, which is the complaints officers' until one takes it.
    const citizen = await (await (await browser.get()).newContext()).newPage()
    await citizen.goto(`${s.baseUrl}/o/${slug}/complaints/new`)
    await citizen.selectOption('#category', 'misconduct')
    await citizen.fill('#subject', 'เจ้าหน้าที่เรียกรับเงินค่าอำนวยความสะดวกในการขออนุญาตก่อสร้าง')
    await citizen.fill('#details', 'เมื่อยื่นคำขออนุญาตก่อสร้างบ้าน เจ้าหน้าที่แจ้งว่าหากต้องการให้เร็วต้องจ่ายเพิ่มสองพันบาท')
    await citizen.check('#consent')
    expect((await clickAndWait(citizen, `form[action="/o/${slug}/complaints/new"] button[type=submit]`)).status()).toBe(200)
    const [c] = (await inOrg(s.deps.db, orgId, (tx) => tx.execute<{ id: string; case_no: string }>(sql`SELECT id, case_no::text FROM complaint_cases ORDER BY received_at DESC LIMIT 1`))).rows
    const caseLink = `a[href="/o/${slug}/admin/complaints/${c!.id}"]`

    await o.goto(`${s.baseUrl}/o/${slug}/admin/todo`)
    expect(await o.locator('main').textContent()).toContain(task)
    expect(await o.locator(caseLink).count()).toBe(0)
    await expectNoAxeViolations(o)

    const co = await pageAs('complaints_officer')
    await co.goto(`${s.baseUrl}/o/${slug}/admin/todo`)
    expect(await co.locator(caseLink).count()).toBe(1)
    expect(await co.locator('main').textContent()).not.toContain(task)
    await expectNoAxeViolations(co)

    // A viewer has neither (no agency-wide list either); no one's list shows a complaint's content.
    const v = await pageAs('viewer')
    await v.goto(`${s.baseUrl}/o/${slug}/admin/todo`)
    expect(await v.locator(caseLink).count()).toBe(0)
    expect(await v.locator('main').textContent()).not.toContain(task)
    expect(await co.locator('main').textContent()).not.toContain('ค่าอำนวยความสะดวก')
  })
})
