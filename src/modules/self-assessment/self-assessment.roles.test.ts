import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, useCaseCtx, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { createRound } from './self-assessment.service.js'

// Every role × every route of the module, and the staff menu.
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']

describe('self-assessment: role × route', () => {
  let t: TestApp
  let org: Org
  let roundId = ''
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    const ctx = useCaseCtx(t, org.id, await buildUser(t.deps.db, org, 'officer')) as OrgUseCaseCtx
    roundId = (await createRound(ctx, { fiscalYear: 2568, tool: 'iit', target: 20 })).id
    clients = await clientsByRole(t, org, other)
  })
  afterAll(() => t.close())

  const routes = [
    { path: () => `/o/${org.slug}/admin/self-assessment`, allowed: READ },
    { path: () => `/o/${org.slug}/admin/self-assessment/${roundId}`, allowed: READ },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, w] as const)))('GET route %i as %s', async (i, w) => {
    const r = routes[i]!
    expect((await clients.get(w)!.get(r.path())).status).toBe(expectedStatus(w, r.allowed))
  })

  it.each(ROLES.map((r) => [r] as const))('POST a round (bad input) as %s', async (role) => {
    const res = await clients.get(role)!.post(`/o/${org.slug}/admin/self-assessment`, {}, { csrfFrom: `/o/${org.slug}/` })
    expect(res.status).toBe(EDIT.includes(role) ? 422 : 403)
  })
  it('another agency is refused the POST', async () => {
    expect((await clients.get('other_agency')!.post(`/o/${org.slug}/admin/self-assessment`, {}, { csrfFrom: `/o/${org.slug}/` })).status).toBe(403)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/self-assessment"`)).toBe(READ.includes(role))
  })
})
