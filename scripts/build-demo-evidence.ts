// Builds the demo agency's evidence documents (Thai PDFs) once, into
// src/modules/portal/demo-evidence/; the PDFs are committed and the demo loads them as they are
// (nothing is rendered at start). Run again only when the demo documents change:
//   npx tsx scripts/build-demo-evidence.ts
// Each document shows what good OIT evidence looks like: the agency and the fiscal year in the
// heading, what was done with figures in a table, problems and next steps, a date and a signature.

import { mkdirSync, writeFileSync } from 'node:fs'
import { DOCS, POSTS, type DemoDoc, type DemoPost } from '../src/modules/portal/demo.js'
import { htmlToPdf } from '../src/platform/documents/pdf.js'
import { sarabunFontFaceCss } from '../src/platform/documents/fonts.js'
import { escapeHtml as esc } from '../src/platform/documents/html.js'
import { closeChromium } from '../src/platform/documents/chromium.js'
import { toThaiDigits as th } from '../src/platform/thai/numerals.js'

const OUT = new URL('../src/modules/portal/demo-evidence/', import.meta.url)
const ORG = 'เทศบาลตำบลพนมรุ้ง'
const PLACE = 'อำเภอเฉลิมพระเกียรติ จังหวัดบุรีรัมย์'
const MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม']
const thDate = (d: number, m: number, y: number) => th(`${d} ${MONTHS[m - 1]} พ.ศ. ${y}`)
const money = (n: number) => th(n.toLocaleString('en-US'))

type Section = { heading: string; paragraphs?: string[]; list?: string[]; table?: { head: string[]; rows: string[][] } }
type Doc = { file: string; kind: string; title: string; fy: number; summary: string; sections: Section[]; signedOn: [number, number, number]; signer: [string, string] }

const MAYOR: [string, string] = ['(นายสมชาย ผู้บริหาร)', 'นายกเทศมนตรีตำบลพนมรุ้ง']
const CLERK: [string, string] = ['(นายประยูร ตั้งมั่น)', 'ปลัดเทศบาลตำบลพนมรุ้ง']

/** A few activities of a year, with figures, in the words a tambon uses. */
function activityRows(topic: string, fy: number): string[][] {
  const base = [
    [`ประชุมชี้แจง${topic}แก่ผู้บริหารและพนักงาน`, 'ผู้เข้าร่วม ๔๐ คน', 'ผู้เข้าร่วม ๔๒ คน (ร้อยละ ๑๐๕)', '๕,๐๐๐'],
    [`จัดทำและเผยแพร่ประกาศ/คู่มือเรื่อง${topic}`, 'เผยแพร่ ๓ ช่องทาง', 'เว็บไซต์ บอร์ดประชาสัมพันธ์ และเสียงตามสาย', '๒,๕๐๐'],
    [`อบรมเชิงปฏิบัติการ${topic}`, 'ผู้เข้าอบรม ๓๕ คน', 'ผู้เข้าอบรม ๓๘ คน ผลทดสอบหลังอบรมเฉลี่ยร้อยละ ๘๖', '๑๕,๐๐๐'],
    ['ติดตามผลการดำเนินการรายไตรมาส', 'รายงาน ๔ ไตรมาส', `รายงานครบ ๔ ไตรมาส ปีงบประมาณ ${th(String(fy))}`, '–'],
    ['สำรวจความคิดเห็นผู้รับบริการ', 'ผู้ตอบ ๒๐๐ ราย', 'ผู้ตอบ ๒๑๔ ราย ความพึงพอใจเฉลี่ย ๔.๒๑ จาก ๕', '๓,๐๐๐'],
  ]
  return base
}

function docFor(d: DemoDoc): Doc {
  const fy = d.fy
  const topic = d.title.replace(/ประจำปี(งบประมาณ)?( พ\.ศ\.)? ?\d{4}|ปี(งบประมาณ)? พ\.ศ\. \d{4}|\(.*?\)/g, '').replace(/^(รายงานผล(การ)?|รายงาน|แผน|คู่มือ|การ)/, '').trim()
  const common = { file: d.file, title: d.title, fy, summary: d.desc }
  switch (d.category) {
    case 'report':
      return {
        ...common,
        kind: 'รายงาน',
        signedOn: [28, 10, fy],
        signer: MAYOR,
        sections: [
          { heading: '๑. หลักการและเหตุผล', paragraphs: [`${ORG}ดำเนินการเรื่อง${topic} ตามแผนการดำเนินงานประจำปีงบประมาณ พ.ศ. ${th(String(fy))} เพื่อให้การบริหารงานเป็นไปอย่างโปร่งใส ตรวจสอบได้ และประชาชนมีส่วนร่วม รายงานฉบับนี้สรุปผลการดำเนินงานระหว่างวันที่ ๑ ตุลาคม พ.ศ. ${th(String(fy - 1))} ถึงวันที่ ๓๐ กันยายน พ.ศ. ${th(String(fy))}`, d.desc] },
          { heading: '๒. วัตถุประสงค์', list: ['เพื่อรายงานผลการดำเนินงานต่อผู้บริหารและประชาชน', 'เพื่อนำผลไปปรับปรุงการดำเนินงานในปีงบประมาณถัดไป', 'เพื่อเปิดเผยข้อมูลต่อสาธารณะตามหลักธรรมาภิบาล'] },
          { heading: '๓. ผลการดำเนินงาน', table: { head: ['กิจกรรม', 'เป้าหมาย', 'ผลการดำเนินงาน', 'งบประมาณ (บาท)'], rows: activityRows(topic, fy) } },
          { heading: '๔. ปัญหาและอุปสรรค', list: ['ช่วงเดือนพฤษภาคม–มิถุนายนมีภารกิจเร่งด่วนด้านสาธารณภัย ทำให้บางกิจกรรมเลื่อนออกไป', 'ประชาชนบางส่วนยังเข้าถึงข้อมูลทางเว็บไซต์ได้น้อย'] },
          { heading: '๕. ข้อเสนอแนะและแนวทางในปีถัดไป', list: ['เพิ่มการประชาสัมพันธ์ผ่านผู้นำชุมชนและกลุ่มไลน์หมู่บ้าน', 'กำหนดผู้รับผิดชอบและวันแล้วเสร็จของแต่ละกิจกรรมให้ชัดเจน', 'รายงานความก้าวหน้าต่อที่ประชุมพนักงานทุกเดือน'] },
        ],
      }
    case 'plan':
      return {
        ...common,
        kind: 'แผน',
        signedOn: [15, 10, fy - 1],
        signer: MAYOR,
        sections: [
          { heading: '๑. บทนำ', paragraphs: [`${d.desc} จัดทำตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น โดยผ่านการประชุมคณะกรรมการพัฒนาท้องถิ่นและประชาคมตำบล`] },
          {
            heading: '๒. โครงการและงบประมาณ',
            table: {
              head: ['ลำดับ', 'โครงการ/กิจกรรม', 'งบประมาณ (บาท)', 'ระยะเวลา', 'หน่วยงานรับผิดชอบ'],
              rows: [
                ['๑', 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๕', money(1250000), 'ม.ค.–เม.ย.', 'กองช่าง'],
                ['๒', 'ซ่อมแซมระบบประปาหมู่บ้าน หมู่ที่ ๒', money(380000), 'พ.ย.–ธ.ค.', 'กองช่าง'],
                ['๓', 'อบรมคุณธรรมจริยธรรมและการป้องกันการทุจริต', money(15000), 'มี.ค.', 'สำนักปลัดเทศบาล'],
                ['๔', 'จัดเก็บภาษีที่ดินและสิ่งปลูกสร้างเชิงรุก', money(20000), 'ต.ค.–เม.ย.', 'กองคลัง'],
                ['๕', 'ส่งเสริมการท่องเที่ยวประเพณีขึ้นเขาพนมรุ้ง', money(250000), 'เม.ย.', 'สำนักปลัดเทศบาล'],
              ],
            },
          },
          { heading: '๓. การติดตามและประเมินผล', paragraphs: ['คณะกรรมการติดตามและประเมินผลแผนพัฒนาท้องถิ่นติดตามผลรอบ ๖ เดือนและรอบ ๑๒ เดือน และรายงานต่อสภาเทศบาลและประชาชน'] },
        ],
      }
    case 'manual':
    case 'law':
      return {
        ...common,
        kind: d.category === 'law' ? 'กฎหมายและระเบียบ' : 'คู่มือ',
        signedOn: [1, 11, fy - 1],
        signer: CLERK,
        sections: [
          { heading: '๑. สาระสำคัญ', paragraphs: [`${d.desc} ${ORG}รวบรวมไว้เพื่อให้พนักงานและประชาชนใช้อ้างอิงได้ ฉบับนี้ปรับปรุงล่าสุดเมื่อ${thDate(1, 11, fy - 1)}`] },
          {
            heading: '๒. ขั้นตอนและระยะเวลา',
            table: {
              head: ['ขั้นตอน', 'รายละเอียด', 'ระยะเวลา', 'ผู้รับผิดชอบ'],
              rows: [
                ['๑', 'รับคำขอและตรวจสอบเอกสาร', '๑๕ นาที', 'เจ้าหน้าที่ธุรการ'],
                ['๒', 'พิจารณาตามหลักเกณฑ์ที่กำหนด', '๑ วันทำการ', 'หัวหน้างาน'],
                ['๓', 'เสนอผู้มีอำนาจลงนาม', '๑ วันทำการ', 'ผู้อำนวยการกอง'],
                ['๔', 'แจ้งผลแก่ผู้ยื่นคำขอ', 'ภายใน ๗ วันทำการ', 'เจ้าหน้าที่ธุรการ'],
              ],
            },
          },
          { heading: '๓. เอกสารที่ใช้', list: ['สำเนาบัตรประจำตัวประชาชน', 'สำเนาทะเบียนบ้าน', 'เอกสารอื่นตามประเภทของคำขอ'] },
          { heading: '๔. ช่องทางติดต่อและร้องเรียน', paragraphs: ['สำนักงานเทศบาลตำบลพนมรุ้ง โทร ๐๔๔-๐๐๐-๐๐๐ ในวันและเวลาราชการ หรือทางเว็บไซต์ของเทศบาล เมนูช่องทางร้องเรียน'] },
        ],
      }
    default:
      return {
        ...common,
        kind: 'ประกาศ',
        signedOn: [3, 10, fy - 1],
        signer: MAYOR,
        sections: [{ heading: '', paragraphs: [d.desc, 'จึงประกาศให้ทราบโดยทั่วกัน'] }],
      }
  }
}

function docForPost(p: DemoPost): Doc {
  const at = p.at
  const [y, m, d] = [at.getFullYear() + 543, at.getMonth() + 1, at.getDate()]
  const paragraphs = p.body.split(/\n\n+/).map((x) => x.replace(/\*\*/g, ''))
  return {
    file: p.attach!,
    kind: p.category === 'procurement' ? 'ประกาศจัดซื้อจัดจ้าง' : 'ประกาศ',
    title: p.title,
    fy: p.fy,
    summary: '',
    signedOn: [d, m, y],
    signer: MAYOR,
    sections: [
      { heading: '', paragraphs: [`ด้วย${ORG} ${PLACE} ขอประกาศเรื่อง${p.title.replace(/^ประกาศ/, '')} รายละเอียดดังนี้`, ...paragraphs] },
      ...(p.category === 'procurement'
        ? [{ heading: 'รายละเอียดโดยสรุป', table: { head: ['รายการ', 'ราคากลาง (บาท)', 'วิธีจัดหา', 'แหล่งข้อมูล'], rows: [[p.title.replace(/^ประกาศ/, ''), '๑,๒๕๐,๐๐๐', 'ตามระเบียบกระทรวงการคลังฯ พ.ศ. ๒๕๖๐', 'ระบบ e-GP กรมบัญชีกลาง']] } }]
        : [{ heading: 'ผลที่คาดว่าจะได้รับ', list: ['ผู้บริหารและพนักงานทุกคนรับทราบและถือปฏิบัติ', 'ประชาชนตรวจสอบการปฏิบัติงานของเทศบาลได้', 'รายงานผลการปฏิบัติตามประกาศเมื่อสิ้นปีงบประมาณ'] }]),
      { heading: '', paragraphs: ['จึงประกาศให้ทราบโดยทั่วกัน'] },
    ],
  }
}

const CSS = `
${sarabunFontFaceCss()}
@page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
body { font-family: 'Sarabun', sans-serif; font-size: 15pt; line-height: 1.5; color: #000; }
.org { text-align: center; font-weight: 700; font-size: 17pt; margin: 0; }
.kind { text-align: center; margin: 0 0 .2em; }
h1 { text-align: center; font-size: 16pt; margin: .3em 0 .2em; }
.fy { text-align: center; margin: 0 0 .8em; }
hr { border: 0; border-top: 1px solid #000; width: 40%; margin: .4em auto 1em; }
h2 { font-size: 15pt; margin: .8em 0 .2em; }
p { text-indent: 2.5em; margin: .2em 0; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin: .4em 0; font-size: 13.5pt; }
th, td { border: 1px solid #000; padding: .15em .4em; vertical-align: top; }
th { background: #eee; }
ul { margin: .2em 0 .2em 1.5em; }
.sign { margin-top: 2.5em; margin-left: 50%; text-align: center; }
.sign p { text-indent: 0; text-align: center; }
`

function html(d: Doc): string {
  const s = d.sections
    .map((x) => {
      const parts = [x.heading ? `<h2>${esc(x.heading)}</h2>` : '']
      for (const p of x.paragraphs ?? []) parts.push(`<p>${esc(p)}</p>`)
      if (x.list) parts.push(`<ul>${x.list.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`)
      if (x.table) parts.push(`<table><thead><tr>${x.table.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${x.table.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`)
      return parts.join('')
    })
    .join('')
  const [dd, mm, yy] = d.signedOn
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${CSS}</style></head><body>
<p class="org">${ORG}</p><p class="kind">${esc(d.kind)}</p>
<h1>${esc(d.title)}</h1><p class="fy">ปีงบประมาณ พ.ศ. ${th(String(d.fy))}</p><hr>
${s}
<div class="sign"><p>${d.kind.startsWith('ประกาศ') ? 'ประกาศ ณ วันที่' : 'ลงวันที่'} ${thDate(dd, mm, yy)}</p><p style="margin-top:2em">ลงชื่อ ..................................................</p><p>${esc(d.signer[0])}</p><p>${esc(d.signer[1])}</p></div>
</body></html>`
}

mkdirSync(OUT, { recursive: true })
const docs = [...DOCS.map(docFor), ...POSTS.filter((p) => p.attach).map(docForPost)]
let total = 0
for (const d of docs) {
  const pdf = await htmlToPdf(html(d))
  writeFileSync(new URL(d.file, OUT), pdf)
  total += pdf.length
  console.log(`${d.file}\t${Math.round(pdf.length / 1024)} KB`)
}
console.log(`${docs.length} files, ${Math.round(total / 1024)} KB`)
await closeChromium()
