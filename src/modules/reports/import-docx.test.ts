import { AlignmentType, Document, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { phanomrung2566 } from '../../../demo/phanomrung-2566.js'
import { packDocx } from '../../platform/documents/docx.js'
import { AppError } from '../../platform/http/errors.js'
import { importMeasuresReportDocx, splitItems } from './import-docx.js'
import { renderMeasuresReportDocx } from './measures-report.docx.js'

const doc = (children: (Paragraph | Table)[]): Promise<Buffer> => packDocx(new Document({ sections: [{ children }] }))
const row = (cells: string[][]): TableRow =>
  new TableRow({ children: cells.map((ps) => new TableCell({ children: ps.map((p) => new Paragraph({ children: [new TextRun(p)] })) })) })

describe('importMeasuresReportDocx', () => {
  it('round-trips the DOCX generated from the demo report', async () => {
    const imported = await importMeasuresReportDocx(await renderMeasuresReportDocx(phanomrung2566))
    expect(imported.thaiNumerals).toBe(true)
    expect(imported.measures).toEqual(phanomrung2566.measures)
    expect(imported.indicators).toEqual(phanomrung2566.indicators)
  })

  it('round-trips with Arabic digits too', async () => {
    const arabic = { ...phanomrung2566, agency: { ...phanomrung2566.agency, thaiNumerals: false } }
    const imported = await importMeasuresReportDocx(await renderMeasuresReportDocx(arabic))
    expect(imported.thaiNumerals).toBe(false)
    expect(imported.measures).toEqual(phanomrung2566.measures)
    expect(imported.indicators).toEqual(phanomrung2566.indicators)
  })

  it('reads an agency-made table: reworded/wrapped headers, repeated header rows, numbers run together', async () => {
    const header = ['ลำดับ', 'มาตรการ / กิจกรรม', 'วิธีดำเนินการ', 'ระยะเวลา ในการดำเนินการ', 'ผู้รับผิดชอบ', 'สรุปผลการดำเนินการ ตามมาตรการหรือกิจกรรม', 'ผลลัพธ์หรือความสำเร็จ ในการดำเนินการ'].map((h) => [h])
    const bytes = await doc([
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('รายงานผล')] }),
      new Table({
        rows: [
          row(header),
          row([['๑.'], ['มาตรการ ก'], ['๑. ขั้นแรก ทุกๆ ๖ เดือน ๒. ขั้นสอง คะแนน ๙๓.๕๙'], ['ปีงบประมาณ ๒๕๖๖'], ['ทุกกอง/', 'สำนักปลัดฯ'], ['สรุป'], ['- ผล ก - ผล ข']]),
          row(header),
          row([['2'], ['มาตรการ ข'], ['1. a', '2. b'], ['2566'], ['งานนิติการ'], ['สรุป'], ['ผล']]),
        ],
      }),
      new Table({
        rows: [
          row(['ตัวชี้วัด', 'แนวทางในการยกระดับ', 'ผู้รับผิดชอบ', 'ระยะเวลา', 'ความก้าวหน้า ผลการดำเนินการ'].map((h) => [h])),
          row([['ตัวชี้วัดที่ ๙ การเปิดเผย ข้อมูล', 'คะแนน ๙๐.๐๐'], ['๑. ก'], ['ทุกกอง'], ['ปีงบประมาณ ๒๕๖๖'], ['ทำแล้ว', '☐ ดำเนินการแล้วเสร็จ ☐ ยังไม่ได้ดำเนินการ ☑ อยู่ระหว่างดำเนินการ']]),
        ],
      }),
    ])
    const r = await importMeasuresReportDocx(bytes)
    expect(r.measures).toEqual([
      { order: 1, orderLabel: '1.', title: 'มาตรการ ก', steps: ['1. ขั้นแรก ทุกๆ 6 เดือน', '2. ขั้นสอง คะแนน 93.59'], period: 'ปีงบประมาณ 2566', responsible: 'ทุกกอง/\nสำนักปลัดฯ', resultSummary: ['สรุป'], outcome: ['- ผล ก', '- ผล ข'] },
      { order: 2, title: 'มาตรการ ข', steps: ['1. a', '2. b'], period: '2566', responsible: 'งานนิติการ', resultSummary: ['สรุป'], outcome: ['ผล'] },
    ])
    expect(r.indicators).toEqual([
      { number: 9, name: 'การเปิดเผย ข้อมูล', score: 90, improvementGuidelines: ['1. ก'], responsible: 'ทุกกอง', period: 'ปีงบประมาณ 2566', progress: ['ทำแล้ว'], status: 'in_progress' },
    ])
  })

  it('refuses bytes that are not a DOCX, in Thai', async () => {
    const err = await importMeasuresReportDocx(new TextEncoder().encode('%PDF-1.7 not a docx')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(415)
    expect((err as AppError).detail?.th).toContain('ไม่ใช่ไฟล์ Word')
    // A ZIP that is not a Word document.
    const zip = await importMeasuresReportDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])).catch((e: unknown) => e)
    expect((zip as AppError).status).toBe(415)
  })

  it('says so, in Thai, when the DOCX has no report table', async () => {
    const err = await importMeasuresReportDocx(await doc([new Paragraph('ไม่มีตาราง')])).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(422)
    expect((err as AppError).detail?.th).toContain('ไม่พบตารางมาตรการ')
  })
})

describe('splitItems', () => {
  it('splits only runs of 1. 2. 3. and leading dashes', () => {
    expect(splitItems(['๑. ก ๒. ข ๔. ค'])).toEqual(['1. ก', '2. ข 4. ค'])
    expect(splitItems(['ก 2. ข'])).toEqual(['ก 2. ข'])
    expect(splitItems(['- ก - ข', ' ', 'ค'])).toEqual(['- ก', '- ข', 'ค'])
  })
})
