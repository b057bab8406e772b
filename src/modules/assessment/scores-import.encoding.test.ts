import { describe, expect, it } from 'vitest'
import { loadFramework } from '../../domain/ita/framework.load.js'
import { decodeTextFile } from '../../platform/documents/csv.js'
import { CSV_ENCODING_REFUSED, parseScoreSheet } from './scores-import.js'

// A score CSV as Thai Excel saves it by default ("CSV (Comma delimited)": Windows-874 / TIS-620) is
// read like a UTF-8 one; a file in any other encoding is refused with how to save it as UTF-8.

/** Windows-874 bytes of a text: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB (the TIS-620 layout). */
function windows874(s: string): Uint8Array {
  return Uint8Array.from([...s].map((ch) => {
    const c = ch.codePointAt(0)!
    if (c < 0x80) return c
    if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e00 + 0xa0
    throw new Error(`no Windows-874 byte for ${ch}`)
  }))
}

const SHEET = 'ตัวชี้วัดที่,ชื่อตัวชี้วัด,คะแนน\r\n1,การปฏิบัติหน้าที่,๙๐.๕๐\r\n2,การใช้งบประมาณ,88.25\r\n'

describe('score CSV encodings', () => {
  it('decodeTextFile: UTF-8 (with or without BOM) and Thai Windows-874 are read; other bytes are refused', () => {
    expect(decodeTextFile(new TextEncoder().encode('\uFEFFตัวชี้วัดที่'))).toEqual({ ok: true, text: 'ตัวชี้วัดที่', encoding: 'utf-8' })
    expect(decodeTextFile(windows874('ตัวชี้วัดที่,คะแนน'))).toEqual({ ok: true, text: 'ตัวชี้วัดที่,คะแนน', encoding: 'windows-874' })
    // UTF-16LE ("Unicode Text" in Excel) and bytes with no Thai meaning.
    expect(decodeTextFile(Uint8Array.from([0xff, 0xfe, 0x15, 0x0e, 0x31, 0x0e]))).toEqual({ ok: false, reason: 'encoding' })
    expect(decodeTextFile(Uint8Array.from([0x81, 0x82, 0x83, 0x41]))).toEqual({ ok: false, reason: 'encoding' })
  })

  it('a Windows-874 sheet is read exactly like the same sheet in UTF-8 (Thai digits too)', async () => {
    const fw = await loadFramework(2567)
    const utf8 = await parseScoreSheet(new TextEncoder().encode(SHEET), 'scores.csv', fw)
    const tis = await parseScoreSheet(windows874(SHEET), 'scores.csv', fw)
    expect(utf8).toEqual({ ok: true, data: { scores: { 1: 90.5, 2: 88.25 }, oitAnswers: {}, toolScores: {} } })
    expect(tis).toEqual(utf8)
  })

  it('a CSV in another encoding is refused with "บันทึกเป็น UTF-8" and how', async () => {
    const fw = await loadFramework(2567)
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...SHEET].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])])
    const r = await parseScoreSheet(utf16, 'scores.csv', fw)
    expect(r).toEqual({ ok: false, errors: [CSV_ENCODING_REFUSED] })
    expect(CSV_ENCODING_REFUSED).toContain('บันทึกเป็น UTF-8')
    expect(CSV_ENCODING_REFUSED).toContain('CSV UTF-8')
  })
})
