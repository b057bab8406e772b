import { thaiLinePieces, type ThaiLexicon } from '../thai/segment.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** A complete HTML document (doctype, lang, charset) around a body fragment and a stylesheet. */
export function htmlDocument(opts: { title: string; css: string; body: string; lang?: string }): string {
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(opts.lang ?? 'th')}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(opts.title)}</title><style>${opts.css}</style></head>` +
    `<body>${opts.body}</body></html>`
  )
}

/**
 * Escaped text whose lines break between Thai words only: each run without spaces that holds
 * Thai becomes a no-wrap span (so Chromium neither uses its own dictionary nor breaks a word to
 * fit, which `overflow-wrap` would) with <wbr> at the dictionary segmenter's word boundaries.
 * Needs THAI_WRAP_CSS. <wbr> is markup, not a character: it leaves no trace in copied text or
 * in a PDF's text layer.
 */
export function thaiWrapHtml(text: string, lexicon?: ThaiLexicon): string {
  return text
    .split(/(\s+)/)
    .map((run) => {
      if (!/[\u0E00-\u0E7F]/.test(run)) return escapeHtml(run)
      const pieces = thaiLinePieces(run, lexicon)
      return `<span class="tw">${pieces.map(escapeHtml).join('<wbr>')}</span>`
    })
    .join('')
}

export const THAI_WRAP_CSS = '.tw{white-space:nowrap}'
