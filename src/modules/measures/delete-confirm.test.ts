// Deleting asks first (issue 15): the measure's and the activity's delete links open a page that
// names what goes with them (activities, evidence) and changes nothing until its button is pressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { auditLog } from '../../platform/audit/audit.schema.js'

describe('deleting a measure or an activity asks first', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let viewer: TestClient
  const ita = () => `/o/${org.slug}/admin/ita`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const users = { officer: await buildUser(t.deps.db, org, 'officer'), viewer: await buildUser(t.deps.db, org, 'viewer') }
    officer = new TestClient(t.app)
    viewer = new TestClient(t.app)
    expect((await officer.signIn(org.slug, users.officer.email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, users.viewer.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('names the activities and evidence that go with it, keeps everything until confirmed, then deletes', async () => {
    const created = await officer.post(`${ita()}/2567/measures`, { title: 'มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม', steps: '1. ประชุมชี้แจง', periodKind: 'fiscal_year' })
    expect(created.status).toBe(303)
    const page = created.headers.get('location')!
    const act = await officer.post(`${page}/activities`, { title: 'ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน', status: 'done', evidenceTitle: 'รายงานการประชุม ครั้งที่ ๑/๒๕๖๗', evidenceUrl: 'https://example.go.th/minutes-1.pdf' }, { csrfFrom: page })
    expect(act.status).toBe(303)
    const measureHtml = await (await officer.get(page)).text()
    const activityId = /\/ita\/activities\/([0-9a-f-]{36})\/delete"/.exec(measureHtml)?.[1]
    expect(activityId).toBeDefined()
    const measureId = page.split('/').pop()!
    expect(measureHtml).toContain(`href="${ita()}/measures/${measureId}/delete"`)

    // The activity's page asks, names its evidence, and offers a way back to the measure.
    const askActivity = await officer.get(`${ita()}/activities/${activityId}/delete`)
    expect(askActivity.status).toBe(200)
    const aHtml = await askActivity.text()
    expect(aHtml).toContain('ลบกิจกรรม “ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน” หรือไม่')
    expect(aHtml).toContain('หลักฐาน: รายงานการประชุม ครั้งที่ ๑/๒๕๖๗')
    expect(aHtml).toContain(`action="${ita()}/activities/${activityId}/delete"`)
    expect(aHtml).toContain(`href="${ita()}/measures/${measureId}#act-${activityId}"`)

    // The measure's page names the activity and its evidence; asking changes nothing.
    const ask = await officer.get(`${ita()}/measures/${measureId}/delete`)
    expect(ask.status).toBe(200)
    const mHtml = await ask.text()
    expect(mHtml).toContain('ลบมาตรการ “มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม” หรือไม่')
    expect(mHtml).toContain('กิจกรรม: ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน')
    expect(mHtml).toContain('หลักฐาน: รายงานการประชุม ครั้งที่ ๑/๒๕๖๗')
    expect((await officer.get(page)).status).toBe(200)

    // A viewer may neither ask nor delete; unknown ids are 404, not 500.
    expect((await viewer.get(`${ita()}/measures/${measureId}/delete`)).status).toBe(403)
    expect((await viewer.get(`${ita()}/activities/${activityId}/delete`)).status).toBe(403)
    expect((await officer.get(`${ita()}/activities/00000000-0000-4000-8000-000000000000/delete`)).status).toBe(404)
    expect((await officer.get(`${ita()}/measures/not-a-uuid/delete`)).status).toBe(404)

    // Confirming the activity removes it only; confirming the measure removes the rest.
    expect((await officer.post(`${ita()}/activities/${activityId}/delete`, {}, { csrfFrom: `${ita()}/activities/${activityId}/delete` })).status).toBe(303)
    expect(await (await officer.get(page)).text()).not.toContain('ประชุมชี้แจงประมวลจริยธรรมแก่พนักงาน')
    expect((await officer.post(`${ita()}/measures/${measureId}/delete`, {}, { csrfFrom: `${ita()}/measures/${measureId}/delete` })).status).toBe(303)
    expect((await officer.get(page)).status).toBe(404)
    const actions = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog))).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['activity.delete', 'measure.delete']))
  })
})
