import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { docxToHtml, docxToText, readPdf } from '../../platform/documents/extract.js'
import { normalizeSpace, squash } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { formatThaiDate } from '../../platform/thai/index.js'
import { createAnnouncement, getAnnouncement, type AnnouncementInput } from './announcements.service.js'
import { ackProgress } from './acknowledgement.js'
import { publishAnnouncement, reviseAnnouncement } from './publish.js'
import { buildAnnouncement, buildPerson } from './testing/factories.js'

// The ใบรับทราบ opened as the files staff download: the DOCX read back by mammoth and the PDF by
// pdf.js, the Thai text compared exactly (only whitespace, where lines wrap, is ignored in the PDF).

const SUBJECT = "มาตรการแนวทางการประพฤติตนทางจริยธรรมที่ควรทำและไม่ควรทำ (Do & Don't) ของเทศบาลตำบลทดสอบ"
const input: AnnouncementInput = {
  kind: 'measure', subject: SUBJECT, body: 'ข้อ ๑ ควรทำ: ให้บริการด้วยความเสมอภาค', signedOn: '2023-01-09', signerName: 'นายทดสอบ ใจดี', signerPosition: 'นายกเทศมนตรี',
  audience: 'both', effectiveOn: null, ackScope: 'staff', ackUnitIds: [], ackDueOn: null,
}
// HarfBuzz draws ำ as NIKHAHIT + SARA AA; pdf.js reads that back as "ํ" (tone) "า" (as the report tests note).
const canonical = (s: string) => s.replace(/ํ([่-๋]?)า/g, '$1ำ')
const BLANK_ROW = '......../......../........ ..............................'

describe('announcements: the acknowledgement sheet (ใบรับทราบ) in DOCX and PDF', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  let id = ''
  let missingId = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/announcements`
  const today = () => formatThaiDate(new Date())
  const todayShort = () => formatThaiDate(new Date(), { style: 'short' })
  const docxText = async () => {
    const res = await officer.get(`${base()}/${id}/sheet.docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect((await docxToHtml(bytes)).messages.filter((m) => m.startsWith('error'))).toEqual([])
    return { bytes, text: normalizeSpace(await docxToText(bytes)) }
  }

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    const finance = (await buildUnit(t.deps.db, org, 'กองคลัง')).id
    const works = (await buildUnit(t.deps.db, org, 'กองช่าง')).id
    await buildPerson(t.deps.db, org.id, { name: 'นางสาวกนกวรรณ ศรีสุข', position: 'นักวิชาการเงินและบัญชี', unitIds: [finance], userId: u.id })
    missingId = await buildPerson(t.deps.db, org.id, { name: 'นายธีระพงษ์ มั่นคง', position: 'นายช่างโยธา', kind: 'permanent_employee', unitIds: [works] })
    await buildPerson(t.deps.db, org.id, { name: 'นายสมศักดิ์ ใจงาม', position: 'สมาชิกสภาเทศบาล', kind: 'council_member' })
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    id = (await publishAnnouncement(ctx, (await createAnnouncement(ctx, input)).id)).id
    expect((await officer.post(`${base()}/${id}/ack`, {}, { csrfFrom: `${base()}/${id}` })).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  it('the DOCX lists who acknowledged (date and how) and a blank line to sign for who has not, in TH SarabunPSK 16 pt', async () => {
    const { bytes, text } = await docxText()
    expect(text).toContain(`ใบรับทราบ มาตรการ เลขที่ 1/2566 เรื่อง ${SUBJECT}`)
    expect(text).toContain('ลงวันที่ 9 มกราคม 2566 ผู้มีรายชื่อด้านล่างเป็นผู้ต้องรับทราบมาตรการฉบับนี้ ผู้ที่ยังไม่ได้รับทราบ โปรดอ่านมาตรการแล้วลงลายมือชื่อและวันที่รับทราบ')
    expect(text).toContain(`รับทราบแล้ว 1 จาก 2 คน ข้อมูล ณ วันที่ ${today()}`)
    expect(text).toContain('ลำดับ ชื่อ – สกุล ตำแหน่ง กอง/งาน วันที่รับทราบ ลายมือชื่อ')
    expect(text).toContain(`นางสาวกนกวรรณ ศรีสุข นักวิชาการเงินและบัญชี กองคลัง ${todayShort()} รับทราบในระบบ`)
    expect(text).toContain(`นายธีระพงษ์ มั่นคง นายช่างโยธา กองช่าง ${BLANK_ROW}`)
    // A council member is not staff: not asked, not on the sheet.
    expect(text).not.toContain('นายสมศักดิ์')
    const { default: JSZip } = await import('jszip')
    const zip = await JSZip.loadAsync(bytes)
    const styles = await zip.file('word/styles.xml')!.async('string')
    expect(styles).toContain('w:ascii="TH SarabunPSK"')
    expect(styles).toMatch(/<w:sz w:val="32"\/>/)
    expect(await zip.file('word/document.xml')!.async('string')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
  })

  it('the PDF has the same Thai text, A4, every font embedded Laksaman (TH SarabunPSK metrics)', async () => {
    const res = await officer.get(`${base()}/${id}/sheet.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()))
    expect(pdf.sizes[0]).toEqual({ width: expect.closeTo(595, 0) as number, height: expect.closeTo(842, 0) as number })
    for (const f of pdf.fonts) expect([f.name, f.embedded]).toEqual([expect.stringMatching(/Laksaman/), true])
    const all = pdf.pages.join('\n')
    expect(all).not.toMatch(/[\u0000\ufffd]/)
    const text = squash(canonical(all))
    for (const line of [
      `ใบรับทราบ มาตรการ เลขที่ 1/2566 เรื่อง ${SUBJECT}`,
      'ลงวันที่ 9 มกราคม 2566',
      'ผู้มีรายชื่อด้านล่างเป็นผู้ต้องรับทราบมาตรการฉบับนี้ ผู้ที่ยังไม่ได้รับทราบ โปรดอ่านมาตรการแล้วลงลายมือชื่อและวันที่รับทราบ',
      `รับทราบแล้ว 1 จาก 2 คน ข้อมูล ณ วันที่ ${today()}`,
      'ลำดับ ชื่อ – สกุล ตำแหน่ง กอง/งาน วันที่รับทราบ ลายมือชื่อ',
      `นางสาวกนกวรรณ ศรีสุข นักวิชาการเงินและบัญชี กองคลัง ${todayShort()} รับทราบในระบบ`,
      `นายธีระพงษ์ มั่นคง นายช่างโยธา กองช่าง ${BLANK_ROW}`,
      'หน้า 1 / 1',
    ])
      expect(text, line).toContain(squash(line))
  })

  it('a paper acknowledgement recorded back fills the blank line (audited), and the sheet follows the current version', async () => {
    const page = await (await officer.get(`${base()}/${id}`)).text()
    expect(page).toContain(`href="${base()}/${id}/sheet.pdf"`)
    expect(page).toContain(`href="${base()}/${id}/sheet.docx"`)
    const bad = await officer.post(`${base()}/${id}/paper`, {}, { csrfFrom: `${base()}/${id}` })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('<title>ข้อผิดพลาด:')
    const ok = await officer.post(`${base()}/${id}/paper`, { personIds: missingId }, { csrfFrom: `${base()}/${id}` })
    expect(ok.status).toBe(303)
    const { text } = await docxText()
    expect(text).toContain(`นายธีระพงษ์ มั่นคง นายช่างโยธา กองช่าง ${todayShort()} ลงชื่อในใบรับทราบ`)
    expect(text).not.toContain(BLANK_ROW)
    expect(text).toContain('รับทราบแล้ว 2 จาก 2 คน')
    const audits = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, id)))
    expect(audits.filter((a) => a.action === 'announcements.acknowledge').map((a) => (a.details as { via: string; personId: string }).via)).toEqual(['account', 'paper'])
    expect((await ackProgress(ctx, await getAnnouncement(ctx, id))).acknowledged).toBe(2)
    // A revision asks everyone again: the sheet says which version and has blank lines for all.
    await reviseAnnouncement(ctx, id, { subject: `${SUBJECT} (ฉบับปรับปรุง)`, body: 'ข้อความใหม่', changeNote: 'เพิ่มข้อ ๒' })
    const revised = (await docxText()).text
    expect(revised).toContain('ลงวันที่ 9 มกราคม 2566 (ฉบับปรับปรุงครั้งที่ 2)')
    expect(revised).toContain('รับทราบแล้ว 0 จาก 2 คน')
    expect(revised).toContain(`นางสาวกนกวรรณ ศรีสุข นักวิชาการเงินและบัญชี กองคลัง ${BLANK_ROW}`)
    expect(revised).toContain(`นายธีระพงษ์ มั่นคง นายช่างโยธา กองช่าง ${BLANK_ROW}`)
  })

  it('a draft, or an announcement that asks nobody, has no sheet (404), nor has another agency', async () => {
    const draft = await buildAnnouncement(t.deps.db, org.id)
    expect((await officer.get(`${base()}/${draft.id}/sheet.docx`)).status).toBe(404)
    const none = await publishAnnouncement(ctx, (await createAnnouncement(ctx, { ...input, ackScope: 'none', subject: 'ไม่ต้องรับทราบ' })).id)
    expect((await officer.get(`${base()}/${none.id}/sheet.pdf`)).status).toBe(404)
    const other = await buildOrg(t.deps.db)
    const foreign = await buildAnnouncement(t.deps.db, other.id, { status: 'published', number: 1, numberYear: 2566 })
    expect((await officer.get(`${base()}/${foreign.id}/sheet.docx`)).status).toBe(404)
  })
})
