import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import ExcelJS from 'exceljs'
import { postMultipart } from '../../../tests/support/multipart.js'

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

  it('a score sheet carries tool and part scores too: previewed, confirmed, rated by the 2566 part rule', async () => {
    // The template lists the year's tools and parts after the indicators; 2567 has no parts.
    const tpl = await officer.get(`${base()}/2566/scores/template.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await tpl.arrayBuffer()) as ArrayBuffer)
    const codes = wb.worksheets[0]!.getColumn(1).values.slice(2).map(String)
    expect(codes.slice(10)).toEqual(['IIT', 'EIT', 'EIT.1', 'EIT.2', 'OIT'])
    expect(await (await officer.get(`${base()}/2567/scores/template.csv`)).text()).not.toContain('EIT.1')

    const sheet = (rows: string[][]) => new TextEncoder().encode(['ตัวชี้วัดที่,ชื่อตัวชี้วัด,คะแนน', ...rows.map((r) => r.join(','))].join('\r\n'))
    const upload = (bytes: Uint8Array) => postMultipart(t.app, officer, `${base()}/2568/scores/import`, {}, [{ field: 'sheet', name: 'scores.csv', bytes }], { csrfFrom: `${base()}/2568/scores` })
    // Parts belong to 2566: in 2568 an EIT.1 row is refused, naming the row; a blank tool row is no score.
    const refused = await upload(sheet([...Array.from({ length: 10 }, (_, i) => [String(i + 1), 'x', '96']), ['EIT.1', 'x', '84.5'], ['IIT', 'x', '']]))
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('แถวที่ 12: ไม่มีแบบวัดหรือส่วน EIT.1 ในกรอบการประเมินปี 2568')

    const up = (bytes: Uint8Array) => postMultipart(t.app, officer, `${base()}/2566/scores/import`, {}, [{ field: 'sheet', name: 'scores.csv', bytes }], { csrfFrom: `${base()}/2566/scores` })
    const five = await up(sheet([['EIT.2', 'x', '99.12345']]))
    expect(five.status).toBe(422)
    expect(await five.text()).toContain('คะแนนของ EIT.2 ต้องเป็นตัวเลข 0–100 ทศนิยมไม่เกิน 4 ตำแหน่ง')

    // The earlier test left 2566 rated ผ่าน by EIT ส่วนที่ 1 = 84.50; a sheet raising it to 85 makes every
    // part ≥ 85: ผ่านดี (not ผ่านดีเยี่ยม: IIT stays 90.0466, under 95).
    const ok = await up(sheet([['EIT.1', 'EIT ส่วนที่ 1', '๘๕'], ['IIT', 'x', '']]))
    expect(ok.status).toBe(303)
    const preview = ok.headers.get('location')!
    const html = await (await officer.get(preview)).text()
    expect(html).toMatch(/EIT ส่วนที่ 1 \(EIT\.1\)[\s\S]*84\.5[\s\S]*85/)
    expect(html).toContain('จะเปลี่ยน 1 รายการ')
    const seen = /name="seen" value="([^"]+)"/.exec(html)![1]!
    expect((await officer.post(`${preview}/confirm`, { seen }, { csrfFrom: preview })).status).toBe(303)
    const page = await (await officer.get(`${base()}/2566/scores`)).text()
    expect(page).toContain('value="85.00"')
    expect(page).toMatch(/id="rating">ผ่านดี</)
    expect(page).toContain('value="90.0466"')
  })

  it('a year without rating rules (2569) shows total and level and no rating', async () => {
    expect((await officer.post(`${base()}/2569/scores`, all('90'))).status).toBe(303)
    const page = await (await officer.get(`${base()}/2569/scores`)).text()
    expect(page).toMatch(/id="total">90\.00</)
    expect(page).toMatch(/id="rating">–</)
  })
})
