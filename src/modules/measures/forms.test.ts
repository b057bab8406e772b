import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUnit, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, TINY_PDF, postMultipart, type UploadSpec } from '../../../tests/support/multipart.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { renderMeasuresReportDocx } from '../reports/index.js'
import { phanomrung2566 } from '../../../demo/phanomrung-2566.js'
import { activities, measures } from './measures.schema.js'
import { previewValues } from './import.forms.js'

// The one bad-input path, form by form: a bad submission answers 422 (409 for a conflict) with the
// same form (its action), an error summary, the "ข้อผิดพลาด:" title and the submitted values.

/** The preview form's values for the seed report, as the upload step fills them in. */
const preview = (year: number) => previewValues(year, { measures: phanomrung2566.measures, indicators: phanomrung2566.indicators, thaiNumerals: false }) as Record<string, string>

type Case = {
  form: string
  as: 'officer' | 'exec'
  /** Where the form is sent and the page it is on (for the CSRF token). */
  action: () => string
  page: () => string
  fields: () => Record<string, string | string[]>
  files?: () => UploadSpec[]
  status: 409 | 422
  /** Texts the answer must contain: the values typed, and the reason. */
  echo: () => string[]
}

describe('measures forms: every bad submission comes back on the same form', () => {
  let t: TestApp
  let org: Org
  const clients: Record<Case['as'], TestClient> = {} as never
  let measureId = ''
  let activityId = ''
  let docx: Uint8Array
  const ita = () => `/o/${org.slug}/admin/ita`
  const measurePage = () => `${ita()}/measures/${measureId}`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { settings: { thaiNumerals: false } })
    await buildUnit(t.deps.db, org, 'งานนิติการ')
    for (const [k, role] of [['officer', 'officer'], ['exec', 'executive']] as const) {
      const u = await buildUser(t.deps.db, org, role)
      clients[k] = new TestClient(t.app)
      expect((await clients[k].signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
    }
    const officer = clients.officer
    for (const year of [2567, 2568]) expect((await officer.post(`${ita()}/${year}/measures`, { title: `มาตรการของปี ${year}`, periodKind: 'fiscal_year' })).status).toBe(303)
    const [m] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(measures).orderBy(measures.fiscalYear).limit(1))
    measureId = m!.id
    expect((await officer.post(`${measurePage()}/activities`, { title: 'กิจกรรมเดิม', status: 'in_progress' }, { csrfFrom: measurePage() })).status).toBe(303)
    activityId = (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(activities)))[0]!.id
    docx = new Uint8Array(await renderMeasuresReportDocx(phanomrung2566))
  })
  afterAll(() => t.close())

  const cases: Case[] = [
    {
      form: 'measure create',
      as: 'officer',
      action: () => `${ita()}/2567/measures`,
      page: () => `${ita()}/2567/measures`,
      fields: () => ({ title: '', steps: 'ขั้นตอนที่พิมพ์ไว้', periodKind: 'range', periodStart: '01/05/2567', periodEnd: '01/01/2567', responsibleText: 'กองคลังที่พิมพ์ไว้' }),
      status: 422,
      echo: () => ['ขั้นตอนที่พิมพ์ไว้', 'value="01/05/2567"', 'value="กองคลังที่พิมพ์ไว้"', 'กรุณาระบุชื่อมาตรการ', 'กรุณาระบุวันเริ่มและวันสิ้นสุดให้ถูกต้อง'],
    },
    {
      form: 'measure edit (a day that does not exist)',
      as: 'officer',
      action: () => measurePage(),
      page: () => `${measurePage()}/edit`,
      fields: () => ({ title: 'ชื่อที่แก้ไว้', periodKind: 'range', periodStart: '30/02/2567', periodEnd: '31/03/2567' }),
      status: 422,
      echo: () => ['ชื่อที่แก้ไว้', 'value="30/02/2567"', 'ไม่มีวันที่นี้ในเดือนที่กรอก'],
    },
    {
      form: 'activity add (a file that is not what its name says)',
      as: 'officer',
      action: () => `${measurePage()}/activities`,
      page: () => measurePage(),
      fields: () => ({ title: 'กิจกรรมที่พิมพ์ไว้', status: 'done', startsOn: '15/01/2567', note: 'รายละเอียดที่พิมพ์ไว้', evidenceTitle: 'ภาพที่พิมพ์ไว้' }),
      files: () => [{ field: 'evidenceFile', name: 'photo.jpg', bytes: FAKE_EXE }],
      status: 422,
      echo: () => ['value="กิจกรรมที่พิมพ์ไว้"', 'value="15/01/2567"', 'รายละเอียดที่พิมพ์ไว้', 'value="ภาพที่พิมพ์ไว้"', 'ไม่ใช่ชนิดที่รับได้'],
    },
    {
      form: 'activity add (a file over the size limit)',
      as: 'officer',
      action: () => `${measurePage()}/activities`,
      page: () => measurePage(),
      fields: () => ({ title: 'กิจกรรมไฟล์ใหญ่', status: 'done' }),
      files: () => [{ field: 'evidenceFile', name: 'big.pdf', bytes: new Uint8Array(11 * 1024 * 1024) }],
      status: 422,
      echo: () => ['value="กิจกรรมไฟล์ใหญ่"', 'ใหญ่เกิน 10 MB'],
    },
    {
      form: 'activity edit',
      as: 'officer',
      action: () => `${ita()}/activities/${activityId}`,
      page: () => measurePage(),
      fields: () => ({ title: ' ', status: 'done', note: 'บันทึกที่พิมพ์ไว้', startsOn: '', endsOn: '' }),
      status: 422,
      echo: () => ['value="บันทึกที่พิมพ์ไว้"', 'กรุณาระบุชื่อกิจกรรม'],
    },
    {
      form: 'activity evidence (a link that is not http)',
      as: 'officer',
      action: () => `${ita()}/activities/${activityId}/evidence`,
      page: () => measurePage(),
      fields: () => ({ title: 'หลักฐานที่พิมพ์ไว้', url: 'ftp://example.org/x' }),
      files: () => [],
      status: 422,
      echo: () => ['value="หลักฐานที่พิมพ์ไว้"', 'value="ftp://example.org/x"', 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://'],
    },
    {
      form: 'activity evidence (neither file nor link)',
      as: 'officer',
      action: () => `${ita()}/activities/${activityId}/evidence`,
      page: () => measurePage(),
      fields: () => ({ title: 'หลักฐานไม่มีไฟล์' }),
      files: () => [],
      status: 422,
      echo: () => ['value="หลักฐานไม่มีไฟล์"', 'กรุณาแนบไฟล์หรือระบุลิงก์'],
    },
    {
      form: 'report settings',
      as: 'officer',
      action: () => `${ita()}/2567/report-settings`,
      page: () => `${ita()}/2567/measures`,
      fields: () => ({ introduction: 'ย่อหน้าที่พิมพ์ไว้', reporterName: 'ก'.repeat(201), executiveName: 'นายผู้บริหารที่พิมพ์ไว้' }),
      status: 422,
      echo: () => ['ย่อหน้าที่พิมพ์ไว้', 'value="นายผู้บริหารที่พิมพ์ไว้"', `value="${'ก'.repeat(201)}"`],
    },
    {
      form: 'copy year (the next year already has measures)',
      as: 'officer',
      action: () => `${ita()}/2567/copy`,
      page: () => `${ita()}/2567/measures`,
      fields: () => ({}),
      status: 409,
      echo: () => ['ปี 2568 มีมาตรการอยู่แล้ว'],
    },
    {
      form: 'move',
      as: 'officer',
      action: () => `${measurePage()}/move`,
      page: () => `${ita()}/2567/measures`,
      fields: () => ({ direction: 'sideways' }),
      status: 422,
      echo: () => ['กรุณาเลือกทิศทางการเลื่อน'],
    },
    {
      form: 'approve (a version other than the current one)',
      as: 'exec',
      action: () => `${measurePage()}/approve`,
      page: () => measurePage(),
      fields: () => ({ version: '2000-01-01T00:00:00.000Z' }),
      status: 409,
      echo: () => ['ถูกแก้ไขหลังจากที่เปิดหน้านี้'],
    },
    {
      form: 'DOCX import (no year, no file)',
      as: 'officer',
      action: () => `${ita()}/import`,
      page: () => `${ita()}/import`,
      fields: () => ({ fiscalYear: '66' }),
      files: () => [],
      status: 422,
      echo: () => ['value="66"', 'ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก', 'กรุณาเลือกไฟล์รายงาน (.docx)'],
    },
    {
      form: 'DOCX import (not a Word file)',
      as: 'officer',
      action: () => `${ita()}/import`,
      page: () => `${ita()}/import`,
      fields: () => ({ fiscalYear: '2561' }),
      files: () => [{ field: 'docx', name: 'report.docx', bytes: TINY_PDF }],
      status: 422,
      echo: () => ['value="2561"', 'ไม่ใช่ชนิดที่รับได้'],
    },
    {
      form: 'DOCX import repeated (the year already has measures)',
      as: 'officer',
      action: () => `${ita()}/import`,
      page: () => `${ita()}/import`,
      fields: () => ({ fiscalYear: '2567' }),
      files: () => [{ field: 'docx', name: 'report-2566.docx', bytes: docx }],
      status: 409,
      echo: () => ['value="2567"', 'ปี 2567 มีมาตรการอยู่แล้ว จึงไม่นำเข้าซ้ำ'],
    },
    {
      form: 'DOCX import confirm (a score that is not a score)',
      as: 'officer',
      action: () => `${ita()}/import/confirm`,
      page: () => `${ita()}/import`,
      fields: () => ({ ...preview(2590), m0_title: 'ชื่อมาตรการที่แก้ในหน้าตรวจสอบ', i0_score: '1o0' }),
      status: 422,
      echo: () => ['ชื่อมาตรการที่แก้ในหน้าตรวจสอบ', 'value="1o0"', 'value="2590"', 'คะแนนของตัวชี้วัดที่ 1 ต้องเป็นตัวเลข 0–100'],
    },
    {
      form: 'DOCX import confirm (the year got measures meanwhile)',
      as: 'officer',
      action: () => `${ita()}/import/confirm`,
      page: () => `${ita()}/import`,
      fields: () => ({ ...preview(2568), m0_title: 'ชื่อที่แก้ก่อนยืนยัน' }),
      status: 409,
      echo: () => ['ชื่อที่แก้ก่อนยืนยัน', 'value="2568"', 'ปี 2568 มีมาตรการอยู่แล้ว จึงไม่นำเข้าซ้ำ'],
    },
  ]

  it.each(cases.map((c) => [c.form, c] as const))('%s', async (_, c) => {
    const client = clients[c.as]
    const before = await inOrg(t.deps.db, org.id, async (tx) => [(await tx.select().from(measures)).length, (await tx.select().from(activities)).length])
    const res = c.files
      ? await postMultipart(t.app, client, c.action(), c.fields(), c.files(), { csrfFrom: c.page() })
      : await client.post(c.action(), c.fields(), { csrfFrom: c.page() })
    const html = await res.text()
    expect(res.status, html.slice(0, 300)).toBe(c.status)
    expect(html).toContain(`action="${c.action()}"`)
    expect(html).toContain('class="error-summary"')
    expect(html).toMatch(/<title>ข้อผิดพลาด:/)
    for (const text of c.echo()) expect(html).toContain(text)
    // Nothing was written.
    expect(await inOrg(t.deps.db, org.id, async (tx) => [(await tx.select().from(measures)).length, (await tx.select().from(activities)).length])).toEqual(before)
  })

  it('an approval names the version it saw: after a refusal the page offers the current one', async () => {
    const page = measurePage()
    const version = (html: string) => html.match(/name="version" value="([^"]+)"/)![1]!
    const seen = version(await (await clients.exec.get(page)).text())
    expect((await clients.officer.post(page, { title: 'แก้ไขหลังผู้บริหารเปิดหน้า', periodKind: 'fiscal_year' }, { csrfFrom: `${page}/edit` })).status).toBe(303)
    const refused = await clients.exec.post(`${page}/approve`, { version: seen }, { csrfFrom: page })
    expect(refused.status).toBe(409)
    const html = await refused.text()
    expect(html).toContain('แก้ไขหลังผู้บริหารเปิดหน้า')
    expect(version(html)).not.toBe(seen)
    expect((await clients.exec.post(`${page}/approve`, { version: version(html) }, { csrfFrom: page })).status).toBe(303)
  })
})
