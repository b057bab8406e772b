import { Worker } from 'node:worker_threads'
import { AppError } from '../http/errors.js'
import { checkZip, OFFICE_LIMITS, type ZipLimits } from './zip-guard.js'

export type Cell = string | number | boolean | null
export type Sheet = { name: string; rows: Cell[][] }

const WORKER = new URL('./parse-worker.mjs', import.meta.url)
const TIME_LIMIT_MS = 20_000
const MEMORY_MB = 256

const tooHeavy = () =>
  new AppError('bad_request', 422, {
    th: 'ไฟล์นี้ใช้เวลาหรือหน่วยความจำในการอ่านมากเกินไป จึงไม่ได้นำเข้า กรุณาตรวจสอบไฟล์ หรือแบ่งเป็นไฟล์ที่เล็กลง',
    en: 'Reading this file took too much time or memory, so it was not imported; check it or split it',
  })

/** Runs one parse in a worker with a memory limit and a time limit; the server stays responsive. */
function inWorker<T>(op: 'docx-html' | 'xlsx-sheets', bytes: Uint8Array, limits: { timeMs?: number; memoryMb?: number } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { op, bytes },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb ?? MEMORY_MB, maxYoungGenerationSizeMb: 32 },
      // The worker is plain JavaScript: it needs no TypeScript loader from the parent's flags.
      execArgv: [],
    })
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(tooHeavy())
    }, limits.timeMs ?? TIME_LIMIT_MS)
    worker.once('message', (m: { ok: true; value: T } | { ok: false; error: string }) => {
      clearTimeout(timer)
      void worker.terminate()
      if (m.ok) resolve(m.value)
      else reject(new AppError('bad_request', 422, { th: `อ่านไฟล์ไม่ได้: ${m.error.slice(0, 200)}`, en: `The file could not be read: ${m.error.slice(0, 200)}` }))
    })
    worker.once('error', () => {
      clearTimeout(timer)
      reject(tooHeavy()) // e.g. ERR_WORKER_OUT_OF_MEMORY
    })
  })
}

/** DOCX → HTML (mammoth), after the zip check, in a worker. */
export async function docxToHtmlGuarded(bytes: Uint8Array, zip: ZipLimits = OFFICE_LIMITS): Promise<{ html: string; messages: string[] }> {
  checkZip(bytes, zip)
  return inWorker('docx-html', bytes)
}

/** XLSX → every sheet's cell values (rows of strings, numbers, booleans, ISO dates), after the zip check, in a worker. */
export async function readXlsxSheets(bytes: Uint8Array, zip: ZipLimits = OFFICE_LIMITS): Promise<Sheet[]> {
  checkZip(bytes, zip)
  return inWorker('xlsx-sheets', bytes)
}
