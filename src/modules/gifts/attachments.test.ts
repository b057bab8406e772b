// A gift's photo or receipt and its signed hand-over form (issue 19, item 1): uploaded with the record,
// checked by content (a renamed executable is refused on the same form with its values, nothing
// written), served only to staff who keep the register, replaced by a new upload, removed with the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, postMultipart, TINY_PDF } from '../../../tests/support/multipart.js'
import { inOrg } from '../../db/client.js'
import { files } from '../../platform/files/files.schema.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { giftsRecords } from './gifts.schema.js'
import { buildPerson } from './testing/factories.js'

// The smallest valid PNG (1×1, transparent).
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'))

describe('gifts: photo and hand-over form', () => {
  let t: TestApp
  let org: Org
  let other: Org
  let personId = ''
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const viewer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const outsider = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const visitor = new TestClient({ request: (p, i) => t.app.request(p, i) })
  const base = () => `/o/${org.slug}/admin/gifts`
  const rows = () => inOrg(t.deps.db, org.id, (tx) => tx.select().from(giftsRecords))
  const fileIds = async () => (await inOrg(t.deps.db, org.id, (tx) => tx.select({ id: files.id }).from(files))).map((f) => f.id)

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    other = await buildOrg(t.deps.db)
    personId = (await buildPerson(t.deps.db, org.id, { fullName: 'นางสาวผู้รับ ของฝาก', position: 'นักวิชาการพัสดุ' })).id
    expect((await officer.signIn(org.slug, (await buildUser(t.deps.db, org, 'officer')).email, TEST_PASSWORD)).status).toBe(303)
    expect((await viewer.signIn(org.slug, (await buildUser(t.deps.db, org, 'viewer')).email, TEST_PASSWORD)).status).toBe(303)
    expect((await outsider.signIn(other.slug, (await buildUser(t.deps.db, other, 'agency_admin')).email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  const form = () => ({ personId, receivedOn: '03/01/2566', giver: 'บริษัท ก่อสร้างทดสอบ จำกัด', relation: 'stakeholder', occasion: 'วันขึ้นปีใหม่ 2566', customary: 'on', description: 'กระเช้าของขวัญ', valueBaht: '2,500', action: 'handed_over', handedTo: 'สำนักปลัดเทศบาล', handedOn: '05/01/2566', note: '' })

  it('refuses a file that is not what it says on the same form, and writes nothing', async () => {
    const res = await postMultipart(t.app, officer, `${base()}/new`, form(), [{ field: 'photo', name: 'กระเช้า.png', bytes: FAKE_EXE, type: 'image/png' }], { csrfFrom: `${base()}/new` })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain(`action="${base()}/new"`)
    expect(html).toContain('value="บริษัท ก่อสร้างทดสอบ จำกัด"')
    expect(html).toContain('value="2,500"')
    expect(html).toMatch(/class="error-summary"/)
    expect(html).toMatch(/PDF|JPEG|PNG/)
    expect(await rows()).toEqual([])
    expect(await fileIds()).toEqual([])
  })

  it('stores both files, serves them only to staff who keep the register, replaces one on a new upload and removes both with the record', async () => {
    const created = await postMultipart(t.app, officer, `${base()}/new`, form(), [
      { field: 'photo', name: 'กระเช้า.png', bytes: PNG, type: 'image/png' },
      { field: 'handover', name: 'ใบส่งมอบ.pdf', bytes: TINY_PDF, type: 'application/pdf' },
    ], { csrfFrom: `${base()}/new` })
    expect(created.status).toBe(303)
    const [gift] = await rows()
    expect(gift!.photoFileId).toBeTruthy()
    expect(gift!.handoverFileId).toBeTruthy()
    const photo = `${base()}/${gift!.id}/file/photo`
    const handover = `${base()}/${gift!.id}/file/handover`

    // Same bytes back, with the type checked from the content; not cached.
    const got = await officer.get(photo)
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toMatch(/^image\/png/)
    expect(got.headers.get('cache-control')).toBe('no-store')
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG)
    const pdf = await officer.get(handover)
    expect(pdf.headers.get('content-type')).toMatch(/^application\/pdf/)
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(TINY_PDF)

    // The edit page links both; nobody outside the agency's staff gets them.
    const edit = await (await officer.get(`${base()}/${gift!.id}/edit`)).text()
    expect(edit).toContain(`href="${photo}"`)
    expect(edit).toContain(`href="${handover}"`)
    // A viewer does not read the register (it names people); nor does a visitor or another agency.
    expect((await viewer.get(photo)).status).toBe(403)
    expect([401, 302, 303]).toContain((await visitor.get(photo)).status)
    expect([403, 404]).toContain((await outsider.get(photo)).status)
    expect((await officer.get(`${base()}/${gift!.id}/file/other`)).status).toBe(404)

    // A new photo replaces the old one (its file is gone); the hand-over form stays.
    const oldPhoto = gift!.photoFileId!
    const replaced = await postMultipart(t.app, officer, `${base()}/${gift!.id}/edit`, form(), [{ field: 'photo', name: 'ใบเสร็จ.pdf', bytes: TINY_PDF, type: 'application/pdf' }], { csrfFrom: `${base()}/${gift!.id}/edit` })
    expect(replaced.status).toBe(303)
    const [after] = await rows()
    expect(after!.photoFileId).not.toBe(oldPhoto)
    expect(after!.handoverFileId).toBe(gift!.handoverFileId)
    expect(await fileIds()).not.toContain(oldPhoto)
    expect((await officer.get(photo)).headers.get('content-type')).toMatch(/^application\/pdf/)

    // Deleting the record (after its confirmation page) removes both files.
    const del = `${base()}/${gift!.id}/delete`
    expect((await officer.get(del)).status).toBe(200)
    expect((await officer.post(del, {}, { csrfFrom: del })).status).toBe(303)
    expect(await rows()).toEqual([])
    expect(await fileIds()).toEqual([])
    expect((await officer.get(photo)).status).toBe(404)
    expect(await inOrg(t.deps.db, org.id, (tx) => tx.select().from(giftsRecords).where(eq(giftsRecords.id, gift!.id)))).toEqual([])
  })
})
