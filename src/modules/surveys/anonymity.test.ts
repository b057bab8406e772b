import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { issueLinks } from './answering.js'
import { resetSpamLimit } from './answer.routes.js'
import { sealOrg } from './seal.js'
import type { SurveyAccess } from './surveys.schema.js'
import { buildPoint, buildQuestions, buildSurvey } from './testing/factories.js'

// The anonymity invariant, for every access mode: answering writes exactly one row, of
// surveys_responses (and, with a single-use link, deletes exactly one row of surveys_links), and
// that row — every column, and the system columns xmin, xmax and ctid — holds nothing that ties it to an
// account, a session, a link token, an address or a time finer than the day. Every table of the
// database is read before and after, as the owner (no row-level security), system columns included.

const IP = '203.0.113.77'
type Snapshot = Map<string, Set<string>>

async function snapshot(db: pg.Client): Promise<Snapshot> {
  const tables = await db.query<{ s: string; t: string }>(`SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`)
  const out: Snapshot = new Map()
  for (const { s, t } of tables.rows) {
    const rows = await db.query<{ r: string }>(`SELECT xmin::text || '|' || xmax::text || '|' || ctid::text || '|' || row_to_json(x)::text AS r FROM "${s}"."${t}" x`)
    out.set(`${s}.${t}`, new Set(rows.rows.map((r) => r.r)))
  }
  return out
}

function diff(before: Snapshot, after: Snapshot) {
  const added = new Map<string, string[]>()
  const removed = new Map<string, string[]>()
  for (const [t, rows] of after) {
    const was = before.get(t) ?? new Set()
    const a = [...rows].filter((r) => !was.has(r))
    const d = [...was].filter((r) => !rows.has(r))
    if (a.length) added.set(t, a)
    if (d.length) removed.set(t, d)
  }
  return { added, removed }
}

describe('surveys: anonymity by design (invariant, every access mode)', () => {
  let t: TestApp
  let org: Org
  let user: User
  let ctx: OrgUseCaseCtx
  let owner: pg.Client
  const respondent = new TestClient({ request: (p, i) => t.app.request(p, i) })

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'on' })
    org = await buildOrg(t.deps.db)
    user = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, user) as OrgUseCaseCtx
    owner = new pg.Client({ connectionString: t.deps.ownerUrl })
    await owner.connect()
    // The respondent is a signed-in member of staff: the worst case for linking an answer to an account.
    expect((await respondent.signIn(org.slug, user.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await owner.end()
    await t.close()
  })

  it('the answer sheet table has no column that could hold an account, a token, an address or a time of day', async () => {
    const cols = await owner.query<{ column_name: string; data_type: string }>(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'surveys_responses' ORDER BY ordinal_position`)
    expect(cols.rows.map((c) => `${c.column_name}:${c.data_type}`)).toEqual(['org_id:uuid', 'id:uuid', 'survey_id:uuid', 'point_id:uuid', 'answered_on:date', 'via:text', 'answers:jsonb', 'sealed:boolean'])
    // No serial: the id is a random UUID, not a sequence.
    const seqs = await owner.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'surveys_responses' AND column_default LIKE 'nextval%'`)
    expect(seqs.rowCount).toBe(0)
  })

  for (const access of ['open', 'device', 'link'] as const satisfies readonly SurveyAccess[]) {
    it(`${access}: one answer writes one sheet and nothing that ties it to the respondent`, async () => {
      resetSpamLimit()
      const s = await buildSurvey(t.deps.db, org.id, { access })
      const qs = await buildQuestions(t.deps.db, org.id, s.id)
      const point = await buildPoint(t.deps.db, org.id, s.id, `เคาน์เตอร์ ${access}`)
      const token = access === 'link' ? (await issueLinks(ctx, s.id, 'บุคลากรทดสอบ', 3)).tokens[0]! : null
      const path = token ? `/o/${org.slug}/surveys/r/${s.id}/t/${token}` : `/o/${org.slug}/surveys/r/${s.id}?p=${point.id}`
      // An old session would be refreshed by any request that reads it: make it old.
      await owner.query(`UPDATE sessions SET last_seen_at = now() - interval '2 hours'`)

      const beforeGet = await snapshot(owner)
      const page = await respondent.get(path, { 'x-forwarded-for': IP })
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('no-store')
      expect(page.headers.get('referrer-policy')).toBe('no-referrer')
      const html = await page.text()
      const csrf = html.match(/name="_csrf" value="([^"]+)"/)![1]!
      const afterGet = await snapshot(owner)
      expect([...diff(beforeGet, afterGet).added.keys(), ...diff(beforeGet, afterGet).removed.keys()]).toEqual([]) // opening the page writes nothing

      const comment = 'เจ้าหน้าที่บริการดี'
      const res = await respondent.post(path, { [`q-${qs[0]!.id}`]: '5', [`q-${qs[1]!.id}`]: '1', [`q-${qs[2]!.id}`]: ['0', '2'], [`q-${qs[3]!.id}`]: comment }, { csrf, headers: { 'x-forwarded-for': IP } })
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('ขอบคุณที่ตอบแบบสำรวจ')
      const after = await snapshot(owner)
      const { added, removed } = diff(afterGet, after)

      // Exactly one row written, in surveys_responses; with a link, exactly one link row gone.
      expect([...added.keys()]).toEqual(['public.surveys_responses'])
      expect(added.get('public.surveys_responses')).toHaveLength(1)
      expect([...removed.keys()]).toEqual(access === 'link' ? ['public.surveys_links'] : [])
      if (access === 'link') expect(removed.get('public.surveys_links')).toHaveLength(1)

      const line = added.get('public.surveys_responses')![0]!
      const [xmin, , , ...json] = line.split('|')
      const row = JSON.parse(json.join('|')) as Record<string, unknown>
      expect(Object.keys(row).sort()).toEqual(['answered_on', 'answers', 'id', 'org_id', 'point_id', 'sealed', 'survey_id', 'via'])
      expect(row).toMatchObject({ survey_id: s.id, point_id: token ? null : point.id, via: 'web', sealed: false })
      expect(row['answered_on']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(row['answers']).toEqual({ [qs[0]!.id]: 5, [qs[1]!.id]: 1, [qs[2]!.id]: [0, 2], [qs[3]!.id]: comment })
      expect(String(row['id'])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/) // random (v4), not sequential
      // Nothing of the respondent anywhere in the row.
      const sessions = await owner.query<{ id: string }>(`SELECT id FROM sessions WHERE user_id = $1`, [user.id])
      for (const secret of [user.id, user.email, IP, ...sessions.rows.map((r) => r.id), ...(token ? [token] : [])]) expect(line).not.toContain(secret)
      if (token) {
        const hash = await owner.query<{ h: string }>(`SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS h`, [token])
        expect(line).not.toContain(hash.rows[0]!.h)
      }
      // No row of any other table carries the sheet's transaction id, as xmin or xmax (sheets
      // group-committed together share one; here it is alone).
      let same = 0
      for (const [table, rows] of after) for (const r of rows) if (r.split('|').slice(0, 2).includes(xmin!)) same += table === 'public.surveys_responses' ? 0 : 1
      expect(same).toBe(0)
      expect([...after.get('public.surveys_responses')!].filter((r) => r.startsWith(`${xmin}|`))).toHaveLength(1)
      // The session was not refreshed (the answer path never reads the cookie).
      const seen = await owner.query<{ old: boolean }>(`SELECT bool_and(last_seen_at < now() - interval '1 hour') AS old FROM sessions WHERE user_id = $1`, [user.id])
      expect(seen.rows[0]!.old).toBe(true)

      // A second answer with the same link is refused, in Thai, and writes nothing.
      if (token) {
        const again = await respondent.post(path, { [`q-${qs[0]!.id}`]: '4', [`q-${qs[1]!.id}`]: '0' }, { csrf })
        expect(again.status).toBe(410)
        expect(await again.text()).toContain('ลิงก์นี้ใช้ตอบไปแล้ว')
        expect(diff(after, await snapshot(owner)).added.size).toBe(0)
      }
    })
  }

  it('the daily seal rewrites past days: new ids, one shared xmin, no order of arrival', async () => {
    resetSpamLimit()
    const s = await buildSurvey(t.deps.db, org.id)
    const qs = await buildQuestions(t.deps.db, org.id, s.id)
    const path = `/o/${org.slug}/surveys/r/${s.id}`
    const anon = new TestClient(t.app)
    for (const level of ['1', '2', '3', '4', '5']) expect((await anon.post(path, { [`q-${qs[0]!.id}`]: level, [`q-${qs[1]!.id}`]: '0' })).status).toBe(200)
    const read = async () => (await owner.query<{ id: string; xmin: string; sealed: boolean }>(`SELECT id, xmin::text AS xmin, sealed FROM surveys_responses WHERE survey_id = $1`, [s.id])).rows
    const before = await read()
    expect(new Set(before.map((r) => r.xmin)).size).toBe(5) // five transactions, in order of arrival
    // Today's sheets wait; tomorrow they are sealed.
    expect(await sealOrg(t.deps, org.id)).toBe(0)
    const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10)
    expect(await sealOrg(t.deps, org.id, tomorrow)).toBeGreaterThanOrEqual(5)
    const after = await read()
    expect(after).toHaveLength(5)
    expect(after.every((r) => r.sealed)).toBe(true)
    expect(new Set(after.map((r) => r.xmin)).size).toBe(1)
    expect(after.filter((r) => before.some((b) => b.id === r.id))).toEqual([])
    const levels = await owner.query<{ n: number }>(`SELECT (answers ->> $2)::int AS n FROM surveys_responses WHERE survey_id = $1 ORDER BY n`, [s.id, qs[0]!.id])
    expect(levels.rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]) // the answers themselves are unchanged
  })
})
