import ExcelJS from 'exceljs'
import { toCsv } from '../../platform/documents/csv.js'
import type { ItemReadiness } from './readiness.js'

// The ITAS answer sheet: one row per OIT item with the answer the agency can honestly give
// (มี only when current evidence exists; "incomplete" is answered ไม่มี), its URLs and explanation.

export type SheetRow = { code: string; title: string; answer: 'มี' | 'ไม่มี'; urls: string; explanation: string }

export function sheetRows(items: ItemReadiness[], origin: string): SheetRow[] {
  const abs = (h: string) => (h.startsWith('/') ? origin + h : h)
  return items.map((i) => {
    const current = i.evidence.filter((e) => !e.stale && !e.broken)
    return {
      code: i.code,
      title: i.titleTh,
      answer: i.status === 'yes' ? 'มี' : 'ไม่มี',
      urls: [abs(i.url), ...current.slice(0, 5).map((e) => abs(e.href))].join('\n'),
      explanation: i.explanation,
    }
  })
}

const HEAD = { code: 'ข้อ', title: 'หัวข้อ', answer: 'มี/ไม่มี', urls: 'URL', explanation: 'คำอธิบายเพิ่มเติม' }

export async function answerSheetXlsx(rows: SheetRow[], meta: { orgName: string; year: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Prongsai'
  wb.title = `OIT ${meta.year} ${meta.orgName}`
  const ws = wb.addWorksheet(`OIT ${meta.year}`)
  ws.columns = [
    { header: HEAD.code, key: 'code', width: 8 },
    { header: HEAD.title, key: 'title', width: 48 },
    { header: HEAD.answer, key: 'answer', width: 10 },
    { header: HEAD.urls, key: 'urls', width: 70 },
    { header: HEAD.explanation, key: 'explanation', width: 70 },
  ]
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  for (const r of rows) ws.addRow(r)
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function answerSheetCsv(rows: SheetRow[]): string {
  return toCsv(
    rows.map((r) => ({ [HEAD.code]: r.code, [HEAD.title]: r.title, [HEAD.answer]: r.answer, [HEAD.urls]: r.urls.replace(/\n/g, ' '), [HEAD.explanation]: r.explanation })),
    Object.values(HEAD),
  )
}
