import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { orgs, units, type Org } from '../../platform/orgs/orgs.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { computeStatistics, agencyStatistics } from '../../platform/stats/statistics.js'
import { forgetOrg } from '../../platform/http/middleware.js'
import { createAsset, deleteAsset, listAssets, PAGE_SIZE, updateAsset, type AssetInput } from './assets.service.js'
import { assetItems } from './assets.schema.js'
import { normaliseAssetNumber } from './rules.js'
import { buildAsset } from './testing/factories.js'

const input = (o: Partial<AssetInput> = {}): AssetInput => ({
  assetNo: '416-59-0001', category: 'computer', name: 'เครื่องคอมพิวเตอร์', brandModel: '', serial: '', acquiredOn: null, price: null, budgetSource: '',
  custodianUnitId: null, custodianPersonId: null, location: '', condition: '', status: 'in_use', lendStaff: false, lendPublic: false, ...o,
})
const form = (o: Record<string, string> = {}) => ({ assetNo: '', category: 'office', name: '', brandModel: '', serial: '', acquiredOn: '', price: '', budgetSource: '', custodianUnitId: '', custodianPersonId: '', location: '', condition: '', status: 'in_use', ...o })

describe('assets: the register (service and pages)', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let officerCtx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/assets`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    officerCtx = { deps: t.deps, db: t.deps.db, orgId: org.id, requestId: 'test', lang: 'th', actor: { userId: u.id, orgId: org.id, role: 'officer', displayName: u.displayName, email: u.email, unitIds: [], permissions: t.deps.registry.permissionsOf('officer') } }
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('reads asset numbers in Thai or Arabic digits, and a category–year prefix', () => {
    expect(normaliseAssetNumber('๔๑๖-๕๙-๐๐๐๑')).toEqual({ kind: 'full', value: '416-59-0001' })
    expect(normaliseAssetNumber(' 416 – 59 – 0001 ')).toEqual({ kind: 'full', value: '416-59-0001' })
    expect(normaliseAssetNumber('416/59')).toEqual({ kind: 'prefix', value: '416-59' })
    expect(normaliseAssetNumber('41-59-0001')).toBeNull()
    expect(normaliseAssetNumber('4165900001')).toBeNull()
  })

  it('creates, updates and deletes an asset, each audited in the same transaction', async () => {
    const a = await createAsset(officerCtx, input({ assetNo: '416-59-0001', price: 22000.5 }))
    expect(a.price).toBe('22000.50')
    const u = await updateAsset(officerCtx, a.id, input({ assetNo: '416-59-0001', name: 'เครื่องคอมพิวเตอร์ (แก้ไข)', status: 'damaged' }))
    expect(u.name).toBe('เครื่องคอมพิวเตอร์ (แก้ไข)')
    await deleteAsset(officerCtx, a.id)
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action, entityId: auditLog.entityId, details: auditLog.details }).from(auditLog))
    const mine = rows.filter((r) => r.entityId === a.id)
    expect(mine.map((r) => r.action)).toEqual(['assets.create', 'assets.update', 'assets.delete'])
    expect(mine[1]!.details).toMatchObject({ changed: { name: { to: 'เครื่องคอมพิวเตอร์ (แก้ไข)' }, status: { from: 'in_use', to: 'damaged' } } })
  })

  it('gives the next running number for a prefix, refuses a duplicate (409) and never deletes a disposed asset', async () => {
    await createAsset(officerCtx, input({ assetNo: '400-61-0007' }))
    const next = await createAsset(officerCtx, input({ assetNo: '400-61' }))
    expect(next.assetNo).toBe('400-61-0008')
    expect((await createAsset(officerCtx, input({ assetNo: '401-61' }))).assetNo).toBe('401-61-0001')
    await expect(createAsset(officerCtx, input({ assetNo: '400-61-0008' }))).rejects.toMatchObject({ status: 409, errors: { assetNo: { th: expect.stringContaining('มีครุภัณฑ์เลขนี้') } } })
    const gone = await buildAsset(t.deps.db, org.id, { status: 'disposed' })
    await expect(deleteAsset(officerCtx, gone.id)).rejects.toMatchObject({ status: 409 })
  })

  it('twenty simultaneous "next number" requests get twenty different numbers', async () => {
    const made = await Promise.all(Array.from({ length: 20 }, () => createAsset(officerCtx, input({ assetNo: '420-66' }))))
    expect(new Set(made.map((a) => a.assetNo)).size).toBe(20)
    expect(made.map((a) => a.assetNo).sort().at(-1)).toBe('420-66-0020')
  })

  it('refuses a custodian unit of another agency', async () => {
    const [foreignUnit] = await inOrg(t.deps.db, other.id, (tx) => tx.insert(units).values({ orgId: other.id, nameTh: 'กองของหน่วยงานอื่น', kind: 'division' }).returning())
    await expect(createAsset(officerCtx, input({ assetNo: '430-66-0001', custodianUnitId: foreignUnit!.id }))).rejects.toMatchObject({ status: 422, errors: { custodianUnitId: expect.anything() } })
  })

  it('lists with search (number, name, serial; wildcards literal), category, unit and status filters, and pages of 20', async () => {
    const [unit] = await inOrg(t.deps.db, org.id, (tx) => tx.insert(units).values({ orgId: org.id, nameTh: 'กองคลังทดสอบ', kind: 'division' }).returning())
    for (let i = 0; i < PAGE_SIZE + 3; i++) await buildAsset(t.deps.db, org.id, { assetNo: `405-60-${String(i + 1).padStart(4, '0')}`, category: 'household', name: `หม้อหุงข้าว ${i}`, custodianUnitId: unit!.id })
    await buildAsset(t.deps.db, org.id, { assetNo: '405-60-0100', category: 'household', name: 'ลด 100% ทดสอบ', serial: 'SN-XYZ-77', status: 'damaged' })
    const p1 = await listAssets(officerCtx, { category: 'household', page: 1 })
    expect(p1.total).toBe(PAGE_SIZE + 4)
    expect(p1.rows).toHaveLength(PAGE_SIZE)
    const p2 = await listAssets(officerCtx, { category: 'household', page: 2 })
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(PAGE_SIZE + 4)
    expect((await listAssets(officerCtx, { unitId: unit!.id, page: 1 })).total).toBe(PAGE_SIZE + 3)
    expect((await listAssets(officerCtx, { q: '100%', page: 1 })).total).toBe(1)
    expect((await listAssets(officerCtx, { q: '%', page: 1 })).total).toBe(1)
    expect((await listAssets(officerCtx, { q: 'xyz-77', page: 1 })).total).toBe(1)
    expect((await listAssets(officerCtx, { q: '๔๐๕-๖๐-๐๐๐๑', page: 1 })).rows[0]?.assetNo).toBe('405-60-0001')
    expect((await listAssets(officerCtx, { status: 'damaged', category: 'household', page: 1 })).total).toBe(1)
    const html = await (await officer.get(`${base()}?category=household&page=2`)).text()
    expect(html).toContain('หม้อหุงข้าว')
    expect(html).toContain('rel="prev"')
    expect(html).toContain('category=household')
    expect((await officer.get(`${base()}?q=%00&page=-1&unit=x&status=zz`)).status).toBe(200) // a NUL byte never reaches PostgreSQL
  })

  it('shows numbers in Thai digits where the agency prints Thai numerals, Arabic where it does not', async () => {
    await buildAsset(t.deps.db, org.id, { assetNo: '499-59-0001', name: 'ตู้เหล็กเก็บเอกสาร' })
    await t.deps.db.update(orgs).set({ settings: { thaiNumerals: true } }).where(eq(orgs.id, org.id))
    forgetOrg(org.slug)
    expect(await (await officer.get(`${base()}?q=ตู้เหล็กเก็บเอกสาร`)).text()).toContain('๔๙๙-๕๙-๐๐๐๑')
    await t.deps.db.update(orgs).set({ settings: { thaiNumerals: false } }).where(eq(orgs.id, org.id))
    forgetOrg(org.slug)
    expect(await (await officer.get(`${base()}?q=ตู้เหล็กเก็บเอกสาร`)).text()).toContain('499-59-0001')
  })

  it('bad input answers 422 with the same form, an error summary and every value kept; Thai digits and พ.ศ. dates are read', async () => {
    const bad = await officer.post(`${base()}/new`, form({ assetNo: '12-3', name: 'เต็นท์ผ้าใบ', location: 'โกดังพัสดุ', acquiredOn: '10/03/2016', price: 'แพง' }))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain(`action="${base()}/new"`)
    expect(html).toContain('error-summary')
    expect(html).toContain('<title>ข้อผิดพลาด:')
    expect(html).toContain('value="เต็นท์ผ้าใบ"')
    expect(html).toContain('value="โกดังพัสดุ"')
    expect(html).toContain('ปี ค.ศ.')
    const badNo = await officer.post(`${base()}/new`, form({ assetNo: '12-3', name: 'เต็นท์ผ้าใบ' }))
    expect(badNo.status).toBe(422)
    expect(await badNo.text()).toContain('ประเภท-ปี-ลำดับ')
    const ok = await officer.post(`${base()}/new`, form({ assetNo: '๔๕๐-๕๙-๐๐๐๑', name: 'เต็นท์ผ้าใบ ๔×๘ เมตร', acquiredOn: '10/03/2559', price: '๑๘,๕๐๐', lendPublic: 'on' }))
    expect(ok.status).toBe(303)
    const row = (await listAssets(officerCtx, { q: '450-59-0001', page: 1 })).rows[0]!
    expect(row).toMatchObject({ assetNo: '450-59-0001', acquiredOn: '2016-03-10', price: '18500.00', lendPublic: true, lendStaff: false })
    const dup = await officer.post(`${base()}/new`, form({ assetNo: '450-59-0001', name: 'อีกหลังหนึ่ง' }))
    expect(dup.status).toBe(409)
    expect(await dup.text()).toContain('value="อีกหลังหนึ่ง"')
    const edit = await officer.post(`${base()}/${row.id}/edit`, form({ assetNo: '450-59-0001', name: '', condition: 'ผ้าใบขาดเล็กน้อย' }))
    expect(edit.status).toBe(422)
    expect(await edit.text()).toContain('ผ้าใบขาดเล็กน้อย')
  })

  it('asks before deleting, and another agency cannot see or change the assets', async () => {
    const a = await buildAsset(t.deps.db, org.id)
    expect(await (await officer.get(`${base()}/${a.id}/delete`)).text()).toContain('ยืนยันการลบ')
    expect((await officer.post(`${base()}/${a.id}/delete`, {})).status).toBe(303)
    expect((await officer.get(`${base()}/${a.id}/edit`)).status).toBe(404)
    const disposed = await buildAsset(t.deps.db, org.id, { status: 'disposed' })
    const refused = await officer.post(`${base()}/${disposed.id}/delete`, {})
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('จำหน่ายแล้ว')
    const foreign = await buildAsset(t.deps.db, other.id)
    expect((await officer.get(`${base()}/${foreign.id}/edit`)).status).toBe(404)
    expect((await officer.post(`${base()}/${foreign.id}/delete`, {}, { csrfFrom: base() })).status).toBe(404)
    expect((await officer.get(`${base()}/not-a-uuid/edit`)).status).toBe(404)
    expect(await inOrg(t.deps.db, other.id, (tx) => tx.select().from(assetItems).where(eq(assetItems.id, foreign.id)))).toHaveLength(1)
  })

  it('the public page lists what the community may borrow (in use, lendable to the public) and nothing else', async () => {
    await buildAsset(t.deps.db, org.id, { name: 'เก้าอี้พลาสติกให้ยืม', lendPublic: true })
    await buildAsset(t.deps.db, org.id, { name: 'โน้ตบุ๊กของเจ้าหน้าที่', lendStaff: true })
    await buildAsset(t.deps.db, org.id, { name: 'เต็นท์ชำรุด', lendPublic: true, status: 'damaged' })
    const html = await (await new TestClient(t.app).get(`/o/${org.slug}/assets`)).text()
    expect(html).toContain('เก้าอี้พลาสติกให้ยืม')
    expect(html).not.toContain('โน้ตบุ๊กของเจ้าหน้าที่')
    expect(html).not.toContain('เต็นท์ชำรุด')
  })

  it('counts assets acquired per fiscal year (from 1 October) for the dashboard and roll-ups', async () => {
    await buildAsset(t.deps.db, org.id, { acquiredOn: '2022-10-01' })
    await buildAsset(t.deps.db, org.id, { acquiredOn: '2023-09-30' })
    await buildAsset(t.deps.db, org.id, { acquiredOn: '2022-09-30' })
    await computeStatistics(t.deps, { moduleId: 'assets' })
    const figures = await agencyStatistics(t.deps.db, org.id, 2566)
    expect(figures.find((f) => f.module === 'assets' && f.key === 'acquired')?.value).toBe(2)
  })
})
