import ExcelJS from 'exceljs'
import { looksLikeZip } from '../../platform/documents/docx.js'
import { fromThaiDigits } from '../../platform/thai/numerals.js'
import { decodeTextFile } from '../../platform/documents/csv.js'
import { readScore, readToolScore } from './score-number.js'
import { TOOL_CODES, type Framework } from '../../domain/ita/framework.schema.js'

// Score sheets (XLSX or CSV): one row per indicator ("ตัวชี้วัดที่", "ชื่อตัวชี้วัด", "คะแนน"),
// optionally one row per OIT item ("O1", title, มี/ไม่มี) and per published tool or tool-part score
// ("IIT", "EIT.1": up to four decimals, as NACC publishes them; the 2566 rating checks the parts). Row 1 is the header. Every bad row is
// reported with its row number in Thai, and nothing is saved unless the whole sheet is good.

export const TEMPLATE_HEADER = ['ตัวชี้วัดที่', 'ชื่อตัวชี้วัด', 'คะแนน'] as const

/** A CSV that is neither UTF-8 nor Thai Windows-874: what to do, step by step. */
export const CSV_ENCODING_REFUSED =
  'อ่านตัวอักษรในไฟล์ CSV นี้ไม่ได้ (ไม่ใช่ UTF-8 และไม่ใช่ภาษาไทยแบบ Windows) กรุณาบันทึกเป็น UTF-8: ใน Excel เลือก ไฟล์ › บันทึกเป็น › ชนิดไฟล์ “CSV UTF-8 (คั่นด้วยจุลภาค) (*.csv)” แล้วนำเข้าอีกครั้ง หรือนำเข้าเป็นไฟล์ .xlsx'

export type ParsedScores = { scores: Record<number, number>; oitAnswers: Record<string, boolean>; toolScores: Record<string, number> }
export type ScoreSheetResult = { ok: true; data: ParsedScores } | { ok: false; errors: string[] }

type Row = { rowNumber: number; cells: string[] }

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), BOM dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'object' && 'result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null)
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text)
  return String(v)
}

async function readRows(bytes: Uint8Array, name: string): Promise<Row[] | { error: string }> {
  if (looksLikeZip(bytes)) {
    const wb = new ExcelJS.Workbook()
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
    } catch {
      return { error: 'อ่านไฟล์ Excel ไม่ได้ กรุณาใช้ไฟล์ .xlsx จากแบบฟอร์มที่ดาวน์โหลด' }
    }
    const ws = wb.worksheets[0]
    if (!ws) return { error: 'ไฟล์ Excel ไม่มีแผ่นงาน' }
    const rows: Row[] = []
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const cells: string[] = []
      for (let c = 1; c <= 3; c++) cells.push(cellText(r.getCell(c).value))
      rows.push({ rowNumber: n, cells })
    })
    return rows
  }
  if (/\.(xls|xlsx|docx?|pdf)$/i.test(name) && !/\.csv$/i.test(name)) return { error: 'ไฟล์ต้องเป็น .xlsx หรือ .csv (UTF-8)' }
  // CSV as Thai Excel saves it: UTF-8, or Windows-874 ("CSV (Comma delimited)", the default) read as
  // such; anything else (UTF-16 "Unicode Text", other code pages) is refused with how to save it.
  const decoded = decodeTextFile(bytes)
  if (!decoded.ok || decoded.text.includes('\u0000')) return { error: CSV_ENCODING_REFUSED }
  return parseCsv(decoded.text).map((cells, i) => ({ rowNumber: i + 1, cells }))
}

const YES = new Set(['มี', 'ใช่', 'yes', 'y', 'true', '1', 'ผ่าน'])
const NO = new Set(['ไม่มี', 'ไม่ใช่', 'no', 'n', 'false', '0', 'ไม่ผ่าน'])

/** Validates a whole sheet against the year's framework. */
export async function parseScoreSheet(bytes: Uint8Array, name: string, fw: Framework): Promise<ScoreSheetResult> {
  const read = await readRows(bytes, name)
  if ('error' in read) return { ok: false, errors: [read.error] }
  const rows = read.filter((r) => r.cells.some((c) => c.trim() !== ''))
  if (!rows.length) return { ok: false, errors: ['ไฟล์ไม่มีข้อมูล'] }
  const errors: string[] = []
  const [header, ...data] = rows
  if (!/ตัวชี้วัด|indicator/i.test(header!.cells[0] ?? '')) {
    errors.push(`แถวที่ ${header!.rowNumber}: ต้องเป็นหัวตาราง "${TEMPLATE_HEADER.join(' | ')}"`)
  }
  if (!data.length) errors.push('ไฟล์ไม่มีแถวคะแนน')
  const numbers = new Set(fw.indicators.map((i) => i.number))
  const oitCodes = new Set(fw.oitItems.map((o) => o.code))
  // Tool and part codes of the year, as typed in a sheet ("IIT", "EIT.1") → as stored ("iit", "eit.1").
  const toolCodes = new Map<string, string>([...TOOL_CODES, ...TOOL_CODES.flatMap((t) => (fw.tools[t].parts ?? []).map((p) => p.code))].map((c) => [c.toUpperCase(), c]))
  const toolScores: Record<string, number> = {}
  const seen = new Map<string, number>()
  const scores: Record<number, number> = {}
  const oitAnswers: Record<string, boolean> = {}
  for (const { rowNumber, cells } of data) {
    const key = fromThaiDigits((cells[0] ?? '').trim()).replace(/^ตัวชี้วัดที่\s*/, '')
    const value = fromThaiDigits((cells[2] ?? '').trim())
    const at = `แถวที่ ${rowNumber}`
    const dup = seen.get(key.toUpperCase())
    if (dup !== undefined) {
      errors.push(`${at}: ${key} ซ้ำกับแถวที่ ${dup}`)
      continue
    }
    seen.set(key.toUpperCase(), rowNumber)
    if (/^[oO]\d+$/.test(key)) {
      const code = key.toUpperCase()
      if (!oitCodes.has(code)) errors.push(`${at}: ไม่มีข้อ ${code} ในกรอบการประเมินปี ${fw.fiscalYear}`)
      else if (YES.has(value.toLowerCase())) oitAnswers[code] = true
      else if (NO.has(value.toLowerCase())) oitAnswers[code] = false
      else errors.push(`${at}: คำตอบข้อ ${code} ต้องเป็น "มี" หรือ "ไม่มี"`)
      continue
    }
    if (/^(IIT|EIT|OIT)(\.\d+)?$/i.test(key)) {
      const tool = toolCodes.get(key.toUpperCase())
      if (!tool) errors.push(`${at}: ไม่มีแบบวัดหรือส่วน ${key.toUpperCase()} ในกรอบการประเมินปี ${fw.fiscalYear}${toolCodes.size > 3 ? ` (มี ${[...toolCodes.keys()].join(', ')})` : ''}`)
      // A tool row left blank (the template lists them all) is no score, not an error.
      else if (value !== '') {
        const score = readToolScore(value)
        if (score === null) errors.push(`${at}: คะแนนของ ${key.toUpperCase()} ต้องเป็นตัวเลข 0–100 ทศนิยมไม่เกิน 4 ตำแหน่ง (ได้ "${value}")`)
        else toolScores[tool] = score
      }
      continue
    }
    if (!/^\d+$/.test(key)) {
      errors.push(`${at}: ช่อง "ตัวชี้วัดที่" ต้องเป็นเลขตัวชี้วัด (1–${Math.max(...numbers)}), รหัสข้อ OIT เช่น O1 หรือรหัสแบบวัด เช่น IIT, EIT.1`)
      continue
    }
    const n = Number(key)
    if (!numbers.has(n)) {
      errors.push(`${at}: ไม่มีตัวชี้วัดที่ ${n} ในกรอบการประเมินปี ${fw.fiscalYear}`)
      continue
    }
    if (value === '') {
      errors.push(`${at}: ไม่มีคะแนนของตัวชี้วัดที่ ${n}`)
      continue
    }
    // The one score reader, shared with the form (Thai digits; Excel's binary noise, not a third decimal).
    const rounded = readScore(value)
    if (rounded === null) {
      errors.push(`${at}: คะแนนของตัวชี้วัดที่ ${n} ต้องเป็นตัวเลข 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง (ได้ "${value}")`)
      continue
    }
    scores[n] = rounded
  }
  if (errors.length) return { ok: false, errors }
  return { ok: true, data: { scores, oitAnswers, toolScores } }
}

/** Rows for the published tool and part scores of the year, after the indicators: code, name, score. */
function toolRows(fw: Framework, tools: ToolScores): [string, string, number | null][] {
  return TOOL_CODES.flatMap((t) => [
    [t.toUpperCase(), `คะแนนแบบวัด ${t.toUpperCase()} (ถ้ามี ทศนิยมไม่เกิน 4 ตำแหน่ง)`, tools[t] ?? null] as [string, string, number | null],
    ...(fw.tools[t].parts ?? []).map((p) => [p.code.toUpperCase(), `${p.nameTh} (ถ้ามี)`, tools[p.code] ?? null] as [string, string, number | null]),
  ])
}
type ToolScores = Readonly<Record<string, number | undefined>>

/** The downloadable template: one row per indicator of the year, then per tool and part; scores filled when known. */
export async function scoreTemplateXlsx(fw: Framework, scores: Record<number, number> = {}, tools: ToolScores = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(`ITA ${fw.fiscalYear}`)
  ws.columns = [
    { header: TEMPLATE_HEADER[0], key: 'n', width: 12 },
    { header: TEMPLATE_HEADER[1], key: 'name', width: 40 },
    { header: TEMPLATE_HEADER[2], key: 'score', width: 12 },
  ]
  ws.getRow(1).font = { bold: true }
  for (const i of fw.indicators) ws.addRow({ n: i.number, name: i.nameTh, score: scores[i.number] ?? null }).getCell(3).numFmt = '0.00'
  for (const [code, name, score] of toolRows(fw, tools)) ws.addRow({ n: code, name, score }).getCell(3).numFmt = '0.00##'
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function scoreTemplateCsv(fw: Framework, scores: Record<number, number> = {}, tools: ToolScores = {}): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
  const lines = [
    TEMPLATE_HEADER.join(','),
    ...fw.indicators.map((i) => [String(i.number), q(i.nameTh), scores[i.number]?.toFixed(2) ?? ''].join(',')),
    ...toolRows(fw, tools).map(([code, name, score]) => [code, q(name), score === null ? '' : String(score)].join(',')),
  ]
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
