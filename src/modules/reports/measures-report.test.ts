import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { phanomrung2566 } from '../../../demo/phanomrung-2566.js'
import { closeChromium, sharedChromium } from '../../platform/documents/chromium.js'
import { docxToHtml, docxToText, readPdf, type PdfContent } from '../../platform/documents/extract.js'
import { pdfPageToPng } from '../../platform/documents/preview.js'
import { htmlToText, squash } from '../../platform/documents/text.js'
import { parseReportTables } from './import-docx.js'
import { renderMeasuresReportDocx } from './measures-report.docx.js'
import { MEASURES_REPORT_CSS, renderMeasuresReportBody, renderMeasuresReportHtml } from './measures-report.html.js'
import { MeasuresReportSchema } from './measures-report.model.js'
import { renderMeasuresReportPdf } from './measures-report.pdf.js'
import { readSeed, seedTables } from './seed-tables.js'

// The seed (a real report) is the expected output: every cell of its tables must appear in the
// generated HTML, DOCX and PDF.
//
// How text is compared, and why:
// - All whitespace is removed (`squash`) before comparing. The seed's spaces are partly line
//   wraps of the original Word file, and the renderers put a paragraph break where the seed has
//   "๑. … ๒. …" run together, so spaces carry no information a reader could rely on. Thai has
//   no spaces between words, so removing them cannot make two different texts equal by accident
//   except across a space the seed itself had.
// - Seed checkboxes (<input … checked>) count as ☑ and the others as ☐, so the ticked status is
//   checked too, not only the labels. The seed's "๔." in the ลำดับ column prints as written.
// - Header rows: the seed repeats them per pasted table; the report has one per table, so each
//   distinct header cell must appear, and data rows must appear in order.
// - PDF: table cells are compared phrase by phrase (each space-separated piece of the cell), as a
//   row that breaks across a page interleaves its columns in the text layer. The status boxes are
//   drawn with CSS, so ☑/☐ are not in the PDF text; the labels are.

const seed = readSeed()
const tables = seedTables(seed)
const isHeader = (row: string[][]): boolean => /^(ลำดับ|ตัวชี้วัด)$/.test(squash(row[0]?.join('') ?? ''))
const headerCells = [...new Set(tables.flatMap((t) => t.filter(isHeader).flatMap((r) => r.map((c) => squash(c.join(''))))))]
const dataCells = tables.flatMap((t) =>
  t.filter((r) => !isHeader(r)).flatMap((r) => r.map((c) => c.join(' '))),
)
const introduction = seed.split('\n').find((l) => l.startsWith('รายงานผลการดำเนินการตามมาตรการ') && l.length > 200)!

function expectCellsInOrder(text: string, cells: string[]): void {
  const hay = squash(text)
  let at = 0
  for (const c of cells) {
    const needle = squash(c)
    const found = hay.indexOf(needle, at)
    expect(found, `cell not found (in order): ${c}`).toBeGreaterThanOrEqual(0)
    at = found + needle.length
  }
}

function expectHeaders(text: string): void {
  const hay = squash(text)
  for (const h of headerCells) expect(hay, `header ${h}`).toContain(h)
}

describe('seed ↔ demo data', () => {
  it('finds the seed tables: 6 measures and 10 indicators', () => {
    expect(tables.length).toBe(9)
    expect(dataCells.length).toBe(6 * 7 + 10 * 5)
    expect(introduction).toBeTruthy()
  })

  it('demo/phanomrung-2566.ts holds exactly the seed tables (parsed by the importer)', () => {
    const parsed = parseReportTables(tables)
    expect(parsed.thaiNumerals).toBe(true)
    expect(phanomrung2566.measures).toEqual(parsed.measures)
    expect(phanomrung2566.indicators).toEqual(parsed.indicators)
    expect(MeasuresReportSchema.parse(phanomrung2566)).toEqual(phanomrung2566)
  })
})

describe('HTML', () => {
  const html = renderMeasuresReportHtml(phanomrung2566)
  const body = renderMeasuresReportBody(phanomrung2566)

  it('contains every seed cell in order, and the headers, title and introduction', () => {
    const text = htmlToText(html)
    expectCellsInOrder(text, dataCells)
    expectHeaders(text)
    // The seed's headings: ในหน่วยงาน in the title, OIT without "เพื่อยกระดับ…" and with its sub-heading.
    expect(text).toContain('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงาน')
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๖')
    expect(text).toContain('เทศบาลตำบลพนมรุ้ง อำเภอเฉลิมพระเกียรติ จังหวัดบุรีรัมย์')
    expect(text).toContain(introduction)
    for (const tool of ['IIT', 'EIT']) expect(text).toContain(`สรุปการประเมิน ${tool} เพื่อยกระดับการประเมิน`)
    expect(body).toMatch(/ OIT<\/h2><h3>/)
    expect(squash(htmlToText(body))).toContain(squash('สรุปการประเมิน OIT ตัวชี้วัดที่ ๙ ข้อมูลพื้นฐาน'))
    expect(htmlToText(body)).toContain('๔.')
  })

  it('groups indicators by the framework: 1–5 IIT, 6–8 EIT, 9–10 OIT', () => {
    const text = squash(htmlToText(body))
    const at = (s: string): number => text.indexOf(squash(s))
    expect(at('สรุปการประเมิน IIT')).toBeLessThan(at('ตัวชี้วัดที่ ๕'))
    expect(at('ตัวชี้วัดที่ ๕')).toBeLessThan(at('สรุปการประเมิน EIT'))
    expect(at('สรุปการประเมิน EIT')).toBeLessThan(at('ตัวชี้วัดที่ ๖'))
    expect(at('ตัวชี้วัดที่ ๘')).toBeLessThan(at('สรุปการประเมิน OIT'))
    expect(at('สรุปการประเมิน OIT')).toBeLessThan(at('ตัวชี้วัดที่ ๙'))
  })

  it('has no scripts or style attributes in the fragment; Arabic digits when the flag is off', () => {
    expect(body).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i)
    expect(html).not.toMatch(/<script|\sstyle=/i)
    expect(MEASURES_REPORT_CSS).toContain('size: A4 landscape')
    const arabic = renderMeasuresReportBody({ ...phanomrung2566, agency: { ...phanomrung2566.agency, thaiNumerals: false } })
    expect(htmlToText(arabic)).toContain('คะแนน 93.59')
    expect(arabic).not.toMatch(/[๐-๙]/)
  })

  it('escapes every text value', () => {
    const evil = '<img src=x onerror=alert(1)>"&'
    const r = {
      ...phanomrung2566,
      agency: { ...phanomrung2566.agency, name: evil },
      measures: [{ ...phanomrung2566.measures[0]!, title: evil, steps: [evil] }],
      evidence: [{ title: evil, url: 'https://example.org/a?b="c"', refersTo: evil }],
    }
    const out = renderMeasuresReportHtml(r)
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;')
    expect(out).toContain('href="https://example.org/a?b=&quot;c&quot;"')
  })
})

describe('DOCX', () => {
  let docx: Buffer
  beforeAll(async () => {
    docx = await renderMeasuresReportDocx(phanomrung2566)
  })

  it('contains every seed cell in order (text read back by mammoth), with the status checkboxes', async () => {
    const text = await docxToText(docx)
    expectCellsInOrder(text, dataCells)
    expectHeaders(text)
    // Word joiners (invisible) keep a few words whole for LibreOffice's line breaking.
    expect(text.replaceAll('\u2060', '')).toContain(introduction)
  })

  it('uses TH SarabunPSK 16pt, A4, 3 cm / 2 cm margins, a landscape section and repeated header rows', async () => {
    const { default: JSZip } = await import('jszip')
    const zip = await JSZip.loadAsync(docx)
    const xml = await zip.file('word/document.xml')!.async('string')
    const styles = await zip.file('word/styles.xml')!.async('string')
    expect(styles).toContain('w:ascii="TH SarabunPSK"')
    expect(styles).toMatch(/<w:sz w:val="32"\/>/)
    expect(styles).toMatch(/<w:spacing [^>]*w:line="240"/)
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/)
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    expect(xml).toMatch(/w:left="1701"/)
    expect(xml).toMatch(/w:right="1134"/)
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(4)
    const { messages } = await docxToHtml(docx)
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([])
  })
})

describe('PDF', () => {
  let pdf: Buffer
  let content: PdfContent
  beforeAll(async () => {
    pdf = await renderMeasuresReportPdf(phanomrung2566)
    content = await readPdf(pdf)
  })
  afterAll(async () => {
    await closeChromium()
  })

  // HarfBuzz draws ำ as NIKHAHIT + SARA AA (after any tone mark), and pdf.js reads that back
  // as "ํ" "่" "า"; Skia records the original "ำ" only in /ActualText, which pdf.js ignores.
  const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ')

  it('embeds every font, and every font is Laksaman (TH SarabunPSK metrics, as the DOCX)', () => {
    expect(content.fonts.length).toBeGreaterThan(0)
    for (const f of content.fonts) {
      expect(f.embedded, f.name).toBe(true)
      expect(f.name).toMatch(/Laksaman/)
    }
  })

  it('prints the title portrait and the tables landscape on A4', () => {
    expect(content.sizes[0]).toEqual({ width: expect.closeTo(595, 0) as number, height: expect.closeTo(842, 0) as number })
    expect(content.sizes[1]).toEqual({ width: expect.closeTo(842, 0) as number, height: expect.closeTo(595, 0) as number })
  })

  it('extracts Thai exactly: no lost tone marks or vowels, the introduction verbatim', () => {
    const all = content.pages.join('\n')
    expect(all).not.toMatch(/[\u0000\ufffd]/)
    const first = squash(canonical(content.pages[0]!))
    expect(first).toContain(squash(introduction))
    expect(first).toContain(squash('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสในหน่วยงาน'))
  })

  it('contains every seed cell, phrase by phrase', () => {
    const pages = content.pages.map((p) => squash(canonical(p)))
    const hay = pages.join('')
    // A phrase on the last line of a page continues on the next one, after the repeated header.
    const splitAcrossPages = (phrase: string): boolean =>
      pages.some((page, n) => {
        for (let k = 1; k < phrase.length; k++) {
          if (page.includes(phrase.slice(0, k)) && pages[n + 1]?.includes(phrase.slice(k))) return true
        }
        return false
      })
    for (const cellText of [...dataCells, ...headerCells]) {
      for (const phrase of cellText.replace(/[☑☐]/g, ' ').split(/\s+/).filter(Boolean)) {
        const found = hay.includes(phrase) || splitAcrossPages(phrase)
        expect(found, `phrase "${phrase}" of cell: ${cellText.slice(0, 60)}…`).toBe(true)
      }
    }
  })

  it('writes a PNG of page 1, drawn from the PDF by pdf.js', async () => {
    const png = await pdfPageToPng(pdf, { page: 1, browser: await sharedChromium() })
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    mkdirSync('test-output', { recursive: true })
    writeFileSync('test-output/measures-report-page1.png', png)
    writeFileSync('test-output/measures-report-page2.png', await pdfPageToPng(pdf, { page: 2 }))
    writeFileSync('test-output/measures-report.pdf', pdf)
  })
})
