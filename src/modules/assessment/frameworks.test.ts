import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { inOrg } from '../../db/client.js'
import { createTestApp, TestClient, type TestApp } from '../../../tests/support/app.js'
import { buildUser, TEST_PASSWORD } from '../../../tests/support/factories.js'
import { currentFiscalYear } from '../../platform/thai/fiscal-year.js'
import { frameworkVersions } from './assessment.schema.js'
import { currentFramework, frameworkAt, frameworkYears, listFrameworkVersions } from './frameworks.service.js'

// Framework versions: a year with a built-in file starts at 2 in the table, a year added by upload
// (the current FY, which has no file) starts at 1; a stored row that no longer validates is skipped.

describe('ITA framework versions', () => {
  let t: TestApp
  const admin = new TestClient({ request: (p, i) => t.app.request(p, i) })
  // The current fiscal year from today's date; a year with no built-in file (the newest file is 2569).
  const year = Math.max(currentFiscalYear(), 2570)
  let base: Record<string, unknown>

  beforeAll(async () => {
    t = await createTestApp()
    const p = await buildUser(t.deps.db, null, 'platform_admin')
    expect((await admin.signIn(null, p.email, TEST_PASSWORD)).status).toBe(303)
    base = JSON.parse(await readFile(new URL('../../domain/ita/frameworks/2569.json', import.meta.url), 'utf8')) as Record<string, unknown>
  })
  afterAll(() => t.close())

  it(`the first upload of a year without a file (${year}) is version 1, the next is 2`, async () => {
    expect(await frameworkYears(t.deps.db)).not.toContain(year)
    const first = await admin.post('/admin/frameworks', { json: JSON.stringify({ ...base, fiscalYear: year }), note: `ปี ${year}` })
    expect(first.status).toBe(303)
    expect((await listFrameworkVersions(t.deps.db, year)).map((v) => [v.version, v.builtIn])).toEqual([[1, false]])
    expect(await currentFramework(t.deps.db, year)).toMatchObject({ fiscalYear: year, version: 1, builtIn: false })
    const list = await (await admin.get('/admin/frameworks')).text()
    expect(list).toContain(`/admin/frameworks/${year}/1.json`)
    expect(list).not.toContain(`/admin/frameworks/${year}/2.json`)
    expect(await frameworkAt(t.deps.db, year, 1)).toMatchObject({ version: 1 })
    expect((await admin.get('/admin/frameworks/2569/1.json')).status).toBe(200)
    const download = await admin.get(`/admin/frameworks/${year}/1.json`)
    expect(download.status).toBe(200)
    expect(JSON.parse(await download.text())).toMatchObject({ fiscalYear: year })

    expect((await admin.post('/admin/frameworks', { json: JSON.stringify({ ...base, fiscalYear: year, status: 'verified' }), note: 'แก้ไข' })).status).toBe(303)
    expect((await listFrameworkVersions(t.deps.db, year)).map((v) => v.version)).toEqual([2, 1])
    expect((await frameworkAt(t.deps.db, year, 1))?.framework.status).toBe('draft')
    expect(await frameworkYears(t.deps.db)).toContain(year)
  })

  it('a year with a built-in file keeps the file as version 1: its first upload is version 2', async () => {
    expect((await admin.post('/admin/frameworks', { json: JSON.stringify(base), note: 'แก้ไข 2569' })).status).toBe(303)
    expect((await listFrameworkVersions(t.deps.db, 2569)).map((v) => [v.version, v.builtIn])).toEqual([
      [2, false],
      [1, true],
    ])
  })

  it('uploads of one year sent at the same moment each get their own version, none fails', async () => {
    const json = JSON.stringify({ ...base, fiscalYear: 2567 })
    const answers = await Promise.all([1, 2, 3, 4].map((k) => admin.post('/admin/frameworks', { json, note: `พร้อมกัน ${k}` })))
    expect(answers.map((r) => r.status)).toEqual([303, 303, 303, 303])
    const stored = (await listFrameworkVersions(t.deps.db, 2567)).filter((v) => v.note?.startsWith('พร้อมกัน'))
    expect(stored.map((v) => v.version).sort()).toEqual([2, 3, 4, 5])
    expect(new Set(stored.map((v) => v.note)).size).toBe(4)
  })

  it('a stored version that no longer validates is skipped, not a 500', async () => {
    await inOrg(t.deps.db, null, (tx) => tx.insert(frameworkVersions).values({ fiscalYear: 2568, version: 2, framework: { fiscalYear: 2568, broken: true }, note: 'legacy' }))
    expect(await frameworkAt(t.deps.db, 2568, 2)).toBeUndefined()
    expect(await currentFramework(t.deps.db, 2568)).toMatchObject({ version: 1, builtIn: true })
    expect((await admin.get('/admin/frameworks/2568/2.json')).status).toBe(404)
    expect((await admin.get('/admin/frameworks')).status).toBe(200)
  })
})
