import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { inOrg, type Tx } from '../../db/client.js'
import type { AppDeps } from '../../platform/http/context.js'
import { appendAudit } from '../../platform/audit/audit.js'
import { files } from '../../platform/files/files.schema.js'
import { markdownToText } from '../../platform/ui/markdown.js'
import { portalDocuments, portalExecutives, portalPostFiles, portalPosts, portalProfiles, portalQuestions, type DocCategory, type PostCategory } from './portal.schema.js'
import { searchValuesFor } from './search.js'

// Demo content: enough realistic Thai material that เทศบาลตำบลพนมรุ้ง's FY2566 OIT map is mostly
// complete, with a few honest gaps (service statistics, e-service, a stale ethics assessment, and
// the items other modules answer until those modules publish their pages).

/** A one-page PDF (Latin text only; the Thai title is in the record). */
export function tinyPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '')
  const stream = `BT /F1 14 Tf 50 780 Td (${safe}) Tj ET`
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objs.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => String(o).padStart(10, '0') + ' 00000 n \n').join('')}`
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/**
 * A demo evidence document: a real Thai PDF committed in demo-evidence/ (built once by
 * scripts/build-demo-evidence.ts: agency, fiscal year, what was done with figures, date, signature),
 * so the demo shows what good evidence looks like; never rendered at start.
 */
export function demoEvidence(file: string): Buffer {
  return readFileSync(new URL(`./demo-evidence/${file}`, import.meta.url))
}

/** A small solid-colour PNG (a placeholder portrait). */
export function tinyPng(w: number, h: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const c = Buffer.alloc(4)
    c.writeUInt32BE(crc(td))
    return Buffer.concat([len, td, c])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3).map((_, i) => rgb[i % 3]!)])
  const raw = Buffer.concat(Array.from({ length: h }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

async function storeFile(tx: Tx, orgId: string, name: string, contentType: string, data: Buffer): Promise<string> {
  const [f] = await tx.insert(files).values({ orgId, name, contentType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data, isPublic: true }).returning({ id: files.id })
  return f!.id
}

// B.E. date → Date (Bangkok time, 09:00).
const be = (y: number, m: number, d: number) => new Date(`${y - 543}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T09:00:00+07:00`)

export type DemoPost = { category: PostCategory; title: string; body: string; at: Date; fy: number; oit?: string[]; attach?: string }
export type DemoDoc = { category: DocCategory; title: string; desc: string; fy: number; oit: string[]; file: string }

export const POSTS: DemoPost[] = [
  { category: 'announcement', title: 'ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. 2566', body: 'เทศบาลตำบลพนมรุ้งประกาศเจตนารมณ์ว่า **ผู้บริหารและพนักงานทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิด** จากการปฏิบัติหน้าที่\n\nลงนามโดยนายกเทศมนตรีตำบลพนมรุ้ง', at: be(2565, 10, 3), fy: 2566, oit: ['O31'], attach: 'no-gift-policy-2566.pdf' },
  { category: 'announcement', title: 'ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2566', body: 'จากผลการวิเคราะห์การประเมิน ITA ปี 2565 เทศบาลกำหนดมาตรการ ดังนี้\n\n1. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ\n2. มาตรการป้องกันการรับสินบน\n3. มาตรการป้องกันการขัดกันระหว่างผลประโยชน์\n4. มาตรการตรวจสอบการใช้ดุลพินิจ', at: be(2566, 1, 16), fy: 2566, oit: ['O42'], attach: 'ita-measures-2566.pdf' },
  { category: 'announcement', title: 'ประกาศรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้าง', body: 'เทศบาลตำบลพนมรุ้งรับสมัครพนักงานจ้างทั่วไป ตำแหน่งคนงานประจำรถขยะ จำนวน 2 อัตรา ผู้สนใจยื่นใบสมัครได้ที่สำนักปลัดเทศบาล', at: be(2566, 3, 1), fy: 2566 },
  { category: 'announcement', title: 'ประกาศการชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2566', body: 'ขอเชิญผู้เสียภาษีชำระภาษีที่ดินและสิ่งปลูกสร้างได้ที่กองคลัง ภายในเดือนเมษายน 2566 เวลาราชการ', at: be(2566, 2, 1), fy: 2566 },
  { category: 'procurement', title: 'ประกาศเชิญชวนประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5 ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)', body: 'ราคากลาง 1,250,000 บาท ผู้สนใจดูรายละเอียดได้ที่ระบบ e-GP\n\nกำหนดยื่นข้อเสนอ 20 มีนาคม 2566', at: be(2566, 3, 2), fy: 2566, oit: ['O20'], attach: 'e-bidding-road-moo5.pdf' },
  { category: 'procurement', title: 'ประกาศผู้ชนะการเสนอราคาจัดซื้อวัสดุสำนักงาน โดยวิธีเฉพาะเจาะจง', body: 'ผู้ได้รับการคัดเลือก ร้านพนมรุ้งพาณิชย์ ราคาที่ตกลง 48,500 บาท', at: be(2566, 4, 12), fy: 2566, oit: ['O20'] },
  { category: 'procurement', title: 'ประกาศผู้ชนะการเสนอราคาจ้างซ่อมแซมระบบประปาหมู่บ้าน หมู่ที่ 2', body: 'ผู้ได้รับการคัดเลือก หจก.ตาเป๊กการช่าง ราคาที่ตกลง 96,000 บาท', at: be(2566, 5, 8), fy: 2566, oit: ['O20'] },
  { category: 'pr', title: 'เทศบาลตำบลพนมรุ้งจัดกิจกรรมปลูกต้นไม้เนื่องในวันสิ่งแวดล้อมโลก', body: 'ผู้บริหาร พนักงาน และประชาชนร่วมปลูกต้นไม้ 500 ต้น บริเวณสวนสาธารณะประจำตำบล', at: be(2566, 6, 5), fy: 2566 },
  { category: 'pr', title: 'กิจกรรมรณรงค์สร้างวัฒนธรรมองค์กร "ไม่รับ ไม่ให้" (No Gift Policy)', body: 'จัดกิจกรรมให้ความรู้แก่พนักงานเรื่องการไม่รับของขวัญ พร้อมติดป้ายประชาสัมพันธ์ทุกจุดบริการ', at: be(2566, 2, 20), fy: 2566, oit: ['O32'] },
  { category: 'pr', title: 'โครงการอบรมคุณธรรมจริยธรรมและการป้องกันการทุจริตสำหรับพนักงานเทศบาล', body: 'อบรมพนักงาน 45 คน เรื่องประมวลจริยธรรม การขัดกันระหว่างผลประโยชน์ และแนวทาง Do & Don\'t', at: be(2566, 5, 24), fy: 2566, oit: ['O40'] },
  { category: 'pr', title: 'ประชาคมตำบลเพื่อจัดทำแผนพัฒนาท้องถิ่น', body: 'เปิดเวทีรับฟังความคิดเห็นประชาชนทั้ง 12 หมู่บ้าน เพื่อจัดลำดับความสำคัญของโครงการ', at: be(2566, 1, 28), fy: 2566 },
  { category: 'pr', title: 'ขอเชิญร่วมงานประเพณีขึ้นเขาพนมรุ้ง ประจำปี 2567', body: 'ขอเชิญชวนประชาชนร่วมงานประเพณีขึ้นเขาพนมรุ้ง ชมขบวนแห่และการแสดงแสง สี เสียง', at: be(2567, 3, 15), fy: 2567 },
]

export const DOCS: DemoDoc[] = [
  { category: 'plan', title: 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)', desc: 'แผนพัฒนาท้องถิ่นห้าปี ผ่านความเห็นชอบของสภาเทศบาล', fy: 2566, oit: ['O4'], file: 'local-development-plan-2566-2570.pdf' },
  { category: 'law', title: 'พระราชบัญญัติเทศบาล พ.ศ. 2496 และที่แก้ไขเพิ่มเติม', desc: 'กฎหมายจัดตั้งและกำหนดอำนาจหน้าที่ของเทศบาล', fy: 2566, oit: ['O6'], file: 'municipality-act-2496.pdf' },
  { category: 'law', title: 'พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540', desc: 'สิทธิของประชาชนในการเข้าถึงข้อมูลข่าวสารของราชการ', fy: 2566, oit: ['O6'], file: 'official-information-act-2540.pdf' },
  { category: 'plan', title: 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566', desc: 'โครงการ กิจกรรม งบประมาณ และระยะเวลาดำเนินการ', fy: 2566, oit: ['O11'], file: 'action-plan-2566.pdf' },
  { category: 'report', title: 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2566', desc: 'ความก้าวหน้าโครงการและงบประมาณที่ใช้ 1 ต.ค. 2565 – 31 มี.ค. 2566', fy: 2566, oit: ['O12'], file: 'six-month-report-2566.pdf' },
  { category: 'report', title: 'รายงานผลการดำเนินงานประจำปี พ.ศ. 2565', desc: 'ผลการดำเนินงานตามแผนประจำปีงบประมาณ พ.ศ. 2565', fy: 2565, oit: ['O13'], file: 'annual-report-2565.pdf' },
  { category: 'manual', title: 'คู่มือการปฏิบัติงานการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง', desc: 'ขั้นตอนการปฏิบัติงานของกองคลัง', fy: 2566, oit: ['O14'], file: 'tax-work-manual.pdf' },
  { category: 'manual', title: 'คู่มือการให้บริการประชาชน (การขออนุญาตก่อสร้างอาคาร และการจดทะเบียนพาณิชย์)', desc: 'ชื่องาน ขั้นตอน ระยะเวลา ค่าธรรมเนียม และเอกสารที่ใช้', fy: 2566, oit: ['O15'], file: 'service-manual.pdf' },
  { category: 'report', title: 'รายงานผลการสำรวจความพึงพอใจการให้บริการ ประจำปีงบประมาณ พ.ศ. 2566', desc: 'ผลสำรวจความพึงพอใจของผู้รับบริการ 400 ราย', fy: 2566, oit: ['O17'], file: 'satisfaction-2566.pdf' },
  { category: 'plan', title: 'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2566', desc: 'แผนการจัดซื้อจัดจ้างที่เผยแพร่ในระบบ e-GP', fy: 2566, oit: ['O19'], file: 'procurement-plan-2566.pdf' },
  { category: 'report', title: 'สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.1) ตุลาคม 2565 – มิถุนายน 2566', desc: 'งานที่จัดซื้อจัดจ้าง วงเงิน ราคากลาง วิธีซื้อ/จ้าง ผู้ได้รับคัดเลือก และเหตุผล', fy: 2566, oit: ['O21'], file: 'sorkhor1-2566.pdf' },
  { category: 'report', title: 'รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. 2565', desc: 'สรุปผล ปัญหา อุปสรรค และแนวทางแก้ไข', fy: 2565, oit: ['O22'], file: 'procurement-report-2565.pdf' },
  { category: 'plan', title: 'นโยบายการบริหารทรัพยากรบุคคล ประจำปี พ.ศ. 2566', desc: 'นโยบายด้านการสรรหา พัฒนา และรักษาบุคลากร', fy: 2566, oit: ['O23'], file: 'hr-policy-2566.pdf' },
  { category: 'report', title: 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล ประจำปี พ.ศ. 2566', desc: 'ผลการดำเนินการตามนโยบาย', fy: 2566, oit: ['O24'], file: 'hr-actions-2566.pdf' },
  { category: 'manual', title: 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล', desc: 'หลักเกณฑ์การสรรหา การแต่งตั้ง การพัฒนา การประเมินผล', fy: 2566, oit: ['O25'], file: 'hr-criteria.pdf' },
  { category: 'report', title: 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี พ.ศ. 2565', desc: 'ผลการบริหารและพัฒนาบุคลากร', fy: 2565, oit: ['O26'], file: 'hr-report-2565.pdf' },
  { category: 'manual', title: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', desc: 'วิธีการร้องเรียน ขั้นตอน ส่วนงานที่รับผิดชอบ และระยะเวลาดำเนินการ', fy: 2566, oit: ['O27'], file: 'complaint-guideline.pdf' },
  { category: 'report', title: 'รายงานการเปิดโอกาสให้ประชาชนมีส่วนร่วม (ประชาคมแผนพัฒนาท้องถิ่น ปี 2566)', desc: 'ภาพกิจกรรมและผลการประชาคม', fy: 2566, oit: ['O30'], file: 'participation-2566.pdf' },
  { category: 'report', title: 'รายงานผลตามนโยบาย No Gift Policy ประจำปี พ.ศ. 2566', desc: 'การรับของขวัญและการดำเนินการ (ไม่มีการรับ)', fy: 2566, oit: ['O33'], file: 'no-gift-report-2566.pdf' },
  { category: 'report', title: 'การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปี พ.ศ. 2566', desc: 'ความเสี่ยงด้านการอนุมัติอนุญาต การใช้งบประมาณ และการจัดซื้อจัดจ้าง', fy: 2566, oit: ['O34'], file: 'risk-assessment-2566.pdf' },
  { category: 'report', title: 'การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต ประจำปี พ.ศ. 2566', desc: 'มาตรการและผลการจัดการความเสี่ยง', fy: 2566, oit: ['O35'], file: 'risk-actions-2566.pdf' },
  { category: 'plan', title: 'แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566–2570)', desc: 'แผนปฏิบัติการป้องกันการทุจริตสี่ปี', fy: 2566, oit: ['O36'], file: 'anti-corruption-plan.pdf' },
  { category: 'report', title: 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน ปี พ.ศ. 2566', desc: 'ความก้าวหน้าของแผนป้องกันการทุจริต', fy: 2566, oit: ['O37'], file: 'anti-corruption-6m-2566.pdf' },
  { category: 'report', title: 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี พ.ศ. 2565', desc: 'ผลการดำเนินการตามแผนป้องกันการทุจริต', fy: 2565, oit: ['O38'], file: 'anti-corruption-report-2565.pdf' },
  { category: 'law', title: 'ประมวลจริยธรรมพนักงานเทศบาลตำบลพนมรุ้ง', desc: 'ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ', fy: 2566, oit: ['O39'], file: 'code-of-ethics.pdf' },
  { category: 'report', title: 'ผลการประเมินจริยธรรมเจ้าหน้าที่ของรัฐ ประจำปี พ.ศ. 2564', desc: 'ผลการประเมินพฤติกรรมทางจริยธรรม (ยังไม่ได้จัดทำของปีปัจจุบัน)', fy: 2564, oit: ['O41'], file: 'ethics-assessment-2564.pdf' },
]

const PROFILE = {
  historyMd: 'เทศบาลตำบลพนมรุ้งยกฐานะจากสุขาภิบาลเป็นเทศบาลตำบลเมื่อ พ.ศ. 2542 ตั้งอยู่เชิงเขาพนมรุ้ง ภูเขาไฟที่ดับแล้ว ซึ่งเป็นที่ตั้งของปราสาทหินพนมรุ้ง\n\nพื้นที่ 36 ตารางกิโลเมตร 12 หมู่บ้าน ประชากรประมาณ 8,400 คน',
  visionMd: '## วิสัยทัศน์\n\n"พนมรุ้งน่าอยู่ เศรษฐกิจชุมชนเข้มแข็ง บริหารโปร่งใส ใส่ใจประชาชน"\n\n## พันธกิจ\n\n1. พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐาน\n2. ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม\n3. บริหารงานอย่างโปร่งใส ตรวจสอบได้',
  dutiesMd: 'เทศบาลตำบลพนมรุ้งมีหน้าที่ตามพระราชบัญญัติเทศบาล พ.ศ. 2496 มาตรา 50 และมาตรา 51 และพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจฯ พ.ศ. 2542 มาตรา 16 เช่น\n\n- รักษาความสงบเรียบร้อยของประชาชน\n- ให้มีและบำรุงทางบกและทางน้ำ\n- รักษาความสะอาดของถนน ทางเดิน และที่สาธารณะ รวมทั้งการกำจัดขยะมูลฝอย\n- ป้องกันและระงับโรคติดต่อ\n- ให้ราษฎรได้รับการศึกษาอบรม\n- บำรุงศิลปะ จารีตประเพณี ภูมิปัญญาท้องถิ่น และวัฒนธรรมอันดีของท้องถิ่น',
  accessibilityMd: 'เว็บไซต์นี้ออกแบบตามแนวทาง WCAG 2.1 ระดับ AA ใช้งานได้ด้วยแป้นพิมพ์ โปรแกรมอ่านหน้าจอ และโทรศัพท์มือถือ ทุกหน้าใช้งานได้แม้ปิด JavaScript\n\nหากพบปัญหาการเข้าถึง แจ้งได้ที่ saraban@phanomrung.example หรือโทร 044-000-000',
  privacyMd: '## นโยบายคุ้มครองข้อมูลส่วนบุคคล\n\nเทศบาลตำบลพนมรุ้งเก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลเท่าที่จำเป็นตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562\n\n- **ข้อมูลที่เก็บ**: ชื่อที่ท่านระบุในกระดานถาม-ตอบ และข้อมูลที่ท่านให้เมื่อร้องเรียน\n- **วัตถุประสงค์**: เพื่อตอบคำถามและดำเนินการตามคำร้อง\n- **สิทธิของท่าน**: ขอเข้าถึง แก้ไข ลบ หรือคัดค้านการประมวลผลข้อมูลได้\n- **ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล**: saraban@phanomrung.example',
  cookiesMd: 'เว็บไซต์ใช้คุกกี้ที่จำเป็นเท่านั้น ได้แก่ คุกกี้ป้องกันการปลอมแปลงคำขอ (CSRF) คุกกี้ภาษา และคุกกี้การเข้าสู่ระบบของเจ้าหน้าที่ ไม่มีคุกกี้โฆษณาหรือคุกกี้ติดตามจากบุคคลภายนอก',
  mapUrl: 'https://www.openstreetmap.org/?mlat=14.5319&mlon=102.9423#map=15/14.5319/102.9423',
  surveyUrl: null,
  socialLinks: [{ label: 'Facebook เทศบาลตำบลพนมรุ้ง', url: 'https://www.facebook.com/phanomrung.example' }],
}

const EXECUTIVES = [
  { name: 'สมชาย ผู้บริหาร', position: 'นายกเทศมนตรีตำบลพนมรุ้ง', branch: 'political' as const, phone: '044-000-010', color: [11, 79, 138] as [number, number, number] },
  { name: 'บุญเรือน ใจดี', position: 'รองนายกเทศมนตรีตำบลพนมรุ้ง', branch: 'political' as const, phone: '044-000-011', color: [19, 111, 58] as [number, number, number] },
  { name: 'ประยูร ตั้งมั่น', position: 'ปลัดเทศบาลตำบลพนมรุ้ง', branch: 'permanent' as const, phone: '044-000-012', color: [122, 75, 0] as [number, number, number] },
]

const QUESTIONS = [
  { askerName: 'ชาวบ้านหมู่ 3', question: 'ต้องการขออนุญาตต่อเติมบ้าน ต้องใช้เอกสารอะไรบ้างคะ', answerMd: 'ใช้สำเนาบัตรประชาชน สำเนาทะเบียนบ้าน สำเนาโฉนดที่ดิน และแบบแปลน ยื่นได้ที่กองช่าง ดูรายละเอียดใน[คู่มือการให้บริการประชาชน](/o/phanomrung/documents/c/manual)' },
  { askerName: 'ผู้ประกอบการ', question: 'จะทราบประกาศจัดซื้อจัดจ้างของเทศบาลได้จากที่ใด', answerMd: 'ดูได้ที่หมวด "จัดซื้อจัดจ้าง" ในเมนูข่าวและประกาศ และในระบบ e-GP ของกรมบัญชีกลาง' },
  { askerName: 'นักเรียน', question: 'ห้องสมุดประชาชนเปิดวันเสาร์หรือไม่', answerMd: 'เปิดวันเสาร์ เวลา 09.00–16.00 น. ปิดวันอาทิตย์และวันหยุดนักขัตฤกษ์' },
]

export async function loadPortalDemo(deps: AppDeps, org: { id: string; slug: string }): Promise<void> {
  const full = org.slug === 'phanomrung'
  await inOrg(deps.db, org.id, async (tx) => {
    await tx.insert(portalProfiles).values({ orgId: org.id, ...PROFILE, mapUrl: full ? PROFILE.mapUrl : null })
    for (const [i, e] of (full ? EXECUTIVES : EXECUTIVES.slice(0, 1)).entries()) {
      const photoFileId = await storeFile(tx, org.id, `executive-${i + 1}.png`, 'image/png', tinyPng(120, 150, e.color))
      await tx.insert(portalExecutives).values({ orgId: org.id, name: e.name, position: e.position, branch: e.branch, phone: e.phone, photoFileId, sortOrder: i })
    }
    for (const p of full ? POSTS : POSTS.slice(7, 9)) {
      const [row] = await tx
        .insert(portalPosts)
        .values({ orgId: org.id, category: p.category, title: p.title, bodyMd: p.body, publishAt: p.at, fiscalYear: p.fy, oitCodes: p.oit ?? [], ...searchValuesFor(p.title, markdownToText(p.body)), createdAt: p.at, updatedAt: p.at })
        .returning({ id: portalPosts.id })
      if (p.attach) {
        const fileId = await storeFile(tx, org.id, p.attach, 'application/pdf', demoEvidence(p.attach))
        await tx.insert(portalPostFiles).values({ orgId: org.id, postId: row!.id, fileId })
      }
    }
    if (full) {
      for (const d of DOCS) {
        const fileId = await storeFile(tx, org.id, d.file, 'application/pdf', demoEvidence(d.file))
        const at = be(d.fy - 1, 12, 15)
        await tx.insert(portalDocuments).values({ orgId: org.id, category: d.category, title: d.title, descriptionMd: d.desc, fiscalYear: d.fy, fileId, oitCodes: d.oit, publishedAt: at, ...searchValuesFor(d.title, d.desc, d.file) })
      }
      for (const q of QUESTIONS) await tx.insert(portalQuestions).values({ orgId: org.id, ...q, status: 'published', answeredAt: new Date() })
    }
    await appendAudit(tx, { orgId: org.id, action: 'demo.load', entityType: 'portal', entityId: org.id, actorLabel: 'demo' })
  })
}
