// The ITA cycle in a real Chromium against the real app over HTTP, on the demo agency (Phanom Rung).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq, and } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { inOrg } from '../../src/db/client.js'
import { closeChromium } from '../../src/platform/documents/chromium.js'
import { orgs } from '../../src/platform/orgs/orgs.schema.js'
import { measures } from '../../src/modules/measures/measures.schema.js'
import { loadDemoIfEmpty, DEMO_PASSWORD, demoEmail } from '../../src/app/demo.js'
import { browserPerFile, clickAndWait, expectNoAxeViolations, signIn, startTestServer, summaryFocused, type TestServer } from '../support/browser.js'

const SLOW = { timeout: 240_000 }
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

describe('ITA cycle in a real browser', SLOW, () => {
  let s: TestServer
  const browser = browserPerFile()
  const slug = 'phanomrung'
  let orgId: string
  const admin = () => `${s.baseUrl}/o/${slug}/admin/ita`

  beforeAll(async () => {
    s = await startTestServer()
    await loadDemoIfEmpty(s.deps)
    const [o] = await s.deps.db.select().from(orgs).where(eq(orgs.slug, slug))
    orgId = o!.id
  }, 120_000)
  afterAll(async () => {
    await browser.close()
    await closeChromium()
    await s?.close()
  })

  async function pageAs(role: 'officer' | 'executive' | 'platform_admin'): Promise<Page> {
    const ctx = await (await browser.get()).newContext({ acceptDownloads: true })
    const p = await ctx.newPage()
    const csp: string[] = []
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text())
    })
    ;(p as Page & { cspErrors?: string[] }).cspErrors = csp
    const res = await signIn(p, s.baseUrl, role === 'platform_admin' ? null : slug, demoEmail(role, role === 'platform_admin' ? null : slug), DEMO_PASSWORD)
    expect(res.status()).toBe(200)
    return p
  }
  const cspErrors = (p: Page) => (p as Page & { cspErrors?: string[] }).cspErrors ?? []

  it('staff pages pass axe: overview, year, scores (chart), plans, plan, measures, measure, import', async () => {
    const p = await pageAs('officer')
    const [m] = await inOrg(s.deps.db, orgId, (tx) => tx.select().from(measures).where(and(eq(measures.fiscalYear, 2566), eq(measures.sortOrder, 1))))
    for (const path of ['', '/2566', '/2566/scores', '/2566/plans', '/2566/plans/10', '/2566/measures', `/measures/${m!.id}`, '/import']) {
      await p.goto(admin() + path)
      expect(await p.title()).not.toContain('404')
      await expectNoAxeViolations(p)
    }
    await p.goto(`${admin()}/2566/scores`)
    expect(await p.locator('svg[role=img] desc').textContent()).toContain('93.59')
    expect(await p.locator('#below').textContent()).toContain('ตัวชี้วัดที่ 10')
    expect(cspErrors(p)).toEqual([])
  })

  it('an officer records an activity with evidence', async () => {
    const p = await pageAs('officer')
    const [m] = await inOrg(s.deps.db, orgId, (tx) => tx.select().from(measures).where(and(eq(measures.fiscalYear, 2566), eq(measures.sortOrder, 2))))
    await p.goto(`${admin()}/measures/${m!.id}`)
    const form = p.locator(`form[action$="/measures/${m!.id}/activities"]`)
    await form.locator('input[name=title]').fill('อบรมเรื่องผลประโยชน์ทับซ้อน รุ่นที่ 2')
    await form.locator('input[name=startsOn]').fill('15/06/2566')
    await form.locator('select[name=status]').selectOption('done')
    await form.locator('input[name=evidenceTitle]').fill('รายชื่อผู้เข้าอบรม')
    await form.locator('input[name=evidenceFile]').setInputFiles({ name: 'attendees.pdf', mimeType: 'application/pdf', buffer: PDF })
    await Promise.all([p.waitForNavigation(), form.locator('button[type=submit]').click()])
    expect(await p.locator('.notice').textContent()).toContain('บันทึกกิจกรรมแล้ว')
    expect(await p.locator('main').textContent()).toContain('อบรมเรื่องผลประโยชน์ทับซ้อน รุ่นที่ 2')
    const link = p.locator('a', { hasText: 'รายชื่อผู้เข้าอบรม' })
    const href = await link.getAttribute('href')
    const res = await p.request.get(s.baseUrl + href!)
    expect(res.headers()['content-type']).toBe('application/pdf')
    await expectNoAxeViolations(p)
  })

  it('an executive approves a measure', async () => {
    const o = await pageAs('officer')
    await o.goto(`${admin()}/2566/measures`)
    const add = o.locator('form[action$="/2566/measures"]')
    await add.locator('textarea[name=title]').fill('มาตรการส่งเสริมการแจ้งเบาะแส')
    await add.locator('textarea[name=steps]').fill('1. เปิดช่องทางออนไลน์\n2. ประชาสัมพันธ์')
    await Promise.all([o.waitForNavigation(), add.locator('button[type=submit]').click()])
    const url = o.url()
    expect(await o.locator('#measure-status').textContent()).toBe('รออนุมัติ')
    expect(await o.locator('form[action$="/approve"]').count()).toBe(0)
    const e = await pageAs('executive')
    await e.goto(url)
    await clickAndWait(e, 'form[action$="/approve"] button')
    expect(await e.locator('#measure-status').textContent()).toBe('อนุมัติแล้ว')
    await expectNoAxeViolations(e)
  })

  it('the report downloads as HTML, DOCX and PDF; the HTML page passes axe under the strict CSP', async () => {
    const p = await (await (await browser.get()).newContext({ acceptDownloads: true })).newPage()
    const csp: string[] = []
    p.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text())
    })
    const res = await p.goto(`${s.baseUrl}/o/${slug}/ita/2566/measures-report.html`)
    expect(res!.headers()['content-type']).toContain('text/html')
    expect(await p.locator('h1').textContent()).toContain('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส')
    expect(await p.locator('table').first().textContent()).toContain('มาตรการส่งเสริมการแจ้งเบาะแส')
    // The stylesheet applied (borders on cells), without inline style.
    expect(await p.locator('td').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid')
    await expectNoAxeViolations(p)
    expect(csp).toEqual([])
    for (const [label, ext, magic] of [['DOCX', 'docx', 'PK'], ['PDF', 'pdf', '%PDF']] as const) {
      const [dl] = await Promise.all([p.waitForEvent('download'), p.click(`a:has-text("ดาวน์โหลด ${label}")`)])
      expect(dl.suggestedFilename()).toBe(`phanomrung-ita-2566-measures-report.${ext}`)
      const { readFile } = await import('node:fs/promises')
      const bytes = await readFile((await dl.path())!)
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic)
    }
    for (const doc of ['measures-plan', 'assessment-analysis']) {
      await p.goto(`${s.baseUrl}/o/${slug}/ita/2566/${doc}.html`)
      await expectNoAxeViolations(p)
    }
  })

  it('the importer round-trips the demo report DOCX back into the same measures', async () => {
    const p = await pageAs('officer')
    const docx = Buffer.from(await (await fetch(`${s.baseUrl}/o/${slug}/ita/2566/measures-report.docx`)).arrayBuffer())
    await p.goto(`${admin()}/import`)
    await p.fill('#fiscalYear', '2560')
    await p.setInputFiles('#docx', { name: 'report-2566.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx })
    await clickAndWait(p, 'form[action$="/import"] button[type=submit]')
    expect(await p.locator('h1').textContent()).toBe('ตรวจสอบข้อมูลก่อนบันทึก')
    await expectNoAxeViolations(p)
    await clickAndWait(p, 'form[action$="/import/confirm"] button[type=submit]')
    expect(await p.locator('.notice').textContent()).toContain('นำเข้ามาตรการ')
    const pick = (m: typeof measures.$inferSelect) => ({ title: m.title, steps: m.steps, responsible: m.responsibleText, resultSummary: m.resultSummary, outcome: m.outcome })
    const [orig, back] = await inOrg(s.deps.db, orgId, async (tx) => [
      (await tx.select().from(measures).where(and(eq(measures.fiscalYear, 2566), eq(measures.status, 'approved')))).sort((a, b) => a.sortOrder - b.sortOrder),
      (await tx.select().from(measures).where(eq(measures.fiscalYear, 2560))).sort((a, b) => a.sortOrder - b.sortOrder),
    ])
    expect(back.map(pick)).toEqual(orig.map(pick))
    expect(back.length).toBeGreaterThanOrEqual(6)
  })

  it('a refused evidence link shows the same plan page: error title, focused summary, values kept (axe)', async () => {
    const p = await pageAs('officer')
    await p.goto(`${admin()}/2566/plans/10`)
    const form = p.locator('form[action$="/2566/plans/10/evidence"]').first()
    await form.locator('input[name=title]').fill('เว็บไซต์เดิม')
    await form.locator('input[name=url]').fill('ftp://example.org/old') // a valid URL to the browser, refused by the app
    await Promise.all([p.waitForNavigation(), form.locator('button[type=submit]').click()])
    expect(await p.title()).toMatch(/^ข้อผิดพลาด: /)
    expect(await summaryFocused(p)).toBe(true)
    expect(await p.locator('#ev-ind-url').inputValue()).toBe('ftp://example.org/old')
    expect(await p.locator('#ev-ind-title').inputValue()).toBe('เว็บไซต์เดิม')
    await expectNoAxeViolations(p)
    expect(cspErrors(p)).toEqual([])
  })

  it('a platform admin sees the frameworks page (axe)', async () => {
    const p = await pageAs('platform_admin')
    await p.goto(`${s.baseUrl}/admin/frameworks`)
    expect(await p.locator('h1').textContent()).toBe('กรอบการประเมิน ITA')
    await expectNoAxeViolations(p)
  })
})
