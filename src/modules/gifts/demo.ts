import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import { orgs } from '../../platform/orgs/orgs.schema.js'
import { people } from '../../platform/people/people.schema.js'
import { fiscalHalfOf } from '../../platform/thai/index.js'
import { loadReportData } from '../measures/index.js'
import { giftsNilReturns, giftsRecords, giftsReports } from './gifts.schema.js'
import { assessGift, type GiftAction, type Relation } from './rules.js'
import { roundStatusIn } from './returns.js'
import { summarize } from './reports.js'

type DemoGift = { person: string; receivedOn: string; giver: string; relation: Relation; generalGiving?: boolean; occasion: string; description: string; value: string; action: GiftAction; handedTo?: string; handedOn?: string; reportedTo?: string; reportedOn?: string; decision?: string; note?: string }

// FY2566 of เทศบาลตำบลพนมรุ้ง (names from src/app/demo-people.ts; givers invented).
const GIFTS: DemoGift[] = [
  { person: 'นายชัยวัฒน์ สื่อสาร', receivedOn: '2022-12-20', giver: 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขาพนมรุ้ง', relation: 'juristic', generalGiving: true, occasion: 'วันขึ้นปีใหม่ 2566', description: 'ปฏิทินตั้งโต๊ะและสมุดบันทึก (แจกทุกหน่วยงานในพื้นที่)', value: '150.00', action: 'kept' },
  { person: 'นางสาวกัญญา พูนผล', receivedOn: '2022-12-29', giver: 'ห้างหุ้นส่วนจำกัด พนมรุ้งวัสดุภัณฑ์', relation: 'juristic', occasion: 'วันขึ้นปีใหม่ 2566', description: 'กระเช้าผลไม้ 1 กระเช้า', value: '1200.00', action: 'kept', note: 'ต่ำกว่าเกณฑ์ 3,000 บาท นำไปแบ่งให้เจ้าหน้าที่ในกองคลัง' },
  { person: 'นายอนุชา สร้างงาม', receivedOn: '2023-01-03', giver: 'บริษัท รุ่งเรืองก่อสร้างบุรีรัมย์ จำกัด', relation: 'stakeholder', occasion: 'วันขึ้นปีใหม่ 2566', description: 'กระเช้าสินค้าและบัตรกำนัลห้างสรรพสินค้า มูลค่า 3,000 บาท', value: '4500.00', action: 'handed_over', handedTo: 'สำนักปลัดเทศบาล (งานธุรการ)', handedOn: '2023-01-05', reportedTo: 'นายสมชาย ผู้บริหาร', reportedOn: '2023-01-05', decision: 'ให้ส่งมอบเป็นของเทศบาล นำบัตรกำนัลไปใช้จัดซื้อของรางวัลงานวันเด็กแห่งชาติ 2566 และแจ้งผู้ให้ทราบนโยบาย No Gift Policy', note: 'ผู้ให้เป็นคู่สัญญาโครงการก่อสร้างถนน คสล. หมู่ 5' },
  { person: 'นางสาวปิยะนุช ตรงเวลา', receivedOn: '2023-04-11', giver: 'ร้านศรีพนมเครื่องเขียน', relation: 'stakeholder', occasion: 'วันสงกรานต์ 2566', description: 'ชุดของขวัญเครื่องเขียนและน้ำอบไทย', value: '2000.00', action: 'declined', note: 'ผู้ให้เป็นผู้เสนอราคาในการจัดซื้อวัสดุสำนักงาน ปฏิเสธและแจ้งนโยบาย No Gift Policy' },
  { person: 'นายธนพล รักษ์ธรรม', receivedOn: '2023-06-10', giver: 'นางสาวสุนีย์ รักษ์ธรรม (น้องสาว)', relation: 'relative', occasion: 'ทำบุญขึ้นบ้านใหม่', description: 'ชุดเครื่องนอนและเครื่องใช้ไฟฟ้า', value: '5200.00', action: 'kept' },
]
/** Seed indicator 10 (การป้องกันการทุจริต) promises the No Gift Policy and a gift report every 6 months. */
export const INDICATOR = 10
/** The OIT item "รายงานผลตามนโยบาย No Gift Policy" in the 2566 framework. */
export const OIT_REPORT_ITEM = 'O33'

// Who had not answered the half when the report was made (everyone else filed a nil return).
const UNANSWERED: Record<1 | 2, string[]> = { 1: [], 2: ['นางบุษบา อ่อนละมุน'] }
const NOTES: Record<1 | 2, string> = {
  1: 'เทศบาลตำบลพนมรุ้งประกาศนโยบาย No Gift Policy เมื่อต้นปีงบประมาณ และถ่ายทอดนโยบายในการประชุมประจำเดือนทุกเดือน ในรอบนี้มีการรับของขวัญตามเทศกาลปีใหม่ที่ไม่เกินเกณฑ์ และมีกระเช้าจากคู่สัญญาที่เกินเกณฑ์ 1 รายการ ซึ่งรายงานนายกเทศมนตรีและส่งมอบเป็นของเทศบาลแล้ว',
  2: 'ในรอบนี้มีการปฏิเสธของขวัญจากผู้เสนอราคา 1 รายการ และรับของจากญาติในโอกาสส่วนตัว 1 รายการ บุคลากรแจ้งไม่ได้รับครบทุกคน ยกเว้น 1 คนที่ลาคลอดตลอดรอบ ซึ่งจะติดตามให้แจ้งย้อนหลัง',
}

/** The demo agency's FY2566: five gifts, nil returns from nearly everyone, both half-year reports published and linked as evidence. */
export async function loadGiftsDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  if (org.slug !== 'phanomrung') return
  const reportIds = await inOrg(deps.db, org.id, async (tx) => {
    const staff = await tx.select({ id: people.id, fullName: people.fullName, userId: people.userId }).from(people)
    const idOf = new Map(staff.map((p) => [p.fullName, p.id]))
    for (const g of GIFTS) {
      const personId = idOf.get(g.person)
      if (!personId) continue
      const { fiscalYear, half } = fiscalHalfOf(g.receivedOn)
      const assessment = assessGift({ fiscalYear, relation: g.relation, generalGiving: !!g.generalGiving, value: g.value }).assessment
      await tx.insert(giftsRecords).values({ orgId: org.id, personId, receivedOn: g.receivedOn, fiscalYear, half, giver: g.giver, relation: g.relation, generalGiving: !!g.generalGiving, occasion: g.occasion, customary: true, description: g.description, valueBaht: g.value, action: g.action, handedTo: g.handedTo ?? null, handedOn: g.handedOn ?? null, reportedTo: g.reportedTo ? (idOf.get(g.reportedTo) ?? null) : null, reportedOn: g.reportedOn ?? null, decision: g.decision ?? null, note: g.note ?? '', assessment })
    }
    const ids: string[] = []
    for (const half of [1, 2] as const) {
      const before = await roundStatusIn(tx, 2566, half)
      const filers = before.respondents.filter((r) => r.answer === 'none' && !UNANSWERED[half].includes(r.person.fullName))
      const filedAt = new Date(half === 1 ? '2023-04-07T10:00:00+07:00' : '2023-10-06T10:00:00+07:00')
      if (filers.length) await tx.insert(giftsNilReturns).values(filers.map((r) => ({ orgId: org.id, personId: r.person.id, fiscalYear: 2566, half, via: r.person.userId ? ('account' as const) : ('link' as const), filedBy: r.person.userId, filedAt })))
      const round = await roundStatusIn(tx, 2566, half)
      const gifts = (await tx.select().from(giftsRecords).where(eq(giftsRecords.fiscalYear, 2566))).filter((g) => g.half === half)
      const [r] = await tx
        .insert(giftsReports)
        .values({ orgId: org.id, fiscalYear: 2566, half, status: 'published', note: NOTES[half], summary: summarize(gifts, round), publishedAt: new Date(half === 1 ? '2023-04-28T14:00:00+07:00' : '2023-10-27T14:00:00+07:00') })
        .returning({ id: giftsReports.id })
      ids.push(r!.id)
    }
    await appendAudit(tx, { orgId: org.id, actorLabel: 'demo', action: 'gifts.demo', entityType: 'gifts_record', details: { gifts: GIFTS.length, reports: ids.length } })
    return ids
  })
  // Evidence for indicator 10 of the seed report and its OIT item: both reports for "รายงานผลตามนโยบาย
  // No Gift Policy" (O33 in the 2566 framework), indicator 10's improvement plan, and the indicator-10
  // measure's activity about the six-monthly gift report (read through the measures API).
  const [o] = await deps.db.select().from(orgs).where(eq(orgs.id, org.id))
  if (!o) return
  const report = await loadReportData(deps.db, o, 2566, { approvedOnly: false })
  const ind10 = report.measures.filter((m) => m.indicatorNumbers.includes(INDICATOR))
  const activities = (ind10.length ? ind10 : report.measures).flatMap((m) => m.activities)
  const activity = activities.find((a) => a.title.includes('รายงานผลการรับของขวัญ')) ?? activities.find((a) => a.title.includes('ของขวัญ') || a.title.includes('ของกำนัล'))
  const targets = [
    { targetType: 'disclosure.item', targetId: `2566:${OIT_REPORT_ITEM}` },
    { targetType: 'assessment.plan', targetId: `2566:${INDICATOR}` },
    ...(activity ? [{ targetType: 'measures.activity', targetId: activity.id }] : []),
  ]
  await inOrg(deps.db, org.id, async (tx) => {
    for (const id of reportIds) for (const t of targets) await tx.insert(evidenceLinks).values({ orgId: org.id, sourceType: 'gifts.report', sourceId: id, ...t, fiscalYear: 2566 })
  })
}
