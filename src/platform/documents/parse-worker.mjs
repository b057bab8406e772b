// Parses an Office upload off the main thread (started by parse-in-worker.ts with memory limits):
// the app keeps answering other requests while a large or hostile file is read, and a file that
// exhausts the limits kills only this worker. Plain JavaScript, so it runs under tsx and vitest alike.
import { parentPort, workerData } from 'node:worker_threads'

const { op, bytes } = workerData

function cellValue(v) {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'object') {
    if ('result' in v) return cellValue(v.result ?? null)
    if ('richText' in v) return v.richText.map((r) => r.text).join('')
    if ('text' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text)
    if ('error' in v) return null
    return null
  }
  return v
}

try {
  if (op === 'docx-html') {
    const mammoth = (await import('mammoth')).default
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    parentPort.postMessage({ ok: true, value: { html: r.value, messages: r.messages.map((m) => `${m.type}: ${m.message}`) } })
  } else if (op === 'xlsx-sheets') {
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(bytes))
    const sheets = wb.worksheets.map((ws) => {
      const rows = []
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        const values = []
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          values[col - 1] = cellValue(cell.value)
        })
        rows[n - 1] = values
      })
      return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) }
    })
    parentPort.postMessage({ ok: true, value: sheets })
  } else {
    parentPort.postMessage({ ok: false, error: `unknown operation ${op}` })
  }
} catch (e) {
  parentPort.postMessage({ ok: false, error: String(e && e.message ? e.message : e) })
}
