import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { createTestApp, type TestApp } from '../support/app.js'
import { checkZip } from '../../src/platform/documents/zip-guard.js'
import { readXlsxSheets } from '../../src/platform/documents/parse-in-worker.js'
import type { AppError } from '../../src/platform/http/errors.js'

/** An .xlsx-shaped zip whose one sheet unpacks to `mb` megabytes (it compresses ~1000:1). */
async function bomb(mb: number): Promise<Uint8Array> {
  const z = new JSZip()
  z.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
  z.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${' '.repeat(mb * 1024 * 1024)}</sheetData></worksheet>`)
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/** The same bomb with its central directory lying: every entry claims to unpack to 100 bytes. */
function lying(zip: Uint8Array): Uint8Array {
  const b = Buffer.from(zip)
  for (let i = 0; i < b.length - 4; i++) if (b.readUInt32LE(i) === 0x02014b50) b.writeUInt32LE(100, i + 24)
  return new Uint8Array(b)
}

describe('decompression bombs in uploads', () => {
  let t: TestApp
  let big: Uint8Array
  beforeAll(async () => {
    t = await createTestApp()
    big = await bomb(60)
  }, 120_000)
  afterAll(() => t.close())

  it('refuses a bomb from its central directory before any parsing, with a Thai message', () => {
    expect(big.byteLength).toBeLessThan(1024 * 1024)
    const thai = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return (e as AppError).status === 422 ? (e as AppError).detail?.th : 'wrong error'
      }
      return 'no error'
    }
    expect(thai(() => checkZip(big))).toMatch(/เกิน 30 MB/)
    expect(thai(() => checkZip(new TextEncoder().encode('not a zip at all')))).toMatch(/ไม่ใช่ไฟล์ Office/)
  })

  it('reads an ordinary workbook in the worker', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('คะแนน')
    ws.addRow(['ตัวชี้วัดที่', 'คะแนน'])
    ws.addRow([1, 90.12])
    const sheets = await readXlsxSheets(new Uint8Array(await wb.xlsx.writeBuffer()))
    expect(sheets[0]).toEqual({ name: 'คะแนน', rows: [['ตัวชี้วัดที่', 'คะแนน'], [1, 90.12]] })
  })

  it('stops a bomb that lies about its size in the worker, while /healthz keeps answering fast', async () => {
    const liar = lying(big)
    expect(() => checkZip(liar)).not.toThrow() // the directory lies; the worker's limits must catch it
    const parse = readXlsxSheets(liar).then(
      () => 'parsed',
      (e: AppError) => (e.status === 422 && e.detail?.th ? 'refused in Thai' : `unexpected: ${e.message}`),
    )
    const times: number[] = []
    let done = false
    void parse.finally(() => (done = true))
    while (!done && times.length < 400) {
      const start = performance.now()
      const res = await t.app.request('/healthz')
      expect(res.status).toBe(200)
      times.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, 5))
    }
    const outcome = await parse
    // The worker refuses it (a size mismatch, or its memory or time budget) with a Thai message, or
    // gets through a file that is in fact only whitespace; either way the main thread was never blocked.
    expect(['parsed', 'refused in Thai']).toContain(outcome)
    times.sort((a, b) => a - b)
    const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]!
    expect(times.length).toBeGreaterThan(5)
    expect(p99).toBeLessThan(200)
  }, 120_000)
})
