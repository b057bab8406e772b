import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { people } from '../../platform/people/people.schema.js'
import { fiscalYearOf } from '../../platform/thai/index.js'
import { loadReportData } from '../measures/index.js'
import { coiDeclarations, coiInterests, coiMatters, coiRounds, type CommitteeRole, type DeclarationKind, type DeclarationStatus } from './coi.schema.js'
import type { InterestInput } from './declarations.js'
import { matchParties, parsePartyLines } from './matcher.js'

// FY2566 of เทศบาลตำบลพนมรุ้ง, the seed's measures 2 (ป้องกันการขัดกันระหว่างผลประโยชน์ส่วนตนกับ
// ผลประโยชน์ส่วนรวม) and 6 (training on ผลประโยชน์ทับซ้อน; "ลดการรับงานนอก"). People are those of
// src/app/demo-people.ts; companies, juristic IDs and the order number are invented for the demo.

type DemoDeclaration = { person: string; kind: DeclarationKind; on: string; status: DeclarationStatus; reviewNote?: string; committee?: { role: CommitteeRole; project: string; bidders: string; committee: 'procurement' | 'inspection' }; interests?: InterestInput[]; note?: string }

const BROTHER_FIRM: InterestInput = { kind: 'family', relation: 'sibling', holderName: 'นายวิชิต สร้างงาม', partyName: 'ห้างหุ้นส่วนจำกัด ส.สร้างงามการโยธา', juristicId: '0313556001234', detail: 'น้องชายเป็นหุ้นส่วนผู้จัดการ รับเหมาก่อสร้างถนนและอาคารในจังหวัดบุรีรัมย์' }
const ROAD = 'โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโคกเจริญ หมู่ที่ 5 (e-GP 66029123456)'
/** The bidders of the road project as the procurement officer typed them (the e-bidding list). */
export const ROAD_BIDDERS = ['บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด 0315558000789', 'หจก. ส. สร้างงาม การโยธา 0-3135-56001-23-4', 'ห้างหุ้นส่วนจำกัด พนมรุ้งวัสดุภัณฑ์'].join('\n')

export const DEMO_DECLARATIONS: DemoDeclaration[] = [
  { person: 'นายสมชาย ผู้บริหาร', kind: 'annual', on: '2022-10-17', status: 'submitted' },
  { person: 'นายบุญส่ง ศรีพนม', kind: 'annual', on: '2022-10-18', status: 'acknowledged', interests: [{ kind: 'business', relation: 'self', holderName: '', partyName: 'ร้านบุญส่งการเกษตร', juristicId: null, detail: 'กิจการส่วนตัว จำหน่ายปุ๋ยและเมล็ดพันธุ์ ไม่เคยเสนอราคากับเทศบาล' }] },
  { person: 'นางสาวจันทร์เพ็ญ ดวงดี', kind: 'annual', on: '2022-10-18', status: 'acknowledged' },
  { person: 'นายประยูร ทองมา', kind: 'annual', on: '2022-10-19', status: 'acknowledged' },
  { person: 'นายสุรพล แก้วใส', kind: 'annual', on: '2022-10-20', status: 'acknowledged' },
  { person: 'นางทองใบ มีสุข', kind: 'annual', on: '2022-10-20', status: 'acknowledged', interests: [{ kind: 'shareholding', relation: 'spouse', holderName: 'นายสมพงษ์ มีสุข', partyName: 'บริษัท ข้าวหอมพนมรุ้ง จำกัด', juristicId: '0315560000456', detail: 'คู่สมรสถือหุ้นร้อยละ 10 โรงสีข้าว' }] },
  { person: 'นายธนพล รักษ์ธรรม', kind: 'annual', on: '2022-10-14', status: 'acknowledged' },
  { person: 'นางพรทิพย์ ใจซื่อ', kind: 'annual', on: '2022-10-14', status: 'acknowledged' },
  { person: 'สมศรี ดูแลระบบ', kind: 'annual', on: '2022-10-21', status: 'acknowledged' },
  { person: 'วิภา ปฏิบัติการ', kind: 'annual', on: '2022-10-21', status: 'acknowledged' },
  { person: 'นางสาวกัญญา พูนผล', kind: 'annual', on: '2022-10-24', status: 'acknowledged', interests: [{ kind: 'other_position', relation: 'self', holderName: '', partyName: 'สหกรณ์ออมทรัพย์พนักงานเทศบาลจังหวัดบุรีรัมย์ จำกัด', juristicId: null, detail: 'กรรมการดำเนินการ (ไม่มีค่าตอบแทนประจำ)' }] },
  { person: 'มานี ผู้ติดตาม', kind: 'annual', on: '2022-10-24', status: 'acknowledged' },
  { person: 'นายอนุชา สร้างงาม', kind: 'annual', on: '2022-10-20', status: 'acknowledged', interests: [BROTHER_FIRM] },
  { person: 'นายสมบัติ ขยันยิ่ง', kind: 'annual', on: '2022-10-25', status: 'more_info', reviewNote: 'ขอให้ระบุเวลาที่รับจ้างและยืนยันว่าไม่ใช้รถยนต์ของเทศบาล', interests: [{ kind: 'outside_work', relation: 'self', holderName: '', partyName: 'ผู้ปกครองนักเรียนโรงเรียนบ้านโคกเจริญ', juristicId: null, detail: 'รับจ้างขับรถรับส่งนักเรียนช่วงเช้าและเย็น (รับงานนอก)' }] },
  { person: 'นายสมบัติ ขยันยิ่ง', kind: 'change', on: '2023-03-01', status: 'acknowledged', note: 'หลังการอบรมเรื่องผลประโยชน์ทับซ้อน ยุติการรับจ้างขับรถรับส่งนักเรียนตั้งแต่ 1 มีนาคม 2566' },
  { person: 'นางสาวรัตนา ศึกษาดี', kind: 'annual', on: '2022-10-26', status: 'acknowledged' },
  { person: 'ประเสริฐ นิติกร', kind: 'annual', on: '2022-10-14', status: 'acknowledged' },
  { person: 'นางสาวปิยะนุช ตรงเวลา', kind: 'annual', on: '2022-10-17', status: 'acknowledged' },
  { person: 'นายชัยวัฒน์ สื่อสาร', kind: 'annual', on: '2022-10-27', status: 'submitted' },
  {
    person: 'นางสาวปิยะนุช ตรงเวลา', kind: 'appointment', on: '2023-04-03', status: 'acknowledged',
    committee: { committee: 'procurement', role: 'secretary', project: 'จัดซื้อวัสดุสำนักงาน ประจำปีงบประมาณ 2566 (ครั้งที่ 2)', bidders: 'ร้านศรีพนมเครื่องเขียน\nห้างหุ้นส่วนจำกัด พนมรุ้งวัสดุภัณฑ์' },
  },
  {
    person: 'นายอนุชา สร้างงาม', kind: 'appointment', on: '2023-02-14', status: 'acknowledged', interests: [BROTHER_FIRM], reviewNote: 'รับทราบ ให้เปลี่ยนตัวประธานกรรมการตรวจรับพัสดุตามคำสั่งที่ 45/2566',
    committee: { committee: 'inspection', role: 'chair', project: ROAD, bidders: ROAD_BIDDERS },
  },
]
// Not declared in FY2566: a council member, the childcare teacher on maternity leave, the new PR assistant.
export const DEMO_MISSING = ['นายวีระ ชัยมงคล', 'นางบุษบา อ่อนละมุน', 'นางสาวอรวรรณ แจ้งข่าว']

export async function loadCoiDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  await inOrg(deps.db, org.id, async (tx) => {
    const staff = await tx.select({ id: people.id, fullName: people.fullName, userId: people.userId }).from(people)
    const idOf = new Map(staff.map((p) => [p.fullName, p.id]))
    const [exec] = await tx.select({ userId: people.userId }).from(people).where(eq(people.fullName, 'นายสมชาย ผู้บริหาร'))
    await tx.insert(coiRounds).values({ orgId: org.id, fiscalYear: 2566, dueOn: '2022-10-31' })
    const made = new Map<string, string>()
    for (const d of DEMO_DECLARATIONS) {
      const personId = idOf.get(d.person)
      if (!personId) continue
      const reviewed = d.status !== 'submitted'
      const [row] = await tx
        .insert(coiDeclarations)
        .values({
          orgId: org.id, personId, kind: d.kind, fiscalYear: fiscalYearOf(d.on), declaredOn: d.on, committee: d.committee?.committee ?? null, committeeRole: d.committee?.role ?? null,
          project: d.committee?.project ?? null, bidders: d.committee?.bidders ?? '', noInterest: !d.interests?.length, note: d.note ?? '', status: d.status, via: staff.find((s) => s.id === personId)?.userId ? 'self' : 'officer',
          reviewNote: d.reviewNote ?? '', reviewedBy: reviewed ? (exec?.userId ?? null) : null, reviewedAt: reviewed ? new Date(`${d.on}T15:00:00+07:00`) : null, createdAt: new Date(`${d.on}T10:00:00+07:00`),
        })
        .returning({ id: coiDeclarations.id })
      if (d.interests?.length) await tx.insert(coiInterests).values(d.interests.map((i, position) => ({ orgId: org.id, declarationId: row!.id, position, ...i })))
      made.set(`${d.person}:${d.kind}`, row!.id)
    }
    // The road project's bidders checked against its inspection committee: the chair's brother's partnership matches by juristic ID.
    const anucha = idOf.get('นายอนุชา สร้างงาม')
    const appointment = made.get('นายอนุชา สร้างงาม:appointment')
    if (anucha && appointment) {
      const interests = [{ personId: anucha, declarationId: appointment, ...BROTHER_FIRM }]
      for (const m of matchParties(interests, parsePartyLines(ROAD_BIDDERS)))
        await tx.insert(coiMatters).values({
          orgId: org.id, fiscalYear: 2566, personId: anucha, declarationId: appointment, project: ROAD, partyName: m.party.name, partyJuristicId: m.party.juristicId ?? null, matchedBy: m.by,
          interestSummary: [BROTHER_FIRM.holderName, BROTHER_FIRM.partyName, BROTHER_FIRM.detail].join(' · '), foundOn: '2023-02-15', status: 'resolved', resolution: 'replaced',
          resolutionNote: 'นายกเทศมนตรีมีคำสั่งเทศบาลตำบลพนมรุ้ง ที่ 45/2566 เปลี่ยนประธานกรรมการตรวจรับพัสดุเป็นนางพรทิพย์ ใจซื่อ รองปลัดเทศบาล นายอนุชาไม่ร่วมพิจารณาโครงการนี้',
          resolvedOn: '2023-02-16',
        })
    }
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'coi.demo', entityType: 'coi_declaration', details: { declarations: made.size } })
  })
  // The year's register as evidence for the activities of measures 2 and 6 (read through the measures API).
  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  await inOrg(deps.db, org.id, async (tx) => {
    for (const order of [2, 6]) {
      const measure = report.measures.find((m) => m.sortOrder === order)
      const activity = measure?.activities.find((a) => a.title.includes('ผลประโยชน์')) ?? measure?.activities[0]
      if (activity) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'coi.register', sourceId: '2566', targetType: 'measures.activity', targetId: activity.id, fiscalYear: 2566 })
    }
  })
}
