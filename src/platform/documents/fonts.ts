import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { readFontMetrics, textWidthPt, type FontMetrics } from './font-metrics.js'

// Sarabun (OFL) comes from the installed @fontsource/sarabun package, never from system fonts,
// so a PDF looks the same on every server and embeds the font it was drawn with.
const require = createRequire(import.meta.url)
export const SARABUN_DIR = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files')

// @fontsource's CSS files carry no unicode-range; without it Chromium may pick the Latin subset
// for Thai text. These are Google Fonts' ranges for the same subsets.
const SUBSETS = {
  thai: 'U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC',
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  'latin-ext':
    'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
} as const
const WEIGHTS = [400, 700] as const

export type FontSource =
  /** Fonts inlined as data: URLs: a standalone document that needs no server (PDF rendering). */
  | { kind: 'data' }
  /** Fonts served by the app, e.g. `/static/fonts/` → `/static/fonts/sarabun-thai-400-normal.woff2`. */
  | { kind: 'url'; prefix: string }

export function sarabunFileName(subset: keyof typeof SUBSETS, weight: 400 | 700): string {
  return `sarabun-${subset}-${weight}-normal.woff2`
}

let dataCss: string | undefined

/** `@font-face` rules for Sarabun 400/700 (Thai, Latin, Latin Extended). */
export function sarabunFontFaceCss(source: FontSource = { kind: 'data' }): string {
  if (source.kind === 'data' && dataCss) return dataCss
  const rules: string[] = []
  for (const weight of WEIGHTS) {
    for (const [subset, range] of Object.entries(SUBSETS) as [keyof typeof SUBSETS, string][]) {
      const file = sarabunFileName(subset, weight)
      const url =
        source.kind === 'data'
          ? `data:font/woff2;base64,${readFileSync(join(SARABUN_DIR, file)).toString('base64')}`
          : source.prefix + file
      rules.push(
        `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:block;` +
          `src:url(${url}) format('woff2');unicode-range:${range}}`,
      )
    }
  }
  const css = rules.join('\n')
  if (source.kind === 'data') dataCss = css
  return css
}

// Laksaman (fonts-tlwg, GPL-2+ with the font exception: embedding it in a document does not put
// the document under the GPL; fonts/LICENSE.txt) is TH SarabunPSK redrawn on a larger em:
// Laksaman at 0.66 of a size has TH SarabunPSK's advances at that size (fontconfig's own
// "TH Sarabun" alias uses the same factor). The PDF prints in it so that it paginates like the
// DOCX, which names TH SarabunPSK (docs/decisions/0007).
const LAKSAMAN = {
  400: new URL('./fonts/Laksaman.ttf', import.meta.url),
  700: new URL('./fonts/Laksaman-Bold.ttf', import.meta.url),
} as const
/** Laksaman size = TH SarabunPSK size × this. */
export const LAKSAMAN_SCALE = 0.66

let laksamanCss: string | undefined

/**
 * The font with its GSUB 'ccmp' feature renamed out of use. Its substitutions put tone marks and
 * shifted vowels on glyphs with no Unicode value, which a PDF's text layer then loses (pdf.js and
 * indexers ignore /ActualText). CSS can switch ccmp off in the page but not in @page margin boxes
 * (the page numbers), so it is switched off in the font, in memory; the file stays as shipped.
 */
function withoutCcmp(font: Buffer): Buffer {
  const buf = Buffer.from(font)
  const tables = buf.readUInt16BE(4)
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16
    if (buf.toString('latin1', rec, rec + 4) !== 'GSUB') continue
    const gsub = buf.readUInt32BE(rec + 8)
    const features = gsub + buf.readUInt16BE(gsub + 6)
    const count = buf.readUInt16BE(features)
    for (let f = 0; f < count; f++) {
      const tag = features + 2 + f * 6
      if (buf.toString('latin1', tag, tag + 4) === 'ccmp') buf.write('zcmp', tag, 'latin1')
    }
  }
  return buf
}

/** `@font-face` rules for Laksaman 400/700 as data: URLs (standalone documents, PDF). */
export function laksamanFontFaceCss(): string {
  laksamanCss ??= WEIGHTS.map(
    (w) =>
      `@font-face{font-family:'Laksaman';font-style:normal;font-weight:${w};font-display:block;` +
      `src:url(data:font/ttf;base64,${withoutCcmp(readFileSync(LAKSAMAN[w])).toString('base64')}) format('truetype')}`,
  ).join('\n')
  return laksamanCss
}

const metrics = new Map<number, FontMetrics>()

/** Advance widths of TH SarabunPSK (through Laksaman and LAKSAMAN_SCALE): width in points. */
export function sarabunPskWidthPt(text: string, sizePt: number, bold = false): number {
  const w = bold ? 700 : 400
  let m = metrics.get(w)
  if (!m) metrics.set(w, (m = readFontMetrics(LAKSAMAN[w])))
  return textWidthPt(m, text, sizePt * LAKSAMAN_SCALE)
}
