#!/usr/bin/env node
// bench/report: warm generation time of the demo agency's FY2566 measures report in HTML, DOCX and
// PDF, as served (`npm start` with demo data: tables → MeasuresReportModel → renderer → HTTP).
// Each format is requested WARMUP times first (JIT, Chromium start, font cache), then RUNS times;
// the median and p90 are printed against the goals (HTML ≤ 50 ms, DOCX ≤ 300 ms, PDF ≤ 1.5 s).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, waitFor } from './lib.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3)
const FORMATS = [
  ['HTML', 'measures-report.html', 50],
  ['DOCX', 'measures-report.docx', 300],
  ['PDF', 'measures-report.pdf', 1500],
]

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]

const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-report-'))
chmodSync(dataDir, process.getuid?.() === 0 ? 0o755 : 0o700) // as root, PostgreSQL runs as "postgres" and must reach it
const port = await freePort()
const pgPort = await freePort()
const child = spawn('npm', ['start'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', DATABASE_URL: '', DEMO: 'on' },
  stdio: 'ignore',
  detached: true,
})
let failed = false
try {
  const base = `http://127.0.0.1:${port}/o/phanomrung/ita/2566/`
  await waitFor(`${base}measures-report.html`)
  console.log(`bench/report: demo FY2566 measures report, ${RUNS} warm runs each (median / p90)`)
  for (const [label, file, goal] of FORMATS) {
    const times = []
    let bytes = 0
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now()
      const r = await fetch(base + file)
      const body = new Uint8Array(await r.arrayBuffer())
      const ms = performance.now() - t0
      if (r.status !== 200) throw new Error(`${file}: HTTP ${r.status}`)
      bytes = body.length
      if (i >= WARMUP) times.push(ms)
    }
    const med = pct(times, 50)
    const ok = med <= goal
    if (!ok) failed = true
    console.log(`  ${label.padEnd(4)} ${med.toFixed(1).padStart(7)} ms / ${pct(times, 90).toFixed(1).padStart(7)} ms   goal ≤ ${goal} ms  ${ok ? 'OK' : 'MISSED'}   (${(bytes / 1024).toFixed(0)} KiB)`)
  }
} finally {
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    /* already gone */
  }
  await new Promise((r) => setTimeout(r, 1500))
  rmSync(dataDir, { recursive: true, force: true })
}
process.exitCode = failed ? 1 : 0
