import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, useCaseCtx, type TestApp } from '../../../tests/support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { FAKE_EXE, postMultipart, TINY_PDF } from '../../../tests/support/multipart.js'
import { inOrg } from '../../db/client.js'
import { auditLog } from '../../platform/audit/audit.schema.js'
import type { OrgUseCaseCtx } from '../../platform/http/context.js'
import type { Org } from '../../platform/orgs/orgs.schema.js'
import { filesOf, imageSize, photosOf } from './files.js'
import { buildSession, TINY_PNG } from './testing/factories.js'

/** The header of a 640 × 480 JPEG (SOI, APP0, SOF0). */
const JPEG_HEAD = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03])

describe('trainings: materials and photos of a session', () => {
  let t: TestApp
  let org: Org
  let ctx: OrgUseCaseCtx
  const officer = new TestClient({ request: (p, i) => t.app.request(p, i) })
  let url = ''

  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db)
    const u = await buildUser(t.deps.db, org, 'officer')
    ctx = useCaseCtx(t, org.id, u) as OrgUseCaseCtx
    const s = await buildSession(t.deps.db, org.id, { status: 'published', publishedAt: new Date() })
    url = `/o/${org.slug}/admin/trainings/${s.id}/files`
    expect((await officer.signIn(org.slug, u.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('reads the size of a PNG and a JPEG from the header', () => {
    expect(imageSize(TINY_PNG)).toEqual({ width: 1, height: 1 })
    expect(imageSize(JPEG_HEAD)).toEqual({ width: 640, height: 480 })
    expect(imageSize(TINY_PDF)).toBeNull()
  })

  it('uploads a material and a photo (checked by content; 422 with the caption kept), serves them, deletes after confirmation', async () => {
    const none = await postMultipart(t.app, officer, url, { kind: 'material', caption: 'เอกสารที่ลืมแนบ' })
    expect(none.status).toBe(422)
    expect(await none.text()).toContain('value="เอกสารที่ลืมแนบ"')
    const exe = await postMultipart(t.app, officer, url, { kind: 'material', caption: '' }, [{ field: 'file', name: 'slides.pdf', bytes: FAKE_EXE }])
    expect(exe.status).toBe(422)
    const pdfAsPhoto = await postMultipart(t.app, officer, url, { kind: 'photo', caption: 'ภาพที่เป็น PDF' }, [{ field: 'file', name: 'photo.pdf', bytes: TINY_PDF }])
    expect(pdfAsPhoto.status).toBe(422)
    expect(await pdfAsPhoto.text()).toContain('JPEG หรือ PNG')
    expect((await postMultipart(t.app, officer, url, { kind: 'material', caption: 'เอกสารประกอบการบรรยาย' }, [{ field: 'file', name: 'เอกสาร.pdf', bytes: TINY_PDF }])).status).toBe(303)
    expect((await postMultipart(t.app, officer, url, { kind: 'photo', caption: 'บรรยากาศการอบรม' }, [{ field: 'file', name: 'photo.png', bytes: TINY_PNG }])).status).toBe(303)
    const sessionId = url.split('/').at(-2)!
    const files = await filesOf(ctx, sessionId)
    expect(files.map((f) => [f.kind, f.caption, f.meta?.name])).toEqual([['material', 'เอกสารประกอบการบรรยาย', 'เอกสาร.pdf'], ['photo', 'บรรยากาศการอบรม', 'photo.png']])
    expect(await photosOf(ctx, sessionId)).toEqual([{ caption: 'บรรยากาศการอบรม', bytes: TINY_PNG, contentType: 'image/png' }])
    const served = await officer.get(`${url}/${files[0]!.id}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(await (await officer.get(`${url}/${files[0]!.id}/delete`)).text()).toContain('ยืนยันการลบไฟล์ &quot;เอกสาร.pdf&quot;')
    expect((await officer.post(`${url}/${files[0]!.id}/delete`, {})).status).toBe(303)
    expect((await officer.get(`${url}/${files[0]!.id}`)).status).toBe(404)
    const actions = (await inOrg(t.deps.db, org.id, (tx) => tx.select({ action: auditLog.action }).from(auditLog))).map((a) => a.action)
    expect(actions.filter((a) => a.startsWith('trainings.file.'))).toEqual(['trainings.file.add', 'trainings.file.add', 'trainings.file.remove'])
  })
})
