import { looksLikeZip } from '../../platform/documents/docx.js'
import { docxToHtml } from '../../platform/documents/extract.js'
import { htmlToText, normalizeSpace, squash } from '../../platform/documents/text.js'
import { AppError } from '../../platform/http/errors.js'
import { fromThaiDigits } from '../../platform/thai/numerals.js'
import { LABELS } from './measures-report.labels.js'
import type { IndicatorReport, Measure, ProgressStatus } from './measures-report.model.js'

/** A table as rows of cells; a cell is its paragraphs (checkboxes already turned into ☑ / ☐). */
export type CellTable = string[][][]

export interface ImportedReport {
  measures: Measure[]
  indicators: IndicatorReport[]
  /** True when the document wrote its numbers in Thai digits (they are stored as Arabic). */
  thaiNumerals: boolean
}

// Header cells are recognised by a key phrase, not the full wording: agencies reword and wrap
// them ("ระยะเวลา ในการดำเนินการ"), so headers are compared with all spaces removed.
const MEASURE_COLUMNS = {
  order: 'ลำดับ',
  title: 'มาตรการ',
  steps: 'วิธีดำเนินการ',
  period: 'ระยะเวลา',
  responsible: 'ผู้รับผิดชอบ',
  resultSummary: 'สรุปผล',
  outcome: 'ผลลัพธ์',
} as const
const INDICATOR_COLUMNS = {
  indicator: 'ตัวชี้วัด',
  guidelines: 'แนวทาง',
  responsible: 'ผู้รับผิดชอบ',
  period: 'ระยะเวลา',
  progress: 'ความก้าวหน้า',
} as const

type ColumnMap<K extends string> = Record<K, number>

function mapColumns<K extends string>(header: string[][], keys: Record<K, string>): ColumnMap<K> | undefined {
  const cells = header.map((c) => squash(c.join('')))
  // Header cells are short; a data row that happens to mention every phrase is not a header.
  if (cells.some((c) => c.length > 60)) return undefined
  const map = {} as ColumnMap<K>
  const used = new Set<number>()
  for (const [key, phrase] of Object.entries(keys) as [K, string][]) {
    // First unused column containing the phrase: "มาตรการ/กิจกรรม" before "…ตามมาตรการหรือกิจกรรม".
    const i = cells.findIndex((c, idx) => !used.has(idx) && c.includes(phrase))
    if (i < 0) return undefined
    used.add(i)
    map[key] = i
  }
  return map
}

const MISSING = `(${LABELS.missing})`
/** Cell text with Arabic digits; the report's own "(ยังไม่ได้บันทึก)" for an empty cell reads as empty. */
const clean = (s: string): string => {
  const t = fromThaiDigits(normalizeSpace(s))
  return t === MISSING ? '' : t
}

/**
 * Splits cell paragraphs into items: a paragraph "1. … 2. … 3. …" (numbered items run together,
 * as when a document was flattened) becomes one item per number, and "- … - …" one per dash.
 * Numbers must run 1, 2, 3… so "ทุกๆ 6 เดือน" or a score like 93.59 never split.
 */
export function splitItems(paragraphs: string[]): string[] {
  const out: string[] = []
  for (const raw of paragraphs) {
    const p = clean(raw)
    if (!p) continue
    if (/^1\.\s/.test(p)) {
      const cuts: number[] = [0]
      let next = 2
      for (const m of p.matchAll(/\s(\d{1,2})\.\s/g)) {
        if (Number(m[1]) === next) {
          cuts.push(m.index + 1)
          next++
        }
      }
      cuts.forEach((start, k) => out.push(p.slice(start, cuts[k + 1]).trim()))
    } else if (/^-\s/.test(p)) {
      out.push(...p.split(/\s+(?=-\s)/).map((s) => s.trim()))
    } else {
      out.push(p)
    }
  }
  return out
}

const STATUS_LABELS = LABELS.statuses.map(([status, label]) => [status, squash(label)] as const)

/** Removes the ☑/☐ status boxes from the end of a progress cell and reads the ticked one. */
function takeStatus(paragraphs: string[]): { rest: string[]; status: ProgressStatus | null } {
  const joined = paragraphs.join('\n')
  const first = joined.search(/[☑☐]/)
  if (first < 0) return { rest: paragraphs, status: null }
  let status: ProgressStatus | null = null
  for (const m of joined.slice(first).matchAll(/([☑☐])\s*([^☑☐]*)/g)) {
    if (m[1] !== '☑') continue
    const label = squash(m[2] ?? '')
    status = STATUS_LABELS.find(([, l]) => label.startsWith(l))?.[0] ?? status
  }
  return { rest: joined.slice(0, first).split('\n'), status }
}

const lines = (paragraphs: string[]): string => paragraphs.map(clean).filter(Boolean).join('\n')

function parseOrder(cell: string[]): { order: number; orderLabel?: string } | undefined {
  const written = clean(cell.join(' '))
  const m = /^(\d+)\.?$/.exec(written)
  if (!m) return undefined
  const order = Number(m[1])
  // "4." keeps its dot when printed again.
  return written === String(order) ? { order } : { order, orderLabel: written }
}

function parseIndicatorCell(cell: string[]): Pick<IndicatorReport, 'number' | 'name' | 'score'> | undefined {
  const m = /^ตัวชี้วัดที่\s*(\d+)\s*(.*?)\s*(?:คะแนน\s*(\d+(?:\.\d+)?))?$/.exec(clean(cell.join(' ')))
  if (!m) return undefined
  return { number: Number(m[1]), name: m[2] ?? '', score: m[3] === undefined ? null : Number(m[3]) }
}

/** The report's tables → measures and indicators. Tables of other shapes are ignored. */
export function parseReportTables(tables: CellTable[]): ImportedReport {
  const measures: Measure[] = []
  const indicators: IndicatorReport[] = []
  let thaiNumerals = false
  for (const table of tables) {
    for (const row of table) for (const cell of row) if (cell.some((p) => /[๐-๙]/.test(p))) thaiNumerals = true
    let measureCols: ColumnMap<keyof typeof MEASURE_COLUMNS> | undefined
    let indicatorCols: ColumnMap<keyof typeof INDICATOR_COLUMNS> | undefined
    for (const row of table) {
      // A header row may repeat (one per page, or one per pasted table); each resets the columns.
      const asMeasures = mapColumns(row, MEASURE_COLUMNS)
      const asIndicators = asMeasures ? undefined : mapColumns(row, INDICATOR_COLUMNS)
      if (asMeasures || asIndicators) {
        measureCols = asMeasures
        indicatorCols = asIndicators
        continue
      }
      const cell = (i: number): string[] => row[i] ?? []
      if (measureCols) {
        const order = parseOrder(cell(measureCols.order))
        if (order === undefined) continue
        measures.push({
          ...order,
          title: clean(cell(measureCols.title).join(' ')),
          steps: splitItems(cell(measureCols.steps)),
          period: lines(cell(measureCols.period)),
          responsible: lines(cell(measureCols.responsible)),
          resultSummary: splitItems(cell(measureCols.resultSummary)),
          outcome: splitItems(cell(measureCols.outcome)),
        })
      } else if (indicatorCols) {
        const head = parseIndicatorCell(cell(indicatorCols.indicator))
        if (!head) continue
        const { rest, status } = takeStatus(cell(indicatorCols.progress))
        indicators.push({
          ...head,
          improvementGuidelines: splitItems(cell(indicatorCols.guidelines)),
          responsible: lines(cell(indicatorCols.responsible)),
          period: lines(cell(indicatorCols.period)),
          progress: splitItems(rest),
          status,
        })
      }
    }
  }
  return { measures, indicators, thaiNumerals }
}

/** mammoth HTML → tables of cells of paragraphs. Nested tables are not expected in this report. */
export function htmlTables(html: string): CellTable[] {
  const tables: CellTable[] = []
  for (const t of html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/gi)) {
    const rows: string[][][] = []
    for (const r of (t[1] ?? '').matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const cells: string[][] = []
      for (const c of (r[1] ?? '').matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)) {
        const inner = c[1] ?? ''
        const paras = [...inner.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)].map((p) => htmlToText(p[1] ?? ''))
        cells.push(paras.length ? paras : [htmlToText(inner)])
      }
      rows.push(cells)
    }
    tables.push(rows)
  }
  return tables
}

const NOT_DOCX = {
  th: 'ไฟล์นี้ไม่ใช่ไฟล์ Word (.docx) กรุณาอัปโหลดไฟล์ .docx',
  en: 'This file is not a Word (.docx) document. Please upload a .docx file.',
}
const NO_TABLE = {
  th: 'ไม่พบตารางมาตรการหรือตารางตัวชี้วัดในไฟล์ (ต้องมีหัวตาราง เช่น "ลำดับ | มาตรการ/กิจกรรม | วิธีดำเนินการ" หรือ "ตัวชี้วัด | แนวทางในการยกระดับการประเมิน")',
  en: 'No measures or indicators table was found (expected headers like "ลำดับ | มาตรการ/กิจกรรม | วิธีดำเนินการ").',
}

/** Uploaded DOCX bytes → measures and indicators, or an AppError with a Thai message. */
export async function importMeasuresReportDocx(bytes: Uint8Array): Promise<ImportedReport> {
  if (!looksLikeZip(bytes)) throw new AppError('unsupported_media_type', 415, NOT_DOCX)
  let html: string
  try {
    html = (await docxToHtml(bytes)).html
  } catch {
    throw new AppError('unsupported_media_type', 415, NOT_DOCX)
  }
  const report = parseReportTables(htmlTables(html))
  if (report.measures.length === 0 && report.indicators.length === 0) {
    throw new AppError('bad_request', 422, NO_TABLE)
  }
  return report
}
