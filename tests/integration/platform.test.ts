import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { eq } from 'drizzle-orm'
import { orgs } from '../../src/platform/orgs/orgs.schema.js'
import { createTestApp, TestClient, type TestApp } from '../support/app.js'
import { buildUser, TEST_PASSWORD } from '../support/factories.js'

const run = promisify(execFile)

describe('platform admin: agencies and the first admin', () => {
  let t: TestApp
  let client: TestClient
  beforeAll(async () => {
    t = await createTestApp()
    const admin = await buildUser(t.deps.db, null, 'platform_admin')
    client = new TestClient(t.app)
    expect((await client.signIn(null, admin.email, TEST_PASSWORD)).status).toBe(303)
  })
  afterAll(() => t.close())

  it('creates an agency, which then has a public home page; bad input is a Thai 422 with values kept', async () => {
    const bad = await client.post('/admin/orgs', { nameTh: 'อบต.ทดลอง', slug: 'Bad Slug!', kind: 'nope', province: '', district: 'เมือง' })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('ชื่อย่อใช้ได้เฉพาะ a-z')
    expect(html).toContain('กรุณาเลือกประเภทหน่วยงาน')
    expect(html).toContain('กรุณากรอกจังหวัด')
    expect(html).toContain('value="อบต.ทดลอง"')
    const ok = await client.post('/admin/orgs', { nameTh: 'องค์การบริหารส่วนตำบลทดลอง', slug: 'thodlong', kind: 'subdistrict_admin_org', province: 'บุรีรัมย์', district: 'เมือง' })
    expect(ok.status).toBe(303)
    const [org] = await t.deps.db.select().from(orgs).where(eq(orgs.slug, 'thodlong'))
    expect(org?.nameTh).toBe('องค์การบริหารส่วนตำบลทดลอง')
    expect(await (await t.app.request('/o/thodlong/')).text()).toContain('องค์การบริหารส่วนตำบลทดลอง')
    const dup = await client.post('/admin/orgs', { nameTh: 'ซ้ำ', slug: 'thodlong', kind: 'subdistrict_admin_org', province: 'บุรีรัมย์', district: 'เมือง' })
    expect(dup.status).toBe(409)
    expect(await dup.text()).toContain('ชื่อย่อนี้ถูกใช้แล้ว')
  })

  it('npm run admin:create makes a platform admin with a set-password link and no default password', async () => {
    const { stdout } = await run('node_modules/.bin/tsx', ['src/app/cli/admin-create.ts', '--email', 'First.Admin@Example.org', '--name', 'ผู้ดูแลคนแรก'], {
      env: { ...process.env, DATABASE_URL: t.database.ownerUrl, DATA_DIR: t.deps.config.dataDir, LOG_LEVEL: 'silent', DEMO: 'off' },
    })
    const link = stdout.match(/\/invite\/([A-Za-z0-9_-]+)/)![0]
    const fresh = new TestClient(t.app)
    expect((await fresh.signIn(null, 'first.admin@example.org', '')).status).toBe(422)
    expect((await fresh.post(link, { password: 'first admin password', confirm: 'first admin password' })).status).toBe(303)
    expect((await fresh.signIn(null, 'first.admin@example.org', 'first admin password')).status).toBe(303)
    expect((await fresh.get('/admin')).status).toBe(200)
  })
})
