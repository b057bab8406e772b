import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, postMultipart } from '../../../tests/support/multipart.js'
import { MAX_UPLOAD_BYTES } from '../../platform/http/body.js'
import { MAX_FILE_BYTES } from '../../platform/files/files.service.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { evidence, frameworkVersions, indicatorPlans, indicatorScores, planProgress } from './assessment.schema.js'

// Every form of the module on the one bad-input path: a bad submission answers 422 with the same
// form (its action), an error summary, the page title marked as an error, and what was sent kept.

const text = (s: string) => new TextEncoder().encode(s)
/** A file the upload reader refuses (over its limit) while still reading the other fields. */
const oversized = () => new Uint8Array(MAX_UPLOAD_BYTES + 1)

describe('assessment forms: bad input answers 422 with the same form, its values and an error summary', () => {
  let t: TestApp
  let org: Org
  let officer: TestClient
  let admin: TestClient
  let planId: string
  let entryId: string
  const ita = () => `/o/${org.slug}/admin/ita`
  const plan = () => `${ita()}/2566/plans/3`

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const o = await buildUser(t.deps.db, org, 'officer')
    const p = await buildUser(t.deps.db, null, 'platform_admin')
    officer = new TestClient(t.app)
    admin = new TestClient(t.app)
    expect((await officer.signIn(org.slug, o.email, TEST_PASSWORD)).status).toBe(303)
    expect((await admin.signIn(null, p.email, TEST_PASSWORD)).status).toBe(303)
    // A plan with one progress entry, so that both of its evidence forms are on the page.
    expect((await officer.post(plan(), { strengths: 'เดิม', guidelines: 'ข้อหนึ่ง' })).status).toBe(303)
    expect((await officer.post(`${plan()}/progress`, { entryDate: '10/01/2566', body: 'เริ่มดำเนินการ' }, { csrfFrom: plan() })).status).toBe(303)
    const [row] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(indicatorPlans).where(eq(indicatorPlans.indicator, 3)))
    planId = row!.id
    const [entry] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(planProgress).where(eq(planProgress.planId, planId)))
    entryId = entry!.id
  })
  afterAll(() => t.close())

  type Case = { name: string; action: () => string; send: () => Promise<Response>; echoes: () => string[] }
  const cases: Case[] = [
    {
      name: 'scores form: a score over 100 and a tool score that is not a number',
      action: () => `${ita()}/2566/scores`,
      send: () => officer.post(`${ita()}/2566/scores`, { s1: '101', s2: '88.5', tool_iit: 'สูง' }),
      echoes: () => ['value="101"', 'value="88.5"', 'value="สูง"', 'คะแนนต้องเป็นตัวเลข 0–100'],
    },
    {
      name: 'score import: a sheet with bad rows',
      action: () => `${ita()}/2566/scores/import`,
      send: () => postMultipart(t.app, officer, `${ita()}/2566/scores/import`, {}, [{ field: 'sheet', name: 'scores.csv', bytes: text('ตัวชี้วัดที่,ชื่อ,คะแนน\n1,ก,หนึ่งร้อย\n') }], { csrfFrom: `${ita()}/2566/scores` }),
      echoes: () => ['แถวที่ 2: คะแนนของตัวชี้วัดที่ 1', 'ไม่ได้นำเข้า'],
    },
    {
      name: 'score import: no file chosen',
      action: () => `${ita()}/2566/scores/import`,
      send: () => postMultipart(t.app, officer, `${ita()}/2566/scores/import`, {}, [], { csrfFrom: `${ita()}/2566/scores` }),
      echoes: () => ['กรุณาเลือกไฟล์'],
    },
    {
      name: 'score import: a file over the upload limit',
      action: () => `${ita()}/2566/scores/import`,
      send: () => postMultipart(t.app, officer, `${ita()}/2566/scores/import`, {}, [{ field: 'sheet', name: 'huge-scores.csv', bytes: oversized() }], { csrfFrom: `${ita()}/2566/scores` }),
      echoes: () => ['huge-scores.csv'],
    },
    {
      name: 'plan form: a name too long and a status that does not exist',
      action: () => plan(),
      send: () => officer.post(plan(), { indicatorName: 'ก'.repeat(301), strengths: 'จุดแข็งที่พิมพ์ไว้', guidelines: 'แนวทางที่หนึ่ง\nแนวทางที่สอง', status: 'finished' }),
      echoes: () => ['จุดแข็งที่พิมพ์ไว้', 'แนวทางที่หนึ่ง\nแนวทางที่สอง', 'ก'.repeat(301)],
    },
    {
      name: 'progress entry: a date that is not a date',
      action: () => `${plan()}/progress`,
      send: () => officer.post(`${plan()}/progress`, { entryDate: '31/02/2566', body: 'ประชุมติดตามผลครั้งที่สอง' }, { csrfFrom: plan() }),
      echoes: () => ['value="31/02/2566"', 'ประชุมติดตามผลครั้งที่สอง', 'ไม่มีวันที่นี้ในเดือนที่กรอก'],
    },
    {
      name: 'progress entry: a C.E. year (2023-02-01 is never stored as a พ.ศ. year)',
      action: () => `${plan()}/progress`,
      send: () => officer.post(`${plan()}/progress`, { entryDate: '2023-02-01', body: 'ประชุมครั้งที่สาม' }, { csrfFrom: plan() }),
      echoes: () => ['value="2023-02-01"', 'ประชุมครั้งที่สาม', 'ถ้าหมายถึง 01/02/2566'],
    },
    {
      name: 'progress entry: no details',
      action: () => `${plan()}/progress`,
      send: () => officer.post(`${plan()}/progress`, { entryDate: '01/02/2566', body: '  ' }, { csrfFrom: plan() }),
      echoes: () => ['value="01/02/2566"', 'กรุณากรอกรายละเอียด'],
    },
    {
      name: 'evidence of a plan: a file whose content is not an accepted type',
      action: () => `${plan()}/evidence`,
      send: () => postMultipart(t.app, officer, `${plan()}/evidence`, { title: 'รายงานปลอม', target: 'indicator', targetId: planId }, [{ field: 'file', name: 'report.pdf', bytes: FAKE_EXE, type: 'application/pdf' }], { csrfFrom: plan() }),
      echoes: () => ['value="รายงานปลอม"', 'ไม่ใช่ชนิดที่รับได้'],
    },
    {
      name: 'evidence of a plan: a file over the evidence limit',
      action: () => `${plan()}/evidence`,
      send: () => postMultipart(t.app, officer, `${plan()}/evidence`, { title: 'สแกนทั้งเล่ม', target: 'indicator', targetId: planId }, [{ field: 'file', name: 'scan.pdf', bytes: new Uint8Array(MAX_FILE_BYTES + 1), type: 'application/pdf' }], { csrfFrom: plan() }),
      echoes: () => ['value="สแกนทั้งเล่ม"', 'scan.pdf'],
    },
    {
      name: 'evidence of a progress entry: a link that is not http(s)',
      action: () => `${plan()}/evidence`,
      send: () => postMultipart(t.app, officer, `${plan()}/evidence`, { title: 'ภาพกิจกรรม', url: 'ftp://example.org/a', target: 'progress', targetId: entryId }, [], { csrfFrom: plan() }),
      echoes: () => [`id="ev-${entryId}-url" name="url" type="url" value="ftp://example.org/a"`, `value="ภาพกิจกรรม"`, 'ลิงก์ต้องขึ้นต้นด้วย http://'],
    },
    {
      name: 'evidence: neither a file nor a link',
      action: () => `${plan()}/evidence`,
      send: () => postMultipart(t.app, officer, `${plan()}/evidence`, { title: 'ไม่มีอะไรแนบ', target: 'indicator', targetId: planId }, [], { csrfFrom: plan() }),
      echoes: () => ['value="ไม่มีอะไรแนบ"', 'กรุณาแนบไฟล์หรือระบุลิงก์'],
    },
    {
      name: 'framework upload: pasted text that is not a framework',
      action: () => '/admin/frameworks',
      send: () => admin.post('/admin/frameworks', { json: 'ไม่ใช่ JSON', note: 'ฉบับทดลอง' }),
      echoes: () => ['>ไม่ใช่ JSON</textarea>', 'value="ฉบับทดลอง"', 'ไม่ได้บันทึก'],
    },
    {
      name: 'framework upload: nothing to save',
      action: () => '/admin/frameworks',
      send: () => admin.post('/admin/frameworks', { json: '', note: 'ลืมแนบไฟล์' }),
      echoes: () => ['value="ลืมแนบไฟล์"', 'กรุณาอัปโหลดไฟล์หรือวางข้อความ JSON'],
    },
    {
      name: 'framework upload: a file over the upload limit',
      action: () => '/admin/frameworks',
      send: () => postMultipart(t.app, admin, '/admin/frameworks', { note: 'ไฟล์ใหญ่' }, [{ field: 'file', name: 'huge-2570.json', bytes: oversized(), type: 'application/json' }], { csrfFrom: '/admin/frameworks' }),
      echoes: () => ['value="ไฟล์ใหญ่"', 'huge-2570.json'],
    },
  ]

  it.each(cases)('$name', async ({ action, send, echoes }) => {
    const before = await inOrg(t.deps.db, org.id, async (tx) => ({
      scores: (await tx.select().from(indicatorScores)).length,
      plans: await tx.select().from(indicatorPlans),
      log: (await tx.select().from(planProgress)).length,
      evidence: (await tx.select().from(evidence)).length,
    }))
    const versions = (await inOrg(t.deps.db, null, (tx) => tx.select().from(frameworkVersions))).length
    const r = await send()
    expect(r.status).toBe(422)
    const html = await r.text()
    expect(html).toContain(`action="${action()}"`)
    expect(html).toMatch(/<div class="error-summary"[^>]*autofocus/)
    expect(html).toMatch(/<title>ข้อผิดพลาด: /)
    for (const e of echoes()) expect(html).toContain(e)
    // Nothing was written.
    expect(
      await inOrg(t.deps.db, org.id, async (tx) => ({
        scores: (await tx.select().from(indicatorScores)).length,
        plans: await tx.select().from(indicatorPlans),
        log: (await tx.select().from(planProgress)).length,
        evidence: (await tx.select().from(evidence)).length,
      })),
    ).toEqual(before)
    expect((await inOrg(t.deps.db, null, (tx) => tx.select().from(frameworkVersions))).length).toBe(versions)
  })

  it('a refused evidence form is the one shown again: the other forms of the page stay empty', async () => {
    const r = await postMultipart(t.app, officer, `${plan()}/evidence`, { title: 'ภาพกิจกรรม', url: 'ftp://example.org/a', target: 'progress', targetId: entryId }, [], { csrfFrom: plan() })
    const html = await r.text()
    expect(html).toContain('id="ev-ind-url" name="url" type="url" value=""')
    expect(html).toContain(`href="#ev-${entryId}-url"`) // the summary links to the field of that form
    expect(html.match(/class="error-summary"/g)).toHaveLength(1)
  })

  it('the POST-only addresses of refused forms lead back to their page (the language link GETs them)', async () => {
    for (const [from, to] of [
      [`${plan()}/evidence?lang=en`, plan()],
      [`${plan()}/progress`, plan()],
      [`${ita()}/2566/scores/import?lang=en`, `${ita()}/2566/scores`],
    ] as const) {
      const r = await officer.get(from)
      expect(r.status).toBe(303)
      expect(r.headers.get('location')).toBe(to)
    }
  })
})
