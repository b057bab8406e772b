// Shared by the bench scripts: a free loopback port, waiting for a URL to answer 200, and wrk.
import { createServer } from 'node:net'
import { execFile, execFileSync } from 'node:child_process'

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })

export async function waitFor(url, ms = 180_000) {
  const deadline = Date.now() + ms
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no 200 from ${url} within ${ms / 1000} s`)
    try {
      const r = await fetch(url)
      if (r.status === 200) return r
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** The first of `candidates` that runs with `args`, or undefined. */
export function findBinary(candidates, args = ['-v']) {
  return candidates.find((p) => {
    try {
      execFileSync(p, args, { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })
}

const MS = { us: 0.001, ms: 1, s: 1000 }
const toMs = (v, unit) => Number(v) * MS[unit]

/**
 * Parses wrk's --latency report: requests per second, latency percentiles (ms), transfer per
 * second (bytes), errors and non-2xx/3xx responses.
 */
export function parseWrk(out) {
  const pct = {}
  for (const m of out.matchAll(/^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$/gm)) pct[m[1]] = toMs(m[2], m[3])
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN)
  const tr = /Transfer\/sec:\s+([\d.]+)([KMG]?B)/.exec(out)
  const transfer = tr ? Number(tr[1]) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[tr[2]] : NaN
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN)
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0)
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const socketErrors = sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0
  return { rps, p50: pct['50'], p90: pct['90'], p99: pct['99'], transfer, requests, errors: non2xx + socketErrors }
}

/** Runs wrk (one thread, `connections` keep-alive connections) against `url`; the parsed report. */
export function wrk(url, { connections = 100, seconds = 10, threads = 1, headers = {} } = {}) {
  const args = [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '5s']
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`)
  args.push(url)
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`wrk failed: ${stderr || err.message}`))
      else resolve({ ...parseWrk(stdout), raw: stdout })
    })
  })
}
