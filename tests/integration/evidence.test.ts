import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ilike } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../support/factories.js'
import { inOrg } from '../../src/db/client.js'
import { createApp } from '../../src/app/create-app.js'
import { manifests } from '../../src/app/registry.js'
import { buildRegistry } from '../../src/platform/module/registry.js'
import { units } from '../../src/platform/orgs/orgs.schema.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import { evidenceFor, evidenceUses, linkEvidence } from '../../src/platform/evidence/evidence.service.js'

// A test module offers units as evidence records (a unit named "…ว่าง" has no content) and
// "goals" as targets ("2566-1": a goal of fiscal year 2566).
const registry = buildRegistry([
  ...manifests,
  {
    id: 'evtest',
    label: { th: 'ทดสอบหลักฐาน', en: 'evidence test' },
    evidenceSources: [
      {
        type: 'evtest.unit',
        label: { th: 'หน่วยงานภายใน', en: 'Unit' },
        search: async (ctx, q) => (await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(units).where(q.text ? ilike(units.nameTh, `%${q.text}%`) : undefined))).map((u) => ({ id: u.id, title: u.nameTh, date: '2023-01-15', fiscalYear: 2566, publicPath: `/o/x/units/${u.id}`, staffPath: null })),
        describe: async (ctx, ids) => (await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(units))).filter((u) => ids.includes(u.id)).map((u) => ({ id: u.id, title: u.nameTh, date: '2023-01-15', fiscalYear: 2566, publicPath: null, staffPath: null })),
        check: async (ctx, ids, year) => {
          const rows = (await inOrg(ctx.db, ctx.orgId, (tx) => tx.select().from(units))).filter((u) => ids.includes(u.id))
          return new Map(rows.map((u) => [u.id, u.nameTh.endsWith('ว่าง') ? { ok: false, reason: { th: 'ไม่มีเนื้อหา', en: 'empty' } } : year === 2566 ? { ok: true, reason: null } : { ok: false, reason: { th: 'ลงวันที่นอกปีงบประมาณ', en: 'dated outside the year' } }]))
        },
      },
    ],
    evidenceTargets: [
      {
        type: 'evtest.goal',
        label: { th: 'เป้าหมาย', en: 'Goal' },
        permission: 'org.settings',
        describe: async (_ctx, ids) => ids.filter((id) => /^\d{4}-\d+$/.test(id)).map((id) => ({ id, title: `เป้าหมาย ${id}`, fiscalYear: Number(id.slice(0, 4)), staffPath: `/o/x/admin/goals/${id}`, publicPath: null })),
      },
    ],
  },
])

describe('evidence links between modules', () => {
  let t: TestApp
  let app: ReturnType<typeof createApp>
  let org: Org
  let full: string
  let empty: string
  const admin = new TestClient({ request: (p, i) => app.request(p, i) })
  const officer = new TestClient({ request: (p, i) => app.request(p, i) })
  let adminCtx: Parameters<typeof linkEvidence>[0]

  beforeAll(async () => {
    t = await createTestApp()
    app = createApp({ ...t.deps, registry })
    org = await buildOrg(t.deps.db)
    full = (await buildUnit(t.deps.db, org, 'กองคลัง รายงานประจำปี')).id
    empty = (await buildUnit(t.deps.db, org, 'กองช่าง ว่าง')).id
    const a = await buildUser(t.deps.db, org, 'agency_admin')
    const o = await buildUser(t.deps.db, org, 'officer')
    adminCtx = { deps: { ...t.deps, registry }, db: t.deps.db, orgId: org.id, requestId: 't', lang: 'th', actor: { userId: a.id, orgId: org.id, role: a.role, displayName: a.displayName, email: a.email, unitIds: [], permissions: registry.permissionsOf('agency_admin') } }
    expect((await admin.signIn(org.slug, a.email, TEST_PASSWORD)).status).toBe(303)
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  const pick = (q?: string) => `/o/${org.slug}/admin/evidence/pick?${new URLSearchParams({ target: 'evtest.goal:2566-1', back: `/o/${org.slug}/admin/goals`, ...(q !== undefined ? { q } : {}) })}`

  it('finds records of every source in the picker and links one (works without JavaScript: forms only)', async () => {
    const page = await (await admin.get(pick('กองคลัง'))).text()
    expect(page).toContain('กองคลัง รายงานประจำปี')
    expect(page).not.toContain('กองช่าง ว่าง')
    const res = await admin.post(`/o/${org.slug}/admin/evidence/link`, { target: 'evtest.goal:2566-1', source: `evtest.unit:${full}`, fiscalYear: '2566', back: `/o/${org.slug}/admin/goals` }, { csrfFrom: pick() })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('/admin/evidence/pick?')
    const after = await (await admin.get(pick())).text()
    expect(after).toContain('นับเป็นหลักฐานของปี 2566')
  })

  it('marks a link to a record without content for the year as not counting, with the reason', async () => {
    await linkEvidence(adminCtx, { type: 'evtest.unit', id: empty }, { type: 'evtest.goal', id: '2566-1' }, 2566)
    await linkEvidence(adminCtx, { type: 'evtest.unit', id: full }, { type: 'evtest.goal', id: '2567-1' }, 2567)
    const m = await evidenceFor(adminCtx, [{ type: 'evtest.goal', id: '2566-1' }, { type: 'evtest.goal', id: '2567-1' }])
    const y66 = m.get('evtest.goal:2566-1')!
    expect(y66.map((e) => [e.record?.title, e.check.ok])).toEqual([['กองคลัง รายงานประจำปี', true], ['กองช่าง ว่าง', false]])
    expect(y66[1]!.check.reason?.th).toBe('ไม่มีเนื้อหา')
    expect(m.get('evtest.goal:2567-1')![0]!.check.reason?.th).toBe('ลงวันที่นอกปีงบประมาณ')
    // Linking twice keeps one link.
    await linkEvidence(adminCtx, { type: 'evtest.unit', id: empty }, { type: 'evtest.goal', id: '2566-1' }, 2566)
    expect((await evidenceFor(adminCtx, [{ type: 'evtest.goal', id: '2566-1' }])).get('evtest.goal:2566-1')).toHaveLength(2)
    // The record knows what it is evidence for.
    expect((await evidenceUses(adminCtx, { type: 'evtest.unit', id: full })).map((u) => u.target?.title)).toEqual(['เป้าหมาย 2566-1', 'เป้าหมาย 2567-1'])
  })

  it('needs the target’s permission to link or unlink, and never redirects off the agency', async () => {
    const denied = await officer.post(`/o/${org.slug}/admin/evidence/link`, { target: 'evtest.goal:2566-2', source: `evtest.unit:${full}`, fiscalYear: '2566' }, { csrfFrom: `/o/${org.slug}/` })
    expect(denied.status).toBe(403)
    const m = await evidenceFor(adminCtx, [{ type: 'evtest.goal', id: '2566-1' }])
    const linkId = m.get('evtest.goal:2566-1')![1]!.link.id
    expect((await officer.post(`/o/${org.slug}/admin/evidence/${linkId}/unlink`, {}, { csrfFrom: `/o/${org.slug}/` })).status).toBe(403)
    const res = await admin.post(`/o/${org.slug}/admin/evidence/${linkId}/unlink`, { back: 'https://evil.example/' }, { csrfFrom: pick() })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/o/${org.slug}/admin`)
    expect((await admin.post(`/o/${org.slug}/admin/evidence/link`, { target: 'nope', source: 'x', fiscalYear: '2566' }, { csrfFrom: pick() })).status).toBe(404)
  })

  it('keeps links per agency (another agency sees none and cannot link this agency’s records)', async () => {
    const other = await buildOrg(t.deps.db)
    const oa = await buildUser(t.deps.db, other, 'agency_admin')
    const otherCtx = { ...adminCtx, orgId: other.id, actor: { ...adminCtx.actor!, userId: oa.id, orgId: other.id } }
    expect((await evidenceFor(otherCtx, [{ type: 'evtest.goal', id: '2566-1' }])).get('evtest.goal:2566-1')).toEqual([])
    await expect(linkEvidence(otherCtx, { type: 'evtest.unit', id: full }, { type: 'evtest.goal', id: '2566-1' }, 2566)).rejects.toMatchObject({ status: 404 })
  })
})
