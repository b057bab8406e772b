import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import type { Question } from './surveys.schema.js'
import { buildPoint, buildQuestions, buildSurvey } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows the module exactly to the roles that may open it; the respondent's pages to everyone.
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']

describe('surveys: role × route', () => {
  let t: TestApp
  let org: Org
  let draft = ''
  let open = ''
  let linked = ''
  let pointId = ''
  let qs: Question[] = []
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    draft = (await buildSurvey(t.deps.db, org.id, { status: 'draft' })).id
    qs = await buildQuestions(t.deps.db, org.id, draft)
    open = (await buildSurvey(t.deps.db, org.id)).id
    await buildQuestions(t.deps.db, org.id, open)
    pointId = (await buildPoint(t.deps.db, org.id, open)).id
    linked = (await buildSurvey(t.deps.db, org.id, { access: 'link' })).id
    clients = await clientsByRole(t, org, other)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const b = () => `/o/${org.slug}/admin/surveys`
  const routes = [
    { path: () => b(), allowed: READ },
    { path: () => `${b()}/new`, allowed: EDIT },
    { path: () => `${b()}/${draft}`, allowed: READ },
    { path: () => `${b()}/${draft}/edit`, allowed: EDIT },
    { path: () => `${b()}/${draft}/delete`, allowed: EDIT },
    { path: () => `${b()}/${draft}/questions/new`, allowed: EDIT },
    { path: () => `${b()}/${draft}/questions/${qs[0]!.id}/edit`, allowed: EDIT },
    { path: () => `${b()}/${draft}/questions/${qs[0]!.id}/delete`, allowed: EDIT },
    { path: () => `${b()}/${open}/points/${pointId}/delete`, allowed: EDIT },
    { path: () => `${b()}/${open}/paper`, allowed: EDIT },
    { path: () => `${b()}/${open}/results`, allowed: READ },
    { path: () => `${b()}/${open}/results.xlsx`, allowed: READ },
    { path: () => `${b()}/${open}/poster.pdf`, allowed: READ },
    { path: () => `${b()}/${linked}`, allowed: READ },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, w] as const)))('GET route %i as %s', async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    expect(res.status).toBe(expectedStatus(w, r.allowed))
  })

  // Each allowed POST answers one exact status: a form with nothing in it is bad input (422).
  const posts: { path: () => string; form: Record<string, string>; ok: number }[] = [
    { path: () => `${b()}/new`, form: {}, ok: 422 },
    { path: () => `${b()}/${draft}/edit`, form: {}, ok: 422 },
    { path: () => `${b()}/${draft}/questions/new`, form: {}, ok: 422 },
    { path: () => `${b()}/${draft}/questions/${qs[0]!.id}/edit`, form: {}, ok: 422 },
    { path: () => `${b()}/${draft}/questions/${qs[1]!.id}/move`, form: { dir: 'down' }, ok: 303 },
    { path: () => `${b()}/${open}/points`, form: {}, ok: 422 },
    { path: () => `${b()}/${linked}/links`, form: {}, ok: 422 },
    { path: () => `${b()}/${open}/paper`, form: {}, ok: 422 },
    { path: () => `${b()}/${open}/open`, form: {}, ok: 409 }, // already open
    { path: () => `${b()}/${draft}/close`, form: {}, ok: 409 }, // not open
    { path: () => `${b()}/${open}/delete`, form: {}, ok: 409 }, // never after opening
  ]
  it.each(posts.flatMap((p, i) => ROLES.map((r) => [i, r] as const)))('POST route %i as %s', async (i, role) => {
    const p = posts[i]!
    const res = await clients.get(role)!.post(p.path(), p.form, { csrfFrom: `/o/${org.slug}/` })
    expect(res.status).toBe(EDIT.includes(role) ? p.ok : 403)
  })
  it('another agency is refused every POST (403)', async () => {
    for (const p of posts) expect((await clients.get('other_agency')!.post(p.path(), p.form, { csrfFrom: `/o/${org.slug}/` })).status).toBe(403)
  })

  it('the respondent pages and public results answer everyone the same, signed in or not', async () => {
    for (const w of EVERYONE) {
      const c = clients.get(w)!
      expect((await c.get(`/o/${org.slug}/surveys`)).status).toBe(200)
      expect((await c.get(`/o/${org.slug}/surveys/r/${open}?p=${pointId}`)).status).toBe(200)
      expect((await c.get(`/o/${org.slug}/surveys/r/${draft}`)).status).toBe(404)
      expect((await c.get(`/o/${org.slug}/surveys/${open}/results`)).status).toBe(200)
      expect((await c.get(`/o/${org.slug}/surveys/${draft}/results`)).status).toBe(404)
      expect((await c.get(`/o/${org.slug}/surveys/r/${linked}`)).status).toBe(403)
    }
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/surveys"`)).toBe(READ.includes(role))
  })
})
