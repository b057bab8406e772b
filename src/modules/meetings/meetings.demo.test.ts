import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, demoAgency, type TestApp } from '../../../tests/support/app.js'
import { inOrg } from '../../db/client.js'
import { evidenceLinks } from '../../platform/evidence/evidence.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { loadReportData } from '../measures/index.js'
import { evidenceTitle, meetingsEvidence, EVIDENCE_TYPE } from './contracts.js'
import { docxToHtml } from '../../platform/documents/extract.js'
import { htmlToText, squash } from '../../platform/documents/text.js'
import { toThaiDigits } from '../../platform/thai/index.js'
import { agendaItems, meetings } from './meetings.schema.js'
import type { StandingKey } from './rules.js'
import { series } from './meetings.service.js'
import { meetingFull } from './agenda.js'
import { quorum } from './attendance.js'

// The demo agency's FY2566 as the issue asks: the February annual meeting and the monthly meetings
// (one missing) with their standing items, attendance and minutes, linked as evidence to measures
// 1, 4, 5 and indicators 2, 5, 10 — and the measures report lists them under those.
describe('meetings: the demo agency', () => {
  let t: TestApp
  let ctx: OrgUseCaseCtx
  let org: Org
  beforeAll(async () => {
    t = await createTestApp()
    ;({ org, ctx } = await demoAgency(t))
  }, 120_000)
  afterAll(() => t.close())

  it('has eleven monthly meetings (April missing), the February annual meeting and a ประชาคม, minuted and adopted in a chain', async () => {
    const all = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(meetings).where(eq(meetings.fiscalYear, 2566)))
    const monthly = all.filter((m) => m.kind === 'monthly').sort((a, b) => a.heldOn.localeCompare(b.heldOn))
    expect(monthly).toHaveLength(11)
    expect(all.filter((m) => m.kind === 'annual').map((m) => m.heldOn)).toEqual(['2023-02-15'])
    expect(all.filter((m) => m.kind === 'community')).toHaveLength(1)
    const months = await series(ctx, 2566, 'monthly', '2024-01-01')
    expect(months.filter((m) => m.state === 'missing').map((m) => m.month)).toEqual(['2023-04'])
    expect(monthly.slice(0, -1).every((m, i) => m.status === 'adopted' && m.adoptedById === monthly[i + 1]!.id)).toBe(true)
    expect(monthly.at(-1)!.status).toBe('held')
    const full = await meetingFull(ctx, monthly[0]!.id)
    expect(full.items.filter((i) => i.standing).map((i) => i.standing)).toEqual(['do_dont', 'spending_plan', 'no_gift', 'asset_use'])
    expect(full.items.every((i) => i.minutes.length > 20 || i.section === 2)).toBe(true)
    expect(quorum(full.meeting, full.attendees).met).toBe(true)
    const may = await meetingFull(ctx, monthly.find((m) => m.heldOn === '2023-05-26')!.id)
    expect(may.attendees.find((a) => a.name === 'นางบุษบา อ่อนละมุน')).toMatchObject({ status: 'leave', reason: 'ลาคลอด' })
    expect(may.items.find((i) => i.section === 2)?.title).toContain('ประจำเดือนมีนาคม 2566')
  })

  it('links its minutes as evidence of measures 1, 4, 5 and indicators 2, 5, 10, and the FY2566 measures report lists them', async () => {
    const links = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(evidenceLinks).where(eq(evidenceLinks.sourceType, EVIDENCE_TYPE)))
    const plans = new Set(links.filter((l) => l.targetType === 'assessment.plan').map((l) => l.targetId))
    expect([...plans].sort()).toEqual(['2566:10', '2566:2', '2566:5'])
    const checks = await meetingsEvidence.check(ctx, links.map((l) => l.sourceId), 2566)
    expect([...checks.values()].every((c) => c.ok)).toBe(true)
    const report = (await loadReportData(t.deps.db, org, 2566, { approvedOnly: true, links: t.deps })).report
    const refs = new Set(report.evidence.filter((e) => e.title.startsWith('รายงานการประชุม')).map((e) => e.refersTo))
    for (const r of ['มาตรการที่ 1', 'มาตรการที่ 4', 'มาตรการที่ 5', 'ตัวชี้วัดที่ 2', 'ตัวชี้วัดที่ 5', 'ตัวชี้วัดที่ 10']) expect(refs, r).toContain(r)
    const annual = report.evidence.find((e) => e.title.startsWith("รายงานการประชุมประจำปี 2566 เรื่องนโยบายด้านจริยธรรม") && e.refersTo === 'มาตรการที่ 1')
    expect(annual?.url).toMatch(/\/o\/phanomrung\/meetings\/[0-9a-f-]{36}#item-/)
    const html = await (await t.app.request('/o/phanomrung/ita/2566/measures-report.html', { headers: { host: 'localhost' } })).text()
    expect(html).toContain(`href="${annual!.url}"`)
    const pub = await t.app.request(new URL(annual!.url).pathname, { headers: { host: 'localhost' } })
    expect(pub.status).toBe(200)
    expect(await pub.text()).toContain('ปลัดเทศบาลบรรยายแนวทางการประพฤติตนทางจริยธรรม')
  })

  it('the FY2566 measures report lists the meetings as evidence under measures 1, 4 and 5: in its data, its HTML page and its DOCX', async () => {
    // The meetings the seed names: the Do & DON'T, asset and spending-plan items of the first, the
    // middle and the last monthly meeting of the year, and the February annual meeting's Do & DON'T.
    const all = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(meetings).where(eq(meetings.fiscalYear, 2566)))
    const items = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(agendaItems))
    const titleOf = (heldOn: string, kind: 'monthly' | 'annual', standing: StandingKey) => {
      const m = all.find((x) => x.heldOn === heldOn && x.kind === kind)
      expect(m, `${kind} ${heldOn}`).toBeDefined()
      const i = items.find((x) => x.meetingId === m!.id && x.standing === standing)
      expect(i, `${heldOn} ${standing}`).toBeDefined()
      return evidenceTitle(m!, i!)
    }
    const months = ['2022-10-27', '2023-03-28', '2023-09-26']
    const expected: Record<string, string[]> = {
      'มาตรการที่ 1': [...months.map((d) => titleOf(d, 'monthly', 'do_dont')), titleOf('2023-02-15', 'annual', 'do_dont')],
      'มาตรการที่ 4': months.map((d) => titleOf(d, 'monthly', 'asset_use')),
      'มาตรการที่ 5': months.map((d) => titleOf(d, 'monthly', 'spending_plan')),
    }
    const { report } = await loadReportData(t.deps.db, org, 2566, { approvedOnly: true, links: t.deps })
    // The measures are the seed's: 1 Do & DON'T, 4 government property, 5 procurement.
    expect(report.measures.slice(0, 5).map((m) => m.order)).toEqual([1, 2, 3, 4, 5])
    expect(report.measures[0]!.title).toContain("Do & DON'T")
    expect(report.measures[3]!.title).toContain('ทรัพย์สินของราชการ')
    expect(report.measures[4]!.title).toContain('จัดซื้อจัดจ้าง')
    const meetingRows = report.evidence.filter((e) => e.title.startsWith('รายงานการประชุม'))
    for (const [measure, titles] of Object.entries(expected)) {
      expect(titles.every((x) => x.startsWith('รายงานการประชุม')), measure).toBe(true)
      expect(meetingRows.filter((e) => e.refersTo === measure).map((e) => e.title).sort(), measure).toEqual([...titles].sort())
    }
    // Each row links to the meeting's public minutes, at the agenda item.
    for (const e of meetingRows.filter((x) => x.refersTo && x.refersTo in expected)) expect(e.url).toMatch(/^https?:\/\/[^/]+\/o\/phanomrung\/meetings\/[0-9a-f-]{36}#item-[0-9a-f-]{36}$/)

    // The public report page: each meeting is a row of the appendix with its measure beside it (the
    // demo agency prints Thai digits; Thai line breaks fall anywhere, hence the squashed text).
    const rowsOf = (html: string) => (html.match(/<tr[\s\S]*?<\/tr>/g) ?? []).map((r) => squash(htmlToText(r)))
    const inRows = (rows: string[], measure: string, title: string) => rows.some((r) => r.includes(squash(toThaiDigits(title))) && r.includes(squash(toThaiDigits(measure))))
    const page = await t.app.request('/o/phanomrung/ita/2566/measures-report.html', { headers: { host: 'localhost' } })
    expect(page.status).toBe(200)
    const html = await page.text()
    const appendix = html.slice(html.indexOf('class="mr-appendix"'))
    expect(appendix.length).toBeLessThan(html.length)
    const htmlRows = rowsOf(appendix)
    for (const [measure, titles] of Object.entries(expected)) for (const title of titles) expect(inRows(htmlRows, measure, title), `${measure}: ${title}`).toBe(true)
    // …and the same rows in the Word file.
    const docx = await t.app.request('/o/phanomrung/ita/2566/measures-report.docx', { headers: { host: 'localhost' } })
    expect(docx.status).toBe(200)
    const docxRows = rowsOf((await docxToHtml(new Uint8Array(await docx.arrayBuffer()))).html)
    for (const [measure, titles] of Object.entries(expected)) for (const title of titles) expect(inRows(docxRows, measure, title), `DOCX ${measure}: ${title}`).toBe(true)
  })
})
