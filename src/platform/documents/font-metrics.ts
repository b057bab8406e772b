import { readFileSync } from 'node:fs'

// Advance widths read from a TrueType file (cmap + hmtx), to size table columns so that every
// word fits (the DOCX, where Word does the layout and we must choose the widths beforehand).
// No shaping: Thai marks above and below have no advance in these fonts, so a word's width is
// the sum of its characters' advances (kerning is not applied; it only ever narrows Thai).

export interface FontMetrics {
  unitsPerEm: number
  /** Advance of a code point in font units (the .notdef advance when the font lacks it). */
  advance: (codePoint: number) => number
}

function table(buf: Buffer, tag: string): number {
  const n = buf.readUInt16BE(4)
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16
    if (buf.toString('latin1', rec, rec + 4) === tag) return buf.readUInt32BE(rec + 8)
  }
  throw new Error(`font has no ${tag} table`)
}

function cmapOf(buf: Buffer): Map<number, number> {
  const base = table(buf, 'cmap')
  const map = new Map<number, number>()
  const n = buf.readUInt16BE(base + 2)
  let sub = -1
  for (let i = 0; i < n; i++) {
    const rec = base + 4 + i * 8
    const platform = buf.readUInt16BE(rec)
    const enc = buf.readUInt16BE(rec + 2)
    const off = base + buf.readUInt32BE(rec + 4)
    const format = buf.readUInt16BE(off)
    if ((platform === 3 && (enc === 1 || enc === 10)) || platform === 0) {
      if (format === 12 || (format === 4 && sub < 0)) sub = off
    }
  }
  if (sub < 0) throw new Error('font has no Unicode cmap')
  if (buf.readUInt16BE(sub) === 12) {
    const groups = buf.readUInt32BE(sub + 12)
    for (let g = 0; g < groups; g++) {
      const at = sub + 16 + g * 12
      const start = buf.readUInt32BE(at)
      const end = buf.readUInt32BE(at + 4)
      const glyph = buf.readUInt32BE(at + 8)
      for (let c = start; c <= end; c++) map.set(c, glyph + c - start)
    }
    return map
  }
  const segX2 = buf.readUInt16BE(sub + 6)
  const ends = sub + 14
  const starts = ends + segX2 + 2
  const deltas = starts + segX2
  const offsets = deltas + segX2
  for (let s = 0; s < segX2; s += 2) {
    const end = buf.readUInt16BE(ends + s)
    const start = buf.readUInt16BE(starts + s)
    const delta = buf.readInt16BE(deltas + s)
    const ro = buf.readUInt16BE(offsets + s)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (ro === 0) glyph = (c + delta) & 0xffff
      else {
        const at = offsets + s + ro + (c - start) * 2
        glyph = buf.readUInt16BE(at)
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff
      }
      if (glyph !== 0) map.set(c, glyph)
    }
  }
  return map
}

export function readFontMetrics(file: string | URL): FontMetrics {
  const buf = readFileSync(file)
  const head = table(buf, 'head')
  const hhea = table(buf, 'hhea')
  const hmtx = table(buf, 'hmtx')
  const unitsPerEm = buf.readUInt16BE(head + 18)
  const longMetrics = buf.readUInt16BE(hhea + 34)
  const cmap = cmapOf(buf)
  const glyphAdvance = (g: number): number => buf.readUInt16BE(hmtx + Math.min(g, longMetrics - 1) * 4)
  return { unitsPerEm, advance: (cp) => glyphAdvance(cmap.get(cp) ?? 0) }
}

/** Width of a text in points at a font size in points. */
export function textWidthPt(m: FontMetrics, text: string, sizePt: number): number {
  let units = 0
  for (const ch of text.normalize('NFC')) units += m.advance(ch.codePointAt(0)!)
  return (units / m.unitsPerEm) * sizePt
}
