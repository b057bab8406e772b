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
