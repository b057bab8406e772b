import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { createApp } from '../../src/app/create-app.js'
import { buildRegistry } from '../../src/platform/module/registry.js'
import { manifests } from '../../src/app/registry.js'
import type { OrgEnv } from '../../src/platform/http/context.js'
import { AppError } from '../../src/platform/http/errors.js'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildOrg } from '../support/factories.js'
import type { Org } from '../../src/platform/orgs/orgs.schema.js'

describe('app shell: health, errors, language, security headers', () => {
  let t: TestApp
  let org: Org
  beforeAll(async () => {
    t = await createTestApp()
    org = await buildOrg(t.deps.db, { nameEn: 'Test Municipality' })
  })
  afterAll(() => t.close())

  it('/healthz checks the database', async () => {
    const res = await t.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('serves Thai by default, English on request, and remembers the choice', async () => {
    const c = new TestClient(t.app)
    const th = await (await c.get(`/o/${org.slug}/`)).text()
    expect(th).toContain('<html lang="th">')
    expect(th).toContain('ยินดีต้อนรับ')
    const en = await (await c.get(`/o/${org.slug}/?lang=en`)).text()
    expect(en).toContain('<html lang="en">')
    expect(en).toContain('Welcome to the website of Test Municipality')
    expect(await (await c.get('/')).text()).toContain('Agencies on this platform')
  })

  it('sends a strict CSP without inline scripts or styles, and other security headers', async () => {
    const res = await t.app.request(`/o/${org.slug}/`)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const html = await res.text()
    expect(html).not.toMatch(/<script(?![^>]*src=)/)
    expect(html).not.toMatch(/ style="/)
    // Every kind of response carries them: redirects, 404s, JSON, static files.
    for (const path of [`/o/${org.slug}/admin`, '/o/no-such-agency/', '/healthz', '/static/app.css']) {
      expect((await t.app.request(path)).headers.get('content-security-policy'), path).toBe(csp)
    }
  })

  it('answers unknown pages and agencies with a Thai 404', async () => {
    const a = await t.app.request('/o/no-such-agency/')
    expect(a.status).toBe(404)
    expect(await a.text()).toContain('ไม่พบหน้าที่ต้องการ')
    const b = await t.app.request(`/o/${org.slug}/nothing-here`)
    expect(b.status).toBe(404)
    const j = await t.app.request('/nothing', { headers: { accept: 'application/json' } })
    expect(j.status).toBe(404)
    expect(await j.json()).toMatchObject({ error: 'not_found' })
  })

  it('turns a bug into a 500 page with the request id and no stack trace', async () => {
    const broken = new Hono<OrgEnv>()
    broken.get('/boom', () => {
      throw new Error('secret internal detail at /srv/app.ts:42')
    })
    broken.get('/teapot', () => {
      throw new AppError('conflict', 409)
    })
    const app = createApp({ ...t.deps, registry: buildRegistry([...manifests, { id: 'broken', label: { th: 'ทดสอบ', en: 'test' }, routes: { public: () => broken } }]) })
    const res = await app.request(`/o/${org.slug}/boom`, { headers: { 'x-request-id': 'req-12345678' } })
    expect(res.status).toBe(500)
    const html = await res.text()
    expect(html).toContain('ระบบขัดข้อง')
    expect(html).toContain('req-12345678')
    expect(html).not.toContain('secret internal detail')
    expect(html).not.toContain('app.ts')
    const conflict = await app.request(`/o/${org.slug}/teapot`)
    expect(conflict.status).toBe(409)
    expect(await conflict.text()).toContain('ข้อมูลขัดแย้ง')
  })

  it('serves the self-hosted Sarabun font and CSS with long caching', async () => {
    const css = await t.app.request('/static/app.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('cache-control')).toContain('immutable')
    expect(await css.text()).toContain("font-family: 'Sarabun'")
    const font = await t.app.request('/static/fonts/sarabun-thai-400-normal.woff2')
    expect(font.status).toBe(200)
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(5000)
    expect((await t.app.request('/static/fonts/..%2F..%2Fpackage.json')).status).toBe(404)
  })
})
