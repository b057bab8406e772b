// Photos of a meeting (issue 17, item 4), stored like the gifts module's: uploaded with a caption,
// checked by content (a renamed executable or a PDF is refused on the same form, the caption kept,
// nothing written; at most MAX_PHOTOS a meeting), served to staff who read meetings and — only while
// the meeting is public — to anyone; another agency never gets them; deleted after a confirmation page; audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, postMultipart, TINY_PDF } from '../../../tests/support/multipart.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import { files } from '../../platform/files/files.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { meetingPhotos, meetings } from './meetings.schema.js'
import { MAX_PHOTOS } from './photos.js'
import { buildMeeting, buildPhoto, TINY_PNG } from './testing/factories.js'

describe('meetings: photos', () => {
  let t: TestApp
  let org: Org
  let other: Org
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const viewer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const outsider = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/meetings`
  const photos = (meetingId: string) => inOrg(t.deps.db, org.id, (tx) => tx.select().from(meetingPhotos).where(eq(meetingPhotos.meetingId, meetingId)))
  const fileIds = async () => (await inOrg(t.deps.db, org.id, (tx) => tx.select({ id: files.id }).from(files))).map((f) => f.id)
  const audits = async (entityId: string) => (await inOrg(t.deps.db, org.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, entityId)))).map((a) => ({ action: a.action, details: a.details }))
  const upload = (meetingId: string, caption: string, file: { name: string; bytes: Uint8Array; type: string } | null) =>
    postMultipart(t.app, officer, `${base()}/${meetingId}/photos/new`, { caption }, file ? [{ field: 'photo', ...file }] : [], { csrfFrom: `${base()}/${meetingId}/photos/new` })

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    expect((await officer.signIn(org.slug, (await buildUser(t.deps.db, org, 'officer')).email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, (await buildUser(t.deps.db, org, 'viewer')).email, TEST_PASSWORD)).status).toBe(303)
    expect((await outsider.signIn(other.slug, (await buildUser(t.deps.db, other, 'agency_admin')).email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('refuses a file that is not a JPEG, PNG or WebP (by content) on the same form, the caption kept, and writes nothing', async () => {
    const m = await buildMeeting(t.deps.db, org.id, { status: 'held' })
    const before = await fileIds()
    const caption = 'ผู้บริหารชี้แจงนโยบายไม่รับของขวัญ'
    for (const file of [
      { name: 'ภาพประชุม.png', bytes: FAKE_EXE, type: 'image/png' },
      { name: 'ภาพประชุม.pdf', bytes: TINY_PDF, type: 'application/pdf' },
      { name: 'ใหญ่.png', bytes: new Uint8Array(11 * 1024 * 1024), type: 'image/png' },
    ]) {
      const res = await upload(m.id, caption, file)
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toMatch(/<title>ข้อผิดพลาด:/)
      expect(html).toContain(`action="${base()}/${m.id}/photos/new"`)
      expect(html).toContain('enctype="multipart/form-data"')
      expect(html).toMatch(/class="error-summary"[^>]*autofocus/)
      expect(html).toContain('href="#photo"')
      expect(html).toContain(`value="${caption}"`)
      expect(html).toMatch(file.bytes.byteLength > 1024 * 1024 ? /10 MB/ : /JPEG, PNG, WebP/)
    }
    // No file, and a file without a caption (the caption is the image's text alternative).
    const none = await upload(m.id, caption, null)
    expect(none.status).toBe(422)
    expect(await none.text()).toContain(`value="${caption}"`)
    const noCaption = await upload(m.id, '', { name: 'ok.png', bytes: TINY_PNG, type: 'image/png' })
    expect(noCaption.status).toBe(422)
    expect(await noCaption.text()).toContain('href="#caption"')
    const long = await upload(m.id, 'ก'.repeat(301), { name: 'ok.png', bytes: TINY_PNG, type: 'image/png' })
    expect(long.status).toBe(422)
    expect(await long.text()).toContain(`value="${'ก'.repeat(301)}"`)
    expect(await photos(m.id)).toEqual([])
    expect(await fileIds()).toEqual(before)
  })

  it('stores a photo through the files service, shows it with its caption as alt text, serves it to staff only, and audits it', async () => {
    const m = await buildMeeting(t.deps.db, org.id, { status: 'held' })
    expect((await officer.get(`${base()}/${m.id}/photos/new`)).status).toBe(200)
    const caption = 'บรรยากาศการประชุมประจำเดือน'
    const res = await upload(m.id, caption, { name: 'ประชุม.png', bytes: TINY_PNG, type: 'image/png' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${base()}/${m.id}#photos`)
    const [photo] = await photos(m.id)
    expect(photo).toMatchObject({ caption, position: 1 })
    const [file] = await inOrg(t.deps.db, org.id, (tx) => tx.select().from(files).where(eq(files.id, photo!.fileId)))
    expect(file).toMatchObject({ contentType: 'image/png', isPublic: false, size: TINY_PNG.byteLength })
    expect(await audits(photo!.id)).toEqual([{ action: 'meetings.photo.add', details: expect.objectContaining({ meetingId: m.id, caption, contentType: 'image/png' }) }])

    const src = `${base()}/${m.id}/photos/${photo!.id}`
    const page = await (await officer.get(`${base()}/${m.id}`)).text()
    expect(page).toContain(`<img src="${src}" alt="${caption}"`)
    expect(page).toContain(`<figcaption>${caption}</figcaption>`)
    expect(page).toContain(`href="${src}/delete"`)
    // The image: same bytes, the type from the content, never cached or sniffed.
    const got = await officer.get(src)
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toMatch(/^image\/png/)
    expect(got.headers.get('cache-control')).toBe('no-store')
    expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(TINY_PNG)
    // A viewer sees it but cannot add or delete; a second photo goes after the first.
    expect((await viewer.get(src)).status).toBe(200)
    const seen = await (await viewer.get(`${base()}/${m.id}`)).text()
    expect(seen).toContain(`alt="${caption}"`)
    expect(seen).not.toContain(`href="${src}/delete"`)
    expect(seen).not.toContain(`href="${base()}/${m.id}/photos/new"`)
    expect((await upload(m.id, 'ภาพที่สอง', { name: 'b.png', bytes: TINY_PNG, type: 'image/png' })).status).toBe(303)
    expect((await photos(m.id)).map((p) => p.position).sort()).toEqual([1, 2])

    // Tenant isolation: another agency gets nothing at its own address (404) nor at this one (403); a visitor is sent to sign in.
    expect((await outsider.get(`/o/${other.slug}/admin/meetings/${m.id}/photos/${photo!.id}`)).status).toBe(404)
    expect((await outsider.get(src)).status).toBe(403)
    expect((await visitor.get(src)).status).toBe(303)
    // The photo of one meeting is not served under another's address.
    const elsewhere = await buildMeeting(t.deps.db, org.id)
    expect((await officer.get(`${base()}/${elsewhere.id}/photos/${photo!.id}`)).status).toBe(404)
    expect((await officer.get(`${base()}/${m.id}/photos/not-a-uuid`)).status).toBe(404)
  })

  it('shows photos on the public meeting page only while the meeting is public', async () => {
    const m = await buildMeeting(t.deps.db, org.id, { status: 'held' })
    const photo = await buildPhoto(t.deps.db, org.id, m.id, { caption: 'ประชาคมหมู่บ้าน' })
    const pub = `/o/${org.slug}/meetings/${m.id}/photos/${photo.id}`
    expect((await visitor.get(pub)).status).toBe(404)
    expect((await visitor.get(`/o/${org.slug}/meetings/${m.id}`)).status).toBe(404)
    // Made public: the page shows it and anyone gets the image.
    await inOrg(t.deps.db, org.id, (tx) => tx.update(meetings).set({ isPublic: true }).where(eq(meetings.id, m.id)))
    const page = await (await visitor.get(`/o/${org.slug}/meetings/${m.id}`)).text()
    expect(page).toContain(`<img src="${pub}" alt="ประชาคมหมู่บ้าน"`)
    const got = await visitor.get(pub)
    expect(got.status).toBe(200)
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(TINY_PNG)
    // Another agency's public address for it is 404 (row-level security), and so is a photo id under the wrong meeting.
    expect((await visitor.get(`/o/${other.slug}/meetings/${m.id}/photos/${photo.id}`)).status).toBe(404)
    const otherPublic = await buildMeeting(t.deps.db, org.id, { isPublic: true })
    expect((await visitor.get(`/o/${org.slug}/meetings/${otherPublic.id}/photos/${photo.id}`)).status).toBe(404)
    // Withdrawn (made non-public again): gone from the public side.
    await inOrg(t.deps.db, org.id, (tx) => tx.update(meetings).set({ isPublic: false }).where(eq(meetings.id, m.id)))
    expect((await visitor.get(pub)).status).toBe(404)
  })

  it('deletes a photo and its file only after the confirmation page, audited; a cancelled meeting takes no photos (409, same form)', async () => {
    const m = await buildMeeting(t.deps.db, org.id, { status: 'held' })
    expect((await upload(m.id, 'ภาพที่จะลบ', { name: 'x.png', bytes: TINY_PNG, type: 'image/png' })).status).toBe(303)
    const [photo] = await photos(m.id)
    const del = `${base()}/${m.id}/photos/${photo!.id}/delete`
    const confirm = await officer.get(del)
    expect(confirm.status).toBe(200)
    const html = await confirm.text()
    expect(html).toContain('<h1>ยืนยันการลบภาพ &quot;ภาพที่จะลบ&quot;</h1>')
    expect(html).toContain(`action="${del}"`)
    expect(await photos(m.id)).toHaveLength(1)
    const done = await officer.post(del, {}, { csrfFrom: del })
    expect(done.status).toBe(303)
    expect(await photos(m.id)).toEqual([])
    expect(await fileIds()).not.toContain(photo!.fileId)
    expect((await officer.get(`${base()}/${m.id}/photos/${photo!.id}`)).status).toBe(404)
    expect((await officer.post(del, {}, { csrfFrom: `${base()}/${m.id}` })).status).toBe(404)
    expect((await audits(photo!.id)).map((a) => a.action)).toEqual(['meetings.photo.add', 'meetings.photo.delete'])

    const cancelled = await buildMeeting(t.deps.db, org.id, { status: 'cancelled' })
    const refused = await upload(cancelled.id, 'ภาพการประชุมที่ยกเลิก', { name: 'x.png', bytes: TINY_PNG, type: 'image/png' })
    expect(refused.status).toBe(409)
    const body = await refused.text()
    expect(body).toContain('ยกเลิกแล้ว จึงเพิ่มภาพไม่ได้')
    expect(body).toContain('value="ภาพการประชุมที่ยกเลิก"')
    expect(await photos(cancelled.id)).toEqual([])

    // A meeting holds at most MAX_PHOTOS: the next one is refused on the form, nothing written.
    const full = await buildMeeting(t.deps.db, org.id, { status: 'held' })
    for (let i = 1; i <= MAX_PHOTOS; i++) await buildPhoto(t.deps.db, org.id, full.id, { position: i })
    const files0 = await fileIds()
    const over = await upload(full.id, 'ภาพเกินจำนวน', { name: 'x.png', bytes: TINY_PNG, type: 'image/png' })
    expect(over.status).toBe(409)
    expect(await over.text()).toContain(`ไม่เกิน ${MAX_PHOTOS} ภาพ`)
    expect(await photos(full.id)).toHaveLength(MAX_PHOTOS)
    expect(await fileIds()).toEqual(files0)
  })

  it('deleting a meeting (never held nor published) removes its photos’ files', async () => {
    const m = await buildMeeting(t.deps.db, org.id)
    const photo = await buildPhoto(t.deps.db, org.id, m.id)
    const del = `${base()}/${m.id}/delete`
    expect((await officer.post(del, {}, { csrfFrom: del })).status).toBe(303)
    expect(await photos(m.id)).toEqual([])
    expect(await fileIds()).not.toContain(photo.fileId)
  })
})
