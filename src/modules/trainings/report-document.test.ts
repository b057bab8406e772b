import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { docxToHtml, docxToText, readPdf } from '../../platform/documents/extract.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { squash } from '../../platform/documents/text.js'
import { inOrg } from '../../db/client.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { answers, evaluations } from './trainings.schema.js'
import { setTest } from './answers.js'
import { saveReport } from './sessions.js'
import { buildAttendee, buildQuestion, buildSession, TINY_PNG } from './testing/factories.js'
import { addFile } from './files.js'

// รายงานผลการจัดอบรม as DOCX and PDF: valid files whose Thai text reads back exactly with the
// project's extractor; the figures are the hand-worked example of answers.test.ts.

// HarfBuzz draws ำ as NIKHAHIT + SARA AA; pdf.js reads that back in the drawn order.
const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ')

describe('trainings: the training report document', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  let url = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { nameTh: 'เทศบาลตำบลทดสอบรายงาน' })
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    const s = await buildSession(t.deps.db, org.id, {
      topic: 'การป้องกันผลประโยชน์ทับซ้อน', startsOn: '2023-02-16', endsOn: '2023-02-17', hours: 6, trainerKind: 'outside', trainerName: 'นายวิรัช สุจริตธรรม', trainerOrg: 'สำนักงาน ป.ป.ช. ประจำจังหวัด',
      place: 'ห้องประชุมสำนักงานเทศบาล', targetGroup: 'พนักงานเทศบาลทุกคน', budget: 15000, status: 'published', publishedAt: new Date(),
    })
    const q = [await buildQuestion(t.deps.db, org.id), await buildQuestion(t.deps.db, org.id), await buildQuestion(t.deps.db, org.id), await buildQuestion(t.deps.db, org.id)]
    await setTest(ctx, s.id, q.map((x) => x.id))
    const who: Record<string, string> = {}
    for (const [n, name] of [['A', 'นายเอก หนึ่ง'], ['B', 'นางบี สอง'], ['C', 'นายซี สาม'], ['D', 'นางดี สี่'], ['E', 'นายอี ห้า']] as const)
      who[n] = (await buildAttendee(t.deps.db, org.id, s.id, { name, position: n === 'A' ? 'นิติกร' : '', status: n === 'E' ? 'absent' : 'present' })).id
    const pre = { A: 1, B: 2, C: 0 }
    const post = { A: 3, B: 4, C: 2, D: 3 }
    const ev = { A: [5, 4, 4, 3, 5], B: [4, 4, 5, 4, 4], C: [5, 5, 3, 4, 5] }
    await inOrg(t.deps.db, org.id, async (tx) => {
      for (const [n, score] of Object.entries(pre)) await tx.insert(answers).values({ orgId: org.id, sessionId: s.id, attendeeId: who[n]!, phase: 'pre', choices: {}, score, total: 4, via: 'self' })
      for (const [n, score] of Object.entries(post)) await tx.insert(answers).values({ orgId: org.id, sessionId: s.id, attendeeId: who[n]!, phase: 'post', choices: {}, score, total: 4, via: 'self' })
      for (const [n, ratings] of Object.entries(ev)) await tx.insert(evaluations).values({ orgId: org.id, sessionId: s.id, attendeeId: who[n]!, ratings, comment: n === 'A' ? 'อยากให้จัดอบรมทุกปี' : '', via: 'self' })
    })
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    const bad = await officer.post(`/o/${org.slug}/admin/trainings/${s.id}/report`, { summary: 'สรุปที่พิมพ์ไว้', benefits: '', reporterName: '', reporterPosition: '' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('สรุปที่พิมพ์ไว้')
    await saveReport(ctx, s.id, { summary: 'บุคลากรเข้าใจความหมายของผลประโยชน์ทับซ้อนมากขึ้น\nลดการรับงานนอกที่ขัดกับหน้าที่', benefits: 'นำไปจัดทำคู่มือการปฏิบัติหน้าที่ของแต่ละส่วนงาน', reporterName: 'นางสาววิภา ปฏิบัติการ', reporterPosition: 'นักวิเคราะห์นโยบายและแผน' })
    await addFile(ctx, s.id, { kind: 'photo', caption: 'บรรยากาศการอบรมในห้องประชุม' }, { name: 'photo.png', bytes: TINY_PNG, contentType: 'image/png', size: TINY_PNG.byteLength })
    url = `/o/${org.slug}/admin/trainings/${s.id}`
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const exact = [
    'รายงานผลการจัดอบรม',
    'หลักสูตร/หัวข้อ การป้องกันผลประโยชน์ทับซ้อน',
    'หน่วยงานผู้จัด เทศบาลตำบลทดสอบรายงาน',
    'วันที่อบรม 16 กุมภาพันธ์ 2566 – 17 กุมภาพันธ์ 2566 รวม 6 ชั่วโมง',
    'สถานที่ อบรม ณ สถานที่ ห้องประชุมสำนักงานเทศบาล',
    'วิทยากร นายวิรัช สุจริตธรรม สำนักงาน ป.ป.ช. ประจำจังหวัด (วิทยากรภายนอก)',
    'กลุ่มเป้าหมาย พนักงานเทศบาลทุกคน',
    'งบประมาณ 15,000.00 บาท',
    'ผู้สมัคร 5 คน เข้ารับการอบรม 4 คน คิดเป็นร้อยละ 80.00',
    'แบบทดสอบปรนัย 4 ข้อ ชุดเดียวกันทั้งก่อนและหลังการอบรม',
    'ก่อนการอบรม ผู้ทำแบบทดสอบ 3 คน คะแนนเฉลี่ย 1.00 จาก 4 คะแนน คิดเป็นร้อยละ 25.00',
    'หลังการอบรม ผู้ทำแบบทดสอบ 4 คน คะแนนเฉลี่ย 3.00 จาก 4 คะแนน คิดเป็นร้อยละ 75.00',
    'ความรู้เพิ่มขึ้นเฉลี่ยร้อยละ 50.00 (จุดร้อยละ) ผู้ทำแบบทดสอบทั้งสองครั้ง 3 คน มีคะแนนเพิ่มขึ้น 3 คน',
    'ผู้ตอบแบบประเมิน 3 คน (คะแนนเต็ม 5)',
    '1. เนื้อหาตรงกับความต้องการและนำไปใช้ในการปฏิบัติงานได้ ค่าเฉลี่ย 4.67',
    '4. สถานที่ ระยะเวลา และการอำนวยความสะดวกเหมาะสม ค่าเฉลี่ย 3.67',
    'ค่าเฉลี่ยรวมทุกข้อ 4.27',
    '- อยากให้จัดอบรมทุกปี',
    'บุคลากรเข้าใจความหมายของผลประโยชน์ทับซ้อนมากขึ้น',
    'นำไปจัดทำคู่มือการปฏิบัติหน้าที่ของแต่ละส่วนงาน',
    'ในจำนวนนี้เป็นผู้เข้าอบรมจากภายนอก 4 คน',
    '4. นายเอก หนึ่ง นิติกร',
    '(นางสาววิภา ปฏิบัติการ)',
    'ผู้บังคับบัญชา',
    '7. ภาพถ่ายการอบรม',
    'บรรยากาศการอบรมในห้องประชุม',
  ]

  it('is a valid DOCX with the Thai text exact', async () => {
    const res = await officer.get(`${url}/report.docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="training-report-2566-2023-02-16-${org.slug}.docx"`)
    const buf = Buffer.from(await res.arrayBuffer())
    const { messages } = await docxToHtml(buf)
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([])
    const text = (await docxToText(buf)).replace(/[ \t]+/g, ' ')
    for (const s of exact) expect(text, s).toContain(s)
    expect(text).not.toContain('นายอี ห้า') // absent: not on the list of those trained
    expect(buf.includes(Buffer.from('word/media/'))).toBe(true) // the photo is in the file
  })

  it('is an A4 PDF with embedded fonts whose Thai text extracts exactly', { timeout: 60_000 }, async () => {
    const res = await officer.get(`${url}/report.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const content = await readPdf(Buffer.from(await res.arrayBuffer()))
    expect(content.sizes[0]).toEqual({ width: expect.closeTo(595, 0) as number, height: expect.closeTo(842, 0) as number })
    for (const f of content.fonts) expect(f.embedded, f.name).toBe(true)
    const all = content.pages.join('\n')
    expect(all).not.toMatch(/[\u0000\ufffd]/)
    const hay = squash(canonical(all))
    for (const s of exact) expect(hay, s).toContain(squash(s))
  })
})
