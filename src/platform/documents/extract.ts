import { htmlToText } from './text.js'
import { docxToHtmlGuarded } from './parse-in-worker.js'

/**
 * DOCX → HTML (mammoth keeps tables, paragraphs inside cells and content-control checkboxes). An
 * upload is checked for zip bombs and parsed in a worker with memory and time limits.
 */
export async function docxToHtml(docx: Buffer | Uint8Array): Promise<{ html: string; messages: string[] }> {
  return docxToHtmlGuarded(new Uint8Array(docx))
}

/** DOCX → visible text, checkboxes as ☑ / ☐. */
export async function docxToText(docx: Buffer | Uint8Array): Promise<string> {
  return htmlToText((await docxToHtml(docx)).html)
}

export interface PdfFontInfo {
  name: string
  embedded: boolean
  type: string | undefined
}

export interface PdfContent {
  /** Per page: text items in content-stream order, joined with a space at line ends. */
  pages: string[]
  fonts: PdfFontInfo[]
  /** Page sizes in PDF points, to check orientation. */
  sizes: { width: number; height: number }[]
}

/** Text, fonts and page sizes of a PDF, via pdf.js (legacy build: the modern one needs newer Node APIs). */
export async function readPdf(pdf: Buffer | Uint8Array): Promise<PdfContent> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise
  const pages: string[] = []
  const sizes: PdfContent['sizes'] = []
  const fonts = new Map<string, PdfFontInfo>()
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const [, , w, h] = page.view
      sizes.push({ width: w ?? 0, height: h ?? 0 })
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if (!('str' in item)) continue
        text += item.str + (item.hasEOL ? ' ' : '')
      }
      pages.push(text)
      // Font objects are only resolved once the page's operator list has been built.
      const ops = await page.getOperatorList()
      for (let i = 0; i < ops.fnArray.length; i++) {
        if (ops.fnArray[i] !== pdfjs.OPS.setFont) continue
        const loadedName = (ops.argsArray[i] as [string])[0]
        if (fonts.has(loadedName)) continue
        const font = page.commonObjs.get(loadedName) as { name?: string; missingFile?: boolean; type?: string }
        fonts.set(loadedName, { name: font.name ?? loadedName, embedded: !font.missingFile, type: font.type })
      }
      page.cleanup()
    }
  } finally {
    await doc.destroy()
  }
  return { pages, fonts: [...fonts.values()], sizes }
}

export interface PdfLine {
  text: string
  /** Left edge and baseline in PDF points (y grows upwards), and the font size. */
  x: number
  y: number
  right: number
  size: number
}

/**
 * The text lines of each page, in content-stream order (Chromium paints a table cell by cell, so
 * a cell's lines follow each other): consecutive text items on one baseline, each starting where
 * the previous one ended, form a line.
 */
export async function readPdfLines(pdf: Buffer | Uint8Array): Promise<PdfLine[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise
  const pages: PdfLine[][] = []
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const lines: PdfLine[] = []
      let cur: PdfLine | undefined
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue
        const [a, , , d, x, y] = item.transform as number[]
        const size = Math.abs(d ?? a ?? 0) || item.height
        if (item.str) {
          const sameLine = cur && Math.abs(y! - cur.y) < size * 0.3 && x! >= cur.right - size * 0.3 && x! - cur.right < size
          if (cur && sameLine) {
            const gap = x! - cur.right > size * 0.2 && !/\s$/.test(cur.text) && !/^\s/.test(item.str)
            cur.text += (gap ? ' ' : '') + item.str
            cur.right = x! + item.width
          } else {
            cur = { text: item.str, x: x!, y: y!, right: x! + item.width, size }
            lines.push(cur)
          }
        }
        if (item.hasEOL) cur = undefined
      }
      pages.push(lines)
      page.cleanup()
    }
  } finally {
    await doc.destroy()
  }
  return pages
}
