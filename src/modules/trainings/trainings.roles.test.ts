import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg } from '../../../tests/support/factories.js'
import { clientsByRole, EVERYONE, expectedStatus, STAFF_ROLES as ROLES, type Who } from '../../../tests/support/roles.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { closeChromium } from '../../platform/documents/chromium.js'
import { buildAttendee, buildCertificate, buildCourse, buildPerson, buildQuestion, buildSession } from './testing/factories.js'
import { inOrg } from '../../db/client.js'
import { putFile } from '../../platform/files/files.service.js'
import { outsideCourses, sessionFiles } from './trainings.schema.js'
import { eq } from 'drizzle-orm'
import { postMultipart, TINY_PDF } from '../../../tests/support/multipart.js'

// Every role × every route of the module: who gets the page, who is refused, and that the staff
// menu shows the module exactly to the roles that may open it.
const READ = ['agency_admin', 'executive', 'officer', 'viewer']
const EDIT = ['agency_admin', 'officer']
const CHECKIN = ['agency_admin', 'executive', 'officer', 'complaints_officer', 'viewer']

describe('trainings: role × route', () => {
  let t: TestApp
  let org: Org
  let id = ''
  let qid = ''
  let cid = ''
  let pid = ''
  let course = ''
  let fid = ''
  let aid = ''
  let clients = new Map<Who, TestClient>()
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const other = await buildOrg(t.deps.db)
    id = (await buildSession(t.deps.db, org.id, { status: 'published', publishedAt: new Date() })).id
    const attendee = await buildAttendee(t.deps.db, org.id, id, { status: 'present' })
    cid = (await buildCertificate(t.deps.db, org.id, id, attendee.id)).id
    aid = attendee.id
    pid = (await buildPerson(t.deps.db, org.id)).id
    course = (await buildCourse(t.deps.db, org.id, pid)).id
    await inOrg(t.deps.db, org.id, async (tx) => {
      const f = await putFile(tx, org.id, { name: 'cert.pdf', bytes: TINY_PDF, isPublic: false })
      await tx.update(outsideCourses).set({ certificateFileId: f.id }).where(eq(outsideCourses.id, course))
    })
    fid = await addSessionFile()
    qid = (await buildQuestion(t.deps.db, org.id)).id
    clients = await clientsByRole(t, org, other)
  })
  afterAll(async () => {
    await closeChromium()
    await t.close()
  })
  const base = () => `/o/${org.slug}/admin/trainings`
  const addSessionFile = () =>
    inOrg(t.deps.db, org.id, async (tx) => {
      const f = await putFile(tx, org.id, { name: 'material.pdf', bytes: TINY_PDF, isPublic: false })
      const [row] = await tx.insert(sessionFiles).values({ orgId: org.id, sessionId: id, fileId: f.id, kind: 'material' }).returning()
      return row!.id
    })

  const routes = [
    { path: () => base(), allowed: READ },
    { path: () => `${base()}/new`, allowed: EDIT },
    { path: () => `${base()}/${id}`, allowed: READ },
    { path: () => `${base()}/${id}/edit`, allowed: EDIT },
    { path: () => `${base()}/${id}/delete`, allowed: EDIT },
    { path: () => `${base()}/${id}/attendance`, allowed: EDIT },
    { path: () => `${base()}/${id}/sheet`, allowed: EDIT },
    { path: () => `${base()}/${id}/checkin`, allowed: CHECKIN },
    { path: () => `${base()}/questions`, allowed: EDIT },
    { path: () => `${base()}/questions/new`, allowed: EDIT },
    { path: () => `${base()}/questions/${qid}/edit`, allowed: EDIT },
    { path: () => `${base()}/questions/${qid}/delete`, allowed: EDIT },
    { path: () => `${base()}/${id}/test`, allowed: EDIT },
    { path: () => `${base()}/${id}/results`, allowed: READ },
    { path: () => `${base()}/${id}/links`, allowed: EDIT },
    { path: () => `${base()}/${id}/report`, allowed: EDIT },
    { path: () => `${base()}/${id}/report.docx`, allowed: READ },
    { path: () => `${base()}/${id}/report.pdf`, allowed: READ },
    { path: () => `${base()}/${id}/certificates`, allowed: READ },
    { path: () => `${base()}/${id}/certificates/${cid}/pdf`, allowed: READ },
    { path: () => `${base()}/hours`, allowed: READ },
    { path: () => `${base()}/mine`, allowed: CHECKIN },
    { path: () => `${base()}/hours?fy=2566`, allowed: READ },
    { path: () => `${base()}/people?person=${pid}`, allowed: READ, ok: 303 },
    { path: () => `${base()}/people/${pid}`, allowed: READ },
    { path: () => `${base()}/people/${pid}/courses/new`, allowed: EDIT },
    { path: () => `${base()}/courses/${course}/edit`, allowed: EDIT },
    { path: () => `${base()}/courses/${course}/delete`, allowed: EDIT },
    { path: () => `${base()}/courses/${course}/file`, allowed: READ },
    { path: () => `${base()}/${id}/paper/${aid}/eval`, allowed: EDIT },
    { path: () => `${base()}/${id}/attendance/${aid}/remove`, allowed: EDIT },
    { path: () => `${base()}/${id}/files`, allowed: READ },
    { path: () => `${base()}/${id}/files/${fid}`, allowed: READ },
    { path: () => `${base()}/${id}/files/${fid}/delete`, allowed: EDIT },
    // The test accounts have no person in the directory: the answer page says so (409).
    { path: () => `${base()}/${id}/answer/pre`, allowed: CHECKIN, ok: 409 },
    { path: () => `${base()}/${id}/answer/eval`, allowed: CHECKIN, ok: 409 },
  ]
  it.each(routes.flatMap((r, i) => EVERYONE.map((w) => [i, w] as const)))('GET route %i as %s', { timeout: 30_000 }, async (i, w) => {
    const r = routes[i]!
    const res = await clients.get(w)!.get(r.path())
    expect(res.status).toBe(expectedStatus(w, r.allowed, 'ok' in r ? r.ok : 200))
  })

  it.each(EVERYONE.map((w) => [w] as const))('the public pages answer %s', async (w) => {
    expect((await clients.get(w)!.get(`/o/${org.slug}/trainings`)).status).toBe(200)
    expect((await clients.get(w)!.get(`/o/${org.slug}/trainings/verify`)).status).toBe(200)
    expect((await clients.get(w)!.get(`/o/${org.slug}/trainings/verify?code=AAAA-AAAA-AAAA`)).status).toBe(404)
    const spent = `/o/${org.slug}/trainings/answer/${'x'.repeat(43)}`
    expect((await clients.get(w)!.get(spent)).status).toBe(410)
    expect((await clients.get(w)!.post(spent, {}, { csrfFrom: `/o/${org.slug}/login` })).status).toBe(410)
  })

  const session = { topic: 'สร้างโดยบทบาท', detail: '', startsOn: '15/03/2566', endsOn: '', hours: '3', trainerKind: 'inside', trainerName: 'นายวิทยากร', trainerOrg: '', mode: 'onsite', place: 'ห้องประชุม', targetGroup: 'บุคลากร', budget: '' }
  const posts: { name: string; path: () => Promise<string>; body: Record<string, string>; allowed: string[]; ok: number }[] = [
    { name: 'create', path: async () => `${base()}/new`, body: session, allowed: EDIT, ok: 303 },
    { name: 'edit', path: async () => `${base()}/${id}/edit`, body: session, allowed: EDIT, ok: 303 },
    { name: 'publish', path: async () => `${base()}/${(await buildSession(t.deps.db, org.id)).id}/publish`, body: {}, allowed: EDIT, ok: 303 },
    { name: 'withdraw', path: async () => `${base()}/${(await buildSession(t.deps.db, org.id, { status: 'published', publishedAt: new Date() })).id}/withdraw`, body: {}, allowed: EDIT, ok: 303 },
    { name: 'delete', path: async () => `${base()}/${(await buildSession(t.deps.db, org.id)).id}/delete`, body: {}, allowed: EDIT, ok: 303 },
    { name: 'attendance', path: async () => `${base()}/${id}/attendance`, body: {}, allowed: EDIT, ok: 303 },
    { name: 'sign-up', path: async () => `${base()}/${id}/attendance/signup`, body: { everyone: 'on' }, allowed: EDIT, ok: 303 },
    { name: 'outside attendee', path: async () => `${base()}/${id}/attendance/outside`, body: { name: 'นายภายนอก ทดสอบ', position: '', organisation: '' }, allowed: EDIT, ok: 303 },
    // The test accounts have no person in the directory: the check-in page answers 409 saying so.
    { name: 'self check-in', path: async () => `${base()}/${id}/checkin`, body: {}, allowed: CHECKIN, ok: 409 },
    { name: 'answer', path: async () => `${base()}/${id}/answer/eval`, body: {}, allowed: CHECKIN, ok: 409 },
    { name: 'question create', path: async () => `${base()}/questions/new`, body: { subject: '', text: 'คำถามตามบทบาท', choices: 'ก\nข', correct: '1' }, allowed: EDIT, ok: 303 },
    { name: 'question edit', path: async () => `${base()}/questions/${qid}/edit`, body: { subject: 'หมวด', text: 'คำถามแก้ตามบทบาท', choices: 'ก\nข', correct: '2' }, allowed: EDIT, ok: 303 },
    { name: 'question delete', path: async () => `${base()}/questions/${(await buildQuestion(t.deps.db, org.id)).id}/delete`, body: {}, allowed: EDIT, ok: 303 },
    { name: 'test', path: async () => `${base()}/${id}/test`, get body() {
        return { questionIds: qid }
      },
      allowed: EDIT, ok: 303 },
    { name: 'report', path: async () => `${base()}/${id}/report`, body: { summary: 'สรุป', benefits: '', reporterName: 'นางสาวผู้รายงาน', reporterPosition: '' }, allowed: EDIT, ok: 303 },
    {
      name: 'certificates',
      path: async () => {
        const s = await buildSession(t.deps.db, org.id, { status: 'published', publishedAt: new Date() })
        await buildAttendee(t.deps.db, org.id, s.id, { status: 'present' })
        return `${base()}/${s.id}/certificates`
      },
      body: { signerName: 'นายผู้ลงนาม', signerPosition: '' },
      allowed: EDIT,
      ok: 303,
    },
    { name: 'course create', path: async () => `${base()}/people/${pid}/courses/new`, body: { name: 'หลักสูตรตามบทบาท', organiser: 'ผู้จัด', startsOn: '10/05/2566', endsOn: '', hours: '3' }, allowed: EDIT, ok: 303 },
    { name: 'course edit', path: async () => `${base()}/courses/${course}/edit`, body: { name: 'หลักสูตรแก้ตามบทบาท', organiser: 'ผู้จัด', startsOn: '10/05/2566', endsOn: '', hours: '3' }, allowed: EDIT, ok: 303 },
    { name: 'course delete', path: async () => `${base()}/courses/${(await buildCourse(t.deps.db, org.id, pid)).id}/delete`, body: {}, allowed: EDIT, ok: 303 },
    {
      name: 'paper evaluation',
      path: async () => `${base()}/${id}/paper/${(await buildAttendee(t.deps.db, org.id, id, { status: 'present' })).id}/eval`,
      body: Object.fromEntries(['content', 'trainer', 'materials', 'venue', 'overall'].map((k) => [`r_${k}`, '5'])),
      allowed: EDIT,
      ok: 303,
    },
    { name: 'remove attendee', path: async () => `${base()}/${id}/attendance/${(await buildAttendee(t.deps.db, org.id, id)).id}/remove`, body: {}, allowed: EDIT, ok: 303 },
    { name: 'file delete', path: async () => `${base()}/${id}/files/${await addSessionFile()}/delete`, body: {}, allowed: EDIT, ok: 303 },
    { name: 'links', path: async () => `${base()}/${id}/links`, body: { form: 'eval' }, allowed: EDIT, ok: 200 },
  ]
  it.each(posts.flatMap((p, i) => [...ROLES, 'other_agency' as const].map((w) => [p.name, i, w] as const)))('POST %s (%i) as %s', async (_name, i, w) => {
    const p = posts[i]!
    const res = await clients.get(w)!.post(await p.path(), p.body, { csrfFrom: `/o/${org.slug}/` })
    expect(res.status).toBe(w !== 'other_agency' && p.allowed.includes(w) ? p.ok : 403)
  })

  it.each([...ROLES, 'other_agency' as const].map((w) => [w] as const))('POST a material (multipart) as %s', async (w) => {
    const res = await postMultipart(t.app, clients.get(w)!, `${base()}/${id}/files`, { kind: 'material', caption: '' }, [{ field: 'file', name: 'm.pdf', bytes: TINY_PDF }], { csrfFrom: `/o/${org.slug}/` })
    expect(res.status).toBe(w !== 'other_agency' && EDIT.includes(w) ? 303 : 403)
  })

  it.each(ROLES.map((r) => [r] as const))('the staff menu shows the module to %s only when allowed', async (role) => {
    const html = await (await clients.get(role)!.get(`/o/${org.slug}/admin`)).text()
    expect(html.includes(`href="/o/${org.slug}/admin/trainings"`)).toBe(READ.includes(role))
  })
})
