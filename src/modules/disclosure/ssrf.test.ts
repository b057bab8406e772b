import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { isPrivateAddress, safeFetch } from './ssrf.js'

describe('SSRF guard', () => {
  it('classifies private and public addresses', () => {
    for (const ip of ['127.0.0.1', '127.5.5.5', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:c0a8:101::1', '2002:0a00:0001::1', 'fec0::1', 'feff::1', '2001:0:4136:e378::1', '100::1', 'not-an-ip'])
      expect(isPrivateAddress(ip), ip).toBe(true)
    for (const ip of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '203.150.1.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) expect(isPrivateAddress(ip), ip).toBe(false)
  })

  let server: http.Server
  let port = 0
  const hits: string[] = []
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '')
      if (req.url === '/ok') return res.end('fine')
      if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.1/secret' }).end()
      if (req.url === '/to-loopback-name') return res.writeHead(302, { location: `http://localhost:${port}/ok` }).end()
      if (req.url === '/slow') return setTimeout(() => res.end('late'), 1500)
      res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('refuses loopback and private targets, by literal and by name, without connecting', async () => {
    const before = hits.length
    for (const u of [`http://127.0.0.1:${port}/ok`, `http://localhost:${port}/ok`, `http://[::1]:${port}/ok`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://2130706433/']) {
      const r = await safeFetch(u, { timeoutMs: 2000 })
      expect(r.ok, u).toBe(false)
      expect(r.error, u).toMatch(/blocked/)
    }
    expect(hits.length).toBe(before)
  })

  it('allows exactly the host:port it is told to (tests only) and reports status', async () => {
    const allow = [`127.0.0.1:${port}`]
    expect((await safeFetch(`http://127.0.0.1:${port}/ok`, { allowPrivate: allow })).ok).toBe(true)
    const missing = await safeFetch(`http://127.0.0.1:${port}/gone`, { allowPrivate: allow })
    expect(missing).toMatchObject({ ok: false, status: 404 })
    expect((await safeFetch(`http://127.0.0.1:${port + 1}/ok`, { allowPrivate: allow, timeoutMs: 1000 })).error).toMatch(/blocked/)
  })

  it('does not follow a redirect to a private address', async () => {
    const r = await safeFetch(`http://127.0.0.1:${port}/to-private`, { allowPrivate: [`127.0.0.1:${port}`], timeoutMs: 2000 })
    expect(r.ok).toBe(false)
    expect(r.error).toMatch(/blocked/)
    expect(r.finalUrl).toBe('http://10.0.0.1/secret')
  })

  it('times out on a slow server and refuses other schemes', async () => {
    const r = await safeFetch(`http://127.0.0.1:${port}/slow`, { allowPrivate: [`127.0.0.1:${port}`], timeoutMs: 300 })
    expect(r).toMatchObject({ ok: false, error: 'timeout' })
    expect((await safeFetch('file:///etc/passwd')).error).toBe('unsupported scheme')
    expect((await safeFetch('ftp://example.com/')).error).toBe('unsupported scheme')
  })
})
