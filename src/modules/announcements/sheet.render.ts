import { AlignmentType, BorderStyle, Document, Footer, HeightRule, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx'
import { A4, cm, packDocx, pt } from '../../platform/documents/docx.js'
import { LAKSAMAN_SCALE, laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { escapeHtml, htmlDocument, THAI_WRAP_CSS, thaiWrapHtml } from '../../platform/documents/html.js'
import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { formatNumber, formatThaiDate, todayInBangkok, toThaiDigits } from '../../platform/thai/index.js'
import { announcementsT } from './announcements.i18n.js'
import { numberText } from './numbering.js'
import type { AckSheet, AckSheetBase, SheetRow } from './sheet.js'
import type { ManualSheet } from './manuals.ack.js'
import { manualsT } from './manuals.i18n.js'

// The ใบรับทราบ (of an announcement or a manual) as one plain model (the lines above the table, the header and the rows) drawn two
// ways: a PDF (HTML printed by Chromium in Laksaman at TH SarabunPSK's metrics, 16 pt) and a DOCX
// in TH SarabunPSK 16 pt for agencies that edit before printing (docs/decisions/0007).

/** A blank to write on by hand. */
export const BLANK = '..............................'
const BLANK_DATE = '......../......../........'

export type SheetModel = { title: string; lines: string[]; header: string[]; rows: string[][]; footerPage: string }
/** What a sheet is for, as printed above its table: the kind line, the subject, the date line, and the kind word of the intro. */
export type SheetHead = { kindLine: string; subject: string; dated: string; kind: string }
type DayOf = (x: Parameters<typeof formatThaiDate>[0], style?: 'long' | 'short') => string
const dayOf = (L: Lang, thaiDigits: boolean): DayOf => (x, style = 'long') => formatThaiDate(x, { lang: L, thaiDigits, style })

/** The head of an announcement's sheet: "มาตรการ เลขที่ 1/2566", its subject, "ลงวันที่ …" (and which revision). */
export function announcementSheetHead(s: AckSheet, L: Lang): SheetHead {
  const d = (x: string) => (s.agency.thaiDigits ? toThaiDigits(x) : x)
  const kind = announcementsT(L, `kind.${s.a.kind}`)
  const no = numberText(s.a, s.agency.thaiDigits)
  return {
    kindLine: no ? `${kind} ${announcementsT(L, 'detail.number', { number: no })}` : kind,
    subject: s.a.subject,
    dated: announcementsT(L, 'sheet.dated', { date: dayOf(L, s.agency.thaiDigits)(s.a.signedOn) }) + (s.a.version > 1 ? ` (${announcementsT(L, 'detail.version', { version: d(String(s.a.version)) })})` : ''),
    kind,
  }
}

/** The head of a manual's sheet: "คู่มือการให้บริการ (กองคลัง)", its title, "ฉบับที่ 2 มีผลใช้ …". */
export function manualSheetHead(s: ManualSheet, L: Lang): SheetHead {
  const kind = manualsT(L, `kind.${s.m.kind}`)
  const version = s.agency.thaiDigits ? toThaiDigits(String(s.version.version)) : String(s.version.version)
  return { kindLine: `${kind} (${s.unitName})`, subject: s.m.title, dated: manualsT(L, 'sheet.dated', { version, date: dayOf(L, s.agency.thaiDigits)(s.version.effectiveOn) }), kind }
}

/** The text of the sheet (of an announcement or a manual), exactly as both documents print it. */
export function sheetModel(head: SheetHead, s: AckSheetBase, L: Lang, today = todayInBangkok()): SheetModel {
  const d = (x: string) => (s.agency.thaiDigits ? toThaiDigits(x) : x)
  const day = dayOf(L, s.agency.thaiDigits)
  const lines = [
    head.kindLine,
    announcementsT(L, 'sheet.subject', { subject: head.subject }),
    s.agency.name,
    head.dated,
    announcementsT(L, 'sheet.intro', { kind: L === 'en' ? head.kind.toLowerCase() : head.kind }),
    announcementsT(L, 'sheet.summary', { done: formatNumber(s.acknowledged, { thaiDigits: s.agency.thaiDigits }), asked: formatNumber(s.rows.length, { thaiDigits: s.agency.thaiDigits }), date: day(today) }),
  ]
  const header = (['order', 'name', 'position', 'unit', 'date', 'sign'] as const).map((k) => announcementsT(L, `sheet.col.${k}`))
  const row = (r: SheetRow, i: number) => [d(String(i + 1)), r.fullName, r.position, r.units, r.acknowledgedAt ? day(r.acknowledgedAt, 'short') : BLANK_DATE, r.acknowledgedAt && r.via ? announcementsT(L, `sheet.via.${r.via}`) : BLANK]
  return { title: announcementsT(L, 'sheet.title'), lines, header, rows: s.rows.map(row), footerPage: announcementsT(L, 'sheet.page') }
}

const size = (p: number) => `${(p * LAKSAMAN_SCALE).toFixed(2)}pt`
const CSS = `
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }
body { font-family: 'Laksaman', sans-serif; font-size: ${size(16)}; line-height: normal; margin: 0; color: #000; font-feature-settings: "ccmp" 0; }
${THAI_WRAP_CSS}
h1 { font-size: ${size(18)}; text-align: center; margin: 0 0 .3em; }
p { margin: 0; } .lines p:first-child, .lines p:nth-child(2) { text-align: center; font-weight: 700; } .lines p:nth-child(3), .lines p:nth-child(4) { text-align: center; }
.lines p:nth-child(5) { margin-top: .6em; text-indent: 2.5em; } .lines p:nth-child(6) { margin: .3em 0 .6em; }
table { width: 100%; border-collapse: collapse; } thead { display: table-header-group; } tr { break-inside: avoid; }
th, td { border: 1px solid #000; padding: .15em .3em; vertical-align: top; text-align: left; } th { text-align: center; font-weight: 700; vertical-align: middle; }
td.c0 { text-align: center; width: 2.5em; } td.c1 { width: 22%; } td.c4 { width: 6em; } td.c5 { width: 8.5em; } tbody td { height: 2.2em; }
`

/** The standalone HTML the PDF is printed from (fonts inlined, no scripts, no requests). */
export function sheetHtml(m: SheetModel, L: Lang, thaiDigits: boolean): string {
  const t = (x: string) => thaiWrapHtml(x)
  // A name breaks only between its words (a segmenter may split a given name it does not know).
  const name = (x: string) => x.split(/\s+/).map((w) => `<span class="tw">${escapeHtml(w)}</span>`).join(' ')
  const style = thaiDigits ? ', thai' : ''
  const footer = `@page { @bottom-right { content: "${m.footerPage} " counter(page${style}) " / " counter(pages${style}); font-family: 'Laksaman'; font-size: ${size(14)}; } }`
  const body =
    `<h1>${t(m.title)}</h1><div class="lines">${m.lines.map((l) => `<p>${t(l)}</p>`).join('')}</div>` +
    `<table><thead><tr>${m.header.map((h) => `<th scope="col">${t(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${m.rows.map((r) => `<tr>${r.map((c, i) => `<td class="c${i}">${i === 1 ? name(c) : t(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  return htmlDocument({ title: `${m.title} ${m.lines[1] ?? ''}`, css: `${laksamanFontFaceCss()}\n${CSS}\n${footer}`, body, lang: L })
}

export async function sheetPdf(m: SheetModel, L: Lang, thaiDigits: boolean, opts: Pick<PdfOptions, 'browser'> = {}): Promise<Buffer> {
  return htmlToPdf(sheetHtml(m, L, thaiDigits), opts)
}

const FONT = 'TH SarabunPSK'
const MARGIN = { top: cm(2), bottom: cm(2), left: cm(3), right: cm(2) }
const WIDTH = A4.width - MARGIN.left - MARGIN.right
/** Column widths (twips): order, name, position, unit, date, signature. */
const COLS = [700, 2500, 1800, 1500, 1200, WIDTH - 700 - 2500 - 1800 - 1500 - 1200]
const LINE = { line: 240, before: 0, after: 0 }
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }

const para = (text: string, o: { bold?: boolean; center?: boolean; indent?: boolean; after?: number } = {}) =>
  new Paragraph({ spacing: { ...LINE, after: o.after ?? 0 }, ...(o.center ? { alignment: AlignmentType.CENTER } : {}), ...(o.indent ? { indent: { firstLine: cm(1.25) } } : {}), children: [new TextRun({ text, bold: o.bold ?? false })] })
const cell = (text: string, w: number, header = false, center = false) =>
  new TableCell({ width: { size: w, type: WidthType.DXA }, borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }, margins: { top: 40, bottom: 40, left: 80, right: 80 }, verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP, children: [para(text, { bold: header, center: header || center })] })

export async function sheetDocx(m: SheetModel): Promise<Buffer> {
  const [kindLine = '', subject = '', agency = '', dated = '', intro = '', summary = ''] = m.lines
  const table = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: COLS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: m.header.map((h, i) => cell(h, COLS[i]!, true)) }),
      ...m.rows.map((r) => new TableRow({ cantSplit: true, height: { value: cm(1), rule: HeightRule.ATLEAST }, children: r.map((c, i) => cell(c, COLS[i]!, false, i === 0)) })),
    ],
  })
  const doc = new Document({
    title: `${m.title} ${subject}`,
    styles: { default: { document: { run: { font: FONT, size: pt(16) } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [`${m.footerPage} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: pt(14) })] })] }) },
        children: [
          para(m.title, { bold: true, center: true }),
          para(kindLine, { bold: true, center: true }),
          para(subject, { bold: true, center: true }),
          para(agency, { center: true }),
          para(dated, { center: true, after: 120 }),
          para(intro, { indent: true }),
          para(summary, { after: 120 }),
          table,
        ],
      },
    ],
  })
  return packDocx(doc)
}

/** A file name that says what it is: "ack-sheet-measure-1-2566.pdf". */
export const sheetFileName = (s: AckSheet, ext: 'pdf' | 'docx') => `ack-sheet-${s.a.kind}-${s.a.number ?? 0}-${s.a.numberYear ?? s.a.fiscalYear}.${ext}`

/** "ack-sheet-manual-<first 8 of its id>-v2.pdf". */
export const manualSheetFileName = (s: ManualSheet, ext: 'pdf' | 'docx') => `ack-sheet-manual-${s.m.id.slice(0, 8)}-v${s.version.version}.${ext}`
