import type { TestClient } from './app.js'

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }
export type UploadSpec = { field: string; name: string; bytes: Uint8Array; type?: string }

/**
 * POSTs multipart form data (fields + files) the way a browser does, with this client's cookies and
 * the CSRF token of the page `csrfFrom` (default: the path itself); cookies set by the answer are kept.
 */
export async function postMultipart(
  app: App,
  client: TestClient,
  path: string,
  fields: Record<string, string | string[]>,
  files: UploadSpec[] = [],
  opts: { csrfFrom?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = new FormData()
  body.append('_csrf', await client.csrfFrom(opts.csrfFrom ?? path))
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
  for (const f of files) body.append(f.field, new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name)
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const res = await app.request(path, { method: 'POST', body, headers: { cookie, host: 'localhost', ...opts.headers } })
  client.remember(res)
  return res
}

/** The smallest valid PDF (for content-type checks). */
export const TINY_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
/** A Windows executable header: refused whatever its name says. */
export const FAKE_EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array(64).fill(0)])
