import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'

// The plan of an indicator takes evidence from other modules through the platform picker; the
// portal's documents are such a source (declared in its manifest; no import between the modules).
describe('an indicator plan takes evidence from other modules', () => {
  let t: TestApp
  let org: Org
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  let docId = ''
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    docId = await inOrg(t.deps.db, org.id, async (tx) => {
      const r = await tx.execute<{ id: string }>(
        // The portal's table, written here as a test fixture: the module itself is not imported.
        (await import('drizzle-orm')).sql`INSERT INTO portal_documents (org_id, category, title, fiscal_year, url) VALUES (${org.id}, 'report', 'รายงานการประชุมคณะกรรมการบริหารความเสี่ยง', 2566, 'https://example.go.th/minutes.pdf') RETURNING id`,
      )
      return r.rows[0]!.id
    })
  })
  afterAll(() => t.close())

  it('links a portal document to indicator 3 of 2566 and shows it on the plan page as counting', async () => {
    const page = `/o/${org.slug}/admin/ita/2566/plans/3`
    const before = await (await officer.get(page)).text()
    expect(before).toContain('ยังไม่ได้เชื่อมหลักฐานจากระบบ')
    const pick = before.match(/href="(\/o\/[^"]+\/admin\/evidence\/pick\?[^"]+)"/)![1]!.replaceAll('&amp;', '&')
    const results = await (await officer.get(`${pick}&q=${encodeURIComponent('ความเสี่ยง')}`)).text()
    expect(results).toContain('รายงานการประชุมคณะกรรมการบริหารความเสี่ยง')
    const linked = await officer.post(`/o/${org.slug}/admin/evidence/link`, { target: 'assessment.plan:2566:3', source: `portal.document:${docId}`, fiscalYear: '2566', back: page }, { csrfFrom: pick })
    expect(linked.status).toBe(303)
    const after = await (await officer.get(page)).text()
    expect(after).toContain('รายงานการประชุมคณะกรรมการบริหารความเสี่ยง')
    expect(after).toContain('นับเป็นหลักฐานของปี 2566')
  })

  it('refuses a target that is not an indicator of the year', async () => {
    const r = await officer.post(`/o/${org.slug}/admin/evidence/link`, { target: 'assessment.plan:2566:99', source: `portal.document:${docId}`, fiscalYear: '2566' }, { csrfFrom: `/o/${org.slug}/admin` })
    expect(r.status).toBe(404)
  })
})
