import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import { orgs, units } from '../../platform/orgs/orgs.schema.js'
import { loadReportData } from '../measures/index.js'
import { MONITORING_TYPE, REGISTER_TYPE } from './contracts.js'
import { riskControls, riskMonitoring, risks } from './risks.schema.js'
import type { Area, MonitorStatus } from './rules.js'

// The demo agency's FY2566 register: the processes a เทศบาลตำบล runs where corruption risk sits
// (permits, procurement, inspection, asset loans, overtime claims, tax collection, personnel, gifts,
// disbursement), each controlled by the seed's measures (by their order in the seed report:
// 1 Do & DON'T, 2 conflict of interest, 3 participation and publication, 4 government property,
// 5 procurement, 6 stakeholders), with both monitoring rounds, and the register linked as evidence
// to indicator 10 ("มีการบริหารจัดการความเสี่ยง…") and the OIT items O34/O35 of 2566.

type DemoRisk = {
  area: Area
  unit: string
  process: string
  event: string
  cause: string
  l: number
  i: number
  existing: string
  indicator: string
  target: string
  rl: number
  ri: number
  measures: number[]
  r6: [MonitorStatus, string]
  r12: [MonitorStatus, string]
}

export const DEMO_RISKS: DemoRisk[] = [
  {
    area: 'permits', unit: 'กองช่าง', process: 'การออกใบอนุญาตก่อสร้าง ดัดแปลง หรือรื้อถอนอาคาร',
    event: 'เจ้าหน้าที่เรียกรับเงินหรือผลประโยชน์เพื่อเร่งรัดหรืออำนวยความสะดวกในการออกใบอนุญาต',
    cause: 'การพิจารณาคำขอใช้ดุลพินิจของเจ้าหน้าที่ ผู้ขออนุญาตไม่ทราบขั้นตอนและระยะเวลาที่แน่นอน',
    l: 3, i: 4, existing: 'คู่มือสำหรับประชาชนตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558 ติดประกาศ ณ จุดบริการ',
    indicator: 'จำนวนเรื่องร้องเรียนการเรียกรับผลประโยชน์ในการออกใบอนุญาต', target: '0 เรื่อง', rl: 2, ri: 3, measures: [3, 1],
    r6: ['in_progress', 'เผยแพร่ขั้นตอน ระยะเวลา และค่าธรรมเนียมการขออนุญาตบนเว็บไซต์เทศบาลแล้ว อยู่ระหว่างจัดทำทะเบียนคุมคำขอ'],
    r12: ['done', 'ออกใบอนุญาตครบทุกคำขอภายในระยะเวลาตามคู่มือ ไม่มีเรื่องร้องเรียน'],
  },
  {
    area: 'procurement', unit: 'งานพัสดุ', process: 'การจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจงและวิธีประกาศเชิญชวน',
    event: 'กำหนดคุณลักษณะเฉพาะหรือขอบเขตของงาน (TOR) เอื้อประโยชน์แก่ผู้ประกอบการรายใดรายหนึ่ง',
    cause: 'ผู้กำหนดคุณลักษณะเฉพาะมีความสัมพันธ์กับผู้ประกอบการ และขาดการตรวจสอบจากบุคคลภายนอก',
    l: 3, i: 5, existing: 'ปฏิบัติตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 ผ่านระบบ e-GP',
    indicator: 'ร้อยละของโครงการที่เผยแพร่แผนและผลการจัดซื้อจัดจ้าง', target: 'ร้อยละ 100', rl: 2, ri: 4, measures: [5, 2],
    r6: ['in_progress', 'เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีและประกาศผู้ชนะการเสนอราคาบนเว็บไซต์แล้ว ผู้กำหนด TOR ลงนามแบบแสดงความไม่มีส่วนได้เสีย'],
    r12: ['done', 'เผยแพร่ผลการจัดซื้อจัดจ้างรายเดือนครบ 12 เดือน ไม่มีข้อร้องเรียนจากผู้เสนอราคา'],
  },
  {
    area: 'procurement', unit: 'กองช่าง', process: 'การตรวจรับงานจ้างก่อสร้างถนนและอาคาร',
    event: 'คณะกรรมการตรวจรับงานรับผลประโยชน์จากผู้รับจ้างแล้วตรวจรับงานที่ไม่เป็นไปตามแบบรูปรายการ',
    cause: 'การตรวจรับขึ้นอยู่กับคณะกรรมการเพียงชุดเดียว ประชาชนในพื้นที่ไม่มีส่วนร่วมตรวจสอบ',
    l: 2, i: 5, existing: 'แต่งตั้งคณะกรรมการตรวจรับพัสดุและผู้ควบคุมงานตามระเบียบ',
    indicator: 'จำนวนโครงการก่อสร้างที่มีตัวแทนชุมชนร่วมตรวจรับ', target: 'ทุกโครงการ', rl: 2, ri: 3, measures: [5, 6],
    r6: ['in_progress', 'เชิญผู้ใหญ่บ้านและตัวแทนชุมชนร่วมสังเกตการณ์การตรวจรับโครงการซ่อมสร้างถนน 3 โครงการ'],
    r12: ['done', 'ตัวแทนชุมชนร่วมตรวจรับครบทุกโครงการก่อสร้าง พร้อมภาพถ่ายก่อน ระหว่าง และหลังดำเนินการ'],
  },
  {
    area: 'assets', unit: 'สำนักปลัดเทศบาล', process: 'การยืมพัสดุ ครุภัณฑ์ และรถยนต์ส่วนกลาง',
    event: 'นำรถยนต์ส่วนกลางหรือครุภัณฑ์ของเทศบาลไปใช้ประโยชน์ส่วนตน หรือยืมแล้วไม่ส่งคืนตามกำหนด',
    cause: 'การควบคุมการยืมไม่เป็นระบบ ไม่มีการติดตามทวงคืนเมื่อครบกำหนด',
    l: 3, i: 3, existing: 'ทะเบียนคุมการยืมพัสดุ และใบขออนุญาตใช้รถยนต์ส่วนกลาง',
    indicator: 'ร้อยละของการยืมที่ส่งคืนตามกำหนด', target: 'ร้อยละ 100', rl: 2, ri: 2, measures: [4],
    r6: ['in_progress', 'ชี้แจงแนวทางการขออนุญาตยืมทรัพย์สินของราชการในการประชุมประจำเดือน และปรับแบบฟอร์มการยืม'],
    r12: ['done', 'การยืมทุกครั้งมีผู้อนุญาตลงนาม ส่งคืนตามกำหนดครบ ไม่พบการนำไปใช้ส่วนตน'],
  },
  {
    area: 'budget', unit: 'กองคลัง', process: 'การเบิกค่าตอบแทนการปฏิบัติงานนอกเวลาราชการ',
    event: 'เบิกค่าตอบแทนนอกเวลาราชการโดยไม่ได้ปฏิบัติงานจริง หรือลงลายมือชื่อปฏิบัติงานแทนกัน',
    cause: 'การลงเวลาปฏิบัติงานใช้สมุดลงชื่อ ผู้บังคับบัญชาไม่ได้ตรวจสอบผลงานที่ทำนอกเวลา',
    l: 3, i: 3, existing: 'คำสั่งให้ปฏิบัติงานนอกเวลาราชการ และหลักฐานการลงเวลา',
    indicator: 'จำนวนกรณีที่ตรวจพบการเบิกโดยไม่ได้ปฏิบัติงานจริง', target: '0 กรณี', rl: 2, ri: 2, measures: [1],
    r6: ['occurred', 'ตรวจพบการลงลายมือชื่อแทนกัน 1 กรณี ได้ว่ากล่าวตักเตือนและเรียกเงินคืนแล้ว'],
    r12: ['done', 'ใช้เครื่องสแกนลายนิ้วมือลงเวลาปฏิบัติงานนอกเวลาราชการ และให้แนบผลงานประกอบการเบิก ไม่พบกรณีซ้ำ'],
  },
  {
    area: 'revenue', unit: 'กองคลัง', process: 'การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง และภาษีป้าย',
    event: 'ประเมินภาษีต่ำกว่าความเป็นจริงเพื่อแลกกับผลประโยชน์ หรือรับชำระเงินแล้วไม่ออกใบเสร็จรับเงิน',
    cause: 'ข้อมูลที่ดินและสิ่งปลูกสร้างไม่เป็นปัจจุบัน ผู้เสียภาษีไม่ทราบวิธีคำนวณภาษี',
    l: 2, i: 4, existing: 'ออกใบเสร็จรับเงินจากระบบทุกครั้ง และตรวจสอบยอดเงินประจำวัน',
    indicator: 'ร้อยละของผู้เสียภาษีที่ได้รับแบบแจ้งการประเมินพร้อมรายละเอียดการคำนวณ', target: 'ร้อยละ 100', rl: 1, ri: 4, measures: [3, 2],
    r6: ['in_progress', 'เผยแพร่อัตราภาษีและวิธีคำนวณบนเว็บไซต์และหอกระจายข่าว ปรับปรุงข้อมูลแผนที่ภาษีแล้วร้อยละ 60'],
    r12: ['done', 'ส่งแบบแจ้งการประเมินพร้อมรายละเอียดการคำนวณครบทุกราย ไม่มีเรื่องร้องเรียน'],
  },
  {
    area: 'personnel', unit: 'สำนักปลัดเทศบาล', process: 'การประเมินผลการปฏิบัติงานและการเลื่อนขั้นเงินเดือน',
    event: 'ผู้ประเมินใช้ความสัมพันธ์ส่วนตัวหรือระบบอุปถัมภ์ในการให้คะแนนและเลื่อนขั้นเงินเดือน',
    cause: 'หลักเกณฑ์การประเมินไม่ได้แจ้งให้ผู้รับการประเมินทราบล่วงหน้า',
    l: 2, i: 3, existing: 'คณะกรรมการกลั่นกรองผลการประเมินผลการปฏิบัติงาน',
    indicator: 'ร้อยละของบุคลากรที่ได้รับแจ้งหลักเกณฑ์การประเมินก่อนรอบการประเมิน', target: 'ร้อยละ 100', rl: 1, ri: 3, measures: [2],
    r6: ['done', 'ประกาศหลักเกณฑ์การประเมินและผลการประเมินรอบที่ 1 ให้บุคลากรทราบทั่วกัน'],
    r12: ['done', 'ประกาศผลรอบที่ 2 และเปิดช่องทางให้ทบทวนผลการประเมิน ไม่มีผู้ร้องทุกข์'],
  },
  {
    area: 'service', unit: 'สำนักปลัดเทศบาล', process: 'การให้บริการประชาชน ณ ศูนย์บริการแบบเบ็ดเสร็จ',
    event: 'เจ้าหน้าที่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใดจากผู้มาติดต่อขอรับบริการ',
    cause: 'ค่านิยมการให้สินน้ำใจตอบแทนการบริการ',
    l: 3, i: 2, existing: 'ประกาศนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)',
    indicator: 'จำนวนครั้งที่รายงานผลการรับของขวัญ', target: '2 ครั้งต่อปี', rl: 2, ri: 2, measures: [1],
    r6: ['done', 'ถ่ายทอดนโยบาย No Gift Policy ในการประชุมประจำเดือน และรายงานผลการรับของขวัญรอบ 6 เดือนแล้ว'],
    r12: ['done', 'รายงานผลการรับของขวัญรอบ 12 เดือน ไม่มีการรับของขวัญเกินกว่าที่ระเบียบกำหนด'],
  },
  {
    area: 'budget', unit: 'กองคลัง', process: 'การเบิกจ่ายเงินตามโครงการและการวางฎีกา',
    event: 'เบิกจ่ายเงินโครงการโดยมีเอกสารหลักฐานไม่ครบถ้วนหรือเป็นเท็จ',
    cause: 'ผู้ตรวจฎีกามีภาระงานมาก การตรวจสอบเอกสารประกอบไม่ละเอียด',
    l: 2, i: 4, existing: 'ตรวจฎีกาตามระเบียบกระทรวงมหาดไทยว่าด้วยการรับเงิน การเบิกจ่ายเงิน การฝากเงิน การเก็บรักษาเงิน และการตรวจเงินขององค์กรปกครองส่วนท้องถิ่น',
    indicator: 'จำนวนข้อทักท้วงจากการตรวจสอบของสำนักงานการตรวจเงินแผ่นดิน', target: '0 ข้อ', rl: 1, ri: 4, measures: [5],
    r6: ['in_progress', 'จัดทำรายการตรวจสอบเอกสารประกอบฎีกาและชี้แจงแผนการใช้จ่ายเงินในการประชุมประจำเดือน'],
    r12: ['done', 'ฎีกาทุกฉบับผ่านการตรวจตามรายการตรวจสอบ ไม่มีข้อทักท้วง'],
  },
]

/** The demo agency's FY2566 register: nine published risks, their control measures, both monitoring rounds, and the evidence links. */
export async function loadRisksDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  const measures = report.measures
  const plan10 = report.plans.some((p) => p.indicator === 10)
  await inOrg(deps.db, org.id, async (tx) => {
    const unitIds = new Map((await tx.select({ id: units.id, nameTh: units.nameTh }).from(units)).map((u) => [u.nameTh, u.id]))
    for (const [k, d] of DEMO_RISKS.entries()) {
      const [r] = await tx
        .insert(risks)
        .values({
          orgId: org.id, fiscalYear: 2566, seq: k + 1, area: d.area, process: d.process, event: d.event, cause: d.cause, likelihood: d.l, impact: d.i, existingControls: d.existing,
          indicator: d.indicator, target: d.target, residualLikelihood: d.rl, residualImpact: d.ri, ownerUnitId: unitIds.get(d.unit) ?? null, reviewOn: '2023-09-30',
          status: 'published', publishedAt: new Date('2022-11-30T10:00:00+07:00'), createdAt: new Date('2022-11-15T10:00:00+07:00'),
        })
        .returning({ id: risks.id })
      const controls = d.measures.flatMap((n) => {
        const m = measures[n - 1]
        return m ? [{ orgId: org.id, riskId: r!.id, measureId: m.id, measureTitle: m.title.slice(0, 1000) }] : []
      })
      if (controls.length) await tx.insert(riskControls).values(controls)
      await tx.insert(riskMonitoring).values([
        { orgId: org.id, riskId: r!.id, round: 6, status: d.r6[0], note: d.r6[1], recordedOn: '2023-03-31' },
        { orgId: org.id, riskId: r!.id, round: 12, status: d.r12[0], note: d.r12[1], recordedOn: '2023-09-29' },
      ])
    }
    const links = [
      ...(plan10 ? [{ sourceType: REGISTER_TYPE, targetType: 'assessment.plan', targetId: '2566:10' }, { sourceType: MONITORING_TYPE, targetType: 'assessment.plan', targetId: '2566:10' }] : []),
      { sourceType: REGISTER_TYPE, targetType: 'disclosure.item', targetId: '2566:O34' },
      { sourceType: MONITORING_TYPE, targetType: 'disclosure.item', targetId: '2566:O35' },
    ]
    await tx.insert(evidenceLinks).values(links.map((l) => ({ orgId: org.id, sourceId: '2566', fiscalYear: 2566, ...l }))).onConflictDoNothing()
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'risks.demo', entityType: 'risk_register', details: { fiscalYear: 2566, risks: DEMO_RISKS.length, links: links.length } })
  })
}
