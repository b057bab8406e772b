import type { Tx } from '../db/client.js'
import { units } from '../platform/orgs/orgs.schema.js'
import { people, personUnits, type PersonKind } from '../platform/people/people.schema.js'
import { and, eq } from 'drizzle-orm'

// The demo agencies' personnel: what a real เทศบาลตำบล / อบต. has (executives, council, officials,
// permanent and contract employees), with unit heads, so acknowledgements, declarations and
// trainings have a realistic "every staff member" and "the unit head". Names are invented.

type DemoPerson = { name: string; position: string; kind: PersonKind; unit?: string; heads?: string; since?: string; account?: string }

const PHANOMRUNG: DemoPerson[] = [
  { name: 'นายสมชาย ผู้บริหาร', position: 'นายกเทศมนตรีตำบลพนมรุ้ง', kind: 'executive', account: 'executive', since: '2021-05-01' },
  { name: 'นายบุญส่ง ศรีพนม', position: 'รองนายกเทศมนตรี', kind: 'executive', since: '2021-05-01' },
  { name: 'นางสาวจันทร์เพ็ญ ดวงดี', position: 'รองนายกเทศมนตรี', kind: 'executive', since: '2021-05-01' },
  { name: 'นายประยูร ทองมา', position: 'เลขานุการนายกเทศมนตรี', kind: 'executive', since: '2021-05-15' },
  { name: 'นายสุรพล แก้วใส', position: 'ประธานสภาเทศบาล', kind: 'council_member', since: '2021-04-20' },
  { name: 'นางทองใบ มีสุข', position: 'สมาชิกสภาเทศบาล เขต ๑', kind: 'council_member', since: '2021-04-20' },
  { name: 'นายวีระ ชัยมงคล', position: 'สมาชิกสภาเทศบาล เขต ๒', kind: 'council_member', since: '2021-04-20' },
  { name: 'นายธนพล รักษ์ธรรม', position: 'ปลัดเทศบาล', kind: 'local_official', unit: 'สำนักปลัดเทศบาล', heads: 'สำนักปลัดเทศบาล', since: '2018-10-01' },
  { name: 'นางพรทิพย์ ใจซื่อ', position: 'รองปลัดเทศบาล', kind: 'local_official', unit: 'สำนักปลัดเทศบาล', since: '2019-06-01' },
  { name: 'สมศรี ดูแลระบบ', position: 'นักวิชาการคอมพิวเตอร์', kind: 'local_official', unit: 'สำนักปลัดเทศบาล', account: 'agency_admin', since: '2020-01-02' },
  { name: 'วิภา ปฏิบัติการ', position: 'นักวิเคราะห์นโยบายและแผน', kind: 'local_official', unit: 'สำนักปลัดเทศบาล', account: 'officer', since: '2019-11-01' },
  { name: 'นางสาวกัญญา พูนผล', position: 'ผู้อำนวยการกองคลัง', kind: 'local_official', unit: 'กองคลัง', heads: 'กองคลัง', since: '2017-10-01' },
  { name: 'มานี ผู้ติดตาม', position: 'ผู้ช่วยเจ้าหน้าที่ธุรการ', kind: 'contract_employee', unit: 'กองคลัง', account: 'viewer', since: '2022-03-01' },
  { name: 'นายอนุชา สร้างงาม', position: 'ผู้อำนวยการกองช่าง', kind: 'local_official', unit: 'กองช่าง', heads: 'กองช่าง', since: '2016-10-01' },
  { name: 'นายสมบัติ ขยันยิ่ง', position: 'พนักงานขับรถยนต์', kind: 'permanent_employee', unit: 'กองช่าง', since: '2005-07-01' },
  { name: 'นางสาวรัตนา ศึกษาดี', position: 'ผู้อำนวยการกองการศึกษา', kind: 'local_official', unit: 'กองการศึกษา', heads: 'กองการศึกษา', since: '2018-04-01' },
  { name: 'นางบุษบา อ่อนละมุน', position: 'ครูผู้ดูแลเด็ก', kind: 'contract_employee', unit: 'กองการศึกษา', since: '2020-05-18' },
  { name: 'ประเสริฐ นิติกร', position: 'นิติกร', kind: 'local_official', unit: 'งานนิติการ', heads: 'งานนิติการ', account: 'complaints_officer', since: '2019-02-01' },
  { name: 'นางสาวปิยะนุช ตรงเวลา', position: 'เจ้าพนักงานพัสดุ', kind: 'local_official', unit: 'งานพัสดุ', heads: 'งานพัสดุ', since: '2018-08-01' },
  { name: 'นายชัยวัฒน์ สื่อสาร', position: 'นักประชาสัมพันธ์', kind: 'local_official', unit: 'งานประชาสัมพันธ์', heads: 'งานประชาสัมพันธ์', since: '2021-01-04' },
  { name: 'นางสาวอรวรรณ แจ้งข่าว', position: 'พนักงานจ้างตามภารกิจ (ผู้ช่วยนักประชาสัมพันธ์)', kind: 'contract_employee', unit: 'งานประชาสัมพันธ์', since: '2023-01-03' },
]

const TAPEK: DemoPerson[] = [
  { name: 'นายบุญมี ผู้บริหาร', position: 'นายกองค์การบริหารส่วนตำบลตาเป๊ก', kind: 'executive', account: 'executive', since: '2021-12-01' },
  { name: 'นายสายัณห์ พูลสวัสดิ์', position: 'ประธานสภาองค์การบริหารส่วนตำบล', kind: 'council_member', since: '2021-11-28' },
  { name: 'นางสาวศิริพร ปลัดดี', position: 'ปลัดองค์การบริหารส่วนตำบล', kind: 'local_official', unit: 'สำนักปลัด', heads: 'สำนักปลัด', since: '2019-10-01' },
  { name: 'อารีย์ ดูแลระบบ', position: 'เจ้าพนักงานธุรการ', kind: 'local_official', unit: 'สำนักปลัด', account: 'agency_admin', since: '2020-06-01' },
  { name: 'สุดา ปฏิบัติการ', position: 'นักจัดการงานทั่วไป', kind: 'local_official', unit: 'สำนักปลัด', account: 'officer', since: '2021-02-01' },
  { name: 'นางมาลี คลังทรัพย์', position: 'ผู้อำนวยการกองคลัง', kind: 'local_official', unit: 'กองคลัง', heads: 'กองคลัง', since: '2018-10-01' },
  { name: 'ปรีชา ผู้ติดตาม', position: 'ผู้ช่วยเจ้าหน้าที่', kind: 'contract_employee', unit: 'กองคลัง', account: 'viewer', since: '2022-10-01' },
  { name: 'นายเกรียงไกร ช่างดี', position: 'ผู้อำนวยการกองช่าง', kind: 'local_official', unit: 'กองช่าง', heads: 'กองช่าง', since: '2017-05-01' },
  { name: 'วิชัย นิติกร', position: 'นิติกร', kind: 'local_official', unit: 'งานนิติการ', heads: 'งานนิติการ', account: 'complaints_officer', since: '2020-09-01' },
]

export const DEMO_PEOPLE: Record<string, DemoPerson[]> = { phanomrung: PHANOMRUNG, tapek: TAPEK }

/** Loads an agency's demo personnel (in the demo loader's transaction); `accounts` maps a demo role to its user id. */
export async function loadDemoPeople(tx: Tx, orgId: string, slug: string, accounts: ReadonlyMap<string, string>): Promise<void> {
  const list = DEMO_PEOPLE[slug] ?? []
  if (list.length === 0) return
  const unitRows = await tx.select({ id: units.id, nameTh: units.nameTh }).from(units)
  const unitId = new Map(unitRows.map((u) => [u.nameTh, u.id]))
  const rows = await tx
    .insert(people)
    .values(list.map((p) => ({ orgId, fullName: p.name, position: p.position, kind: p.kind, activeFrom: p.since ?? null, userId: p.account ? (accounts.get(p.account) ?? null) : null })))
    .returning({ id: people.id, fullName: people.fullName })
  const idOf = new Map(rows.map((r) => [r.fullName, r.id]))
  const links = list.filter((p) => p.unit && unitId.has(p.unit)).map((p) => ({ orgId, personId: idOf.get(p.name)!, unitId: unitId.get(p.unit!)! }))
  if (links.length) await tx.insert(personUnits).values(links)
  for (const p of list) if (p.heads && unitId.has(p.heads)) await tx.update(units).set({ headPersonId: idOf.get(p.name)! }).where(and(eq(units.id, unitId.get(p.heads)!)))
}
