import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { personLinks } from '../../platform/people/people.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { coiDeclarations, coiInterests } from './coi.schema.js'
import { missingIn } from './declarations.js'
import { fiscalYearOf, toIsoDate, todayInBangkok } from '../../platform/thai/index.js'
import { LINK_PURPOSE } from './links.js'
import { buildDeclaration, buildPerson } from './testing/factories.js'

// Single-use links for people without an account: an officer issues one (bad input → 422 on the
// same form), the person opens the public page (only the form, no sign-in), bad input keeps the
// link unused, one submit files the declaration and spends the link (410 after), expired and
// replaced links answer 410, only the token's hash is stored, and every step is audited.

const TOKEN = /\/coi\/declare\/([A-Za-z0-9_-]{43})/

describe('coi: single-use links to declare', () => {
  let t: TestApp
  let org: Org
  let officerUser = { id: '', email: '' }
  let driver = { id: '', fullName: '' }
  let clerk = { id: '', fullName: '' }
  let officerPerson = { id: '', fullName: '' }
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const staff = () => `/o/${org.slug}/admin/coi`
  const audits = async (action: string) => inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)))
  const declarationsOf = async (personId: string) => inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiDeclarations).where(eq(coiDeclarations.personId, personId)).orderBy(desc(coiDeclarations.createdAt)))
  const issue = async (personId: string, kind: string): Promise<{ res: Response; html: string; token: string }> => {
    const res = await officer.post(`${staff()}/links`, { personId, kind })
    const html = await res.text()
    return { res, html, token: TOKEN.exec(html)?.[1] ?? '' }
  }
  const linkPage = (token: string) => `/o/${org.slug}/coi/declare/${token}`
  const form = (o: Record<string, string> = {}) => ({ kind: 'annual', declaredOn: '20/11/2566', committee: '', committeeRole: '', project: '', bidders: '', note: '', i0_kind: 'outside_work', i0_relation: 'self', i0_holderName: '', i0_partyName: 'ร้านซ่อมรถสมบัติยนต์', i0_juristicId: '', i0_detail: 'ซ่อมรถวันเสาร์อาทิตย์', ...o })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    officerUser = await buildUser(t.deps.db, org, 'officer')
    officerPerson = await buildPerson(t.deps.db, org.id, { fullName: 'นางสาววิภา ปฏิบัติ', userId: officerUser.id })
    driver = await buildPerson(t.deps.db, org.id, { fullName: 'นายสมบัติ ขับดี', position: 'พนักงานขับรถยนต์', kind: 'contract_employee' })
    clerk = await buildPerson(t.deps.db, org.id, { fullName: 'นางสมศรี ใจงาม', position: 'เจ้าพนักงานธุรการ', kind: 'permanent_employee' })
    // An earlier declaration of the driver: the link's page must not show it.
    await buildDeclaration(t.deps.db, org.id, driver.id, [{ kind: 'business', relation: 'spouse', holderName: 'นางบุญมี ขับดี', partyName: 'ร้านข้าวแกงบุญมีเดิม', juristicId: null, detail: '' }], { declaredOn: '2022-11-15' })
    expect((await officer.signIn(org.slug, officerUser.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await t.close()
  })

  it('an officer issues a link from the people directory: bad input → 422 on the same form with its values; the link is shown once, stored hashed, audited', async () => {
    const page = await officer.get(`${staff()}/links?person=${driver.id}&kind=change`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`<option value="${driver.id}" selected="">`)
    expect(html).toMatch(/<option value="change" selected="">/)
    expect(html).toContain('นางสมศรี ใจงาม')

    const bad = await officer.post(`${staff()}/links`, { personId: '00000000-0000-4000-8000-000000000000', kind: 'appointment' })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('ให้เลือกผู้ยื่นแบบจากรายชื่อบุคลากร')
    expect(badHtml).toContain('class="error-summary"')
    expect(badHtml).toMatch(/<option value="appointment" selected="">/)
    const none = await officer.post(`${staff()}/links`, { personId: '', kind: 'annual' })
    expect(none.status).toBe(422)
    expect(await none.text()).toContain('ผู้ยื่นแบบ')

    const before = (await audits('coi.link.issue')).length
    const { res, html: slip, token } = await issue(driver.id, 'annual')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(token).toHaveLength(43)
    expect(slip).toContain('นายสมบัติ ขับดี')
    expect(slip).toContain('<svg')
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(personLinks).where(and(eq(personLinks.purpose, LINK_PURPOSE), eq(personLinks.personId, driver.id))))
    expect(rows).toHaveLength(1)
    expect(Buffer.from(rows[0]!.tokenHash).equals(createHash('sha256').update(token, 'utf8').digest())).toBe(true)
    expect(JSON.stringify(rows)).not.toContain(token)
    const entries = await audits('coi.link.issue')
    expect(entries).toHaveLength(before + 1)
    expect(entries[0]).toMatchObject({ actorUserId: officerUser.id, entityId: driver.id })
    expect(JSON.stringify(entries[0]!.details)).not.toContain(token)
  })

  it('the person opens the link without signing in and sees only a blank form; bad input → 422 with its values and the link unused; one submit files it and spends it (410 after)', async () => {
    const { token } = await issue(driver.id, 'annual')
    const visitor = new TestClient(t.app)
    const open = await visitor.get(linkPage(token))
    expect(open.status).toBe(200)
    expect(open.headers.get('cache-control')).toBe('no-store')
    expect(open.headers.get('referrer-policy')).toBe('no-referrer')
    const html = await open.text()
    expect(html).toContain('นายสมบัติ ขับดี')
    expect(html).toContain('ประจำปี')
    expect(html).not.toContain('ร้านข้าวแกงบุญมีเดิม')
    expect(html).not.toContain('name="committee"')
    expect(html).toContain('<input type="hidden" name="kind" value="annual"')
    expect(html).not.toContain('/admin/coi')

    const bad = await visitor.post(linkPage(token), form({ i0_juristicId: '12345' }))
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('class="error-summary"')
    expect(badHtml).toContain('รายการที่ 1: เลขทะเบียนนิติบุคคลต้องมี 13 หลัก')
    expect(badHtml).toContain('value="ร้านซ่อมรถสมบัติยนต์"')
    expect(badHtml).toContain('value="12345"')
    const noStatement = await visitor.post(linkPage(token), form({ i0_kind: '', i0_partyName: '', i0_detail: '' }))
    expect(noStatement.status).toBe(422)
    expect(await noStatement.text()).toContain('ให้ระบุส่วนได้เสียอย่างน้อยหนึ่งรายการ หรือรับรองว่าไม่มีส่วนได้เสีย')
    expect((await declarationsOf(driver.id)).length).toBe(1)
    const csrf = await visitor.csrfFrom(linkPage(token))

    const declared = (await audits('coi.declare')).length
    // The kind is the link's, whatever the form says.
    const ok = await visitor.post(linkPage(token), form({ kind: 'change' }))
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('ได้รับแบบของ นายสมบัติ ขับดี แล้ว')
    const [d] = await declarationsOf(driver.id)
    expect(d).toMatchObject({ kind: 'annual', via: 'link', fiscalYear: 2567, declaredOn: '2023-11-20', createdBy: null, status: 'submitted', noInterest: false })
    const interests = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(coiInterests).where(eq(coiInterests.declarationId, d!.id)))
    expect(interests.map((i) => [i.kind, i.partyName, i.detail])).toEqual([['outside_work', 'ร้านซ่อมรถสมบัติยนต์', 'ซ่อมรถวันเสาร์อาทิตย์']])
    const entries = await audits('coi.declare')
    expect(entries).toHaveLength(declared + 1)
    expect(entries[0]).toMatchObject({ actorUserId: null, entityId: d!.id, details: expect.objectContaining({ via: 'link', personId: driver.id }) })
    expect(entries[0]!.actorLabel).toMatch(/^person-link:/)
    expect((await inOrg(t.deps.db, org.id, (tx) => missingIn(tx, 2567))).missing.map((m) => m.id)).not.toContain(driver.id)

    const again = await visitor.post(linkPage(token), form(), { csrf })
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('ลิงก์นี้ใช้ไม่ได้แล้ว')
    const reopened = await visitor.get(linkPage(token))
    expect(reopened.status).toBe(410)
    expect(await reopened.text()).toContain('ลิงก์แต่ละลิงก์ใช้ยื่นแบบได้ครั้งเดียว')
    expect((await declarationsOf(driver.id)).length).toBe(2)
  })

  it('two submits of one link at once file one declaration; the other answers 410', async () => {
    const { token } = await issue(clerk.id, 'change')
    const a = new TestClient(t.app)
    const b = new TestClient(t.app)
    const [ca, cb] = [await a.csrfFrom(linkPage(token)), await b.csrfFrom(linkPage(token))]
    const body = form({ kind: 'change', i0_kind: '', i0_partyName: '', i0_detail: '', noInterest: 'on' })
    const answers = await Promise.all([a.post(linkPage(token), body, { csrf: ca }), b.post(linkPage(token), body, { csrf: cb })])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410])
    const filed = await declarationsOf(clerk.id)
    expect(filed).toHaveLength(1)
    expect(filed[0]).toMatchObject({ kind: 'change', via: 'link', noInterest: true })
  })

  it('an expired link, a replaced one and an unknown token answer 410; issuing again after use gives a working link', async () => {
    const first = await issue(clerk.id, 'annual')
    const second = await issue(clerk.id, 'annual')
    const visitor = new TestClient(t.app)
    expect((await visitor.get(linkPage(first.token))).status).toBe(410)
    const csrf = await visitor.csrfFrom(linkPage(second.token))
    await inOrg(t.deps.db, org.id, (tx) => tx.update(personLinks).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(personLinks.tokenHash, createHash('sha256').update(second.token, 'utf8').digest())))
    const expired = await visitor.get(linkPage(second.token))
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('หมดอายุ')
    expect((await visitor.post(linkPage(second.token), form(), { csrf })).status).toBe(410)
    expect((await visitor.get(linkPage('x'.repeat(43)))).status).toBe(410)
    expect((await visitor.get(linkPage('not-a-token'))).status).toBe(410)

    // The driver's annual link of this year was used above: a new one works and files again.
    const third = await issue(driver.id, 'annual')
    expect((await visitor.get(linkPage(third.token))).status).toBe(200)
    expect((await visitor.post(linkPage(third.token), form({ i0_detail: 'ซ่อมรถเฉพาะวันอาทิตย์' }))).status).toBe(200)
    const refs = await inOrg(t.deps.db, org.id, (tx) => tx.select({ ref: personLinks.ref, usedAt: personLinks.usedAt }).from(personLinks).where(and(eq(personLinks.purpose, LINK_PURPOSE), eq(personLinks.personId, driver.id))))
    const fy = fiscalYearOf(toIsoDate(todayInBangkok()))
    expect(refs.map((r) => r.ref).sort()).toEqual([`annual:${fy}`, `annual:${fy}#1`])
    expect(refs.every((r) => r.usedAt !== null)).toBe(true)
  })

  it('a link for a committee appointment shows the committee part and asks for it (422), then files the appointment', async () => {
    const { token } = await issue(clerk.id, 'appointment')
    const visitor = new TestClient(t.app)
    const html = await (await visitor.get(linkPage(token))).text()
    expect(html).toContain('name="committee"')
    const missing = await visitor.post(linkPage(token), form({ kind: 'appointment', i0_kind: '', i0_partyName: '', i0_detail: '', noInterest: 'on', project: 'ซื้อวัสดุสำนักงาน' }))
    expect(missing.status).toBe(422)
    const missingHtml = await missing.text()
    expect(missingHtml).toContain('ให้เลือกคณะกรรมการที่ได้รับแต่งตั้ง')
    expect(missingHtml).toContain('value="ซื้อวัสดุสำนักงาน"')
    const ok = await visitor.post(linkPage(token), form({ kind: 'appointment', committee: 'inspection', committeeRole: 'member', project: 'ซื้อวัสดุสำนักงาน', i0_kind: '', i0_partyName: '', i0_detail: '', noInterest: 'on' }))
    expect(ok.status).toBe(200)
    const [d] = await declarationsOf(clerk.id)
    expect(d).toMatchObject({ kind: 'appointment', committee: 'inspection', committeeRole: 'member', project: 'ซื้อวัสดุสำนักงาน', via: 'link' })
  })

  it('the register shows a link-filed declaration as such and offers a link for each person who has not declared', async () => {
    const res = await officer.get(`${staff()}?fy=2567`)
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain(`href="${staff()}/links"`)
    expect(html).toContain(`${staff()}/links?person=${officerPerson.id}&amp;kind=annual`)
    const [d] = await declarationsOf(driver.id)
    const detail = await (await officer.get(`${staff()}/d/${d!.id}`)).text()
    expect(detail).toContain('(ยื่นผ่านลิงก์ใช้ครั้งเดียว)')
  })
})
