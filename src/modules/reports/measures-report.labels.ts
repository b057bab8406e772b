import type { ProgressStatus, Tool } from './measures-report.model.js'

// The document's fixed Thai wording, in one typed catalogue shared by the HTML and DOCX
// renderers and the importer (which matches table headers against it).
export const LABELS = {
  // The seed's title says ในหน่วยงาน (its introduction says ภายในหน่วยงาน).
  title: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงาน',
  fiscalYear: (y: string) => `ประจำปีงบประมาณ พ.ศ. ${y}`,
  agencyLine: (name: string, district: string, province: string) =>
    `${name} อำเภอ${district} จังหวัด${province}`,
  measuresHeader: [
    'ลำดับ',
    'มาตรการ/กิจกรรม',
    'วิธีดำเนินการ',
    'ระยะเวลาในการดำเนินการ',
    'ผู้รับผิดชอบ',
    'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม',
    'ผลลัพธ์หรือความสำเร็จในการดำเนินการ',
  ],
  measuresCaption: 'ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
  // As the seed: IIT and EIT "… เพื่อยกระดับการประเมิน", OIT plain, with a sub-heading.
  toolHeading: (tool: Tool) => (tool === 'oit' ? 'สรุปการประเมิน OIT' : `สรุปการประเมิน ${tool.toUpperCase()} เพื่อยกระดับการประเมิน`),
  toolSubheading: (tool: Tool): string | null => (tool === 'oit' ? 'ตัวชี้วัดที่ 9 ข้อมูลพื้นฐาน' : null),
  indicatorsHeader: ['ตัวชี้วัด', 'แนวทางในการยกระดับการประเมิน', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'ความก้าวหน้าผลการดำเนินการ'],
  indicatorName: (n: string, name: string) => `ตัวชี้วัดที่ ${n} ${name}`,
  score: (s: string) => `คะแนน ${s}`,
  /** Order of the boxes as in the official form. */
  statuses: [
    ['done', 'ดำเนินการแล้วเสร็จ'],
    ['not_started', 'ยังไม่ได้ดำเนินการ'],
    ['in_progress', 'อยู่ระหว่างดำเนินการ'],
  ] as const satisfies readonly (readonly [ProgressStatus, string])[],
  signatureLine: 'ลงชื่อ',
  reporter: 'ผู้รายงาน',
  executive: 'ผู้บริหาร',
  blankName: '..................................................',
  /** An empty cell: the form asks for it, nobody has written it yet. */
  missing: 'ยังไม่ได้บันทึก',
  /** Footer of every printed page. */
  page: 'หน้า',
  appendix: 'ภาคผนวก หลักฐานการดำเนินการ',
  appendixHeader: ['ลำดับ', 'หลักฐาน', 'เกี่ยวกับ', 'ที่อยู่ (URL)'],
} as const
