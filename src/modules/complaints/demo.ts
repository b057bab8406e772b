import type { AppDeps } from '../../platform/http/context.js'
import type { UseCaseCtx } from '../../platform/http/context.js'
import { submitReport, type ReportInput } from './submit.js'

// A few realistic reports for the demo agency (none name a demo staff member).
const REPORTS: ReportInput[] = [
  {
    category: 'bribery',
    subject: 'ถูกเรียกเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง',
    details: 'ข้าพเจ้ายื่นขออนุญาตก่อสร้างบ้านพักอาศัยชั้นเดียว มีผู้อ้างว่าเป็นเจ้าหน้าที่บอกว่าหากต้องการให้ได้ใบอนุญาตภายในสัปดาห์นี้ต้องจ่ายค่าดำเนินการเพิ่ม 3,000 บาท โดยไม่มีใบเสร็จ',
    whenWhere: 'ต้นเดือนที่ผ่านมา ช่วงบ่าย บริเวณหน้าห้องกองช่าง',
    who: 'เจ้าหน้าที่กองช่าง (ไม่ทราบชื่อ)',
  },
  {
    category: 'service',
    subject: 'ไฟส่องสว่างสาธารณะดับหลายจุด แจ้งแล้วยังไม่ซ่อม',
    details: 'ไฟถนนสายหน้าโรงเรียนบ้านตาเป๊กดับต่อเนื่องกว่าหนึ่งเดือน แจ้งทางโทรศัพท์สองครั้งแล้วยังไม่มีผู้มาดำเนินการ เด็กนักเรียนเดินกลับบ้านตอนเย็นไม่ปลอดภัย',
    whenWhere: 'ถนนหน้าโรงเรียนบ้านตาเป๊ก หมู่ 3',
    channel: 'phone',
  },
  {
    category: 'corruption',
    subject: 'ข้อสงสัยการจัดซื้อวัสดุก่อสร้างราคาสูงกว่าท้องตลาด',
    details: 'โครงการปรับปรุงถนนลูกรังหมู่ 5 มีการจัดซื้อหินคลุกในราคาสูงกว่าร้านค้าในพื้นที่เกือบเท่าตัว และปริมาณที่ลงหน้างานดูน้อยกว่าที่ประกาศไว้',
    whenWhere: 'ถนนสายหมู่ 5 ไปหมู่ 7 ช่วงเดือนที่ผ่านมา',
    who: 'ผู้รับจ้างโครงการและคณะกรรมการตรวจรับ',
    contact: { name: 'ผู้ใช้ถนนประจำ', email: 'concerned.resident@example.com' },
  },
]

export async function loadComplaintsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const ctx: UseCaseCtx = { deps, db: deps.db, orgId: org.id, actor: null, requestId: 'demo', lang: 'th' }
  for (const r of REPORTS) {
    // Phone reports are staff intake; the demo records them as web reports so no account is needed.
    await submitReport(ctx, { ...r, channel: undefined })
  }
}
