#!/usr/bin/env node
// bench/portal: requests per second and p99 latency of the demo agency's home page and an OIT item
// page, served by Prongsai (`npm start`, demo data, anonymous visitor → in-process page cache) and
// by nginx serving the very same HTML as static files, same machine, same run, same load
// generator (node http keep-alive agents, 127.0.0.1 only). Goal: ≥ 0.5× nginx, p99 ≤ 50 ms at 100
// connections. Also prints page weight (gzip) with CSS and fonts.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, chmodSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import http from 'node:http'
import { gzipSync } from 'node:zlib'
import { freePort, waitFor } from './lib.mjs'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const PAGES = [
  ['home', '/o/phanomrung/'],
  ['OIT item', '/o/phanomrung/oit/2566/O4'],
]

/** Closed-loop load: CONNECTIONS keep-alive connections, each sending its next request on the previous response. */
function load(port, path, seconds = SECONDS) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  const lat = []
  let errors = 0
  const end = performance.now() + seconds * 1000
  const one = () =>
    new Promise((resolve) => {
      const t0 = performance.now()
      const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.on('data', () => {})
        res.on('end', () => {
          if (res.statusCode === 200) lat.push(performance.now() - t0)
          else errors++
          resolve()
        })
      })
      req.on('error', () => {
        errors++
        resolve()
      })
    })
  const worker = async () => {
    while (performance.now() < end) await one()
  }
  const t0 = performance.now()
  return Promise.all(Array.from({ length: CONNECTIONS }, worker)).then(() => {
    const took = (performance.now() - t0) / 1000
    agent.destroy()
    lat.sort((a, b) => a - b)
    const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? NaN
    return { rps: lat.length / took, p50: q(0.5), p99: q(0.99), n: lat.length, errors }
  })
}

const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-portal-data-'))
chmodSync(dataDir, 0o755) // as root, PostgreSQL runs as "postgres" and must reach it
const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-portal-'))
chmodSync(dir, 0o755) // nginx workers (www-data) read the static copies
let app
let nginx
try {
  const port = await freePort()
  const pgPort = await freePort()
  app = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO: 'on' },
    stdio: 'ignore',
    detached: true,
  })
  await waitFor(`http://127.0.0.1:${port}/o/phanomrung/`)

  // The same HTML, as static files for nginx.
  const www = join(dir, 'www')
  const files = []
  for (const [name, path] of PAGES) {
    const html = await (await fetch(`http://127.0.0.1:${port}${path}`)).text()
    const file = `${name.replace(/\W/g, '_')}.html`
    mkdirSync(www, { recursive: true })
    writeFileSync(join(www, file), html)
    files.push({ name, path, file, html })
  }
  const nginxPort = await freePort()
  const conf = join(dir, 'nginx.conf')
  writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; types { text/html html; } default_type text/html; sendfile on; keepalive_requests 100000;
  client_body_temp_path ${dir}/cb; proxy_temp_path ${dir}/px; fastcgi_temp_path ${dir}/fc; uwsgi_temp_path ${dir}/uw; scgi_temp_path ${dir}/sc;
  server { listen 127.0.0.1:${nginxPort}; root ${www}; add_header Cache-Control "public, max-age=60"; etag on; } }
`,
  )
  const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => {
    try {
      execFileSync(p, ['-v'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })
  if (!nginxBin) throw new Error('nginx is not installed (Debian: apt-get install nginx-light)')
  nginx = spawn(nginxBin, ['-c', conf, '-p', dir], { stdio: 'ignore', detached: true })
  await waitFor(`http://127.0.0.1:${nginxPort}/${files[0].file}`)

  console.log(`bench/portal: ${CONNECTIONS} connections, ${SECONDS} s each, keep-alive, 127.0.0.1, ${execFileSync('nproc').toString().trim()} CPU(s); nginx 1 worker; Prongsai 1 Node process`)
  let allGood = true
  for (const f of files) {
    await load(port, f.path, 2) // warm up (JIT, page cache)
    await load(nginxPort, `/${f.file}`, 2)
    const a = await load(port, f.path)
    const n = await load(nginxPort, `/${f.file}`)
    const ratio = a.rps / n.rps
    const ok = ratio >= 0.5 && a.p99 <= 50
    allGood &&= ok
    console.log(
      `${f.name.padEnd(9)} prongsai ${a.rps.toFixed(0).padStart(6)} req/s p50 ${a.p50.toFixed(1)} ms p99 ${a.p99.toFixed(1)} ms (${a.errors} errors) | nginx ${n.rps.toFixed(0).padStart(6)} req/s p99 ${n.p99.toFixed(1)} ms | ratio ${ratio.toFixed(2)}× ${ok ? 'OK' : 'BELOW GOAL'}`,
    )
  }

  // Page weight as a first visit transfers it (gzip for text; woff2 fonts are already compressed).
  const css = await (await fetch(`http://127.0.0.1:${port}/static/app.css`)).text()
  const fonts = []
  for (const f of ['sarabun-thai-400-normal.woff2', 'sarabun-latin-400-normal.woff2', 'sarabun-thai-700-normal.woff2']) fonts.push(Buffer.from(await (await fetch(`http://127.0.0.1:${port}/static/fonts/${f}`)).arrayBuffer()).length)
  const cssGz = gzipSync(css).length
  const fontBytes = fonts.reduce((a, b) => a + b, 0)
  for (const f of files) {
    const htmlGz = gzipSync(f.html).length
    console.log(`weight    ${f.name.padEnd(9)} HTML ${(Buffer.byteLength(f.html) / 1024).toFixed(1)} KB (${(htmlGz / 1024).toFixed(1)} KB gzip) + CSS ${(cssGz / 1024).toFixed(1)} KB gzip + fonts ${(fontBytes / 1024).toFixed(1)} KB (Thai 400/700, Latin 400 woff2) = ${((htmlGz + cssGz + fontBytes) / 1024).toFixed(1)} KB first visit`)
  }
  process.exitCode = allGood ? 0 : 1
} finally {
  if (nginx && nginx.exitCode === null) process.kill(-nginx.pid, 'SIGTERM')
  if (app && app.exitCode === null) {
    process.kill(-app.pid, 'SIGTERM')
    await new Promise((r) => app.on('exit', r))
  }
  rmSync(dir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
}
