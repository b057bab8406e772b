import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { inOrg } from '../../db/client.js'
import { users } from '../../platform/auth/auth.schema.js'
import { evidenceFor } from '../../platform/evidence/evidence.service.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import { orgs, type Org } from '../../platform/orgs/orgs.schema.js'
import { htmlToText, normalizeSpace } from '../../platform/documents/text.js'
import { loadReportData } from '../measures/index.js'
import { ackProgress } from './acknowledgement.js'
import { announcements, type Announcement } from './announcements.schema.js'
import { DEMO_ANNOUNCEMENTS } from './demo-texts.js'
import { DEMO_MANUALS } from './demo-manuals.js'
import { getManual, manualProgress } from './manuals.js'
import { manuals } from './manuals.schema.js'

// The demo agency's FY2566 announcements (seed measures 1, 5 and 6): published and numbered, the
// Do & Don't acknowledged by every staff member but two, and each linked as evidence — its checks
// passing — to an activity of its measure and to its OIT items.

const KIND_TH = { announcement: 'ประกาศ', order: 'คำสั่ง', measure: 'มาตรการ', policy: 'นโยบาย' } as const

describe('announcements demo (เทศบาลตำบลพนมรุ้ง, FY2566)', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  let rows: Announcement[] = []
  let login = { email: '', password: '' }
  const bySubject = (key: (typeof DEMO_ANNOUNCEMENTS)[number]['key']) => rows.find((r) => r.subject === DEMO_ANNOUNCEMENTS.find((d) => d.key === key)!.subject)!

  beforeAll(async () => {
    t = await createTestApp()
    const { loadDemoIfEmpty, DEMO_PASSWORD, demoEmail } = await import('../../app/demo.js')
    await loadDemoIfEmpty(t.deps)
    ;[org] = (await t.deps.db.select().from(orgs).where(eq(orgs.slug, 'phanomrung'))) as [Org]
    const [officer] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(users).where(eq(users.email, demoEmail('officer', 'phanomrung'))))
    ctx = useCaseCtx(t, org.id, officer!) as OrgUseCaseCtx
    rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(announcements))
    login = { email: officer!.email, password: DEMO_PASSWORD }
  }, 180_000)
  afterAll(() => t.close())

  it('publishes the three announcements numbered in calendar year 2566, for staff and the public', () => {
    expect(rows.map((r) => r.subject).sort()).toEqual(DEMO_ANNOUNCEMENTS.map((d) => d.subject).sort())
    for (const r of rows) expect([r.status, r.fiscalYear, r.numberYear, r.audience]).toEqual(['published', 2566, 2566, 'both'])
    expect(bySubject('dodont')).toMatchObject({ kind: 'measure', number: 1 })
  })

  it("has the Do & Don't acknowledged by every staff member but the two the demo names", async () => {
    const g = await ackProgress(ctx, bySubject('dodont'))
    expect(g.asked).toBeGreaterThan(5)
    expect(g.acknowledged).toBe(g.asked - 2)
    expect(g.missing.map((m) => m.fullName).sort()).toEqual([...DEMO_ANNOUNCEMENTS[0]!.missing].sort())
  })

  it('links each as evidence to an activity of measures 1, 5 and 6 and to its OIT items, every check passing', async () => {
    const report = await loadReportData(t.deps.db, org, 2566, { approvedOnly: false })
    for (const d of DEMO_ANNOUNCEMENTS) {
      const a = bySubject(d.key)
      const measure = report.measures.find((m) => m.sortOrder === d.measureOrder)!
      const linked = await evidenceFor(ctx, [...measure.activities.map((x) => ({ type: 'measures.activity', id: x.id })), ...d.oitCodes.map((c) => ({ type: 'disclosure.item', id: `2566:${c}` }))])
      const hits = [...linked.entries()].filter(([, ls]) => ls.some((l) => l.link.sourceId === a.id))
      expect(hits.filter(([k]) => k.startsWith('measures.activity:')), `${d.key} under measure ${d.measureOrder}`).toHaveLength(1)
      expect(hits.filter(([k]) => k.startsWith('disclosure.item:')).map(([k]) => k).sort()).toEqual(d.oitCodes.map((c) => `disclosure.item:2566:${c}`).sort())
      for (const [, ls] of hits)
        for (const l of ls.filter((x) => x.link.sourceId === a.id)) {
          expect(l.check).toEqual({ ok: true, reason: null })
          expect(l.record?.title).toBe(`${KIND_TH[a.kind]} ที่ ${a.number}/2566 เรื่อง ${a.subject}`)
          expect(l.record?.publicPath).toBe(`/o/phanomrung/announcements/${a.id}`)
        }
    }
  })

  it('the staff page of measure 1 lists the Do & Don\'t under its activity, and the announcement says what it is evidence for', async () => {
    const { email, password } = login
    const c = new TestClient(t.app)
    expect((await c.signIn('phanomrung', email, password)).status).toBe(303)
    const report = await loadReportData(t.deps.db, org, 2566, { approvedOnly: false })
    const m1 = report.measures.find((m) => m.sortOrder === 1)!
    const a = bySubject('dodont')
    const measurePage = normalizeSpace(htmlToText(await (await c.get(`/o/phanomrung/admin/ita/measures/${m1.id}`)).text()))
    expect(measurePage).toContain(`มาตรการ ที่ 1/2566 เรื่อง ${a.subject}`)
    const detail = normalizeSpace(htmlToText(await (await c.get(`/o/phanomrung/admin/announcements/${a.id}`)).text()))
    expect(detail).toContain('ใช้เป็นหลักฐานของ')
    expect(detail).toContain(m1.title.slice(0, 30))
  })

  it('has a manual per unit, approved and public, the Finance Division\'s revised during the year, each evidence for measure 1 and OIT O14/O15', async () => {
    const rows = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(manuals))
    expect(rows.map((r) => r.title).sort()).toEqual(DEMO_MANUALS.map((d) => d.title).sort())
    const report = await loadReportData(t.deps.db, org, 2566, { approvedOnly: false })
    const step = report.measures.find((m) => m.sortOrder === 1)!.activities.find((a) => a.title.includes('คู่มือ'))!
    for (const r of rows) {
      const d = await getManual(ctx, r.id)
      const demo = DEMO_MANUALS.find((x) => x.title === r.title)!
      expect([d.current?.version, d.current?.status, d.m.audience, d.draft]).toEqual([demo.versions.length, 'approved', 'public', null])
      const code = r.kind === 'operation' ? 'O14' : 'O15'
      const linked = await evidenceFor(ctx, [{ type: 'measures.activity', id: step.id }, { type: 'disclosure.item', id: `2566:${code}` }])
      for (const key of [`measures.activity:${step.id}`, `disclosure.item:2566:${code}`]) {
        const l = linked.get(key)!.find((x) => x.link.sourceId === r.id)
        expect(l?.check, `${r.title} → ${key}`).toEqual({ ok: true, reason: null })
      }
    }
    const revised = rows.find((r) => r.title === 'คู่มือการให้บริการ การชำระภาษีที่ดินและสิ่งปลูกสร้าง')!
    const d = await getManual(ctx, revised.id)
    expect(d.versions.map((v) => [v.version, v.status, v.fiscalYear])).toEqual([[2, 'approved', 2566], [1, 'superseded', 2566]])
    const g = await manualProgress(ctx, d)
    expect(g.asked).toBeGreaterThan(0)
    expect(g.acknowledged).toBe(g.asked - 1)
  })
})
