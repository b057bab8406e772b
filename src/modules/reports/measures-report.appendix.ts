import { AlignmentType, SectionType, Table, TableLayoutType, TableRow, WidthType, type ISectionOptions } from 'docx'
import { escapeHtml } from '../../platform/documents/html.js'
import { cell, MARGIN, NARROW_WIDTH, para, type Txt } from './measures-report.docx-parts.js'
import { LABELS } from './measures-report.labels.js'
import type { MeasuresReport } from './measures-report.model.js'

// The report's appendix (ภาคผนวก หลักฐานการดำเนินการ) in HTML and DOCX, kept apart from the rest
// of the template so that what it lists can change on its own.

/**
 * The appendix as an HTML section ('' when there is nothing to list). `txt` gives the markup of a
 * text (digits, escaping, Thai line breaks), `plain` an escaped text for attributes.
 */
export function appendixHtml(report: MeasuresReport, txt: Txt, plain: Txt): string {
  if (!report.evidence.length) return ''
  const [hOrder, hTitle, hRefers, hUrl] = LABELS.appendixHeader.map(plain)
  const out: string[] = [
    `<section class="mr-appendix"><h2>${txt(LABELS.appendix)}</h2><table><colgroup><col class="c-order"><col><col><col class="c-url"></colgroup>` +
      `<thead><tr>${LABELS.appendixHeader.map((h) => `<th scope="col">${txt(h)}</th>`).join('')}</tr></thead><tbody>`,
  ]
  report.evidence.forEach((e, k) => {
    // URLs keep their digits: converting them would break the link.
    out.push(
      `<tr><td class="c-order" data-label="${hOrder}">${txt(String(k + 1))}</td><td data-label="${hTitle}">${txt(e.title)}</td>` +
        `<td data-label="${hRefers}">${txt(e.refersTo ?? '')}</td>` +
        `<td data-label="${hUrl}"><a href="${escapeHtml(e.url)}">${escapeHtml(e.url)}</a></td></tr>`,
    )
  })
  out.push(`</tbody></table></section>`)
  return out.join('\n')
}

/** The appendix as a portrait DOCX section, or null when there is nothing to list. */
export function appendixDocxSection(report: MeasuresReport, txt: Txt, page: NonNullable<ISectionOptions['properties']>['page']): ISectionOptions | null {
  if (!report.evidence.length) return null
  const w = NARROW_WIDTH
  const widths = [1000, Math.round((w - 1000) * 0.35), Math.round((w - 1000) * 0.2)]
  widths.push(w - widths.reduce((a, b) => a + b, 0))
  return {
    properties: { type: SectionType.NEXT_PAGE, page: { ...page, margin: MARGIN } },
    children: [
      para(txt(LABELS.appendix), { bold: true, keepNext: true }),
      new Table({
        width: { size: w, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: LABELS.appendixHeader.map((h, i) => cell([para(txt(h), { bold: true, align: AlignmentType.CENTER })], widths[i]!, true)),
          }),
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
  }
}
