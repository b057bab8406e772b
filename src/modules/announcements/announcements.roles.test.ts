import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { approveManual, createManual } from './manuals.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { buildAnnouncement } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows the module exactly to the roles that may open it.
const ROLES = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] as const
type Who = (typeof ROLES)[number] | 'anonymous' | 'other_agency'
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']
const ACK = [...ROLES] as string[]
const MREAD = READ
const MEDIT = EDIT
const MAPPROVE = ['executive']

describe('announcements: role × route', () => {
  let t: TestApp
  let org: Org
  let draftId = ''
  let publishedId = ''
  let manualDraftId = ''
  let manualId = ''
  const clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    draftId = (await buildAnnouncement(t.deps.db, org.id)).id
    publishedId = (await buildAnnouncement(t.deps.db, org.id, { status: 'published', number: 1, numberYear: 2566 })).id
    clients.set('anonymous', new TestClient(t.app))
    const unitId = (await buildUnit(t.deps.db, org, 'กองคลัง')).id
    const mctx = useCaseCtx(t, org.id, await buildUser(t.deps.db, org, 'officer')) as OrgUseCaseCtx
    const minput = { kind: 'operation' as const, unitId, title: 'คู่มือทดสอบสิทธิ์', audience: 'public' as const, ackRequired: true, body: 'ขั้นตอน', effectiveOn: '2022-10-03', nextReviewOn: '2023-09-29' }
    manualDraftId = (await createManual(mctx, minput)).id
    manualId = (await createManual(mctx, { ...minput, title: 'คู่มือที่อนุมัติแล้ว' })).id
    await approveManual(useCaseCtx(t, org.id, await buildUser(t.deps.db, org, 'executive')) as OrgUseCaseCtx, manualId)
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

  const b = () => `/o/${org.slug}/admin/announcements`
  const m = () => `/o/${org.slug}/admin/manuals`
  const routes = [
    { path: () => b(), allowed: READ },
    { path: () => `${b()}/new`, allowed: EDIT },
    { path: () => `${b()}/${draftId}`, allowed: READ },
    { path: () => `${b()}/${draftId}/edit`, allowed: EDIT },
    { path: () => `${b()}/${draftId}/delete`, allowed: EDIT },
    { path: () => `${b()}/${publishedId}/revise`, allowed: EDIT },
    { path: () => `${b()}/${publishedId}/withdraw`, allowed: EDIT },
    { path: () => `${b()}/${publishedId}/ack`, allowed: ACK },
    { path: () => `${b()}/${publishedId}/sheet.docx`, allowed: READ },
    { path: () => `${b()}/${publishedId}/sheet.pdf`, allowed: READ },
    { path: () => `${m()}`, allowed: MREAD },
    { path: () => `${m()}/new`, allowed: MEDIT },
    { path: () => `${m()}/${manualDraftId}`, allowed: MREAD },
    { path: () => `${m()}/${manualDraftId}/edit`, allowed: MEDIT },
    { path: () => `${m()}/${manualDraftId}/delete`, allowed: MEDIT },
    { path: () => `${m()}/${manualId}`, allowed: MREAD },
    { path: () => `${m()}/${manualId}/revise`, allowed: MEDIT },
    { path: () => `${m()}/${manualId}/sheet.docx`, allowed: MREAD },
    { path: () => `${m()}/${manualId}/sheet.pdf`, allowed: MREAD },
  ]
  const who: Who[] = ['anonymous', ...ROLES, 'other_agency']
  it.each(routes.flatMap((r, i) => who.map((w) => [i, w] as const)))('GET route %i as %s', async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    const expected = w === 'anonymous' ? 303 : w !== 'other_agency' && r.allowed.includes(w) ? 200 : 403
    expect(res.status).toBe(expected)
  })

  const posts: { path: () => string; form: Record<string, string>; allowed: string[]; ok: number }[] = [
    { path: () => `${b()}/new`, form: { kind: 'announcement', subject: 'สร้างโดยผู้ทดสอบ', body: '', signedOn: '09/01/2566', audience: 'both', ackScope: 'none' }, allowed: EDIT, ok: 303 },
    { path: () => `${b()}/${publishedId}/withdraw`, form: { reason: '' }, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${publishedId}/paper`, form: {}, allowed: EDIT, ok: 422 },
    { path: () => `${b()}/${draftId}/publish`, form: {}, allowed: EDIT, ok: 303 },
    { path: () => `${b()}/${publishedId}/links`, form: {}, allowed: EDIT, ok: 200 },
    { path: () => `${m()}/new`, form: {}, allowed: MEDIT, ok: 422 },
    { path: () => `${m()}/${manualId}/revise`, form: {}, allowed: MEDIT, ok: 422 },
    { path: () => `${m()}/${manualDraftId}/edit`, form: {}, allowed: MEDIT, ok: 422 },
    // Nobody of these accounts is a person of the unit: the executive approves, anyone else is refused.
    { path: () => `${m()}/${manualId}/ack`, form: {}, allowed: ACK, ok: 409 },
    { path: () => `${m()}/${manualDraftId}/approve`, form: {}, allowed: MAPPROVE, ok: 303 },
    { path: () => `${m()}/${manualId}/links`, form: {}, allowed: MEDIT, ok: 200 },
    { path: () => `${m()}/${manualId}/paper`, form: {}, allowed: MEDIT, ok: 422 },
  ]
  it.each(posts.flatMap((p, i) => ROLES.map((r) => [i, r] as const)))('POST route %i as %s', async (i, role) => {
    const p = posts[i]!
    const res = await clients.get(role)!.post(p.path(), p.form, { csrfFrom: `/o/${org.slug}/` })
    if (!p.allowed.includes(role)) return expect(res.status).toBe(403)
    // Publishing twice is a conflict: the first allowed role publishes, the next is told it is no draft.
    expect(res.status).toBe(i === 3 && role !== p.allowed[0] ? 409 : p.ok)
  })

  it('a link page answers 404 to anyone when the token is unknown, signed in or not', async () => {
    for (const w of who) for (const kind of ['announcements', 'manuals']) expect((await clients.get(w)!.get(`/o/${org.slug}/${kind}/ack/no-such-token`)).status).toBe(404)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/announcements"`)).toBe(READ.includes(role))
    expect(html.includes(`href="/o/${org.slug}/admin/manuals"`)).toBe(MREAD.includes(role))
  })
})
