import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { docxToHtml, docxToText, readPdf } from '../../platform/documents/extract.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { squash } from '../../platform/documents/text.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { createRisk, type RiskInput } from './risks.service.js'
import { addControl } from './controls.js'
import { recordRound } from './monitoring.js'
import { buildMeasure } from './testing/factories.js'

// The annual risk assessment report and the monitoring report (NACC-form columns) as DOCX and PDF:
// valid files whose Thai text reads back exactly with the project's extractor.

// HarfBuzz draws ำ as NIKHAHIT + SARA AA; pdf.js reads that back in the drawn order.
const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ')

describe('risks: the assessment and monitoring reports', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  let url = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    const works = (await buildUnit(t.deps.db, org, 'กองช่าง')).id
    const finance = (await buildUnit(t.deps.db, org, 'กองคลัง')).id
    const m5 = await buildMeasure(t.deps.db, org.id, 2566, 'มาตรการการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง', 5)
    const m1 = await buildMeasure(t.deps.db, org.id, 2566, "มาตรการ เรื่องแนวทางการประพฤติตนทางจริยธรรมที่ควรทำ และไม่ควรทำ (Do & DON'T)", 1)
    const base: RiskInput = {
      fiscalYear: 2566, area: 'procurement', process: 'การตรวจรับงานจ้างก่อสร้าง', event: 'คณะกรรมการตรวจรับงานรับผลประโยชน์จากผู้รับจ้าง', cause: 'ประชาชนไม่มีส่วนร่วมตรวจสอบ',
      likelihood: 2, impact: 5, existingControls: 'แต่งตั้งคณะกรรมการตรวจรับพัสดุตามระเบียบ', indicator: 'จำนวนโครงการที่ชุมชนร่วมตรวจรับ', target: 'ทุกโครงการ',
      residualLikelihood: 2, residualImpact: 3, ownerUnitId: works, reviewOn: null, status: 'published',
    }
    const a = await createRisk(ctx, base)
    const b = await createRisk(ctx, { ...base, area: 'budget', process: 'การเบิกค่าตอบแทนการปฏิบัติงานนอกเวลาราชการ', event: 'เบิกค่าตอบแทนโดยไม่ได้ปฏิบัติงานจริง', cause: '', likelihood: 3, impact: 3, existingControls: '', indicator: '', target: '', residualLikelihood: null, residualImpact: null, ownerUnitId: finance })
    await addControl(ctx, a.id, m5.id)
    await addControl(ctx, b.id, m1.id)
    await recordRound(ctx, a.id, 6, { status: 'in_progress', note: 'เชิญตัวแทนชุมชนร่วมตรวจรับ 3 โครงการ', recordedOn: '2023-03-31' })
    await recordRound(ctx, a.id, 12, { status: 'done', note: 'ตัวแทนชุมชนร่วมตรวจรับครบทุกโครงการ', recordedOn: '2023-09-29' })
    await recordRound(ctx, b.id, 6, { status: 'occurred', note: 'พบการลงลายมือชื่อแทนกัน 1 กรณี', recordedOn: '2023-03-31' })
    url = `/o/${org.slug}/admin/risks/year/2566`
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  const assessment = [
    'รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ',
    'ประจำปีงบประมาณ พ.ศ. 2566',
    'ประเด็นความเสี่ยง',
    'การควบคุมที่มีอยู่',
    'ผลคูณ / ระดับความเสี่ยง',
    'แนวทางการจัดการ / มาตรการป้องกันการทุจริต',
    'ตัวบ่งชี้',
    'ค่าเป้าหมาย',
    'ผู้รับผิดชอบ',
    'ด้านการจัดซื้อจัดจ้าง',
    'R1 การตรวจรับงานจ้างก่อสร้าง: คณะกรรมการตรวจรับงานรับผลประโยชน์จากผู้รับจ้าง',
    'สาเหตุ: ประชาชนไม่มีส่วนร่วมตรวจสอบ',
    'แต่งตั้งคณะกรรมการตรวจรับพัสดุตามระเบียบ',
    '10 / สูง',
    'มาตรการการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง',
    'จำนวนโครงการที่ชุมชนร่วมตรวจรับ',
    'ทุกโครงการ',
    'กองช่าง',
    '6 / ปานกลาง',
    'ด้านการเบิกจ่ายงบประมาณ',
    'R2 การเบิกค่าตอบแทนการปฏิบัติงานนอกเวลาราชการ: เบิกค่าตอบแทนโดยไม่ได้ปฏิบัติงานจริง',
    '9 / ปานกลาง',
    "มาตรการ เรื่องแนวทางการประพฤติตนทางจริยธรรมที่ควรทำ และไม่ควรทำ (Do & DON'T)",
    'กองคลัง',
    'ระดับ ต่ำ 1–3, ปานกลาง 4–9, สูง 10–16, สูงมาก 17–25',
    'สรุป: ความเสี่ยง 2 รายการ ระดับสูงมาก 0 สูง 1 ปานกลาง 1 ต่ำ 0',
  ]
  const monitoring = [
    'รายงานผลการติดตามการดำเนินการตามมาตรการจัดการความเสี่ยงการทุจริต',
    'ประจำปีงบประมาณ พ.ศ. 2566',
    'ผลรอบ 6 เดือน',
    'ผลรอบ 12 เดือน',
    'R1 การตรวจรับงานจ้างก่อสร้าง: คณะกรรมการตรวจรับงานรับผลประโยชน์จากผู้รับจ้าง',
    'อยู่ระหว่างดำเนินการ (31 มี.ค. 2566)',
    'เชิญตัวแทนชุมชนร่วมตรวจรับ 3 โครงการ',
    'ดำเนินการแล้ว ควบคุมความเสี่ยงได้ (29 ก.ย. 2566)',
    'ตัวแทนชุมชนร่วมตรวจรับครบทุกโครงการ',
    'เกิดเหตุการณ์ความเสี่ยง (31 มี.ค. 2566)',
    'พบการลงลายมือชื่อแทนกัน 1 กรณี',
    'ยังไม่ติดตาม',
  ]

  for (const [kind, exact] of [['assessment', assessment], ['monitoring', monitoring]] as const) {
    it(`the ${kind} report is a valid DOCX with the Thai text exact`, async () => {
      const res = await officer.get(`${url}/${kind}.docx`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="risk-${kind}-2566-${org.slug}.docx"`)
      const buf = Buffer.from(await res.arrayBuffer())
      const { messages } = await docxToHtml(buf)
      expect(messages.filter((m) => m.startsWith('error'))).toEqual([])
      const text = (await docxToText(buf)).replace(/[ \t]+/g, ' ')
      for (const s of exact) expect(text, s).toContain(s)
      expect(text).toContain(org.nameTh)
      expect(text.indexOf('R1 ')).toBeLessThan(text.indexOf('R2 '))
    })

    it(`the ${kind} report is an A4 landscape PDF with embedded fonts whose Thai text extracts exactly`, { timeout: 60_000 }, async () => {
      const res = await officer.get(`${url}/${kind}.pdf`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      const content = await readPdf(Buffer.from(await res.arrayBuffer()))
      expect(content.sizes[0]).toEqual({ width: expect.closeTo(842, 0) as number, height: expect.closeTo(595, 0) as number })
      for (const f of content.fonts) expect(f.embedded, f.name).toBe(true)
      const all = content.pages.join('\n')
      expect(all).not.toMatch(/[\u0000\ufffd]/)
      const hay = squash(canonical(all))
      for (const s of exact) expect(hay, s).toContain(squash(s))
    })
  }
})
