import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../support/factories.js'
import { inOrg } from '../../src/db/client.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import type { User } from '../../src/platform/auth/auth.schema.js'
import { mailOutbox } from '../../src/platform/mail/mail.schema.js'
import { closeDeadline, listTodo, setDeadline } from '../../src/platform/deadlines/deadlines.service.js'
import { sendDeadlineDigests } from '../../src/platform/deadlines/digest.js'

describe('deadlines: งานที่ต้องทำ and the daily digest', () => {
  let t: TestApp
  let org: Org
  let officer: User
  let other: User
  let admin: User
  const T = (th: string) => ({ th, en: th })
  const ctxFor = (u: User) => useCaseCtx(t, org.id, u)

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    officer = await buildUser(t.deps.db, org, 'officer')
    other = await buildUser(t.deps.db, org, 'officer')
    admin = await buildUser(t.deps.db, org, 'agency_admin')
    await inOrg(t.deps.db, org.id, async (tx) => {
      await setDeadline(tx, { orgId: org.id, module: 'measures', kind: 'activity-end', ref: 'a1', title: T('จัดอบรมเรื่องผลประโยชน์ทับซ้อน'), href: '/ita/measures/m1', dueOn: '2026-11-20', assigneeUserIds: [officer.id] })
      await setDeadline(tx, { orgId: org.id, module: 'measures', kind: 'activity-end', ref: 'a2', title: T('เผยแพร่ประกาศ No Gift Policy'), href: '/ita/measures/m2', dueOn: '2026-12-05', assigneeUserIds: [officer.id, other.id] })
      await setDeadline(tx, { orgId: org.id, module: 'measures', kind: 'activity-end', ref: 'a3', title: T('รายงานผลการใช้พัสดุประจำปี'), href: '/ita/measures/m3', dueOn: '2027-03-31', assigneeUserIds: [officer.id] })
      await setDeadline(tx, { orgId: org.id, module: 'complaints', kind: 'sla', ref: 'c1', title: T('เรื่องร้องเรียนเลขที่ 1/2570 ครบกำหนดตอบ'), href: '/complaints/c1', dueOn: '2026-12-03', assigneeUserIds: [other.id], visibleTo: 'complaint.read' })
    })
  })
  afterAll(() => t.close())

  it('lists a person’s own work, overdue first, and closes an item when its record says so', async () => {
    const mine = await listTodo(ctxFor(officer), 'mine', { today: '2026-12-01' })
    expect(mine.map((i) => i.ref)).toEqual(['a1', 'a2', 'a3'])
    expect(mine[0]).toMatchObject({ overdue: true, daysLeft: -11 })
    expect((await listTodo(ctxFor(other), 'mine', { today: '2026-12-01' })).map((i) => i.ref)).toEqual(['c1', 'a2'])
    await inOrg(t.deps.db, org.id, (tx) => closeDeadline(tx, { orgId: org.id, module: 'measures', kind: 'activity-end', ref: 'a3' }))
    expect((await listTodo(ctxFor(officer), 'mine', { today: '2026-12-01' })).map((i) => i.ref)).toEqual(['a1', 'a2'])
  })

  it('shows the agency-wide list only to those who may see it, never a complaint to an agency admin', async () => {
    const all = await listTodo(ctxFor(admin), 'agency', { today: '2026-12-01' })
    expect(all.map((i) => i.ref)).toEqual(['a1', 'a2'])
    await expect(listTodo(ctxFor(officer), 'agency')).rejects.toMatchObject({ status: 403 })
    const c = new TestClient(t.app)
    await c.signIn(org.slug, officer.email, TEST_PASSWORD)
    const html = await (await c.get(`/o/${org.slug}/admin/todo`)).text()
    expect(html).toContain('จัดอบรมเรื่องผลประโยชน์ทับซ้อน')
    expect(html).toContain('เกินกำหนด')
    expect(html).not.toContain('เรื่องร้องเรียนเลขที่')
    expect(html).not.toContain('งานทั้งหมดของหน่วยงาน')
  })

  it('sends one digest a day per person with all their items, whatever how often it runs', async () => {
    const now = new Date('2026-12-01T00:30:00Z') // 07:30 in Bangkok
    const first = await sendDeadlineDigests(t.deps, now)
    const again = await sendDeadlineDigests(t.deps, now)
    expect(first).toBe(2)
    expect(again).toBe(0)
    const mails = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.orgId, org.id)))
    expect(mails).toHaveLength(2)
    const toOfficer = mails.find((m) => m.toAddress === officer.email)!
    expect(toOfficer.bodyText).toContain('[เกินกำหนด] จัดอบรมเรื่องผลประโยชน์ทับซ้อน')
    expect(toOfficer.bodyText).toContain('เผยแพร่ประกาศ No Gift Policy')
    expect(toOfficer.bodyText).not.toContain('รายงานผลการใช้พัสดุ') // closed, and months away
    expect(toOfficer.subject).toContain('2 รายการ (1 เกินกำหนด)')
    const toOther = mails.find((m) => m.toAddress === other.email)!
    expect(toOther.bodyText).toContain('เรื่องร้องเรียนเลขที่ 1/2570')
    expect(toOther.bodyText).toContain('/admin/todo')
  })
})
