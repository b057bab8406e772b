import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { buildGift, buildPerson, buildReport } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows each item exactly to the roles that may open it.
// The register names people and what they were given: the viewer role does not read it (permissions.ts).
const READ = ['agency_admin', 'executive', 'officer']
const EDIT = ['agency_admin', 'officer']
const REPORT = ['agency_admin', 'officer']
const SELF = [...ROLES] as string[]

describe('gifts: role × route', () => {
  let t: TestApp
  let org: Org
  let giftId = ':id'
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    const person = await buildPerson(t.deps.db, org.id)
    // Half 1 of 2566 is published (its gifts are locked), half 2 is open.
    giftId = (await buildGift(t.deps.db, org.id, person.id)).id
    await buildReport(t.deps.db, org.id, 2566, 1, { status: 'published' })
    clients = await clientsByRole(t, org, other)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  // Before beforeAll (naming the tests) the paths show their pattern.
  const b = () => `/o/${org?.slug ?? ':org'}/admin/gifts`
  // A page with a form (the CSRF token is per browser): the sign-out form of the staff shell, else the sign-in page.
  const formPage = (w: Who) => (w === 'anonymous' ? `/o/${org.slug}/login` : w === 'other_agency' ? '/login' : `/o/${org.slug}/admin`)
  const routes: { path: () => string; allowed: string[]; ok?: number }[] = [
    { path: () => b(), allowed: READ },
    { path: () => `${b()}/rules`, allowed: READ },
    { path: () => `${b()}/new`, allowed: EDIT },
    { path: () => `${b()}/${giftId}/edit`, allowed: EDIT },
    { path: () => `${b()}/${giftId}/delete`, allowed: EDIT },
    { path: () => `${b()}/returns`, allowed: READ, ok: 302 },
    { path: () => `${b()}/returns/2566/2`, allowed: READ },
    { path: () => `${b()}/mine`, allowed: SELF },
    { path: () => `${b()}/reports`, allowed: READ },
    { path: () => `${b()}/reports/2566/1`, allowed: READ },
    { path: () => `${b()}/reports/2566/1/report.docx`, allowed: READ },
    { path: () => `${b()}/reports/2566/1/report.pdf`, allowed: READ },
    { path: () => `${b()}/reports/2566/1/report.xlsx`, allowed: READ },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, r.path().replace(b(), ''), w] as const)))('GET route %i (%s) as %s', async (i, _path, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    expect(res.status).toBe(expectedStatus(w, r.allowed, r.ok))
  })

  const posts: { path: () => string; form: Record<string, string>; allowed: string[]; ok: number }[] = [
    { path: () => `${b()}/new`, form: {}, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${giftId}/edit`, form: {}, allowed: EDIT, ok: 422 },
    // In a published half: refused with the reason, never deleted.
    { path: () => `${b()}/${giftId}/delete`, form: {}, allowed: EDIT, ok: 409 },
    { path: () => `${b()}/returns/2566/2/open`, form: {}, allowed: REPORT, ok: 303 },
    { path: () => `${b()}/returns/2566/2/links`, form: {}, allowed: REPORT, ok: 200 },
    { path: () => `${b()}/returns/2566/2/paper`, form: {}, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/mine`, form: {}, allowed: SELF, ok: 422 },
    { path: () => `${b()}/reports/2566/1`, form: { note: 'แก้ไขหลังเผยแพร่' }, allowed: REPORT, ok: 409 },
    { path: () => `${b()}/reports/2566/2/withdraw`, form: {}, allowed: REPORT, ok: 409 },
  ]
  it.each(posts.flatMap((p, i) => [...ROLES, 'other_agency' as const].map((r) => [i, p.path().replace(b(), ''), r] as const)))('POST route %i (%s) as %s', async (i, _path, role) => {
    const p = posts[i]!
    const res = await clients.get(role)!.post(p.path(), p.form, { csrfFrom: formPage(role) })
    expect(res.status).toBe(role !== 'other_agency' && p.allowed.includes(role) ? p.ok : 403)
  })

  it.each(EVERYONE.map((w) => [w] as const))('the public summary and a bad nil-return link answer %s alike', async (w) => {
    const c = clients.get(w)!
    expect((await c.get(`/o/${org.slug}/gifts`)).status).toBe(200)
    expect((await c.get(`/o/${org.slug}/gifts/return/not-a-token`)).status).toBe(404)
    expect((await c.post(`/o/${org.slug}/gifts/return/not-a-token`, { confirm: 'on' }, { csrfFrom: formPage(w) })).status).toBe(404)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the register and "my return" to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/gifts"`)).toBe(READ.includes(role))
    expect(html.includes(`href="/o/${org.slug}/admin/gifts/mine"`)).toBe(SELF.includes(role))
  })
})
