import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { buildAsset } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows the module exactly to the roles that may open it.
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']

describe('assets: role × route', () => {
  let t: TestApp
  let org: Org
  let assetId = ''
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    assetId = (await buildAsset(t.deps.db, org.id)).id
    clients = await clientsByRole(t, org, other)
  })
  afterAll(() => t.close())

  const routes = [
    { path: () => `/o/${org.slug}/admin/assets`, allowed: READ },
    { path: () => `/o/${org.slug}/admin/assets/new`, allowed: EDIT },
    { path: () => `/o/${org.slug}/admin/assets/${assetId}/edit`, allowed: EDIT },
    { path: () => `/o/${org.slug}/admin/assets/${assetId}/delete`, allowed: EDIT },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, w] as const)))('GET route %i as %s', async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    expect(res.status).toBe(expectedStatus(w, r.allowed))
  })

  it.each(EVERYONE.map((w) => [w] as const))('GET the public page as %s', async (w) => {
    expect((await clients.get(w)!.get(`/o/${org.slug}/assets`)).status).toBe(200)
  })

  it.each(ROLES.map((r, i) => [r, i] as const))('POST create, edit and delete as %s', async (role, i) => {
    const c = clients.get(role)!
    const csrf = { csrfFrom: `/o/${org.slug}/` }
    const fields = { assetNo: `470-66-${String(i + 1).padStart(4, '0')}`, category: 'office', name: `สร้างโดย ${role}`, status: 'in_use' }
    expect((await c.post(`/o/${org.slug}/admin/assets/new`, fields, csrf)).status).toBe(EDIT.includes(role) ? 303 : 403)
    const target = await buildAsset(t.deps.db, org.id)
    expect((await c.post(`/o/${org.slug}/admin/assets/${target.id}/edit`, { ...fields, assetNo: target.assetNo }, csrf)).status).toBe(EDIT.includes(role) ? 303 : 403)
    expect((await c.post(`/o/${org.slug}/admin/assets/${target.id}/delete`, {}, csrf)).status).toBe(EDIT.includes(role) ? 303 : 403)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/assets"`)).toBe(READ.includes(role))
  })
})
