import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { units } from '../../platform/orgs/orgs.schema.js'
import { peopleFor, STAFF_KINDS } from '../../platform/people/directory.js'
import { assetItems } from './assets.schema.js'
import type { AssetCategory } from './rules.js'

// The demo agency's register (เทศบาลตำบลพนมรุ้ง, FY2566): what it lends to villages and temples
// (tents, tables, chairs, a sound system, a van) and what its staff borrow (notebook computers).
// The category codes in the numbers (400, 416, …) are this demo agency's own, not a national scheme.
type DemoAsset = { code: string; year: string; category: AssetCategory; name: string; brandModel: string; count: number; price: number; acquiredOn: string; budget: string; unit: string; location: string; lendStaff: boolean; lendPublic: boolean; status?: 'damaged' | 'pending_disposal' }
const DEMO: DemoAsset[] = [
  { code: '400', year: '59', category: 'office', name: 'เต็นท์ผ้าใบ ขนาด 4×8 เมตร', brandModel: 'โครงเหล็กชุบกัลวาไนซ์', count: 6, price: 18_500, acquiredOn: '2016-03-10', budget: 'งบประมาณรายจ่ายประจำปี 2559', unit: 'สำนักปลัดเทศบาล', location: 'โกดังพัสดุ หลังสำนักงานเทศบาล', lendStaff: true, lendPublic: true },
  { code: '400', year: '61', category: 'office', name: 'โต๊ะพับอเนกประสงค์ ขนาด 75×180 ซม.', brandModel: 'หน้าโฟเมก้า ขาเหล็กพับได้', count: 10, price: 2_400, acquiredOn: '2018-05-21', budget: 'งบประมาณรายจ่ายประจำปี 2561', unit: 'สำนักปลัดเทศบาล', location: 'โกดังพัสดุ หลังสำนักงานเทศบาล', lendStaff: true, lendPublic: true },
  { code: '400', year: '62', category: 'office', name: 'เก้าอี้พลาสติกมีพนักพิง (ชุดละ 10 ตัว)', brandModel: 'สีน้ำเงิน', count: 20, price: 3_500, acquiredOn: '2019-01-15', budget: 'งบประมาณรายจ่ายประจำปี 2562', unit: 'สำนักปลัดเทศบาล', location: 'โกดังพัสดุ หลังสำนักงานเทศบาล', lendStaff: true, lendPublic: true },
  { code: '404', year: '63', category: 'electrical', name: 'ชุดเครื่องเสียงกลางแจ้ง (เครื่องขยายเสียง ลำโพง 2 ตู้ ไมโครโฟนไร้สาย 2 ตัว)', brandModel: 'ขนาด 1,000 วัตต์', count: 1, price: 48_000, acquiredOn: '2020-02-03', budget: 'งบประมาณรายจ่ายประจำปี 2563', unit: 'สำนักปลัดเทศบาล', location: 'ห้องเก็บของ ชั้น 1 สำนักงานเทศบาล', lendStaff: true, lendPublic: true },
  { code: '410', year: '60', category: 'vehicle', name: 'รถตู้โดยสาร 12 ที่นั่ง', brandModel: 'ดีเซล 3,000 ซีซี ทะเบียน นข 1234 บุรีรัมย์', count: 1, price: 1_250_000, acquiredOn: '2017-08-30', budget: 'เงินอุดหนุนเฉพาะกิจ ปี 2560', unit: 'สำนักปลัดเทศบาล', location: 'โรงจอดรถ สำนักงานเทศบาล', lendStaff: true, lendPublic: true },
  { code: '416', year: '65', category: 'computer', name: 'เครื่องคอมพิวเตอร์โน้ตบุ๊ก สำหรับงานประมวลผล', brandModel: 'จอ 14 นิ้ว หน่วยความจำ 8 GB', count: 6, price: 22_000, acquiredOn: '2022-06-14', budget: 'งบประมาณรายจ่ายประจำปี 2565', unit: 'งานพัสดุ', location: 'ห้องงานพัสดุ', lendStaff: true, lendPublic: false },
  { code: '416', year: '66', category: 'computer', name: 'เครื่องฉายภาพโปรเจกเตอร์', brandModel: 'ความสว่าง 3,500 ANSI Lumens', count: 2, price: 24_900, acquiredOn: '2023-01-20', budget: 'งบประมาณรายจ่ายประจำปี 2566', unit: 'งานพัสดุ', location: 'ห้องประชุมสภาเทศบาล', lendStaff: true, lendPublic: false },
  { code: '416', year: '57', category: 'computer', name: 'เครื่องพิมพ์เลเซอร์ ขาวดำ', brandModel: 'ความเร็ว 28 หน้าต่อนาที', count: 1, price: 7_900, acquiredOn: '2014-04-02', budget: 'งบประมาณรายจ่ายประจำปี 2557', unit: 'กองช่าง', location: 'ห้องกองช่าง', lendStaff: false, lendPublic: false, status: 'pending_disposal' },
  { code: '405', year: '64', category: 'household', name: 'หม้อต้มน้ำร้อนไฟฟ้า ขนาด 30 ลิตร', brandModel: 'สแตนเลส', count: 2, price: 6_500, acquiredOn: '2021-07-08', budget: 'งบประมาณรายจ่ายประจำปี 2564', unit: 'สำนักปลัดเทศบาล', location: 'โกดังพัสดุ หลังสำนักงานเทศบาล', lendStaff: true, lendPublic: true },
]

/** About fifty items for the demo agency, numbered category–year–running. */
export async function loadAssetsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  await inOrg(deps.db, org.id, async (tx) => {
    const unitIds = new Map((await tx.select({ id: units.id, nameTh: units.nameTh }).from(units)).map((u) => [u.nameTh, u.id]))
    const running = new Map<string, number>()
    const rows = []
    for (const d of DEMO) {
      const unitId = unitIds.get(d.unit) ?? null
      const custodian = unitId ? (await peopleFor(tx, { unitIds: [unitId], kinds: STAFF_KINDS }))[0] : undefined
      for (let i = 0; i < d.count; i++) {
        const prefix = `${d.code}-${d.year}`
        const n = (running.get(prefix) ?? 0) + 1
        running.set(prefix, n)
        rows.push({
          orgId: org.id, assetNo: `${prefix}-${String(n).padStart(4, '0')}`, category: d.category, name: d.name, brandModel: d.brandModel, serial: d.category === 'computer' ? `SN${d.year}${d.code}${String(n).padStart(5, '0')}` : '',
          acquiredOn: d.acquiredOn, price: d.price.toFixed(2), budgetSource: d.budget, custodianUnitId: unitId, custodianPersonId: custodian?.id ?? null, location: d.location,
          condition: d.status === 'pending_disposal' ? 'ชุดลูกกลิ้งเสื่อม พิมพ์ไม่ติด ค่าซ่อมสูงกว่าราคาเครื่องใหม่' : 'ใช้งานได้ปกติ', status: d.status ?? ('in_use' as const), lendStaff: d.lendStaff, lendPublic: d.lendPublic,
        })
      }
    }
    const inserted = await tx.insert(assetItems).values(rows).returning({ id: assetItems.id })
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'assets.demo', entityType: 'asset_item', details: { count: inserted.length } })
  })
}
