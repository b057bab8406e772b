// The register's list filters by the recipient's unit (issue 19: "filters (fiscal year, unit, status)"),
// keeps the filter in the pager's links, and ignores a unit that is not the agency's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { personUnits } from '../../platform/people/people.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { createGift } from './register.js'
import { buildPerson } from './testing/factories.js'

describe('gifts register: unit filter', () => {
  let t: TestApp
  let org: Org
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/gifts`
  let finance = { id: '', nameTh: '' }
  let works = { id: '', nameTh: '' }
  let foreignUnit = ''

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    const user = await buildUser(t.deps.db, org, 'officer')
    const ctx = useCaseCtx(t, org.id, user) as OrgUseCaseCtx
    finance = await buildUnit(t.deps.db, org, 'กองคลัง')
    works = await buildUnit(t.deps.db, org, 'กองช่าง')
    const foreign = await buildUnit(t.deps.db, other, 'กองคลังของที่อื่น')
    const clerk = await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวการเงิน ทดสอบ' })
    const engineer = await buildPerson(t.deps.db, org.id, { fullName: 'นายวิศวกร ทดสอบ' })
    await inOrg(t.deps.db, org.id, (tx) => tx.insert(personUnits).values([{ orgId: org.id, personId: clerk.id, unitId: finance.id }, { orgId: org.id, personId: engineer.id, unitId: works.id }]))
    const gift = { receivedOn: '2023-01-03', relation: 'public' as const, generalGiving: false, occasion: 'วันขึ้นปีใหม่ 2566', customary: true, valueBaht: 500, action: 'kept' as const, handedTo: null, handedOn: null, reportedTo: null, reportedOn: null, decision: null, note: '' }
    await createGift(ctx, { ...gift, personId: clerk.id, giver: 'ร้านเครื่องเขียนทดสอบ', description: 'ปฏิทินตั้งโต๊ะ' })
    await createGift(ctx, { ...gift, personId: engineer.id, giver: 'ห้างวัสดุก่อสร้างทดสอบ', description: 'ร่มพิมพ์โลโก้' })
    expect((await officer.signIn(org.slug, user.email, TEST_PASSWORD)).status).toBe(303)
    foreignUnit = foreign.id
  })
  afterAll(() => t.close())

  it('lists only the gifts of people in the chosen unit, and all for an unknown unit', async () => {
    const all = await (await officer.get(base())).text()
    expect(all).toContain('ร้านเครื่องเขียนทดสอบ')
    expect(all).toContain('ห้างวัสดุก่อสร้างทดสอบ')
    expect(all).toContain(`<option value="${finance.id}"`)
    expect(all).not.toContain('กองคลังของที่อื่น')

    const inFinance = await (await officer.get(`${base()}?unit=${finance.id}`)).text()
    expect(inFinance).toContain('ร้านเครื่องเขียนทดสอบ')
    expect(inFinance).not.toContain('ห้างวัสดุก่อสร้างทดสอบ')
    expect(inFinance).toMatch(new RegExp(`<option value="${finance.id}"[^>]*selected`))

    const inWorks = await (await officer.get(`${base()}?unit=${works.id}&fy=2566`)).text()
    expect(inWorks).toContain('ห้างวัสดุก่อสร้างทดสอบ')
    expect(inWorks).not.toContain('ร้านเครื่องเขียนทดสอบ')

    // Another agency's unit or a made-up value is no filter at all (never an error, never a leak).
    for (const unit of [foreignUnit, 'not-a-uuid', '%00']) {
      const res = await officer.get(`${base()}?unit=${encodeURIComponent(unit)}`)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain('ร้านเครื่องเขียนทดสอบ')
      expect(html).toContain('ห้างวัสดุก่อสร้างทดสอบ')
    }
  })
})
