import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { coiMatters } from './coi.schema.js'
import { buildDeclaration, buildPerson } from './testing/factories.js'

// Every role × every route of the module: who gets the page, who is refused, that nobody but the
// declarant and the register's readers opens a declaration (404, not even its existence), and that
// the staff menu shows each page exactly to the roles that may open it.
const ROLES = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer'] as const
type Role = (typeof ROLES)[number]
type Who = Role | 'anonymous' | 'other_agency'
const ALL: Role[] = [...ROLES]
const REGISTER: Role[] = ['executive', 'officer']
const MANAGE: Role[] = ['officer']
const REVIEW: Role[] = ['executive']

describe('coi: role × route', () => {
  let t: TestApp
  let org: Org
  let otherId = ''
  let personId = ''
  let matterId = ''
  const ownDeclaration = new Map<Role, string>()
  const clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    const someone = await buildPerson(t.deps.db, org.id, { fullName: 'นายอนุชา สร้างงาม' })
    personId = someone.id
    otherId = (await buildDeclaration(t.deps.db, org.id, someone.id, [{ kind: 'family', relation: 'sibling', holderName: 'นายวิชิต สร้างงาม', partyName: 'หจก. ส.สร้างงามการโยธา', juristicId: '0313556001234', detail: '' }])).id
    matterId = await inOrg(t.deps.db, org.id, async (tx) => (await tx.insert(coiMatters).values({ orgId: org.id, fiscalYear: 2566, personId: someone.id, project: 'ถนน คสล. หมู่ 5', partyName: 'หจก. ส.สร้างงามการโยธา', matchedBy: 'name', foundOn: '2023-02-15' }).returning())[0]!.id)
    clients.set('anonymous', new TestClient(t.app))
    for (const role of ROLES) {
      const u = await buildUser(t.deps.db, org, role)
      const p = await buildPerson(t.deps.db, org.id, { userId: u.id })
      ownDeclaration.set(role, (await buildDeclaration(t.deps.db, org.id, p.id)).id)
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

  const staff = () => `/o/${org.slug}/admin/coi`
  // `hidden`: the route answers 404 to a signed-in role that may not read the record (its existence stays secret).
  const routes: { name: string; path: () => string; allowed: Role[]; hidden?: boolean }[] = [
    { name: 'register', path: () => staff(), allowed: REGISTER },
    { name: 'register of a year', path: () => `${staff()}?fy=2566&status=submitted&kind=annual&q=อนุชา`, allowed: REGISTER },
    { name: 'mine', path: () => `${staff()}/mine`, allowed: ALL },
    { name: 'declare', path: () => `${staff()}/declare?kind=appointment`, allowed: ALL },
    { name: 'record from paper', path: () => `${staff()}/people/${personId}/declare`, allowed: MANAGE },
    { name: 'issue a link to declare', path: () => `${staff()}/links?person=${personId}&kind=appointment`, allowed: MANAGE },
    { name: 'another’s declaration', path: () => `${staff()}/d/${otherId}`, allowed: REGISTER, hidden: true },
    { name: 'delete another’s declaration', path: () => `${staff()}/d/${otherId}/delete`, allowed: MANAGE },
    { name: 'check', path: () => `${staff()}/check`, allowed: MANAGE },
    { name: 'matter', path: () => `${staff()}/matters/${matterId}`, allowed: REGISTER },
    { name: 'report docx', path: () => `${staff()}/report/2566/report.docx`, allowed: REGISTER },
    { name: 'report pdf', path: () => `${staff()}/report/2566/report.pdf`, allowed: REGISTER },
    { name: 'report xlsx', path: () => `${staff()}/report/2566/report.xlsx`, allowed: REGISTER },
  ]
  const who: Who[] = ['anonymous', ...ROLES, 'other_agency']
  it.each(routes.flatMap((r) => who.map((w) => [r.name, w] as const)))('GET %s as %s', async (name, w) => {
    const r = routes.find((x) => x.name === name)!
    const res = await clients.get(w)!.get(r.path())
    const expected = w === 'anonymous' ? 303 : w === 'other_agency' ? 403 : r.allowed.includes(w) ? 200 : name === 'delete another’s declaration' && REGISTER.includes(w) ? 403 : r.hidden || name === 'delete another’s declaration' ? 404 : 403
    expect(res.status).toBe(expected)
  })

  it.each(ROLES.map((r) => [r] as const))('GET one’s own declaration and its delete page as %s', async (role) => {
    expect((await clients.get(role)!.get(`${staff()}/d/${ownDeclaration.get(role)}`)).status).toBe(200)
    expect((await clients.get(role)!.get(`${staff()}/d/${ownDeclaration.get(role)}/delete`)).status).toBe(200)
  })

  it('the public summary answers everyone', async () => {
    for (const w of who) expect((await clients.get(w)!.get(`/o/${org.slug}/coi`)).status).toBe(200)
  })

  // A single-use link (issued by an officer) answers whoever holds it, signed in or not, of any agency; once spent, 410 to everyone.
  const issueLink = async (kind = 'annual'): Promise<string> => {
    const res = await clients.get('officer')!.post(`${staff()}/links`, { personId, kind }, { csrfFrom: `${staff()}/links` })
    expect(res.status).toBe(200)
    return /\/coi\/declare\/([A-Za-z0-9_-]{43})/.exec(await res.text())![1]!
  }
  const linkPage = (token: string) => `/o/${org.slug}/coi/declare/${token}`
  it('GET a single-use link’s page as everyone: 200 while unused, 410 once spent', async () => {
    const token = await issueLink()
    for (const w of who) expect((await clients.get(w)!.get(linkPage(token)))?.status).toBe(200)
    expect((await clients.get('anonymous')!.post(linkPage(token), { kind: 'annual', declaredOn: '15/11/2565', noInterest: 'on' })).status).toBe(200)
    for (const w of who) expect((await clients.get(w)!.get(linkPage(token))).status).toBe(410)
  })

  const declareBody = { kind: 'annual', declaredOn: '15/11/2565', noInterest: 'on' }
  it.each(ROLES.map((r) => [r] as const))('POST every form as %s', async (role) => {
    const c = clients.get(role)!
    const csrfFrom = `/o/${org.slug}/`
    const status = async (path: string, body: Record<string, string | string[]>) => (await c.post(path, body, { csrfFrom })).status
    expect(await status(`${staff()}/declare`, declareBody)).toBe(303)
    expect(await status(`${staff()}/people/${personId}/declare`, declareBody)).toBe(MANAGE.includes(role) ? 303 : 403)
    expect(await status(`${staff()}/links`, { personId, kind: 'change' })).toBe(MANAGE.includes(role) ? 200 : 403)
    const token = await issueLink('change')
    expect((await c.post(linkPage(token), declareBody)).status).toBe(200)
    expect((await c.post(linkPage(token), declareBody, { csrfFrom })).status).toBe(410)
    expect(await status(`${staff()}/d/${otherId}/review`, { decision: 'acknowledged', reviewNote: '' })).toBe(REVIEW.includes(role) ? 303 : 403)
    expect(await status(`${staff()}/round/2566`, { dueOn: '31/10/2565' })).toBe(MANAGE.includes(role) ? 303 : 403)
    expect(await status(`${staff()}/check`, { project: 'ถนน', on: '15/02/2566', personIds: [personId], parties: 'หจก.ส.สร้างงามการโยธา', record: '0' })).toBe(MANAGE.includes(role) ? 200 : 403)
    expect(await status(`${staff()}/matters/${matterId}`, { resolution: 'recused', resolvedOn: '16/02/2566', note: '' })).toBe(MANAGE.includes(role) ? 303 : 403)
    // Removing another's declaration: only an officer (who keeps the register); the others do not see it or may not.
    const fresh = (await buildDeclaration(t.deps.db, org.id, personId, [], { declaredOn: '2023-06-01' })).id
    expect(await status(`${staff()}/d/${fresh}/delete`, {})).toBe(MANAGE.includes(role) ? 303 : REGISTER.includes(role) ? 403 : 404)
    expect(await status(`${staff()}/d/${ownDeclaration.get(role)}/delete`, {})).toBe(303)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the register and one’s own page to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="${staff()}"`)).toBe(REGISTER.includes(role))
    expect(html.includes(`href="${staff()}/mine"`)).toBe(true)
  })
})
