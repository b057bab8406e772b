import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { desc, eq } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../support/factories.js'
import { inOrg } from '../../src/db/client.js'
import { mailOutbox } from '../../src/platform/mail/mail.schema.js'
import { auditLog } from '../../src/platform/audit/audit.schema.js'
import { users } from '../../src/platform/auth/auth.schema.js'
import { roleGrants } from '../../src/platform/orgs/role-grants.js'
import { safeNext } from '../../src/platform/auth/auth.routes.js'
import { loadConfig } from '../../src/config.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'

// Account takeover paths found by trying the first landing as an attacker (issue 11).
describe('no account takeover through the outbox, the Host header or old links', () => {
  let t: TestApp
  let org: Org
  const mailsTo = (to: string) => inOrg(t.deps.db, null, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toAddress, to)).orderBy(desc(mailOutbox.createdAt)))
  const linkIn = (body: string, kind: string) => body.match(new RegExp(`https?://[^\\s/]+(/o/[^\\s]+/${kind}/[A-Za-z0-9_-]+)`))?.[1]

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://prongsai.example.go.th' })
    org = await buildOrg(t.deps.db)
  })
  afterAll(() => t.close())

  it('builds mailed links from PUBLIC_URL, never from a forged Host; refuses unknown hosts', async () => {
    const u = await buildUser(t.deps.db, org, 'officer')
    const c = new TestClient(t.app)
    const evil = await c.post(`/o/${org.slug}/forgot`, { email: u.email }, { headers: { host: 'evil.example' }, csrfFrom: `/o/${org.slug}/forgot` })
    expect(evil.status).toBe(421)
    await c.post(`/o/${org.slug}/forgot`, { email: u.email })
    const [mail] = await mailsTo(u.email)
    expect(mail!.bodyText).toContain(`https://prongsai.example.go.th/o/${org.slug}/reset/`)
    expect(mail!.bodyText).not.toContain('evil.example')
    expect((await t.app.request(`/o/${org.slug}/feed.atom`, { headers: { host: 'evil.example' } })).status).toBe(421)
    expect((await t.app.request('/healthz', { headers: { host: '127.0.0.1:3000' } })).status).toBe(200)
  })

  it('requires PUBLIC_URL when the demo is off (outside tests)', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', DEMO: 'off' })).toThrow(/PUBLIC_URL/)
    expect(loadConfig({ DEMO: 'on', PORT: '3123' }).siteOrigin).toBe('http://localhost:3123')
  })

  it('shows the platform admin no usable token in the outbox, and audits every reading', async () => {
    const u = await buildUser(t.deps.db, org, 'complaints_officer')
    await new TestClient(t.app).post(`/o/${org.slug}/forgot`, { email: u.email })
    const admin = await buildUser(t.deps.db, null, 'platform_admin')
    const pc = new TestClient(t.app)
    expect((await pc.signIn(null, admin.email, TEST_PASSWORD)).status).toBe(303)
    const html = await (await pc.get('/admin/outbox')).text()
    const [mail] = await mailsTo(u.email)
    const token = linkIn(mail!.bodyText, 'reset')!.split('/').pop()!
    expect(html).toContain(u.email)
    expect(html).not.toContain(token)
    expect(html).toContain('[รหัสในลิงก์ถูกซ่อน]')
    const reads = await inOrg(t.deps.db, null, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'platform.outbox_read')))
    expect(reads.length).toBeGreaterThanOrEqual(1)
    expect(reads.at(-1)!.actorUserId).toBe(admin.id)
  })

  it('tells the other complaints officers and the executives when a complaints officer’s password is set by link', async () => {
    const target = await buildUser(t.deps.db, org, 'complaints_officer')
    const colleague = await buildUser(t.deps.db, org, 'complaints_officer')
    const mayor = await buildUser(t.deps.db, org, 'executive')
    const officer = await buildUser(t.deps.db, org, 'officer')
    const c = new TestClient(t.app)
    await c.post(`/o/${org.slug}/forgot`, { email: target.email })
    const link = linkIn((await mailsTo(target.email))[0]!.bodyText, 'reset')!
    expect((await c.post(link, { password: 'a new long password', confirm: 'a new long password' })).status).toBe(303)
    expect((await mailsTo(colleague.email)).some((m) => m.bodyText.includes(target.email))).toBe(true)
    expect((await mailsTo(mayor.email)).some((m) => m.subject.includes('แจ้งเตือนความปลอดภัย'))).toBe(true)
    expect(await mailsTo(officer.email)).toEqual([])
  })

  it('only the newest reset link works, and none after the password changes', async () => {
    const u = await buildUser(t.deps.db, org, 'officer')
    const c = new TestClient(t.app)
    await c.post(`/o/${org.slug}/forgot`, { email: u.email })
    const first = linkIn((await mailsTo(u.email))[0]!.bodyText, 'reset')!
    await c.post(`/o/${org.slug}/forgot`, { email: u.email })
    const second = linkIn((await mailsTo(u.email))[0]!.bodyText, 'reset')!
    expect(first).not.toBe(second)
    expect((await c.get(first)).status).toBe(404)
    // Changing the password (signed in) retires the newer link too, and ends the other sessions.
    const s1 = new TestClient(t.app)
    const s2 = new TestClient(t.app)
    await s1.signIn(org.slug, u.email, TEST_PASSWORD)
    await s2.signIn(org.slug, u.email, TEST_PASSWORD)
    const changed = await s1.post(`/o/${org.slug}/admin/account`, { op: 'password', current: TEST_PASSWORD, password: 'another long password', confirm: 'another long password' })
    expect(changed.status).toBe(303)
    expect((await c.get(second)).status).toBe(404)
    expect((await s1.get(`/o/${org.slug}/admin`)).status).toBe(200)
    expect((await s2.get(`/o/${org.slug}/admin`)).status).toBe(303)
  })

  it('never redirects off-site after sign-in', () => {
    for (const evil of ['//evil.example', '/\t/evil.example', '/\n/evil.example', '/\\evil.example', 'https://evil.example', '/%09/evil.example'.replace('%09', '\t'), ' /x'])
      expect(safeNext(evil, '/home')).toBe('/home')
    expect(safeNext('/o/town/admin/ita?fy=2566#x', '/home')).toBe('/o/town/admin/ita?fy=2566#x')
  })

  it('grants the complaints-officer role only when a second person confirms, and tells the holders', async () => {
    const admin = await buildUser(t.deps.db, org, 'agency_admin')
    const mayor = await buildUser(t.deps.db, org, 'executive')
    const holder = await buildUser(t.deps.db, org, 'complaints_officer')
    const ac = new TestClient(t.app)
    await ac.signIn(org.slug, admin.email, TEST_PASSWORD)
    const email = `new-legal-${Date.now()}@test.example`
    expect((await ac.post(`/o/${org.slug}/admin/users`, { email, displayName: 'นิติกรใหม่', position: 'นิติกร', role: 'complaints_officer' })).status).toBe(303)
    const [created] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(users).where(eq(users.email, email)))
    expect(created!.role).toBe('viewer') // a stand-in until confirmed
    // The admin who asked cannot confirm.
    const list = await (await ac.get(`/o/${org.slug}/admin/users/grants`)).text()
    const grantId = list.match(/users\/grants\/([0-9a-f-]{36})/)?.[1]
    expect(grantId).toBeUndefined() // no buttons for the requester
    const own = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(roleGrants))
    expect((await ac.post(`/o/${org.slug}/admin/users/grants/${own[0]!.id}`, { decision: 'confirm' })).status).toBe(403)
    // The confirmers were asked, and have it on their to-do list.
    expect((await mailsTo(mayor.email)).some((m) => m.subject.includes('โปรดยืนยัน'))).toBe(true)
    const mc = new TestClient(t.app)
    await mc.signIn(org.slug, mayor.email, TEST_PASSWORD)
    expect(await (await mc.get(`/o/${org.slug}/admin/todo`)).text()).toContain(email)
    expect((await mc.post(`/o/${org.slug}/admin/users/grants/${own[0]!.id}`, { decision: 'confirm' })).status).toBe(303)
    const [after] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(users).where(eq(users.email, email)))
    expect(after!.role).toBe('complaints_officer')
    expect((await mailsTo(holder.email)).some((m) => m.subject.includes('มีการให้บทบาท') && m.bodyText.includes(email))).toBe(true)
    expect(await (await mc.get(`/o/${org.slug}/admin/todo`)).text()).not.toContain(email)
  })
})
