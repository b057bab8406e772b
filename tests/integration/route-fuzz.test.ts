import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { DEMO_PASSWORD, demoEmail, loadDemoIfEmpty, type DemoAccount } from '../../src/app/demo.js'
import { inOrg } from '../../src/db/client.js'
import { orgs } from '../../src/platform/orgs/orgs.schema.js'

// Issue 11, "zero 500s from any request": every route the app has (read from the composed Hono app,
// so a new module's routes are in without editing this test), with every path parameter replaced by
// real ids of the demo agency and by hostile values, with hostile query strings and form bodies, as
// a visitor, as agency staff of each role and as the platform admin. No answer may be a 5xx.

const HOSTILE = ['x', '0', '-1', '99999999999999999999', '2566', '๒๕๖๖', '%00', 'a%00b', '..%2F..%2Fetc%2Fpasswd', '%ff%fe', "'%20OR%201=1--", '%3Cscript%3E', 'ก'.repeat(300), '00000000-0000-0000-0000-000000000000', 'not-a-uuid-at-all-0000-000000000000', '1e400', 'NaN', '2566%3A3']
const QUERIES = ['?fy=2600.5&before=1.5&after=1e400&action=%00&page=1.5', '', '?page=-1&year=abc&q=%00&lang=xx&next=//evil.example', '?page=999999999&year=25660&q=' + encodeURIComponent('๒๕๖๖ ทุจริต'), '?fiscalYear=%ff&status=%00&target=x%3Ay&sort=;DROP']
const BODIES: Record<string, string>[] = [
  {},
  { title: '%00', fiscalYear: 'abc', year: '๒๕๖๗๘', email: 'not-an-email', id: '00000000-0000-0000-0000-000000000000', code: '1'.repeat(17), status: 'x', role: 'platform_admin', startOn: '31/02/2566', endOn: '2566-13-45', amount: '1e400', page: '-1' },
  { title: 'ก'.repeat(20_000), body: '\u0000\u0001\u0002', details: '<script>alert(1)</script>', next: 'https://evil.example', oitCodes: 'O99, ,,, O1', items: ['a', 'b'] as unknown as string },
]

type Route = { method: string; path: string }
type Actor = { name: string; client: TestClient; csrf: string | null }

describe('every route answers hostile input without a server error', () => {
  let t: TestApp
  let routes: Route[]
  let ids: string[]
  let slug: string
  const actors: Actor[] = []

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'on' })
    await loadDemoIfEmpty(t.deps)
    const [org] = await t.deps.db.select().from(orgs).limit(1)
    slug = org!.slug
    // Real ids of the demo agency's records, so handlers get past "not found" too.
    const rows = await inOrg(t.deps.db, org!.id, (tx) =>
      tx.execute<{ id: string }>(sql`
        SELECT c.table_name, c.column_name FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.data_type = 'uuid'`),
    )
    const tables = (rows.rows as unknown as { table_name: string }[]).map((r) => r.table_name)
    const found = new Set<string>()
    for (const table of tables) {
      const r = await inOrg(t.deps.db, org!.id, (tx) => tx.execute<{ id: string }>(sql`SELECT id::text FROM ${sql.identifier(table)} LIMIT 3`)).catch(() => null)
      for (const row of r?.rows ?? []) found.add(row.id)
    }
    ids = [...found]
    expect(ids.length).toBeGreaterThan(20)

    const seen = new Set<string>()
    routes = t.app.routes
      .filter((r) => r.method === 'GET' || r.method === 'POST')
      .filter((r) => {
        const k = `${r.method} ${r.path}`
        return !seen.has(k) && !!seen.add(k)
      })
    expect(routes.length).toBeGreaterThan(100)

    const anonymous = new TestClient(t.app)
    actors.push({ name: 'visitor', client: anonymous, csrf: await anonymous.csrfFrom(`/o/${slug}/complaints/new`) })
    const roles: DemoAccount['role'][] = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer']
    for (const role of roles) {
      const c = new TestClient(t.app)
      expect((await c.signIn(slug, demoEmail(role, slug), DEMO_PASSWORD)).status, role).toBe(303)
      actors.push({ name: role, client: c, csrf: await c.csrfFrom(`/o/${slug}/admin/account`) })
    }
    const platform = new TestClient(t.app)
    expect((await platform.signIn(null, demoEmail('platform_admin', null), DEMO_PASSWORD)).status).toBe(303)
    actors.push({ name: 'platform_admin', client: platform, csrf: await platform.csrfFrom('/admin/account').catch(() => null) })
  }, 300_000)
  afterAll(() => t.close())

  /** Concrete paths for a route pattern: each parameter by a real id, a slug and hostile values. */
  const pathsFor = (pattern: string, n: number): string[] => {
    const params = pattern.match(/:[A-Za-z_]+(\{[^}]*\})?\??/g) ?? []
    if (pattern.includes('*')) pattern = pattern.replace(/\*/g, 'x/y')
    if (!params.length) return [pattern]
    const values = [...HOSTILE, ...ids.slice(0, 12)]
    const out: string[] = []
    for (let i = 0; i < n; i++) {
      let p = pattern
      for (const param of params) {
        const name = param.slice(1).replace(/\{.*$/, '').replace(/\?$/, '')
        const v = name === 'org' || name === 'slug' ? (i % 4 === 3 ? values[i % values.length]! : slug) : name === 'year' && i % 3 === 0 ? '2566' : values[(i * 7 + name.length) % values.length]!
        p = p.replace(param, v)
      }
      out.push(p)
    }
    return [...new Set(out)]
  }

  it('sends over 10,000 requests to every route as every kind of user: no 5xx', { timeout: 900_000 }, async () => {
    const errors: string[] = []
    const byStatus = new Map<number, number>()
    let sent = 0
    const tasks: (() => Promise<void>)[] = []
    for (const r of routes) {
      for (const path of pathsFor(r.path, 8)) {
        for (const actor of actors) {
          // Signing out or ending sessions would only shorten the rest of the run for that actor.
          if (/\/logout$|\/sessions|\/password$/.test(path) && actor.name !== 'visitor') continue
          if (r.method === 'GET') {
            for (const q of QUERIES) {
              tasks.push(async () => {
                const res = await actor.client.get(path + q)
                sent++
                byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1)
                if (res.status >= 500) errors.push(`${res.status} ${actor.name} GET ${path + q}`)
              })
            }
          } else {
            for (const body of BODIES) {
              tasks.push(async () => {
                // Half of the posts claim a foreign or garbage Origin, as the examples did.
                const res = await actor.client.post(path, body, { csrf: actor.csrf, ...(sent % 2 ? { headers: { origin: 'garbage' } } : {}) })
                sent++
                byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1)
                if (res.status >= 500) errors.push(`${res.status} ${actor.name} POST ${path} ${Object.keys(body).join(',')}`)
              })
            }
          }
        }
      }
    }
    // Broken multipart to every POST route: truncated, and without a boundary.
    for (const r of routes.filter((x) => x.method === 'POST')) {
      for (const path of pathsFor(r.path, 2)) {
        for (const actor of actors) {
          for (const [type, body] of [
            ['multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nครึ่ง'],
            ['multipart/form-data', 'no boundary at all'],
          ] as const) {
            tasks.push(async () => {
              const res = await t.app.request(path, { method: 'POST', body, headers: { cookie: [...actor.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), host: 'localhost', 'content-type': type, 'x-csrf-token': actor.csrf ?? '' } })
              sent++
              byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1)
              if (res.status >= 500) errors.push(`${res.status} ${actor.name} POST ${path} (${type})`)
            })
          }
        }
      }
    }
    // A few at a time, as a busy server sees them.
    let next = 0
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < tasks.length) await tasks[next++]!()
      }),
    )
    expect(sent).toBeGreaterThanOrEqual(10_000)
    const stopped = [301, 302, 303, 401, 403].reduce((n, st) => n + (byStatus.get(st) ?? 0), 0)
    console.log(`route fuzz: ${routes.length} routes, ${sent} requests, ${sent - stopped} reached a handler (not stopped at a redirect, 401 or 403)`, Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])))
    expect(sent - stopped).toBeGreaterThan(5000)
    // The handlers were reached, not only the guards: pages rendered and forms refused input.
    expect(byStatus.get(200) ?? 0).toBeGreaterThan(1000)
    expect(byStatus.get(422) ?? 0).toBeGreaterThan(100)
    expect(errors.slice(0, 40)).toEqual([])
  })
})
