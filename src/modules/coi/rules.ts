// The rules this module rests on, as data with their confidence and source (../shared/rules/coi.md).
// Marks: 'high' = primary text, 'medium' = good secondary source, 'unverified' = not found in a
// primary source. Nothing here is encoded as a legal test; the pages show what is unverified.

export type RuleConfidence = 'high' | 'medium' | 'unverified'
export type CoiRule = { id: string; th: string; en: string; confidence: RuleConfidence; source: string }

export const COI_RULES: readonly CoiRule[] = [
  {
    id: 'covered',
    th: 'เจ้าหน้าที่ของรัฐตาม พ.ร.ป. ว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561 รวมข้าราชการหรือพนักงานส่วนท้องถิ่น ผู้บริหารท้องถิ่น รองผู้บริหาร ผู้ช่วยผู้บริหาร และสมาชิกสภาท้องถิ่น',
    en: 'State officials under the 2561 organic act on anti-corruption include local officials and employees, local executives, their deputies and assistants, and local council members',
    confidence: 'medium',
    source: 'slideplayer.in.th/amp/17565744 (สำนักงาน ป.ป.ช. ประจำจังหวัดจันทบุรี); ราชกิจจานุเบกษา เล่ม 135 ตอนที่ 52 ก',
  },
  {
    id: 'shared-interest',
    th: '"ผู้มีผลประโยชน์ร่วมกัน" ตามระเบียบกระทรวงการคลังฯ ข้อ 4 ตีความตามหนังสือกรมบัญชีกลาง ด่วนที่สุด ที่ กค (กวจ) 0405.2/ว 220 ลงวันที่ 7 พฤษภาคม 2561',
    en: '"Persons with a shared interest" (procurement regulation clause 4) as interpreted by Comptroller General circular กค (กวจ) 0405.2/ว 220 of 7 May 2561',
    confidence: 'medium',
    source: 'ops.sueksa.go.th/21/05/2018/',
  },
  {
    id: 'integrity-pact',
    th: 'ข้อตกลงคุณธรรม (Integrity Pact) และผู้สังเกตการณ์ ตามหนังสือกรมบัญชีกลาง ด่วนที่สุด ที่ กค 0419.4/ว 443 ลงวันที่ 28 กันยายน 2561',
    en: 'Integrity Pact and observers: Comptroller General circular กค 0419.4/ว 443 of 28 Sep 2561',
    confidence: 'medium',
    source: 'ops.sueksa.go.th/12/10/2018/0419-4-ว-443/',
  },
  {
    id: 'prohibited-interests',
    th: 'ข้อห้ามเป็นคู่สัญญาหรือมีส่วนได้เสียในสัญญากับรัฐ (มาตรา 126–127 พ.ร.ป. 2561): ยังไม่พบตัวบทจากราชกิจจานุเบกษา',
    en: 'Bans on being party to or holding an interest in state contracts (ss. 126–127 of the 2561 act): the Gazette text was not found',
    confidence: 'unverified',
    source: '../shared/rules/coi.md §2 [?]',
  },
  {
    id: 'committee-form',
    th: 'แบบแสดงความบริสุทธิ์ใจ/ไม่มีส่วนได้เสียของกรรมการจัดซื้อจัดจ้าง: ไม่พบแบบฟอร์มทางราชการ ช่องข้อมูลในระบบอนุมานจากแนวปฏิบัติ (โครงการ บทบาทในคณะกรรมการ ผู้เสนอราคาที่ตรวจ ส่วนได้เสียที่เปิดเผย วันที่)',
    en: 'Committee members’ declaration of no interest: no official form was found; the fields are an inference (project, committee role, bidders checked, interests disclosed, date)',
    confidence: 'unverified',
    source: '../shared/rules/coi.md §3 [?] (suggested fields, an inference only)',
  },
  {
    id: 'outside-work',
    th: 'การรับงานนอก: ไม่พบประกาศ ป.ป.ช. หรือระเบียบท้องถิ่นที่กำหนดเรื่องนี้โดยตรง ระบบให้เปิดเผยไว้เพื่อผู้บริหารพิจารณา',
    en: 'Outside work: no NACC announcement or local-government rule was found; it is declared for the executive to consider',
    confidence: 'unverified',
    source: '../shared/rules/coi.md §2 [?]',
  },
]

/** The rule that says the committee form is an inference (shown on the appointment form). */
export const COMMITTEE_FORM_RULE = COI_RULES.find((r) => r.id === 'committee-form')!
