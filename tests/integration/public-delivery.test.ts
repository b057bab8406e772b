import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg, buildUser, TEST_PASSWORD } from '../support/factories.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'
import { sql } from 'drizzle-orm'
import { inOrg } from '../../src/db/client.js'
import { putFile } from '../../src/platform/files/files.service.js'
import { invalidatePublicCache } from '../../src/platform/http/page-cache.js'
import { pickEncoding } from '../../src/platform/http/compress.js'
import { forgetOrg } from '../../src/platform/http/middleware.js'

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

// Issue 12: public pages reach phones compressed, answer repeat visits from the cache (304 on a
// matching ETag), carry link previews for LINE and Facebook, and static assets are long-cached
// under versioned URLs. Signed-in pages are never compressed (BREACH).

describe('public pages on slow phones and in chat apps', () => {
  let t: TestApp
  let org: Org
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers: { host: 'prongsai.example', ...headers } })

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://prongsai.example' })
    org = await buildOrg(t.deps.db, { slug: 'delivery-town' })
  })
  afterAll(() => t.close())

  it('chooses brotli, then gzip, as Accept-Encoding allows', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('gzip, br;q=0')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('*, br;q=0')).toBe('gzip')
    expect(pickEncoding('identity')).toBeNull()
    expect(pickEncoding(undefined)).toBeNull()
  })

  it('compresses public pages with brotli or gzip to the same HTML, and says so in Vary', async () => {
    const plain = await get(`/o/${org.slug}/`)
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-encoding')).toBeNull()
    const html = await plain.text()
    const br = await get(`/o/${org.slug}/`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/i)
    const brBytes = Buffer.from(await br.arrayBuffer())
    expect(brotliDecompressSync(brBytes).toString()).toBe(html)
    expect(brBytes.length).toBeLessThan(Buffer.byteLength(html) / 3)
    const gz = await get(`/o/${org.slug}/`, { 'accept-encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html)
  })

  it('answers a repeat visit with 304 for its ETag, and shows a change at once', async () => {
    const first = await get(`/o/${org.slug}/`)
    const etag = first.headers.get('etag')!
    expect(etag).toBeTruthy()
    const again = await get(`/o/${org.slug}/`, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    await t.deps.db.execute(sql`UPDATE orgs SET name_th = 'เทศบาลตำบลส่งเร็ว' WHERE id = ${org.id}`)
    forgetOrg(org.slug)
    invalidatePublicCache(org.id)
    const changed = await get(`/o/${org.slug}/`, { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toContain('เทศบาลตำบลส่งเร็ว')
  })

  it('drops the agency\'s cached public pages after any accepted staff change, whichever module made it', async () => {
    const { buildSurvey, buildQuestions } = await import('../../src/modules/surveys/testing/factories.js')
    const s = await buildSurvey(t.deps.db, org.id, { title: 'แบบสำรวจแคช' })
    await buildQuestions(t.deps.db, org.id, s.id)
    const list = async () => (await get(`/o/${org.slug}/surveys`)).text()
    expect(await list()).toContain(`/surveys/r/${s.id}`)
    expect(await list()).toContain(`/surveys/r/${s.id}`) // now from the cache
    const officer = await buildUser(t.deps.db, org, 'officer')
    const c = new TestClient({ request: (path, init) => t.app.request(path, { ...init, headers: { ...(init?.headers as Record<string, string>), host: 'prongsai.example' } }) })
    expect((await c.signIn(org.slug, officer.email, TEST_PASSWORD)).status).toBe(303)
    // The surveys module does not invalidate on closing: the platform does, after the change committed.
    expect((await c.post(`/o/${org.slug}/admin/surveys/${s.id}/close`, {}, { csrfFrom: `/o/${org.slug}/admin/surveys/${s.id}` })).status).toBe(303)
    expect(await list()).not.toContain(`/surveys/r/${s.id}`)
    // A refused change (409) drops nothing.
    const before = await get(`/o/${org.slug}/surveys`)
    expect((await c.post(`/o/${org.slug}/admin/surveys/${s.id}/close`, {}, { csrfFrom: `/o/${org.slug}/admin/surveys/${s.id}` })).status).toBe(409)
    expect((await get(`/o/${org.slug}/surveys`, { 'if-none-match': before.headers.get('etag')! })).status).toBe(304)
  })

  it('carries a description, a canonical link and Open Graph tags with absolute URLs on public pages', async () => {
    const html = await (await get(`/o/${org.slug}/`)).text()
    const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1]
    expect(meta('name', 'description')).toBeTruthy()
    expect(html).toContain(`<link rel="canonical" href="https://prongsai.example/o/${org.slug}/"`)
    expect(meta('property', 'og:url')).toBe(`https://prongsai.example/o/${org.slug}/`)
    expect(meta('property', 'og:locale')).toBe('th_TH')
    expect(meta('property', 'og:title')).toBeTruthy()
    const image = meta('property', 'og:image')!
    expect(image).toMatch(/^https:\/\/prongsai\.example\/static\/share\.png\?v=[\w-]{10}$/)
    const png = await get(image.replace('https://prongsai.example', ''))
    expect(png.status).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG')
  })

  it('serves the stylesheet precompressed under a versioned, immutable URL, with 304 for its ETag', async () => {
    const html = await (await get(`/o/${org.slug}/`)).text()
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!
    expect(href).toMatch(/^\/static\/app\.css\?v=[\w-]{10}$/)
    const css = await get(href, { 'accept-encoding': 'br' })
    expect(css.status).toBe(200)
    expect(css.headers.get('cache-control')).toContain('immutable')
    expect(css.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await css.arrayBuffer())).toString()).toContain('{')
    expect((await get(href, { 'if-none-match': css.headers.get('etag')! })).status).toBe(304)
  })

  it('never compresses a signed-in page', async () => {
    const user = await buildUser(t.deps.db, org, 'officer')
    const staff = new TestClient(t.app)
    expect((await staff.signIn(org.slug, user.email, TEST_PASSWORD)).status).toBe(303)
    const page = await staff.get(`/o/${org.slug}/admin`, { 'accept-encoding': 'br, gzip' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-encoding')).toBeNull()
  })

  it('uses the agency\'s logo as the preview image once it has one, and the logo is public', async () => {
    const logo = await inOrg(t.deps.db, org.id, (tx) => putFile(tx, org.id, { name: 'ตราเทศบาล.png', bytes: PNG, isPublic: true }))
    await t.deps.db.execute(sql`UPDATE orgs SET logo_file_id = ${logo.id} WHERE id = ${org.id}`)
    forgetOrg(org.slug)
    invalidatePublicCache(org.id)
    const html = await (await get(`/o/${org.slug}/`)).text()
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!
    expect(image).toBe(`https://prongsai.example/o/${org.slug}/files/${logo.id}`)
    const res = await get(image.replace('https://prongsai.example', ''))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^image\/png/)
  })
})
