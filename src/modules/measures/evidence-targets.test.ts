import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { evidenceFor, linkEvidence } from '../../platform/evidence/evidence.service.js'
import { activityEvidenceTarget } from './evidence-targets.js'
import { activities, measures } from './measures.schema.js'

// An activity of a measure takes evidence from other modules through the platform picker; the
// portal's documents and posts are such sources (declared in its manifest; not imported here).
describe('a measure activity takes evidence from other modules', () => {
  let t: TestApp
  let org: Org
  let other: Org
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const viewer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const outsider = new TestClient({ request: (p, i) => t.app.request(p, i) })
  let ctx: Parameters<typeof activityEvidenceTarget.describe>[0]
  let measureId = ''
  let activityId = ''
  let docId = ''
  let postId = ''
  const page = () => `/o/${org.slug}/admin/ita/measures/${measureId}`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    const v = await buildUser(t.deps.db, org, 'viewer')
    const x = await buildUser(t.deps.db, other, 'officer')
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, v.email, TEST_PASSWORD)).status).toBe(303)
    expect((await outsider.signIn(other.slug, x.email, TEST_PASSWORD)).status).toBe(303)
    ctx = { deps: t.deps, db: t.deps.db, orgId: org.id, requestId: 't', lang: 'th', actor: { userId: u.id, orgId: org.id, role: 'officer', displayName: u.displayName, email: u.email, unitIds: [], permissions: t.deps.registry.permissionsOf('officer') } }
    await inOrg(t.deps.db, org.id, async (tx) => {
      const [m] = await tx.insert(measures).values({ orgId: org.id, fiscalYear: 2567, title: 'มาตรการป้องกันการรับสินบน' }).returning()
      measureId = m!.id
      const [a] = await tx.insert(activities).values({ orgId: org.id, measureId, title: 'อบรมเจ้าหน้าที่เรื่องการรับของขวัญ' }).returning()
      activityId = a!.id
      // The portal's tables, written here as test fixtures: the module itself is not imported.
      const d = await tx.execute<{ id: string }>(sql`INSERT INTO portal_documents (org_id, category, title, fiscal_year, url) VALUES (${org.id}, 'report', 'รายงานผลการอบรมการรับของขวัญ', 2567, 'https://example.go.th/gift.pdf') RETURNING id`)
      docId = d.rows[0]!.id
    })
    const p = await inOrg(t.deps.db, org.id, (tx) =>
      tx.execute<{ id: string }>(sql`INSERT INTO portal_posts (org_id, category, title, body_md, status, publish_at, fiscal_year) VALUES (${org.id}, 'pr', 'ข่าวกิจกรรมอบรมไม่รับของขวัญ', 'เนื้อหา', 'published', now() - interval '1 minute', 2567) RETURNING id`),
    )
    postId = p.rows[0]!.id
  })
  afterAll(() => t.close())

  it('describes an activity with its measure and year; unknown and foreign ids are skipped', async () => {
    const rows = await activityEvidenceTarget.describe(ctx, [activityId, '00000000-0000-4000-8000-000000000000', 'not-a-uuid'])
    expect(rows).toEqual([{ id: activityId, title: 'อบรมเจ้าหน้าที่เรื่องการรับของขวัญ (มาตรการ: มาตรการป้องกันการรับสินบน)', fiscalYear: 2567, staffPath: `/o/${org.slug}/admin/ita/measures/${measureId}#act-${activityId}`, publicPath: null }])
    expect(await activityEvidenceTarget.describe({ ...ctx, orgId: other.id }, [activityId])).toEqual([])
    expect(t.deps.registry.evidenceTargets.get('measures.activity')?.moduleId).toBe('measures')
  })

  it('links a portal document through the picker and shows it on the activity', async () => {
    const before = await (await officer.get(page())).text()
    expect(before).toContain('เชื่อมโยงหลักฐาน')
    expect(before).toContain('ยังไม่ได้เชื่อมหลักฐานจากระบบ')
    const pick = before.match(/href="(\/o\/[^"]+\/admin\/evidence\/pick\?[^"]+)"/)![1]!.replaceAll('&amp;', '&')
    expect(pick).toContain(encodeURIComponent(`measures.activity:${activityId}`))
    const picker = await (await officer.get(pick)).text()
    expect(picker).toContain('อบรมเจ้าหน้าที่เรื่องการรับของขวัญ (มาตรการ: มาตรการป้องกันการรับสินบน)')
    const results = await (await officer.get(`${pick}&q=${encodeURIComponent('ของขวัญ')}`)).text()
    expect(results).toContain('รายงานผลการอบรมการรับของขวัญ')
    const linked = await officer.post(`/o/${org.slug}/admin/evidence/link`, { target: `measures.activity:${activityId}`, source: `portal.document:${docId}`, fiscalYear: '2567', back: page() }, { csrfFrom: pick })
    expect(linked.status).toBe(303)
    const after = await (await officer.get(page())).text()
    expect(after).toContain('รายงานผลการอบรมการรับของขวัญ')
    expect(after).toContain('นับเป็นหลักฐานของปี 2567')
  })

  it('links a portal post through the platform service', async () => {
    await linkEvidence(ctx, { type: 'portal.post', id: postId }, { type: 'measures.activity', id: activityId }, 2567)
    const m = await evidenceFor(ctx, [{ type: 'measures.activity', id: activityId }])
    expect(m.get(`measures.activity:${activityId}`)!.map((e) => e.record?.title)).toContain('ข่าวกิจกรรมอบรมไม่รับของขวัญ')
    expect(await (await officer.get(page())).text()).toContain('ข่าวกิจกรรมอบรมไม่รับของขวัญ')
  })

  it('a viewer sees the linked record but no link to the picker', async () => {
    const html = await (await viewer.get(page())).text()
    expect(html).toContain('รายงานผลการอบรมการรับของขวัญ')
    expect(html).not.toContain('เชื่อมโยงหลักฐาน')
    const r = await viewer.post(`/o/${org.slug}/admin/evidence/link`, { target: `measures.activity:${activityId}`, source: `portal.document:${docId}`, fiscalYear: '2567' }, { csrfFrom: `/o/${org.slug}/admin` })
    expect(r.status).toBe(403)
  })

  it('another agency can neither see nor link to the activity', async () => {
    expect((await outsider.get(`/o/${other.slug}/admin/ita/measures/${measureId}`)).status).toBe(404)
    expect((await outsider.get(`/o/${other.slug}/admin/evidence/pick?target=${encodeURIComponent(`measures.activity:${activityId}`)}`)).status).toBe(404)
    const r = await outsider.post(`/o/${other.slug}/admin/evidence/link`, { target: `measures.activity:${activityId}`, source: `portal.document:${docId}`, fiscalYear: '2567' }, { csrfFrom: `/o/${other.slug}/admin` })
    expect(r.status).toBe(404)
    const seen = await evidenceFor({ ...ctx, orgId: other.id }, [{ type: 'measures.activity', id: activityId }])
    expect(seen.get(`measures.activity:${activityId}`)).toEqual([])
  })
})
