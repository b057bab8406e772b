// Survey answer sheets accepted per second at 50 concurrent respondents (the use case the answer
// route calls: the survey re-read and the sheet written in one transaction under row-level
// security, group-committed, synchronous commit) next to plain INSERTs of the same rows into the same table, in
// the same run. Goal: ≥ 0.5× plain and ≥ 300/s on a 2-core machine.
//   npx tsx bench/surveys.ts            (throwaway embedded PostgreSQL)
//   BENCH_DATABASE_URL=postgres://owner@… npx tsx bench/surveys.ts
import pg from 'pg'
import { benchDb, pool } from './bench-db.js'
import { recordResponse } from '../src/modules/surveys/answering.js'

const N = Number(process.env.BENCH_N ?? 3000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50)

const { url, owner, orgId, deps, close } = await benchDb(CONCURRENCY)
const surveyId = (await owner.query<{ id: string }>(`INSERT INTO surveys (org_id, title, fiscal_year, status) VALUES ($1, 'ความพึงพอใจ (วัดความเร็ว)', 2569, 'open') RETURNING id`, [orgId])).rows[0]!.id
const questions = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
const sheet = (i: number) => ({ ...Object.fromEntries(questions.map((q, k) => [q, 1 + ((i + k) % 5)])), [questions[9]!]: 'เจ้าหน้าที่บริการดี รวดเร็ว' })

// Warm up (connections, plans).
for (let i = 0; i < 50; i++) await recordResponse(deps.db, orgId, { surveyId, pointId: null, answers: sheet(i) })

const answerSeconds = await pool(N, CONCURRENCY, (i) => recordResponse(deps.db, orgId, { surveyId, pointId: null, answers: sheet(i) }))
const today = new Date().toISOString().slice(0, 10)
const plain = new pg.Pool({ connectionString: url, max: CONCURRENCY })
const plainSeconds = await pool(N, CONCURRENCY, (i) => plain.query(`INSERT INTO surveys_responses (org_id, survey_id, point_id, answered_on, via, answers) VALUES ($1, $2, NULL, $3, 'web', $4)`, [orgId, surveyId, today, JSON.stringify(sheet(i))]))

const answerRate = N / answerSeconds
const plainRate = N / plainSeconds
const ratio = answerRate / plainRate
console.log(`survey answers: ${N} in ${answerSeconds.toFixed(2)} s = ${answerRate.toFixed(0)}/s (survey re-read + sheet insert under RLS, group-committed: one transaction and one multi-row INSERT per batch, acknowledged after commit; ${CONCURRENCY} concurrent respondents)`)
console.log(`plain INSERTs of the same rows (owner, autocommit): ${N} in ${plainSeconds.toFixed(2)} s = ${plainRate.toFixed(0)}/s`)
console.log(`ratio: ${ratio.toFixed(2)}× plain (goal ≥ 0.5×): ${ratio >= 0.5 ? 'met' : 'NOT met'}; goal ≥ 300/s: ${answerRate >= 300 ? 'met' : 'NOT met'}`)

await plain.end()
await close()
