import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { oitMap, runLinkCheck } from './disclosure.service.js'
import { loadOitFramework } from './framework.js'

const noModules = async () => false

describe('OIT disclosure: map, readiness, answer sheet, link monitor', () => {
  let t: TestApp
  let org: Org
  let empty: Org
  const admin = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  let server: http.Server
  let port = 0
  let hits: string[] = []
  let broken = false

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { slug: 'phanomrung', nameTh: 'เทศบาลตำบลพนมรุ้ง', settings: { contact: { phone: '044-000-000', address: 'ตำบลตาเป๊ก' } } })
    empty = await buildOrg(t.deps.db, { slug: 'empty-town' })
    for (const u of ['สำนักปลัดเทศบาล', 'กองคลัง']) await buildUnit(t.deps.db, org, u)
    await t.deps.registry.modules.find((m) => m.id === 'portal')!.demo!(t.deps, { id: org.id, slug: org.slug })
    const a = await buildUser(t.deps.db, org, 'agency_admin')
    expect((await admin.signIn(org.slug, a.email, TEST_PASSWORD)).status).toBe(303)
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '')
      if (req.url === '/eservice' && !broken) return res.end('ok')
      res.writeHead(503).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()))
    await t.close()
  })

  it('maps every item of the year\'s framework, with honest gaps', async () => {
    const fw = (await loadOitFramework(t.deps.db, 2566))!
    const m = (await oitMap(t.deps, org, 2566, 'th', noModules))!
    expect(m.items.map((i) => i.code)).toEqual(fw.items.map((i) => i.code))
    const status = Object.fromEntries(m.items.map((i) => [i.titleTh, i.status]))
    const byCode = Object.fromEntries(m.items.map((i) => [i.code, i]))
    const code = (title: string) => fw.items.find((i) => i.titleTh === title)!.code
    expect(status['โครงสร้าง']).toBe('yes') // from units
    expect(status['ข้อมูลการติดต่อ']).toBe('yes')
    expect(status['รายงานผลการดำเนินงานประจำปี']).toBe('yes') // last year's report is accepted
    expect(status['ข้อมูลเชิงสถิติการให้บริการ']).toBe('no')
    expect(status['การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ']).toBe('incomplete') // only an old document
    expect(byCode[code('การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ')]!.evidence[0]!.stale).toBe(true)
    expect(status['ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ']).toBe('no') // the complaints module's page does not answer (probe false)
    const yes = m.items.filter((i) => i.status === 'yes').length
    expect(yes / m.items.length).toBeGreaterThan(0.8)
    expect(m.scores.oit).toBeGreaterThan(70) // sub-indicator means weigh the gaps in small groups (9.5: 2 of 4 missing)
    expect(m.scores.oit).toBeLessThan(100)
    for (const s of m.scores.subIndicators) expect(s.score).toBeCloseTo((100 * s.yes) / s.total, 2)
  })

  it('links other modules\' pages automatically once they respond', async () => {
    const m = (await oitMap(t.deps, org, 2566, 'th', async (p) => p === '/complaints/stats?fy=2566' || p === '/ita/2566/measures-report.html'))!
    const stats = m.items.find((i) => i.titleTh.startsWith('ข้อมูลเชิงสถิติเรื่องร้องเรียน'))!
    // The year's page is linked, but it counts only with the year's data (readiness.test.ts).
    expect(stats.evidence[0]!.href).toBe('/o/phanomrung/complaints/stats?fy=2566')
    expect(stats.status).toBe('incomplete')
    const report = m.items.find((i) => i.titleTh.startsWith('การดำเนินการตามมาตรการ'))!
    expect(report.evidence[0]!.href).toBe('/o/phanomrung/ita/2566/measures-report.html')
  })

  it('assessor view and item pages: stable URLs, status, steps from the home page', async () => {
    const list = await visitor.get('/o/phanomrung/oit/2566')
    expect(list.status).toBe(200)
    const html = await list.text()
    expect(html).toContain('O1 โครงสร้าง')
    expect(html).toMatch(/มีข้อมูล \d+ จาก 43 ข้อ/)
    const item = await (await visitor.get('/o/phanomrung/oit/2566/O4')).text()
    expect(item).toContain('แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)')
    expect(item).toContain('หน้าหลัก → เอกสารเผยแพร่ → แผนงาน → แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)')
    expect((await visitor.get('/o/phanomrung/oit/2566/O99')).status).toBe(404)
    expect((await visitor.get('/o/phanomrung/oit/2499')).status).toBe(404)
    const api = (await (await visitor.get('/o/phanomrung/api/oit/2566.json')).json()) as { items: { code: string; status: string; evidence: { steps: string[] | null }[] }[] }
    expect(api.items).toHaveLength(43)
    expect(api.items.find((i) => i.code === 'O1')!.evidence[0]!.steps).toEqual(['หน้าหลัก', 'เกี่ยวกับหน่วยงาน', 'โครงสร้างหน่วยงาน'])
  })

  it('staff add an explanation, owner, due date and an external link; the item turns green', async () => {
    const units = await inOrg(t.deps.db, org.id, (tx) => tx.execute<{ id: string }>(sql`SELECT id FROM units ORDER BY name_th LIMIT 1`))
    const r = await admin.post('/o/phanomrung/admin/oit/2566/O18', { explanation: 'ระบบยื่นคำร้องออนไลน์', ownerUnitId: units.rows[0]!.id, dueDate: '2023-03-31', extraUrls: `http://127.0.0.1:${port}/eservice` })
    expect(r.status).toBe(303)
    const m = (await oitMap(t.deps, org, 2566, 'th', noModules))!
    const o18 = m.items.find((i) => i.code === 'O18')!
    expect(o18.status).toBe('yes')
    expect(o18.explanation).toBe('ระบบยื่นคำร้องออนไลน์')
    expect((await admin.get('/o/phanomrung/admin/oit')).headers.get('location')).toMatch(/\/admin\/oit\/\d{4}$/)
    const edit = await admin.get('/o/phanomrung/admin/oit/2566/O18')
    expect(edit.status).toBe(200)
    expect(await edit.text()).toContain('ระบบยื่นคำร้องออนไลน์')
    const bad = await admin.post('/o/phanomrung/admin/oit/2566/O16', { explanation: '', ownerUnitId: '', dueDate: '', extraUrls: 'javascript:alert(1)' })
    expect(bad.status).toBe(422)
    const dash = await (await admin.get('/o/phanomrung/admin/oit/2566')).text()
    expect(dash).toContain('สิ่งที่ยังขาด')
    expect(dash).toContain('O16')
    expect(dash).not.toMatch(/<td><a href="[^"]+\/O18">O18<\/a><\/td>\s*<td>E–Service<\/td>\s*<td><span class="badge bad/)
  })

  it('the ITAS answer sheet opens in Excel with Thai intact, and as CSV', async () => {
    const res = await admin.get('/o/phanomrung/admin/oit/2566/answer-sheet.xlsx')
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.worksheets[0]!
    expect((ws.getRow(1).values as unknown[]).slice(0, 7)).toEqual([undefined, 'ข้อ', 'หัวข้อ', 'มี/ไม่มี', 'URL', 'คำอธิบายเพิ่มเติม', 'ลิงก์ 1'])
    expect(ws.rowCount).toBe(44)
    expect(ws.getCell('A2').value).toBe('O1')
    expect(ws.getCell('B2').value).toBe('โครงสร้าง')
    expect(ws.getCell('C2').value).toBe('มี')
    expect(String(ws.getCell('D2').value)).toContain('/o/phanomrung/oit/2566/O1')
    const o16 = ws.getRows(2, 43)!.find((r) => r.getCell(1).value === 'O16')!
    expect(o16.getCell(3).value).toBe('ไม่มี')
    const csv = Buffer.from(await (await admin.get('/o/phanomrung/admin/oit/2566/answer-sheet.csv')).arrayBuffer()).toString('utf8')
    expect(csv).toContain('O41,การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ,ไม่ครบถ้วน') // only an old document: not turned into ไม่มี
    expect((await visitor.get('/o/phanomrung/admin/oit/2566/answer-sheet.xlsx')).status).toBe(303)
  })

  it('the link monitor finds a link the server breaks, and mails a digest', async () => {
    const allow = { allowPrivate: [`127.0.0.1:${port}`], timeoutMs: 2000 }
    const ok = await runLinkCheck(t.deps, org, { siteOrigin: 'http://localhost', probe: noModules, years: [2566], fetch: allow })
    expect(ok.find((r) => r.url.endsWith('/eservice'))).toMatchObject({ ok: true, status: 200 })
    expect(ok.filter((r) => r.url.includes('/files/')).every((r) => r.ok)).toBe(true) // attachments read back
    broken = true
    const r = await runLinkCheck(t.deps, org, { siteOrigin: 'http://localhost', probe: noModules, years: [2566], fetch: allow })
    expect(r.find((x) => x.url.endsWith('/eservice'))).toMatchObject({ ok: false, status: 503 })
    const m = (await oitMap(t.deps, org, 2566, 'th', noModules))!
    expect(m.items.find((i) => i.code === 'O18')!.status).toBe('incomplete') // the only evidence is broken
    const dash = await (await admin.get('/o/phanomrung/admin/oit/2566')).text()
    expect(dash).toContain(`http://127.0.0.1:${port}/eservice`)
    const mails = await inOrg(t.deps.db, org.id, (tx) => tx.execute<{ subject: string; body_text: string }>(sql`SELECT subject, body_text FROM mail_outbox WHERE org_id = ${org.id}`))
    expect(mails.rows.some((m) => m.subject.includes('ลิงก์หลักฐาน OIT') && m.body_text.includes('/eservice'))).toBe(true)
  })

  it('never fetches loopback or private addresses given as evidence', async () => {
    await admin.post('/o/phanomrung/admin/oit/2566/O16', { explanation: '', ownerUnitId: '', dueDate: '', extraUrls: `http://127.0.0.1:${port}/secret\nhttp://localhost:${port}/secret\nhttp://10.0.0.1/\nhttp://169.254.169.254/latest/meta-data/` })
    hits = []
    const r = await runLinkCheck(t.deps, org, { siteOrigin: 'http://localhost', probe: noModules, years: [2566], fetch: { timeoutMs: 2000 } })
    expect(hits).toEqual([]) // not a single request reached the local server
    for (const u of [`http://127.0.0.1:${port}/secret`, `http://localhost:${port}/secret`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/']) expect(r.find((x) => x.url === u)?.error, u).toMatch(/blocked/)
  })

  it('an agency without content gets an all-red map, and nothing of the other agency', async () => {
    const m = (await oitMap(t.deps, empty, 2566, 'th', noModules))!
    expect(m.items.every((i) => i.status === 'no' || i.evidence.every((e) => !e.href.includes('phanomrung')))).toBe(true)
    expect(m.items.filter((i) => i.status === 'yes').length).toBeLessThan(5)
    expect(m.scores.oit).toBeLessThan(20)
  })
})
