import { lookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

// Fetching URLs that users typed (evidence links) from inside the server: every hop is resolved
// here, every resolved address must be public, the connection is pinned to the checked address
// (no second DNS answer can swap it), redirects are followed by hand and checked again, and
// everything has a time limit. Nothing is read beyond the headers.

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((a, p) => (a << 8) + Number(p), 0) >>> 0
}
const V4_BLOCKS: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
]
function v4Private(ip: string): boolean {
  const n = v4ToInt(ip)
  return V4_BLOCKS.some(([base, bits]) => (n >>> (32 - bits)) === (v4ToInt(base) >>> (32 - bits)))
}

function expandV6(ip: string): number[] | null {
  let s = ip.toLowerCase().split('%')[0]!
  // Embedded IPv4 (::ffff:1.2.3.4) → two hex groups.
  const m = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)
  if (m) {
    const n = v4ToInt(m[1]!)
    s = s.slice(0, -m[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  }
  const [head, tail] = s.split('::') as [string, string | undefined]
  const h = head ? head.split(':') : []
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : []
  const fill = tail !== undefined ? 8 - h.length - t.length : 0
  const groups = [...h, ...Array(Math.max(0, fill)).fill('0'), ...t].map((g) => parseInt(g, 16))
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null
}

/** True for loopback, private, link-local, unique-local, multicast, reserved and mapped-private addresses. */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip)
  if (kind === 4) return v4Private(ip)
  if (kind !== 6) return true
  const g = expandV6(ip)
  if (!g) return true
  if (g.every((x) => x === 0)) return true // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true // ::1
  if ((g[0]! & 0xfe00) === 0xfc00) return true // fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return true // fe80::/10
  if ((g[0]! & 0xffc0) === 0xfec0) return true // fec0::/10 (old site-local, still routed inside some networks)
  if (g[0] === 0x2002) return true // 6to4: carries an IPv4 address (could be private); deprecated, so never fetched
  if (g[0] === 0x2001 && g[1] === 0x0000) return true // Teredo (tunnels to IPv4)
  if (g[0] === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return true // 100::/64 discard
  if ((g[0]! & 0xff00) === 0xff00) return true // multicast
  const v4 = `${g[6]! >> 8}.${g[6]! & 0xff}.${g[7]! >> 8}.${g[7]! & 0xff}`
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return v4Private(v4) // mapped / compatible
  if (g[0] === 0x64 && g[1] === 0xff9b) return v4Private(v4) // NAT64
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true // documentation
  return false
}

export type SafeFetchOptions = {
  timeoutMs?: number
  maxRedirects?: number
  /**
   * "host:port" pairs that may be private (tests pass their own loopback server here). Only an
   * explicit argument; nothing in production reads this from the environment.
   */
  allowPrivate?: readonly string[]
  userAgent?: string
}
export type FetchResult = { ok: boolean; status: number | null; ms: number; error: string | null; finalUrl: string }

export class BlockedAddressError extends Error {}

async function resolvePublic(url: URL, allowPrivate: readonly string[]): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  const allowed = allowPrivate.includes(`${host}:${port}`)
  const addrs = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true })
  if (!addrs.length) throw new Error('no address')
  for (const a of addrs) if (isPrivateAddress(a.address) && !allowed) throw new BlockedAddressError(`blocked address ${a.address}`)
  return addrs[0]!
}

function requestOnce(url: URL, pinned: { address: string; family: number }, timeoutMs: number, ua: string): Promise<{ status: number; location: string | undefined }> {
  const lib = url.protocol === 'https:' ? https : http
  const pin: LookupFunction = (_h, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned])
    else cb(null, pinned.address, pinned.family)
  }
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method: 'GET', lookup: pin, timeout: timeoutMs, headers: { 'user-agent': ua, accept: '*/*' }, agent: false }, (res) => {
      resolve({ status: res.statusCode ?? 0, location: res.headers.location })
      res.destroy()
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end()
  })
}

/** GET a user-supplied URL safely; never throws. */
export async function safeFetch(raw: string, opts: SafeFetchOptions = {}): Promise<FetchResult> {
  const started = performance.now()
  const timeoutMs = opts.timeoutMs ?? 8000
  const deadline = Date.now() + timeoutMs
  const ua = opts.userAgent ?? 'Prongsai-LinkMonitor/1.0'
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, status: null, ms: 0, error: 'invalid url', finalUrl: raw }
  }
  const done = (status: number | null, error: string | null): FetchResult => ({ ok: !error && status !== null && status >= 200 && status < 400, status, ms: Math.round(performance.now() - started), error, finalUrl: url.href })
  for (let hop = 0; hop <= (opts.maxRedirects ?? 3); hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return done(null, 'unsupported scheme')
    if (url.username || url.password) return done(null, 'credentials in url')
    const left = deadline - Date.now()
    if (left <= 0) return done(null, 'timeout')
    let pinned
    try {
      pinned = await Promise.race([resolvePublic(url, opts.allowPrivate ?? []), new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), left))])
    } catch (e) {
      return done(null, e instanceof BlockedAddressError ? 'blocked: private address' : `dns: ${(e as Error).message}`)
    }
    let r
    try {
      r = await requestOnce(url, pinned, Math.max(1, deadline - Date.now()), ua)
    } catch (e) {
      return done(null, (e as Error).message === 'timeout' ? 'timeout' : `network: ${(e as Error).message}`)
    }
    if (r.status >= 300 && r.status < 400 && r.location) {
      try {
        url = new URL(r.location, url)
      } catch {
        return done(r.status, 'bad redirect')
      }
      continue
    }
    return done(r.status, r.status >= 400 ? `HTTP ${r.status}` : null)
  }
  return done(null, 'too many redirects')
}
