#!/usr/bin/env node
// bench/portal: requests per second and p99 latency of four public page types of the demo agency
// (home, a news item, a document, an OIT item), served by Prongsai (`npm start`, demo data, an
// anonymous visitor → the page cache's fast path) and by nginx serving the very same HTML as static
// files, on the same machine in the same run, driven by the same load generator: wrk (one thread,
// BENCH_CONNECTIONS keep-alive connections, 127.0.0.1), one server at a time. Both sides are asked
// for gzip (`Accept-Encoding: gzip`); nginx runs one worker with `gzip on` (compressing each response,
// its default level 1), and as a stricter second reference with `gzip_static on` (files compressed
// beforehand at level 9, the way Prongsai answers). Goal (issue 12): ≥ 0.5× nginx with gzip on and
// p99 ≤ 50 ms at 100 connections. Also prints page weight (what a first visit transfers).
// Needs the Debian packages wrk and nginx (or nginx-light). Exit code 1 when a page misses the goal.
// BENCH_BASELINE=1 measures a build that does not compress yet (for before/after numbers).
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, chmodSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib'
import { findBinary, freePort, waitFor, wrk } from './lib.mjs'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SLUG = 'phanomrung'
const GZIP = { 'Accept-Encoding': 'gzip' }

try {
  execFileSync('wrk', ['-v'], { stdio: 'ignore' })
} catch (e) {
  if (e.code === 'ENOENT') throw new Error('wrk is not installed (Debian: apt-get install wrk)') // wrk -v exits 1 when present
}
const nginxBin = findBinary(['/usr/sbin/nginx', '/usr/bin/nginx'])
if (!nginxBin) throw new Error('nginx is not installed (Debian: apt-get install nginx-light)')

const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-portal-data-'))
chmodSync(dataDir, 0o755) // as root, PostgreSQL runs as "postgres" and must reach it
const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-portal-'))
chmodSync(dir, 0o755) // nginx workers (www-data) read the static copies
let app
let nginx
try {
  const port = await freePort()
  const pgPort = await freePort()
  const { PUBLIC_URL: _unused, ...env } = process.env // the demo's own address
  app = spawn('npm', ['start'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO: 'on' },
    stdio: 'ignore',
    detached: true,
  })
  const origin = `http://127.0.0.1:${port}`
  await waitFor(`${origin}/o/${SLUG}/`)
  const first = async (api) => ((await (await fetch(`${origin}/o/${SLUG}/api/${api}`)).json()).data[0] ?? {}).id
  const PAGES = [
    ['home', `/o/${SLUG}/`],
    ['news', `/o/${SLUG}/news/${await first('posts.json')}`],
    ['document', `/o/${SLUG}/documents/${await first('documents.json')}`],
    ['OIT item', `/o/${SLUG}/oit/2566/O4`],
  ]

  // The same HTML, as static files for nginx: live/ compressed per request, pre/ compressed beforehand.
  const www = join(dir, 'www')
  mkdirSync(join(www, 'live'), { recursive: true })
  mkdirSync(join(www, 'pre'), { recursive: true })
  const files = []
  for (const [name, path] of PAGES) {
    const plain = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'identity' } })
    if (plain.status !== 200) throw new Error(`${name} ${path}: ${plain.status}`)
    const html = await plain.text()
    // Is the fast path answering, compressed? (fetch decodes; read the headers of a raw request.)
    const gz = await fetch(`${origin}${path}`, { headers: GZIP })
    const br = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'br, gzip' } })
    if (!process.env.BENCH_BASELINE && (gz.headers.get('content-encoding') !== 'gzip' || br.headers.get('content-encoding') !== 'br')) throw new Error(`${name}: not compressed (gzip → ${gz.headers.get('content-encoding')}, br → ${br.headers.get('content-encoding')})`)
    const file = `${name.replace(/\W/g, '_')}.html`
    writeFileSync(join(www, 'live', file), html)
    writeFileSync(join(www, 'pre', file), html)
    writeFileSync(join(www, 'pre', file + '.gz'), gzipSync(html, { level: 9 }))
    files.push({ name, path, file, html })
  }
  const nginxPort = await freePort()
  const conf = join(dir, 'nginx.conf')
  writeFileSync(
    conf,
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; types { text/html html; } default_type text/html; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  client_body_temp_path ${dir}/cb; proxy_temp_path ${dir}/px; fastcgi_temp_path ${dir}/fc; uwsgi_temp_path ${dir}/uw; scgi_temp_path ${dir}/sc;
  server { listen 127.0.0.1:${nginxPort}; root ${www}; add_header Cache-Control "public, max-age=60"; etag on;
    location /live/ { gzip on; gzip_vary on; }
    location /pre/ { gzip_static on; gzip_vary on; } } }
`,
  )
  nginx = spawn(nginxBin, ['-c', conf, '-p', dir], { stdio: 'ignore', detached: true })
  await waitFor(`http://127.0.0.1:${nginxPort}/live/${files[0].file}`)
  const ng = await fetch(`http://127.0.0.1:${nginxPort}/live/${files[0].file}`, { headers: GZIP })
  if (ng.headers.get('content-encoding') !== 'gzip') throw new Error('nginx does not answer gzip')

  const cpus = execFileSync('nproc').toString().trim()
  console.log(`bench/portal: wrk 1 thread, ${CONNECTIONS} connections, ${SECONDS} s per run, keep-alive, 127.0.0.1, ${cpus} CPU(s), Accept-Encoding: gzip; nginx 1 worker; Prongsai 1 Node process`)
  const fmt = (r) => `${r.rps.toFixed(0).padStart(6)} req/s p50 ${r.p50.toFixed(1).padStart(5)} ms p99 ${r.p99.toFixed(1).padStart(5)} ms${r.errors ? ` (${r.errors} errors)` : ''}`
  let allGood = true
  const rows = []
  for (const f of files) {
    const opts = { connections: CONNECTIONS, headers: GZIP }
    await wrk(`${origin}${f.path}`, { ...opts, seconds: 3 }) // warm up (JIT, page cache)
    await wrk(`http://127.0.0.1:${nginxPort}/live/${f.file}`, { ...opts, seconds: 2 })
    const a = await wrk(`${origin}${f.path}`, { ...opts, seconds: SECONDS })
    const live = await wrk(`http://127.0.0.1:${nginxPort}/live/${f.file}`, { ...opts, seconds: SECONDS })
    const pre = await wrk(`http://127.0.0.1:${nginxPort}/pre/${f.file}`, { ...opts, seconds: SECONDS })
    const ratio = a.rps / live.rps
    const ok = ratio >= 0.5 && a.p99 <= 50 && a.errors === 0
    allGood &&= ok
    rows.push({ page: f.name, prongsai: a, nginxGzip: live, nginxGzipStatic: pre, ratio, ratioStatic: a.rps / pre.rps, ok })
    console.log(`${f.name.padEnd(9)} prongsai ${fmt(a)} | nginx gzip on ${fmt(live)} | ratio ${ratio.toFixed(2)}× ${ok ? 'OK' : 'BELOW GOAL'} | nginx gzip_static ${fmt(pre)} → ${(a.rps / pre.rps).toFixed(2)}×`)
  }

  // Page weight as a first visit transfers it (brotli as browsers ask; woff2 fonts are already compressed).
  const css = await (await fetch(`${origin}/static/app.css`)).text()
  const fonts = []
  for (const f of ['sarabun-thai-400-normal.woff2', 'sarabun-latin-400-normal.woff2', 'sarabun-thai-700-normal.woff2']) fonts.push(Buffer.from(await (await fetch(`${origin}/static/fonts/${f}`)).arrayBuffer()).length)
  const brSize = (s) => brotliCompressSync(s, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length
  const cssBr = brSize(css)
  const fontBytes = fonts.reduce((a, b) => a + b, 0)
  for (const f of files) {
    const raw = Buffer.byteLength(f.html)
    const htmlBr = brSize(f.html)
    console.log(`weight    ${f.name.padEnd(9)} HTML ${(raw / 1024).toFixed(1)} KB (${(gzipSync(f.html).length / 1024).toFixed(1)} KB gzip, ${(htmlBr / 1024).toFixed(1)} KB br) + CSS ${(cssBr / 1024).toFixed(1)} KB br + fonts ${(fontBytes / 1024).toFixed(1)} KB (Thai 400/700, Latin 400 woff2) = ${((htmlBr + cssBr + fontBytes) / 1024).toFixed(1)} KB first visit`)
  }
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, cpus, rows: rows.map((r) => ({ ...r, prongsai: { ...r.prongsai, raw: undefined }, nginxGzip: { ...r.nginxGzip, raw: undefined }, nginxGzipStatic: { ...r.nginxGzipStatic, raw: undefined } })) }, null, 2))
  console.log(allGood ? 'bench/portal: every page type meets the goal' : 'bench/portal: BELOW GOAL')
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
