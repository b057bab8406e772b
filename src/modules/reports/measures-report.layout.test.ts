import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { phanomrung2566 } from '../../../demo/phanomrung-2566.js'
import { closeChromium, sharedChromium } from '../../platform/documents/chromium.js'
import { readPdfLines, type PdfLine } from '../../platform/documents/extract.js'
import { sarabunPskWidthPt } from '../../platform/documents/fonts.js'
import { htmlDocument } from '../../platform/documents/html.js'
import { squash } from '../../platform/documents/text.js'
import { toThaiDigits } from '../../platform/thai/numerals.js'
import { thaiLexicon, thaiLinePieces, unbreakableUnits, type ThaiLexicon } from '../../platform/thai/segment.js'
import { fitColumnWidths, renderMeasuresReportDocx } from './measures-report.docx.js'
import { digitsFor, linesOf, placeWords } from './measures-report.format.js'
import { MEASURES_REPORT_CSS, renderMeasuresReportBody, renderMeasuresReportHtml } from './measures-report.html.js'
import { LABELS } from './measures-report.labels.js'
import { TOOLS, type MeasuresReport } from './measures-report.model.js'
import { renderMeasuresReportPdf } from './measures-report.pdf.js'
import { sarabunFontFaceCss } from '../../platform/documents/fonts.js'

// Print quality of the measures report (issue 14): lines break between words only, every page
// is numbered, no heading is left at a page foot, every DOCX column holds its longest word, and
// the HTML is a set of cards on a phone but the table in print.

/**
 * The demo agency's FY 2567 as the issue found it: scores for every indicator, the analysis and
 * plan written for indicator 10 only (the report once printed indicator 10 alone).
 */
const demo2567: MeasuresReport = {
  ...phanomrung2566,
  fiscalYear: 2567,
  introduction: phanomrung2566.introduction.map((p) => p.replaceAll('2566', '2567')),
  measures: phanomrung2566.measures.map((m) => ({ ...m, period: m.period.replaceAll('2566', '2567') })),
  indicators: phanomrung2566.indicators.map((i) =>
    i.number === 10
      ? { ...i, period: 'ปีงบประมาณ 2567', score: 78.5 }
      : { number: i.number, name: i.name, score: Math.min(100, (i.score ?? 80) + 1.25), improvementGuidelines: [], responsible: '', period: '', progress: [], status: null },
  ),
}

// pdf.js reads ำ drawn as NIKHAHIT + SARA AA back as "ํ" "า" (after any tone mark).
const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ').normalize('NFC')

/** Every paragraph the report prints, as printed (digits), squashed: to tell a paragraph's first line. */
function printedParagraphs(r: MeasuresReport): string[] {
  const d = digitsFor(r)
  const all = [
    LABELS.title,
    LABELS.fiscalYear(String(r.fiscalYear)),
    LABELS.agencyLine(r.agency.name, r.agency.district, r.agency.province),
    ...r.introduction,
    ...LABELS.measuresHeader,
    ...LABELS.indicatorsHeader,
    ...r.measures.flatMap((m) => [m.orderLabel ?? String(m.order), m.title, ...m.steps, ...linesOf(m.period), ...linesOf(m.responsible), ...m.resultSummary, ...m.outcome]),
    ...r.indicators.flatMap((i) => [LABELS.indicatorName(String(i.number), i.name), LABELS.score(i.score?.toFixed(2) ?? ''), ...i.improvementGuidelines, ...linesOf(i.responsible), ...linesOf(i.period), ...i.progress]),
    ...LABELS.statuses.map(([, l]) => l),
    `(${LABELS.missing})`,
    ...TOOLS.flatMap((t) => [LABELS.toolHeading(t), LABELS.toolSubheading(t) ?? '']),
    ...[r.signatures.reporter, r.signatures.executive].flatMap((x) => [`(${x.name || LABELS.blankName})`, x.position]),
  ]
  return all.map((p) => d(p).normalize('NFC'))
}

const FOOTER = /^หน้า (\S+) \/ (\S+)$/

/** The layout faults of a PDF's lines; [] when there are none. */
function layoutFaults(pages: PdfLine[][], r: MeasuresReport, lex: ThaiLexicon): string[] {
  const d = digitsFor(r)
  const printed = printedParagraphs(r)
  const paragraphs = printed.map(squash).filter(Boolean)
  // Where the text has a space: pdf.js gives a line without its trailing space.
  const spaced = printed.map((q) => q.replace(/\s+/g, ' ')).join('\n')
  const headings = new Set(TOOLS.flatMap((t) => [LABELS.toolHeading(t), LABELS.toolSubheading(t)]).filter((h): h is string => !!h).map((h) => squash(d(h))))
  const faults: string[] = []
  pages.forEach((lines, p) => {
    const footer = lines.filter((l) => FOOTER.test(l.text.trim()))
    const want = `${LABELS.page} ${d(String(p + 1))} / ${d(String(pages.length))}`
    if (footer.length !== 1 || footer[0]!.text.trim() !== want) faults.push(`page ${p + 1}: footer ${JSON.stringify(footer.map((l) => l.text))}, want "${want}"`)
    const body = lines.filter((l) => !footer.includes(l))
    const last = [...body].sort((a, b) => a.y - b.y || a.x - b.x)[0]
    if (last && headings.has(squash(canonical(last.text)))) faults.push(`page ${p + 1}: ends with the heading "${last.text}"`)
    for (let k = 1; k < body.length; k++) {
      const a = body[k - 1]!
      const b = body[k]!
      // The next line of the same column (a cell's lines follow each other in the stream).
      const next = b.y < a.y - 1 && b.y > a.y - 3 * a.size && Math.abs(b.x - a.x) < 2 * a.size
      if (!next) continue
      const bs = squash(canonical(b.text))
      if (paragraphs.some((q) => q.startsWith(bs) || bs.startsWith(q))) continue // a new paragraph, not a wrap
      const at = canonical(a.text)
      const bt = canonical(b.text)
      if (/\s$/.test(at) || /^\s/.test(bt)) continue // broke at a space
      const left = at.split(/\s+/).pop()!
      const right = bt.split(/\s+/)[0]!
      if (spaced.includes(`${left} ${right}`)) continue
      let edge = 0
      const edges = new Set(thaiLinePieces(left + right, lex).map((piece) => (edge += piece.length)))
      if (!edges.has(left.length)) faults.push(`page ${p + 1}: "${left}|${right}" breaks inside a word`)
    }
  })
  return faults
}

describe('PDF layout', () => {
  afterAll(async () => {
    await closeChromium()
  })

  for (const report of [phanomrung2566, demo2567]) {
    it(`FY ${report.fiscalYear}: no line breaks inside a word, every page numbered, no heading at a page foot`, async () => {
      const pdf = await renderMeasuresReportPdf(report)
      const pages = await readPdfLines(pdf)
      mkdirSync('test-output', { recursive: true })
      writeFileSync(`test-output/measures-report-${report.fiscalYear}.pdf`, pdf)
      expect(pages.length).toBeGreaterThan(3)
      expect(layoutFaults(pages, report, thaiLexicon(placeWords(report.agency)))).toEqual([])
      // Pages are filled: the measures and indicators do not take a page each.
      expect(pages.length).toBeLessThanOrEqual(report === phanomrung2566 ? 12 : 9)
    })
  }

  it('FY 2567: prints every indicator, and marks what is missing', async () => {
    const text = squash(renderMeasuresReportBody(demo2567).replace(/<[^>]+>/g, ''))
    for (let n = 1; n <= 10; n++) expect(text).toContain(squash(`ตัวชี้วัดที่ ${toThaiDigits(String(n))}`))
    expect(text.split(squash(LABELS.missing)).length - 1).toBe(9 * 4)
  })

  it('finds the faults it looks for (a word broken at a line end, a missing number, a stranded heading)', () => {
    const lex = thaiLexicon()
    const line = (text: string, y: number, x = 100): PdfLine => ({ text, x, y, right: x + 50, size: 10 })
    const faults = layoutFaults(
      [
        [line('หน้า ๑ / ๒', 20, 700), line('ปีงบประมา', 500), line('ณ ๒๕๖๖', 488), line('สรุปการประเมิน EIT เพื่อยกระดับการประเมิน', 40)],
        [line('ตัวชี้วัด', 500)],
      ],
      phanomrung2566,
      lex,
    )
    expect(faults).toEqual([
      'page 1: ends with the heading "สรุปการประเมิน EIT เพื่อยกระดับการประเมิน"',
      'page 1: "ปีงบประมา|ณ" breaks inside a word',
      'page 2: footer [], want "หน้า ๒ / ๒"',
    ])
  })
})

describe('DOCX column widths', () => {
  it('fits the minimums and shares the rest by the proportions', () => {
    expect(fitColumnWidths([1, 1, 2], [0, 0, 0], 400)).toEqual([100, 100, 200])
    expect(fitColumnWidths([1, 1, 2], [250, 0, 0], 400)).toEqual([250, 50, 100])
    expect(fitColumnWidths([1, 1], [300, 300], 400)).toEqual([200, 200])
  })

  for (const report of [phanomrung2566, demo2567]) {
    it(`FY ${report.fiscalYear}: every column is wide enough for its longest word at the document's font size`, async () => {
      const { default: JSZip } = await import('jszip')
      const zip = await JSZip.loadAsync(await renderMeasuresReportDocx(report))
      const xml = await zip.file('word/document.xml')!.async('string')
      const styles = await zip.file('word/styles.xml')!.async('string')
      expect(styles).toContain('w:ascii="TH SarabunPSK"') // measured with its metrics (Laksaman × 0.66)
      const sizePt = Number(/<w:docDefaults>[^]*?<w:sz w:val="(\d+)"/.exec(styles)![1]) / 2
      expect(sizePt).toBe(16)
      const lex = thaiLexicon(placeWords(report.agency))
      const tables = [...xml.matchAll(/<w:tbl>([^]*?)<\/w:tbl>/g)].map((m) => m[1]!)
      expect(tables.length).toBeGreaterThanOrEqual(4)
      let checked = 0
      const tooNarrow: string[] = []
      for (const t of tables) {
        const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
        for (const row of t.matchAll(/<w:tr>([^]*?)<\/w:tr>/g)) {
          ;[...row[1]!.matchAll(/<w:tc>([^]*?)<\/w:tc>/g)].forEach((tc, col) => {
            const c = tc[1]!
            const mar = (side: string): number => Number(new RegExp(`<w:tcMar>[^]*?<w:${side} w:type="dxa" w:w="(\\d+)"`).exec(c)?.[1] ?? 108)
            const room = grid[col]! - mar('left') - mar('right')
            for (const p of c.matchAll(/<w:p>([^]*?)<\/w:p>/g)) {
              const runs = [...p[1]!.matchAll(/<w:r>([^]*?)<\/w:r>/g)].map((r) => ({ bold: /<w:b\/>/.test(r[1]!), text: [...r[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('') }))
              const text = runs.map((r) => r.text).join('').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"')
              const bold = runs.some((r) => r.bold && r.text)
              // A checkbox (drawn in a symbol font) counts one em.
              const box = /^[☐☑]/.test(text) ? sizePt : 0
              // Word joiners only ever join: measure the text without them.
              unbreakableUnits(text.replace(/^[☐☑]\s*/, '').replaceAll('\u2060', ''), lex).forEach((u, k) => {
                const twips = (sarabunPskWidthPt(u, sizePt, bold) + (k === 0 ? box : 0)) * 20
                checked++
                if (twips > room) tooNarrow.push(`"${u}" needs ${Math.ceil(twips)} twips, column ${col + 1} has ${room}`)
              })
            }
          })
        }
      }
      expect(checked).toBeGreaterThan(500)
      // LibreOffice cannot cut สำนักปลัดฯ (its dictionary would: สำ|นัก).
      expect(xml).toContain(['สำ', 'นั', 'ก', 'ป', 'ลั', 'ด'].join('\u2060'))
      expect(tooNarrow).toEqual([])
    })
  }
})

describe('HTML on a phone and in print', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await sharedChromium()
  })
  afterAll(async () => {
    await closeChromium()
  })

  // The public page's stylesheet is the report CSS with the fonts by URL; here they are inlined.
  const page = htmlDocument({ title: 'report', css: sarabunFontFaceCss({ kind: 'data' }) + MEASURES_REPORT_CSS, body: renderMeasuresReportBody(phanomrung2566) })

  for (const width of [320, 390]) {
    it(`${width} px: each measure is a card of labelled fields, no horizontal scroll`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false })
      try {
        const p = await ctx.newPage()
        await p.setContent(page, { waitUntil: 'load' })
        const r = await p.evaluate(() => {
          const td = document.querySelector('tbody td:nth-child(3)')!
          return {
            scroll: document.documentElement.scrollWidth,
            display: getComputedStyle(document.querySelector('tbody tr')!).display,
            label: getComputedStyle(td, '::before').content,
            widest: [...document.querySelectorAll('.mr *')].filter((e) => !e.closest('thead')).map((e) => ({ right: Math.round(e.getBoundingClientRect().right), what: `${e.tagName}.${e.className} ${(e.textContent ?? '').slice(0, 30)}` })).sort((a, b) => b.right - a.right)[0]!,
          }
        })
        expect(r.scroll).toBeLessThanOrEqual(width)
        expect(r.widest.right, r.widest.what).toBeLessThanOrEqual(width)
        expect(r.display).toBe('block')
        expect(r.label).toBe('"วิธีดำเนินการ"')
        if (width === 320) writeFileSync('test-output/measures-report-320.png', await p.screenshot({ fullPage: false }))
      } finally {
        await ctx.close()
      }
    })
  }

  it('prints (emulated print media) as the table, every word inside its cell', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false })
    try {
      const p = await ctx.newPage()
      await p.setContent(renderMeasuresReportHtml(phanomrung2566, { print: true }), { waitUntil: 'load' })
      await p.emulateMedia({ media: 'print' })
      // The printable width of a landscape A4 page with 3 cm + 2 cm margins, in CSS px.
      await p.setViewportSize({ width: Math.floor(((29.7 - 5) / 2.54) * 96), height: 700 })
      const r = await p.evaluate(() => ({
        row: getComputedStyle(document.querySelector('tbody tr')!).display,
        label: getComputedStyle(document.querySelector('tbody td')!, '::before').content,
        overflowing: [...document.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent!.slice(0, 40)),
      }))
      expect(r.row).toBe('table-row')
      expect(r.label).toBe('none')
      expect(r.overflowing).toEqual([])
    } finally {
      await ctx.close()
    }
  })
})
