import { LAKSAMAN_SCALE, laksamanFontFaceCss, sarabunFontFaceCss, type FontSource } from '../../platform/documents/fonts.js'
import { escapeHtml, htmlDocument, THAI_WRAP_CSS, thaiWrapHtml } from '../../platform/documents/html.js'
import { appendixHtml } from './measures-report.appendix.js'
import { LABELS } from './measures-report.labels.js'
import { digitsFor, formatScore, linesOf, placeWords } from './measures-report.format.js'
import { thaiLexicon } from '../../platform/thai/segment.js'
import { TOOLS, toolOfIndicator, type IndicatorReport, type Measure, type MeasuresReport, type Signatory } from './measures-report.model.js'

// One template for screen, phone and print. The fragment carries no style attributes and no
// scripts, so the web app can serve it under a strict CSP with MEASURES_REPORT_CSS as a file.
// Every text value passes through `txt`: digits, escaping, and line breaks between Thai words
// only (platform/documents/html.ts thaiWrapHtml).

/**
 * Screen and print CSS. On screen, Sarabun (the web font; it draws larger than TH SarabunPSK, so
 * tables use 13pt); in the PDF, Laksaman at TH SarabunPSK's metrics (MEASURES_REPORT_PRINT_CSS).
 * Tables lay out automatically, so no column is narrower than its longest word; rows may break
 * across pages (a page per tall row left pages mostly blank) and headings stay with their table.
 * Below 40rem each row is a card of labelled fields (td data-label); print keeps the table.
 */
export const MEASURES_REPORT_CSS = `
@page { size: A4 portrait; margin: 2cm 2cm 2cm 3cm; }
@page wide { size: A4 landscape; margin: 2cm 2cm 2cm 3cm; }
.mr { --mr-font: 'Sarabun'; --mr-body: 16pt; --mr-table: 13pt; --mr-h1: 18pt; --mr-line: 1.45; --mr-tline: 1.35;
  font-family: var(--mr-font), sans-serif; font-size: var(--mr-body); line-height: var(--mr-line); color: #000; max-width: 100%; }
.mr ${THAI_WRAP_CSS}
.mr h1, .mr h2, .mr h3 { font-weight: 700; margin: 0 0 .6em; line-height: var(--mr-tline); break-after: avoid-page; }
.mr h1 { font-size: var(--mr-h1); text-align: center; }
.mr h1 > span { display: block; }
.mr h2, .mr h3 { font-size: var(--mr-body); }
.mr h2 + h3 { margin-top: -.3em; }
.mr p { margin: 0; orphans: 2; widows: 2; }
.mr-intro p { text-indent: 2.5em; margin-bottom: .6em; } /* justify only stretches spaces, which Thai barely has */
.mr-wide { page: wide; }
.mr-wide + .mr-wide { margin-top: 1.2em; }
.mr table { width: 100%; border-collapse: collapse; table-layout: auto; font-size: var(--mr-table); line-height: var(--mr-tline); }
.mr th, .mr td { border: 1px solid #000; padding: .25em .35em; vertical-align: top; text-align: left; overflow-wrap: normal; word-break: normal; }
.mr th { font-weight: 700; text-align: center; vertical-align: middle; background: #eee; }
.mr thead { display: table-header-group; }
.mr tr { break-inside: auto; }
.mr td p + p { margin-top: .3em; }
.mr .c-order { width: 6%; text-align: center; }
.mr .c-title { width: 14%; } .mr .c-steps { width: 18%; } .mr .c-period { width: 11%; }
.mr .c-resp { width: 11%; } .mr .c-summary { width: 21%; } .mr .c-outcome { width: 19%; }
.mr .c-ind { width: 16%; } .mr .c-guide { width: 30%; } .mr .c-iresp { width: 12%; }
.mr .c-iperiod { width: 11%; } .mr .c-progress { width: 31%; }
.mr .c-url { width: 40%; }
.mr .score { font-weight: 700; }
.mr .missing { font-style: italic; color: #555; }
.mr-status { list-style: none; margin: .4em 0 0; padding: 0; }
.mr-status li { break-inside: avoid; }
.mr-status label { display: inline-flex; align-items: baseline; gap: .35em; }
.mr-status input { appearance: none; margin: 0; width: .8em; height: .8em; border: 1.5px solid #000; position: relative; flex: none; top: .1em; }
.mr-status input:checked::after { content: ''; position: absolute; left: .22em; top: 0; width: .22em; height: .48em; border: solid #000; border-width: 0 .13em .13em 0; transform: rotate(45deg); }
.mr-signatures { display: flex; justify-content: space-around; gap: 2em; margin-top: 2em; break-inside: avoid; }
.mr-signatures div { text-align: center; }
.mr a { color: #000; overflow-wrap: anywhere; }
/* Thai fonts' ccmp swaps tone marks and shifted vowels for glyphs that have no Unicode value, so
   a PDF text layer read without /ActualText (pdf.js, many indexers) loses them; GPOS positions
   the marks just as well. Cost: ญ/ฐ keep their tail above ุ ู (rare). */
@media print { .mr { font-feature-settings: "ccmp" 0; } }
@media screen { .mr { max-width: 80rem; margin: 1rem auto; padding: 0 1rem; box-sizing: border-box; } .mr-wide, .mr-appendix { overflow-x: auto; } }
@media screen and (max-width: 40rem) {
  .mr { --mr-body: 1.125rem; --mr-table: 1.0625rem; --mr-h1: 1.25rem; padding: 0 .75rem; }
  .mr-intro p { text-indent: 0; }
  .mr-wide, .mr-appendix { overflow-x: visible; }
  .mr table, .mr tbody, .mr tr, .mr td { display: block; width: auto; }
  .mr colgroup { display: none; }
  .mr thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .mr tr { border: 1px solid #000; border-radius: .4rem; margin: 0 0 1rem; padding: .5rem .75rem; }
  .mr td { border: 0; padding: .35rem 0; }
  .mr td + td { border-top: 1px solid #ccc; }
  .mr td.c-order { text-align: left; }
  .mr td::before { content: attr(data-label); display: block; font-weight: 700; font-size: .9em; }
  .mr-signatures { flex-direction: column; }
}
`

/**
 * The PDF's additions: Laksaman sized to TH SarabunPSK's metrics (16pt text as in the DOCX), line
 * heights from the font, and "หน้า ๓ / ๑๖" at the foot of every page (a margin box: Chromium
 * counts the pages, in Thai digits when the report uses them).
 */
export function measuresReportPrintCss(report: Pick<MeasuresReport, 'agency'>): string {
  const size = (pt: number): string => `${(pt * LAKSAMAN_SCALE).toFixed(2)}pt`
  const style = report.agency.thaiNumerals ? ', thai' : ''
  const footer =
    `@bottom-right { content: "${LABELS.page} " counter(page${style}) " / " counter(pages${style}); ` +
    `font-family: 'Laksaman'; font-size: ${size(14)}; vertical-align: middle; }`
  return (
    `.mr { --mr-font: 'Laksaman'; --mr-body: ${size(16)}; --mr-table: ${size(16)}; --mr-h1: ${size(18)}; --mr-line: normal; --mr-tline: normal; }\n` +
    `@page { ${footer} }\n@page wide { ${footer} }\n`
  )
}

export interface HtmlOptions {
  /** Where the standalone document gets its fonts: inlined (default; PDF) or served by the app. */
  fonts?: FontSource
  /** The PDF's font and page footer (measuresReportPrintCss); default false. */
  print?: boolean
}

export function renderMeasuresReportTitle(report: MeasuresReport): string {
  const d = digitsFor(report)
  return `${LABELS.title} ${d(LABELS.fiscalYear(String(report.fiscalYear)))} ${report.agency.name}`
}

type Txt = (s: string) => string

/** The report as an HTML fragment (an <article>), for the app's layout or the standalone document. */
export function renderMeasuresReportBody(report: MeasuresReport): string {
  const d = digitsFor(report)
  const lex = thaiLexicon(placeWords(report.agency))
  const txt: Txt = (s) => thaiWrapHtml(d(s), lex)
  const plain: Txt = (s) => escapeHtml(d(s))
  const missing = `<p class="missing">${txt(`(${LABELS.missing})`)}</p>`
  const paras = (items: readonly string[]): string => (items.length ? items.map((p) => `<p>${txt(p)}</p>`).join('') : missing)
  const td = (label: string, inner: string, cls?: string): string =>
    `<td${cls ? ` class="${cls}"` : ''} data-label="${plain(label)}">${inner}</td>`
  const { agency } = report
  const out: string[] = []

  out.push(
    `<article class="mr"><header><h1><span>${txt(LABELS.title)}</span>` +
      `<span>${txt(LABELS.fiscalYear(String(report.fiscalYear)))}</span>` +
      `<span>${txt(LABELS.agencyLine(agency.name, agency.district, agency.province))}</span></h1></header>`,
  )
  if (report.introduction.length) out.push(`<section class="mr-intro">${paras(report.introduction)}</section>`)

  const mCols = ['c-order', 'c-title', 'c-steps', 'c-period', 'c-resp', 'c-summary', 'c-outcome']
  const mh = LABELS.measuresHeader
  out.push(
    `<section class="mr-wide" aria-label="${plain(LABELS.measuresCaption)}"><table><colgroup>` +
      mCols.map((c) => `<col class="${c}">`).join('') +
      `</colgroup><thead><tr>${mh.map((h) => `<th scope="col">${txt(h)}</th>`).join('')}</tr></thead><tbody>`,
  )
  for (const m of [...report.measures].sort((a, b) => a.order - b.order)) {
    out.push(
      `<tr>${td(mh[0], txt(orderText(m)), 'c-order')}${td(mh[1], paras(m.title ? [m.title] : []))}` +
        `${td(mh[2], paras(m.steps))}${td(mh[3], paras(linesOf(m.period)))}${td(mh[4], paras(linesOf(m.responsible)))}` +
        `${td(mh[5], paras(m.resultSummary))}${td(mh[6], paras(m.outcome))}</tr>`,
    )
  }
  out.push(`</tbody></table></section>`)

  for (const tool of TOOLS) {
    const rows = report.indicators.filter((i) => toolOfIndicator(i.number) === tool).sort((a, b) => a.number - b.number)
    if (!rows.length) continue
    const iCols = ['c-ind', 'c-guide', 'c-iresp', 'c-iperiod', 'c-progress']
    const sub = LABELS.toolSubheading(tool)
    out.push(
      `<section class="mr-wide"><h2>${txt(LABELS.toolHeading(tool))}</h2>${sub ? `<h3>${txt(sub)}</h3>` : ''}<table><colgroup>` +
        iCols.map((c) => `<col class="${c}">`).join('') +
        `</colgroup><thead><tr>${LABELS.indicatorsHeader.map((h) => `<th scope="col">${txt(h)}</th>`).join('')}</tr></thead><tbody>`,
    )
    for (const i of rows) out.push(indicatorRow(i, txt, paras, td))
    out.push(`</tbody></table></section>`)
  }

  out.push(
    `<section class="mr-wide mr-signatures">${signature(report.signatures.reporter, LABELS.reporter, txt)}` +
      `${signature(report.signatures.executive, LABELS.executive, txt)}</section>`,
  )

  const appendix = appendixHtml(report, txt, plain)
  if (appendix) out.push(appendix)
  out.push(`</article>`)
  return out.join('\n')
}

/** The ลำดับ cell: as written ("4.") when the agency wrote it so, else the number. */
export function orderText(m: Pick<Measure, 'order' | 'orderLabel'>): string {
  return m.orderLabel ?? String(m.order)
}

function indicatorRow(i: IndicatorReport, txt: Txt, paras: (p: readonly string[]) => string, td: (label: string, inner: string) => string): string {
  const h = LABELS.indicatorsHeader
  const head =
    `<p>${txt(LABELS.indicatorName(String(i.number), i.name))}</p>` +
    (i.score === null ? '' : `<p class="score">${txt(LABELS.score(formatScore(i.score)))}</p>`)
  const status =
    i.status === null
      ? ''
      : `<ul class="mr-status">` +
        LABELS.statuses
          .map(
            ([s, label]) =>
              `<li><label><input type="checkbox" disabled${s === i.status ? ' checked' : ''}>${txt(label)}</label></li>`,
          )
          .join('') +
        `</ul>`
  const progress = i.progress.length || !status ? paras(i.progress) : ''
  return (
    `<tr>${td(h[0], head)}${td(h[1], paras(i.improvementGuidelines))}${td(h[2], paras(linesOf(i.responsible)))}` +
    `${td(h[3], paras(linesOf(i.period)))}${td(h[4], progress + status)}</tr>`
  )
}

function signature(s: Signatory, role: string, txt: Txt): string {
  const name = s.name ? txt(s.name) : LABELS.blankName
  return (
    `<div><p>${txt(LABELS.signatureLine)} ${LABELS.blankName} ${txt(role)}</p><p>(${name})</p>` +
    (s.position ? `<p>${txt(s.position)}</p>` : '') +
    `</div>`
  )
}

/** A complete standalone HTML document (fonts inlined by default), e.g. for PDF or download. */
export function renderMeasuresReportHtml(report: MeasuresReport, opts: HtmlOptions = {}): string {
  // The PDF needs no Sarabun: Laksaman has Latin letters too.
  const css = opts.print
    ? `${laksamanFontFaceCss()}\n${MEASURES_REPORT_CSS}\n${measuresReportPrintCss(report)}`
    : sarabunFontFaceCss(opts.fonts ?? { kind: 'data' }) + MEASURES_REPORT_CSS
  return htmlDocument({
    title: renderMeasuresReportTitle(report),
    css,
    body: renderMeasuresReportBody(report),
  })
}
