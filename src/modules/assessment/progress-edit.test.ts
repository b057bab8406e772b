// Progress entries are editable and deletable, audited (issue 15): the edit page shows the entry as it
// was typed (พ.ศ.), bad input comes back on the same form with its values and changes nothing, a
// change keeps the old text in the audit log, and a delete asks first and names the evidence that goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { evidence, planProgress } from './assessment.schema.js'

describe('a progress entry can be corrected or deleted', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let viewer: TestClient
  const plan = (n = 1) => `/o/${org.slug}/admin/ita/2567/plans/${n}`
  const entries = () => inOrg(t.deps.db, org.id, (tx) => tx.select().from(planProgress))

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    officer = new TestClient(t.app)
    viewer = new TestClient(t.app)
    expect((await officer.signIn(org.slug, (await buildUser(t.deps.db, org, 'officer')).email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, (await buildUser(t.deps.db, org, 'viewer')).email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('edits with the same form and its values, audits old → new, and deletes only after confirmation', async () => {
    expect((await officer.post(`${plan()}/progress`, { entryDate: '15/03/2567', body: 'ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน' }, { csrfFrom: plan() })).status).toBe(303)
    const [entry] = await entries()
    expect(entry!.entryDate).toBe('2024-03-15')
    const edit = `${plan()}/progress/${entry!.id}/edit`

    // The plan page links to both; a viewer sees neither and may not open them.
    const planHtml = await (await officer.get(plan())).text()
    expect(planHtml).toContain(`href="${edit}"`)
    expect(planHtml).toContain(`href="${plan()}/progress/${entry!.id}/delete"`)
    expect(await (await viewer.get(plan())).text()).not.toContain(`/progress/${entry!.id}/`)
    expect((await viewer.get(edit)).status).toBe(403)

    // The edit page holds the entry as staff type it: the date in พ.ศ.
    const page = await (await officer.get(edit)).text()
    expect(page).toContain('value="15/03/2567"')
    expect(page).toContain('>ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน</textarea>')

    // A C.E. year is refused on the same form with the values typed; nothing changes.
    const bad = await officer.post(edit, { entryDate: '2024-03-20', body: 'ข้อความที่แก้ไว้' }, { csrfFrom: edit })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain(`action="${edit}"`)
    expect(badHtml).toContain('value="2024-03-20"')
    expect(badHtml).toContain('>ข้อความที่แก้ไว้</textarea>')
    expect(badHtml).toMatch(/class="error-summary"[^>]*tabindex="-1"|tabindex="-1"[^>]*class="error-summary"/)
    expect((await entries())[0]!.body).toBe('ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน')

    // A good change is stored; the audit entry keeps what it said before.
    expect((await officer.post(edit, { entryDate: '๒๐/๐๓/๒๕๖๗', body: 'ประชุมชี้แจงประมวลจริยธรรม ๔๐ คน' }, { csrfFrom: edit })).status).toBe(303)
    expect(await entries()).toMatchObject([{ id: entry!.id, entryDate: '2024-03-20', body: 'ประชุมชี้แจงประมวลจริยธรรม ๔๐ คน' }])
    const [updated] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'assessment.progress.update')))
    expect(updated!.details).toMatchObject({ before: { entryDate: '2024-03-15', body: 'ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน' }, after: { entryDate: '2024-03-20' } })

    // The entry belongs to indicator 1: under indicator 2 or with a made-up id it is not found.
    expect((await officer.get(`${plan(2)}/progress/${entry!.id}/edit`)).status).toBe(404)
    expect((await officer.get(`${plan()}/progress/00000000-0000-4000-8000-000000000000/edit`)).status).toBe(404)
    expect((await officer.get(`${plan()}/progress/not-an-id/delete`)).status).toBe(404)

    // Evidence on the entry is named on the confirmation page; asking deletes nothing.
    expect((await officer.post(`${plan()}/evidence`, { target: 'progress', targetId: entry!.id, title: 'รายงานการประชุม ครั้งที่ ๓/๒๕๖๗', url: 'https://example.go.th/minutes-3.pdf' }, { csrfFrom: plan() })).status).toBe(303)
    const del = `${plan()}/progress/${entry!.id}/delete`
    const ask = await officer.get(del)
    expect(ask.status).toBe(200)
    const askHtml = await ask.text()
    expect(askHtml).toContain('ประชุมชี้แจงประมวลจริยธรรม ๔๐ คน')
    expect(askHtml).toContain('หลักฐาน: รายงานการประชุม ครั้งที่ ๓/๒๕๖๗')
    expect(askHtml).toContain(`action="${del}"`)
    expect(askHtml).toContain(`href="${plan()}#log-${entry!.id}"`)
    expect(await entries()).toHaveLength(1)
    expect((await viewer.post(del, {}, { csrfFrom: plan() })).status).toBe(403)

    // Confirming removes the entry and its evidence, and says so in the audit log.
    expect((await officer.post(del, {}, { csrfFrom: del })).status).toBe(303)
    expect(await entries()).toEqual([])
    expect(await inOrg(t.deps.db, org.id, (tx) => tx.select().from(evidence).where(and(eq(evidence.targetKind, 'progress'), eq(evidence.targetId, entry!.id))))).toEqual([])
    const [deleted] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'assessment.progress.delete')))
    expect(deleted!.details).toMatchObject({ entryDate: '2024-03-20', body: 'ประชุมชี้แจงประมวลจริยธรรม ๔๐ คน', evidence: [{ title: 'รายงานการประชุม ครั้งที่ ๓/๒๕๖๗' }] })
    expect(await (await officer.get(plan())).text()).toContain('ยังไม่มีบันทึก')
  })
})
