import { defineMessages } from '../../../platform/i18n/i18n.js'

// Texts of the assessor's OIT map navigation (index, filter, a year read with another year's framework).
export const mt = defineMessages(
  {
    'nav.index': 'สารบัญตามเลขข้อ',
    'nav.filter': 'แสดง',
    'nav.all': 'ทุกข้อ ({n})',
    'nav.notReady': 'เฉพาะข้อที่ยังไม่พร้อม ({n})',
    'nav.allReady': 'ทุกข้อพร้อมแล้ว ไม่มีข้อที่ยังไม่พร้อม',
    'nav.showing': 'แสดง {n} ข้อที่ยังไม่พร้อม จาก {total} ข้อ',
    'nav.top': 'กลับไปที่สารบัญ',
    'nav.ungrouped': 'ข้ออื่น ๆ (ยังไม่ทราบตัวชี้วัดย่อย)',
    'nav.why': 'เหตุที่ยังไม่พร้อม',
    'nav.whyNone': 'ยังไม่มีหลักฐานที่เผยแพร่สำหรับข้อนี้',
    'nav.whyStale': 'มีหลักฐาน แต่ไม่มีชิ้นใดนับเป็นของปีนี้ (เก่ากว่าที่กำหนด ลิงก์ใช้งานไม่ได้ หรือเนื้อหาไม่ครบ)',
    'based.title': 'ปีงบประมาณ {year} ยังไม่มีกรอบการประเมินของตนเอง',
    'based.body': 'ป.ป.ช. ยังไม่ได้ประกาศกรอบการประเมินของปีนี้ในระบบ หน้านี้จึงแสดงรายการตามกรอบการประเมินล่าสุดที่มี คือปีงบประมาณ {base} และนับหลักฐานของปีงบประมาณ {year}',
    'based.link': 'ดูแผนผังตามกรอบปีงบประมาณ {base}',
    'item.status': 'สถานะ',
  },
  {
    'nav.index': 'Index by item number',
    'nav.filter': 'Show',
    'nav.all': 'All items ({n})',
    'nav.notReady': 'Items not ready only ({n})',
    'nav.allReady': 'Every item is ready; none is missing',
    'nav.showing': 'Showing {n} items not ready of {total}',
    'nav.top': 'Back to the index',
    'nav.ungrouped': 'Other items (sub-indicator not known)',
    'nav.why': 'Why not ready',
    'nav.whyNone': 'Nothing has been published for this item yet',
    'nav.whyStale': 'There is evidence, but none of it counts for this year (too old, broken link or incomplete content)',
    'based.title': 'Fiscal year {year} has no framework of its own yet',
    'based.body': 'NACC’s framework for this year is not in the system yet, so this page lists the items of the latest framework, fiscal year {base}, and counts evidence of fiscal year {year}',
    'based.link': 'See the map under the {base} framework',
    'item.status': 'Status',
  },
)
