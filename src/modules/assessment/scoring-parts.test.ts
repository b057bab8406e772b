import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'

// Scores entered by the form in NACC's terms: tool scores with four decimals, and the 2566 EIT
// parts, whose scores the year's rating rule checks one by one.

describe('ITA scores: tool parts and tool-score precision through the form', () => {
  let t: TestApp
  let org: Org
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/ita`
  const all = (s: string) => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i + 1}`, s]))

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const o = await buildUser(t.deps.db, org, 'officer')
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('2566: a total of 96.00 with EIT ส่วนที่ 1 below 85 is rated ผ่าน; the same scores in 2567 are ผ่านดีเยี่ยม', async () => {
    const form = await (await officer.get(`${base()}/2566/scores`)).text()
    expect(form).toContain('name="part_eit_1"')
    expect(form).toContain('EIT ส่วนที่ 2')
    expect((await officer.post(`${base()}/2566/scores`, { ...all('96'), part_eit_1: '84.5', part_eit_2: '99.2', tool_iit: '90.0466' })).status).toBe(303)
    const page = await (await officer.get(`${base()}/2566/scores`)).text()
    expect(page).toMatch(/id="total">96\.00</)
    expect(page).toMatch(/id="rating">ผ่าน</)
    expect(page).toContain('value="90.0466"')
    expect(page).toContain('value="84.50"')

    expect(await (await officer.get(`${base()}/2567/scores`)).text()).not.toContain('name="part_eit_1"')
    expect((await officer.post(`${base()}/2567/scores`, all('96'))).status).toBe(303)
    expect(await (await officer.get(`${base()}/2567/scores`)).text()).toMatch(/id="rating">ผ่านดีเยี่ยม</)
  })

  it('refuses a fifth decimal in a tool score with the same form and the values kept (422)', async () => {
    const r = await officer.post(`${base()}/2566/scores`, { ...all('96'), tool_oit: '90.00001', part_eit_1: '84.5' })
    expect(r.status).toBe(422)
    const html = await r.text()
    expect(html).toContain('ทศนิยมไม่เกิน 4 ตำแหน่ง')
    expect(html).toContain('value="90.00001"')
  })

  it('a year without rating rules (2569) shows total and level and no rating', async () => {
    expect((await officer.post(`${base()}/2569/scores`, all('90'))).status).toBe(303)
    const page = await (await officer.get(`${base()}/2569/scores`)).text()
    expect(page).toMatch(/id="total">90\.00</)
    expect(page).toMatch(/id="rating">–</)
  })
})
