import { AlignmentType, BorderStyle, Document, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx'
import { A4, cm, packDocx } from '../../platform/documents/docx.js'
import { laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { htmlDocument, thaiWrapHtml, THAI_WRAP_CSS } from '../../platform/documents/html.js'
import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { risksT, type RisksKey } from './risks.i18n.js'
import type { YearRisk } from './risks.service.js'
import { AREAS, LEVELS, ROUNDS, type Band } from './rules.js'
import { inherentOf, residualOf } from './shared.js'

// The annual corruption-risk assessment report and its monitoring report, in the columns agencies
// publish (rules.ts REPORT_COLUMNS: ubu.ac.th 2562, M; the NACC OIT item's own field list was not
// found). One plain-data model per report, rendered as DOCX (to edit and sign) and PDF (Chromium,
// Laksaman embedded), A4 landscape, rows grouped by area.

const t = (key: RisksKey, params?: Record<string, string | number>) => risksT('th', key, params)

export type Row = { group: string } | { cells: string[][] }
export type RiskDocument = { title: string; year: string; org: string; intro: string[]; columns: string[]; widths: number[]; rows: Row[]; after: string[] }

function grouped(rows: YearRisk[], cellsOf: (r: YearRisk) => string[][]): Row[] {
  return AREAS.flatMap((a) => {
    const own = rows.filter((r) => r.area === a)
    return own.length ? [{ group: t(`area.${a}`) }, ...own.map((r) => ({ cells: cellsOf(r) }))] : []
  })
}
const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
const riskCell = (r: YearRisk) => [`R${r.seq} ${r.process}: ${r.event}`, ...(r.cause ? [t('doc.cause', { text: r.cause })] : [])]
const measuresCell = (r: YearRisk) => (r.controls.length ? r.controls.map((c) => c.measureTitle) : [t('doc.none')])
const levelText = (s: { score: number; level: (typeof LEVELS)[number] }) => `${s.score} / ${t(`level.${s.level}`)}`

export function assessmentDocument(org: string, year: number, all: YearRisk[], bands: Band[], bandsLine: string): RiskDocument {
  const rows = all.filter((r) => r.status !== 'withdrawn')
  const counts = Object.fromEntries(LEVELS.map((l) => [l, rows.filter((r) => inherentOf(r, bands).level === l).length]))
  return {
    title: t('doc.assessmentTitle'),
    year: t('doc.year', { year }),
    org,
    intro: [t('doc.method', { bands: bandsLine })],
    columns: [t('doc.no'), t('doc.risk'), t('doc.existing'), t('doc.likelihood'), t('doc.impact'), t('doc.score'), t('doc.measures'), t('doc.indicator'), t('doc.target'), t('doc.owner'), t('doc.residual')],
    widths: [5, 17, 12, 5, 5, 7, 15, 9, 8, 9, 8],
    rows: rows.length
      ? grouped(rows, (r) => {
          const res = residualOf(r, bands)
          return [[String(r.seq)], riskCell(r), r.existingControls ? lines(r.existingControls) : [t('doc.none')], [String(r.likelihood)], [String(r.impact)], [levelText(inherentOf(r, bands))], measuresCell(r), [r.indicator || t('doc.none')], [r.target || t('doc.none')], [r.unitName ?? t('doc.none')], [res ? levelText(res) : t('doc.none')]]
        })
      : [{ group: t('doc.empty') }],
    after: [t('doc.summary', { count: rows.length, ...counts })],
  }
}

export function monitoringDocument(org: string, year: number, all: YearRisk[], bands: Band[]): RiskDocument {
  const rows = all.filter((r) => r.status !== 'withdrawn')
  const round = (r: YearRisk, n: (typeof ROUNDS)[number]) => {
    const m = r.monitoring.find((x) => x.round === n)
    return m ? [`${t(`monitor.${m.status}`)} (${formatThaiDate(m.recordedOn, { style: 'short' })})`, ...lines(m.note)] : [t('monitor.none')]
  }
  return {
    title: t('doc.monitoringTitle'),
    year: t('doc.year', { year }),
    org,
    intro: [],
    columns: [t('doc.no'), t('doc.risk'), t('doc.measures'), t('doc.score'), t('doc.round6'), t('doc.round12'), t('doc.owner')],
    widths: [5, 22, 20, 9, 17, 17, 10],
    rows: rows.length ? grouped(rows, (r) => [[String(r.seq)], riskCell(r), measuresCell(r), [levelText(residualOf(r, bands) ?? inherentOf(r, bands))], round(r, 6), round(r, 12), [r.unitName ?? t('doc.none')]]) : [{ group: t('doc.empty') }],
    after: [],
  }
}

export const documentFileName = (kind: 'assessment' | 'monitoring', year: number, slug: string, ext: 'docx' | 'pdf') => `risk-${kind}-${year}-${slug}.${ext}`

// ---- DOCX: TH SarabunPSK 14pt, A4 landscape ----
const FONT = 'TH SarabunPSK'
const WIDTH = A4.height - cm(1.5) * 2
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }
const para = (text: string, o: { bold?: boolean; center?: boolean } = {}) => new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold: o.bold ?? false })] })
const cell = (texts: string[], width: number, o: { header?: boolean; span?: number } = {}) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    ...(o.span ? { columnSpan: o.span } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    verticalAlign: o.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    ...(o.header ? { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
    children: (texts.length ? texts : ['']).map((x) => para(x, { bold: !!o.header, center: !!o.header })),
  })

export async function riskDocx(doc: RiskDocument): Promise<Buffer> {
  const total = doc.widths.reduce((a, b) => a + b, 0)
  const widths = doc.widths.map((w) => Math.floor((w / total) * WIDTH))
  const table = new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: doc.columns.map((c, i) => cell([c], widths[i]!, { header: true })) }),
      ...doc.rows.map((r) => new TableRow({ cantSplit: true, children: 'group' in r ? [cell([r.group], WIDTH, { span: widths.length, header: true })] : r.cells.map((c, i) => cell(c, widths[i]!)) })),
    ],
  })
  const document = new Document({
    creator: 'Prongsai',
    title: `${doc.title} ${doc.year}`,
    styles: { default: { document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: 28, sizeComplexScript: 28 } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: { top: cm(1.5), bottom: cm(1.5), left: cm(1.5), right: cm(1.5) } } },
        children: [para(doc.title, { bold: true, center: true }), para(doc.org, { bold: true, center: true }), para(doc.year, { center: true }), ...doc.intro.map((l) => para(l)), para(''), table, para(''), ...doc.after.map((l) => para(l))],
      },
    ],
  })
  return packDocx(document)
}

// ---- PDF: the same content as standalone HTML, printed by Chromium ----
const CSS = `${THAI_WRAP_CSS}
@page{size:A4 landscape;margin:1.5cm}
body{font-family:'Laksaman',sans-serif;font-size:11pt;line-height:1.3;color:#000}
h1{font-size:15pt;text-align:center;margin:0}
.center{text-align:center;margin:0}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.6em 0}
th,td{border:1px solid #000;padding:3px 4px;vertical-align:top;text-align:left}
th{background:#eee;text-align:center;vertical-align:middle}
td p,th p{margin:0}
tr{break-inside:avoid}`
const h = (s: string) => thaiWrapHtml(s)

export function riskHtml(doc: RiskDocument): string {
  const total = doc.widths.reduce((a, b) => a + b, 0)
  const cols = doc.widths.map((w) => `<col width="${((w / total) * 100).toFixed(1)}%">`).join('')
  const ps = (xs: string[]) => xs.map((x) => `<p>${h(x)}</p>`).join('')
  const body = [
    `<h1>${h(doc.title)}</h1>`,
    `<p class="center"><strong>${h(doc.org)}</strong></p><p class="center">${h(doc.year)}</p>`,
    ...doc.intro.map((l) => `<p>${h(l)}</p>`),
    `<table><colgroup>${cols}</colgroup><thead><tr>${doc.columns.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>`,
    ...doc.rows.map((r) => ('group' in r ? `<tr><th colspan="${doc.columns.length}">${h(r.group)}</th></tr>` : `<tr>${r.cells.map((c) => `<td>${ps(c)}</td>`).join('')}</tr>`)),
    '</tbody></table>',
    ...doc.after.map((l) => `<p>${h(l)}</p>`),
  ].join('\n')
  return htmlDocument({ title: `${doc.title} ${doc.year}`, css: `${laksamanFontFaceCss()}\n${CSS}`, body })
}

export async function riskPdf(doc: RiskDocument, opts: Pick<PdfOptions, 'browser' | 'timeoutMs'> = {}): Promise<Buffer> {
  return htmlToPdf(riskHtml(doc), opts)
}
