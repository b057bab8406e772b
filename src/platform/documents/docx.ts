import { Packer, type Document } from 'docx'

// Word measures in twentieths of a point (twips) and half-points; these keep the arithmetic in
// one place.
export const TWIPS_PER_CM = 567
export const cm = (n: number): number => Math.round(n * TWIPS_PER_CM)
/** docx `size` is in half-points. */
export const pt = (n: number): number => n * 2

/** A4 in twips (portrait). */
export const A4 = { width: 11906, height: 16838 } as const

export async function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc)
}

/** DOCX and XLSX are ZIP files; the first bytes tell an upload from anything else. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}
