// Text extraction for tests and importers: what a reader would see, without markup.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z0-9]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : m
    }
    return ENTITIES[e.toLowerCase()] ?? m
  })
}

const BLOCK = /^(p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|section|header|footer|caption|figure|dd|dt|dl)$/i

/**
 * Visible text of an HTML fragment. Block boundaries become a space (Thai words are not
 * separated by spaces, so blocks must not run together), checkboxes become ☑ / ☐, and
 * <style>/<script>/<head> content is dropped.
 */
export function htmlToText(html: string): string {
  const noHidden = html.replace(/<(style|script|head|title)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
  const text = noHidden.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (tag, name: string) => {
    if (name.toLowerCase() === 'input' && /type\s*=\s*["']?checkbox/i.test(tag)) {
      return /\schecked\b/i.test(tag) ? '☑' : '☐'
    }
    return BLOCK.test(name) ? ' ' : ''
  })
  return decodeEntities(text)
}

/** Collapses every run of whitespace (including NBSP and zero-width space) to one space; word joiners go. */
export function normalizeSpace(s: string): string {
  return s.replace(/\u2060/g, '').replace(/[\s\u00a0\u200b]+/g, ' ').trim()
}

/** Removes all whitespace (and word joiners): for comparing Thai text whose line breaks fall at arbitrary places. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2060]+/g, '')
}
