import { Readable } from 'node:stream'
import busboy from 'busboy'
import type { Context } from 'hono'
import { AppError } from './errors.js'

// One reader of form bodies for the whole app. It runs once per request (the CSRF check and the
// route share its result) and parses multipart as a stream, so a file over the limit is dropped
// while the other fields are still read: the route can re-render its form with every value kept
// and say which file was refused, instead of a bare 413 page.

export type FormValues = Record<string, string | string[]>
export type RefusedFile = { field: string; name: string; reason: 'too_large' }
export type ParsedBody = { values: FormValues; files: Record<string, File[]>; refused: RefusedFile[] }

/** The largest single uploaded file the app reads; routes may allow less (see formAction). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024
/** All files of one request together. */
const MAX_UPLOAD_TOTAL = 60 * 1024 * 1024
/** A request body larger than this is cut off (the rest is not read). */
const MAX_BODY_BYTES = 80 * 1024 * 1024
/** A urlencoded body (text fields only): generous, so long texts reach the field's own limit and message. */
const MAX_URLENCODED_BYTES = 8 * 1024 * 1024

const CLEAN = (s: string) => s.replaceAll('\u0000', '') // PostgreSQL text cannot hold NUL; never meaningful in a form

function add(values: FormValues, key: string, value: string) {
  const prior = values[key]
  if (prior === undefined) values[key] = key.endsWith('[]') ? [value] : value
  else values[key] = Array.isArray(prior) ? [...prior, value] : [prior, value]
}

async function readLimited(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      throw new AppError('payload_too_large', 413)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

function parseMultipart(type: string, stream: ReadableStream<Uint8Array>): Promise<ParsedBody> {
  let bb: busboy.Busboy
  try {
    bb = busboy({ headers: { 'content-type': type }, defParamCharset: 'utf8', limits: { fileSize: MAX_UPLOAD_BYTES, fieldSize: 2 * 1024 * 1024, fields: 2000, files: 50, parts: 2100 } })
  } catch {
    return Promise.reject(new AppError('bad_request', 400)) // e.g. multipart without a boundary
  }
  return new Promise<ParsedBody>((resolve, reject) => {
    const out: ParsedBody = { values: {}, files: {}, refused: [] }
    let total = 0
    let read = 0
    let pending = 0
    let parsed = false
    const finish = () => {
      if (parsed && pending === 0) resolve(out)
    }
    const source = Readable.fromWeb(stream as import('node:stream/web').ReadableStream<Uint8Array>)
    source.on('data', (chunk: Buffer) => {
      read += chunk.byteLength
      if (read > MAX_BODY_BYTES) {
        source.destroy()
        reject(new AppError('payload_too_large', 413))
      }
    })
    source.on('error', () => reject(new AppError('bad_request', 400)))
    bb.on('field', (name, value) => add(out.values, name, CLEAN(value)))
    bb.on('file', (name, file, info) => {
      pending++
      const chunks: Buffer[] = []
      let size = 0
      let tooLarge = false
      file.on('data', (d: Buffer) => {
        size += d.byteLength
        if (tooLarge) return
        if (total + size > MAX_UPLOAD_TOTAL) tooLarge = true
        else chunks.push(d)
      })
      file.on('limit', () => {
        tooLarge = true
      })
      file.on('end', () => {
        pending--
        const fileName = CLEAN(info.filename ?? '').slice(0, 255)
        if (tooLarge || file.truncated) out.refused.push({ field: name, name: fileName, reason: 'too_large' })
        else if (fileName || size > 0) {
          // (an empty file input sends a part with no name and no bytes: nothing was chosen)
          total += size
          const f = new File([Buffer.concat(chunks)], fileName || 'file', { type: info.mimeType || 'application/octet-stream' })
          ;(out.files[name] ??= []).push(f)
        }
        finish()
      })
    })
    bb.on('error', () => reject(new AppError('bad_request', 400))) // truncated or malformed multipart
    bb.on('close', () => {
      parsed = true
      finish()
    })
    source.pipe(bb)
  })
}

/** The form body of this request (urlencoded or multipart), parsed once and kept on the context. */
export async function readBody(c: Context): Promise<ParsedBody> {
  const cached = c.get('body') as ParsedBody | undefined
  if (cached) return cached
  const type = c.req.header('content-type') ?? ''
  const stream = c.req.raw.body
  let body: ParsedBody = { values: {}, files: {}, refused: [] }
  if (stream && type.startsWith('multipart/form-data')) body = await parseMultipart(type, stream)
  else if (stream && type.startsWith('application/x-www-form-urlencoded')) {
    const text = new TextDecoder().decode(await readLimited(stream, MAX_URLENCODED_BYTES))
    for (const [k, v] of new URLSearchParams(text)) add(body.values, k, CLEAN(v))
  }
  c.set('body', body)
  return body
}
