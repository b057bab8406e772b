import ExcelJS from 'exceljs'
import { toCsv } from '../../platform/documents/csv.js'
import { itemUrls } from './item-links.js'
import type { ItemReadiness } from './readiness.js'

// The ITAS answer sheet: one row per OIT item with the answer the agency can honestly give (มี
// only when evidence counts for the year; ไม่ครบถ้วน when something is there but does not count
// yet, so the officer sees it before answering), the same links as the public map — one URL per
// line in the URL cell and each link again as a real hyperlink in its own column — and the
// explanation.

export const ANSWERS = { yes: 'มี', no: 'ไม่มี', incomplete: 'ไม่ครบถ้วน' } as const
export type SheetRow = { code: string; title: string; answer: (typeof ANSWERS)[keyof typeof ANSWERS]; urls: string[]; explanation: string }

export function sheetRows(items: ItemReadiness[], origin: string): SheetRow[] {
  return items.map((i) => ({ code: i.code, title: i.titleTh, answer: ANSWERS[i.status], urls: itemUrls(i, origin), explanation: i.explanation }))
}

const HEAD = { code: 'ข้อ', title: 'หัวข้อ', answer: 'มี/ไม่มี', urls: 'URL', explanation: 'คำอธิบายเพิ่มเติม' }
const linkHead = (n: number) => `ลิงก์ ${n}`

export async function answerSheetXlsx(rows: SheetRow[], meta: { orgName: string; year: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Prongsai'
  wb.title = `OIT ${meta.year} ${meta.orgName}`
  const ws = wb.addWorksheet(`OIT ${meta.year}`)
  const links = Math.max(1, ...rows.map((r) => r.urls.length))
  ws.columns = [
    { header: HEAD.code, key: 'code', width: 8 },
    { header: HEAD.title, key: 'title', width: 48 },
    { header: HEAD.answer, key: 'answer', width: 12 },
    { header: HEAD.urls, key: 'urls', width: 70 },
    { header: HEAD.explanation, key: 'explanation', width: 70 },
    ...Array.from({ length: links }, (_, i) => ({ header: linkHead(i + 1), key: `link${i + 1}`, width: 40 })),
  ]
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  for (const r of rows) {
    const row = ws.addRow({ code: r.code, title: r.title, answer: r.answer, urls: r.urls.join('\n'), explanation: r.explanation })
    r.urls.forEach((url, i) => {
      const cell = row.getCell(6 + i)
      cell.value = { text: url, hyperlink: url }
      cell.font = { color: { argb: 'FF0563C1' }, underline: true }
    })
  }
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** CSV: the URL cell keeps one URL per line (a quoted cell with line breaks, as spreadsheets read it). */
export function answerSheetCsv(rows: SheetRow[]): string {
  return toCsv(
    rows.map((r) => ({ [HEAD.code]: r.code, [HEAD.title]: r.title, [HEAD.answer]: r.answer, [HEAD.urls]: r.urls.join('\n'), [HEAD.explanation]: r.explanation })),
    Object.values(HEAD),
  )
}
