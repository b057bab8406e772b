import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { buildItem, buildMeeting, buildPhoto } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows the module exactly to the roles that may open it.
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']
const ALL = [...ROLES] as string[]

describe('meetings: role × route', () => {
  let t: TestApp
  let org: Org
  let id = ''
  let itemId = ''
  let photoId = ''
  let privateMeeting = { id: '', photoId: '' }
  let otherMeeting = { id: '', photoId: '' }
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    const prev = await buildMeeting(t.deps.db, org.id, { status: 'held', heldOn: '2023-02-24', number: 1 })
    const m = await buildMeeting(t.deps.db, org.id, { status: 'invited', heldOn: '2023-03-28', number: 2, previousId: prev.id, isPublic: true })
    id = m.id
    itemId = (await buildItem(t.deps.db, org.id, m.id)).id
    photoId = (await buildPhoto(t.deps.db, org.id, m.id)).id
    privateMeeting = { id: prev.id, photoId: (await buildPhoto(t.deps.db, org.id, prev.id)).id }
    const om = await buildMeeting(t.deps.db, other.id, { isPublic: true })
    otherMeeting = { id: om.id, photoId: (await buildPhoto(t.deps.db, other.id, om.id)).id }
    clients = await clientsByRole(t, org, other)
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
    { path: () => `${b()}/${id}/photos/new`, allowed: EDIT },
    { path: () => `${b()}/${id}/photos/${photoId}`, allowed: READ },
    { path: () => `${b()}/${id}/photos/${photoId}/delete`, allowed: EDIT },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, w] as const)))('GET route %i as %s', { timeout: 30_000 }, async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    expect(res.status).toBe(expectedStatus(w, r.allowed))
  })

  // Bodies that would fail validation for the roles allowed (so nothing changes between roles): the guard answers first.
  // `ok` is the one status an allowed role gets (validation 422, a conflict 409, a done change 303).
  type Fresh = { id: string; itemId: string; photoId: string }
  type Post = { path: (fresh: Fresh) => string; allowed: string[]; ok: number; body?: Record<string, string>; fresh?: boolean }
  const posts: Post[] = [
    { path: () => `${b()}/new`, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${id}/edit`, allowed: EDIT, ok: 422 },
    { path: (f) => `${b()}/${f.id}/cancel`, allowed: EDIT, ok: 303, fresh: true },
    { path: (f) => `${b()}/${f.id}/delete`, allowed: EDIT, ok: 303, fresh: true },
    // Corrections over their 5000 characters: refused on the form before anything is adopted.
    { path: () => `${b()}/${id}/adopt`, allowed: EDIT, ok: 422, body: { corrections: 'x'.repeat(6000) } },
    { path: () => `${b()}/${id}/minutes`, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${id}/invite`, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${id}/attendance`, allowed: EDIT, ok: 303 },
    { path: () => `${b()}/${id}/attendance/outside`, allowed: EDIT, ok: 422 },
    // The accounts of the cast have no person in the directory: refused on the check-in page.
    { path: () => `${b()}/${id}/checkin`, allowed: ALL, ok: 409 },
    { path: () => `${b()}/${id}/items/new`, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${id}/items/${itemId}`, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${id}/items/${itemId}/link`, allowed: EDIT, ok: 422 },
    { path: (f) => `${b()}/${f.id}/items/${f.itemId}/delete`, allowed: EDIT, ok: 303, fresh: true },
    // No file and no caption: the same form, 422.
    { path: () => `${b()}/${id}/photos/new`, allowed: EDIT, ok: 422 },
    { path: (f) => `${b()}/${f.id}/photos/${f.photoId}/delete`, allowed: EDIT, ok: 303, fresh: true },
  ]
  const formPage = (w: Who) => (w === 'other_agency' ? '/login' : `/o/${org.slug}/admin/account`)
  it.each(posts.flatMap((r, i) => [...ROLES, 'other_agency' as const].map((w) => [i, w] as const)))('POST route %i as %s', async (i, w) => {
    const r = posts[i]!
    // Routes that change the record get a fresh meeting each time, so every role meets the same state.
    const m = r.fresh ? await buildMeeting(t.deps.db, org.id, { heldOn: '2023-06-27' }) : { id }
    const fresh = r.fresh ? { id: m.id, itemId: (await buildItem(t.deps.db, org.id, m.id)).id, photoId: (await buildPhoto(t.deps.db, org.id, m.id)).id } : { id, itemId, photoId }
    const res = await clients.get(w)!.post(r.path(fresh), r.body ?? { title: '', name: '', target: 'x', startedAt: 'bad' }, { csrfFrom: formPage(w) })
    expect(res.status).toBe(w !== 'other_agency' && r.allowed.includes(w) ? r.ok : 403)
  })

  it.each(EVERYONE.map((w) => [w] as const))('public pages answer %s alike: a public meeting and its photo; a non-public meeting’s photo and another agency’s are 404', async (w) => {
    const c = clients.get(w)!
    expect((await c.get(`/o/${org.slug}/meetings`)).status).toBe(200)
    expect((await c.get(`/o/${org.slug}/meetings/${id}`)).status).toBe(200)
    expect((await c.get(`/o/${org.slug}/meetings/${id}/photos/${photoId}`)).status).toBe(200)
    expect((await c.get(`/o/${org.slug}/meetings/${privateMeeting.id}/photos/${privateMeeting.photoId}`)).status).toBe(404)
    expect((await c.get(`/o/${org.slug}/meetings/${otherMeeting.id}/photos/${otherMeeting.photoId}`)).status).toBe(404)
    expect((await c.get(`/o/${org.slug}/meetings/${id}/photos/${otherMeeting.photoId}`)).status).toBe(404)
    expect((await c.get(`/o/${org.slug}/meetings/00000000-0000-4000-8000-000000000000`)).status).toBe(404)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/meetings"`)).toBe(READ.includes(role))
  })
})
