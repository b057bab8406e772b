import { Marked, type Tokens } from 'marked'

// Staff write Markdown; no raw HTML from users ever reaches a page. Raw HTML in the source is
// shown as text, links keep only http(s), mailto and same-site paths, images become plain links
// (CSP allows only our own images anyway), headings start at h2 (the page owns the h1).

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** http(s), mailto, or a same-site absolute path; everything else (javascript:, data:, //host) is refused. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null
  const h = href.trim()
  // Browsers ignore tabs/newlines and control characters inside schemes ("java\tscript:").
  if (/[\u0000-\u001f\u007f]/.test(h)) return null
  if (/^\/(?!\/)/.test(h)) return h
  try {
    const u = new URL(h)
    if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:') return u.href
  } catch {
    return null
  }
  return null
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text)
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens)
      const href = safeHref(token.href)
      if (!href) return text
      const external = /^https?:/.test(href)
      return `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer"' : ''}>${text}</a>`
    },
    image(token: Tokens.Image) {
      const href = safeHref(token.href)
      const label = escapeHtml(token.text || token.href)
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>` : label
    },
    heading(token: Tokens.Heading) {
      const level = Math.min(6, Math.max(2, token.depth + 1))
      return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`
    },
    table(token: Tokens.Table) {
      // Tables scroll on a phone instead of widening the page.
      const head = token.header.map((c) => `<th scope="col">${this.parser.parseInline(c.tokens)}</th>`).join('')
      const rows = token.rows.map((r) => `<tr>${r.map((c) => `<td>${this.parser.parseInline(c.tokens)}</td>`).join('')}</tr>`).join('')
      return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
    },
  },
})

/** Markdown → safe HTML (a string for `dangerouslySetInnerHTML`-style raw output). */
export function renderMarkdown(md: string): string {
  return marked.parse(md ?? '') as string
}

/** Markdown → plain text (for search, feeds and summaries). */
export function markdownToText(md: string): string {
  return renderMarkdown(md)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

export function summary(md: string, max = 180): string {
  const t = markdownToText(md)
  return t.length > max ? t.slice(0, max - 1) + '…' : t
}
