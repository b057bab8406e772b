import { describe, expect, it } from 'vitest'
import { markdownToText, renderMarkdown, safeHref } from './markdown.js'

describe('staff Markdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# หัวข้อ\n\n**ตัวหนา** และ [ลิงก์](https://example.go.th/a)')
    expect(html).toContain('<h2>หัวข้อ</h2>')
    expect(html).toContain('<strong>ตัวหนา</strong>')
    expect(html).toContain('<a href="https://example.go.th/a" rel="noopener noreferrer">ลิงก์</a>')
  })
  it('never passes raw HTML through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nข้อความ <img src=x onerror=alert(1)> <b>b</b>')
    expect(html).not.toMatch(/<script|<img|<b>/i)
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
  it('keeps only http(s), mailto and same-site links', () => {
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x', 'java\tscript:alert(1)']) {
      expect(safeHref(bad), bad).toBeNull()
    }
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href')
    expect(renderMarkdown('[x](<javascript:alert(1)>)')).not.toContain('href')
    expect(safeHref('mailto:a@b.example')).toBe('mailto:a@b.example')
    expect(safeHref('/o/x/news')).toBe('/o/x/news')
  })
  it('turns images into links and escapes attribute quotes', () => {
    const html = renderMarkdown('![a"b](https://example.go.th/p.png "t")')
    expect(html).not.toContain('<img')
    expect(html).toContain('a&quot;b')
  })
  it('gives plain text for search', () => {
    expect(markdownToText('## ประกาศ\n\n*ผล* <i>x</i>')).toBe('ประกาศ ผล <i>x</i>')
  })
})
