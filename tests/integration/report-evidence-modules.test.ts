// The report falls out of the work (issues 16, 17, 19, 20): in the demo agency's FY2566 measures
// report, as the public reads it, the appendix lists the records of the new modules under the
// measures and indicators the seed report names — announcements under measures 1, 5 and 6, manuals
// under measure 1, meetings under measures 1, 4, 5 and indicators 2, 5, 10, the conflict-of-interest
// register under measures 2 and 6, the gift reports under indicator 10 — each at a public address on
// the agency's site that answers and shows that record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { inOrg } from '../../src/db/client.js'
import { orgs, type Org } from '../../src/platform/orgs/orgs.schema.js'
import { toThaiDigits } from '../../src/platform/thai/numerals.js'
import { DEMO_ANNOUNCEMENTS } from '../../src/modules/announcements/demo-texts.js'
import { DEMO_MANUALS } from '../../src/modules/announcements/demo-manuals.js'
import { meetings } from '../../src/modules/meetings/meetings.schema.js'

type Row = { title: string; refersTo: string; url: string }
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim()
const measure = (n: number) => `มาตรการที่ ${toThaiDigits(String(n))}`
const indicator = (n: number) => `ตัวชี้วัดที่ ${toThaiDigits(String(n))}`

describe('the FY2566 measures report lists the modules’ records as evidence', () => {
  let t: TestApp
  let org: Org
  let rows: Row[] = []
  const citizen = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const under = (refersTo: string, module: string) => rows.filter((r) => r.refersTo === refersTo && new URL(r.url).pathname.startsWith(`/o/phanomrung/${module}`))

  beforeAll(async () => {
    t = await createTestApp()
    const { loadDemoIfEmpty } = await import('../../src/app/demo.js')
    await loadDemoIfEmpty(t.deps)
    ;[org] = (await t.deps.db.select().from(orgs).where(eq(orgs.slug, 'phanomrung'))) as [Org]
    const res = await citizen.get('/o/phanomrung/ita/2566/measures-report.html')
    expect(res.status).toBe(200)
    const html = await res.text()
    const appendix = html.slice(html.indexOf('<section class="mr-appendix"'))
    expect(appendix.length).toBeGreaterThan(0)
    rows = [...appendix.matchAll(/<tr><td class="c-order"[\s\S]*?<\/tr>/g)].map((m) => {
      const [, title, refersTo, url] = [...m[0].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]!))
      return { title: title!, refersTo: refersTo!, url: url! }
    })
  }, 180_000)
  afterAll(() => t.close())

  it('announcements under the measure each one serves', () => {
    expect(DEMO_ANNOUNCEMENTS.length).toBeGreaterThanOrEqual(3)
    for (const a of DEMO_ANNOUNCEMENTS) {
      const hits = under(measure(a.measureOrder), 'announcements/').filter((r) => r.title.includes(a.subject))
      expect(hits, `${a.key} under ${measure(a.measureOrder)}`).toHaveLength(1)
    }
    expect(new Set(DEMO_ANNOUNCEMENTS.map((a) => a.measureOrder))).toEqual(new Set([1, 5, 6]))
  })

  it('every public manual under measure 1', () => {
    const listed = under(measure(1), 'manuals/')
    for (const m of DEMO_MANUALS) expect(listed.filter((r) => r.title.includes(m.title)), m.title).toHaveLength(1)
  })

  it('meetings under measures 1, 4, 5 and indicators 2, 5, 10', async () => {
    const held = await inOrg(t.deps.db, org.id, (tx) => tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.fiscalYear, 2566)))
    const ids = new Set(held.map((m) => m.id))
    for (const where of [measure(1), measure(4), measure(5), indicator(2), indicator(5), indicator(10)]) {
      const listed = under(where, 'meetings/')
      expect(listed.length, where).toBeGreaterThan(0)
      // Each is the minutes of one of the year's meetings, at that meeting's public page.
      for (const r of listed) expect(ids.has(new URL(r.url).pathname.split('/').pop()!), r.url).toBe(true)
    }
  })

  it('the conflict-of-interest register under measures 2 and 6, the gift reports under indicator 10', () => {
    for (const where of [measure(2), measure(6)]) expect(under(where, 'coi').map((r) => r.title), where).toEqual([expect.stringContaining('ปีงบประมาณ ๒๕๖๖')])
    expect(under(indicator(10), 'gifts').map((r) => r.title)).toEqual([expect.stringContaining('รอบที่ ๑'), expect.stringContaining('รอบที่ ๒')])
  })

  it('every listed address answers on the public site and shows the record it names', async () => {
    const modules = rows.filter((r) => /\/o\/phanomrung\/(announcements|manuals|meetings|coi|gifts)/.test(r.url))
    expect(modules.length).toBeGreaterThan(10)
    for (const url of new Set(modules.map((r) => r.url))) {
      const u = new URL(url)
      const res = await citizen.get(u.pathname)
      expect(res.status, url).toBe(200)
      const html = await res.text()
      // A fragment points at the agenda item or the half-year on that page.
      if (u.hash) expect(html, url).toContain(`id="${u.hash.slice(1)}"`)
    }
  })
})
