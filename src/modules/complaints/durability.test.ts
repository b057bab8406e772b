import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedDb } from '../../db/embedded.js'
import { migrate } from '../../db/migrate.js'
import { registry } from '../../app/registry.js'
import { connectDatabase } from '../../db/client.js'
import { parseMasterKeys } from '../../platform/crypto/index.js'
import { verifyAuditChain } from '../../platform/audit/verify.js'
import type { AppDeps } from '../../platform/http/context.js'
import { openByReceipt, reporterView } from './reporter.js'
import { pdfWith, receiptFrom } from './testing/fixtures.js'
import { freePort } from '../../../tests/support/net.js'

// Crash safety, end to end: a real server process (npm start's entry point) on its own
// PostgreSQL cluster, 1,000 reports sent while the server is SIGKILLed three times and the
// database once. Every receipt code the client received must open its complete report; no
// half-written report may exist; the raw database files must contain none of the text sent.

const N = 1000
const CONCURRENCY = 8

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...filesUnder(p))
    else if (e.isFile()) out.push(p)
  }
  return out
}

describe('durability under SIGKILL (server ×3, database ×1)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-durability-'))
  chmodSync(dir, 0o755)
  let db: EmbeddedDb | undefined
  let server: ChildProcess | undefined
  afterAll(async () => {
    server?.removeAllListeners('exit')
    server?.kill('SIGKILL')
    await db?.stop().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }, 120_000)

  it('keeps every acknowledged report whole and nothing half-written, with no plaintext on disk', async () => {
    const pgPort = await freePort()
    const startDb = () => startEmbeddedPostgres({ dataDir: dir, port: pgPort, database: 'prongsai' })
    db = await startDb()
    await migrate(db.url, registry)
    const owner = new pg.Client({ connectionString: db.url })
    await owner.connect()
    const slug = `dur-${randomBytes(3).toString('hex')}`
    const [{ id: orgId }] = (await owner.query<{ id: string }>(`INSERT INTO orgs (slug, name_th, kind, province, district) VALUES ($1, 'เทศบาลทดสอบความทนทาน', 'subdistrict_municipality', 'บุรีรัมย์', 'เฉลิมพระเกียรติ') RETURNING id`, [slug])).rows as [{ id: string }]
    await owner.end()

    const run = randomBytes(4).toString('hex')
    const MASTER_KEYS = `dur1:${randomBytes(32).toString('base64')}`
    const APP_SECRET = randomBytes(32).toString('base64url')
    const appPort = await freePort()
    const base = `http://127.0.0.1:${appPort}`
    let serverLog = ''
    let intentional = false
    let finished = false
    let serverDiedWithDb = 0
    const startServer = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, DATABASE_URL: db!.url, DEMO: 'off', PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: join(dir, 'app'), MASTER_KEYS, APP_SECRET, TRUST_PROXY: 'on', LOG_LEVEL: 'error', NODE_ENV: 'production', PUBLIC_URL: base },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout!.on('data', (d: Buffer) => (serverLog = (serverLog + d.toString()).slice(-4000)))
      child.stderr!.on('data', (d: Buffer) => (serverLog = (serverLog + d.toString()).slice(-4000)))
      // A server that dies by itself (e.g. of the connections lost when the database is killed;
      // see README) is restarted the way a supervisor would; either way no report may be lost.
      child.once('exit', () => {
        if (intentional || finished) return
        serverDiedWithDb++
        server = startServer()
      })
      return child
    }
    const healthy = async () => {
      for (let i = 0; i < 600; i++) {
        try {
          if ((await fetch(`${base}/healthz`)).status === 200) return
        } catch {
          /* not up yet */
        }
        await sleep(50)
      }
      throw new Error(`server did not become healthy:\n${serverLog}`)
    }
    server = startServer()
    await healthy()

    // One browser session: the CSRF cookie and its token stay valid across restarts (same APP_SECRET).
    const first = await fetch(`${base}/o/${slug}/complaints/new`)
    const seed = first.headers.getSetCookie().find((c) => c.startsWith('psai_csrf='))!.split(';')[0]!
    const token = (await first.text()).match(/name="_csrf" value="([^"]+)"/)![1]!

    let up: Promise<void> = Promise.resolve()
    let crashing = false
    const kills = { server: 0, database: 0 }
    const plan = [150, 350, 550, 750] // after this many receipts: kill server, server, server, database
    const received: { i: number; code: string }[] = []
    let duplicates = 0
    let retries = 0

    const crash = async (what: 'server' | 'database') => {
      crashing = true
      let release!: () => void
      up = new Promise<void>((r) => (release = r))
      try {
        if (what === 'server') {
          intentional = true
          const exited = new Promise((r) => server!.once('exit', r))
          server!.kill('SIGKILL')
          await exited
          intentional = false
          kills.server++
          server = startServer()
        } else {
          // Power-cut the database: the postmaster and every backend, no shutdown.
          const pid = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0])
          const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)]).toString().split('\n').map(Number).filter(Boolean)
          process.kill(pid, 'SIGKILL')
          for (const c of children) {
            try {
              process.kill(c, 'SIGKILL')
            } catch {
              /* already gone */
            }
          }
          kills.database++
          await sleep(300)
          db = await startDb()
        }
        await healthy()
      } finally {
        crashing = false
        release()
      }
    }

    const report = (i: number) => ({
      nonce: `nonce-${run}-${String(i).padStart(6, "0")}`,
      subject: `DURAMARK-${run}-${i} เรื่องร้องเรียนทดสอบ`,
      details: `รายละเอียด DURAMARK-${run}-${i} ${'ข้อความ '.repeat(40)}`,
      contactName: i % 5 === 0 ? `DURACONTACT-${run}-${i}` : '',
      withFile: i % 10 === 0,
    })
    const send = async (i: number): Promise<Response> => {
      const r = report(i)
      const fields: Record<string, string> = { _csrf: token, category: (['corruption', 'bribery', 'misconduct', 'service', 'other'] as const)[i % 5]!, subject: r.subject, details: r.details, contactName: r.contactName, consent: 'on', nonce: r.nonce }
      let body: BodyInit
      if (r.withFile) {
        const fd = new FormData()
        for (const [k, v] of Object.entries(fields)) fd.append(k, v)
        fd.append('files', new Blob([new Uint8Array(pdfWith(`DURAPDF-${run}-${i}`))], { type: 'application/pdf' }), `evidence-${i}.pdf`)
        body = fd
      } else body = new URLSearchParams(fields)
      const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`
      return fetch(`${base}/o/${slug}/complaints/new`, { method: 'POST', body, headers: { cookie: seed, 'x-forwarded-for': ip }, signal: AbortSignal.timeout(20_000) })
    }

    let next = 0
    const worker = async () => {
      for (;;) {
        const i = next++
        if (i >= N) return
        for (;;) {
          await up
          try {
            const res = await send(i)
            const html = await res.text()
            if (res.status === 200) {
              const code = receiptFrom(html)
              if (code) received.push({ i, code })
              else if (html.includes('ถูกส่งไปแล้ว')) duplicates++ // committed before a crash; the client never saw that code
              else throw new Error('200 without a receipt')
              break
            }
            if (res.status < 500) throw new Error(`unexpected ${res.status}: ${html.slice(0, 300)}`)
          } catch (e) {
            if ((e as Error).message.startsWith('unexpected') || (e as Error).message.startsWith('200')) throw e
          }
          retries++
          await sleep(crashing ? 100 : 20)
        }
        if (plan.length && received.length >= plan[0]! && !crashing) {
          plan.shift()
          void crash(plan.length === 0 ? 'database' : 'server')
        }
      }
    }
    const started = Date.now()
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const seconds = (Date.now() - started) / 1000
    await up
    finished = true
    expect(kills).toEqual({ server: 3, database: 1 })
    expect(received.length + duplicates).toBe(N)

    // Every receipt the client got opens its complete report.
    const app = connectDatabase(db.url, { max: 8 })
    try {
      const deps = { db: app.db, masterKeys: parseMasterKeys(MASTER_KEYS), appSecret: APP_SECRET } as AppDeps
      const bad: string[] = []
      for (let k = 0; k < received.length; k += 8) {
        await Promise.all(
          received.slice(k, k + 8).map(async ({ i, code }) => {
            const id = await openByReceipt(deps, orgId, code, null)
            if (!id) return bad.push(`${i}: code does not open`)
            const v = await reporterView(deps, orgId, id, null)
            if (v.subject !== report(i).subject) bad.push(`${i}: wrong subject`)
            if (v.files.length !== (report(i).withFile ? 1 : 0)) bad.push(`${i}: ${v.files.length} files`)
          }),
        )
      }
      expect(bad).toEqual([])
    } finally {
      await app.close()
    }

    // Nothing half-written: each case has its content, all its attachments, its history and its audit entry.
    const c = new pg.Client({ connectionString: db.url })
    await c.connect()
    try {
      const one = async (q: string) => Number((await c.query<{ n: string }>(q)).rows[0]!.n)
      expect(await one(`SELECT count(*) n FROM complaint_cases`)).toBe(N)
      expect(await one(`SELECT count(*) n FROM complaint_cases WHERE content IS NULL`)).toBe(0)
      expect(await one(`SELECT count(*) n FROM complaint_cases c WHERE attachment_count <> (SELECT count(*) FROM complaint_files f WHERE f.org_id = c.org_id AND f.case_id = c.id)`)).toBe(0)
      expect(await one(`SELECT count(*) n FROM complaint_cases WHERE attachment_count = 1`)).toBe(N / 10)
      expect(await one(`SELECT count(*) n FROM complaint_cases c WHERE NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.case_id = c.id AND e.kind = 'received')`)).toBe(0)
      expect(await one(`SELECT count(*) n FROM complaint_cases c WHERE (SELECT count(*) FROM audit_log a WHERE a.entity_id = c.id::text AND a.action = 'complaint.submit') <> 1`)).toBe(0)
      expect(await one(`SELECT count(*) n FROM audit_log a WHERE a.action = 'complaint.submit' AND NOT EXISTS (SELECT 1 FROM complaint_cases c WHERE c.id::text = a.entity_id)`)).toBe(0)
      await c.query('CHECKPOINT')
    } finally {
      await c.end()
    }
    expect((await verifyAuditChain(db.url)).ok).toBe(true)

    // The raw files of the cluster (tables, indexes, WAL) hold none of the text that was sent.
    const needles = [`DURAMARK-${run}`, `DURACONTACT-${run}`, `DURAPDF-${run}`].map((s) => Buffer.from(s))
    let scanned = 0
    const hits: string[] = []
    for (const f of filesUnder(join(dir, 'postgres'))) {
      if (statSync(f).size === 0) continue
      const bytes = readFileSync(f)
      scanned += bytes.length
      for (const n of needles) if (bytes.includes(n)) hits.push(`${f}: ${n.toString()}`)
    }
    expect(scanned).toBeGreaterThan(10_000_000)
    expect(hits).toEqual([])
    console.log(`durability: ${N} reports in ${seconds.toFixed(1)} s with ${kills.server} server kills + ${kills.database} database kill; ${received.length} receipts received, ${duplicates} committed-but-unacknowledged resends, ${retries} retries; server exited on database loss: ${serverDiedWithDb}; ${(scanned / 1e6).toFixed(0)} MB of raw files scanned`)
  }, 420_000) // ≈ 70 s on an idle 2-CPU machine; generous for a loaded CI host
})
