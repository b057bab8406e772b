import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { desc, eq } from 'drizzle-orm'
import { generate } from 'otplib'
import { inOrg } from '../../src/db/client.js'
import { mailOutbox } from '../../src/platform/mail/mail.schema.js'
import { auditLog } from '../../src/platform/audit/audit.schema.js'
import { LIMITS } from '../../src/platform/auth/sign-in-throttle.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../support/factories.js'

describe('sign-in, CSRF, lockout, TOTP, reset, invite', () => {
  let t: TestApp
  let org: Org
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
  })
  afterAll(() => t.close())

  it('signs in with a correct password and reaches the dashboard', async () => {
    const u = await buildUser(t.deps.db, org, 'officer')
    const client = new TestClient(t.app)
    const res = await client.signIn(org.slug, u.email, TEST_PASSWORD)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/o/${org.slug}/admin`)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('psai_sid='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const dash = await client.get(`/o/${org.slug}/admin`)
    expect(dash.status).toBe(200)
    expect(await dash.text()).toContain(u.displayName)
  })

  it('a wrong password gives a Thai error, keeps the e-mail, and is audited', async () => {
    const u = await buildUser(t.deps.db, org, 'viewer')
    const client = new TestClient(t.app)
    const res = await client.post(`/o/${org.slug}/login`, { email: u.email, password: 'wrong password' }, { csrfFrom: `/o/${org.slug}/login` })
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง')
    expect(html).toContain(`value="${u.email}"`)
    const entries = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.actorUserId, u.id)))
    expect(entries.map((e) => e.action)).toContain('auth.login_failed')
  })

  it('slows guessing from one place without locking the account out for its owner elsewhere', async () => {
    // Behind a proxy, so that two clients come from two addresses.
    const p = await createTestApp({ TRUST_PROXY: 'on' })
    const porg = await buildOrg(p.deps.db)
    const u = await buildUser(p.deps.db, porg, 'officer')
    const from = (ip: string) => ({ 'x-forwarded-for': ip })
    const attacker = new TestClient(p.app)
    for (let i = 0; i < LIMITS.perAccountAddress; i++) expect((await attacker.signIn(porg.slug, u.email, 'nope nope nope', from('198.51.100.1'))).status).toBe(401)
    // The next try from the same place waits, even with the right password, and the wait is stated.
    const slowed = await attacker.signIn(porg.slug, u.email, TEST_PASSWORD, from('198.51.100.1'))
    expect(slowed.status).toBe(429)
    expect(slowed.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await slowed.text()).toMatch(/กรุณารออีกประมาณ \d+ นาที/)
    // An account that does not exist gets the same answer (nothing tells which accounts exist).
    for (let i = 0; i < LIMITS.perAccountAddress; i++) await attacker.signIn(porg.slug, 'nobody@test.example', 'nope nope nope', from('198.51.100.1'))
    const ghost = await attacker.signIn(porg.slug, 'nobody@test.example', 'nope nope nope', from('198.51.100.1'))
    expect(ghost.status).toBe(429)
    expect(await ghost.text()).toMatch(/กรุณารออีกประมาณ \d+ นาที/)
    // An IPv6 attacker counts as its /64: changing the last 64 bits does not reset the count.
    for (let i = 0; i < LIMITS.perAccountAddress; i++) await attacker.signIn(porg.slug, u.email, 'nope nope nope', from(`2001:db8:1:2::${i + 1}`))
    expect((await attacker.signIn(porg.slug, u.email, TEST_PASSWORD, from('2001:db8:1:2::ffff'))).status).toBe(429)
    // The owner, signing in from another address, is not locked out.
    const owner = new TestClient(p.app)
    expect((await owner.signIn(porg.slug, u.email, TEST_PASSWORD, from('203.0.113.7'))).status).toBe(303)
    await p.close()
  })

  it('rejects a POST without a CSRF token, with a wrong one, and from another origin', async () => {
    const u = await buildUser(t.deps.db, org, 'agency_admin')
    const client = new TestClient(t.app)
    await client.signIn(org.slug, u.email, TEST_PASSWORD)
    const path = `/o/${org.slug}/admin/units`
    const form = { nameTh: 'กองทดสอบ CSRF', kind: 'division', sortOrder: '1' }
    expect((await client.post(path, form, { csrf: null })).status).toBe(403)
    expect((await client.post(path, form, { csrf: 'forged-token-value' })).status).toBe(403)
    expect((await client.post(path, form, { headers: { origin: 'https://evil.example' } })).status).toBe(403)
    const ok = await client.post(path, form)
    expect(ok.status).toBe(303)
    const list = await (await client.get(path)).text()
    expect(list.match(/<td>กองทดสอบ CSRF<\/td>/g)?.length).toBe(1) // one row: created once
  })

  it('requires the TOTP code when two-factor is on', async () => {
    const u = await buildUser(t.deps.db, org, 'agency_admin')
    const client = new TestClient(t.app)
    await client.signIn(org.slug, u.email, TEST_PASSWORD)
    // Enrol through the account page.
    expect((await client.post(`/o/${org.slug}/admin/account`, { op: 'totp-begin' })).status).toBe(303)
    const page = await (await client.get(`/o/${org.slug}/admin/account`)).text()
    const secret = page.match(/id="totp-secret">([A-Z2-7]+)</)![1]!
    expect((await client.post(`/o/${org.slug}/admin/account`, { op: 'totp-confirm', code: '000000' })).status).toBe(422)
    const enrolCode = await generate({ secret })
    expect((await client.post(`/o/${org.slug}/admin/account`, { op: 'totp-confirm', code: enrolCode })).status).toBe(303)

    const fresh = new TestClient(t.app)
    const res = await fresh.signIn(org.slug, u.email, TEST_PASSWORD)
    expect(res.headers.get('location')).toMatch(`/o/${org.slug}/login/totp`)
    // The half-signed-in session cannot use the staff area.
    expect((await fresh.get(`/o/${org.slug}/admin`)).headers.get('location')).toBe(`/o/${org.slug}/login/totp`)
    expect((await fresh.post(`/o/${org.slug}/login/totp`, { code: '123456' })).status).toBe(422)
    // The code already used to enrol is refused: a code works once, even within its window.
    expect((await fresh.post(`/o/${org.slug}/login/totp`, { code: enrolCode })).status).toBe(422)
    const nextCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })
    const done = await fresh.post(`/o/${org.slug}/login/totp`, { code: nextCode })
    expect(done.status).toBe(303)
    expect((await fresh.get(`/o/${org.slug}/admin`)).status).toBe(200)
    // …and cannot be replayed by someone who saw it.
    const replay = new TestClient(t.app)
    await replay.signIn(org.slug, u.email, TEST_PASSWORD)
    expect((await replay.post(`/o/${org.slug}/login/totp`, { code: nextCode })).status).toBe(422)
    // Turning TOTP off needs the password and a fresh code, not just the session.
    expect((await fresh.post(`/o/${org.slug}/admin/account`, { op: 'totp-disable' })).status).toBe(422)
    expect((await fresh.post(`/o/${org.slug}/admin/account`, { op: 'totp-disable', disablePassword: 'wrong password!!', disableCode: '000000' })).status).toBe(422)
  })

  it('ends a half-signed-in session after five wrong codes', async () => {
    const u = await buildUser(t.deps.db, org, 'officer')
    const c1 = new TestClient(t.app)
    await c1.signIn(org.slug, u.email, TEST_PASSWORD)
    await c1.post(`/o/${org.slug}/admin/account`, { op: 'totp-begin' })
    const secret = (await (await c1.get(`/o/${org.slug}/admin/account`)).text()).match(/id="totp-secret">([A-Z2-7]+)</)![1]!
    await c1.post(`/o/${org.slug}/admin/account`, { op: 'totp-confirm', code: await generate({ secret }) })
    const c2 = new TestClient(t.app)
    await c2.signIn(org.slug, u.email, TEST_PASSWORD)
    for (let i = 0; i < 4; i++) expect((await c2.post(`/o/${org.slug}/login/totp`, { code: '000000' })).status).toBe(422)
    const ended = await c2.post(`/o/${org.slug}/login/totp`, { code: '000000' })
    expect(ended.status).toBe(303)
    expect(ended.headers.get('location')).toBe(`/o/${org.slug}/login`)
    expect((await c2.get(`/o/${org.slug}/admin`)).headers.get('location')).toMatch(/\/login\?next=/)
  })

  it('resets a password through a single-use e-mailed link (outbox without SMTP)', async () => {
    const u = await buildUser(t.deps.db, org, 'executive')
    const client = new TestClient(t.app)
    const res = await client.post(`/o/${org.slug}/forgot`, { email: u.email })
    expect(res.status).toBe(200)
    const unknown = await client.post(`/o/${org.slug}/forgot`, { email: 'nobody@test.example' })
    expect(await unknown.text()).toContain('หากอีเมลนี้มีอยู่ในระบบ') // same answer for unknown e-mails
    const [mail] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toAddress, u.email)).orderBy(desc(mailOutbox.createdAt)))
    const link = mail!.bodyText.match(/http:\/\/localhost(?::\d+)?(\/o\/[^\s]+\/reset\/[A-Za-z0-9_-]+)/)![1]!
    expect((await client.get(link)).status).toBe(200)
    const mismatch = await client.post(link, { password: 'a new long password', confirm: 'something else' })
    expect(mismatch.status).toBe(422)
    expect(await mismatch.text()).toContain('รหัสผ่านทั้งสองช่องไม่ตรงกัน')
    expect((await client.post(link, { password: 'a new long password', confirm: 'a new long password' })).status).toBe(303)
    expect((await client.get(link)).status).toBe(404) // used once
    expect((await client.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(401)
    expect((await client.signIn(org.slug, u.email, 'a new long password')).status).toBe(303)
  })

  it('invites a user who sets a password and signs in; sign out everywhere ends all sessions', async () => {
    const admin = await buildUser(t.deps.db, org, 'agency_admin')
    const client = new TestClient(t.app)
    await client.signIn(org.slug, admin.email, TEST_PASSWORD)
    const res = await client.post(`/o/${org.slug}/admin/users`, { email: 'New.Person@Test.example', displayName: 'คนใหม่ ทดสอบ', role: 'officer' })
    expect(res.status).toBe(303)
    const [mail] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'new.person@test.example')))
    const link = mail!.bodyText.match(/http:\/\/localhost(?::\d+)?(\/o\/[^\s]+\/invite\/[A-Za-z0-9_-]+)/)![1]!
    const invited = new TestClient(t.app)
    expect((await invited.post(link, { password: 'invited person pw', confirm: 'invited person pw' })).status).toBe(303)
    const a = new TestClient(t.app)
    const b = new TestClient(t.app)
    await a.signIn(org.slug, 'new.person@test.example', 'invited person pw')
    await b.signIn(org.slug, 'new.person@test.example', 'invited person pw')
    expect((await b.get(`/o/${org.slug}/admin`)).status).toBe(200)
    expect((await a.post(`/o/${org.slug}/admin/account`, { op: 'sign-out-everywhere' })).status).toBe(303)
    expect((await b.get(`/o/${org.slug}/admin`)).status).toBe(303)
  })
})
