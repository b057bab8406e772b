import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants as zlib, gzip, gzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './context.js'

// Responses are compressed for the phones on slow mobile data the public pages are read on: brotli
// or gzip, as the browser's Accept-Encoding allows. Cached public pages (page-cache.ts) and static
// assets are compressed once, when built; other text responses here, per response.

export type Encoding = 'br' | 'gzip'

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * The encoding to send for an Accept-Encoding header: brotli when acceptable, else gzip, else none
 * (q=0 refuses one; "*" accepts both).
 */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null
  let br = false
  let gz = false
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const ok = !q || Number(q.slice(2)) > 0
    const n = name.trim()
    if (n === 'br') br = ok
    else if (n === 'gzip' || n === 'x-gzip') gz = ok
    else if (n === '*' && ok) {
      br ||= !/\bbr\s*;\s*q=0(\.0*)?\b/.test(header)
      gz ||= !/\bgzip\s*;\s*q=0(\.0*)?\b/.test(header)
    }
  }
  return br ? 'br' : gz ? 'gzip' : null
}

/** Both compressed forms of a body (off the main thread). `best` spends more time for smaller output (static assets). */
export async function precompress(body: Buffer, best = false): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: best ? 11 : 6, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }),
    gzipAsync(body, { level: 9 }),
  ])
  return { br, gzip: gz }
}

/** Types worth compressing: HTML, CSS, JavaScript, JSON (also JSON-LD), CSV, XML (also RSS, Atom), SVG, plain text. */
export const COMPRESSIBLE = /^(text\/(html|css|csv|xml|plain|javascript)|application\/([\w.+-]*\+)?(json|xml)|application\/javascript|image\/svg\+xml)\b/i

const MIN_BYTES = 512

function addVary(headers: Headers, value: string): void {
  const vary = headers.get('vary')
  if (!vary) headers.set('Vary', value)
  else if (!vary.toLowerCase().split(/\s*,\s*/).includes(value.toLowerCase())) headers.set('Vary', `${vary}, ${value}`)
}

/**
 * Compresses text responses that are not compressed yet (HTML, CSS, JSON, CSV, XML …), by the
 * request's Accept-Encoding, with fast settings (brotli 4, gzip 6). Responses to signed-in
 * requests stay uncompressed: they carry secrets (the form token, personal data) next to text
 * others can put there, which is what the BREACH attack needs to read a secret from the length of
 * compressed HTTPS responses. Public pages carry no such secret.
 */
export const compress = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next()
  const res = c.res
  const type = res.headers.get('content-type') ?? ''
  if (!COMPRESSIBLE.test(type) || res.headers.has('content-encoding') || !res.body || c.req.method === 'HEAD') return
  if (/\bno-transform\b/.test(res.headers.get('cache-control') ?? '')) return
  if (c.get('actor')) return
  addVary(res.headers, 'Accept-Encoding')
  const encoding = pickEncoding(c.req.header('accept-encoding'))
  if (!encoding || res.status < 200 || res.status === 204 || res.status === 304) return
  const body = Buffer.from(await res.arrayBuffer())
  if (body.length < MIN_BYTES) {
    c.res = new Response(body, res)
    return
  }
  const out = encoding === 'br' ? await brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : await gzipAsync(body, { level: 6 })
  const headers = new Headers(res.headers)
  headers.set('Content-Encoding', encoding)
  headers.delete('Content-Length')
  // A strong validator names exact bytes; the compressed bytes differ, so it becomes weak.
  const etag = headers.get('etag')
  if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`)
  c.res = undefined as unknown as Response // replace, not merge, the headers
  c.res = new Response(out, { status: res.status, headers })
}

// Static assets: read and compressed once at start (brotli 11, gzip 9), served with a long
// lifetime under a versioned URL and an ETag.

type Asset = { type: string; etag: string; version: string; identity: Buffer; br: Buffer; gzip: Buffer; compressible: boolean }

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '../ui/static')
const ASSET_TYPES: Record<string, string> = { 'app.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8', 'share.png': 'image/png' }

function loadAsset(name: string): Asset {
  const identity = readFileSync(join(STATIC_DIR, name))
  const hash = createHash('sha256').update(identity).digest('base64url')
  const type = ASSET_TYPES[name]!
  const compressible = COMPRESSIBLE.test(type)
  return {
    type,
    etag: `"${hash.slice(0, 22)}"`,
    version: hash.slice(0, 10),
    identity,
    compressible,
    br: compressible ? brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }) : identity,
    gzip: compressible ? gzipSync(identity, { level: 9 }) : identity,
  }
}

const assets = new Map<string, Asset>(Object.keys(ASSET_TYPES).map((n) => [n, loadAsset(n)]))

/** The versioned URL of a static asset (`/static/app.js?v=…`), for long caching. */
export function assetHref(name: keyof typeof ASSET_TYPES | string): string {
  const a = assets.get(name)
  return a ? `/static/${name}?v=${a.version}` : `/static/${name}`
}

/** Serves the static assets above from their precompressed copies (with 304 for a matching ETag). */
export const staticAssets = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const path = c.req.path
  if (!path.startsWith('/static/') || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next()
  const asset = assets.get(path.slice('/static/'.length))
  if (!asset) return next()
  c.header('Cache-Control', 'public, max-age=31536000, immutable')
  c.header('ETag', asset.etag)
  if (asset.compressible) c.header('Vary', 'Accept-Encoding')
  if (c.req.header('if-none-match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === asset.etag)) return c.body(null, 304)
  const encoding = asset.compressible ? pickEncoding(c.req.header('accept-encoding')) : null
  c.header('Content-Type', asset.type)
  if (encoding) c.header('Content-Encoding', encoding)
  return c.body(new Uint8Array(encoding ? asset[encoding] : asset.identity), 200)
}
