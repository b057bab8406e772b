import type { TestClient } from './app.js'

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

/** A multipart POST (file uploads) with this client's cookies and the CSRF token of `csrfFrom`. */
export async function postMultipart(
  app: App,
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  files: Record<string, { name: string; bytes: Uint8Array; type?: string }>,
  csrfFrom: string,
): Promise<Response> {
  const fd = new FormData()
  fd.append('_csrf', await client.csrfFrom(csrfFrom))
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  for (const [k, f] of Object.entries(files)) fd.append(k, new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }))
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return app.request(path, { method: 'POST', body: fd, headers: { cookie, host: 'localhost' } })
}

/** The smallest valid PDF (for content-type checks). */
export const TINY_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
/** A Windows executable header: refused whatever its name says. */
export const FAKE_EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array(64).fill(0)])
