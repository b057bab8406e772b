import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createTestApp, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { buildControl, buildRisk } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused (exact statuses), and
// that the staff menu shows the module exactly to the roles that may open it.
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']

describe('risks: role × route', () => {
  let t: TestApp
  let org: Org
  let id = ''
  let draftId = ''
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    id = (await buildRisk(t.deps.db, org.id, { status: 'published', publishedAt: new Date(), residualLikelihood: 2, residualImpact: 2 })).id
    draftId = (await buildRisk(t.deps.db, org.id)).id
    clients = await clientsByRole(t, org, other)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const b = () => `/o/${org.slug}/admin/risks`
  const routes = [
    { path: () => b(), allowed: READ },
    { path: () => `${b()}?fy=2566&level=high&status=published&q=จัดซื้อ`, allowed: READ },
    { path: () => `${b()}/new`, allowed: EDIT },
    { path: () => `${b()}/${id}`, allowed: READ },
    { path: () => `${b()}/${id}/edit`, allowed: EDIT },
    { path: () => `${b()}/${draftId}/delete`, allowed: EDIT },
    { path: () => `${b()}/${id}/monitoring/6`, allowed: EDIT },
    { path: () => `${b()}/${id}/monitoring/12`, allowed: EDIT },
    { path: () => `${b()}/year/2566`, allowed: READ },
    { path: () => `${b()}/year/2566/bands`, allowed: EDIT },
    { path: () => `${b()}/year/2566/assessment.docx`, allowed: READ },
    { path: () => `${b()}/year/2566/assessment.pdf`, allowed: READ },
    { path: () => `${b()}/year/2566/monitoring.docx`, allowed: READ },
    { path: () => `${b()}/year/2566/monitoring.pdf`, allowed: READ },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, w] as const)))('GET route %i as %s', { timeout: 60_000 }, async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    expect(res.status).toBe(expectedStatus(w, r.allowed))
  })

  // Bodies that fail validation for the roles allowed (so nothing changes between roles): the guard answers first.
  // `ok` is the one status an allowed role gets (validation 422, a conflict 409, a done change 303).
  type Fresh = { id: string; measureId: string }
  type Post = { path: (f: Fresh) => string; allowed: string[]; ok: number; body?: Record<string, string>; fresh?: boolean }
  const posts: Post[] = [
    { path: () => `${b()}/new`, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${id}/edit`, allowed: EDIT, ok: 422 },
    { path: (f) => `${b()}/${f.id}/delete`, allowed: EDIT, ok: 303, fresh: true },
    // The published risk: refused on the confirmation page.
    { path: () => `${b()}/${id}/delete`, allowed: EDIT, ok: 409 },
    { path: () => `${b()}/${id}/controls`, allowed: EDIT, ok: 422, body: { measureId: 'x' } },
    { path: (f) => `${b()}/${f.id}/controls/${f.measureId}/remove`, allowed: EDIT, ok: 303, fresh: true },
    { path: () => `${b()}/${id}/monitoring/6`, allowed: EDIT, ok: 422, body: { status: 'done', recordedOn: '' } },
    { path: () => `${b()}/${id}/monitoring/12`, allowed: EDIT, ok: 422, body: { status: 'bad', recordedOn: '29/09/2566' } },
    { path: () => `${b()}/year/2566/copy`, allowed: EDIT, ok: 422, body: { to: 'x' } },
    { path: () => `${b()}/year/2566/bands`, allowed: EDIT, ok: 422, body: { lowMax: 'x', mediumMax: '9', highMax: '16' } },
    { path: () => `${b()}/year/2566/link`, allowed: EDIT, ok: 422, body: { kind: 'register', target: '' } },
  ]
  const formPage = (w: Who) => (w === 'other_agency' ? '/login' : `/o/${org.slug}/admin/account`)
  it.each(posts.flatMap((r, i) => [...ROLES, 'other_agency' as const].map((w) => [i, w] as const)))('POST route %i as %s', async (i, w) => {
    const r = posts[i]!
    // Routes that change the record get a fresh risk each time, so every role meets the same state.
    const fresh = r.fresh ? { id: (await buildRisk(t.deps.db, org.id)).id, measureId: randomUUID() } : { id, measureId: randomUUID() }
    if (r.fresh) await buildControl(t.deps.db, org.id, fresh.id, fresh.measureId)
    const res = await clients.get(w)!.post(r.path(fresh), r.body ?? { event: '', fiscalYear: 'x' }, { csrfFrom: formPage(w) })
    expect(res.status).toBe(w !== 'other_agency' && r.allowed.includes(w) ? r.ok : 403)
  })

  it.each(EVERYONE.map((w) => [w] as const))('public pages answer %s alike: the years, a published year; a year with nothing published is 404', async (w) => {
    const c = clients.get(w)!
    expect((await c.get(`/o/${org.slug}/risks`)).status).toBe(200)
    expect((await c.get(`/o/${org.slug}/risks/2566`)).status).toBe(200)
    expect((await c.get(`/o/${org.slug}/risks/2599`)).status).toBe(404)
    expect((await c.get(`/o/${org.slug}/risks/abc`)).status).toBe(404)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/risks"`)).toBe(READ.includes(role))
  })
})
