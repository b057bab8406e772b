// Sending a measure back (issue 15): the executive's comment is shown to the officer on the
// measure page and as an item on งานที่ต้องทำ (the platform's deadlines contract), closed when the
// officer resubmits; bad input is the one path (422, same form, the text kept).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { deadlines } from '../../platform/deadlines/deadlines.schema.js'

describe('an executive sends a measure back with a comment', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let colleague: TestClient
  let executive: TestClient
  let viewer: TestClient
  const ita = () => `/o/${org.slug}/admin/ita`
  const todo = () => `/o/${org.slug}/admin/todo`
  const comment = 'ขอให้ระบุตัวชี้วัดที่เกี่ยวข้องและเพิ่มหลักฐานการประชุม'

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const users = { officer: await buildUser(t.deps.db, org, 'officer'), colleague: await buildUser(t.deps.db, org, 'officer'), executive: await buildUser(t.deps.db, org, 'executive'), viewer: await buildUser(t.deps.db, org, 'viewer') }
    officer = new TestClient(t.app)
    colleague = new TestClient(t.app)
    executive = new TestClient(t.app)
    viewer = new TestClient(t.app)
    expect((await officer.signIn(org.slug, users.officer.email, TEST_PASSWORD)).status).toBe(303)
    expect((await colleague.signIn(org.slug, users.colleague.email, TEST_PASSWORD)).status).toBe(303)
    expect((await executive.signIn(org.slug, users.executive.email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, users.viewer.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  const newMeasure = async (title: string) => {
    const r = await officer.post(`${ita()}/2567/measures`, { title, steps: '1. ประกาศ', periodKind: 'fiscal_year' })
    expect(r.status).toBe(303)
    return r.headers.get('location')!
  }

  it('the officer sees the comment on the measure and on งานที่ต้องทำ; resubmitting closes the item', async () => {
    const page = await newMeasure('มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง')
    // Empty comment: 422 on the measure page, the send-back form open with its error.
    const bad = await executive.post(`${page}/send-back`, { comment: '   ' }, { csrfFrom: page })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('กรุณากรอกสิ่งที่ต้องแก้ไข')
    expect(badHtml).toMatch(/<details open="">/)
    // A viewer and an officer cannot send back.
    expect((await viewer.post(`${page}/send-back`, { comment }, { csrfFrom: page })).status).toBe(403)
    expect((await officer.post(`${page}/send-back`, { comment }, { csrfFrom: page })).status).toBe(403)

    const sent = await executive.post(`${page}/send-back`, { comment }, { csrfFrom: page })
    expect(sent.status).toBe(303)
    const mine = await (await officer.get(page)).text()
    expect(mine).toContain(`<p id="returned-comment">${comment}</p>`)
    expect(mine).toMatch(/id="measure-status">ส่งกลับให้แก้ไข</)
    expect(mine).toContain('แก้ไขแล้ว ส่งให้ผู้บริหารพิจารณาอีกครั้ง')
    // On the officer's own to-do list (the last editor), not the colleague's own list.
    const list = await (await officer.get(todo())).text()
    expect(list).toContain('แก้ไขมาตรการ “มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง” ตามที่ผู้บริหารส่งกลับ')
    expect(list).toContain(comment)
    expect(list).toMatch(new RegExp(`href="[^"]*${page.split('/admin')[1]!.replace(/[/]/g, '\\/')}#returned"`))
    expect(await (await colleague.get(todo())).text()).not.toContain(comment)

    const back = await officer.post(`${page}/resubmit`, {}, { csrfFrom: page })
    expect(back.status).toBe(303)
    expect(await (await officer.get(todo())).text()).not.toContain(comment)
    const after = await (await officer.get(page)).text()
    expect(after).not.toContain('id="returned-comment"')
    const [d] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(deadlines))
    expect(d!.doneAt).not.toBeNull()
    const actions = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog))).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['measure.send_back', 'measure.resubmit']))
    // Resubmitting again: nothing to resubmit (409), nothing changes.
    expect((await officer.post(`${page}/resubmit`, {}, { csrfFrom: page })).status).toBe(409)
  })

  it('an approved measure is not sent back; a deleted measure takes its to-do item with it', async () => {
    const page = await newMeasure('มาตรการอบรมคุณธรรม')
    const version = /name="version" value="([^"]+)"/.exec(await (await executive.get(page)).text())![1]!
    expect((await executive.post(`${page}/approve`, { version }, { csrfFrom: page })).status).toBe(303)
    expect(await (await executive.get(page)).text()).not.toContain('action="' + page + '/send-back"')
    const refused = await executive.post(`${page}/send-back`, { comment }, { csrfFrom: page })
    expect(refused.status).toBe(409)

    const other = await newMeasure('มาตรการที่จะลบ')
    expect((await executive.post(`${other}/send-back`, { comment: 'ลบได้' }, { csrfFrom: other })).status).toBe(303)
    expect((await officer.post(`${other}/delete`, {}, { csrfFrom: other })).status).toBe(303)
    const left = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(deadlines))
    expect(left.filter((d) => d.ref === other.split('/').pop())).toHaveLength(0)
  })
})
