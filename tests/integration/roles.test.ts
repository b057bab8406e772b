import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/platform/auth/auth.schema.js'
import { registry } from '../../src/app/registry.js'

const ROLES = [...registry.roles.keys()]
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../support/factories.js'

type Who = Role | 'anonymous' | 'other_agency_admin'

// The designed access of every staff and platform route of the shell: who gets 200.
// Everyone else signed in gets 403; anonymous users are sent to sign in (303).
const AGENCY_STAFF: Role[] = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer']
const ROUTES: { path: (slug: string) => string; allowed: Role[] }[] = [
  { path: (s) => `/o/${s}/admin`, allowed: AGENCY_STAFF },
  { path: (s) => `/o/${s}/admin/units`, allowed: AGENCY_STAFF },
  { path: (s) => `/o/${s}/admin/users`, allowed: ['agency_admin', 'executive'] },
  { path: (s) => `/o/${s}/admin/audit`, allowed: ['agency_admin', 'executive'] },
  { path: (s) => `/o/${s}/admin/settings`, allowed: ['agency_admin'] },
  { path: (s) => `/o/${s}/admin/account`, allowed: AGENCY_STAFF },
  { path: () => `/admin`, allowed: ['platform_admin'] },
  { path: () => `/admin/outbox`, allowed: ['platform_admin'] },
  { path: () => `/admin/audit`, allowed: ['platform_admin'] },
  { path: () => `/admin/account`, allowed: ['platform_admin'] },
]
const WHO: Who[] = ['anonymous', ...ROLES, 'other_agency_admin']

describe('every role × every shell route', () => {
  let t: TestApp
  let org: Org
  const clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    clients.set('anonymous', new TestClient(t.app))
    for (const role of ROLES) {
      const u = await buildUser(t.deps.db, role === 'platform_admin' ? null : org, role)
      const c = new TestClient(t.app)
      expect((await c.signIn(role === 'platform_admin' ? null : org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
      clients.set(role, c)
    }
    const foreign = await buildUser(t.deps.db, other, 'agency_admin')
    const fc = new TestClient(t.app)
    await fc.signIn(other.slug, foreign.email, TEST_PASSWORD)
    clients.set('other_agency_admin', fc)
  })
  afterAll(() => t.close())

  const cases = ROUTES.flatMap((r) => WHO.map((who) => ({ r, who })))
  it.each(cases.map(({ r, who }) => [r.path('<org>'), who, r] as const))('%s as %s', async (_label, who, r) => {
    const res = await clients.get(who)!.get(r.path(org.slug))
    const expected = who === 'anonymous' ? 303 : who !== 'other_agency_admin' && r.allowed.includes(who) ? 200 : 403
    expect(res.status).toBe(expected)
    if (expected === 303) expect(res.headers.get('location')).toMatch(/\/login\?next=/)
  })

  it('POSTs are checked too: a viewer cannot create a unit, an admin of another agency cannot either', async () => {
    for (const who of ['viewer', 'officer', 'executive', 'other_agency_admin'] as const) {
      const c = clients.get(who)!
      const res = await c.post(`/o/${org.slug}/admin/units`, { nameTh: `กองของ ${who}`, kind: 'division', sortOrder: '0' }, { csrfFrom: `/o/${org.slug}/` })
      expect(res.status).toBe(403)
    }
    const list = await (await clients.get('agency_admin')!.get(`/o/${org.slug}/admin/units`)).text()
    expect(list).not.toContain('กองของ')
  })
})
