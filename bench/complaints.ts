// Complaint submissions per second (encrypted, audited, durable: one transaction with the case,
// its history event and its hash-chained audit entry, synchronous commit) next to plain INSERTs
// of rows of the same size into the same database, in the same run.
//   npx tsx bench/complaints.ts            (throwaway embedded PostgreSQL)
//   BENCH_DATABASE_URL=postgres://owner@… npx tsx bench/complaints.ts
import { randomBytes } from 'node:crypto'
import { benchDb, pool } from './bench-db.js'
import { submitReport } from '../src/modules/complaints/submit.js'
import type { UseCaseCtx } from '../src/platform/http/context.js'

const N = Number(process.env.BENCH_N ?? 2000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)

const { owner, orgId, deps, database, close } = await benchDb(CONCURRENCY)
await owner.query('DROP TABLE IF EXISTS bench_plain; CREATE TABLE bench_plain (org_id uuid NOT NULL, id uuid NOT NULL DEFAULT gen_random_uuid(), category text NOT NULL, body bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (org_id, id))')
await owner.query('GRANT ALL ON bench_plain TO prongsai_app')
const ctx: UseCaseCtx = { deps, db: deps.db, orgId, actor: null, requestId: 'bench', lang: 'th' }
const details = 'เมื่อวันที่ผ่านมามีเจ้าหน้าที่เรียกรับเงินเพื่อเร่งรัดการออกใบอนุญาต '.repeat(12) // ≈ 1 KB of Thai
const report = (i: number) => ({ category: 'bribery' as const, subject: `เรื่องทดสอบความเร็ว ${i}`, details, whenWhere: 'หน้าสำนักงาน', nonce: `bench-nonce-${i.toString().padStart(8, '0')}` })

// Warm up (data key, connections, JIT).
for (let i = 0; i < 50; i++) await submitReport(ctx, report(-1 - i))

const submitSeconds = await pool(N, CONCURRENCY, (i) => submitReport(ctx, report(i)))
const [{ size }] = (await owner.query<{ size: number }>(`SELECT avg(octet_length(content))::int AS size FROM complaint_cases`)).rows as [{ size: number }]
const payload = randomBytes(size)
const plainSeconds = await pool(N, CONCURRENCY, () => database.pool.query('INSERT INTO bench_plain (org_id, category, body) VALUES ($1, $2, $3)', [orgId, 'bribery', payload]))

const submitRate = N / submitSeconds
const plainRate = N / plainSeconds
const ratio = submitRate / plainRate
console.log(`complaint submissions: ${N} in ${submitSeconds.toFixed(2)} s = ${submitRate.toFixed(0)}/s (argon2id receipt hash, AES-256-GCM, each case + event + audit atomic, group-committed with multi-row writes (a failing batch is retried report by report), concurrency ${CONCURRENCY})`)
console.log(`plain INSERTs (${size} B bytea rows, autocommit): ${N} in ${plainSeconds.toFixed(2)} s = ${plainRate.toFixed(0)}/s`)
console.log(`ratio: ${ratio.toFixed(2)}× plain (goal ≥ 0.5×); goal ≥ 300/s: ${submitRate >= 300 ? 'met' : 'NOT met'}`)

await owner.query('DROP TABLE bench_plain')
await close()
