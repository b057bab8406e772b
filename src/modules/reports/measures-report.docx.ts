import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  LineRuleType,
  PageOrientation,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx'
import { A4, cm, packDocx, pt } from '../../platform/documents/docx.js'
import { LABELS } from './measures-report.labels.js'
import { digitsFor, formatScore, linesOf } from './measures-report.format.js'
import { TOOLS, toolOfIndicator, type IndicatorReport, type MeasuresReport, type Signatory } from './measures-report.model.js'

// Word output for agencies that edit before signing. TH SarabunPSK 16pt is the government
// standard; it is not ours to embed, so Word uses the installed copy (LibreOffice maps it to
// Laksaman where fonts-thai-tlwg is installed).
const FONT = 'TH SarabunPSK'
const SIZE = pt(16)
// TH SarabunPSK's line box is tall; an explicit single line (240 = 1.0) keeps Word and
// LibreOffice from guessing different spacings.
const LINE = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }
const MARGIN = { top: cm(2.5), bottom: cm(2), left: cm(3), right: cm(2) }
/** Usable width of a landscape A4 page with these margins (twips). */
const WIDE_WIDTH = A4.height - MARGIN.left - MARGIN.right
// "ลำดับ" wraps inside a narrower first column.
const MEASURE_WIDTHS = [1000, 1900, 2500, 1500, 1500, 2900, 2705]
const INDICATOR_WIDTHS = [2300, 3900, 1800, 1600, 4405]
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER }

type Txt = (s: string) => string

function para(text: string, opts: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: LINE,
    ...(opts.align ? { alignment: opts.align } : {}),
    ...(opts.indent ? { indent: { firstLine: opts.indent } } : {}),
    children: [new TextRun({ text, bold: opts.bold ?? false })],
  })
}

function cell(paragraphs: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
    // A cell must hold at least one paragraph.
    children: paragraphs.length ? paragraphs : [para('')],
  })
}

function table(header: readonly string[], widths: number[], rows: Paragraph[][][], txt: Txt): Table {
  return new Table({
    width: { size: WIDE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // tableHeader repeats the row on every page; cantSplit keeps a row from tearing.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell([para(txt(h), { bold: true, align: AlignmentType.CENTER })], widths[i]!, true)),
      }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i]!)) })),
    ],
  })
}

function statusParagraphs(i: IndicatorReport, txt: Txt): Paragraph[] {
  if (i.status === null) return []
  // Word content-control checkboxes: tickable in Word, read back by mammoth as <input checkbox>.
  return LABELS.statuses.map(
    ([s, label]) =>
      new Paragraph({
        spacing: LINE,
        children: [
          new CheckBox({
            checked: s === i.status,
            checkedState: { value: '2611', font: 'Segoe UI Symbol' },
            uncheckedState: { value: '2610', font: 'Segoe UI Symbol' },
          }),
          new TextRun({ text: ` ${txt(label)}` }),
        ],
      }),
  )
}

function signature(s: Signatory, role: string, txt: Txt): Paragraph[] {
  const center = { align: AlignmentType.CENTER }
  return [
    para(`${txt(LABELS.signatureLine)} ${LABELS.blankName} ${txt(role)}`, center),
    para(`(${s.name ? txt(s.name) : LABELS.blankName})`, center),
    ...(s.position ? [para(txt(s.position), center)] : []),
  ]
}

/** The report as a DOCX: title and introduction portrait, tables and signatures landscape. */
export function buildMeasuresReportDocument(report: MeasuresReport): Document {
  const d = digitsFor(report)
  const txt: Txt = d
  const paras = (items: readonly string[]): Paragraph[] => items.map((p) => para(txt(p)))
  const { agency } = report

  const intro: Paragraph[] = [
    para(txt(LABELS.title), { bold: true, align: AlignmentType.CENTER }),
    para(txt(LABELS.fiscalYear(String(report.fiscalYear))), { bold: true, align: AlignmentType.CENTER }),
    para(txt(LABELS.agencyLine(agency.name, agency.district, agency.province)), { bold: true, align: AlignmentType.CENTER }),
    para(''),
    ...report.introduction.map((p) => para(txt(p), { indent: cm(1.25), align: AlignmentType.THAI_DISTRIBUTE })),
  ]

  const measureRows = [...report.measures]
    .sort((a, b) => a.order - b.order)
    .map((m) => [
      [para(txt(String(m.order)), { align: AlignmentType.CENTER })],
      [para(txt(m.title))],
      paras(m.steps),
      paras(linesOf(m.period)),
      paras(linesOf(m.responsible)),
      paras(m.resultSummary),
      paras(m.outcome),
    ])
  const wide: (Paragraph | Table)[] = [table(LABELS.measuresHeader, MEASURE_WIDTHS, measureRows, txt)]

  for (const tool of TOOLS) {
    const rows = report.indicators.filter((i) => toolOfIndicator(i.number) === tool).sort((a, b) => a.number - b.number)
    if (!rows.length) continue
    wide.push(para(''), para(txt(LABELS.toolHeading(tool)), { bold: true }))
    wide.push(
      table(
        LABELS.indicatorsHeader,
        INDICATOR_WIDTHS,
        rows.map((i) => [
          [
            para(txt(LABELS.indicatorName(String(i.number), i.name))),
            ...(i.score === null ? [] : [para(txt(LABELS.score(formatScore(i.score))), { bold: true })]),
          ],
          paras(i.improvementGuidelines),
          paras(linesOf(i.responsible)),
          paras(linesOf(i.period)),
          [...paras(i.progress), ...statusParagraphs(i, txt)],
        ]),
        txt,
      ),
    )
  }

  const half = Math.floor(WIDE_WIDTH / 2)
  wide.push(
    para(''),
    new Table({
      width: { size: WIDE_WIDTH, type: WidthType.DXA },
      columnWidths: [half, WIDE_WIDTH - half],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }, children: signature(report.signatures.reporter, LABELS.reporter, txt) }),
            new TableCell({ borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }, children: signature(report.signatures.executive, LABELS.executive, txt) }),
          ],
        }),
      ],
    }),
  )

  const portrait = { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGIN }
  const sections: ISectionOptions[] = [
    { properties: { page: portrait }, children: intro },
    {
      properties: { type: SectionType.NEXT_PAGE, page: { ...portrait, size: { ...portrait.size, orientation: PageOrientation.LANDSCAPE } } },
      children: wide,
    },
  ]
  if (report.evidence.length) {
    const w = A4.width - MARGIN.left - MARGIN.right
    const widths = [1000, Math.round((w - 1000) * 0.35), Math.round((w - 1000) * 0.2)]
    widths.push(w - widths.reduce((a, b) => a + b, 0))
    sections.push({
      properties: { type: SectionType.NEXT_PAGE, page: portrait },
      children: [
        para(txt(LABELS.appendix), { bold: true }),
        new Table({
          width: { size: w, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: LABELS.appendixHeader.map((h, i) => cell([para(txt(h), { bold: true, align: AlignmentType.CENTER })], widths[i]!, true)) }),
            ...report.evidence.map(
              (e, k) =>
                new TableRow({
                  children: [
                    cell([para(txt(String(k + 1)), { align: AlignmentType.CENTER })], widths[0]!),
                    cell([para(txt(e.title))], widths[1]!),
                    cell([para(txt(e.refersTo ?? ''))], widths[2]!),
                    // URLs keep their digits.
                    cell([para(e.url)], widths[3]!),
                  ],
                }),
            ),
          ],
        }),
      ],
    })
  }

  return new Document({
    creator: 'Prongsai',
    title: `${LABELS.title} ${d(LABELS.fiscalYear(String(report.fiscalYear)))}`,
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT }, size: SIZE, sizeComplexScript: SIZE },
          paragraph: { spacing: LINE },
        },
      },
    },
    sections,
  })
}

export async function renderMeasuresReportDocx(report: MeasuresReport): Promise<Buffer> {
  return packDocx(buildMeasuresReportDocument(report))
}
