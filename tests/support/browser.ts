import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { expect } from 'vitest'
import { launchChromium } from '../../src/platform/documents/chromium.js'
import { createTestApp, type TestApp } from './app.js'

export type TestServer = TestApp & { baseUrl: string }

/** The real app on a real port (loopback), on a fresh database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const t = await createTestApp(env)
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((r) => server.once('listening', () => r()))
  const { port } = server.address() as AddressInfo
  return {
    ...t,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()))
      await t.close()
    },
  }
}

/** Browser tests never skip: if Chromium cannot start, the test fails with the reason. */
export async function launchBrowser(): Promise<Browser> {
  return launchChromium()
}

/** WCAG 2.1 AA via axe-core; fails listing every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

export async function signInWithBrowser(page: Page, baseUrl: string, slug: string | null, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}${slug ? `/o/${slug}` : ''}/login`)
  await page.fill('#email', email)
  await page.fill('#password', password)
  await Promise.all([page.waitForURL(/\/admin/), page.click('button[type=submit]:has-text("เข้าสู่ระบบ")')])
}

/** Clicks something that submits or navigates, and waits for the next page to load. */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)])
}
