import type { Browser } from 'playwright-core'
import { sharedChromium } from './chromium.js'

export interface PdfOptions {
  /** Default orientation; CSS `@page` rules win (preferCSSPageSize), so mixed orientations work. */
  landscape?: boolean
  /** Margins when the document's CSS sets none. */
  margin?: { top?: string; right?: string; bottom?: string; left?: string }
  timeoutMs?: number
  /** A browser to use instead of the shared one (tests). */
  browser?: Browser
}

/**
 * HTML → PDF through Chromium. The HTML must be self-contained (fonts as data: URLs, see
 * fonts.ts): every network request is refused, so user text can never make the server fetch.
 */
export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const browser = opts.browser ?? (await sharedChromium())
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    await context.route(/^(?!data:)/, (route) => route.abort())
    const page = await context.newPage()
    const timeout = opts.timeoutMs ?? 30_000
    page.setDefaultTimeout(timeout)
    // 'load' waits for @font-face data: URLs in use to be decoded before printing.
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({
      format: 'A4',
      landscape: opts.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
      ...(opts.margin ? { margin: opts.margin } : {}),
    })
    return Buffer.from(pdf)
  } finally {
    await context.close()
  }
}
