import { AlignmentType, Document, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import ExcelJS from 'exceljs'
import { A4, cm, packDocx } from '../../platform/documents/docx.js'
import { laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { htmlDocument, thaiWrapHtml, THAI_WRAP_CSS } from '../../platform/documents/html.js'
import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import { fiscalHalfRange, formatBaht, formatThaiDate } from '../../platform/thai/index.js'
import { giftsT } from './gifts.i18n.js'
import { inArray } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { people } from '../../platform/people/people.schema.js'
import { halfReport, type HalfReport } from './reports.js'

// The six-monthly report as a document: one plain-data model (Thai, as the agency files it),
// rendered three ways — DOCX (to edit and sign), PDF (Chromium, Laksaman embedded) and XLSX.
// The columns are the ones ../shared/rules/gifts.md infers; no NACC form was found to check
// them against (the model says so in its form note).

const t = (key: Parameters<typeof giftsT>[1], params?: Record<string, string | number>) => giftsT('th', key, params)
export const COLUMNS = ['no', 'date', 'person', 'position', 'giver', 'relation', 'item', 'value', 'occasion', 'action', 'remark'] as const

export type ReportDocument = {
  title: string
  agency: string
  period: string
  status: string
  formNote: string
  columns: string[]
  rows: string[][]
  emptyText: string | null
  summary: string[]
  nilTitle: string
  nil: string
  unansweredTitle: string
  unanswered: string[]
  noteTitle: string
  note: string
}

const day = (iso: string) => formatThaiDate(iso, { style: 'short' })

/** The report of one half in the report's columns; `names` gives the names of the people gifts were reported to. */
export function reportDocument(data: HalfReport, orgName: string, names: ReadonlyMap<string, string>): ReportDocument {
  const range = fiscalHalfRange(data.fiscalYear, data.half)
  const s = data.summary
  const rows = data.gifts.map((g, i) => {
    const action = [t(`action.${g.action}`)]
    if (g.action === 'handed_over' && g.handedTo && g.handedOn) action.push(t('doc.handedTo', { to: g.handedTo, date: day(g.handedOn) }))
    const remark = [t(`assessment.${g.assessment}`)]
    if (g.reportedOn) remark.push(t('doc.reported', { to: (g.reportedTo && names.get(g.reportedTo)) || '-', date: day(g.reportedOn) }))
    if (g.decision) remark.push(t('doc.decision', { text: g.decision }))
    if (g.note) remark.push(g.note)
    return [String(i + 1), day(g.receivedOn), g.personName, g.personPosition ?? '', g.giver, t(`relation.${g.relation}`), g.description, formatBaht(g.valueBaht, { unit: false }), g.occasion, action.join(' '), remark.join(' ')]
  })
  const unanswered = data.round.respondents.filter((r) => r.answer === 'none').map((r) => (r.person.position ? `${r.person.fullName} (${r.person.position})` : r.person.fullName))
  return {
    title: t('report.title', { half: data.half, year: data.fiscalYear }),
    agency: t('doc.agency', { org: orgName }),
    period: t('doc.period', { from: formatThaiDate(range.start), to: formatThaiDate(range.end) }),
    status: t('doc.status', { status: t(`report.status.${data.report?.status ?? 'none'}`) }),
    formNote: t('report.formNote'),
    columns: COLUMNS.map((k) => t(`report.col.${k}`)),
    rows,
    emptyText: rows.length ? null : t('report.noGifts'),
    summary: [t('report.overLimit', { count: s.overLimit, handed: s.overLimitHandedOver }), t('report.total', { value: formatBaht(s.totalValueBaht) })],
    nilTitle: t('report.nilSection'),
    nil: t('returns.counts', { total: data.round.respondents.length, nil: data.round.nil, gifts: data.round.withGifts, none: data.round.unanswered }),
    unansweredTitle: t('report.unanswered'),
    unanswered: unanswered.length ? unanswered : [t('doc.unansweredNone')],
    noteTitle: t('report.note'),
    note: data.report?.note ?? '',
  }
}

/** The report of a half as a document model (gifts.read; the names of reportees read in the agency's scope). */
export async function halfReportDocument(ctx: OrgUseCaseCtx, fy: number, half: 1 | 2, orgName: string): Promise<{ data: HalfReport; doc: ReportDocument }> {
  const data = await halfReport(ctx, fy, half)
  const ids = [...new Set(data.gifts.map((g) => g.reportedTo).filter((id): id is string => !!id))]
  const rows = ids.length ? await inOrg(ctx.db, ctx.orgId, (tx) => tx.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, ids))) : []
  return { data, doc: reportDocument(data, orgName, new Map(rows.map((r) => [r.id, r.fullName]))) }
}

export const fileName = (data: Pick<HalfReport, 'fiscalYear' | 'half'>, slug: string, ext: 'docx' | 'pdf' | 'xlsx') => `gifts-${data.fiscalYear}-${data.half}-${slug}.${ext}`

// ---- DOCX: TH SarabunPSK 16pt, A4 landscape, 2 cm margins ----
const FONT = 'TH SarabunPSK'
const para = (text: string, o: { bold?: boolean; center?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold: o.bold ?? false, ...(o.size ? { size: o.size } : {}) })] })
const cellOf = (text: string, bold = false) => new TableCell({ children: text.split('\n').map((line) => para(line, { bold, size: 28 })) })

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: doc.columns.map((c) => cellOf(c, true)) }), ...doc.rows.map((r) => new TableRow({ children: r.map((c) => cellOf(c)) }))],
  })
  const children = [
    para(doc.title, { bold: true, center: true, size: 36 }),
    para(doc.agency, { center: true }),
    para(doc.period, { center: true }),
    para(doc.status),
    para(doc.formNote, { size: 28 }),
    ...(doc.emptyText ? [para(doc.emptyText)] : [table]),
    ...doc.summary.map((s) => para(s)),
    para(doc.nilTitle, { bold: true }),
    para(doc.nil),
    para(doc.unansweredTitle, { bold: true }),
    ...doc.unanswered.map((u) => para(`- ${u}`)),
    ...(doc.note ? [para(doc.noteTitle, { bold: true }), ...doc.note.split(/\r?\n/).map((l) => para(l))] : []),
  ]
  const document = new Document({
    creator: 'Prongsai',
    title: doc.title,
    styles: { default: { document: { run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: 32, sizeComplexScript: 32 } } } },
    sections: [{ properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: { top: cm(2), bottom: cm(2), left: cm(2), right: cm(2) } } }, children }],
  })
  return packDocx(document)
}

// ---- PDF: the same content as standalone HTML, printed by Chromium ----
const CSS = `${THAI_WRAP_CSS}
@page{size:A4 landscape;margin:1.5cm}
body{font-family:'Laksaman',sans-serif;font-size:14pt;line-height:1.3;color:#000}
h1{font-size:18pt;text-align:center;margin:0 0 .2em}
.center{text-align:center;margin:0}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border:1px solid #000;padding:2px 4px;vertical-align:top;font-size:12pt}
thead{display:table-header-group}
h2{font-size:15pt;margin:.6em 0 .2em}
.note{font-size:11pt}`
const h = (s: string) => thaiWrapHtml(s)

export function reportHtml(doc: ReportDocument): string {
  const body = [
    `<h1>${h(doc.title)}</h1>`,
    `<p class="center">${h(doc.agency)}</p>`,
    `<p class="center">${h(doc.period)}</p>`,
    `<p>${h(doc.status)}</p>`,
    `<p class="note">${h(doc.formNote)}</p>`,
    doc.emptyText
      ? `<p>${h(doc.emptyText)}</p>`
      : `<table><thead><tr>${doc.columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>${doc.rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
    ...doc.summary.map((s) => `<p>${h(s)}</p>`),
    `<h2>${h(doc.nilTitle)}</h2><p>${h(doc.nil)}</p>`,
    `<h2>${h(doc.unansweredTitle)}</h2><ul>${doc.unanswered.map((u) => `<li>${h(u)}</li>`).join('')}</ul>`,
    doc.note ? `<h2>${h(doc.noteTitle)}</h2>${doc.note.split(/\r?\n/).map((l) => `<p>${h(l)}</p>`).join('')}` : '',
  ].join('\n')
  return htmlDocument({ title: doc.title, css: `${laksamanFontFaceCss()}\n${CSS}`, body })
}

export async function reportPdf(doc: ReportDocument, opts: Pick<PdfOptions, 'browser' | 'timeoutMs'> = {}): Promise<Buffer> {
  return htmlToPdf(reportHtml(doc), { landscape: true, ...opts })
}

// ---- XLSX: the title rows, then the table (one row a gift), then the summary ----
export async function reportXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Prongsai'
  wb.title = doc.title
  const ws = wb.addWorksheet('รายงาน')
  const widths = [7, 14, 26, 22, 30, 14, 34, 14, 20, 30, 40]
  ws.columns = widths.map((width) => ({ width }))
  for (const line of [doc.title, doc.agency, doc.period, doc.status, doc.formNote]) ws.addRow([line])
  ws.getRow(1).font = { bold: true, size: 14 }
  ws.addRow([])
  const head = ws.addRow(doc.columns)
  head.font = { bold: true }
  for (const r of doc.rows) ws.addRow(r.map((c, i) => (i === 0 ? Number(c) : c)))
  if (doc.emptyText) ws.addRow([doc.emptyText])
  ws.addRow([])
  for (const line of [...doc.summary, doc.nilTitle, doc.nil, doc.unansweredTitle, ...doc.unanswered.map((u) => `- ${u}`)]) ws.addRow([line])
  if (doc.note) {
    ws.addRow([doc.noteTitle])
    ws.addRow([doc.note])
  }
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true }
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
