import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { buildAsset } from './testing/factories.js'
import { requestPublicLoan } from './loans.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows the module exactly to the roles that may open it.
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']
const BORROW = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer']
const LEND = ['agency_admin', 'officer']
const APPROVE = ['agency_admin', 'executive']

describe('assets: role × route', () => {
  let t: TestApp
  let org: Org
  let assetId = ''
  let loanId = ''
  let lendableId = ''
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    assetId = (await buildAsset(t.deps.db, org.id)).id
    lendableId = (await buildAsset(t.deps.db, org.id, { lendPublic: true })).id
    loanId = (await requestPublicLoan(t.deps.db, org.id, { assetId: lendableId, startOn: '2024-01-01', endOn: '2024-01-02', purpose: 'งานวัด', place: '', borrowerName: 'วัดทดสอบ', borrowerContact: '0812345678' }, 'test')).id
    clients = await clientsByRole(t, org, other)
  })
  afterAll(() => t.close())

  const routes = [
    { path: () => `/o/${org.slug}/admin/assets`, allowed: READ },
    { path: () => `/o/${org.slug}/admin/assets/new`, allowed: EDIT },
    { path: () => `/o/${org.slug}/admin/assets/${assetId}/edit`, allowed: EDIT },
    { path: () => `/o/${org.slug}/admin/assets/${assetId}/delete`, allowed: EDIT },
    { path: () => `/o/${org.slug}/admin/assets/loans`, allowed: BORROW },
    { path: () => `/o/${org.slug}/admin/assets/loans/new`, allowed: BORROW },
    { path: () => `/o/${org.slug}/admin/assets/loans?status=requested`, allowed: BORROW },
    { path: () => `/o/${org.slug}/admin/assets/loans/register/2567/register.xlsx`, allowed: READ },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, w] as const)))('GET route %i as %s', async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    expect(res.status).toBe(expectedStatus(w, r.allowed))
  })

  it.each(EVERYONE.map((w) => [w] as const))('GET the public pages (list, request form, follow a request) as %s', async (w) => {
    for (const p of ['', '/request', '/track', '/track?code=ABCDEFGH']) expect((await clients.get(w)!.get(`/o/${org.slug}/assets${p}`)).status).toBe(200)
  })

  it.each(EVERYONE.map((w) => [w] as const))('GET a loan of the public as %s: those who see the register see it; one who may only borrow sees only their own (404)', async (w) => {
    const res = await clients.get(w)!.get(`/o/${org.slug}/admin/assets/loans/${loanId}`)
    expect(res.status).toBe(w === 'complaints_officer' ? 404 : expectedStatus(w, READ))
  })

  it.each(ROLES.map((r) => [r] as const))('POST the loan steps as %s: approve only the authorised, hand over and take back only lenders', async (role) => {
    const c = clients.get(role)!
    const csrf = { csrfFrom: `/o/${org.slug}/` }
    const asset = await buildAsset(t.deps.db, org.id, { lendPublic: true, lendStaff: true })
    const loan = await requestPublicLoan(t.deps.db, org.id, { assetId: asset.id, startOn: '2024-02-01', endOn: '2024-02-02', purpose: 'งานบุญ', place: '', borrowerName: 'ชุมชน', borrowerContact: '0800000000' }, 'test')
    const page = `/o/${org.slug}/admin/assets/loans/${loan.id}`
    expect((await c.post(`${page}/decide`, { decision: 'approve', note: '' }, csrf)).status).toBe(APPROVE.includes(role) ? 303 : 403)
    if (!APPROVE.includes(role)) expect((await clients.get('executive')!.post(`${page}/decide`, { decision: 'approve', note: '' }, csrf)).status).toBe(303)
    expect((await c.post(`${page}/checkout`, { condition: '' }, csrf)).status).toBe(LEND.includes(role) ? 303 : 403)
    if (!LEND.includes(role)) expect((await clients.get('officer')!.post(`${page}/checkout`, { condition: '' }, csrf)).status).toBe(303)
    expect((await c.post(`${page}/return`, { condition: 'ครบ' }, csrf)).status).toBe(LEND.includes(role) ? 303 : 403)
    const mine = await c.post(`/o/${org.slug}/admin/assets/loans/new`, { assetId: asset.id, startOn: '01/03/2567', endOn: '02/03/2567', purpose: 'ประชุม', place: '' }, csrf)
    expect(mine.status).toBe(303)
    const cancel = await c.post(`${mine.headers.get('location')}/cancel`, {}, csrf)
    expect(cancel.status).toBe(303)
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
    expect(html.includes(`href="/o/${org.slug}/admin/assets/loans"`)).toBe(BORROW.includes(role))
  })
})
