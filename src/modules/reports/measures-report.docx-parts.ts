import { AlignmentType, BorderStyle, LineRuleType, Paragraph, ShadingType, TableCell, TextRun, VerticalAlign, WidthType } from 'docx'
import { A4, cm, pt } from '../../platform/documents/docx.js'

// The DOCX building blocks shared by the report's sections (measures-report.docx.ts) and its
// appendix (measures-report.appendix.ts).

// TH SarabunPSK 16pt is the government standard; it is not ours to embed, so Word uses the
// installed copy and LibreOffice the metric-compatible Laksaman (fonts-tlwg's TH Sarabun alias,
// drawn at 0.66); the PDF uses the same Laksaman at the same scale (docs/decisions/0007).
export const FONT = 'TH SarabunPSK'
export const FONT_PT = 16
export const SIZE = pt(FONT_PT)
// TH SarabunPSK's line box is tall; an explicit single line (240 = 1.0) keeps Word and
// LibreOffice from guessing different spacings.
export const LINE = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }
export const MARGIN = { top: cm(2.5), bottom: cm(2), left: cm(3), right: cm(2) }
/** Usable width of a landscape A4 page with these margins (twips). */
export const WIDE_WIDTH = A4.height - MARGIN.left - MARGIN.right
/** Usable width of a portrait A4 page (twips). */
export const NARROW_WIDTH = A4.width - MARGIN.left - MARGIN.right
/** Left + right cell margins (twips). */
export const CELL_PADDING = 160

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
export const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }

export type Txt = (s: string) => string
export type Align = (typeof AlignmentType)[keyof typeof AlignmentType]

export function para(text: string, opts: { bold?: boolean; align?: Align; indent?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: LINE,
    ...(opts.align ? { alignment: opts.align } : {}),
    ...(opts.indent ? { indent: { firstLine: opts.indent } } : {}),
    ...(opts.keepNext ? { keepNext: true, keepLines: true } : {}),
    children: [new TextRun({ text, bold: opts.bold ?? false })],
  })
}

export function cell(paragraphs: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: CELL_PADDING / 2, right: CELL_PADDING / 2 },
    verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
    // A cell must hold at least one paragraph.
    children: paragraphs.length ? paragraphs : [para('')],
  })
}
