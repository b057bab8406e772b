import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import type { User } from '../../platform/auth/auth.schema.js'
import { userUnits } from '../../platform/auth/auth.schema.js'
import { listTodo } from '../../platform/deadlines/deadlines.service.js'
import { addActivity, deleteActivity, updateActivity } from './activities.service.js'
import { deleteMeasure } from './measures.service.js'
import { measures } from './measures.schema.js'
import type { ActivityInput } from './measures.service.js'

// An activity's end date is a deadline of its responsible person on งานที่ต้องทำ, kept in the
// transaction that saves the activity: assigned, reassigned, closed when done, gone with the date.
describe('a measure activity’s end date is a deadline', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let officer: User
  let unitOfficer: User
  let responsible: User
  let foreign: User
  let measureId = ''
  let unitMeasureId = ''
  const today = '2026-12-01'
  const mine = async (u: User) => (await listTodo(useCaseCtx(t, org.id, u), 'mine', { today })).filter((i) => i.module === 'measures')
  const input = (over: Partial<ActivityInput> = {}): ActivityInput => ({ title: 'อบรมเรื่องการรับของขวัญ', startsOn: '2026-11-01', endsOn: '2026-11-30', status: 'in_progress', note: '', ...over })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    officer = await buildUser(t.deps.db, org, 'officer')
    unitOfficer = await buildUser(t.deps.db, org, 'officer')
    responsible = await buildUser(t.deps.db, org, 'viewer', { displayName: 'นางสาวรับผิดชอบ ทดสอบ' })
    foreign = await buildUser(t.deps.db, other, 'officer')
    const unit = await buildUnit(t.deps.db, org)
    await inOrg(t.deps.db, org.id, async (tx) => {
      await tx.insert(userUnits).values({ orgId: org.id, userId: unitOfficer.id, unitId: unit.id })
      measureId = (await tx.insert(measures).values({ orgId: org.id, fiscalYear: 2570, title: 'มาตรการไม่รับของขวัญ' }).returning())[0]!.id
      unitMeasureId = (await tx.insert(measures).values({ orgId: org.id, fiscalYear: 2570, title: 'มาตรการของกอง', unitIds: [unit.id] }).returning())[0]!.id
    })
  })
  afterAll(() => t.close())

  it('goes to the responsible person only, links to the activity, closes when done and reopens', async () => {
    const ctx = useCaseCtx(t, org.id, officer)
    const a = await addActivity(ctx, measureId, input({ responsibleUserId: responsible.id }))
    const [item] = await mine(responsible)
    expect(item).toMatchObject({ kind: 'activity_end', ref: a.id, dueOn: '2026-11-30', overdue: true, href: `/ita/measures/${measureId}#act-${a.id}`, titleTh: 'กิจกรรม “อบรมเรื่องการรับของขวัญ” ครบกำหนด (มาตรการ: มาตรการไม่รับของขวัญ)' })
    expect(await mine(officer)).toEqual([])
    expect(await mine(unitOfficer)).toEqual([])

    await updateActivity(ctx, a.id, input({ responsibleUserId: responsible.id, status: 'done' }))
    expect(await mine(responsible)).toEqual([])
    await updateActivity(ctx, a.id, input({ responsibleUserId: null, endsOn: '2026-12-20', status: 'in_progress' }))
    expect(await mine(responsible)).toEqual([])
    // No one named: the measure's officers — here every officer, the measure has no unit.
    expect((await mine(officer)).map((i) => [i.ref, i.dueOn, i.overdue])).toEqual([[a.id, '2026-12-20', false]])
    expect((await mine(unitOfficer)).map((i) => i.ref)).toEqual([a.id])

    await updateActivity(ctx, a.id, input({ endsOn: null }))
    expect(await mine(officer)).toEqual([])
    await updateActivity(ctx, a.id, input())
    expect(await mine(officer)).toHaveLength(1)
    await deleteActivity(ctx, a.id)
    expect(await mine(officer)).toEqual([])
  })

  it('falls back to the officers of the measure’s units, and goes with a deleted measure', async () => {
    const ctx = useCaseCtx(t, org.id, officer)
    const a = await addActivity(ctx, unitMeasureId, input())
    expect((await mine(unitOfficer)).map((i) => i.ref)).toEqual([a.id])
    expect(await mine(officer)).toEqual([])
    const all = await listTodo(useCaseCtx(t, org.id, await buildUser(t.deps.db, org, 'agency_admin')), 'agency', { today })
    expect(all.map((i) => i.ref)).toContain(a.id)
    await deleteMeasure(ctx, unitMeasureId)
    expect(await mine(unitOfficer)).toEqual([])
  })

  it('refuses another agency’s account as responsible (422 on the same form)', async () => {
    const ctx = useCaseCtx(t, org.id, officer)
    await expect(addActivity(ctx, measureId, input({ responsibleUserId: foreign.id }))).rejects.toMatchObject({ status: 422 })
    const c = new TestClient(t.app)
    expect((await c.signIn(org.slug, officer.email, TEST_PASSWORD)).status).toBe(303)
    const page = `/o/${org.slug}/admin/ita/measures/${measureId}`
    const res = await c.post(`${page}/activities`, { title: 'ประชุมชี้แจง', endsOn: '15/12/2569', status: 'not_started', responsibleUserId: foreign.id }, { csrfFrom: page })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('เลือกผู้รับผิดชอบจากรายชื่อบัญชีผู้ใช้ของหน่วยงาน')
    expect(html).toContain('value="ประชุมชี้แจง"')
    const ok = await c.post(`${page}/activities`, { title: 'ประชุมชี้แจง', endsOn: '15/12/2569', status: 'not_started', responsibleUserId: responsible.id }, { csrfFrom: page })
    expect(ok.status).toBe(303)
    expect((await mine(responsible)).map((i) => i.dueOn)).toEqual(['2026-12-15'])
    expect(await (await c.get(page)).text()).toContain('นางสาวรับผิดชอบ ทดสอบ')
  })
})
