import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, postMultipart, TINY_PDF } from '../../../tests/support/multipart.js'
import { readPdf } from '../../platform/documents/extract.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { squash } from '../../platform/documents/text.js'
import { inOrg } from '../../db/client.js'
import { eq } from 'drizzle-orm'
import { people } from '../../platform/people/people.schema.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { certificatesOf, issueCertificates, normaliseCode, verifyCertificate } from './certificates.js'
import { addCourse, hoursByPerson, personRecord } from './hours.js'
import { buildAttendee, buildPerson, buildSession } from './testing/factories.js'

const canonical = (s: string): string => s.replace(/ํ([่-๋]?)า/g, '$1ำ')

describe('trainings: certificates with a public check, outside courses and hours per fiscal year', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/trainings`
  let person = { id: '', fullName: '' }
  let sessionId = ''

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { nameTh: 'เทศบาลตำบลเกียรติบัตร' })
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    person = await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวสมใจ ใฝ่รู้', position: 'นักทรัพยากรบุคคล' })
    const s = await buildSession(t.deps.db, org.id, { topic: 'การป้องกันการทุจริต', startsOn: '2023-06-22', endsOn: '2023-06-22', hours: 6, status: 'published', publishedAt: new Date() })
    sessionId = s.id
    await buildAttendee(t.deps.db, org.id, s.id, { kind: 'staff', personId: person.id, name: person.fullName, status: 'present' })
    await buildAttendee(t.deps.db, org.id, s.id, { name: 'นายไม่มา อบรม', status: 'absent' })
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })

  it('issues a certificate to each attendee present (once), with a code anyone checks on the public site', async () => {
    const bad = await officer.post(`${base()}/${sessionId}/certificates`, { signerName: '', signerPosition: 'นายกเทศมนตรีที่พิมพ์' })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('value="นายกเทศมนตรีที่พิมพ์"')
    expect((await officer.post(`${base()}/${sessionId}/certificates`, { signerName: 'นายสมชาย ผู้บริหาร', signerPosition: 'นายกเทศมนตรีตำบลเกียรติบัตร' })).status).toBe(303)
    await expect(issueCertificates(ctx, sessionId, { signerName: 'x', signerPosition: '' })).rejects.toMatchObject({ status: 409 })
    const { certificates } = await certificatesOf(ctx, sessionId)
    expect(certificates.map((c) => c.name)).toEqual(['นางสาวสมใจ ใฝ่รู้'])
    const code = certificates[0]!.code
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(normaliseCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(code)
    expect(await verifyCertificate(t.deps.db, org.id, code)).toMatchObject({ name: 'นางสาวสมใจ ใฝ่รู้', topic: 'การป้องกันการทุจริต', hours: 6 })
    const anon = new TestClient(t.app)
    const ok = await anon.get(`/o/${org.slug}/trainings/verify?code=${code.toLowerCase()}`)
    expect(ok.status).toBe(200)
    const html = await ok.text()
    expect(html).toContain('เกียรติบัตรนี้ออกโดยเทศบาลตำบลเกียรติบัตรจริง')
    expect(html).toContain('นางสาวสมใจ ใฝ่รู้')
    expect((await anon.get(`/o/${org.slug}/trainings/verify?code=AAAA-BBBB-CCCC`)).status).toBe(404)
    expect((await anon.get(`/o/${org.slug}/trainings/verify`)).status).toBe(200)
    // Another agency's site does not vouch for it.
    const other = await buildOrg(t.deps.db)
    expect(await verifyCertificate(t.deps.db, other.id, code)).toBeNull()
  })

  it('the certificate PDF: name, course, date, hours, signer and the code with the check address', { timeout: 60_000 }, async () => {
    const { certificates } = await certificatesOf(ctx, sessionId)
    const c = certificates[0]!
    const res = await officer.get(`${base()}/${sessionId}/certificates/${c.id}/pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const content = await readPdf(Buffer.from(await res.arrayBuffer()))
    expect(content.pages).toHaveLength(1)
    expect(content.sizes[0]).toEqual({ width: expect.closeTo(842, 0) as number, height: expect.closeTo(595, 0) as number })
    for (const f of content.fonts) expect(f.embedded, f.name).toBe(true)
    const hay = squash(canonical(content.pages.join('\n')))
    for (const s of ['เทศบาลตำบลเกียรติบัตร', 'เกียรติบัตร', 'นางสาวสมใจ ใฝ่รู้', 'ได้ผ่านการฝึกอบรม หลักสูตร การป้องกันการทุจริต', 'เมื่อวันที่ 22 มิถุนายน 2566 รวม 6 ชั่วโมง', '(นายสมชาย ผู้บริหาร)', `รหัสตรวจสอบเกียรติบัตร ${c.code}`, `/o/${org.slug}/trainings/verify?code=${c.code}`]) expect(hay, s).toContain(squash(s))
    expect((await officer.get(`${base()}/${sessionId}/certificates/${sessionId}/pdf`)).status).toBe(404)
  })

  it('outside courses per person: 422 with values kept, a certificate file checked by content, hours per fiscal year from both sources', async () => {
    const url = `${base()}/people/${person.id}/courses/new`
    const bad = await postMultipart(t.app, officer, url, { name: 'หลักสูตรนักทรัพยากรบุคคล', organiser: 'สถาบันพัฒนาบุคลากรท้องถิ่น', startsOn: '01/07/2023', endsOn: '', hours: '12' })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('value="หลักสูตรนักทรัพยากรบุคคล"')
    expect(badHtml).toContain('ปี ค.ศ.')
    const exe = await postMultipart(t.app, officer, url, { name: 'หลักสูตรไฟล์ผิด', organiser: 'ผู้จัด', startsOn: '01/07/2566', endsOn: '', hours: '3' }, [{ field: 'certificate', name: 'cert.pdf', bytes: FAKE_EXE }])
    expect(exe.status).toBe(422)
    const ok = await postMultipart(t.app, officer, url, { name: 'หลักสูตรนักทรัพยากรบุคคล', organiser: 'สถาบันพัฒนาบุคลากรท้องถิ่น', startsOn: '03/07/2566', endsOn: '04/07/2566', hours: '12' }, [{ field: 'certificate', name: 'เกียรติบัตร.pdf', bytes: TINY_PDF, type: 'application/pdf' }])
    expect(ok.status).toBe(303)
    await addCourse(ctx, person.id, { name: 'การจัดซื้อจัดจ้างภาครัฐ', organiser: 'กรมบัญชีกลาง', startsOn: '2023-10-05', endsOn: '2023-10-05', hours: 3.5 })
    const fy66 = (await hoursByPerson(ctx, 2566)).find((r) => r.personId === person.id)
    expect(fy66).toMatchObject({ sessions: 1, sessionHours: 6, courses: 1, courseHours: 12, total: 18 })
    expect((await hoursByPerson(ctx, 2567)).find((r) => r.personId === person.id)).toMatchObject({ courses: 1, courseHours: 3.5, total: 3.5 })
    const record = await personRecord(ctx, person.id, 'เทศบาลตำบลเกียรติบัตร')
    expect(record.years).toEqual([{ fiscalYear: 2567, hours: 3.5 }, { fiscalYear: 2566, hours: 18 }])
    const course = record.entries.find((e) => e.name === 'หลักสูตรนักทรัพยากรบุคคล')!
    const file = await officer.get(`${base()}/courses/${course.id}/file`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    const page = await (await officer.get(`${base()}/people/${person.id}`)).text()
    expect(page).toContain('ปีงบประมาณ 2566: 18 ชั่วโมง')
    expect(await (await officer.get(`${base()}/hours?fy=2566`)).text()).toContain('นางสาวสมใจ ใฝ่รู้')
    // Edit (422 path too), then delete after confirmation.
    const badEdit = await postMultipart(t.app, officer, `${base()}/courses/${course.id}/edit`, { name: 'แก้ชื่อ', organiser: 'ผู้จัด', startsOn: '04/07/2566', endsOn: '03/07/2566', hours: '12' })
    expect(badEdit.status).toBe(422)
    expect(await badEdit.text()).toContain('วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มอบรม')
    expect(await (await officer.get(`${base()}/courses/${course.id}/delete`)).text()).toContain('ยืนยันการลบหลักสูตร')
    expect((await officer.post(`${base()}/courses/${course.id}/delete`, {})).status).toBe(303)
    expect((await officer.get(`${base()}/courses/${course.id}/file`)).status).toBe(404)
    const actions = (await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog))).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['trainings.certificate.issue', 'trainings.course.create', 'trainings.course.delete']))
    expect((await officer.get(`${base()}/people?person=nonsense`)).status).toBe(303)
  })

  it('my trainings: the signed-in person sees their open trainings, record, hours and certificate codes', async () => {
    expect(await (await officer.get(`${base()}/mine`)).text()).toContain('ยังไม่ได้ผูกกับรายชื่อในทะเบียนบุคลากร')
    await inOrg(t.deps.db, org.id, (tx) => tx.update(people).set({ userId: ctx.actor!.userId }).where(eq(people.id, person.id)))
    const html = await (await officer.get(`${base()}/mine`)).text()
    expect(html).toContain('การป้องกันการทุจริต')
    expect(html).toContain(`href="${base()}/${sessionId}/answer/pre"`)
    expect(html).toContain('ปีงบประมาณ 2566: 6 ชั่วโมง')
    const { certificates } = await certificatesOf(ctx, sessionId)
    expect(html).toContain(certificates[0]!.code)
  })
})
