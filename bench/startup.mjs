#!/usr/bin/env node
// bench/startup: cold `npm start` (fresh data directory: initdb, migrations, demo data) and warm
// start (same data) to the first 200 on /healthz, in seconds.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './lib.mjs'

async function startOnce(dataDir) {
  const port = await freePort()
  const pgPort = await freePort()
  const t0 = performance.now()
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  })
  const deadline = Date.now() + 120_000
  for (;;) {
    if (Date.now() > deadline) throw new Error('no 200 on /healthz within 120 s')
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`)
      if (r.status === 200) break
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  const seconds = (performance.now() - t0) / 1000
  process.kill(-child.pid, 'SIGTERM')
  await new Promise((r) => child.on('exit', r))
  return seconds
}

const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-'))
chmodSync(dir, 0o755)
try {
  const cold = await startOnce(dir)
  const warm = await startOnce(dir)
  console.log(`startup: cold ${cold.toFixed(2)} s (initdb + migrations + demo data), warm ${warm.toFixed(2)} s — npm start to first 200 on /healthz`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
