import { sarabunFontFaceCss, type FontSource } from '../../platform/documents/fonts.js'
import { escapeHtml, htmlDocument } from '../../platform/documents/html.js'
import { LABELS } from './measures-report.labels.js'
import { digitsFor, formatScore, linesOf } from './measures-report.format.js'
import { TOOLS, toolOfIndicator, type IndicatorReport, type MeasuresReport, type Signatory } from './measures-report.model.js'

// One template for screen and print. The fragment carries no style attributes and no scripts,
// so the web app can serve it under a strict CSP with MEASURES_REPORT_CSS as an external file.
// Every text value passes through `txt` (digits, then escaping).

/**
 * Print and screen CSS. Google's Sarabun draws larger than TH SarabunPSK at the same size, so
 * 16pt body text (the government norm) is kept for prose and the seven-column tables use 13pt
 * to stay readable on a landscape page.
 */
export const MEASURES_REPORT_CSS = `
@page { size: A4 portrait; margin: 2cm 2cm 2cm 3cm; }
@page wide { size: A4 landscape; margin: 2cm 2cm 2cm 3cm; }
.mr { font-family: 'Sarabun', sans-serif; font-size: 16pt; line-height: 1.45; color: #000; max-width: 100%; }
.mr h1, .mr h2 { font-weight: 700; margin: 0 0 .6em; line-height: 1.35; }
.mr h1 { font-size: 18pt; text-align: center; }
.mr h1 span { display: block; }
.mr h2 { font-size: 16pt; }
.mr p { margin: 0; }
.mr-intro p { text-indent: 2.5em; margin-bottom: .6em; } /* justify only stretches spaces, which Thai barely has */
.mr-wide { page: wide; }
.mr-wide + .mr-wide { margin-top: 1.2em; }
.mr table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 13pt; line-height: 1.35; }
.mr th, .mr td { border: 1px solid #000; padding: .25em .35em; vertical-align: top; text-align: left; overflow-wrap: break-word; }
.mr th { font-weight: 700; text-align: center; vertical-align: middle; background: #eee; }
.mr thead { display: table-header-group; }
.mr tr { break-inside: avoid; }
.mr td p + p { margin-top: .3em; }
.mr .c-order { width: 7%; text-align: center; }
.mr .c-title { width: 14%; } .mr .c-steps { width: 17%; } .mr .c-period { width: 12%; }
.mr .c-resp { width: 11%; } .mr .c-summary { width: 20%; } .mr .c-outcome { width: 19%; }
.mr .c-ind { width: 16%; } .mr .c-guide { width: 30%; } .mr .c-iresp { width: 12%; }
.mr .c-iperiod { width: 11%; } .mr .c-progress { width: 31%; }
.mr .c-url { width: 40%; }
.mr .score { font-weight: 700; }
.mr-status { list-style: none; margin: .4em 0 0; padding: 0; }
.mr-status label { display: inline-flex; align-items: baseline; gap: .35em; }
.mr-status input { appearance: none; margin: 0; width: .8em; height: .8em; border: 1.5px solid #000; position: relative; flex: none; top: .1em; }
.mr-status input:checked::after { content: ''; position: absolute; left: .22em; top: 0; width: .22em; height: .48em; border: solid #000; border-width: 0 .13em .13em 0; transform: rotate(45deg); }
.mr-signatures { display: flex; justify-content: space-around; gap: 2em; margin-top: 2em; break-inside: avoid; }
.mr-signatures div { text-align: center; }
.mr a { color: #000; overflow-wrap: anywhere; }
/* Sarabun's ccmp swaps tone marks and shifted vowels for glyphs that have no Unicode value, so a
   PDF text layer read without /ActualText (pdf.js, many indexers) loses them; GPOS positions the
   marks just as well. Cost: ญ/ฐ keep their tail above ุ ู (rare). */
@media print { .mr { font-feature-settings: "ccmp" 0; } }
@media screen { .mr { max-width: 80rem; margin: 1rem auto; padding: 0 1rem; } }
`

export interface HtmlOptions {
  /** Where the standalone document gets its fonts: inlined (default; PDF) or served by the app. */
  fonts?: FontSource
}

export function renderMeasuresReportTitle(report: MeasuresReport): string {
  const d = digitsFor(report)
  return `${LABELS.title} ${d(LABELS.fiscalYear(String(report.fiscalYear)))} ${report.agency.name}`
}

/** The report as an HTML fragment (an <article>), for the app's layout or the standalone document. */
export function renderMeasuresReportBody(report: MeasuresReport): string {
  const d = digitsFor(report)
  const txt = (s: string): string => escapeHtml(d(s))
  const paras = (items: readonly string[]): string => items.map((p) => `<p>${txt(p)}</p>`).join('')
  const { agency } = report
  const out: string[] = []

  out.push(
    `<article class="mr"><header><h1><span>${txt(LABELS.title)}</span>` +
      `<span>${txt(LABELS.fiscalYear(String(report.fiscalYear)))}</span>` +
      `<span>${txt(LABELS.agencyLine(agency.name, agency.district, agency.province))}</span></h1></header>`,
  )
  if (report.introduction.length) out.push(`<section class="mr-intro">${paras(report.introduction)}</section>`)

  const mCols = ['c-order', 'c-title', 'c-steps', 'c-period', 'c-resp', 'c-summary', 'c-outcome']
  out.push(
    `<section class="mr-wide" aria-label="${txt(LABELS.measuresCaption)}"><table><colgroup>` +
      mCols.map((c) => `<col class="${c}">`).join('') +
      `</colgroup><thead><tr>${LABELS.measuresHeader.map((h) => `<th scope="col">${txt(h)}</th>`).join('')}</tr></thead><tbody>`,
  )
  for (const m of [...report.measures].sort((a, b) => a.order - b.order)) {
    out.push(
      `<tr><td class="c-order">${txt(String(m.order))}</td><td>${paras([m.title])}</td>` +
        `<td>${paras(m.steps)}</td><td>${paras(linesOf(m.period))}</td><td>${paras(linesOf(m.responsible))}</td>` +
        `<td>${paras(m.resultSummary)}</td><td>${paras(m.outcome)}</td></tr>`,
    )
  }
  out.push(`</tbody></table></section>`)

  for (const tool of TOOLS) {
    const rows = report.indicators.filter((i) => toolOfIndicator(i.number) === tool).sort((a, b) => a.number - b.number)
    if (!rows.length) continue
    const iCols = ['c-ind', 'c-guide', 'c-iresp', 'c-iperiod', 'c-progress']
    out.push(
      `<section class="mr-wide"><h2>${txt(LABELS.toolHeading(tool))}</h2><table><colgroup>` +
        iCols.map((c) => `<col class="${c}">`).join('') +
        `</colgroup><thead><tr>${LABELS.indicatorsHeader.map((h) => `<th scope="col">${txt(h)}</th>`).join('')}</tr></thead><tbody>`,
    )
    for (const i of rows) out.push(indicatorRow(i, txt, paras))
    out.push(`</tbody></table></section>`)
  }

  out.push(
    `<section class="mr-wide mr-signatures">${signature(report.signatures.reporter, LABELS.reporter, txt)}` +
      `${signature(report.signatures.executive, LABELS.executive, txt)}</section>`,
  )

  if (report.evidence.length) {
    out.push(
      `<section class="mr-appendix"><h2>${txt(LABELS.appendix)}</h2><table><colgroup><col class="c-order"><col><col><col class="c-url"></colgroup>` +
        `<thead><tr>${LABELS.appendixHeader.map((h) => `<th scope="col">${txt(h)}</th>`).join('')}</tr></thead><tbody>`,
    )
    report.evidence.forEach((e, k) => {
      // URLs keep their digits: converting them would break the link.
      out.push(
        `<tr><td class="c-order">${txt(String(k + 1))}</td><td>${txt(e.title)}</td><td>${txt(e.refersTo ?? '')}</td>` +
          `<td><a href="${escapeHtml(e.url)}">${escapeHtml(e.url)}</a></td></tr>`,
      )
    })
    out.push(`</tbody></table></section>`)
  }
  out.push(`</article>`)
  return out.join('\n')
}

function indicatorRow(i: IndicatorReport, txt: (s: string) => string, paras: (p: readonly string[]) => string): string {
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
  return (
    `<tr><td>${head}</td><td>${paras(i.improvementGuidelines)}</td><td>${paras(linesOf(i.responsible))}</td>` +
    `<td>${paras(linesOf(i.period))}</td><td>${paras(i.progress)}${status}</td></tr>`
  )
}

function signature(s: Signatory, role: string, txt: (s: string) => string): string {
  const name = s.name ? txt(s.name) : LABELS.blankName
  return (
    `<div><p>${txt(LABELS.signatureLine)} ${LABELS.blankName} ${txt(role)}</p><p>(${name})</p>` +
    (s.position ? `<p>${txt(s.position)}</p>` : '') +
    `</div>`
  )
}

/** A complete standalone HTML document (fonts inlined by default), e.g. for PDF or download. */
export function renderMeasuresReportHtml(report: MeasuresReport, opts: HtmlOptions = {}): string {
  return htmlDocument({
    title: renderMeasuresReportTitle(report),
    css: sarabunFontFaceCss(opts.fonts ?? { kind: 'data' }) + MEASURES_REPORT_CSS,
    body: renderMeasuresReportBody(report),
  })
}
