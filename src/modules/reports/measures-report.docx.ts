import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  Footer,
  NumberFormat,
  PageOrientation,
  Paragraph,
  SectionType,
  SimpleField,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import { A4, cm, packDocx } from '../../platform/documents/docx.js'
import { sarabunPskWidthPt } from '../../platform/documents/fonts.js'
import { joinLexiconWords, thaiLexicon, unbreakableUnits, WORD_JOINER, type ThaiLexicon } from '../../platform/thai/segment.js'
import { appendixDocxSection } from './measures-report.appendix.js'
import { CELL_PADDING, cell, FONT, FONT_PT, LINE, MARGIN, para, SIZE, WIDE_WIDTH, type Align, type Txt } from './measures-report.docx-parts.js'
import { LABELS } from './measures-report.labels.js'
import { digitsFor, formatScore, linesOf, placeWords } from './measures-report.format.js'
import { TOOLS, toolOfIndicator, type IndicatorReport, type Measure, type MeasuresReport, type Signatory } from './measures-report.model.js'

// Word output for agencies that edit before signing: TH SarabunPSK 16pt, A4, the tables on
// landscape pages. Word lays the tables out itself, so the column widths are chosen here: each
// column is at least as wide as its longest unbreakable piece (a Thai word of the segmenter, or
// a run between spaces) at 16pt, and the rest of the page goes by the form's proportions.

// The form's proportions (twips of the 14005 a landscape page holds).
const MEASURE_WIDTHS = [900, 1900, 2500, 1500, 1500, 2900, 2805]
const INDICATOR_WIDTHS = [2300, 3900, 1800, 1600, 4405]
/** Room for Word's rounding and for LibreOffice's slightly wider line breaking. */
const SLACK = 1.04
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER }

/** One paragraph of a cell before it becomes a docx Paragraph (its text is measured first). */
interface P {
  text: string
  bold?: boolean
  align?: Align
  /** A status line: a checkbox before the text. */
  box?: boolean
  checked?: boolean
}
type Row = P[][]

/** Widest unbreakable piece of a cell's paragraphs, in twips, at the document's font size. */
function longestPieceTwips(paras: P[], lex: ThaiLexicon): number {
  let max = 0
  for (const p of paras) {
    const units = unbreakableUnits(p.text.replaceAll(WORD_JOINER, ''), lex)
    units.forEach((u, k) => {
      // A checkbox and its space stay with the first word of the label.
      const box = p.box && k === 0 ? FONT_PT * 1.1 : 0
      max = Math.max(max, (sarabunPskWidthPt(u, FONT_PT, p.bold) + box) * 20)
    })
  }
  return max
}

/**
 * Column widths: each at least `min[i]`, the others in proportion to `base`, summing to `total`.
 * When even the minimums do not fit, the minimums are scaled down together (never happens for
 * the form's columns at 16pt).
 */
export function fitColumnWidths(base: readonly number[], min: readonly number[], total: number): number[] {
  const minSum = min.reduce((a, b) => a + b, 0)
  if (minSum >= total) return min.map((m) => Math.floor((m * total) / minSum))
  const fixed = new Set<number>()
  for (;;) {
    const free = total - [...fixed].reduce((a, i) => a + min[i]!, 0)
    const baseFree = base.reduce((a, b, i) => (fixed.has(i) ? a : a + b), 0)
    const k = free / baseFree
    const newlyFixed = base.map((b, i) => i).filter((i) => !fixed.has(i) && base[i]! * k < min[i]!)
    if (newlyFixed.length) {
      newlyFixed.forEach((i) => fixed.add(i))
      continue
    }
    const widths = base.map((b, i) => (fixed.has(i) ? min[i]! : Math.floor(b * k)))
    widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0)
    return widths
  }
}

function toParagraph(p: P): Paragraph {
  if (!p.box) return para(p.text, { bold: p.bold, align: p.align })
  // Word content-control checkboxes: tickable in Word, read back by mammoth as <input checkbox>.
  return new Paragraph({
    spacing: LINE,
    children: [
      new CheckBox({
        checked: p.checked ?? false,
        checkedState: { value: '2611', font: 'Segoe UI Symbol' },
        uncheckedState: { value: '2610', font: 'Segoe UI Symbol' },
      }),
      new TextRun({ text: ` ${p.text}` }),
    ],
  })
}

function table(header: readonly string[], base: readonly number[], rows: Row[], txt: Txt, lex: ThaiLexicon): Table {
  const head: Row = header.map((h) => [{ text: txt(h), bold: true, align: AlignmentType.CENTER }])
  const min = base.map((_, i) => Math.ceil(Math.max(...[head, ...rows].map((r) => longestPieceTwips(r[i] ?? [], lex))) * SLACK) + CELL_PADDING)
  const widths = fitColumnWidths(base, min, WIDE_WIDTH)
  const cells = (r: Row, isHeader: boolean): TableCell[] => r.map((c, i) => cell(c.map(toParagraph), widths[i]!, isHeader))
  return new Table({
    width: { size: WIDE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // tableHeader repeats the row on every page; body rows may break across pages.
      new TableRow({ tableHeader: true, cantSplit: true, children: cells(head, true) }),
      ...rows.map((r) => new TableRow({ children: cells(r, false) })),
    ],
  })
}

function signature(s: Signatory, role: string, txt: Txt): Paragraph[] {
  const center = { align: AlignmentType.CENTER }
  return [
    para(`${txt(LABELS.signatureLine)} ${LABELS.blankName} ${txt(role)}`, center),
    para(`(${s.name ? txt(s.name) : LABELS.blankName})`, center),
    ...(s.position ? [para(txt(s.position), center)] : []),
  ]
}

/** "หน้า ๓ / ๑๖" at the foot of every page: PAGE and NUMPAGES fields, Thai digits when the report uses them. */
function pageFooter(thai: boolean): Footer {
  const sw = thai ? ' \\* ThaiArabic' : ''
  return new Footer({
    children: [
      new Paragraph({
        spacing: LINE,
        alignment: AlignmentType.RIGHT,
        children: [new TextRun(`${LABELS.page} `), new SimpleField(`PAGE${sw}`, thai ? '๑' : '1'), new TextRun(' / '), new SimpleField(`NUMPAGES${sw}`, thai ? '๑' : '1')],
      }),
    ],
  })
}

export function measureRow(m: Measure, txt: Txt): Row {
  const ps = (items: readonly string[]): P[] => (items.length ? items.map((t) => ({ text: txt(t) })) : [{ text: txt(`(${LABELS.missing})`) }])
  return [
    [{ text: txt(m.orderLabel ?? String(m.order)), align: AlignmentType.CENTER }],
    ps(m.title ? [m.title] : []),
    ps(m.steps),
    ps(linesOf(m.period)),
    ps(linesOf(m.responsible)),
    ps(m.resultSummary),
    ps(m.outcome),
  ]
}

export function indicatorRow(i: IndicatorReport, txt: Txt): Row {
  const ps = (items: readonly string[]): P[] => (items.length ? items.map((t) => ({ text: txt(t) })) : [{ text: txt(`(${LABELS.missing})`) }])
  const status: P[] = i.status === null ? [] : LABELS.statuses.map(([s, label]) => ({ text: txt(label), box: true, checked: s === i.status }))
  return [
    [{ text: txt(LABELS.indicatorName(String(i.number), i.name)) }, ...(i.score === null ? [] : [{ text: txt(LABELS.score(formatScore(i.score))), bold: true }])],
    ps(i.improvementGuidelines),
    ps(linesOf(i.responsible)),
    ps(linesOf(i.period)),
    [...(i.progress.length || !status.length ? ps(i.progress) : []), ...status],
  ]
}

/** The report as a DOCX: title and introduction portrait, tables and signatures landscape. */
export function buildMeasuresReportDocument(report: MeasuresReport): Document {
  const d = digitsFor(report)
  const lex = thaiLexicon(placeWords(report.agency))
  // Word joiners keep the lexicon's words whole where LibreOffice's dictionary would cut them.
  const txt: Txt = (s) => joinLexiconWords(d(s), lex)
  const { agency } = report

  const intro: Paragraph[] = [
    para(txt(LABELS.title), { bold: true, align: AlignmentType.CENTER }),
    para(txt(LABELS.fiscalYear(String(report.fiscalYear))), { bold: true, align: AlignmentType.CENTER }),
    para(txt(LABELS.agencyLine(agency.name, agency.district, agency.province)), { bold: true, align: AlignmentType.CENTER }),
    para(''),
    ...report.introduction.map((p) => para(txt(p), { indent: cm(1.25), align: AlignmentType.THAI_DISTRIBUTE })),
  ]

  const measureRows = [...report.measures].sort((a, b) => a.order - b.order).map((m) => measureRow(m, txt))
  const wide: (Paragraph | Table)[] = [table(LABELS.measuresHeader, MEASURE_WIDTHS, measureRows, txt, lex)]

  for (const tool of TOOLS) {
    const rows = report.indicators.filter((i) => toolOfIndicator(i.number) === tool).sort((a, b) => a.number - b.number)
    if (!rows.length) continue
    // keepNext: the heading stays on the page of its table's first row.
    wide.push(para('', { keepNext: true }), para(txt(LABELS.toolHeading(tool)), { bold: true, keepNext: true }))
    const sub = LABELS.toolSubheading(tool)
    if (sub) wide.push(para(txt(sub), { bold: true, keepNext: true }))
    wide.push(table(LABELS.indicatorsHeader, INDICATOR_WIDTHS, rows.map((i) => indicatorRow(i, txt)), txt, lex))
  }

  const half = Math.floor(WIDE_WIDTH / 2)
  const bare = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }
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
            new TableCell({ borders: bare, children: signature(report.signatures.reporter, LABELS.reporter, txt) }),
            new TableCell({ borders: bare, children: signature(report.signatures.executive, LABELS.executive, txt) }),
          ],
        }),
      ],
    }),
  )

  const thai = report.agency.thaiNumerals
  const footers = { default: pageFooter(thai) }
  const pageNumbers = thai ? { formatType: NumberFormat.THAI_NUMBERS } : {}
  const portrait = { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGIN, pageNumbers }
  const sections: ISectionOptions[] = [
    { properties: { page: portrait }, footers, children: intro },
    {
      properties: { type: SectionType.NEXT_PAGE, page: { ...portrait, size: { ...portrait.size, orientation: PageOrientation.LANDSCAPE } } },
      footers,
      children: wide,
    },
  ]
  const appendix = appendixDocxSection(report, txt, portrait)
  if (appendix) sections.push({ ...appendix, footers })

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
