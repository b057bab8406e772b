import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { buildItem, buildMeeting } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows the module exactly to the roles that may open it.
const ROLES = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] as const
type Who = (typeof ROLES)[number] | 'anonymous' | 'other_agency'
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']
const ALL = [...ROLES] as string[]

describe('meetings: role × route', () => {
  let t: TestApp
  let org: Org
  let id = ''
  let itemId = ''
  const clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    const prev = await buildMeeting(t.deps.db, org.id, { status: 'held', heldOn: '2023-02-24', number: 1 })
    const m = await buildMeeting(t.deps.db, org.id, { status: 'invited', heldOn: '2023-03-28', number: 2, previousId: prev.id, isPublic: true })
    id = m.id
    itemId = (await buildItem(t.deps.db, org.id, m.id)).id
    clients.set('anonymous', new TestClient(t.app))
    for (const role of ROLES) {
      const u = await buildUser(t.deps.db, org, role)
      const c = new TestClient(t.app)
      expect((await c.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
      clients.set(role, c)
    }
    const o = await buildUser(t.deps.db, other, 'agency_admin')
    const oc = new TestClient(t.app)
    await oc.signIn(other.slug, o.email, TEST_PASSWORD)
    clients.set('other_agency', oc)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const b = () => `/o/${org.slug}/admin/meetings`
  const routes = [
    { path: () => b(), allowed: READ },
    { path: () => `${b()}/series/2566`, allowed: READ },
    { path: () => `${b()}/new`, allowed: EDIT },
    { path: () => `${b()}/${id}`, allowed: READ },
    { path: () => `${b()}/${id}/edit`, allowed: EDIT },
    { path: () => `${b()}/${id}/delete`, allowed: EDIT },
    { path: () => `${b()}/${id}/notice`, allowed: READ },
    { path: () => `${b()}/${id}/minutes.docx`, allowed: READ },
    { path: () => `${b()}/${id}/minutes.pdf`, allowed: READ },
    { path: () => `${b()}/${id}/minutes`, allowed: EDIT },
    { path: () => `${b()}/${id}/invite`, allowed: EDIT },
    { path: () => `${b()}/${id}/attendance`, allowed: EDIT },
    { path: () => `${b()}/${id}/checkin`, allowed: ALL },
    { path: () => `${b()}/${id}/items/new`, allowed: EDIT },
    { path: () => `${b()}/${id}/items/${itemId}`, allowed: EDIT },
    { path: () => `${b()}/${id}/items/${itemId}/delete`, allowed: EDIT },
  ]
  const who: Who[] = ['anonymous', ...ROLES, 'other_agency']
  it.each(routes.flatMap((r, i) => who.map((w) => [i, w] as const)))('GET route %i as %s', { timeout: 30_000 }, async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    const expected = w === 'anonymous' ? 303 : w !== 'other_agency' && r.allowed.includes(w) ? 200 : 403
    expect(res.status).toBe(expected)
  })

  // Bodies that would fail validation for the roles allowed (so nothing changes between roles): the guard answers first.
  type Post = { path: (fresh: { id: string; itemId: string }) => string; allowed: string[]; body?: Record<string, string>; fresh?: boolean }
  const posts: Post[] = [
    { path: () => `${b()}/new`, allowed: EDIT },
    { path: () => `${b()}/${id}/edit`, allowed: EDIT },
    { path: (f) => `${b()}/${f.id}/cancel`, allowed: EDIT, fresh: true },
    { path: (f) => `${b()}/${f.id}/delete`, allowed: EDIT, fresh: true },
    { path: () => `${b()}/${id}/adopt`, allowed: EDIT, body: { corrections: 'x'.repeat(6000) } },
    { path: () => `${b()}/${id}/minutes`, allowed: EDIT },
    { path: () => `${b()}/${id}/invite`, allowed: EDIT },
    { path: () => `${b()}/${id}/attendance`, allowed: EDIT },
    { path: () => `${b()}/${id}/attendance/outside`, allowed: EDIT },
    { path: () => `${b()}/${id}/checkin`, allowed: ALL },
    { path: () => `${b()}/${id}/items/new`, allowed: EDIT },
    { path: () => `${b()}/${id}/items/${itemId}`, allowed: EDIT },
    { path: () => `${b()}/${id}/items/${itemId}/link`, allowed: EDIT },
    { path: (f) => `${b()}/${f.id}/items/${f.itemId}/delete`, allowed: EDIT, fresh: true },
  ]
  it.each(posts.flatMap((r, i) => ROLES.map((w) => [i, w] as const)))('POST route %i as %s', async (i, w) => {
    const r = posts[i]!
    const allowed = r.allowed.includes(w)
    // Routes that change the record get a fresh meeting each time, so every role meets the same state.
    const m = r.fresh ? await buildMeeting(t.deps.db, org.id, { heldOn: '2023-06-27' }) : { id }
    const fresh = { id: m.id, itemId: r.fresh ? (await buildItem(t.deps.db, org.id, m.id)).id : itemId }
    const res = await clients.get(w)!.post(r.path(fresh), r.body ?? { title: '', name: '', target: 'x', startedAt: 'bad' }, { csrfFrom: `/o/${org.slug}/admin/account` })
    if (allowed) expect([303, 409, 422]).toContain(res.status)
    else expect(res.status).toBe(403)
  })

  it('public pages: the list and a public meeting for anyone; another agency’s id is 404', async () => {
    const anon = clients.get('anonymous')!
    expect((await anon.get(`/o/${org.slug}/meetings`)).status).toBe(200)
    expect((await anon.get(`/o/${org.slug}/meetings/${id}`)).status).toBe(200)
    expect((await anon.get(`/o/${org.slug}/meetings/00000000-0000-4000-8000-000000000000`)).status).toBe(404)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/meetings"`)).toBe(READ.includes(role))
  })
})
