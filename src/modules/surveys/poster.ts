import { LAKSAMAN_SCALE, laksamanFontFaceCss } from '../../platform/documents/fonts.js'
import { escapeHtml, htmlDocument, THAI_WRAP_CSS, thaiWrapHtml } from '../../platform/documents/html.js'
import { htmlToPdf, type PdfOptions } from '../../platform/documents/pdf.js'
import type { Lang } from '../../platform/i18n/i18n.js'
import { linkQrSvg } from '../../platform/people/person-links.js'
import { surveysT } from './surveys.i18n.js'

// The poster stuck on a service counter: the agency, the survey, the point, a large QR code and
// the address to type. A4 portrait PDF in Laksaman at TH SarabunPSK metrics (docs/decisions/0007).

export type Poster = { agency: string; title: string; point: string | null; url: string }

const size = (p: number) => `${(p * LAKSAMAN_SCALE).toFixed(2)}pt`
const CSS = `
@page { size: A4; margin: 2cm; }
body { font-family: 'Laksaman'; font-size: ${size(16)}; line-height: 1.35; text-align: center; color: #000; }
h1 { font-size: ${size(28)}; margin: 0 0 0.3em; } h2 { font-size: ${size(22)}; margin: 0 0 0.6em; font-weight: normal; }
.qr svg { width: 11cm; height: 11cm; } .url { font-size: ${size(16)}; word-break: break-all; } .hint { font-size: ${size(20)}; margin-top: 0.6em; }
${THAI_WRAP_CSS}`

/** The poster's lines, exactly as the PDF prints them (tests read them back). */
export const posterLines = (p: Poster, L: Lang) => [p.agency, surveysT(L, 'poster.ask'), p.title, ...(p.point ? [surveysT(L, 'poster.point', { point: p.point })] : []), surveysT(L, 'poster.hint'), p.url]

export async function posterPdf(p: Poster, L: Lang, opts: Pick<PdfOptions, 'browser'> = {}): Promise<Buffer> {
  const [agency, ask, title, ...rest] = posterLines(p, L)
  const point = p.point ? rest.shift() : undefined
  const [hint, url] = rest
  const t = (x: string) => thaiWrapHtml(x)
  const body =
    `<p>${t(agency!)}</p><h1>${t(ask!)}</h1><h2>${t(title!)}</h2>${point ? `<p>${t(point)}</p>` : ''}` +
    `<div class="qr">${await linkQrSvg(p.url)}</div><p class="hint">${t(hint!)}</p><p class="url">${escapeHtml(url!)}</p>`
  return htmlToPdf(htmlDocument({ title: `${ask} ${title}`, css: `${laksamanFontFaceCss()}\n${CSS}`, body, lang: L }), opts)
}
